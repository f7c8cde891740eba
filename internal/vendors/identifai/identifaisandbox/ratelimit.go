package identifaisandbox

import (
	"math"
	"sync"
	"time"
)

// identifAI documents "2 requests/second and 60/minute" per key. Laravel
// implements such limits as fixed windows that start at the first hit and
// does not count rejected attempts, so the sandbox does the same.
const (
	identifaiPerSecond = 2
	identifaiPerMinute = 60
)

type rateLimits struct {
	mu      sync.Mutex
	callers map[string]*identifaiWindows
}

type window struct {
	start time.Time
	hits  int
}

type identifaiWindows struct {
	second, minute window
}

func newRateLimits() *rateLimits {
	return &rateLimits{callers: map[string]*identifaiWindows{}}
}

func (l *rateLimits) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.callers = map[string]*identifaiWindows{}
}

// allowIdentifai reports whether a request may proceed; if not, retryAfter is
// the whole seconds until the blocking window ends. remaining is what is left
// of the minute allowance, as Laravel's X-RateLimit-Remaining reports.
func (l *rateLimits) allowIdentifai(key string, now time.Time) (ok bool, retryAfter, remaining int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	ws := l.callers[key]
	if ws == nil {
		ws = &identifaiWindows{}
		l.callers[key] = ws
	}
	limits := []struct {
		w   *window
		dur time.Duration
		max int
	}{
		{&ws.second, time.Second, identifaiPerSecond},
		{&ws.minute, time.Minute, identifaiPerMinute},
	}
	for _, lim := range limits {
		if lim.w.start.IsZero() || !now.Before(lim.w.start.Add(lim.dur)) {
			*lim.w = window{start: now}
		}
	}
	for _, lim := range limits {
		if lim.w.hits >= lim.max {
			wait := lim.w.start.Add(lim.dur).Sub(now)
			retryAfter = max(retryAfter, int(math.Ceil(wait.Seconds())))
		}
	}
	if retryAfter > 0 {
		return false, retryAfter, identifaiPerMinute - ws.minute.hits
	}
	ws.second.hits++
	ws.minute.hits++
	return true, 0, identifaiPerMinute - ws.minute.hits
}
