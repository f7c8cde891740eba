package httpapi

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot/s3store"
)

// The bucket is a second level behind the cache folder, shared by a fleet:
// a read that finds no fresh copy in the folder looks in the bucket; when
// the bucket has none either, one machine of the fleet (the lease holder)
// reads the vendor and writes the bucket, and the others wait for its entry.
// A bucket that cannot be used is never a failed read: the read goes to the
// vendor, and the plan says why in one warning.

// bucketLease is how long a lease holder may take to read a listing before
// another machine takes it over.
const bucketLease = 5 * time.Minute

// bucketRequestTimeout bounds one bucket request, body included: an entry
// is at most snapshot.MaxEntryBytes.
const bucketRequestTimeout = 2 * time.Minute

// BucketConfig is where a fleet's shared entries are kept (see s3store).
type BucketConfig struct {
	Bucket, Prefix, Region, Endpoint string
	UsePathStyle                     bool
}

// cacheBucket is the bucket of a Cache, and whether it failed this run.
type cacheBucket struct {
	store *s3store.Store
	name  string

	mu     sync.Mutex
	failed bool // after a denied or unreachable bucket, reads skip it
}

// UseBucket puts the bucket behind the folder. It sends no request.
func (c *Cache) UseBucket(ctx context.Context, cfg BucketConfig) error {
	store, err := s3store.New(ctx, s3store.Config{
		Bucket: cfg.Bucket, Prefix: cfg.Prefix, Region: cfg.Region, Endpoint: cfg.Endpoint,
		UsePathStyle: cfg.UsePathStyle,
		// Every bucket request is bounded, even in a read with no deadline.
		RequestTimeout: bucketRequestTimeout,
	})
	if err != nil {
		return err
	}
	c.bucket = &cacheBucket{store: store, name: cfg.Bucket}
	return nil
}

// bucketTurn is this read's part in the fleet: a lease to release, and the
// bucket key to publish the live read under.
type bucketTurn struct {
	b     *cacheBucket
	lease *s3store.Lease
	key   snapshot.Key
}

// usable reports whether the bucket may still be tried; the first failure
// that makes it unusable is returned as the run's one warning about it.
func (b *cacheBucket) usable() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return !b.failed
}

func (b *cacheBucket) fail(ctx context.Context, a *API, err error) []Warning {
	b.mu.Lock()
	first := !b.failed
	b.failed = true
	b.mu.Unlock()
	if !first || errors.Is(err, context.Canceled) {
		return nil
	}
	why := "cannot be used"
	switch {
	case errors.Is(err, s3store.ErrDenied):
		why = "refused access"
	case errors.Is(err, s3store.ErrUnreachable):
		why = "cannot be reached"
	case errors.Is(err, s3store.ErrCorrupted):
		why = "holds a corrupted object"
	}
	tflog.Warn(ctx, "Cache bucket not used", map[string]any{"vendor": a.name, "bucket": b.name, "error": err.Error()})
	return []Warning{{Summary: "Cache bucket not used", Detail: fmt.Sprintf(
		"The cache bucket %q %s, so this run reads the vendors directly and does not share its reads with the fleet: %s", b.name, why, err)}}
}

// fromBucket runs before a read with no fresh copy in the folder. It
// returns the entry to use or revalidate (the bucket's, when fresher than
// the folder's), and, when this machine must read the vendor for the fleet,
// a turn holding the lease.
func (a *API) fromBucket(ctx context.Context, c *Cache, k snapshot.Key, entry snapshot.Entry, found bool) (snapshot.Entry, bool, *bucketTurn, []Warning) {
	b := c.bucket
	if b == nil || c.Offline || !b.usable() {
		return entry, found, nil, nil
	}
	hash, err := b.store.CredentialHash(ctx, a.cfg.APIKey)
	if err != nil {
		return entry, found, nil, b.fail(ctx, a, err)
	}
	bk := k
	bk.CredentialHash = hash
	var warnings []Warning
	wait := newPollPace()
	for {
		shared, ok, err := b.store.Get(ctx, bk)
		switch {
		case errors.Is(err, s3store.ErrCorrupted):
			warnings = append(warnings, Warning{Summary: "Cache entry ignored", Detail: fmt.Sprintf(
				"The bucket's copy of %s %s was not used and is read again: %s", a.name, k.Read, err)})
		case err != nil:
			return entry, found, nil, append(warnings, b.fail(ctx, a, err)...)
		}
		if ok && (!found || shared.FetchedAt.After(entry.FetchedAt)) {
			shared.Key = k
			entry, found = shared, true
		}
		if found && entry.Age(time.Now()) < c.MaxAge {
			a.keepInFolder(ctx, c, entry)
			return entry, found, nil, warnings
		}
		lease, until, err := b.store.TryLease(ctx, bk, bucketLease)
		if err != nil {
			return entry, found, nil, append(warnings, b.fail(ctx, a, err)...)
		}
		if lease != nil {
			turn := &bucketTurn{b: b, lease: lease, key: bk}
			// The holder before this one may have written the entry and
			// released its lease between the look above and this lease.
			if shared, ok, err := b.store.Get(ctx, bk); err == nil && ok && shared.Age(time.Now()) < c.MaxAge {
				turn.release(ctx)
				shared.Key = k
				a.keepInFolder(ctx, c, shared)
				return shared, true, nil, warnings
			}
			return entry, found, turn, warnings
		}
		// Another machine reads it: wait for its entry, at most until its
		// lease may be taken over, and never past the read's own bounds.
		tflog.Debug(ctx, "Cache bucket: another machine reads this listing; waiting", map[string]any{"vendor": a.name, "read": k.Read, "until": until})
		if err := wait.sleep(ctx, a.clock, until); err != nil {
			return entry, found, nil, warnings
		}
	}
}

// keepInFolder writes an entry read from the bucket into the folder, so the
// next run on this machine does not ask the bucket.
func (a *API) keepInFolder(ctx context.Context, c *Cache, e snapshot.Entry) {
	if err := c.store.Put(e); err != nil {
		tflog.Warn(ctx, "Cache not written", map[string]any{"vendor": a.name, "read": e.Key.Read, "error": err.Error()})
	}
}

// publish writes the fleet's entry after a whole, checked live read.
func (t *bucketTurn) publish(ctx context.Context, a *API, r sharedListing) []Warning {
	if t == nil || len(r.pages) == 0 {
		return nil // nothing the folder would keep either
	}
	err := t.b.store.Put(ctx, snapshot.Entry{Key: t.key, FetchedAt: r.fetchedAt, Pages: r.pages})
	if err != nil {
		return t.b.fail(ctx, a, err)
	}
	return nil
}

// release gives the lease back, whatever became of the read; with a context
// of its own, so that a canceled read still frees it for the fleet.
func (t *bucketTurn) release(ctx context.Context) {
	if t == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := t.lease.Release(ctx); err != nil {
		tflog.Debug(ctx, "Cache bucket: lease not released; it expires", map[string]any{"error": err.Error()})
	}
}

// pollPace paces the polls of a waiting machine: 200 ms doubling to 2 s.
type pollPace struct{ next time.Duration }

func newPollPace() *pollPace { return &pollPace{next: 200 * time.Millisecond} }

// sleep waits for the next poll, but not past until (when the lease may be
// taken over); the context's end is an error.
func (b *pollPace) sleep(ctx context.Context, clock Clock, until time.Time) error {
	d := b.next
	if left := until.Sub(clock.Now()); left < d {
		d = max(left, 10*time.Millisecond)
	}
	b.next = min(2*b.next, 2*time.Second)
	return clock.Sleep(ctx, d)
}
