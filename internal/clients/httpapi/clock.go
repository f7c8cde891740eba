package httpapi

import (
	"context"
	"time"
)

// Clock is the time the waits of a read (throttling, shared pacing) are
// measured and spent in: the wall clock, or a test's own.
type Clock interface {
	Now() time.Time
	// Sleep waits d, or until ctx is done (its error then).
	Sleep(ctx context.Context, d time.Duration) error
}

type wallClock struct{}

func (wallClock) Now() time.Time { return time.Now() }

func (wallClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
