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
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
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
				if !utf8.ValidString(k) || !utf8.ValidString(v) {
					t.Fatalf("limit %q = %q is not valid UTF-8", k, v)
				}
			}
			amount, err := plan.AmountDecimal()
			checkErrorText(t, err)
			if err == nil && amount == "" && plan.Amount != nil && plan.Currency != nil && *plan.Currency != "" {
				t.Fatalf("amount %s %s gave no decimal and no error", *plan.Amount, *plan.Currency)
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

func FuzzIdentifaiNextLink(f *testing.F) {
	for _, s := range []string{
		"",
		fuzzBase + "/api/partner/pricings?page=3",
		fuzzBase + "/api/partner/pricings?per_page=5&page=2",
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
		link = asDecodedJSON(link)
		c := &Identifai{api: fuzzAPI(t)}
		two, nine, total, per := int64(2), int64(9), int64(45), int64(5)
		p := &identifaiPage{CurrentPage: &two, LastPage: &nine, Total: &total, PerPage: &per, NextPageURL: &link, Data: []IdentifaiPricing{}}
		err := c.checkPage("list pricings page 2", c.api.Endpoint(identifaiPricingsPath, nil), 2, p)
		checkErrorText(t, err)
		if err == nil && link != "" {
			assertSameOrigin(t, link)
		}
	})
}

func FuzzOnepinNextLink(f *testing.F) {
	for _, s := range []string{
		"",
		fuzzBase + "/api/v1/billing/plans?page=2&limit=100",
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
		link = asDecodedJSON(link)
		c := &Onepin{api: fuzzAPI(t)}
		next, err := c.followLink("list plans page 1", link, c.api.Endpoint(onepinPlansPath, nil))
		checkErrorText(t, err)
		if err != nil || next == nil {
			return
		}
		if !httpapi.SameOrigin(fuzzBaseURL, next) {
			t.Fatalf("accepted next link %s off the configured origin", next)
		}
		assertSameOrigin(t, next.String())
	})
}

func FuzzVendorErrorBodies(f *testing.F) {
	addBodySeeds(f)
	for _, s := range []string{
		`{"message":"The given data was invalid.","errors":{"per_page":["The per page field must be an integer."]}}`,
		`{"error":"validation_error","message":"bad","code":400,"errors":[{"field":"limit","message":"too big"}]}`,
		`{"detail":"Invalid page."}`, `{"length":["Ensure this value is less than or equal to 100."],"non_field_errors":["x"]}`,
		`{"error":{"code":"not_found","message":"Not found","details":[{"field":"id","message":"unknown"}]}}`,
		`{"detail":[{"loc":["header","x-workspace-id"],"msg":"invalid workspace id","type":"value_error"}]}`,
		`{"name":"Not Found","message":"Tariff not found","code":0,"status":404,"type":"yii\\web\\NotFoundHttpException"}`,
	} {
		f.Add([]byte(s))
	}
	decoders := map[string]func([]byte) httpapi.Message{
		"laravel": decodeLaravelError, "paygentic": decodePaygenticError, "drf": decodeDRFError,
		"onepin": decodeOnepinError, "streamskill": decodeStreamskillError,
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for name, decode := range decoders {
			// The body comes back as a 404 through the whole request
			// path, without a network: a 404 is not retried.
			a, err := httpapi.New(httpapi.Config{
				BaseURL: fuzzBase, APIKey: testKey, MaxRetries: 0,
				HTTPClient: &http.Client{Transport: &fixedResponse{status: http.StatusNotFound, body: body}},
			}, httpapi.Spec{Name: "fuzz", Authorize: bearer, DecodeError: decode})
			if err != nil {
				t.Fatal(err)
			}
			err = a.GetJSON(context.Background(), nil, "get plan", a.Endpoint("/x", nil), nil, &struct{}{})
			if err == nil {
				t.Fatalf("%s: a 404 read without an error", name)
			}
			checkErrorText(t, err)
			if !strings.Contains(err.Error(), "HTTP 404") {
				t.Fatalf("%s: error %q does not name the status", name, err)
			}
		}
	})
}

// asDecodedJSON is s as a JSON string can hold it: links only ever come out
// of decoded JSON, where invalid UTF-8 has become U+FFFD.
func asDecodedJSON(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

// assertAcceptedPaginator asserts the bounds a page check promises.
// assertIdentities fails when an accepted page holds an item without an id.
func assertIdentities[T any](t *testing.T, items []T, hasID func(T) bool) {
	t.Helper()
	for i, it := range items {
		if !hasID(it) {
			t.Fatalf("accepted item %d without an identity: %+v", i, it)
		}
	}
}

func assertAcceptedPaginator(t *testing.T, total, pages, maxPages int64) {
	t.Helper()
	if total < 0 || pages < 0 || (maxPages > 0 && pages > maxPages) {
		t.Fatalf("accepted paginator total %d, pages %d", total, pages)
	}
}

// assertSameOrigin asserts that the link a check accepted would be requested
// on the configured origin only, with the credential attached only there.
func assertSameOrigin(t *testing.T, link string) {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Fatalf("accepted %q, which does not parse: %v", link, err)
	}
	if !httpapi.SameOrigin(fuzzBaseURL, u) {
		t.Fatalf("accepted %q, which leaves %s", link, fuzzBaseURL.Host)
	}
	if u.Hostname() != "127.0.0.1" || u.Port() != "8080" || u.Scheme != "http" {
		t.Fatalf("accepted %q: host %q port %q scheme %q", link, u.Hostname(), u.Port(), u.Scheme)
	}
}

// fixedResponse answers every request with status and body.
type fixedResponse struct {
	status int
	body   []byte
}

func (f *fixedResponse) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: f.status, Status: http.StatusText(f.status), Request: req,
		Header: http.Header{"Content-Type": {"application/json"}},
		Body:   io.NopCloser(bytes.NewReader(f.body)), ContentLength: int64(len(f.body)),
	}, nil
}
