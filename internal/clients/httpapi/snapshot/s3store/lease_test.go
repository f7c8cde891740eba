package s3store

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

const time5m = 5 * time.Minute

func TestALeaseIsHeldByOneMachineUntilItExpires(t *testing.T) {
	srv := startBucket(t)
	ctx := context.Background()
	clk := newClock()
	a, b, c := open(t, srv, "", clk.Now), open(t, srv, "", clk.Now), open(t, srv, "", clk.Now)
	k := key("plans", "none")

	first, _, err := a.TryLease(ctx, k, time5m)
	if err != nil || first == nil {
		t.Fatalf("the first machine: %v, %v; want the lease", first, err)
	}
	if got, until, err := b.TryLease(ctx, k, time5m); got != nil || err != nil || !until.Equal(clk.Now().Add(time5m+SkewMargin)) {
		t.Fatalf("a second machine: %v until %v, %v; want held until expiry plus the skew margin", got, until, err)
	}
	clk.Advance(time5m + SkewMargin - time.Second)
	if got, _, err := b.TryLease(ctx, k, time5m); got != nil || err != nil {
		t.Fatalf("just before expiry plus margin: %v, %v; want still held", got, err)
	}
	clk.Advance(time.Second)
	second, _, err := b.TryLease(ctx, k, time5m)
	if err != nil || second == nil {
		t.Fatalf("after expiry plus margin: %v, %v; want the lease taken over", second, err)
	}
	// The first holder, late, releases: the lease taken over stays.
	if err := first.Release(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _, err := c.TryLease(ctx, k, time5m); got != nil || err != nil {
		t.Fatalf("after the stale release: %v, %v; want the second holder's lease kept", got, err)
	}
	if err := second.Release(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _, err := c.TryLease(ctx, k, time5m); got == nil || err != nil {
		t.Fatalf("after the release: %v, %v; want the lease free", got, err)
	}
}

func TestOfMachinesAskingAtOnceExactlyOneGetsTheLease(t *testing.T) {
	srv := startBucket(t)
	clk := newClock()
	k := key("plans", "none")
	const machines = 10
	stores := make([]*Store, machines)
	for i := range stores {
		stores[i] = open(t, srv, "", clk.Now)
	}
	var (
		wg     sync.WaitGroup
		start  = make(chan struct{})
		mu     sync.Mutex
		holder int
	)
	for _, s := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			lease, _, err := s.TryLease(context.Background(), k, time5m)
			if err != nil {
				t.Error(err)
			}
			if lease != nil {
				mu.Lock()
				holder++
				mu.Unlock()
			}
		}()
	}
	close(start)
	wg.Wait()
	if holder != 1 {
		t.Errorf("%d machines hold the lease, want 1", holder)
	}
}

func TestALeaseThatCannotBeTrustedIsTakenOverAtOnce(t *testing.T) {
	cases := []struct{ name, body string }{
		{"a lease that is not JSON", "garbage"},
		{"a lease of another format", `{"format":7,"holder":"x","expires":"2026-12-07T06:05:00Z"}`},
		{"a lease without an expiry", `{"format":1,"holder":"x"}`},
		{"a lease expiring far past any lease time (a clock far ahead)", `{"format":1,"holder":"x","expires":"2027-12-07T06:00:00Z"}`},
		{"a lease larger than a lease may be", `{"format":1,"holder":"` + strings.Repeat("x", 2000) + `","expires":"2026-12-07T06:05:00Z"}`},
	}
	srv := startBucket(t)
	ctx := context.Background()
	clk := newClock()
	s := open(t, srv, "", clk.Now)
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			k := key("plans-"+string(rune('a'+i)), "none")
			object, err := s.leaseObject(ctx, k)
			if err != nil {
				t.Fatal(err)
			}
			putObject(t, s, object, []byte(c.body))
			lease, _, err := s.TryLease(ctx, k, time5m)
			if err != nil || lease == nil {
				t.Fatalf("TryLease = %v, %v; want the lease taken over", lease, err)
			}
		})
	}
}

func TestABucketSecretOfAnotherSizeIsRefusedNotReplaced(t *testing.T) {
	srv := startBucket(t)
	s := open(t, srv, "team", nil)
	putObject(t, s, "team/"+secretName, []byte("short"))
	_, err := s.CredentialHash(context.Background(), vendorKey)
	if !errors.Is(err, ErrCorrupted) || !strings.Contains(err.Error(), "5 bytes, not 32") {
		t.Fatalf("CredentialHash = %v; want ErrCorrupted naming the size", err)
	}
}
