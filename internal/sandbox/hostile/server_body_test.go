package hostile_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox/hostile"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
)

func TestTheEscapedObjectKeyIsTheKeyOnceDecoded(t *testing.T) {
	s := hostile.New()
	defer s.Close()
	for _, vendor := range hostile.Vendors() {
		_, body := get(t, s, "key-as-escaped-object-key", vendor, hostile.Path(vendor)+"?page=1")
		if strings.Contains(body, "k-"+vendor) || !strings.Contains(body, `"\u006b\u002D`+vendor) {
			t.Errorf("%s: body %.300s holds the key as sent, or not escaped", vendor, body)
		}
		var m any
		if err := json.Unmarshal([]byte(body), &m); err != nil {
			t.Fatalf("%s: %v", vendor, err)
		}
		decoded, _ := json.Marshal(m) // re-encoded without escapes
		if !strings.Contains(string(decoded), `"k-`+vendor+`":"1"`) {
			t.Errorf("%s: decoded body %.300s has no key k-%s", vendor, decoded, vendor)
		}
	}
}

func TestTheBodyBehavioursServeWhatTheySay(t *testing.T) {
	s := hostile.New()
	defer s.Close()
	_, bom := get(t, s, "byte-order-mark", onepinsandbox.Name, hostile.Path(onepinsandbox.Name))
	var m map[string]any
	if !strings.HasPrefix(bom, "\uFEFF{") || json.Unmarshal([]byte(strings.TrimPrefix(bom, "\uFEFF")), &m) != nil {
		t.Errorf("byte-order-mark: %.60q", bom)
	}
	_, deep := get(t, s, "free-form-nested-40-deep", onepinsandbox.Name, hostile.Path(onepinsandbox.Name))
	if !strings.Contains(deep, `"limits":`+strings.Repeat(`{"a":`, 40)+"1}") || json.Unmarshal([]byte(deep), &m) != nil {
		t.Errorf("free-form-nested-40-deep: %.300s", deep)
	}
	_, dup := get(t, s, "id-again-in-upper-case", paygenticsandbox.Name, hostile.Path(paygenticsandbox.Name))
	if !strings.Contains(dup, `"id":"plan_h1"`) || !strings.Contains(dup, `"ID":"plan_other"`) {
		t.Errorf("id-again-in-upper-case: %.300s", dup)
	}
	if status, html := get(t, s, "html-challenge-200", paygenticsandbox.Name, hostile.Path(paygenticsandbox.Name)); status != 200 || html != hostile.ChallengePage {
		t.Errorf("html-challenge-200: %d %.100s", status, html)
	}
}
