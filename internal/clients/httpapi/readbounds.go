package httpapi

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultReadTimeout bounds one whole read (read_timeout): every page,
// retry, pacing and throttling wait, and the wait for another process's
// read of the same listing.
const DefaultReadTimeout = 10 * time.Minute

// fetchState is what the requests of one live fetch of a listing share:
// the pages fetched and the throttling waited out.
type fetchState struct {
	api   *API
	key   string // the shared listing's key: "plans", "plan/p_1"
	pages atomic.Int64

	mu                sync.Mutex
	throttles         int
	waited            time.Duration
	waitingUntil      time.Time
	firstThrottle     time.Time
	lastAsked         time.Duration
	lastAskedOK, told bool
}

type fetchStateKey struct{}

// fetchStateFrom is the state of a's live fetch that ctx belongs to; a
// request outside any fetch is a fetch of its own.
func fetchStateFrom(ctx context.Context, a *API) *fetchState {
	if rs, ok := ctx.Value(fetchStateKey{}).(*fetchState); ok && rs.api == a {
		return rs
	}
	return &fetchState{api: a}
}

// withFetchState is ctx with a fetch state of a's: the one of the live
// fetch it belongs to, or one of its own for a request outside any fetch.
func (a *API) withFetchState(ctx context.Context) context.Context {
	if rs, ok := ctx.Value(fetchStateKey{}).(*fetchState); ok && rs.api == a {
		return ctx
	}
	return context.WithValue(ctx, fetchStateKey{}, &fetchState{api: a})
}

// beginLiveFetch starts the live part of the fetch of listing key: its
// requests share one state, and the whole of it ends at read_timeout.
func (a *API) beginLiveFetch(ctx context.Context, key string) (context.Context, context.CancelFunc) {
	rs := &fetchState{api: a, key: key}
	ctx = context.WithValue(ctx, fetchStateKey{}, rs)
	if a.cfg.ReadTimeout <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeoutCause(ctx, a.cfg.ReadTimeout, &ReadTimeoutError{state: rs})
}

// ReadTimeoutError is a read that did not finish within read_timeout.
type ReadTimeoutError struct{ state *fetchState }

func (e *ReadTimeoutError) Error() string {
	rs := e.state
	rs.mu.Lock()
	throttles, waited := rs.throttles, rs.waited
	rs.mu.Unlock()
	s := fmt.Sprintf("the read did not finish within read_timeout (%s): %d pages read", rs.api.cfg.ReadTimeout, rs.pages.Load())
	if throttles > 0 {
		s += fmt.Sprintf(", throttled %s (waiting %s)", times(throttles), waited.Round(time.Millisecond))
	}
	return s + "; raise read_timeout (or PRICING_READ_TIMEOUT) if the listing really is that slow"
}
