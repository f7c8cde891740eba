// Package hostile is a vendor server that misbehaves on purpose, by name.
// The sandbox (package sandbox) is a faithful emulator with injected
// transient faults; this server is what an attacker, a broken deploy or a
// proxy in the way would send instead: keys echoed back in every string a
// client might print, bodies that are not lists, lying page counts, numbers
// no price can have, endless and enormous listings, overflowing waits, and
// links and redirects that lead elsewhere.
//
// Every behaviour lives under its own path prefix, in front of the vendor's
// documented path and envelope, so a test selects one by base URL:
//
//	<URL>/<behaviour>/<vendor>/<documented path>   the vendor's own credential header
//
// The server knows no vendor: each vendor's emulator package declares its
// Dialect, and the emulators' list (internal/vendors/sandboxes) registers
// them.
//
// The server accepts any credential: the key a client sends is what the key
// echoes plant. Requests are counted per behaviour and vendor (Requests, or
// GET <URL>/_hostile/requests for scripts). A second listener, OtherURL, is
// "another origin" for redirects and links to point at; TLSURL serves the
// benign listing over TLS with a certificate nobody trusts.
package hostile

import (
	"crypto/tls"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// Server serves every behaviour for every vendor it applies to. It is safe
// for concurrent use.
type Server struct {
	URL      string // main origin
	OtherURL string // another origin: any request reaching it is a leak
	TLSURL   string // https origin with an untrusted certificate

	main, other, tls *httptest.Server

	mu         sync.Mutex
	requests   map[string][]time.Time // "behaviour/vendor" -> arrival times
	keys       map[string][]string    // "behaviour/vendor" -> credentials received
	otherHits  []string               // request URIs that reached OtherURL, with their credential
	strays     []string               // requests on the main origin outside every behaviour's prefix
	handshakes int                    // TLS handshakes begun on TLSURL
}

// New starts the server on loopback; Close stops it.
func New() *Server {
	s := &Server{requests: map[string][]time.Time{}, keys: map[string][]string{}}
	s.main = httptest.NewServer(http.HandlerFunc(s.serve))
	s.other = httptest.NewServer(http.HandlerFunc(s.serveOther))
	s.tls = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.tls.TLS = &tls.Config{GetConfigForClient: func(*tls.ClientHelloInfo) (*tls.Config, error) {
		s.mu.Lock()
		s.handshakes++
		s.mu.Unlock()
		return nil, nil
	}}
	s.tls.StartTLS()
	s.URL, s.OtherURL, s.TLSURL = s.main.URL, s.other.URL, s.tls.URL
	return s
}

// Close stops all three listeners, cutting off any request still streaming.
func (s *Server) Close() {
	for _, ts := range []*httptest.Server{s.main, s.other, s.tls} {
		ts.CloseClientConnections()
		ts.Close()
	}
}

// BaseURL is the base_url that makes a vendor's client meet a behaviour.
func (s *Server) BaseURL(behaviour, vendor string) string {
	return s.URL + "/" + behaviour + "/" + vendor
}

// Requests is how many requests reached a behaviour's vendor path.
func (s *Server) Requests(behaviour, vendor string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests[behaviour+"/"+vendor])
}

// Arrivals are the times those requests arrived, in order.
func (s *Server) Arrivals(behaviour, vendor string) []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.requests[behaviour+"/"+vendor]...)
}

// KeysReceived are the credentials those requests carried ("" for none).
func (s *Server) KeysReceived(behaviour, vendor string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.keys[behaviour+"/"+vendor]...)
}

// OtherOriginHits are the requests that reached OtherURL.
func (s *Server) OtherOriginHits() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.otherHits...)
}

// Strays are the requests that reached the main origin outside every
// behaviour's path: where a lure link or redirect leads.
func (s *Server) Strays() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.strays...)
}

// TLSHandshakes is how many TLS handshakes clients began on TLSURL: each
// attempt of a client that does not trust the certificate is one.
func (s *Server) TLSHandshakes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.handshakes
}

func (s *Server) serveOther(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.otherHits = append(s.otherHits, r.URL.RequestURI()+" auth="+r.Header.Get("Authorization")+r.Header.Get("X-Api-Key"))
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"data":[],"pagination":{"next":null}}`))
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/_hostile/requests" {
		s.serveCounts(w)
		return
	}
	parts := strings.SplitN(strings.TrimPrefix(r.URL.Path, "/"), "/", 3)
	if len(parts) < 2 {
		http.NotFound(w, r)
		return
	}
	name, vendorName := parts[0], parts[1]
	rest := ""
	if len(parts) == 3 {
		rest = "/" + parts[2]
	}
	v := dialectOf(vendorName)
	okVendor := v != nil
	b, okBehaviour := behaviours[name]
	if !okVendor || !okBehaviour {
		s.mu.Lock()
		s.strays = append(s.strays, r.URL.RequestURI()+" auth="+r.Header.Get("Authorization")+r.Header.Get("X-Api-Key"))
		s.mu.Unlock()
		http.Error(w, "hostile: no behaviour "+name+" for vendor "+vendorName, http.StatusNotFound)
		return
	}
	c := &call{w: w, r: r, s: s, behaviour: name, v: v, rest: rest}
	c.key = v.Key(r)
	s.mu.Lock()
	k := name + "/" + vendorName
	s.requests[k] = append(s.requests[k], time.Now())
	s.keys[k] = append(s.keys[k], c.key)
	c.n = len(s.requests[k])
	s.mu.Unlock()
	b.serve(c)
}

func (s *Server) serveCounts(w http.ResponseWriter) {
	s.mu.Lock()
	out := map[string]int{"_other_origin": len(s.otherHits), "_strays": len(s.strays), "_tls_handshakes": s.handshakes}
	for k, v := range s.requests {
		out[k] = len(v)
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, out)
}

// call is one request to a behaviour.
type call struct {
	w         http.ResponseWriter
	r         *http.Request
	s         *Server
	behaviour string
	v         *Dialect
	rest      string // path after the vendor prefix
	key       string // credential the request carried
	n         int    // 1-based ordinal of this request for behaviour/vendor
}

// base is the base URL the client was configured with.
func (c *call) base() string { return "http://" + c.r.Host + "/" + c.behaviour + "/" + c.v.Name }

// origin is scheme and host only: a link built on it may leave the base path.
func (c *call) origin() string { return "http://" + c.r.Host }

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "hostile: "+err.Error(), http.StatusInternalServerError)
		return
	}
	writeRaw(w, status, "application/json", b)
}

func writeRaw(w http.ResponseWriter, status int, contentType string, b []byte) {
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	_, _ = w.Write(b) // the client may have given up, which is its right
}
