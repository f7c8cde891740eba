package clients

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
	_ "github.com/pricingkit/terraform-provider-pricing/internal/vendors/sandboxes" // every emulator registers itself
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
)

// The benchmarks below measure each vendor's largest single response, once
// as a pure decode of the body and once through the whole client path (the
// shared HTTP layer, retries wrapper, checks and derived fields) against a
// loopback server that answers every request with the same pre-built body.
// Bodies are built from the sandbox's fixtures, so item shapes are the ones
// the acceptance tests and `make bench` read. Reads bypass the per-run cache
// (they call the unexported list methods), so every iteration does a request.

// benchResponse is one vendor body and the two ways of consuming it.
type benchResponse struct {
	name        string
	contentType string
	body        []byte
	items       int // how many items a correct decode yields
	// decode decodes body the way the client does and returns the items.
	decode func(body []byte) (int, error)
	// newRead builds a client on srv and returns one uncached read.
	newRead func(tb testing.TB, srv *httptest.Server) func(ctx context.Context) (int, error)
}

func benchResponses(tb testing.TB) []benchResponse {
	tb.Helper()
	return []benchResponse{
		{
			name:        "paygentic_100_plans",
			contentType: "application/json",
			body:        sandboxBody(tb, sandbox.Options{Vendor: paygenticsandbox.WithPlans(100)}, "/paygentic/v0/plans?limit=100&offset=0", "Bearer "+paygenticsandbox.Key),
			items:       100,
			decode: func(body []byte) (int, error) {
				var p paygenticPage
				if err := httpapi.DecodeJSON(body, &p); err != nil {
					return 0, err
				}
				for i := range p.Data {
					if err := p.Data[i].derivePriceAmount(); err != nil {
						return 0, err
					}
				}
				return len(p.Data), nil
			},
			newRead: func(tb testing.TB, srv *httptest.Server) func(context.Context) (int, error) {
				c := newTestPaygentic(tb, srv)
				return func(ctx context.Context) (int, error) {
					l, err := c.listPlans(ctx, url.Values{})
					return lenOr(l, func(l *PaygenticPlanList) int { return len(l.Plans) }), err
				}
			},
		},
		{
			name:        "probely_100_plans",
			contentType: "application/json",
			body: []byte(`{"count":100,"page_total":1,"page":1,"length":100,"results":[` +
				fixtureItems(tb, sandbox.New(sandbox.Options{}).ProbelyPlans(), 100, func(p probelysandbox.Plan, i int) probelysandbox.Plan {
					p.ID = fmt.Sprintf("%s-%d", p.ID, i)
					return p
				}) + `]}`),
			items: 100,
			decode: func(body []byte) (int, error) {
				var p probelyPage
				err := httpapi.DecodeJSON(body, &p)
				return len(p.Results), err
			},
			newRead: func(tb testing.TB, srv *httptest.Server) func(context.Context) (int, error) {
				c := newTestProbely(tb, srv)
				return func(ctx context.Context) (int, error) {
					l, err := c.listPlans(ctx)
					return lenOr(l, func(l *ProbelyPlanList) int { return len(l.Plans) }), err
				}
			},
		},
		{
			name:        "onepin_100_plans",
			contentType: "application/json",
			body: []byte(`{"data":[` +
				fixtureItems(tb, sandbox.New(sandbox.Options{}).OnepinPlans(), 100, func(p onepinsandbox.Plan, i int) onepinsandbox.Plan {
					p.ID = fmt.Sprintf("%s-%d", p.ID, i)
					return p
				}) + `],"meta":{"request_id":"r","timestamp":"2024-01-15T09:30:00Z"},"pagination":{"limit":100,"next":null,"prev":null}}`),
			items: 100,
			decode: func(body []byte) (int, error) {
				var p onepinPage
				err := httpapi.DecodeJSON(body, &p)
				return len(p.Data), err
			},
			newRead: func(tb testing.TB, srv *httptest.Server) func(context.Context) (int, error) {
				c := newTestOnepin(tb, srv, testKey, "")
				return func(ctx context.Context) (int, error) {
					l, err := c.listPlans(ctx)
					return lenOr(l, func(l *OnepinPlanList) int { return len(l.Plans) }), err
				}
			},
		},
		{
			name:        "identifai_1000_pricings",
			contentType: "application/json",
			body: []byte(`{"current_page":1,"data":[` +
				fixtureItems(tb, sandbox.New(sandbox.Options{}).IdentifaiPricings(), 1000, func(p identifaisandbox.Pricing, i int) identifaisandbox.Pricing {
					p.ID, p.SKU = i+1, fmt.Sprintf("%s-%d", p.SKU, i)
					return p
				}) + `],"first_page_url":"/","from":1,"last_page":1,"next_page_url":null,"per_page":1000,"prev_page_url":null,"to":1000,"total":1000}`),
			items: 1000,
			decode: func(body []byte) (int, error) {
				var p identifaiPage
				err := httpapi.DecodeJSON(body, &p)
				return len(p.Data), err
			},
			newRead: func(tb testing.TB, srv *httptest.Server) func(context.Context) (int, error) {
				c := NewTestIdentifai(tb, srv)
				return func(ctx context.Context) (int, error) {
					l, err := c.listPricings(ctx, url.Values{})
					return lenOr(l, func(l *IdentifaiPricingList) int { return len(l.Pricings) }), err
				}
			},
		},
		{
			name:        "streamskill_tariff",
			contentType: "application/json; charset=UTF-8",
			body:        sandboxBody(tb, sandbox.Options{}, "/streamskill/tarifs/11?expand=panel", "Bearer "+streamskillsandbox.Key),
			items:       1,
			decode: func(body []byte) (int, error) {
				var w tariffWire
				if err := httpapi.DecodeJSON(body, &w); err != nil {
					return 0, err
				}
				_ = w.tariff()
				return 1, nil
			},
			newRead: func(tb testing.TB, srv *httptest.Server) func(context.Context) (int, error) {
				c := newTestStreamskill(tb, srv, "en")
				return func(ctx context.Context) (int, error) {
					_, err := c.tariff(ctx, 11, "en")
					return 1, err
				}
			},
		},
	}
}

// BenchmarkDecode measures decoding one large response body, without HTTP.
func BenchmarkDecode(b *testing.B) {
	for _, r := range benchResponses(b) {
		b.Run(r.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(r.body)))
			for b.Loop() {
				n, err := r.decode(r.body)
				if err != nil || n != r.items {
					b.Fatalf("decoded %d items (err %v), want %d", n, err, r.items)
				}
			}
		})
	}
}

// BenchmarkRead measures one uncached client read of the same body over
// loopback HTTP: request building, auth, transport, size cap, decode and the
// listing's checks.
func BenchmarkRead(b *testing.B) {
	for _, r := range benchResponses(b) {
		b.Run(r.name, func(b *testing.B) {
			srv := serveFixedBody(b, r.contentType, r.body)
			read := r.newRead(b, srv)
			ctx := context.Background()
			b.ReportAllocs()
			b.SetBytes(int64(len(r.body)))
			for b.Loop() {
				n, err := read(ctx)
				if err != nil || n != r.items {
					b.Fatalf("read %d items (err %v), want %d", n, err, r.items)
				}
			}
		})
	}
}

// serveFixedBody answers every request with body, whatever the path.
func serveFixedBody(tb testing.TB, contentType string, body []byte) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		_, _ = w.Write(body)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// fixtureItems renders n items as a JSON array's contents, cycling through
// fixture and letting distinct make each copy's id unique.
func fixtureItems[T any](tb testing.TB, fixture []T, n int, distinct func(T, int) T) string {
	tb.Helper()
	parts := make([]string, n)
	for i := range parts {
		b, err := json.Marshal(distinct(fixture[i%len(fixture)], i))
		if err != nil {
			tb.Fatal(err)
		}
		parts[i] = string(b)
	}
	return strings.Join(parts, ",")
}

// sandboxBody is the body a sandbox built with opts answers for path.
func sandboxBody(tb testing.TB, opts sandbox.Options, path, authorization string) []byte {
	tb.Helper()
	srv := httptest.NewServer(sandbox.New(opts))
	defer srv.Close()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Authorization", authorization)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		tb.Fatalf("GET %s: status %d, err %v: %s", path, resp.StatusCode, err, body)
	}
	return body
}

// lenOr is n(v), or 0 when the read failed and v is nil.
func lenOr[T any](v *T, n func(*T) int) int {
	if v == nil {
		return 0
	}
	return n(v)
}
