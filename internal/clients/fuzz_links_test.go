package clients

// Fuzz targets for the next-link checks and the error-body decoders; see fuzz_test.go.

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

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

// assertIdentities fails when an accepted page holds an item without an id.
func assertIdentities[T any](t *testing.T, items []T, hasID func(T) bool) {
	t.Helper()
	for i, it := range items {
		if !hasID(it) {
			t.Fatalf("accepted item %d without an identity: %+v", i, it)
		}
	}
}

// assertAcceptedPaginator asserts the bounds a page check promises.
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
