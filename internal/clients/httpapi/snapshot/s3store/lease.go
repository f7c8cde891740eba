package s3store

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot"
)

// A lease is a lock object beside an entry: the machine that creates it
// (a PUT with If-None-Match: *) reads the entry from the vendor while the
// others wait for the entry to appear. It holds its expiry; an expired lease
// is taken over by a PUT with If-Match on the ETag it was read with, so of
// several machines finding it expired exactly one takes it.
//
// Expiry is written by the holder's clock and judged by the reader's, so
// machines' clocks must agree within SkewMargin: a lease is expired only
// SkewMargin after the time it holds. A lease holding an expiry further
// ahead than ttl + SkewMargin (a holder whose clock runs far ahead, or a
// hostile object) and a lease that cannot be read are taken over at once:
// a lease is only a way to save vendor requests, never a reason for a plan
// to wait past its own bound.
const (
	SkewMargin    = 30 * time.Second
	leaseFormat   = 1
	maxLeaseBytes = 1024
)

type leaseBody struct {
	Format  int       `json:"format"`
	Holder  string    `json:"holder"`
	Expires time.Time `json:"expires"`
}

// Lease is a lease this store holds.
type Lease struct {
	s       *Store
	object  string
	etag    string
	Expires time.Time // by this machine's clock
}

// errLost: a conditional write found the lease changed since it was read.
var errLost = errors.New("lost the race for the lease")

// TryLease takes k's lease for ttl if nobody holds it. When another
// machine holds it, it returns (nil, until, nil): until is when this
// machine may take it over if the entry has not appeared by then.
func (s *Store) TryLease(ctx context.Context, k snapshot.Key, ttl time.Duration) (*Lease, time.Time, error) {
	object, err := s.leaseObject(ctx, k)
	if err != nil {
		return nil, time.Time{}, err
	}
	for range 3 {
		lease, err := s.putLease(ctx, object, ttl, "")
		if !errors.Is(err, errLost) {
			return lease, time.Time{}, err
		}
		b, etag, found, err := s.getObject(ctx, "read the lease", object, maxLeaseBytes)
		if err != nil && !errors.Is(err, ErrCorrupted) {
			return nil, time.Time{}, err
		}
		if !found {
			continue // released in between: try to create it again
		}
		if until, held := s.heldUntil(b, err, ttl); held {
			return nil, until, nil
		}
		lease, err = s.putLease(ctx, object, ttl, etag)
		if !errors.Is(err, errLost) {
			return lease, time.Time{}, err
		}
		// Another machine took it over or released it first: look again.
	}
	// Lost three rounds to other machines: one of them holds it now.
	return nil, s.now(), nil
}

// heldUntil judges a lease read from the bucket (readErr: it failed a check).
func (s *Store) heldUntil(b []byte, readErr error, ttl time.Duration) (time.Time, bool) {
	if readErr != nil {
		return time.Time{}, false
	}
	var l leaseBody
	if json.Unmarshal(b, &l) != nil || l.Format != leaseFormat || l.Expires.IsZero() {
		return time.Time{}, false
	}
	now := s.now()
	until := l.Expires.Add(SkewMargin)
	if !now.Before(until) || until.After(now.Add(ttl+2*SkewMargin)) {
		return time.Time{}, false
	}
	return until, true
}

// putLease writes a fresh lease: created when etag is "", else replacing the
// lease read with that ETag. errLost when the condition does not hold.
func (s *Store) putLease(ctx context.Context, object string, ttl time.Duration, etag string) (*Lease, error) {
	holder := make([]byte, 16)
	_, _ = rand.Read(holder) // crypto/rand.Read never fails
	expires := s.now().Add(ttl)
	b, _ := json.Marshal(leaseBody{Format: leaseFormat, Holder: hex.EncodeToString(holder), Expires: expires}) // always marshals
	in := &s3.PutObjectInput{
		Bucket:        aws.String(s.bucket),
		Key:           aws.String(object),
		Body:          bytes.NewReader(b),
		ContentLength: aws.Int64(int64(len(b))),
		ContentType:   aws.String("application/json"),
	}
	if etag == "" {
		in.IfNoneMatch = aws.String("*")
	} else {
		in.IfMatch = aws.String(etag)
	}
	out, err := s.client.PutObject(ctx, in)
	switch {
	case err == nil:
		return &Lease{s: s, object: object, etag: aws.ToString(out.ETag), Expires: expires}, nil
	case isPreconditionFailed(err), etag != "" && isNotFound(err):
		return nil, errLost
	}
	return nil, s.fail("take the lease", object, err)
}

// Release deletes the lease if it is still the one this store wrote (If-Match
// on its ETag): one taken over after it expired stays with its new holder.
func (l *Lease) Release(ctx context.Context) error {
	_, err := l.s.client.DeleteObject(ctx, &s3.DeleteObjectInput{
		Bucket:  aws.String(l.s.bucket),
		Key:     aws.String(l.object),
		IfMatch: aws.String(l.etag),
	})
	if err == nil || isPreconditionFailed(err) || isNotFound(err) {
		return nil
	}
	return l.s.fail("release the lease", l.object, err)
}
