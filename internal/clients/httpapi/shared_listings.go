package httpapi

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot"
)

// sharedListings is a per-client cache with single-flight: data sources
// that read the same listing in one Terraform run share one fetch of it,
// also when they ask at the same moment. Failures are not kept, so a later
// read tries again.
//
// A shared fetch belongs to no one caller: it runs detached from the
// cancellation of the caller that started it (pricing_catalog cancels its
// other vendors' reads when one vendor fails, which must not fail a list
// data source waiting on the same read), while every caller stops waiting
// on its own context. The fetch is cancelled when its last waiting caller
// has gone: when Terraform is interrupted or stops the provider, every
// request's context is cancelled, so every fetch stops. (golang.org/x/sync's
// singleflight runs the fetch on the first caller's context and cannot
// cancel it when all callers have gone, hence this small flight of its own.)
type sharedListings struct {
	mu      sync.Mutex
	done    map[string]any
	flights map[string]*flight
	// joined, when set (by tests), is called as a caller starts waiting.
	joined func()
}

// sharedListing is one listing as sharedListings keeps it for every read
// of it in a run: the value, when its data was fetched from the vendor,
// and what the data sources reading it must be told about it (a copy
// served from the cache because the vendor failed).
type sharedListing struct {
	value     any
	fetchedAt time.Time
	warnings  []Warning
	// pages are the fetch's responses, for the cache; revalidated counts
	// those the vendor confirmed with 304 Not Modified.
	pages       []snapshot.Page
	revalidated int
}

// flight is one fetch in progress and the callers waiting for it.
type flight struct {
	finished chan struct{} // closed once value and err are set
	value    any
	err      error
	waiters  int
	cancel   context.CancelFunc
}

// do returns key's kept value, or waits, on ctx, for the one fetch of key.
func (m *sharedListings) do(ctx context.Context, key string, fn func(ctx context.Context) (any, error)) (any, error) {
	m.mu.Lock()
	if v, ok := m.done[key]; ok {
		m.mu.Unlock()
		return v, nil
	}
	f := m.flights[key]
	if f == nil {
		f = m.start(ctx, key, fn)
	}
	f.waiters++
	joined := m.joined
	m.mu.Unlock()
	if joined != nil {
		joined()
	}

	select {
	case <-f.finished:
		m.mu.Lock()
		f.waiters--
		m.mu.Unlock()
		return f.value, f.err
	case <-ctx.Done():
		if m.leave(key, f) {
			// The last caller cancelled the fetch: its own error, which
			// names the request it stopped, comes as soon as it stops.
			<-f.finished
			if f.err != nil {
				return nil, f.err
			}
		}
		return nil, errStoppedWaiting{stopped(ctx.Err())}
	}
}

// start begins key's fetch; m.mu is held. The fetch keeps ctx's values
// (the log sink, the fetch report) and its deadline, not its cancellation.
func (m *sharedListings) start(ctx context.Context, key string, fn func(ctx context.Context) (any, error)) *flight {
	fctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	if deadline, ok := ctx.Deadline(); ok {
		cancel()
		fctx, cancel = context.WithDeadline(context.WithoutCancel(ctx), deadline)
	}
	f := &flight{finished: make(chan struct{}), cancel: cancel}
	if m.flights == nil {
		m.flights = map[string]*flight{}
	}
	m.flights[key] = f
	go func() {
		v, err := fn(fctx)
		cancel()
		m.mu.Lock()
		if err == nil {
			if m.done == nil {
				m.done = map[string]any{}
			}
			m.done[key] = v
		}
		if m.flights[key] == f {
			delete(m.flights, key)
		}
		f.value, f.err = v, err
		m.mu.Unlock()
		close(f.finished)
	}()
	return f
}

// errStoppedWaiting is a caller's own context ending its wait.
type errStoppedWaiting struct{ error }

func (e errStoppedWaiting) Unwrap() error { return e.error }

// leave stops a caller's wait; the last caller to leave cancels the
// fetch, and a caller after that starts a fetch of its own. It reports
// whether the caller was the last.
func (m *sharedListings) leave(key string, f *flight) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	f.waiters--
	if f.waiters > 0 {
		return false
	}
	f.cancel()
	if m.flights[key] == f {
		delete(m.flights, key)
	}
	return true
}

// readShared runs fn, the fetch of the listing named key, once per key
// for the life of a: a success is kept and returned to every later caller
// of key, also to those that ask while fn runs; a failure is not kept.
// Every caller of one key must ask for the same T. fn runs with the values
// of the context of the caller that started it, but is cancelled only when
// every caller waiting for it has stopped waiting, each on its own context.
// Every caller also learns when the data was fetched and any warning about
// it. fn makes every request of the fetch with the listing it is given,
// which carries the fetch's request slots, byte budget, throttling count
// and cache session: nothing of the fetch travels in ctx. Vendors reach it
// only through a declared read (the Read of NumberedPages, LinkedPages or
// One), so no vendor code runs a request of its own.
func readShared[T any](ctx context.Context, a *API, key string, fn func(ctx context.Context, l *listing) (T, error)) (T, Fetched, error) {
	v, err := a.listings.do(ctx, key, func(ctx context.Context) (any, error) {
		return a.fetchListing(ctx, key, func(ctx context.Context, l *listing) (any, error) { return fn(ctx, l) })
	})
	if err != nil {
		var zero T
		if errors.As(err, new(errStoppedWaiting)) {
			err = fmt.Errorf("%s: %w", a.name, err)
		}
		return zero, Fetched{}, err
	}
	r := v.(sharedListing)                                                                //nolint:forcetypeassert // sharedListings holds only sharedListing values
	return r.value.(T), Fetched{At: r.fetchedAt, Warnings: slices.Clone(r.warnings)}, nil //nolint:forcetypeassert // every producer of key returns T
}
