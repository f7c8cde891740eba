package clients

import (
	"net/http"
	"net/http/httptest"
	"testing"
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

	cfg := Config{BaseURL: home.URL + "/vendor", APIKey: testKey}
	clients := map[string]*api{}
	if c, err := NewIdentifai(cfg); err == nil {
		clients["X-Api-Key (identifAI)"] = c.api
	}
	if c, err := NewProbely(cfg); err == nil {
		clients["JWT (Probely)"] = c.api
	}
	if c, err := NewPaygentic(cfg); err == nil {
		clients["Bearer (Paygentic)"] = c.api
	}
	if c, err := NewOnepin(cfg, ""); err == nil {
		clients["Bearer (OnePin)"] = c.api
	}
	if c, err := NewStreamskill(cfg, ""); err == nil {
		clients["Bearer (StreamSkill)"] = c.api
	}
	if len(clients) != 5 {
		t.Fatalf("built %d of 5 clients", len(clients))
	}
	for scheme, a := range clients {
		t.Run(scheme, func(t *testing.T) {
			send := func(url string) {
				resp, err := a.http.HTTPClient.Get(url)
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
