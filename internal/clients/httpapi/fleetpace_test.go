package httpapi

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/gofrs/flock"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"golang.org/x/time/rate"
)

// pacedTestAPI is an API on srv paced by one limiter, shared through fl.
func pacedTestAPI(t *testing.T, srv *httptest.Server, fl *Fleet) *API {
	t.Helper()
	a, err := New(Config{BaseURL: srv.URL + "/vendor", APIKey: testKey, Fleet: fl}, Spec{
		Name:      "vendor",
		Authorize: func(h http.Header, key string) { h.Set("X-Api-Key", key) },
		Limiters:  []*rate.Limiter{rate.NewLimiter(100, 10)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestPacingFallsBackToTheProcessAloneWhenTheSharedStateHasNoLock(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		onePage(w, 2)
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	fl, err := OpenFleet(dir)
	if err != nil {
		t.Fatal(err)
	}
	a := pacedTestAPI(t, srv, fl)
	// Another process holds the bucket's lock and never lets it go.
	sp, ok := a.pacer.(*sharedPacer)
	if !ok {
		t.Fatalf("pacer = %T, want the shared one", a.pacer)
	}
	if _, err := sp.bucket.Reserve(a.clock.Now()); err != nil { // creates the bucket's files
		t.Fatal(err)
	}
	locks, _ := filepath.Glob(filepath.Join(dir, "bucket-*.lock"))
	if len(locks) != 1 {
		t.Fatalf("bucket lock files: %v", locks)
	}
	holder := flock.New(locks[0])
	if ok, err := holder.TryLock(); !ok || err != nil {
		t.Fatalf("TryLock = %v, %v", ok, err)
	}
	defer func() { _ = holder.Unlock() }()

	var logs strings.Builder
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	if _, err := listPlans(ctx, a, nil); err != nil {
		t.Fatalf("the read failed instead of pacing alone: %v", err)
	}
	if calls.Load() != 1 {
		t.Errorf("%d requests, want 1", calls.Load())
	}
	if !strings.Contains(logs.String(), "Pacing this process alone") || !strings.Contains(logs.String(), `"@level":"debug"`) {
		t.Errorf("no debug line says the process paces alone:\n%s", logs.String())
	}
}
