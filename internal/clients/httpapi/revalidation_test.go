package httpapi

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// scriptedVendor answers each request as answer says, given the request
// and its ordinal (from 1), and keeps every request's conditional headers.
type scriptedVendor struct {
	mu           sync.Mutex
	n            int
	conditionals []string // "If-None-Match|If-Modified-Since" of each request
	answer       func(n int, r *http.Request) answer
}

type answer struct {
	status             int
	etag, lastModified string
	version            string // the body's version; none for a 304
}

func (v *scriptedVendor) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	v.mu.Lock()
	v.n++
	n := v.n
	v.conditionals = append(v.conditionals, r.Header.Get("If-None-Match")+"|"+r.Header.Get("If-Modified-Since"))
	v.mu.Unlock()
	a := v.answer(n, r)
	if a.etag != "" {
		w.Header().Set("ETag", a.etag)
	}
	if a.lastModified != "" {
		w.Header().Set("Last-Modified", a.lastModified)
	}
	w.WriteHeader(a.status)
	if a.status == http.StatusOK {
		fmt.Fprintf(w, `{"page":%q,"version":%q}`, r.URL.Query().Get("page"), a.version)
	}
}

func (v *scriptedVendor) sent() (int, []string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.n, append([]string(nil), v.conditionals...)
}

func startScripted(t *testing.T, answer func(n int, r *http.Request) answer) (*scriptedVendor, *httptest.Server) {
	t.Helper()
	v := &scriptedVendor{answer: answer}
	srv := httptest.NewServer(v)
	t.Cleanup(srv.Close)
	return v, srv
}

// cacheFiles is every file of the cache folder, read whole.
func cacheFiles(t *testing.T, dir string) string {
	t.Helper()
	var all strings.Builder
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		all.WriteString(e.Name() + "\n" + string(b) + "\n")
	}
	return all.String()
}

func TestAValidatorHoldingTheKeyIsNeitherStoredNorSentBack(t *testing.T) {
	t.Parallel()
	for _, enc := range encodings {
		t.Run("the key "+enc.name, func(t *testing.T) {
			t.Parallel()
			echo := enc.encode("Bearer " + testKey)
			v, srv := startScripted(t, func(_ int, r *http.Request) answer {
				return answer{status: http.StatusOK, etag: `"` + echo + `"`, lastModified: echo, version: "v1"}
			})
			dir := t.TempDir()
			cache := newCache(t, dir, 0, 24*time.Hour, false)
			for range 2 {
				if _, _, err := runWith(t, srv, cache); err != nil {
					t.Fatal(err)
				}
			}
			if files := cacheFiles(t, dir); HoldsSecret(files, testKey) {
				t.Errorf("the cache folder holds the key:\n%s", files)
			}
			_, sent := v.sent()
			for i, c := range sent {
				if HoldsSecret(c, testKey) {
					t.Errorf("request %d sent the key back: %q", i+1, c)
				}
			}
		})
	}
}

// A vendor at v1, then at v2 whose revalidation answers are wrong in the
// way named; each must end in a read of v2 alone, never v1 or a mix.
func TestARevalidationThatCannotConfirmTheCopyReadsTheListAgain(t *testing.T) {
	t.Parallel()
	etag := func(version string, r *http.Request) string {
		return fmt.Sprintf(`"%s-%s"`, version, r.URL.Query().Get("page"))
	}
	for _, tt := range []struct {
		name string
		// second answers the second run's requests (n from 3).
		second       func(n int, r *http.Request) answer
		wantRequests int // in the second run
	}{
		{"when a 304 carries another ETag than the one sent", func(_ int, r *http.Request) answer {
			if r.Header.Get("If-None-Match") != "" {
				return answer{status: http.StatusNotModified, etag: etag("v2", r)}
			}
			return answer{status: http.StatusOK, etag: etag("v2", r), version: "v2"}
		}, 4},
		{"when a 304 answers a page asked for without validators", func(n int, r *http.Request) answer {
			if n == 3 {
				return answer{status: http.StatusNotModified}
			}
			return answer{status: http.StatusOK, version: "v2"}
		}, 3},
		{"when page 1 changed but page 2 is confirmed by a lagging replica", func(_ int, r *http.Request) answer {
			if r.Header.Get("If-None-Match") == etag("v1", r) && r.URL.Query().Get("page") == "2" {
				return answer{status: http.StatusNotModified, etag: etag("v1", r)}
			}
			return answer{status: http.StatusOK, etag: etag("v2", r), version: "v2"}
		}, 4},
		{"when page 1 is confirmed by a lagging replica but page 2 changed", func(_ int, r *http.Request) answer {
			if r.Header.Get("If-None-Match") == etag("v1", r) && r.URL.Query().Get("page") == "1" {
				return answer{status: http.StatusNotModified, etag: etag("v1", r)}
			}
			return answer{status: http.StatusOK, etag: etag("v2", r), version: "v2"}
		}, 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			noValidators := strings.Contains(tt.name, "without validators")
			v, srv := startScripted(t, func(n int, r *http.Request) answer {
				if n <= 2 {
					if noValidators {
						return answer{status: http.StatusOK, version: "v1"}
					}
					return answer{status: http.StatusOK, etag: etag("v1", r), version: "v1"}
				}
				return tt.second(n, r)
			})
			cache := newCache(t, t.TempDir(), 0, 24*time.Hour, false)
			if _, _, err := runWith(t, srv, cache); err != nil {
				t.Fatal(err)
			}
			got, _, err := runWith(t, srv, cache)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != "[1@v2 2@v2]" {
				t.Errorf("the second run read %v, want [1@v2 2@v2]", got)
			}
			n, sent := v.sent()
			if n-2 != tt.wantRequests {
				t.Errorf("the second run made %d requests, want %d: %q", n-2, tt.wantRequests, sent[2:])
			}
			// And the copy now stored is v2's: a third run confirms it.
			third, _, err := runWith(t, srv, cache)
			if err != nil || fmt.Sprint(third) != "[1@v2 2@v2]" {
				t.Errorf("the third run read %v (%v), want [1@v2 2@v2]", third, err)
			}
		})
	}
}

func TestA304ToARequestWithoutValidatorsTwiceIsAnErrorNamingThePage(t *testing.T) {
	t.Parallel()
	_, srv := startScripted(t, func(n int, _ *http.Request) answer {
		if n <= 2 {
			return answer{status: http.StatusOK, version: "v1"}
		}
		return answer{status: http.StatusNotModified}
	})
	cache := newCache(t, t.TempDir(), 0, 24*time.Hour, false)
	if _, _, err := runWith(t, srv, cache); err != nil {
		t.Fatal(err)
	}
	_, _, err := runWith(t, srv, cache)
	if err == nil || !strings.Contains(err.Error(), "vendor: list items page 1") || !strings.Contains(err.Error(), "304") {
		t.Fatalf("got %v, want an error naming the vendor, the page and the 304", err)
	}
}

func TestA304NeverReplacesTheStoredValidators(t *testing.T) {
	t.Parallel()
	v, srv := startScripted(t, func(n int, r *http.Request) answer {
		if n <= 2 {
			return answer{status: http.StatusOK, etag: `"v1"`, version: "v1"}
		}
		// The ETag matches; the Last-Modified it adds must not be kept.
		return answer{status: http.StatusNotModified, etag: `"v1"`, lastModified: "Tue, 08 Dec 2026 10:00:00 GMT"}
	})
	cache := newCache(t, t.TempDir(), 0, 24*time.Hour, false)
	for range 3 {
		if got, _, err := runWith(t, srv, cache); err != nil || fmt.Sprint(got) != "[1@v1 2@v1]" {
			t.Fatalf("read %v, %v", got, err)
		}
	}
	_, sent := v.sent()
	for _, c := range sent[4:] {
		if c != `"v1"|` {
			t.Errorf("the third run sent %q, want the first run's validators only", c)
		}
	}
}

func TestAReadWhosePageURLHoldsTheKeyIsNotStored(t *testing.T) {
	t.Parallel()
	v, srv := startScripted(t, func(int, *http.Request) answer { return answer{status: http.StatusOK, version: "v1"} })
	dir := t.TempDir()
	cache := newCache(t, dir, time.Hour, 24*time.Hour, false)
	// A vendor's next link on the same origin, with the key in base64: the
	// body check looks for the key as is, escaped or URL-encoded only.
	link := "/items/" + base64.RawURLEncoding.EncodeToString([]byte("Bearer "+testKey))
	read := func() error {
		a := newTestAPI(t, srv, func(c *Config) { c.Cache, c.MaxRetries = cache, 0 })
		_, _, err := readShared(context.Background(), a, "linked", func(ctx context.Context, l *listing) (string, error) {
			var body struct{ Version string }
			err := a.getJSON(ctx, l, "list items page 2", a.Endpoint(link, nil), nil, &body)
			return body.Version, err
		})
		return err
	}
	for range 2 {
		if err := read(); err != nil {
			t.Fatal(err)
		}
	}
	if files := cacheFiles(t, dir); HoldsSecret(files, testKey) || strings.Contains(files, ".snapshot.json") {
		t.Errorf("the read was stored:\n%s", files)
	}
	if n, _ := v.sent(); n != 2 {
		t.Errorf("%d requests over two runs, want 2: nothing was stored to replay", n)
	}
}
