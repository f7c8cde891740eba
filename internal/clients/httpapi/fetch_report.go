package httpapi

import (
	"context"
	"sync"
	"time"
)

// Warning is something the data sources reading a listing should show the
// user.
type Warning struct {
	Summary, Detail string
}

// FetchReport is, for one data source's read, what the shared listings it
// read say: when their data was fetched (the oldest, if several) and the
// warnings they carry.
type FetchReport struct {
	mu       sync.Mutex
	oldest   time.Time
	warnings []Warning
	seen     map[*Warning]bool
}

type fetchReportKey struct{}

// WithFetchReport returns a context whose shared listings are recorded in
// the returned FetchReport: pass it to the client calls of one data
// source's read.
func WithFetchReport(ctx context.Context) (context.Context, *FetchReport) {
	r := &FetchReport{seen: map[*Warning]bool{}}
	return context.WithValue(ctx, fetchReportKey{}, r), r
}

func fetchReportFrom(ctx context.Context) *FetchReport {
	r, _ := ctx.Value(fetchReportKey{}).(*FetchReport)
	return r
}

// add records a shared listing; a nil FetchReport (a context without one)
// records nothing.
func (r *FetchReport) add(read sharedListing) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.oldest.IsZero() || read.fetchedAt.Before(r.oldest) {
		r.oldest = read.fetchedAt
	}
	for i := range read.warnings {
		// A listing shared by two calls of one data source warns once.
		if w := &read.warnings[i]; !r.seen[w] {
			r.seen[w] = true
			r.warnings = append(r.warnings, *w)
		}
	}
}

// FetchedAt is when the oldest listing read was fetched from its vendor;
// false when none was read.
func (r *FetchReport) FetchedAt() (time.Time, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.oldest, !r.oldest.IsZero()
}

// Warnings are the warnings of every listing read, in the order first
// seen.
func (r *FetchReport) Warnings() []Warning {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Warning(nil), r.warnings...)
}
