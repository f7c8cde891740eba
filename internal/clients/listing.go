package clients

import (
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
	MaxListingPages = 1000
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
// most max_parallel_requests are in flight, and one byte budget for all the
// response bodies it reads. A nil listing is a single request, bounded by
// the per-response cap alone.
type listing struct {
	slots  *semaphore.Weighted
	budget *byteBudget
}

func (a *api) newListing() *listing {
	return &listing{
		slots:  semaphore.NewWeighted(int64(a.cfg.MaxParallelRequests)),
		budget: &byteBudget{limit: a.cfg.MaxListingBytes},
	}
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

func (a *api) listingTooLarge() error {
	return fmt.Errorf("the listing's responses add up to more than max_listing_bytes (%d bytes); "+
		"raise max_listing_bytes (up to %d) if the catalogue really is that large, or narrow the listing with its filters",
		a.cfg.MaxListingBytes, MaxListingBytesLimit)
}
