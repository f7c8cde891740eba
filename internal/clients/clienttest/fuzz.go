package clienttest

// What the vendors' fuzz targets share. Beyond "never panics", every target
// asserts what must hold of an accepted input, and that error text is valid
// UTF-8: diagnostics travel to Terraform over gRPC, whose string fields must
// be valid UTF-8, so an error quoting a body cut mid-character would make
// the provider fail with a transport error instead of the diagnostic.

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// FuzzBase is the configured origin the link targets check against.
const FuzzBase = "http://127.0.0.1:8080/vendor"

// FuzzBaseURL is FuzzBase parsed.
var FuzzBaseURL = func() *url.URL {
	u, err := url.Parse(FuzzBase)
	if err != nil {
		panic(err)
	}
	return u
}()

// FuzzAPI is a shared HTTP layer on FuzzBase with Key, for handing a
// decoder or a page check the endpoint a vendor client would use.
func FuzzAPI(t *testing.T) *httpapi.API {
	t.Helper()
	a, err := httpapi.New(httpapi.Config{BaseURL: FuzzBase, APIKey: Key}, httpapi.Spec{Name: "fuzz", Authorize: bearer})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func bearer(h http.Header, key string) { h.Set("Authorization", "Bearer "+key) }

// CheckErrorText fails when an error would not survive the trip to
// Terraform or would quote the credential.
func CheckErrorText(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := err.Error()
	if !utf8.ValidString(msg) {
		t.Fatalf("error is not valid UTF-8: %q", msg)
	}
	if strings.Contains(msg, Key) {
		t.Fatalf("error quotes the API key: %q", msg)
	}
}

// AddBodySeeds adds bodies every decoder target should survive.
func AddBodySeeds(f *testing.F) {
	for _, s := range []string{
		``, `null`, `{}`, `[]`, `"x"`, `{"data":null}`, `{"data":[{}]}`,
		`<!DOCTYPE html><html><body>Just a moment...</body></html>`,
		`{"data":[{"id":1,`, `{"a":1} {"b":2}`,
		`{"data":[{"id":"` + strings.Repeat("é", 150) + `"}]`,
	} {
		f.Add([]byte(s))
	}
}

// AsDecodedJSON is s as a JSON string can hold it: links only ever come
// out of decoded JSON, where invalid UTF-8 has become U+FFFD.
func AsDecodedJSON(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

// AssertIdentities fails when an accepted page holds an item without an id.
func AssertIdentities[T any](t *testing.T, items []T, hasID func(T) bool) {
	t.Helper()
	for i, it := range items {
		if !hasID(it) {
			t.Fatalf("accepted item %d without an identity: %+v", i, it)
		}
	}
}

// AssertAcceptedPaginator asserts the bounds a page check promises.
func AssertAcceptedPaginator(t *testing.T, total, pages, maxPages int64) {
	t.Helper()
	if total < 0 || pages < 0 || (maxPages > 0 && pages > maxPages) {
		t.Fatalf("accepted paginator total %d, pages %d", total, pages)
	}
}

// AssertSameOrigin asserts that the link a check accepted would be
// requested on the configured origin only, with the credential attached
// only there.
func AssertSameOrigin(t *testing.T, link string) {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Fatalf("accepted %q, which does not parse: %v", link, err)
	}
	if !httpapi.SameOrigin(FuzzBaseURL, u) {
		t.Fatalf("accepted %q, which leaves %s", link, FuzzBaseURL.Host)
	}
	if u.Hostname() != "127.0.0.1" || u.Port() != "8080" || u.Scheme != "http" {
		t.Fatalf("accepted %q: host %q port %q scheme %q", link, u.Hostname(), u.Port(), u.Scheme)
	}
}
