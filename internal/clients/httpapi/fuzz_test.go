package httpapi

// Fuzz targets for what a user or a server controls on the shared layer:
// the base-URL validation and the waits a server asks for. Seed corpora
// live in testdata/fuzz/<FuzzName>/ and run with every `go test`; `make
// fuzz` runs each target for FUZZTIME.

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// checkErrorText fails when an error would not survive the trip to Terraform
// (diagnostics travel over gRPC, whose strings must be valid UTF-8) or would
// quote the credential.
func checkErrorText(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := err.Error()
	if !utf8.ValidString(msg) {
		t.Fatalf("error is not valid UTF-8: %q", msg)
	}
	if strings.Contains(msg, testKey) {
		t.Fatalf("error quotes the API key: %q", msg)
	}
}

func FuzzParseBaseURL(f *testing.F) {
	for _, s := range []string{
		"https://backend.example.com", "http://127.0.0.1:8080/vendor", "http://localhost", "http://[::1]:1/",
		"http://127.0.0.1.nip.io", "http://user:pw@127.0.0.1", "https://:pw@example.com", "http://0x7f000001/",
		"http://2130706433/", "http://[::ffff:127.0.0.1]/", "https://example.com?q=1", "https://example.com#f",
		"ftp://example.com", "https://", "http:///x", " http://127.0.0.1", "http://127.0.0.1%2f@evil/",
		"http://LOCALHOST.", "http://127.1/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		u, err := ParseBaseURL(raw)
		checkErrorText(t, err)
		if err != nil {
			return
		}
		if u.User != nil {
			t.Fatalf("accepted %q with user information", raw)
		}
		if u.Host == "" || u.Hostname() == "" {
			t.Fatalf("accepted %q without a host", raw)
		}
		switch u.Scheme {
		case "https":
		case "http":
			if !isLoopbackHost(u.Hostname()) {
				t.Fatalf("accepted http:// URL %q on non-loopback host %q", raw, u.Hostname())
			}
		default:
			t.Fatalf("accepted %q with scheme %q", raw, u.Scheme)
		}
		// The client must reach the host it validated: the URL it
		// builds requests from must parse back to the same origin.
		again, err := url.Parse(u.String())
		if err != nil || !SameOrigin(u, again) {
			t.Fatalf("%q re-parses as %v (%v), another origin", raw, again, err)
		}
	})
}

// FuzzServerWaitIsNeverNegativeNorAboveTheCap drives Retry-After and
// X-Rate-Limit-Reset through backoff, which every retry uses (and whose
// signature go-retryablehttp fixes): the wait is always within
// [0, retry_wait_max], and a Retry-After of whole seconds is honoured up
// to the cap, however many digits it has.
func FuzzServerWaitIsNeverNegativeNorAboveTheCap(f *testing.F) {
	for _, s := range [][2]string{
		{"10000000000", ""}, {"", "10000000000"}, {"9223372036854775807", ""}, {"18446744073709551616", ""},
		{"-1", ""}, {"", "-1"}, {"", "1e30"}, {"", "NaN"}, {"", "Inf"}, {"", "0.5"}, {"1", "1"}, {"0", ""},
		{"Fri, 31 Dec 9999 23:59:59 GMT", ""}, {"Thu, 01 Jan 1970 00:00:00 GMT", ""}, {" 30 ", ""}, {"+5", ""}, {"", "86400"},
	} {
		f.Add(s[0], s[1], uint8(0))
	}
	const lo, hi = 500 * time.Millisecond, 30 * time.Second
	f.Fuzz(func(t *testing.T, retryAfter, reset string, attempt uint8) {
		h := http.Header{}
		if retryAfter != "" {
			h.Set("Retry-After", retryAfter)
		}
		if reset != "" {
			h.Set("X-Rate-Limit-Reset", reset)
		}
		d := backoff(lo, hi, int(attempt%16), &http.Response{StatusCode: http.StatusTooManyRequests, Header: h})
		if d < 0 || d > hi {
			t.Fatalf("Retry-After %q, X-Rate-Limit-Reset %q: wait %s, want within [0, %s]", retryAfter, reset, d, hi)
		}
		if secs, ok := wholeSeconds(retryAfter); ok {
			want := hi
			if secs < uint64(hi/time.Second) {
				want = time.Duration(secs) * time.Second
			}
			if d != want {
				t.Fatalf("Retry-After %q: wait %s, want %s", retryAfter, d, want)
			}
		}
	})
}

// wholeSeconds reads delay-seconds as RFC 9110 writes them (1*DIGIT),
// saturating rather than overflowing.
func wholeSeconds(v string) (uint64, bool) {
	v = strings.TrimSpace(v)
	if v == "" || strings.Trim(v, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		return 1 << 63, true // more digits than uint64: far past any cap
	}
	return n, true
}
