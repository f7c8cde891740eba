package httpapi

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot"
)

// takeEntryTurn makes one process of the machine read k from the vendor
// while the others wait, then serve the entry it stored, with no request.
// It takes k's lock in the fleet folder (waiting while another process
// holds it, bounded by ctx: read_timeout and Ctrl-C), then looks at the
// entry again: one stored since looked (after lookedAt), or now within
// max_age, is replayed and returned as served. Otherwise the caller reads
// live and calls release once the entry is stored (or the read failed,
// and the next waiter reads itself). Without a fleet folder, or a lock
// file that can be trusted, every process reads alone.
func (a *API) takeEntryTurn(ctx context.Context, c *Cache, k snapshot.Key, lookedAt time.Time, fn fetchFunc) (release func(), served sharedListing, ok bool, err error) {
	release = func() {}
	f := a.cfg.Fleet
	if f == nil {
		return release, sharedListing{}, false, nil
	}
	unlock, waited, err := f.dir.LockEntry(ctx, k.Vendor, k.BaseURL, k.Read, k.Scope, a.cfg.APIKey)
	f.logWarnings(ctx, a.name)
	switch {
	case err != nil && ctx.Err() != nil:
		return release, sharedListing{}, false, fmt.Errorf("%s: %s: waiting for another process's read of the same listing: %w", a.name, k.Read, context.Cause(ctx))
	case err != nil:
		tflog.Debug(ctx, "Reading without the cache entry's lock", map[string]any{"vendor": a.name, "read": k.Read, "error": err.Error()})
		return release, sharedListing{}, false, nil //nolint:nilerr // without a lock to be had, the process reads alone

	}
	if waited {
		tflog.Debug(ctx, "Waited for another process's read of the same listing", map[string]any{"vendor": a.name, "read": k.Read})
	}
	entry, found, _ := a.cachedEntry(ctx, c, k)
	if found && (entry.FetchedAt.After(lookedAt) || entry.Age(time.Now()) < c.MaxAge) {
		r, replayErr := a.replay(ctx, entry, fn)
		if replayErr == nil {
			unlock()
			tflog.Debug(ctx, "Cache hit: stored by another process meanwhile, no vendor request", map[string]any{"vendor": a.name, "read": k.Read})
			return release, r, true, nil
		}
		if errors.Is(replayErr, context.Canceled) {
			unlock()
			return release, sharedListing{}, false, replayErr
		}
	}
	return unlock, sharedListing{}, false, nil
}
