package probely

// Fuzz targets for what Probely controls: a listing page and an error body
// (the shared assertions are in clienttest/fuzz.go). Seed corpora live in
// testdata/fuzz/<FuzzName>/ and run with every `go test`; `make fuzz` runs
// each target for FUZZTIME.

import (
	"encoding/json"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
)

func FuzzProbelyPage(f *testing.F) {
	clienttest.AddBodySeeds(f)
	f.Add([]byte(`{"count":30,"page_total":1,"page":1,"length":100,"results":[{"id":"basic-monthly-usd","price":49,"allowed_builtin_scan_profiles":["safe"],"tiers":{"tiers":[{"up_to":null,"unit_price":80}]},"allowed_credits_packs":[{"id":"p","price":1.5}]}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		c := &Client{api: clienttest.FuzzAPI(t)}
		u := c.api.Endpoint(plansPath, nil)
		var p pageBody
		if err := c.api.Decode("list plans page 1", u, body, &p); err != nil {
			clienttest.CheckErrorText(t, err)
			return
		}
		err := c.checkPage("list plans page 1", u, 1, &p)
		clienttest.CheckErrorText(t, err)
		if err != nil {
			return
		}
		clienttest.AssertAcceptedPaginator(t, *p.Count, *p.PageTotal, 0)
		clienttest.AssertIdentities(t, p.Results, func(p Plan) bool { return p.ID != "" })
		for _, plan := range p.Results {
			if plan.Tiers != nil && !json.Valid(plan.Tiers) {
				t.Fatalf("plan %q kept invalid tiers JSON %q", plan.ID, plan.Tiers)
			}
		}
	})
}

func FuzzProbelyErrorBodies(f *testing.F) {
	clienttest.AddErrorBodySeeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		clienttest.CheckErrorBodyFailsNamingTheStatus(t, decodeDRFError, body)
	})
}
