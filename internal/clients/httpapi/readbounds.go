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

// beginLiveFetch starts the live part of the fetch of listing key: its
// requests share the returned state, and the whole of it ends at
// read_timeout.
func (a *API) beginLiveFetch(ctx context.Context, key string) (context.Context, *fetchState, context.CancelFunc) {
	rs := &fetchState{api: a, key: key}
	if a.cfg.ReadTimeout <= 0 {
		ctx, cancel := context.WithCancel(ctx)
		return ctx, rs, cancel
	}
	ctx, cancel := context.WithTimeoutCause(ctx, a.cfg.ReadTimeout, &ReadTimeoutError{state: rs})
	return ctx, rs, cancel
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
