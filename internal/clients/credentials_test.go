package clients

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// TestTransportAttachesTheKeyOnlyForTheConfiguredOrigin is the layer under
// the redirect refusal and the next-link checks: whatever URL a request ends
// up on, each vendor's credential (X-Api-Key, JWT, Bearer) is attached only
// when it is the configured origin.
func TestTransportAttachesTheKeyOnlyForTheConfiguredOrigin(t *testing.T) {
	t.Parallel()
	recorder := func(got *http.Header) *httptest.Server {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			*got = r.Header.Clone()
		}))
		t.Cleanup(srv.Close)
		return srv
	}
	var homeHeaders, foreignHeaders http.Header
	home, foreign := recorder(&homeHeaders), recorder(&foreignHeaders)

	cfg := httpapi.Config{BaseURL: home.URL + "/vendor", APIKey: testKey}
	identifai, err1 := NewIdentifai(cfg)
	probely, err2 := NewProbely(cfg)
	paygentic, err3 := NewPaygentic(cfg)
	onepin, err4 := NewOnepin(cfg, "")
	streamskill, err5 := NewStreamskill(cfg, "")
	if err := errors.Join(err1, err2, err3, err4, err5); err != nil {
		t.Fatal(err)
	}
	clients := map[string]*httpapi.API{
		"X-Api-Key (identifAI)": identifai.api,
		"JWT (Probely)":         probely.api,
		"Bearer (Paygentic)":    paygentic.api,
		"Bearer (OnePin)":       onepin.api,
		"Bearer (StreamSkill)":  streamskill.api,
	}
	for scheme, a := range clients {
		t.Run(scheme, func(t *testing.T) {
			send := func(url string) {
				resp, err := (&http.Client{Transport: a.Transport()}).Get(url)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
			}
			send(foreign.URL + "/vendor/plans")
			send(home.URL + "/vendor/plans")
			for _, h := range []string{"X-Api-Key", "Authorization"} {
				if v := foreignHeaders.Get(h); v != "" {
					t.Errorf("another origin received %s: %q", h, v)
				}
			}
			if homeHeaders.Get("X-Api-Key")+homeHeaders.Get("Authorization") == "" {
				t.Error("the configured origin received no credential")
			}
		})
	}
}
