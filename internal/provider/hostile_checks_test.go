package provider_test

import (
	"testing"
	"time"
)

// checkRequests asserts the exact number of requests a correct read makes,
// so the harness's counting is shown to work before it bounds anything.
func checkRequests(want int) func(*testing.T, hostileRun) {
	return func(t *testing.T, h hostileRun) {
		if got := h.s.Requests(h.behaviour, h.vendor); got != want {
			t.Errorf("the vendor got %d requests, want exactly %d", got, want)
		}
	}
}

// minHonouredWait is what "really waited" means for a Retry-After the
// client must cap: well above backoff's jitter (under a second at one
// retry), well below retry_wait_max's default of 30 s.
const minHonouredWait = 10 * time.Second

// checkWaitedBetweenTries asserts that a vendor asking for a very long wait
// got either no retry at all or a retry after a real, capped wait: never
// one a moment later because the wait overflowed or was dropped.
func checkWaitedBetweenTries(t *testing.T, h hostileRun) {
	at := h.s.Arrivals(h.behaviour, h.vendor)
	if len(at) < 2 {
		return
	}
	if gap := at[1].Sub(at[0]); gap < minHonouredWait {
		t.Errorf("the retry came %s after the 429 that asked to wait years; want a wait of at least %s (capped at retry_wait_max)",
			gap.Round(time.Millisecond), minHonouredWait)
	}
}

// checkNothingStrayed asserts that no request left the behaviour's base
// URL: none reached another origin, none another path of this one.
func checkNothingStrayed(t *testing.T, h hostileRun) {
	for _, hit := range h.s.OtherOriginHits() {
		t.Errorf("a request reached another origin: %s", hit)
	}
	for _, hit := range h.s.Strays() {
		t.Errorf("a request left the base URL's path: %s", hit)
	}
}

// checkNoRequestTo asserts that the lure path (another vendor's API on the
// same origin) was never requested, so no key went there.
func checkNoRequestTo(behaviour, vendor string) func(*testing.T, hostileRun) {
	return func(t *testing.T, h hostileRun) {
		checkNothingStrayed(t, h)
		if n := h.s.Requests(behaviour, vendor); n > 0 {
			t.Errorf("the client followed the lure to %s's API on the same origin %d times, carrying credentials %q", vendor, n, h.s.KeysReceived(behaviour, vendor))
		}
	}
}
