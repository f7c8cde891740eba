package httpapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"sync/atomic"

	"golang.org/x/sync/semaphore"
)

// Bounds on one listing, whatever its vendor reports: a paginator that
// claims more is refused before its second page is asked for, and a walk
// along next links stops there.
const (
	// MaxListingPages is the most pages one listing may read.
	MaxListingPages = 1000
	// MaxListingItems is the most items one listing may hold.
	MaxListingItems = 100_000
	// DefaultMaxListingBytes is the response bytes one listing may read in
	// all. The state written from them is smaller than the JSON they came
	// in, so it stays far below the 256 MiB that Terraform accepts in one
	// plugin message.
	DefaultMaxListingBytes = 64 << 20
	// MaxListingBytesLimit is the highest max_listing_bytes accepted.
	MaxListingBytesLimit = 192 << 20
)

// listing is what the requests of one listing share: request slots, so at
// most max parallel requests are in flight, and one byte budget for all the
// response bodies it reads. A nil *listing is a single request, bounded by
// the per-response cap alone. The limit travels with the listing that
// getJSON is given, never in a context.
type listing struct {
	slots  *semaphore.Weighted
	budget *byteBudget
	// state counts the listing's pages and throttling, for read_timeout's
	// and rate_limit_wait's errors.
	state *fetchState
	// cache is the fetch's traffic with the cache; nil without one.
	cache *fetchSession
}

// fetchFunc is a shared listing's fetch, as the shared layer runs it: every
// request with the listing it is given.
type fetchFunc func(ctx context.Context, l *listing) (any, error)

// fetchListingOf is the listing of one fetch: its state, and its session
// with the cache, if any.
func (a *API) fetchListingOf(state *fetchState, s *fetchSession) *listing {
	return &listing{
		slots:  semaphore.NewWeighted(int64(a.cfg.MaxParallelRequests)),
		budget: &byteBudget{limit: a.cfg.MaxListingBytes},
		state:  state,
		cache:  s,
	}
}

// fetchState is the state of l's fetch; a request outside any listing is
// a fetch of its own.
func (l *listing) fetchState(a *API) *fetchState {
	if l == nil || l.state == nil {
		return &fetchState{api: a}
	}
	return l.state
}

// session is l's traffic with the cache; nil for none.
func (l *listing) session() *fetchSession {
	if l == nil {
		return nil
	}
	return l.cache
}

// acquire takes one request slot of l, waiting for one to free, and returns
// its release; a nil listing has no slots to take.
func (l *listing) acquire(ctx context.Context) (release func(), err error) {
	if l == nil {
		return func() {}, nil
	}
	if err := l.slots.Acquire(ctx, 1); err != nil {
		return nil, err
	}
	return func() { l.slots.Release(1) }, nil
}

// byteBudget is the budget l's bodies are charged to; nil for nil l.
func (l *listing) byteBudget() *byteBudget {
	if l == nil {
		return nil
	}
	return l.budget
}

// byteBudget counts the bytes read by every response of one listing.
type byteBudget struct {
	limit int64
	used  atomic.Int64
}

// remaining is how many bytes the listing may still read; a nil budget
// (a single request) is unbounded here, as the per-response cap bounds it.
func (b *byteBudget) remaining() int64 {
	if b == nil {
		return math.MaxInt64
	}
	return max(0, b.limit-b.used.Load())
}

var errListingTooLarge = errors.New("listing exceeds its byte budget")

// reader charges every byte read from r to the budget, failing the read as
// soon as the listing as a whole passes its limit, not after.
func (b *byteBudget) reader(r io.Reader) io.Reader {
	if b == nil {
		return r
	}
	return &budgetReader{r: r, b: b}
}

type budgetReader struct {
	r io.Reader
	b *byteBudget
}

func (br *budgetReader) Read(p []byte) (int, error) {
	n, err := br.r.Read(p)
	if br.b.used.Add(int64(n)) > br.b.limit {
		return n, errListingTooLarge
	}
	return n, err
}

func (a *API) listingTooLarge() error {
	return fmt.Errorf("the listing's responses add up to more than max_listing_bytes (%d bytes); "+
		"raise max_listing_bytes (up to %d) if the catalogue really is that large, or narrow the listing with its filters",
		a.cfg.MaxListingBytes, MaxListingBytesLimit)
}
