package clients

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

const testKey = "s3cr3t-test-key"

// newTestIdentifai is an identifAI client on srv with fast retries.
func newTestIdentifai(t testing.TB, srv *httptest.Server, mutate ...func(*httpapi.Config)) *Identifai {
	t.Helper()
	c, err := NewIdentifai(testConfig(srv, "identifai", append([]func(*httpapi.Config){noPacing}, mutate...)...))
	if err != nil {
		t.Fatalf("NewIdentifai: %v", err)
	}
	return c
}

// noPacing turns the vendor's pacing off: pacing is tested on its own.
func noPacing(c *httpapi.Config) { c.NoPacing = true }

// testConfig points a client at srv under the vendor's prefix, with the
// test key and retries fast enough for unit tests.
func testConfig(srv *httptest.Server, vendor string, mutate ...func(*httpapi.Config)) httpapi.Config {
	cfg := httpapi.Config{
		BaseURL:      srv.URL + "/" + vendor,
		APIKey:       testKey,
		MaxRetries:   3,
		RetryWaitMin: time.Millisecond,
		RetryWaitMax: 5 * time.Second,
	}
	for _, m := range mutate {
		m(&cfg)
	}
	return cfg
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
	c := newTestIdentifai(t, srv, func(c *httpapi.Config) { c.UserAgent = "terraform-provider-pricing/1.2.3" })
	if _, err := c.ListPricings(context.Background(), IdentifaiListPricingsInput{}); err != nil {
		t.Fatal(err)
	}
	if gotKey != testKey || gotUA != "terraform-provider-pricing/1.2.3" {
		t.Errorf("X-Api-Key %q, User-Agent %q", gotKey, gotUA)
	}
}
