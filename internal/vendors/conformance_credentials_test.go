package vendors_test

import (
	"cmp"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors"
)

// TestTransportAttachesTheKeyOnlyForTheConfiguredOrigin is the layer under
// the redirect refusal and the next-link checks: whatever URL a request ends
// up on, each vendor's credential (X-Api-Key, JWT, Bearer) is attached only
// when it is the configured origin. The client opened from the registry
// sends it as the vendor declares; the transport its declaration builds
// keeps it from any other origin.
func TestTransportAttachesTheKeyOnlyForTheConfiguredOrigin(t *testing.T) {
	t.Parallel()
	credentialHeaders := map[string]bool{"X-Api-Key": true, "Authorization": true}
	for _, v := range vendors.All {
		credentialHeaders[v.Auth.Header] = true
	}
	for _, v := range vendors.All {
		t.Run(cmp.Or(v.Auth.Scheme, v.Auth.Header)+" ("+v.Title+")", func(t *testing.T) {
			t.Parallel()
			recorder := func(got *http.Header) *httptest.Server {
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					*got = r.Header.Clone()
				}))
				t.Cleanup(srv.Close)
				return srv
			}
			var readHeaders, homeHeaders, foreignHeaders http.Header
			reader, home, foreign := recorder(&readHeaders), recorder(&homeHeaders), recorder(&foreignHeaders)

			// The empty answer fails the read; the request is what counts.
			_ = read(t, v, reader)
			want := clienttest.Key
			if v.Auth.Scheme != "" {
				want = v.Auth.Scheme + " " + clienttest.Key
			}
			if got := readHeaders.Get(v.Auth.Header); got != want {
				t.Errorf("the client opened from the registry sent %s: %q, want %q", v.Auth.Header, got, want)
			}

			cfg := httpapi.Config{BaseURL: home.URL + "/vendor", APIKey: clienttest.Key}
			a, err := httpapi.New(cfg, v.Spec(cfg, nil))
			if err != nil {
				t.Fatal(err)
			}
			send := func(url string) {
				resp, err := (&http.Client{Transport: a.Transport()}).Get(url)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
			}
			send(foreign.URL + "/vendor/plans")
			send(home.URL + "/vendor/plans")
			for h := range credentialHeaders {
				if got := foreignHeaders.Get(h); got != "" {
					t.Errorf("another origin received %s: %q", h, got)
				}
			}
			if homeHeaders.Get(v.Auth.Header) == "" {
				t.Error("the configured origin received no credential")
			}
		})
	}
}
