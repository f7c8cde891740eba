package httpapi

import (
	"context"
	"errors"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// allocatedBy is how many bytes fn allocates on the heap.
func allocatedBy(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// The body check's own memory is the documented bound over the listing
// budget (engineering/reliability.md, Memory): a copy of the body for the
// key search, the few frames of maxJSONDepth, and for an object with more
// than smallKeySet keys a set of 8-byte hashes while it is open, which
// for a body that is one object of millions of short keys is the most.
func TestTheBodyCheckAllocatesABoundedMultipleOfTheBody(t *testing.T) {
	// Not parallel: runtime.MemStats counts every goroutine's allocations.
	const size = 30 << 20
	manyKeys := func() []byte {
		var b strings.Builder
		b.WriteString(`{"data":[{`)
		for i := 0; b.Len() < size; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"k` + strconv.Itoa(i) + `":0`)
		}
		b.WriteString(`}]}`)
		return []byte(b.String())
	}
	tests := []struct {
		name string
		body []byte
		// times is the bound, as a multiple of the body's size.
		times uint64
	}{
		{"30 MiB of [", []byte(strings.Repeat("[", size)), 2},
		{"30 MiB of {\"a\":", []byte(strings.Repeat(`{"a":`, size/5)), 2},
		{"30 MiB of escaped strings", []byte(`[` + strings.Repeat(`"\u0041\u0042",`, size/15) + `0]`), 2},
		{"30 MiB of small items", []byte(`{"data":[` + strings.Repeat(`{"id":"abcdefgh","name":"x","tiers":[1,2]},`, size/43) + `{}]}`), 2},
		{"one object of 30 MiB of distinct keys", manyKeys(), 8},
	}
	secrets := NewRedactor("opk-live-Abc123")
	for _, tt := range tests {
		var err error
		got := allocatedBy(func() { err = checkBody(context.Background(), tt.body, secrets) })
		t.Logf("%s: %d bytes allocated for a %d byte body (%v)", tt.name, got, len(tt.body), err)
		if limit := tt.times * uint64(len(tt.body)); got > limit {
			t.Errorf("%s: the check allocated %d bytes, over %d times the body (%d)", tt.name, got, tt.times, limit)
		}
	}
}

// cancelAfter is a context whose Err turns to Canceled on its n-th call:
// it counts how far the scan went between two looks at its context.
type cancelAfter struct {
	context.Context
	calls, n int
}

func (c *cancelAfter) Err() error {
	c.calls++
	if c.calls >= c.n {
		return context.Canceled
	}
	return nil
}

func TestACancelledContextStopsTheBodyCheck(t *testing.T) {
	t.Parallel()
	body := []byte(`{"data":[` + strings.Repeat(`{"id":"abcdefgh","price":1.5},`, 1<<16) + `{"id":"z"}]}`) // ~2 MiB
	t.Run("cancelled before the check", func(t *testing.T) {
		t.Parallel()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if err := checkBody(ctx, body, nil); !errors.Is(err, context.Canceled) {
			t.Fatalf("checkBody = %v, want context.Canceled", err)
		}
	})
	t.Run("cancelled during the check", func(t *testing.T) {
		t.Parallel()
		ctx := &cancelAfter{Context: context.Background(), n: 4}
		err := checkBody(ctx, body, nil)
		if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "stopped because the run was cancelled") {
			t.Fatalf("checkBody = %v, want it stopped as cancelled", err)
		}
		if ctx.calls != ctx.n {
			t.Errorf("the check looked at its context %d times after it was cancelled, want it to stop at once", ctx.calls-ctx.n)
		}
		// Looked at once per bodyCheckStride: 2 MiB takes 32 looks.
		if want := len(body)/bodyCheckStride + 1; want < 8 {
			t.Errorf("the body is too short (%d looks) to show the scan stopped early", want)
		}
	})
}
