package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"golang.org/x/time/rate"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/fleet"
)

// Fleet is the folder the provider processes of one machine share their
// vendor limits and cache-entry locks through (see package fleet).
type Fleet struct {
	dir *fleet.Dir

	mu       sync.Mutex
	warnings []string
}

// OpenFleet opens (and creates, mode 0700) the shared folder dir.
func OpenFleet(dir string) (*Fleet, error) {
	f := &Fleet{}
	d, err := fleet.Open(dir, f.keepWarning)
	if err != nil {
		return nil, err
	}
	f.dir = d
	return f, nil
}

// keepWarning keeps a warning of the fleet folder until a read with a
// context to log it comes (logWarnings).
func (f *Fleet) keepWarning(msg string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.warnings) < 16 {
		f.warnings = append(f.warnings, msg)
	}
}

// Dir is the shared folder.
func (f *Fleet) Dir() string { return f.dir.Path() }

// logWarnings logs, once, each file the fleet ignored since the last call.
func (f *Fleet) logWarnings(ctx context.Context, vendor string) {
	if f == nil {
		return
	}
	f.mu.Lock()
	w := f.warnings
	f.warnings = nil
	f.mu.Unlock()
	for _, msg := range w {
		tflog.Warn(ctx, "Shared rate-limit or lock file ignored", map[string]any{"vendor": vendor, "reason": msg})
	}
}

// pacer spaces a vendor's attempts under its documented limits, and holds
// them back when the vendor asked for a pause.
type pacer interface {
	wait(ctx context.Context) error
	hold(ctx context.Context, d time.Duration)
}

// paceWith waits on p before each attempt; a cancelled context ends the wait.
func paceWith(p pacer) wrapper {
	return func(next http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(req *http.Request) (*http.Response, error) {
			if err := p.wait(req.Context()); err != nil {
				return fail(req, err)
			}
			return next.RoundTrip(req)
		})
	}
}

// localPacer paces this process alone.
type localPacer struct {
	limiters []*rate.Limiter
	clock    Clock

	mu        sync.Mutex
	holdUntil time.Time
}

func (p *localPacer) wait(ctx context.Context) error {
	p.mu.Lock()
	until := p.holdUntil
	p.mu.Unlock()
	if d := until.Sub(p.clock.Now()); d > 0 {
		if err := p.clock.Sleep(ctx, d); err != nil {
			return err
		}
	}
	for _, l := range p.limiters {
		if err := p.take(ctx, l); err != nil {
			return err
		}
	}
	return nil
}

// take waits for l's next token as rate.Limiter.Wait does, but in p's
// clock, so a test sees the pacing waits without spending them.
func (p *localPacer) take(ctx context.Context, l *rate.Limiter) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	now := p.clock.Now()
	r := l.ReserveN(now, 1)
	if !r.OK() {
		return fmt.Errorf("rate: Wait(n=1) exceeds limiter's burst %d", l.Burst())
	}
	d := r.DelayFrom(now)
	if d <= 0 {
		return nil
	}
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < d {
		r.CancelAt(now)
		return errors.New("rate: Wait(n=1) would exceed context deadline")
	}
	if err := p.clock.Sleep(ctx, d); err != nil {
		r.CancelAt(p.clock.Now())
		return err
	}
	return nil
}

func (p *localPacer) hold(_ context.Context, d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.holdUntil = maxTime(p.holdUntil, p.clock.Now().Add(d))
}

// sharedPacer paces the attempts of every process of the machine that
// uses one vendor key, together, under the vendor's documented limits;
// where the shared state cannot be used it paces this process alone.
type sharedPacer struct {
	vendor string
	fleet  *Fleet
	bucket *fleet.Bucket
	local  *localPacer
	alone  atomic.Bool
}

func (p *sharedPacer) wait(ctx context.Context) error {
	d, err := p.bucket.Reserve(p.local.clock.Now())
	p.fleet.logWarnings(ctx, p.vendor)
	if err != nil {
		if !p.alone.Swap(true) {
			tflog.Debug(ctx, "Pacing this process alone: the rate-limit state shared with other processes is not usable",
				map[string]any{"vendor": p.vendor, "error": err.Error()})
		}
		return p.local.wait(ctx)
	}
	if d > tellAfter {
		tflog.Info(ctx, "Waiting for a turn under the vendor's rate limit, shared with the other processes using this key",
			map[string]any{"vendor": p.vendor, "wait": d.Round(time.Millisecond).String()})
	}
	return p.local.clock.Sleep(ctx, d)
}

func (p *sharedPacer) hold(ctx context.Context, d time.Duration) {
	now := p.local.clock.Now()
	if p.bucket.Hold(now, now.Add(d)) != nil {
		p.local.hold(ctx, d)
	}
}

// newPacer paces under limiters: shared with the other processes through
// the fleet folder when there is one, else in this process. refill is the
// longest interval between two requests the limits allow (0: unpaced),
// fill the time they take to refill an empty bucket.
func (a *API) newPacer(limiters []*rate.Limiter) (p pacer, refill, fill time.Duration) {
	local := &localPacer{limiters: limiters, clock: a.clock}
	limits := make([]fleet.Limit, len(limiters))
	for i, l := range limiters {
		limits[i] = fleet.Limit{PerSecond: float64(l.Limit()), Burst: l.Burst()}
		if l.Limit() > 0 {
			refill = max(refill, time.Duration(float64(time.Second)/float64(l.Limit())))
			fill = max(fill, time.Duration(float64(l.Burst())*float64(time.Second)/float64(l.Limit())))
		}
	}
	if a.cfg.Fleet == nil || len(limiters) == 0 {
		return local, refill, fill
	}
	bucket := a.cfg.Fleet.dir.Bucket(limits, a.name, a.base.String(), a.cfg.APIKey)
	return &sharedPacer{vendor: a.name, fleet: a.cfg.Fleet, bucket: bucket, local: local}, refill, fill
}
