package httpapi

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot"
)

// clockSkew is how far in the future a copy's fetch time may be, for
// clocks of processes sharing a folder that disagree slightly.
const clockSkew = time.Minute

// DefaultCacheMaxBytes bounds the cache folder (see snapshot).
const DefaultCacheMaxBytes = snapshot.DefaultMaxBytes

// Cache is the provider's cache of whole reads between runs, shared by
// every vendor: off (nil) unless configured.
type Cache struct {
	store *snapshot.Store
	// MaxAge: a copy younger than this is used with no request at all.
	MaxAge time.Duration
	// StaleIfError: a copy up to this old is served, with a warning, when
	// the vendor fails; older copies are removed when seen.
	StaleIfError time.Duration
	// Offline: never contact a vendor; a read without a copy fails.
	Offline bool
	// bucket is the fleet's level behind the folder (cache_bucket.go).
	bucket *cacheBucket
}

// OpenCache opens (and creates) the cache folder dir, bounded to maxBytes
// (0: snapshot.DefaultMaxBytes).
func OpenCache(dir string, maxBytes int64, maxAge, staleIfError time.Duration, offline bool) (*Cache, error) {
	store, err := snapshot.Open(dir, maxBytes)
	if err != nil {
		return nil, err
	}
	return &Cache{store: store, MaxAge: maxAge, StaleIfError: staleIfError, Offline: offline}, nil
}

// Dir is the cache folder.
func (c *Cache) Dir() string { return c.store.Dir() }

// Warning is what was wrong with the folder's secret when the cache was
// opened (it was replaced, so older entries are read again), or "".
func (c *Cache) Warning() string { return c.store.Warning() }

// OfflineMissError is a read with offline = true that has no copy.
type OfflineMissError struct {
	Vendor, Read, Dir string
}

func (e *OfflineMissError) Error() string {
	return fmt.Sprintf("%s: %s: offline = true and the cache (%s) holds no copy of this read: run the same configuration once "+
		"with the vendor reachable (offline = false, or PRICING_OFFLINE unset) to fill it", e.Vendor, e.Read, e.Dir)
}

// snapshotKey is the cache key of one of a's shared listings.
func (a *API) snapshotKey(key string) snapshot.Key {
	return snapshot.Key{
		Vendor: a.name, BaseURL: RedactURL(a.base), Read: key, Scope: a.cfg.CacheScope,
		CredentialHash: a.cfg.Cache.store.CredentialHash(a.cfg.APIKey),
	}
}

// fetchListing fetches one shared listing, through the cache when there
// is one.
func (a *API) fetchListing(ctx context.Context, key string, fn fetchFunc) (sharedListing, error) {
	live, state, done := a.beginLiveFetch(ctx, key) // read_timeout; a stale copy is served on ctx
	defer done()
	c := a.cfg.Cache
	if c == nil {
		return a.fetchLive(live, state, nil, fn)
	}
	k := a.snapshotKey(key)
	lookedAt := time.Now()
	entry, found, warnings := a.cachedEntry(ctx, c, k)
	var turn *bucketTurn
	if !found || entry.Age(time.Now()) >= c.MaxAge {
		var more []Warning
		entry, found, turn, more = a.fromBucket(live, c, k, entry, found) // its wait for another machine ends with read_timeout
		warnings = append(warnings, more...)
		defer turn.release(ctx)
	}
	age := time.Duration(0)
	if found {
		age = entry.Age(time.Now())
	}
	logFields := map[string]any{"vendor": a.name, "read": key, "cache_dir": c.Dir()}
	switch {
	case c.Offline && !found:
		return sharedListing{}, &OfflineMissError{Vendor: a.name, Read: key, Dir: c.Dir()}
	case c.Offline || (found && age < c.MaxAge):
		r, err := a.replay(ctx, entry, fn)
		if err == nil {
			tflog.Debug(ctx, "Cache hit: no vendor request", with(logFields, "age", age.Round(time.Second).String(), "offline", c.Offline))
			r.warnings = append(warnings, r.warnings...)
			return r, nil
		}
		if c.Offline {
			return sharedListing{}, fmt.Errorf("%s: %s: the cached copy fails the checks of a live read: %w", a.name, key, err)
		}
		warnings = append(warnings, Warning{Summary: "Cache entry not usable", Detail: fmt.Sprintf(
			"The cached copy of %s %s fails the checks of a live read, so it was read again: %s", a.name, key, err)})
	}
	release, served, ok, err := a.takeEntryTurn(live, c, k, lookedAt, fn) // one process per listing reads the vendor
	if err != nil {
		return sharedListing{}, err
	}
	defer release()
	if ok {
		served.warnings = append(warnings, served.warnings...)
		return served, nil
	}
	var revalidate *snapshot.Entry
	if found {
		revalidate = &entry
	}
	r, err := a.fetchLive(live, state, revalidate, fn)
	switch {
	case err == nil:
		a.store(ctx, c, k, r, logFields)
		warnings = append(warnings, turn.publish(ctx, a, r)...)
		r.warnings = append(warnings, r.warnings...)
		return r, nil
	case found && staleEligible(err):
		stale, replayErr := a.replay(ctx, entry, fn)
		if replayErr != nil {
			return sharedListing{}, err
		}
		tflog.Warn(ctx, "Cache copy served: the vendor failed", with(logFields, "age", age.Round(time.Second).String(), "error", err.Error()))
		stale.warnings = append(warnings, Warning{
			Summary: fmt.Sprintf("Serving a cached %s copy", a.name),
			Detail: fmt.Sprintf("The live read of %s %s failed, so its cached copy, fetched %s ago (at %s), is used, as stale_if_error (%s) allows. "+
				"The failure: %s", a.name, key, age.Round(time.Second), stale.fetchedAt.Format(time.RFC3339), c.StaleIfError, err),
		})
		return stale, nil
	}
	return sharedListing{}, err
}

// cachedEntry is k's entry when it can be used at all: not ignored, and no
// older than stale_if_error (an older one is removed).
func (a *API) cachedEntry(ctx context.Context, c *Cache, k snapshot.Key) (snapshot.Entry, bool, []Warning) {
	entry, found, ignored := c.store.Get(k)
	if ignored != nil {
		tflog.Warn(ctx, "Cache entry ignored", map[string]any{"vendor": a.name, "read": k.Read, "reason": ignored.Reason})
		return snapshot.Entry{}, false, []Warning{{Summary: "Cache entry ignored", Detail: fmt.Sprintf(
			"The cached copy of %s %s was not used and is read again: %s.", a.name, k.Read, ignored)}}
	}
	if found && entry.Age(time.Now()) < -clockSkew {
		// A copy from the future would be fresh forever.
		return snapshot.Entry{}, false, []Warning{{Summary: "Cache entry ignored", Detail: fmt.Sprintf(
			"The cached copy of %s %s says it was fetched at %s, in the future; it is read again.", a.name, k.Read, entry.FetchedAt.Format(time.RFC3339))}}
	}
	if found && entry.Age(time.Now()) > c.StaleIfError {
		c.store.Remove(k)
		return snapshot.Entry{}, false, nil
	}
	return entry, found, nil
}

// store keeps a whole, checked live read; a cache that cannot be written
// is a log line, not a failed read.
func (a *API) store(ctx context.Context, c *Cache, k snapshot.Key, r sharedListing, logFields map[string]any) {
	if len(r.pages) == 0 {
		return // a page that must not be written (see fetchSession.recorded)
	}
	e := snapshot.Entry{Key: k, FetchedAt: r.fetchedAt, Pages: r.pages}
	if err := c.store.Put(e); err != nil {
		tflog.Warn(ctx, "Cache not written", with(logFields, "error", err.Error()))
		return
	}
	event := "Cache miss: read from the vendor and stored"
	if r.revalidated > 0 {
		event = "Cache revalidated"
	}
	tflog.Debug(ctx, event, with(logFields, "pages", len(r.pages), "not_modified", r.revalidated))
}

// staleEligible reports whether a failed read may fall back to a cached
// copy: the vendor answered 5xx or 429 (after the retries), or could not
// be reached in time. Never a 4xx, which is the user's to fix, and never
// an answer that failed the checks of a live read.
func staleEligible(err error) bool {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode >= 500 || apiErr.StatusCode == 429
	}
	var unreachable *unreachableError
	return errors.As(err, &unreachable)
}

func with(fields map[string]any, kv ...any) map[string]any {
	out := make(map[string]any, len(fields)+len(kv)/2)
	for k, v := range fields {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1] //nolint:forcetypeassert // keys are literals
	}
	return out
}
