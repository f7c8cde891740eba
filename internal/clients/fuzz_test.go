package clients

// Fuzz targets for everything that reads bytes a vendor (or a user) controls:
// each vendor's response decoder, the pagination link checks and the
// error-body decoders (the base-URL validation is fuzzed in httpapi). Seed
// corpora live in
// testdata/fuzz/<FuzzName>/ and run with every `go test`; `make fuzz` runs
// each target for FUZZTIME.
//
// Beyond "never panics", every target asserts what must hold of an accepted
// input, and that error text is valid UTF-8: diagnostics travel to Terraform
// over gRPC, whose string fields must be valid UTF-8, so an error quoting a
// body cut mid-character would make the provider fail with a transport error
// instead of the diagnostic.

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// fuzzBase is the configured origin the link targets check against.
const fuzzBase = "http://127.0.0.1:8080/vendor"

// fuzzBaseURL is fuzzBase parsed.
var fuzzBaseURL = func() *url.URL {
	u, err := url.Parse(fuzzBase)
	if err != nil {
		panic(err)
	}
	return u
}()

func fuzzAPI(t *testing.T) *httpapi.API {
	t.Helper()
	a, err := httpapi.New(httpapi.Config{BaseURL: fuzzBase, APIKey: testKey}, httpapi.Spec{Name: "fuzz", Authorize: bearer})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// checkErrorText fails when an error would not survive the trip to Terraform
// or would quote the credential.
func checkErrorText(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := err.Error()
	if !utf8.ValidString(msg) {
		t.Fatalf("error is not valid UTF-8: %q", msg)
	}
	if strings.Contains(msg, testKey) {
		t.Fatalf("error quotes the API key: %q", msg)
	}
}

// addBodySeeds adds bodies every decoder target should survive.
func addBodySeeds(f *testing.F) {
	for _, s := range []string{
		``, `null`, `{}`, `[]`, `"x"`, `{"data":null}`, `{"data":[{}]}`,
		`<!DOCTYPE html><html><body>Just a moment...</body></html>`,
		`{"data":[{"id":1,`, `{"a":1} {"b":2}`,
		`{"data":[{"id":"` + strings.Repeat("é", 150) + `"}]`,
	} {
		f.Add([]byte(s))
	}
}

func FuzzIdentifaiPage(f *testing.F) {
	addBodySeeds(f)
	f.Add([]byte(`{"current_page":2,"data":[{"id":6,"name":"Pro","sku":"pro"}],"last_page":9,"next_page_url":"http://127.0.0.1:8080/vendor/api/partner/pricings?per_page=5&page=3","per_page":5,"total":45}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		c := &Identifai{api: fuzzAPI(t)}
		u := c.api.Endpoint(identifaiPricingsPath, nil)
		var p identifaiPage
		if err := c.api.Decode("list pricings page 2", u, body, &p); err != nil {
			checkErrorText(t, err)
			return
		}
		err := c.checkPage("list pricings page 2", u, 2, &p)
		checkErrorText(t, err)
		if err == nil {
			assertAcceptedPaginator(t, *p.Total, *p.LastPage, httpapi.MaxListingPages)
			if p.NextPageURL != nil && *p.NextPageURL != "" {
				assertSameOrigin(t, *p.NextPageURL)
			}
			assertIdentities(t, p.Data, func(p IdentifaiPricing) bool { return p.ID > 0 })
		}
	})
}

func FuzzPaygenticPage(f *testing.F) {
	addBodySeeds(f)
	f.Add([]byte(`{"data":[{"id":"plan_a","price":"49990000000","prices":[{"unitAmount":"1"}]}],"pagination":{"limit":100,"offset":100,"total":260}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		c := &Paygentic{api: fuzzAPI(t)}
		u := c.api.Endpoint(paygenticPlansPath, nil)
		var p paygenticPage
		if err := c.api.Decode("list plans page 2", u, body, &p); err != nil {
			checkErrorText(t, err)
			return
		}
		err := c.checkPage("list plans page 2", u, 100, &p)
		checkErrorText(t, err)
		if err != nil {
			return
		}
		assertAcceptedPaginator(t, *p.Pagination.Total, 0, 0)
		assertIdentities(t, p.Data, func(p PaygenticPlan) bool { return p.ID != "" })
		if len(p.Data) > paygenticMaxLimit {
			t.Fatalf("accepted a page of %d plans", len(p.Data))
		}
		for i := range p.Data {
			checkDerivedPrice(t, &p.Data[i])
		}
	})
}

func FuzzPaygenticPlan(f *testing.F) {
	addBodySeeds(f)
	f.Add([]byte(`{"id":"plan_t9u0v1w2x3y4z5a6","name":"Basic","currency":"USD","price":"49990000000","defaultTaxRate":0.2,"prices":[{"id":"price_1","unitAmount":"1000000"}]}`))
	f.Add([]byte(`{"id":"plan_x","price":"1e-9999999999"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var p PaygenticPlan
		if err := fuzzAPI(t).Decode("get plan", nil, body, &p); err != nil {
			checkErrorText(t, err)
			return
		}
		checkDerivedPrice(t, &p)
	})
}

// checkDerivedPrice asserts that a price either fails the read or yields an
// amount, never an amount without a price or a silently dropped one.
func checkDerivedPrice(t *testing.T, p *PaygenticPlan) {
	t.Helper()
	err := p.derivePriceAmount()
	checkErrorText(t, err)
	switch {
	case err != nil:
	case p.Price == nil && p.PriceAmount != nil:
		t.Fatalf("an amount %q without a price", *p.PriceAmount)
	case p.Price != nil && p.PriceAmount == nil:
		t.Fatalf("price %q gave no amount and no error", *p.Price)
	}
}

func FuzzProbelyPage(f *testing.F) {
	addBodySeeds(f)
	f.Add([]byte(`{"count":30,"page_total":1,"page":1,"length":100,"results":[{"id":"basic-monthly-usd","price":49,"allowed_builtin_scan_profiles":["safe"],"tiers":{"tiers":[{"up_to":null,"unit_price":80}]},"allowed_credits_packs":[{"id":"p","price":1.5}]}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		c := &Probely{api: fuzzAPI(t)}
		u := c.api.Endpoint(probelyPlansPath, nil)
		var p probelyPage
		if err := c.api.Decode("list plans page 1", u, body, &p); err != nil {
			checkErrorText(t, err)
			return
		}
		err := c.checkPage("list plans page 1", u, 1, &p)
		checkErrorText(t, err)
		if err != nil {
			return
		}
		assertAcceptedPaginator(t, *p.Count, *p.PageTotal, 0)
		assertIdentities(t, p.Results, func(p ProbelyPlan) bool { return p.ID != "" })
		for _, plan := range p.Results {
			if plan.Tiers != nil && !json.Valid(plan.Tiers) {
				t.Fatalf("plan %q kept invalid tiers JSON %q", plan.ID, plan.Tiers)
			}
		}
	})
}

func FuzzOnepinPage(f *testing.F) {
	addBodySeeds(f)
	f.Add([]byte(`{"data":[{"id":"plan_pro","name":"Pro Plan","amount":2999,"currency":"USD","display_order":2,"limits":{"seats":5,"api":"unlimited","sso":true,"regions":["eu",1.50],"x":null}}],"meta":{},"pagination":{"limit":100,"next":"http://127.0.0.1:8080/vendor/api/v1/billing/plans?page=2&limit=100","prev":null}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		c := &Onepin{api: fuzzAPI(t)}
		endpoint := c.api.Endpoint(onepinPlansPath, nil)
		var p onepinPage
		if err := c.api.Decode("list plans page 1", endpoint, body, &p); err != nil {
			checkErrorText(t, err)
			return
		}
		page, link, err := c.checkPage("list plans page 1", endpoint, &p)
		checkErrorText(t, err)
		if err != nil {
			return
		}
		assertIdentities(t, page.Data, func(p OnepinPlan) bool { return p.ID != "" })
		next, err := c.followLink("list plans page 1", link, endpoint)
		checkErrorText(t, err)
		if err == nil && next != nil && !httpapi.SameOrigin(fuzzBaseURL, next) {
			t.Fatalf("accepted next link %s off the configured origin", next)
		}
		for _, plan := range p.Data {
			for k, v := range plan.LimitTexts() {
				if !utf8.ValidString(k) || (v != nil && !utf8.ValidString(*v)) {
					t.Fatalf("limit %q = %v is not valid UTF-8", k, v)
				}
			}
			m, err := plan.Money()
			checkErrorText(t, err)
			if err == nil && m.Amount == nil && len(m.Notes) == 0 && plan.Amount != nil && plan.Currency != nil && *plan.Currency != "" && !m.OnRequest {
				t.Fatalf("amount %s %s gave no decimal, no note and no error", *plan.Amount, *plan.Currency)
			}
		}
	})
}

func FuzzStreamskillTariff(f *testing.F) {
	addBodySeeds(f)
	f.Add([]byte(`{"id":3,"title":"Viewers","text":["a"],"count":{"min":10,"max":350},"price":0.1,"type":"viewers","hourly":true,"pricing_type":"graduated","graduated_prices":{"0":135,"101":180},"discounts":[],"link":{"prefix":"https://twitch.tv/","placeholder":"channel"},"panel":true}`))
	f.Add([]byte(`{"id":1,"count":100,"price":50,"graduated_prices":null,"discounts":{"1":0,"500":10}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		c := &Streamskill{api: fuzzAPI(t)}
		var w tariffWire
		if err := c.api.Decode("get tariff 3", nil, body, &w); err != nil {
			checkErrorText(t, err)
			return
		}
		tf, err := c.checkTariff("get tariff 3", nil, 3, &w)
		checkErrorText(t, err)
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
