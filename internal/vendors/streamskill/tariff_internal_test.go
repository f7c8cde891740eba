package streamskill

import (
	"context"
	"encoding/json"
	"testing"
)

// The shared object type is derived from the schema attributes; the model
// must convert to it, or a data source embedding a tariff would fail at
// runtime instead of here.
func TestStreamskillTariffModelConvertsToTheSharedObjectType(t *testing.T) {
	t.Parallel()
	n, title, link := int64(10), "Twitch Viewers", "https://www.twitch.tv/"
	for _, tt := range []struct {
		name   string
		tariff Tariff
	}{
		{"a full tariff", Tariff{
			ID: 2, Title: &title, Text: []string{"a"}, Count: &n, CountMin: &n, CountMax: &n, Price: json.Number("12.5"),
			GraduatedPrices: map[string]json.Number{"0": "135"}, Discounts: map[string]json.Number{"1": "0"},
			Link: &TariffLink{Prefix: &link},
		}},
		{"a tariff with nothing but an id", Tariff{ID: 9}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			obj, diags := tariffObject(context.Background(), &tt.tariff)
			if diags.HasError() {
				t.Fatalf("diagnostics: %v", diags)
			}
			if got := len(obj.Attributes()); got != len(tariffAttrTypes()) {
				t.Errorf("object has %d attributes, want %d", got, len(tariffAttrTypes()))
			}
			if d := obj.Attributes()["discounts"]; d.IsNull() {
				t.Errorf("discounts is null, want a map")
			}
		})
	}
}
