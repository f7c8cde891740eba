// Package sandbox is a local emulator of the vendors' pricing APIs the
// provider talks to. It is faithful where the provider's behaviour depends on
// it (auth schemes, paging, error bodies, rate limits, absolute next links) and
// adds knobs the real APIs do not have: latency, injected faults and request
// counters, so acceptance tests can prove retries and paging really happen.
//
// This package knows no vendor: each vendor's emulator lives in its own
// package under internal/vendors/<name>/<name>sandbox and is registered
// (Register) by the emulators' list, internal/vendors/sandboxes, which
// whoever serves every vendor imports. Every vendor lives under its own path
// prefix, its name, followed by the documented path:
//
//	GET /<vendor>/<documented path>
//
// The valid keys are each emulator's Key constant (Key). Admin endpoints for
// scripts live under /_sandbox/ (see serveAdmin); they are never delayed,
// faulted or counted.
package sandbox

import (
	"cmp"
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Options tunes a Server. The zero value is a fast, well-behaved sandbox.
type Options struct {
	Latency           time.Duration // added to every vendor request (not admin)
	EnforceRateLimits bool          // enforce each vendor's documented per-key limits (Emulator.RateLimited)
	FaultRate         float64       // 0..1: fraction of vendor requests answering a transient fault (429, 503 alternately)
	Seed              int64         // makes FaultRate's choice of requests deterministic
	// Vendor holds options only one emulator understands, by vendor name
	// (e.g. how many plans to generate); see each emulator's package.
	Vendor VendorOptions
	// Now is the emulators' clock (nil: time.Now); tests drive rate limits
	// with it without sleeping.
	Now func() time.Time
}

// Server emulates every registered vendor. It is safe for concurrent use.
type Server struct {
	opts    Options
	vendors []*vendor
	// wait spends Options.Latency, or less if the client leaves (false);
	// replaced in tests to see the wait without spending it.
	wait func(ctx context.Context, d time.Duration) bool
	// hanging, when set (by tests), is called as a FaultHang starts to hang.
	hanging func()

	hangStop  chan struct{} // closed by Close to release FaultHang handlers
	closeOnce sync.Once

	mu           sync.Mutex
	requests     map[string]int
	responses    map[string]map[int]int
	faults       map[string][]Fault
	randomFaults map[string]int // how many FaultRate faults each vendor has answered, to alternate 429/503
	lastHeaders  map[string]http.Header
	responded    chan struct{} // closed and replaced as each response is counted (announce)
}

// vendor is a registered Emulator's handler bound to its path prefix.
type vendor struct {
	name   string
	prefix string
	*Vendor
}

func (v *vendor) writeError(w http.ResponseWriter, r *http.Request, status int) {
	WriteJSONAs(w, status, v.ErrorBody(r, status), cmp.Or(v.ContentType, "application/json"))
}

// New builds a Server and its fixtures.
func New(opts Options) *Server {
	s := &Server{
		opts:         opts,
		wait:         waitOrLeave,
		hangStop:     make(chan struct{}),
		requests:     map[string]int{},
		responses:    map[string]map[int]int{},
		faults:       map[string][]Fault{},
		randomFaults: map[string]int{},
		lastHeaders:  map[string]http.Header{},
		responded:    make(chan struct{}),
	}
	if s.opts.Now == nil {
		s.opts.Now = time.Now
	}
	for _, e := range emulators {
		s.vendors = append(s.vendors, &vendor{name: e.Name, prefix: "/" + e.Name, Vendor: e.Build(s, s.opts)})
	}
	return s
}

// Now is the time by the Server's clock (Options.Now), for rate limits.
func (s *Server) Now() time.Time { return s.opts.Now() }

// Close releases requests held by FaultHang. The Server keeps serving.
func (s *Server) Close() {
	s.closeOnce.Do(func() { close(s.hangStop) })
}

// ServeHTTP routes admin requests and vendor requests.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, adminPrefix) {
		s.serveAdmin(w, r)
		return
	}
	v, rest := s.route(r.URL.Path)
	if v == nil {
		WriteJSON(w, http.StatusNotFound, map[string]string{"error": "no sandbox vendor serves " + r.URL.Path})
		return
	}

	n := s.begin(v.name, r.Header)
	w.Header().Set("X-Sandbox-Request-Count", strconv.Itoa(n))
	rec := &statusRecorder{ResponseWriter: w}
	defer func() { s.finish(v.name, rec.status) }()

	if !s.sleep(r.Context()) {
		return
	}
	if f, ok := s.takeFault(v, r, n); ok {
		s.writeFault(rec, r, v, f)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		rec.Header().Set("Allow", "GET, HEAD")
		v.writeError(rec, r, http.StatusMethodNotAllowed)
		return
	}
	v.Serve(&conditionalWriter{ResponseWriter: rec, req: r}, r, rest)
}

func (s *Server) route(path string) (*vendor, string) {
	for _, v := range s.vendors {
		if rest, ok := strings.CutPrefix(path, v.prefix); ok && (rest == "" || rest[0] == '/') {
			return v, rest
		}
	}
	return nil, ""
}

// sleep applies Options.Latency; it reports false if the client went away.
func (s *Server) sleep(ctx context.Context) bool {
	if s.opts.Latency <= 0 {
		return true
	}
	return s.wait(ctx, s.opts.Latency)
}

// waitOrLeave waits d, or until ctx is done (false).
func waitOrLeave(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// begin counts a vendor request and returns its 1-based ordinal, which also
// seeds FaultRate so the same sequence of requests faults the same way.
func (s *Server) begin(vendor string, h http.Header) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests[vendor]++
	s.lastHeaders[vendor] = h.Clone()
	return s.requests[vendor]
}

func (s *Server) finish(vendor string, status int) {
	if status == 0 {
		// Nothing was written: the client left during latency or a hang.
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	byStatus := s.responses[vendor]
	if byStatus == nil {
		byStatus = map[int]int{}
		s.responses[vendor] = byStatus
	}
	byStatus[status]++
	s.announce()
}

// Requests returns how many requests a vendor received, faults and 429s included.
func (s *Server) Requests(vendor string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[vendor]
}

// Responses returns how many responses with the given status a vendor served.
func (s *Server) Responses(vendor string, status int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.responses[vendor][status]
}

// ResetCounts zeroes request and response counters (faults and limits stay).
func (s *Server) ResetCounts() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = map[string]int{}
	s.responses = map[string]map[int]int{}
	s.randomFaults = map[string]int{}
}

// Reset returns the server to its freshly built state: counters, queued
// faults, recorded headers and rate-limit buckets.
func (s *Server) Reset() {
	s.ResetCounts()
	s.mu.Lock()
	s.faults = map[string][]Fault{}
	s.lastHeaders = map[string]http.Header{}
	s.mu.Unlock()
	for _, v := range s.vendors {
		if v.Reset != nil {
			v.Reset()
		}
	}
}

// LastHeader returns a header of the most recent request to a vendor, so
// tests can assert what the provider sent (e.g. a workspace header).
func (s *Server) LastHeader(vendor, name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lastHeaders[vendor].Get(name)
}

// statusRecorder remembers the status so Responses can count it. Unwrap lets
// http.ResponseController reach Flush and Hijack on the real writer.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (w *statusRecorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }
