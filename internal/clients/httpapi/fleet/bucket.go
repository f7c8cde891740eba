package fleet

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/ownfolder"
)

// bucketKind names bucket files; bucketFormat is their format version.
const (
	bucketKind   = "bucket"
	bucketFormat = 1
	// maxStateBytes bounds what is read of a state file.
	maxStateBytes = 4096
	// maxAhead is the furthest ahead a state may reserve or hold: beyond
	// it the file is garbage, not a fleet's queue, and is started afresh.
	maxAhead = time.Hour
	// clockSkew is how far in the future a state's time may be.
	clockSkew = time.Minute
	// lockWait bounds the wait for a bucket's lock, which is held for
	// microseconds: past it the caller paces alone rather than stall.
	lockWait = 2 * time.Second
)

// Limit is one token bucket: PerSecond sustained, Burst at once.
type Limit struct {
	PerSecond float64 `json:"per_second"`
	Burst     int     `json:"burst"`
}

// Bucket is a set of token buckets (a vendor's documented limits for one
// key) whose state every process of the machine shares.
type Bucket struct {
	dir    *Dir
	stem   string
	limits []Limit
}

// Bucket is the shared bucket of limits named by parts (vendor, base URL,
// credential: hashed, never written).
func (d *Dir) Bucket(limits []Limit, parts ...string) *Bucket {
	return &Bucket{dir: d, stem: d.name(bucketKind, parts...), limits: limits}
}

type bucketState struct {
	Format    int          `json:"format"`
	Limits    []limitState `json:"limits"`
	HoldUntil int64        `json:"hold_until,omitempty"` // Unix ns: no request before, as a vendor's 429 asked
}

type limitState struct {
	Limit
	Tokens float64 `json:"tokens"` // below 0: requests already promised a later turn
	At     int64   `json:"at"`     // Unix ns of Tokens
}

// Reserve takes one token of every limit at now and returns how long the
// caller must wait before its request: the turn it was given among every
// process's requests. An error means the shared state cannot be used (no
// lock within a moment, a file that cannot be written): pace alone.
func (b *Bucket) Reserve(now time.Time) (time.Duration, error) {
	var wait time.Duration
	err := b.update(now, func(s *bucketState) {
		for i := range s.Limits {
			l := &s.Limits[i]
			elapsed := max(0, now.Sub(time.Unix(0, l.At)).Seconds()) // a clock stepped back refills nothing
			l.Tokens = min(float64(l.Burst), l.Tokens+elapsed*l.PerSecond) - 1
			l.At = now.UnixNano()
			if l.Tokens < 0 {
				wait = max(wait, time.Duration(-l.Tokens/l.PerSecond*float64(time.Second)))
			}
		}
		if hold := time.Unix(0, s.HoldUntil).Sub(now); hold > wait {
			wait = hold
		}
	})
	return wait, err
}

// Hold keeps every process from sending before until, as the vendor asked
// one of them (a 429's Retry-After); a hold already later stays.
func (b *Bucket) Hold(now, until time.Time) error {
	until = minTime(until, now.Add(maxAhead))
	return b.update(now, func(s *bucketState) {
		s.HoldUntil = max(s.HoldUntil, until.UnixNano())
	})
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// update changes the state under the bucket's lock.
func (b *Bucket) update(now time.Time, change func(*bucketState)) error {
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	unlock, _, err := b.dir.lock(ctx, b.stem, bucketPoll)
	if err != nil {
		return fmt.Errorf("fleet: no lock on the shared rate-limit state within %s: %w", lockWait, err)
	}
	defer unlock()
	path := filepath.Join(b.dir.path, b.stem+".json")
	s := b.load(path, now)
	change(&s)
	out, err := json.Marshal(s)
	if err != nil {
		return err
	}
	return ownfolder.WriteFile(path, out, 0)
}

// load reads the state, or a fresh one (full buckets) when there is none
// or it cannot be trusted.
func (b *Bucket) load(path string, now time.Time) bucketState {
	fresh := bucketState{Format: bucketFormat, Limits: make([]limitState, len(b.limits))}
	for i, l := range b.limits {
		fresh.Limits[i] = limitState{Limit: l, Tokens: float64(l.Burst), At: now.UnixNano()}
	}
	raw, err := ownfolder.ReadFile(path, maxStateBytes)
	if errors.Is(err, os.ErrNotExist) {
		return fresh
	}
	var s bucketState
	if err == nil {
		err = json.Unmarshal(raw, &s)
	}
	if err == nil {
		err = b.check(s, now)
	}
	if errors.Is(err, errOtherLimits) {
		return fresh // another version's limits: not hostile, just not ours
	}
	if err != nil {
		b.dir.warn("fleet: the rate-limit state %s is ignored (%s); it starts afresh", path, err)
		return fresh
	}
	return s
}

var errOtherLimits = errors.New("other limits")

// check refuses a state no process of ours could have written.
func (b *Bucket) check(s bucketState, now time.Time) error {
	if s.Format != bucketFormat {
		return fmt.Errorf("format %d, not %d", s.Format, bucketFormat)
	}
	if len(s.Limits) != len(b.limits) {
		return errOtherLimits
	}
	ahead := now.Add(maxAhead).UnixNano()
	if s.HoldUntil < 0 || s.HoldUntil > ahead {
		return errors.New("a hold beyond any vendor's wait")
	}
	for i, l := range s.Limits {
		if l.Limit != b.limits[i] {
			return errOtherLimits
		}
		queue := float64(l.Burst) + l.PerSecond*maxAhead.Seconds()
		switch {
		case math.IsNaN(l.Tokens) || l.Tokens > float64(l.Burst) || l.Tokens < -queue:
			return fmt.Errorf("tokens %v out of range", l.Tokens)
		case l.At <= 0 || l.At > now.Add(clockSkew).UnixNano():
			return errors.New("a time in the future")
		}
	}
	return nil
}
