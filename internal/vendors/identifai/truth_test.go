package identifai

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill"
)

// Laravel (behind identifAI) answers an unauthenticated request that does
// not ask for JSON with a 302 to its login page; an empty account's page
// has from and to null.

func TestIdentifaiAndStreamskillAskForJSON(t *testing.T) {
	t.Parallel()
	accept := make(chan string, 2)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		accept <- r.Header.Get("Accept")
		if strings.HasPrefix(r.URL.Path, "/streamskill") {
			fmt.Fprint(w, `{"id":3,"price":1}`)
			return
		}
		onePage(w, 1)
	}))
	defer srv.Close()
	if _, err := newTestClient(t, srv).ListPricings(context.Background(), ListPricingsInput{}); err != nil {
		t.Fatal(err)
	}
	if got := <-accept; got != "application/json" {
		t.Errorf("identifAI request Accept %q, want application/json", got)
	}
	ss, err := streamskill.New(clienttest.Config(srv, "streamskill"), "")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = ss.Tariff(context.Background(), 3, "en")
	if got := <-accept; got != "application/json" {
		t.Errorf("StreamSkill request Accept %q, want application/json", got)
	}
}

func TestARedirectToALoginPageIsAnAuthenticationFailure(t *testing.T) {
	t.Parallel()
	for _, login := range []string{"/login", "/identifai/login", "https://auth.example.invalid/login"} {
		t.Run("a redirect to "+login, func(t *testing.T) {
			t.Parallel()
			var requests int
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				requests++
				w.Header().Set("Location", login)
				w.WriteHeader(http.StatusFound)
				fmt.Fprint(w, `<html><body>Redirecting to login</body></html>`)
			}))
			defer srv.Close()
			_, err := newTestClient(t, srv).ListPricings(context.Background(), ListPricingsInput{})
			if !httpapi.IsStatus(err, http.StatusUnauthorized) || !strings.Contains(err.Error(), "login page") {
				t.Fatalf("err = %v, want an authentication failure naming the login page", err)
			}
			if requests != 1 {
				t.Errorf("%d requests, want 1: a login page is never followed (nor retried)", requests)
			}
		})
	}
}

func TestIdentifaiEmptyAccountIsAnEmptyCompleteList(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"current_page":1,"data":[],"first_page_url":"http://%[1]s/identifai/api/partner/pricings?page=1","from":null,
		  "last_page":1,"last_page_url":"http://%[1]s/identifai/api/partner/pricings?page=1","links":[{"url":null,"label":"&laquo; Previous","active":false}],
		  "next_page_url":null,"path":"http://%[1]s/identifai/api/partner/pricings","per_page":15,"prev_page_url":null,"to":null,"total":0}`, r.Host)
	}))
	defer srv.Close()
	list, err := newTestClient(t, srv).ListPricings(context.Background(), ListPricingsInput{})
	if err != nil || list == nil || len(list.Pricings) != 0 {
		t.Fatalf("list %+v, err %v; want an empty list and no error", list, err)
	}
}
