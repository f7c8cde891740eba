package httpapi

import (
	"context"
	"sync"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot"
)

// sharedRead is one shared read's result as the memo keeps it: the value,
// when its data was fetched from the vendor, and what its readers must be
// told about it (a copy served from the cache because the vendor failed).
type sharedRead struct {
	value     any
	fetchedAt time.Time
	warnings  []Warning
	// pages are the read's responses, for the cache; revalidated counts
	// those the vendor confirmed with 304 Not Modified.
	pages       []snapshot.Page
	revalidated int
}

// Warning is something a read's data sources should show the user.
type Warning struct {
	Summary, Detail string
}

// Reads tracks, for one data source, the shared reads it made: when their
// data was fetched (the oldest, if several) and the warnings they carry.
type Reads struct {
	mu       sync.Mutex
	oldest   time.Time
	warnings []Warning
	seen     map[*Warning]bool
}

type readsKey struct{}

// TrackReads returns a context whose shared reads are recorded in the
// returned Reads: pass it to the client calls of one data source.
func TrackReads(ctx context.Context) (context.Context, *Reads) {
	r := &Reads{seen: map[*Warning]bool{}}
	return context.WithValue(ctx, readsKey{}, r), r
}

func trackerFrom(ctx context.Context) *Reads {
	r, _ := ctx.Value(readsKey{}).(*Reads)
	return r
}

// add records a read; a nil Reads (an untracked context) records nothing.
func (r *Reads) add(read sharedRead) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.oldest.IsZero() || read.fetchedAt.Before(r.oldest) {
		r.oldest = read.fetchedAt
	}
	for i := range read.warnings {
		// A read shared by two calls of one data source warns once.
		if w := &read.warnings[i]; !r.seen[w] {
			r.seen[w] = true
			r.warnings = append(r.warnings, *w)
		}
	}
}

// FetchedAt is when the oldest data read was fetched from its vendor;
// false when nothing was read.
func (r *Reads) FetchedAt() (time.Time, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.oldest, !r.oldest.IsZero()
}

// Warnings are the warnings of every read, in the order first seen.
func (r *Reads) Warnings() []Warning {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Warning(nil), r.warnings...)
}
