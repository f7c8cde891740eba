package onepin

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func TestOnepinLimitsKeepEveryNumberExactly(t *testing.T) {
	t.Parallel()
	var p Plan
	body := `{"id":"a","limits":{"seats":123456789012345678901234567,"rate":0.10,"unlimited":"unlimited","sla":true,"none":null,` +
		`"nested":{"b":1.50,"a":10000000000000000000001},"list":[1e2,"x"]}}`
	if err := httpapi.DecodeJSON([]byte(body), &p); err != nil {
		t.Fatal(err)
	}
	got := limitsText(p.LimitTexts())
	want := map[string]string{
		"seats": "123456789012345678901234567", "rate": "0.10", "unlimited": "unlimited", "sla": "true",
		"nested": `{"a":10000000000000000000001,"b":1.50}`, "list": `[1e2,"x"]`, "none": "<null>",
	}
	if len(got) != len(want) {
		t.Errorf("limits = %v, want %v", got, want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("limit %s = %q, want %q", k, got[k], w)
		}
	}
}
