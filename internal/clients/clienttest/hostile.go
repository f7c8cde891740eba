package clienttest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// HostileServer answers every request with Respond's status and body, and
// counts the requests.
type HostileServer struct {
	Respond func(r *http.Request) (int, string)
	calls   atomic.Int32
}

func (s *HostileServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.calls.Add(1)
	status, body := s.Respond(r)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprint(w, body)
}

// Calls is how many requests the server answered.
func (s *HostileServer) Calls() int32 { return s.calls.Load() }

// Fixed answers 200 with body.
func Fixed(body string) func(*http.Request) (int, string) {
	return func(*http.Request) (int, string) { return http.StatusOK, body }
}

// HostileCase is one body a vendor's read must refuse: the error says each
// of Want, after at most MaxRequests requests.
type HostileCase struct {
	Name        string
	Respond     func(*http.Request) (int, string)
	Want        []string
	MaxRequests int32
}

// RefusedInOneRequest is a case whose read fails after one request,
// saying each of want.
func RefusedInOneRequest(name string, respond func(*http.Request) (int, string), want ...string) HostileCase {
	return HostileCase{Name: name, Respond: respond, Want: want, MaxRequests: 1}
}

// RunHostileCases serves each case and reads it with read, which reads the
// vendor's listing (or one item) from srv: every read must fail saying
// what the case wants, within its request budget.
func RunHostileCases(t *testing.T, read func(t *testing.T, srv *httptest.Server) error, cases []HostileCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.Name+" fails the read", func(t *testing.T) {
			t.Parallel()
			hs := &HostileServer{Respond: tt.Respond}
			srv := httptest.NewServer(hs)
			defer srv.Close()
			err := read(t, srv)
			if err == nil {
				t.Fatalf("read succeeded, want an error saying %q", tt.Want)
			}
			for _, w := range tt.Want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("err = %v\nwant it to say %q", err, w)
				}
			}
			if got := hs.Calls(); got > tt.MaxRequests {
				t.Errorf("made %d requests, want at most %d", got, tt.MaxRequests)
			}
		})
	}
}

// CorruptGzip is body gzipped, with its CRC broken.
func CorruptGzip(body string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, _ = zw.Write([]byte(body))
	zw.Close()
	out := b.Bytes()
	out[len(out)-8] ^= 0xff // the CRC-32 of the trailer
	return out
}

// JSONEscapeAll spells every character of s as a \u escape.
func JSONEscapeAll(s string) string {
	var b strings.Builder
	for _, r := range s {
		fmt.Fprintf(&b, `\u%04x`, r)
	}
	return b.String()
}
