package clienttest

// The vendors' decode benchmarks measure each vendor's largest single
// response, once as a pure decode of the body and once through the whole
// client path (the shared HTTP layer, retries wrapper, checks and derived
// fields) against a loopback server that answers every request with the
// same pre-built body. Bodies are built from the sandbox's fixtures, so item
// shapes are the ones the acceptance tests and `make bench` read. Reads
// bypass the per-run cache (they call the unexported list methods), so
// every iteration does a request.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// BenchResponse is one vendor body and the two ways of consuming it.
type BenchResponse struct {
	// Name is the sub-benchmark's name.
	Name        string
	ContentType string
	Body        []byte
	// Items is how many items a correct decode yields.
	Items int
	// Decode decodes body the way the client does and returns the items.
	Decode func(body []byte) (int, error)
	// NewRead builds a client on srv and returns one uncached read.
	NewRead func(tb testing.TB, srv *httptest.Server) func(ctx context.Context) (int, error)
}

// BenchDecode measures decoding r's body, without HTTP.
func BenchDecode(b *testing.B, r BenchResponse) {
	b.Run(r.Name, func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(r.Body)))
		for b.Loop() {
			n, err := r.Decode(r.Body)
			if err != nil || n != r.Items {
				b.Fatalf("decoded %d items (err %v), want %d", n, err, r.Items)
			}
		}
	})
}

// BenchRead measures one uncached client read of r's body over loopback
// HTTP: request building, auth, transport, size cap, decode and the
// listing's checks.
func BenchRead(b *testing.B, r BenchResponse) {
	b.Run(r.Name, func(b *testing.B) {
		srv := serveFixedBody(b, r.ContentType, r.Body)
		read := r.NewRead(b, srv)
		ctx := context.Background()
		b.ReportAllocs()
		b.SetBytes(int64(len(r.Body)))
		for b.Loop() {
			n, err := read(ctx)
			if err != nil || n != r.Items {
				b.Fatalf("read %d items (err %v), want %d", n, err, r.Items)
			}
		}
	})
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

// FixtureItems renders n items as a JSON array's contents, cycling through
// fixture and letting distinct make each copy's id unique.
func FixtureItems[T any](tb testing.TB, fixture []T, n int, distinct func(T, int) T) string {
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

// SandboxBody is the body a sandbox built with opts answers for path.
func SandboxBody(tb testing.TB, opts sandbox.Options, path, authorization string) []byte {
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

// LenOr is n(v), or 0 when the read failed and v is nil.
func LenOr[T any](v *T, n func(*T) int) int {
	if v == nil {
		return 0
	}
	return n(v)
}

// uncachedKeys numbers the keys UncachedKey hands out.
var uncachedKeys atomic.Int64

// UncachedKey is a shared-read key no read has used yet: a read under it
// goes to the server rather than to the memo of the client's earlier reads,
// so that NewRead's read is uncached on every call.
func UncachedKey() string {
	return fmt.Sprintf("uncached read %d", uncachedKeys.Add(1))
}
