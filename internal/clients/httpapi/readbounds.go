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

// readState is what the requests of one read share: the pages read and
// the throttling waited out.
type readState struct {
	api   *API
	read  string
	pages atomic.Int64

	mu                sync.Mutex
	throttles         int
	waited            time.Duration
	waitingUntil      time.Time
	firstThrottle     time.Time
	lastAsked         time.Duration
	lastAskedOK, told bool
}

type readStateKey struct{}

// readStateFrom is the state of a's read that ctx belongs to; a request
// outside any read is a read of its own.
func readStateFrom(ctx context.Context, a *API) *readState {
	if rs, ok := ctx.Value(readStateKey{}).(*readState); ok && rs.api == a {
		return rs
	}
	return &readState{api: a}
}

// withReadState is ctx with a read state of a's: the one of the read it
// belongs to, or one of its own for a request outside any read.
func (a *API) withReadState(ctx context.Context) context.Context {
	if rs, ok := ctx.Value(readStateKey{}).(*readState); ok && rs.api == a {
		return ctx
	}
	return context.WithValue(ctx, readStateKey{}, &readState{api: a})
}

// beginRead starts the live part of read: its requests share one state,
// and the whole of it ends at read_timeout.
func (a *API) beginRead(ctx context.Context, read string) (context.Context, context.CancelFunc) {
	rs := &readState{api: a, read: read}
	ctx = context.WithValue(ctx, readStateKey{}, rs)
	if a.cfg.ReadTimeout <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeoutCause(ctx, a.cfg.ReadTimeout, &ReadTimeoutError{state: rs})
}

// ReadTimeoutError is a read that did not finish within read_timeout.
type ReadTimeoutError struct{ state *readState }

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
