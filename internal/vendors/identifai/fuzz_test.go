package identifai

// Fuzz targets for what identifAI controls: a listing page, its next link
// and an error body (the shared assertions are in clienttest/fuzz.go). Seed
// corpora live in testdata/fuzz/<FuzzName>/ and run with every `go test`;
// `make fuzz` runs each target for FUZZTIME.

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func FuzzIdentifaiPage(f *testing.F) {
	clienttest.AddBodySeeds(f)
	f.Add([]byte(`{"current_page":2,"data":[{"id":6,"name":"Pro","sku":"pro"}],"last_page":9,"next_page_url":"http://127.0.0.1:8080/vendor/api/partner/pricings?per_page=5&page=3","per_page":5,"total":45}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		c := &Client{api: clienttest.FuzzAPI(t)}
		u := c.api.Endpoint(pricingsPath, nil)
		var p pageBody
		if err := c.api.Decode("list pricings page 2", u, body, &p); err != nil {
			clienttest.CheckErrorText(t, err)
			return
		}
		err := c.checkPage("list pricings page 2", u, 2, &p)
		clienttest.CheckErrorText(t, err)
		if err == nil {
			clienttest.AssertAcceptedPaginator(t, *p.Total, *p.LastPage, httpapi.MaxListingPages)
			if p.NextPageURL != nil && *p.NextPageURL != "" {
				clienttest.AssertSameOrigin(t, *p.NextPageURL)
			}
			clienttest.AssertIdentities(t, p.Data, func(p Pricing) bool { return p.ID > 0 })
		}
	})
}

func FuzzIdentifaiNextLink(f *testing.F) {
	for _, s := range []string{
		"",
		clienttest.FuzzBase + "/api/partner/pricings?page=3",
		clienttest.FuzzBase + "/api/partner/pricings?per_page=5&page=2",
		"http://127.0.0.1:8081/vendor/api/partner/pricings?page=3",
		"https://127.0.0.1:8080/vendor?page=3",
		"http://127.0.0.1:8080@evil.example.com/?page=3",
		"http://user:pass@127.0.0.1:8080/?page=3",
		"//evil.example.com/?page=3",
		"/relative?page=3",
		"HTTP://LOCALHOST:8080/?page=3",
		"http://[::1]:8080/?page=3",
		"http://127.0.0.1:8080/%zz",
		"http://127.0.0.1:8080/?page=1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, link string) {
		link = clienttest.AsDecodedJSON(link)
		c := &Client{api: clienttest.FuzzAPI(t)}
		two, nine, total, per := int64(2), int64(9), int64(45), int64(5)
		p := &pageBody{CurrentPage: &two, LastPage: &nine, Total: &total, PerPage: &per, NextPageURL: &link, Data: []Pricing{}}
		err := c.checkPage("list pricings page 2", c.api.Endpoint(pricingsPath, nil), 2, p)
		clienttest.CheckErrorText(t, err)
		if err == nil && link != "" {
			clienttest.AssertSameOrigin(t, link)
		}
	})
}

func FuzzIdentifaiErrorBodies(f *testing.F) {
	clienttest.AddErrorBodySeeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		clienttest.CheckErrorBodyFailsNamingTheStatus(t, decodeLaravelError, body)
	})
}
