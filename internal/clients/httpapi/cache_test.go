package httpapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot"
	"github.com/pricingkit/terraform-provider-pricing/internal/testsync"
)

// cachedVendor serves two pages of a listing with validators, answers
// conditional requests with 304, and can be told to fail.
type cachedVendor struct {
	mu          sync.Mutex
	requests    int
	notModified int
	status      int    // non-zero: every request fails with it
	version     string // the data's version, part of every body and ETag
}

func (v *cachedVendor) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.requests++
	if v.status != 0 {
		w.WriteHeader(v.status)
		fmt.Fprint(w, `{"message":"down"}`)
		return
	}
	page := r.URL.Query().Get("page")
	etag := fmt.Sprintf(`"%s-%s"`, v.version, page)
	if r.Header.Get("If-None-Match") == etag {
		v.notModified++
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", "Mon, 07 Dec 2026 10:00:00 GMT")
	fmt.Fprintf(w, `{"page":%q,"version":%q}`, page, v.version)
}

func (v *cachedVendor) counts() (requests, notModified int) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.requests, v.notModified
}

// readTwoPages is a vendor client's shared read: two pages of a listing.
func readTwoPages(ctx context.Context, a *API) ([]string, Fetched, error) {
	return readShared(ctx, a, "listing", func(ctx context.Context, l *listing) ([]string, error) {
		var out []string
		for _, page := range []string{"1", "2"} {
			var body struct{ Page, Version string }
			u := a.Endpoint("/items", map[string][]string{"page": {page}})
			if err := a.getJSON(ctx, l, "list items page "+page, u, nil, &body); err != nil {
				return nil, err
			}
			out = append(out, body.Page+"@"+body.Version)
		}
		return out, nil
	})
}

// startCachedVendor serves a vendor at version v1 until the test ends.
func startCachedVendor(t *testing.T) (*cachedVendor, *httptest.Server) {
	t.Helper()
	v := &cachedVendor{version: "v1"}
	srv := httptest.NewServer(v)
	t.Cleanup(srv.Close)
	return v, srv
}

// runWith reads the listing with a new API (a new Terraform run) on cache.
func runWith(t *testing.T, srv *httptest.Server, cache *Cache) ([]string, Fetched, error) {
	t.Helper()
	a := newTestAPI(t, srv, func(c *Config) { c.Cache, c.MaxRetries, c.Clock = cache, 0, testsync.NewFakeClock() })
	return readTwoPages(context.Background(), a)
}

func newCache(t *testing.T, dir string, maxAge, staleIfError time.Duration, offline bool) *Cache {
	t.Helper()
	c, err := OpenCache(dir, 0, maxAge, staleIfError, offline)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestACopyWithinMaxAgeIsUsedWithNoRequest(t *testing.T) {
	t.Parallel()
	v, srv := startCachedVendor(t)
	dir := t.TempDir()
	cache := newCache(t, dir, time.Hour, 24*time.Hour, false)
	first, firstReads, err := runWith(t, srv, cache)
	if err != nil {
		t.Fatal(err)
	}
	v.version = "v2" // the vendor changed, but the copy is young enough
	second, secondReads, err := runWith(t, srv, cache)
	if err != nil {
		t.Fatal(err)
	}
	if requests, _ := v.counts(); requests != 2 {
		t.Errorf("%d requests over two runs, want the first run's 2 only", requests)
	}
	if fmt.Sprint(second) != fmt.Sprint(first) || fmt.Sprint(first) != "[1@v1 2@v1]" {
		t.Errorf("second run read %v, first %v", second, first)
	}
	at1, at2 := firstReads.At, secondReads.At
	if !at1.Equal(at2) {
		t.Errorf("fetched_at %v from the cache, want the original %v", at2, at1)
	}
}

func TestACopyPastMaxAgeIsRevalidatedPageByPage(t *testing.T) {
	t.Parallel()
	v, srv := startCachedVendor(t)
	cache := newCache(t, t.TempDir(), 0, 24*time.Hour, false)
	if _, _, err := runWith(t, srv, cache); err != nil {
		t.Fatal(err)
	}
	got, _, err := runWith(t, srv, cache)
	if err != nil {
		t.Fatal(err)
	}
	if requests, notModified := v.counts(); requests != 4 || notModified != 2 {
		t.Errorf("%d requests, %d answered 304; want 4 and 2", requests, notModified)
	}
	if fmt.Sprint(got) != "[1@v1 2@v1]" {
		t.Errorf("read %v after 304s", got)
	}
	v.version = "v2"
	if got, _, _ := runWith(t, srv, cache); fmt.Sprint(got) != "[1@v2 2@v2]" {
		t.Errorf("read %v after the data changed, want v2", got)
	}
}

func TestAFailingVendorIsStoodInForOnlyByItsOwnFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status    int
		wantStale bool
	}{
		{http.StatusServiceUnavailable, true},
		{http.StatusInternalServerError, true},
		{http.StatusTooManyRequests, true},
		{http.StatusUnauthorized, false},
		{http.StatusForbidden, false},
		{http.StatusNotFound, false},
		{http.StatusUnprocessableEntity, false},
		{http.StatusBadRequest, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("HTTP %d serves the copy: %v", tt.status, tt.wantStale), func(t *testing.T) {
			t.Parallel()
			v, srv := startCachedVendor(t)
			cache := newCache(t, t.TempDir(), 0, 24*time.Hour, false)
			if _, _, err := runWith(t, srv, cache); err != nil {
				t.Fatal(err)
			}
			v.status = tt.status
			got, reads, err := runWith(t, srv, cache)
			if !tt.wantStale {
				if err == nil || !IsStatus(err, tt.status) {
					t.Fatalf("got %v, %v; want the %d error", got, err, tt.status)
				}
				return
			}
			if err != nil || fmt.Sprint(got) != "[1@v1 2@v1]" {
				t.Fatalf("got %v, %v; want the cached copy", got, err)
			}
			w := reads.Warnings
			if len(w) != 1 || !strings.Contains(w[0].Detail, "vendor listing failed, so its cached copy, fetched") ||
				!strings.Contains(w[0].Detail, fmt.Sprint(tt.status)) {
				t.Errorf("warnings %+v, want one naming the vendor, the read, the age and the failure", w)
			}
		})
	}
}

func TestAnUnreachableVendorIsStoodInForByTheCopy(t *testing.T) {
	t.Parallel()
	_, srv := startCachedVendor(t)
	cache := newCache(t, t.TempDir(), 0, 24*time.Hour, false)
	if _, _, err := runWith(t, srv, cache); err != nil {
		t.Fatal(err)
	}
	srv.Close() // connections are now refused
	got, reads, err := runWith(t, srv, cache)
	if err != nil || fmt.Sprint(got) != "[1@v1 2@v1]" || len(reads.Warnings) != 1 {
		t.Errorf("got %v, %v, warnings %v; want the copy with a warning", got, err, reads.Warnings)
	}
}

func TestACopyOlderThanStaleIfErrorIsRemovedNotServed(t *testing.T) {
	t.Parallel()
	v, srv := startCachedVendor(t)
	dir := t.TempDir()
	if _, _, err := runWith(t, srv, newCache(t, dir, 0, time.Hour, false)); err != nil {
		t.Fatal(err)
	}
	v.status = http.StatusServiceUnavailable
	// A nanosecond of stale_if_error: the copy is too old by the time it is seen.
	if _, _, err := runWith(t, srv, newCache(t, dir, 0, time.Nanosecond, false)); !IsStatus(err, http.StatusServiceUnavailable) {
		t.Errorf("got %v, want the 503", err)
	}
	if entries, _ := filepath.Glob(filepath.Join(dir, "*.snapshot.json")); len(entries) != 0 {
		t.Errorf("the old copy is still there: %v", entries)
	}
}

func TestOfflineReadsOnlyTheCache(t *testing.T) {
	t.Parallel()
	v, srv := startCachedVendor(t)
	dir := t.TempDir()
	_, _, err := runWith(t, srv, newCache(t, dir, 0, 24*time.Hour, true))
	var miss *OfflineMissError
	if !errors.As(err, &miss) || !strings.Contains(err.Error(), "vendor: listing: offline = true") || !strings.Contains(err.Error(), "run the same configuration once") {
		t.Fatalf("an empty cache offline: %v", err)
	}
	if requests, _ := v.counts(); requests != 0 {
		t.Fatalf("%d requests offline", requests)
	}
	if _, _, err := runWith(t, srv, newCache(t, dir, 0, 24*time.Hour, false)); err != nil {
		t.Fatal(err)
	}
	got, _, err := runWith(t, srv, newCache(t, dir, 0, 24*time.Hour, true))
	if requests, _ := v.counts(); err != nil || requests != 2 || fmt.Sprint(got) != "[1@v1 2@v1]" {
		t.Errorf("offline with a copy: %v, %v, %d requests in all; want the copy and only the online run's 2", got, err, requests)
	}
}

func TestACorruptedCopyIsReadAgainWithAWarning(t *testing.T) {
	t.Parallel()
	v, srv := startCachedVendor(t)
	dir := t.TempDir()
	cache := newCache(t, dir, time.Hour, 24*time.Hour, false)
	if _, _, err := runWith(t, srv, cache); err != nil {
		t.Fatal(err)
	}
	entries, _ := filepath.Glob(filepath.Join(dir, "*.snapshot.json"))
	if len(entries) != 1 {
		t.Fatalf("%d entries", len(entries))
	}
	b, _ := os.ReadFile(entries[0])
	if err := os.WriteFile(entries[0], bytes.Replace(b, []byte(`"read":"listing"`), []byte(`"read":"listinG"`), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	got, reads, err := runWith(t, srv, cache)
	if requests, _ := v.counts(); err != nil || requests != 4 || fmt.Sprint(got) != "[1@v1 2@v1]" {
		t.Errorf("got %v, %v after %d requests; want a fresh read", got, err, requests)
	}
	if w := reads.Warnings; len(w) != 1 || !strings.Contains(w[0].Detail, "checksum") {
		t.Errorf("warnings %+v, want one about the checksum", w)
	}
}

func TestNoCacheFileHoldsTheKey(t *testing.T) {
	t.Parallel()
	_, srv := startCachedVendor(t)
	dir := t.TempDir()
	if _, _, err := runWith(t, srv, newCache(t, dir, 0, 24*time.Hour, false)); err != nil {
		t.Fatal(err)
	}
	files, _ := os.ReadDir(dir)
	if len(files) == 0 {
		t.Fatal("nothing was cached")
	}
	for _, f := range files {
		b, _ := os.ReadFile(filepath.Join(dir, f.Name()))
		if bytes.Contains(b, []byte(testKey)) {
			t.Errorf("%s holds the API key", f.Name())
		}
	}
}

func TestDebugLogsSayWhatTheCacheDidForEachRead(t *testing.T) {
	t.Parallel()
	v, srv := startCachedVendor(t)
	dir := t.TempDir()
	steps := []struct {
		cache  *Cache
		status int
		want   string
	}{
		{newCache(t, dir, time.Hour, 24*time.Hour, false), 0, "Cache miss: read from the vendor and stored"},
		{newCache(t, dir, time.Hour, 24*time.Hour, false), 0, "Cache hit: no vendor request"},
		{newCache(t, dir, 0, 24*time.Hour, false), 0, "Cache revalidated"},
		{newCache(t, dir, 0, 24*time.Hour, false), http.StatusBadGateway, "Cache copy served: the vendor failed"},
	}
	for _, st := range steps {
		v.status = st.status
		var logs bytes.Buffer
		ctx := tflog.SetField(tflogtest.RootLogger(context.Background(), &logs), "test", true)
		a := newTestAPI(t, srv, func(c *Config) { c.Cache, c.MaxRetries = st.cache, 0 })
		if _, _, err := readTwoPages(ctx, a); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(logs.String(), st.want) || bytes.Contains(logs.Bytes(), []byte(testKey)) {
			t.Errorf("logs lack %q (or hold the key):\n%s", st.want, logs.String())
		}
	}
}

func TestACopyFromTheFutureIsNotFreshForever(t *testing.T) {
	t.Parallel()
	v, srv := startCachedVendor(t)
	dir := t.TempDir()
	cache := newCache(t, dir, time.Hour, 24*time.Hour, false)
	a := newTestAPI(t, srv, func(c *Config) { c.Cache = cache })
	k := a.snapshotKey("listing")
	if err := cache.store.Put(snapshot.Entry{Key: k, FetchedAt: time.Now().Add(48 * time.Hour), Pages: []snapshot.Page{{URL: "x", Body: []byte("{}")}}}); err != nil {
		t.Fatal(err)
	}
	_, reads, err := runWith(t, srv, cache)
	if requests, _ := v.counts(); err != nil || requests != 2 || len(reads.Warnings) != 1 || !strings.Contains(reads.Warnings[0].Detail, "in the future") {
		t.Errorf("err %v, %d requests, warnings %v; want a fresh read with a warning", err, requests, reads.Warnings)
	}
}
