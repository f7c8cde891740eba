package paygentic

// Fuzz targets for what Paygentic controls: a listing page, a plan and an
// error body (the shared assertions are in clienttest/fuzz.go). Seed
// corpora live in testdata/fuzz/<FuzzName>/ and run with every `go test`;
// `make fuzz` runs each target for FUZZTIME.

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
)

func FuzzPaygenticPage(f *testing.F) {
	clienttest.AddBodySeeds(f)
	f.Add([]byte(`{"data":[{"id":"plan_a","price":"49990000000","prices":[{"unitAmount":"1"}]}],"pagination":{"limit":100,"offset":100,"total":260}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		c := &Client{api: clienttest.FuzzAPI(t)}
		u := c.api.Endpoint(plansPath, nil)
		var p pageBody
		if err := c.api.Decode("list plans page 2", u, body, &p); err != nil {
			clienttest.CheckErrorText(t, err)
			return
		}
		err := c.checkPage("list plans page 2", u, 100, &p)
		clienttest.CheckErrorText(t, err)
		if err != nil {
			return
		}
		clienttest.AssertAcceptedPaginator(t, *p.Pagination.Total, 0, 0)
		clienttest.AssertIdentities(t, p.Data, func(p Plan) bool { return p.ID != "" })
		if len(p.Data) > maxLimit {
			t.Fatalf("accepted a page of %d plans", len(p.Data))
		}
		for i := range p.Data {
			checkDerivedPrice(t, &p.Data[i])
		}
	})
}

func FuzzPaygenticPlan(f *testing.F) {
	clienttest.AddBodySeeds(f)
	f.Add([]byte(`{"id":"plan_t9u0v1w2x3y4z5a6","name":"Basic","currency":"USD","price":"49990000000","defaultTaxRate":0.2,"prices":[{"id":"price_1","unitAmount":"1000000"}]}`))
	f.Add([]byte(`{"id":"plan_x","price":"1e-9999999999"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var p Plan
		if err := clienttest.FuzzAPI(t).Decode("get plan", nil, body, &p); err != nil {
			clienttest.CheckErrorText(t, err)
			return
		}
		checkDerivedPrice(t, &p)
	})
}

// checkDerivedPrice asserts that a price either fails the read or yields an
// amount, never an amount without a price or a silently dropped one.
func checkDerivedPrice(t *testing.T, p *Plan) {
	t.Helper()
	err := p.derivePriceAmount()
	clienttest.CheckErrorText(t, err)
	switch {
	case err != nil:
	case p.Price == nil && p.PriceAmount != nil:
		t.Fatalf("an amount %q without a price", *p.PriceAmount)
	case p.Price != nil && p.PriceAmount == nil:
		t.Fatalf("price %q gave no amount and no error", *p.Price)
	}
}

func FuzzPaygenticErrorBodies(f *testing.F) {
	clienttest.AddErrorBodySeeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		clienttest.CheckErrorBodyFailsNamingTheStatus(t, decodeError, body)
	})
}
