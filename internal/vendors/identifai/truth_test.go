package identifai

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// Laravel (behind identifAI) answers an unauthenticated request that does
// not ask for JSON with a 302 to its login page; an empty account's page
// has from and to null.

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
			_, _, err := newTestClient(t, srv).ListPricings(context.Background(), ListPricingsInput{})
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
	list, _, err := newTestClient(t, srv).ListPricings(context.Background(), ListPricingsInput{})
	if err != nil || list == nil || len(list.Pricings) != 0 {
		t.Fatalf("list %+v, err %v; want an empty list and no error", list, err)
	}
}
