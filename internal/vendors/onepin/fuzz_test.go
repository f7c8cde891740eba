package onepin

// Fuzz targets for what OnePin controls: a listing page, its next link and
// an error body (the shared assertions are in clienttest/fuzz.go). Seed
// corpora live in testdata/fuzz/<FuzzName>/ and run with every `go test`;
// `make fuzz` runs each target for FUZZTIME.

import (
	"net/url"
	"testing"
	"unicode/utf8"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func FuzzOnepinPage(f *testing.F) {
	clienttest.AddBodySeeds(f)
	f.Add([]byte(`{"data":[{"id":"plan_pro","name":"Pro Plan","amount":2999,"currency":"USD","display_order":2,"limits":{"seats":5,"api":"unlimited","sso":true,"regions":["eu",1.50],"x":null}}],"meta":{},"pagination":{"limit":100,"next":"http://127.0.0.1:8080/vendor/api/v1/billing/plans?page=2&limit=100","prev":null}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		c := &Client{api: clienttest.FuzzAPI(t)}
		endpoint := c.api.Endpoint(plansPath, nil)
		var p pageBody
		if err := c.api.Decode("list plans page 1", endpoint, body, &p); err != nil {
			clienttest.CheckErrorText(t, err)
			return
		}
		page, link, err := c.checkPage("list plans page 1", endpoint, &p)
		clienttest.CheckErrorText(t, err)
		if err != nil {
			return
		}
		clienttest.AssertIdentities(t, page.Data, func(p Plan) bool { return p.ID != "" })
		next, err := c.followLink("list plans page 1", link, endpoint)
		clienttest.CheckErrorText(t, err)
		if err == nil && next != nil && !httpapi.SameOrigin(clienttest.FuzzBaseURL, next) {
			t.Fatalf("accepted next link %s off the configured origin", next)
		}
		for _, plan := range p.Data {
			for k, v := range plan.LimitTexts() {
				if !utf8.ValidString(k) || (v != nil && !utf8.ValidString(*v)) {
					t.Fatalf("limit %q = %v is not valid UTF-8", k, v)
				}
			}
			m, err := plan.Money()
			clienttest.CheckErrorText(t, err)
			if err == nil && m.Amount == nil && len(m.Notes) == 0 && plan.Amount != nil && plan.Currency != nil && *plan.Currency != "" && !m.OnRequest {
				t.Fatalf("amount %s %s gave no decimal, no note and no error", *plan.Amount, *plan.Currency)
			}
		}
	})
}

func FuzzOnepinNextLink(f *testing.F) {
	for _, s := range []string{
		"",
		clienttest.FuzzBase + "/api/v1/billing/plans?page=2&limit=100",
		"http://127.0.0.1:80/vendor/api/v1/billing/plans?page=2",
		"http://127.0.0.1:8080.evil.example.com/",
		"http://127.0.0.1:8080\\@evil.example.com/",
		"http://[::ffff:127.0.0.1]:8080/",
		"ftp://127.0.0.1:8080/",
		"http:127.0.0.1:8080/x",
		"http://127.0.0.1:08080/",
		"http://127.0.0.1:8080#frag",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, link string) {
		link = clienttest.AsDecodedJSON(link)
		c := &Client{api: clienttest.FuzzAPI(t)}
		next, err := c.followLink("list plans page 1", link, c.api.Endpoint(plansPath, nil))
		clienttest.CheckErrorText(t, err)
		if err != nil || next == nil {
			return
		}
		if !httpapi.SameOrigin(clienttest.FuzzBaseURL, next) {
			t.Fatalf("accepted next link %s off the configured origin", next)
		}
		clienttest.AssertSameOrigin(t, next.String())
	})
}

func FuzzOnepinErrorBodies(f *testing.F) {
	clienttest.AddErrorBodySeeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		clienttest.CheckErrorBodyFailsNamingTheStatus(t, decodeError, body)
	})
}

// followLink is the next page's URL as the read of httpapi.LinkedPages follows
// link, or nil on the last page: a link that leaves the listing is refused
// before any request, so the credential and workspace id reach no other
// host or API.
func (c *Client) followLink(op, link string, endpoint *url.URL) (*url.URL, error) {
	if link == "" {
		return nil, nil
	}
	return c.api.NextLink(op, "pagination.next", link, endpoint)
}
