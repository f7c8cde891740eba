package streamskill

// Fuzz targets for what StreamSkill controls: a tariff and an error body
// (the shared assertions are in clienttest/fuzz.go). Seed corpora live in
// testdata/fuzz/<FuzzName>/ and run with every `go test`; `make fuzz` runs
// each target for FUZZTIME.

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
)

func FuzzStreamskillTariff(f *testing.F) {
	clienttest.AddBodySeeds(f)
	f.Add([]byte(`{"id":3,"title":"Viewers","text":["a"],"count":{"min":10,"max":350},"price":0.1,"type":"viewers","hourly":true,"pricing_type":"graduated","graduated_prices":{"0":135,"101":180},"discounts":[],"link":{"prefix":"https://twitch.tv/","placeholder":"channel"},"panel":true}`))
	f.Add([]byte(`{"id":1,"count":100,"price":50,"graduated_prices":null,"discounts":{"1":0,"500":10}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		c := &Client{api: clienttest.FuzzAPI(t)}
		var w tariffWire
		if err := c.api.Decode("get tariff 3", nil, body, &w); err != nil {
			clienttest.CheckErrorText(t, err)
			return
		}
		tf, err := c.checkTariff("get tariff 3", nil, 3, &w)
		clienttest.CheckErrorText(t, err)
		if err != nil {
			return
		}
		if tf.ID != 3 {
			t.Fatalf("accepted tariff %d for tariff 3", tf.ID)
		}
		if (tf.CountMin == nil) != (tf.CountMax == nil) {
			t.Fatalf("count range half set: min %v max %v", tf.CountMin, tf.CountMax)
		}
		if tf.CountMin != nil && *tf.CountMin > *tf.CountMax {
			t.Fatalf("accepted count min %d above max %d", *tf.CountMin, *tf.CountMax)
		}
		if tf.Count != nil && (*tf.Count != *tf.CountMin || *tf.Count != *tf.CountMax) {
			t.Fatalf("fixed count %d but range %d..%d", *tf.Count, *tf.CountMin, *tf.CountMax)
		}
	})
}

func FuzzStreamskillErrorBodies(f *testing.F) {
	clienttest.AddErrorBodySeeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		clienttest.CheckErrorBodyFailsNamingTheStatus(t, decodeError, body)
	})
}
