package httpapi

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestOneReaderPerListingWhileTheOthersWaitForItsEntry runs five clients
// of their own (as five processes would be, each with its own memo) on one
// cache and fleet folder: the first reads the vendor, the four others wait
// on the entry's lock and are served what it stored.
func TestOneReaderPerListingWhileTheOthersWaitForItsEntry(t *testing.T) {
	t.Parallel()
	var requests atomic.Int32
	arrived, release := make(chan struct{}, 8), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		arrived <- struct{}{}
		<-release
		onePage(w, 2)
	}))
	t.Cleanup(srv.Close)
	var once sync.Once
	open := func() { once.Do(func() { close(release) }) }
	t.Cleanup(open) // runs before srv.Close, which waits for the handlers
	fl, err := OpenFleet(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan struct{}, 8)
	fl.dir.OnWait = func() { waiting <- struct{}{} }
	// max_age 0: only an entry stored while a client waited spares it a request.
	cache := newCache(t, t.TempDir(), 0, 24*time.Hour, false)
	read := func() (*testPage, error) {
		a := newTestAPI(t, srv, func(c *Config) { c.Cache, c.Fleet = cache, fl })
		return sharedPlans(context.Background(), a)
	}

	var wg sync.WaitGroup
	results := make([]*testPage, 5)
	errs := make([]error, 5)
	wg.Go(func() { results[0], errs[0] = read() })
	<-arrived // the first client holds the lock and is reading
	for i := 1; i < 5; i++ {
		wg.Go(func() { results[i], errs[i] = read() })
	}
	for range 4 {
		select {
		case <-waiting:
		case <-arrived:
			t.Fatalf("a second client sent a request while the first was reading (%d requests)", requests.Load())
		}
	}
	open()
	wg.Wait()
	for i, err := range errs {
		if err != nil || len(results[i].Data) != 2 {
			t.Errorf("client %d: %v, %v", i, results[i], err)
		}
	}
	if n := requests.Load(); n != 1 {
		t.Errorf("the vendor saw %d requests, want 1 for five clients", n)
	}
}

func TestWhenTheEntryLockHolderFailsTheNextWaiterReadsItself(t *testing.T) {
	t.Parallel()
	var requests atomic.Int32
	arrived, release := make(chan struct{}, 8), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if requests.Add(1) == 1 {
			arrived <- struct{}{}
			<-release
			w.WriteHeader(http.StatusUnauthorized) // the holder's read fails
			return
		}
		onePage(w, 2)
	}))
	t.Cleanup(srv.Close)
	fl, err := OpenFleet(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan struct{}, 1)
	fl.dir.OnWait = func() { waiting <- struct{}{} }
	cache := newCache(t, t.TempDir(), time.Hour, 24*time.Hour, false)
	read := func() (*testPage, error) {
		a := newTestAPI(t, srv, func(c *Config) { c.Cache, c.Fleet = cache, fl })
		return sharedPlans(context.Background(), a)
	}
	holder := make(chan error, 1)
	go func() { _, err := read(); holder <- err }()
	<-arrived
	waiter := make(chan error, 1)
	var got *testPage
	go func() { p, err := read(); got = p; waiter <- err }()
	<-waiting
	close(release)
	if err := <-holder; !IsStatus(err, http.StatusUnauthorized) {
		t.Errorf("holder: %v, want its 401", err)
	}
	if err := <-waiter; err != nil || len(got.Data) != 2 {
		t.Errorf("waiter: %v, %v; want it to read the vendor itself", got, err)
	}
	if n := requests.Load(); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestAWaitForAnotherReadersEntryEndsOnCtrlC(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	arrived := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		<-release
		onePage(w, 2)
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	fl, err := OpenFleet(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan struct{}, 1)
	fl.dir.OnWait = func() { waiting <- struct{}{} }
	cache := newCache(t, t.TempDir(), time.Hour, 24*time.Hour, false)
	api := func() *API { return newTestAPI(t, srv, func(c *Config) { c.Cache, c.Fleet = cache, fl }) }
	go func() { _, _ = sharedPlans(context.Background(), api()) }()
	<-arrived
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { _, err := sharedPlans(ctx, api()); done <- err }()
	<-waiting
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want the wait stopped by the cancellation", err)
	}
}
