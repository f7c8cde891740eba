package httpapi

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// heldVendor answers one page per request, but only once released; it
// tells when a request arrives and whether the client gave up on it.
type heldVendor struct {
	requests  atomic.Int32
	arrived   chan struct{} // one send per request
	release   chan struct{} // closed to let every request answer
	abandoned chan struct{} // one send per request the client cancelled
}

func newHeldVendor(t *testing.T) (*heldVendor, *API) {
	t.Helper()
	v := &heldVendor{arrived: make(chan struct{}, 8), release: make(chan struct{}), abandoned: make(chan struct{}, 8)}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v.requests.Add(1)
		v.arrived <- struct{}{}
		select {
		case <-v.release:
			onePage(w, 2)
		case <-r.Context().Done():
			v.abandoned <- struct{}{}
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() {
		select {
		case <-v.release:
		default:
			close(v.release)
		}
	})
	a := newTestAPI(t, srv, func(c *Config) { c.MaxRetries = 0 })
	return v, a
}

type sharedResult struct {
	page  *testPage
	reads Fetched
	err   error
}

// startReader starts a caller of the shared "plans" read on ctx; the
// returned channel has its result.
func startReader(ctx context.Context, a *API) <-chan sharedResult {
	out := make(chan sharedResult, 1)
	go func() {
		p, reads, err := readShared(ctx, a, "plans", func(ctx context.Context, l *listing) (*testPage, error) { return listPlans(ctx, a, l) })
		out <- sharedResult{p, reads, err}
	}()
	return out
}

// joined is a memo hook that tells when a caller waits on a read.
func joined(a *API) <-chan struct{} {
	ch := make(chan struct{}, 8)
	a.listings.joined = func() { ch <- struct{}{} }
	return ch
}

func TestACallerThatStopsWaitingDoesNotCancelTheReadItShares(t *testing.T) {
	t.Parallel()
	v, a := newHeldVendor(t)
	waiting := joined(a)
	ctxA, cancelA := context.WithCancel(context.Background())
	defer cancelA()
	resA := startReader(ctxA, a)
	<-waiting
	<-v.arrived
	resB := startReader(context.Background(), a)
	<-waiting

	cancelA()
	if r := <-resA; !errors.Is(r.err, context.Canceled) {
		t.Fatalf("caller A, cancelled: err = %v, want context.Canceled", r.err)
	}
	close(v.release)
	r := <-resB
	if r.err != nil || r.page == nil || len(r.page.Data) != 2 {
		t.Fatalf("caller B, still waiting: %+v, %v; want the two plans", r.page, r.err)
	}
	if r.reads.At.IsZero() {
		t.Errorf("caller B's read tracker did not learn of the read")
	}
	if n := v.requests.Load(); n != 1 {
		t.Errorf("the vendor got %d requests, want the one shared read", n)
	}
	select {
	case <-v.abandoned:
		t.Errorf("the shared request was cancelled when one of its two callers left")
	default:
	}
}

func TestTheSharedReadStopsWhenEveryCallerHasStoppedWaiting(t *testing.T) {
	t.Parallel()
	v, a := newHeldVendor(t)
	waiting := joined(a)
	ctxA, cancelA := context.WithCancel(context.Background())
	ctxB, cancelB := context.WithCancel(context.Background())
	defer cancelA()
	defer cancelB()
	resA := startReader(ctxA, a)
	<-waiting
	<-v.arrived
	resB := startReader(ctxB, a)
	<-waiting

	cancelB()
	if r := <-resB; !errors.Is(r.err, context.Canceled) {
		t.Fatalf("caller B: err = %v, want context.Canceled", r.err)
	}
	cancelA()
	if r := <-resA; !errors.Is(r.err, context.Canceled) {
		t.Fatalf("caller A: err = %v, want context.Canceled", r.err)
	}
	<-v.abandoned // the request is cancelled once nobody waits for it

	// A caller after that starts a read of its own.
	resC := startReader(context.Background(), a)
	<-v.arrived
	close(v.release)
	if r := <-resC; r.err != nil || len(r.page.Data) != 2 {
		t.Fatalf("caller C: %+v, %v; want the two plans", r.page, r.err)
	}
	if n := v.requests.Load(); n != 2 {
		t.Errorf("the vendor got %d requests, want 2: the abandoned read and C's", n)
	}
}

type ctxKey struct{}

func TestTheSharedReadKeepsTheValuesOfItsFirstCallersContext(t *testing.T) {
	t.Parallel()
	v, a := newHeldVendor(t)
	close(v.release)
	ctx := context.WithValue(context.Background(), ctxKey{}, "logger")
	got, _, err := readShared(ctx, a, "values", func(ctx context.Context, _ *listing) (any, error) { return ctx.Value(ctxKey{}), nil })
	if err != nil || got != "logger" {
		t.Fatalf("the read saw %v, %v; want the caller's context value", got, err)
	}
}
