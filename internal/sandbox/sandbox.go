// Package sandbox is a local emulator of the five vendors' pricing APIs the
// provider talks to. It is faithful where the provider's behaviour depends on
// it (auth schemes, paging, error bodies, rate limits, absolute next links) and
// adds knobs the real APIs do not have: latency, injected faults and request
// counters, so acceptance tests can prove retries and paging really happen.
//
// Every vendor lives under its own path prefix, followed by the documented path:
//
//	GET /identifai/api/partner/pricings         X-Api-Key: <key>
//	GET /paygentic/v0/plans[/{id}]              Authorization: Bearer <key>
//	GET /probely/plans/                         Authorization: JWT <key>
//	GET /onepin/api/v1/billing/plans            Authorization: Bearer <key> (optional)
//	GET /streamskill/tarifs/{id}                Authorization: Bearer <key>
//
// The valid keys are the exported *Key constants. Admin endpoints for scripts
// live under /_sandbox/ (see serveAdmin); they are never delayed, faulted or
// counted.
//
// StreamSkill tariffs have fixed ids (see the StreamskillTariff* constants):
//
//	1  standard, volume discounts {"1":0,"500":10,"1000":20}, price 50, count 100, not hourly
//	2  standard, hourly, price 12.5, count 10
//	3  graduated, hourly, {"0":135,"101":180,"201":270}, custom count {min 10, max 350}, discounts {}
//	4  graduated, hourly, no discounts key
//	5  standard, custom count {min 10, max 350}, hourly
//	6  standard, no discounts key at all
//	7  standard, fractional price 0.1
//	8  standard, Kick link
//	9  standard, no link key
//	10 graduated, not hourly
//	11 standard, large volume discounts
//	12 standard, hourly, Trovo link
//
// Any other id answers StreamSkill's 404.
package sandbox

import (
	"cmp"
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Options tunes a Server. The zero value is a fast, well-behaved sandbox.
type Options struct {
	Latency           time.Duration // added to every vendor request (not admin)
	PaygenticPlans    int           // number of generated Paygentic plans; 0 means the default fixture (260)
	EnforceRateLimits bool          // enforce identifAI's and StreamSkill's documented per-key limits
	FaultRate         float64       // 0..1: fraction of vendor requests answering a transient fault (429, 503 alternately)
	Seed              int64         // makes FaultRate's choice of requests deterministic
	ProbelyBareArray  bool          // Probely's /plans/ answers a bare JSON array of every plan, as its OpenAPI 1.2.0 defines it
}

// Server emulates all five vendors. It is safe for concurrent use.
type Server struct {
	opts    Options
	vendors []*vendor
	now     func() time.Time // replaced in tests to drive rate limits without sleeping
	// wait spends Options.Latency, or less if the client leaves (false);
	// replaced in tests to see the wait without spending it.
	wait func(ctx context.Context, d time.Duration) bool
	// hanging, when set (by tests), is called as a FaultHang starts to hang.
	hanging func()

	// fixtures are each vendor's data by vendor name, built once in New and
	// never mutated, so handlers read them without locking.
	fixtures map[string]any

	limits    *rateLimits
	onepinSeq atomic.Uint64 // feeds OnePin's meta.request_id

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

// vendor binds a path prefix to a handler and to the vendor's own way of
// reporting errors, which faults reuse so clients see realistic bodies.
type vendor struct {
	name   string
	prefix string
	serve  func(w http.ResponseWriter, r *http.Request, path string)
	// errorBody returns the vendor's JSON body for an HTTP error status.
	errorBody func(r *http.Request, status int) any
	// faultHeaders, if set, adds headers the vendor sends on every response
	// (StreamSkill's X-Rate-Limit-*), so faulted responses look real too.
	faultHeaders func(h http.Header, r *http.Request, status int)
	// huge describes a syntactically valid body shape for FaultHugeBody and
	// FaultMalformedJSON.
	huge hugeShape
	// contentType of the vendor's JSON responses, when not plain application/json.
	contentType string
	// tooManyRequests, if set, is the vendor's own 429 for FaultRate, when
	// it does not say when to retry with Retry-After.
	tooManyRequests *Fault
}

func (v *vendor) writeError(w http.ResponseWriter, r *http.Request, status int) {
	writeJSONAs(w, status, v.errorBody(r, status), cmp.Or(v.contentType, "application/json"))
}

// New builds a Server and its fixtures.
func New(opts Options) *Server {
	s := &Server{
		opts:         opts,
		now:          time.Now,
		wait:         waitOrLeave,
		hangStop:     make(chan struct{}),
		requests:     map[string]int{},
		responses:    map[string]map[int]int{},
		faults:       map[string][]Fault{},
		randomFaults: map[string]int{},
		lastHeaders:  map[string]http.Header{},
		responded:    make(chan struct{}),
		limits:       newRateLimits(),
	}
	s.fixtures = make(map[string]any, len(vendorDefs))
	for _, d := range vendorDefs {
		s.fixtures[d.name] = d.newData(opts)
	}
	for _, d := range vendorDefs {
		s.vendors = append(s.vendors, d.build(s))
	}
	return s
}

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
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no sandbox vendor serves " + r.URL.Path})
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
	v.serve(&conditionalWriter{ResponseWriter: rec, req: r}, r, rest)
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
	s.limits.reset()
}

// LastHeader returns a header of the most recent request to a vendor, so
// tests can assert what the provider sent (e.g. OnePin's X-Workspace-Id).
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

// writeJSON marshals v; fixtures are plain data, so a marshal error is a bug
// in the sandbox and is reported as a 500 rather than silently dropped.
func writeJSON(w http.ResponseWriter, status int, v any) {
	writeJSONAs(w, status, v, "application/json")
}

func writeJSONAs(w http.ResponseWriter, status int, v any, contentType string) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "sandbox: "+err.Error(), http.StatusInternalServerError)
		return
	}
	writeRawJSON(w, status, b, contentType)
}

func writeRawJSON(w http.ResponseWriter, status int, b []byte, contentType string) {
	if answerConditionally(w, status, b) {
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b) // the client may have gone away; nothing useful to do
}

// baseURL is the scheme and host the client used, for vendors whose next
// links are absolute.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// authToken returns the credential after the given scheme word; the scheme
// is case-insensitive as in RFC 9110.
func authToken(r *http.Request, scheme string) (string, bool) {
	h := r.Header.Get("Authorization")
	word, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(word, scheme) {
		return "", false
	}
	return strings.TrimSpace(token), true
}
