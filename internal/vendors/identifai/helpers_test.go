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
)

// newTestClient is an identifAI client on srv with fast retries.
func newTestClient(t testing.TB, srv *httptest.Server, mutate ...func(*httpapi.Config)) *Client {
	t.Helper()
	c, err := New(clienttest.Config(srv, "identifai", append([]func(*httpapi.Config){clienttest.NoPacing}, mutate...)...))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

func onePage(w http.ResponseWriter, n int) {
	w.Header().Set("Content-Type", "application/json")
	var items []string
	for i := 1; i <= n; i++ {
		items = append(items, fmt.Sprintf(`{"id":%d,"name":"P%d","sku":"p%d"}`, i, i, i))
	}
	fmt.Fprintf(w, `{"current_page":1,"data":[%s],"last_page":1,"next_page_url":null,"per_page":%d,"total":%d}`, strings.Join(items, ","), n, n)
}

func TestUserAgentAndAuthHeaderAreSent(t *testing.T) {
	t.Parallel()
	var gotKey, gotUA string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotKey, gotUA = r.Header.Get("X-Api-Key"), r.Header.Get("User-Agent")
		onePage(w, 1)
	}))
	defer srv.Close()
	c := newTestClient(t, srv, func(c *httpapi.Config) { c.UserAgent = "terraform-provider-pricing/1.2.3" })
	if _, _, err := c.ListPricings(context.Background(), ListPricingsInput{}); err != nil {
		t.Fatal(err)
	}
	if gotKey != clienttest.Key || gotUA != "terraform-provider-pricing/1.2.3" {
		t.Errorf("X-Api-Key %q, User-Agent %q", gotKey, gotUA)
	}
}
