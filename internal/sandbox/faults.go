package sandbox

import (
	"bytes"
	"cmp"
	"fmt"
	"hash/fnv"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// FaultKind selects how a faulted request misbehaves.
type FaultKind int

// Fault kinds. The zero value answers Fault.Status with the vendor's error body.
const (
	FaultStatus         FaultKind = iota // Status (default 503) with the vendor's own error body
	FaultMalformedJSON                   // 200 with JSON cut off mid-object
	FaultHTML200                         // 200 with an HTML page, like a captive portal or CDN challenge
	FaultEmptyBody                       // 200 with an empty body
	FaultDropConnection                  // writes part of the body, then closes the connection
	FaultHang                            // never answers until the client leaves, Close, or 10 minutes
	FaultHugeBody                        // 200 streaming ~100 MB of valid-looking JSON
	FaultRedirect                        // 302 to Fault.Location (the request's own URL if empty: a loop)
)

var faultKindNames = []string{"status", "malformed_json", "html_200", "empty_body", "drop_connection", "hang", "huge_body", "redirect"}

// String returns the name used in JSON, e.g. "drop_connection".
func (k FaultKind) String() string {
	if k < 0 || int(k) >= len(faultKindNames) {
		return "FaultKind(" + strconv.Itoa(int(k)) + ")"
	}
	return faultKindNames[k]
}

// MarshalText lets scripts write {"kind":"hang"} to /_sandbox/faults.
func (k FaultKind) MarshalText() ([]byte, error) {
	if k < 0 || int(k) >= len(faultKindNames) {
		return nil, fmt.Errorf("unknown fault kind %d", int(k))
	}
	return []byte(faultKindNames[k]), nil
}

// UnmarshalText accepts the names from String.
func (k *FaultKind) UnmarshalText(b []byte) error {
	for i, name := range faultKindNames {
		if string(b) == name {
			*k = FaultKind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown fault kind %q (want one of %s)", b, strings.Join(faultKindNames, ", "))
}

// Fault is one misbehaviour queued with InjectFaults or POST /_sandbox/faults.
type Fault struct {
	Status         int       `json:"status,omitempty"`           // for FaultStatus: e.g. 429, 500, 502, 503 (default 503)
	RetryAfter     string    `json:"retry_after,omitempty"`      // Retry-After header value, seconds or an HTTP date
	RateLimitReset string    `json:"rate_limit_reset,omitempty"` // X-Rate-Limit-Reset header value
	Kind           FaultKind `json:"kind,omitempty"`
	Location       string    `json:"location,omitempty"` // for FaultRedirect
	Match          string    `json:"match,omitempty"`    // applies only if the path or raw query contains this
	Sticky         bool      `json:"sticky,omitempty"`   // never consumed: a permanent failure
}

func (f Fault) matches(r *http.Request) bool {
	return f.Match == "" || strings.Contains(r.URL.Path, f.Match) || strings.Contains(r.URL.RawQuery, f.Match)
}

// InjectFaults appends faults to a vendor's queue. Each request takes the
// first queued fault that matches it; non-sticky faults are then removed.
func (s *Server) InjectFaults(vendor string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[vendor] = append(s.faults[vendor], faults...)
}

// ClearFaults drops a vendor's queued faults, sticky ones included.
func (s *Server) ClearFaults(vendor string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.faults, vendor)
}

// PendingFaults returns how many faults are still queued for a vendor.
func (s *Server) PendingFaults(vendor string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.faults[vendor])
}

// takeFault picks the fault for request n of vendor v: a queued one first,
// then possibly a FaultRate one.
func (s *Server) takeFault(v *vendor, r *http.Request, n int) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.faults[v.name]
	for i, f := range q {
		if !f.matches(r) {
			continue
		}
		if !f.Sticky {
			s.faults[v.name] = append(q[:i:i], q[i+1:]...)
		}
		return f, true
	}
	if !s.randomFaultHits(v.name, n) {
		return Fault{}, false
	}
	k := s.randomFaults[v.name]
	s.randomFaults[v.name]++
	if k%2 == 1 {
		return Fault{Status: http.StatusServiceUnavailable}, true
	}
	if v.TooManyRequests != nil {
		return *v.TooManyRequests, true
	}
	return Fault{Status: http.StatusTooManyRequests, RetryAfter: "1"}, true
}

// randomFaultHits draws from a hash of (seed, vendor, ordinal) rather than a
// shared PRNG, so one vendor's traffic never shifts another's faults.
func (s *Server) randomFaultHits(vendor string, n int) bool {
	if s.opts.FaultRate <= 0 {
		return false
	}
	h := fnv.New64a()
	_, _ = h.Write([]byte(vendor)) // hash writes never fail
	x := Mix64(h.Sum64() ^ uint64(s.opts.Seed) ^ uint64(n)*0x9e3779b97f4a7c15)
	return float64(x>>11)/(1<<53) < s.opts.FaultRate
}

// Mix64 is SplitMix64's finalizer: cheap, well distributed, deterministic;
// emulators derive stable fixture ids from it.
func Mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

const (
	hugeBodyBytes = 100 << 20
	hangLimit     = 10 * time.Minute
)

// HugeShape is a vendor's list envelope around repeated items, so huge and
// truncated bodies resemble the real payload.
type HugeShape struct {
	Prefix string // opening of the envelope up to the first item
	Item   []byte // one serialized item
	Suffix string // closing of the envelope after the last item
}

func (s *Server) writeFault(w http.ResponseWriter, r *http.Request, v *vendor, f Fault) {
	h := w.Header()
	status := f.Status
	if status == 0 {
		status = http.StatusServiceUnavailable
	}
	if v.FaultHeaders != nil {
		hs := http.StatusOK
		if f.Kind == FaultStatus {
			hs = status
		}
		v.FaultHeaders(h, r, hs)
	}
	if f.RetryAfter != "" {
		h.Set("Retry-After", f.RetryAfter)
	}
	if f.RateLimitReset != "" {
		h.Set("X-Rate-Limit-Reset", f.RateLimitReset)
	}

	switch f.Kind {
	case FaultMalformedJSON:
		body := v.Huge.Prefix + string(v.Huge.Item) + ","
		body += string(v.Huge.Item[:len(v.Huge.Item)/2])
		WriteRawJSON(w, http.StatusOK, []byte(body), cmp.Or(v.ContentType, "application/json"))
	case FaultHTML200:
		WriteRawJSON(w, http.StatusOK, []byte(htmlPage), "text/html; charset=UTF-8")
	case FaultEmptyBody:
		WriteRawJSON(w, http.StatusOK, nil, "application/json")
	case FaultDropConnection:
		dropConnection(w, v)
	case FaultHang:
		t := time.NewTimer(hangLimit)
		defer t.Stop()
		if s.hanging != nil {
			s.hanging()
		}
		select {
		case <-r.Context().Done():
		case <-s.hangStop:
			// Returning would send an empty 200; a hang ends as a dead connection.
			panic(http.ErrAbortHandler)
		case <-t.C:
			panic(http.ErrAbortHandler)
		}
	case FaultHugeBody:
		writeHugeBody(w, v.Huge)
	case FaultRedirect:
		loc := f.Location
		if loc == "" {
			loc = r.URL.RequestURI()
		}
		h.Set("Location", loc)
		w.WriteHeader(http.StatusFound)
	default:
		v.writeError(w, r, status)
	}
}

// dropConnection promises a full body, sends part of it and closes the
// socket, so clients see an unexpected EOF mid-body rather than a status.
func dropConnection(w http.ResponseWriter, v *vendor) {
	body := []byte(v.Huge.Prefix + string(v.Huge.Item))
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(body)*4))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body[:len(body)/2])
	rc := http.NewResponseController(w)
	_ = rc.Flush()
	conn, _, err := rc.Hijack()
	if err != nil {
		// HTTP/2 cannot hijack; aborting the handler resets the stream instead.
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

func writeHugeBody(w http.ResponseWriter, shape HugeShape) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	var chunk bytes.Buffer
	for chunk.Len() < 64<<10 {
		chunk.Write(shape.Item)
		chunk.WriteByte(',')
	}
	if _, err := w.Write([]byte(shape.Prefix)); err != nil {
		return
	}
	for written := 0; written < hugeBodyBytes; written += chunk.Len() {
		if _, err := w.Write(chunk.Bytes()); err != nil {
			return // the client gave up, which is what a size guard should do
		}
	}
	_, _ = w.Write(shape.Item)
	_, _ = w.Write([]byte(shape.Suffix))
}

const htmlPage = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Just a moment...</title></head>
<body><h1>Checking your browser before accessing the site.</h1>
<p>This process is automatic. Your browser will redirect to your requested content shortly.</p>
</body>
</html>
`
