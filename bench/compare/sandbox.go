package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// benchSandbox is the pricing sandbox on a loopback port, with a recorder of
// the span of vendor requests in the current run.
type benchSandbox struct {
	URL  string
	srv  *http.Server
	sb   *sandbox.Server
	span spanRecorder
}

func startSandbox(opts sandbox.Options) (*benchSandbox, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	b := &benchSandbox{URL: "http://" + ln.Addr().String(), sb: sandbox.New(opts)}
	b.span.next = b.sb
	b.srv = &http.Server{Handler: &b.span, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = b.srv.Serve(ln) }()
	return b, nil
}

func (b *benchSandbox) Close() {
	b.sb.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = b.srv.Shutdown(ctx)
}

// reset clears the sandbox's counters and rate-limit windows and the span.
func (b *benchSandbox) reset(ctx context.Context) error {
	b.span.reset()
	var ok map[string]bool
	return b.admin(ctx, http.MethodPost, "reset", &ok)
}

// counts is GET /_sandbox/requests: requests per vendor and responses per
// vendor and status.
type counts struct {
	Requests  map[string]int            `json:"requests"`
	Responses map[string]map[string]int `json:"responses"`
}

func (b *benchSandbox) counts(ctx context.Context) (counts, error) {
	var raw map[string]json.RawMessage
	if err := b.admin(ctx, http.MethodGet, "requests", &raw); err != nil {
		return counts{}, err
	}
	c := counts{Requests: map[string]int{}}
	for _, v := range sandbox.VendorNames() {
		var n int
		if err := json.Unmarshal(raw[v], &n); err != nil {
			return counts{}, fmt.Errorf("requests[%s]: %w", v, err)
		}
		c.Requests[v] = n
	}
	if err := json.Unmarshal(raw["responses"], &c.Responses); err != nil {
		return counts{}, fmt.Errorf("responses: %w", err)
	}
	return c, nil
}

func (b *benchSandbox) admin(ctx context.Context, method, endpoint string, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, b.URL+"/_sandbox/"+endpoint, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s /_sandbox/%s: status %d", method, endpoint, resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// spanRecorder notes when the first vendor request of a run arrived and
// when the last vendor response was written: the time a run spent reading
// vendor data, whatever Terraform did before and after.
type spanRecorder struct {
	next        http.Handler
	mu          sync.Mutex
	first, last time.Time
}

func (s *spanRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/_sandbox/") {
		s.next.ServeHTTP(w, r)
		return
	}
	start := time.Now()
	s.next.ServeHTTP(w, r)
	end := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.first.IsZero() || start.Before(s.first) {
		s.first = start
	}
	if end.After(s.last) {
		s.last = end
	}
}

func (s *spanRecorder) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.first, s.last = time.Time{}, time.Time{}
}

func (s *spanRecorder) span() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last.Sub(s.first)
}
