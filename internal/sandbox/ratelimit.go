package sandbox

import (
	"math"
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// identifAI documents "2 requests/second and 60/minute" per key. Laravel
// implements such limits as fixed windows that start at the first hit and
// does not count rejected attempts, so the sandbox does the same.
const (
	identifaiPerSecond = 2
	identifaiPerMinute = 60
)

// StreamSkill documents a token bucket: burst 30 then 2/s with a key, burst 5
// then 0.5/s without one.
const (
	streamskillBurst     = 30
	streamskillRate      = 2
	streamskillAnonBurst = 5
	streamskillAnonRate  = 0.5
)

type rateLimits struct {
	mu          sync.Mutex
	identifai   map[string]*identifaiWindows
	streamskill map[string]*rate.Limiter
}

type window struct {
	start time.Time
	hits  int
}

type identifaiWindows struct {
	second, minute window
}

func newRateLimits() *rateLimits {
	return &rateLimits{
		identifai:   map[string]*identifaiWindows{},
		streamskill: map[string]*rate.Limiter{},
	}
}

func (l *rateLimits) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.identifai = map[string]*identifaiWindows{}
	l.streamskill = map[string]*rate.Limiter{}
}

// limitKey identifies the caller: the credential if one was sent, else the
// client address, as both vendors throttle anonymous callers by IP.
func limitKey(r *http.Request, credential string) string {
	if credential != "" {
		return "key:" + credential
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return "ip:" + host
}

// allowIdentifai reports whether a request may proceed; if not, retryAfter is
// the whole seconds until the blocking window ends. remaining is what is left
// of the minute allowance, as Laravel's X-RateLimit-Remaining reports.
func (l *rateLimits) allowIdentifai(key string, now time.Time) (ok bool, retryAfter, remaining int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	ws := l.identifai[key]
	if ws == nil {
		ws = &identifaiWindows{}
		l.identifai[key] = ws
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

// rateState is what StreamSkill reports in its X-Rate-Limit-* headers.
type rateState struct {
	allowed   bool
	limit     int
	remaining int
	reset     int // seconds: until a token is available if denied, until the bucket is full otherwise
}

func (l *rateLimits) allowStreamskill(key string, anonymous bool, now time.Time) rateState {
	l.mu.Lock()
	defer l.mu.Unlock()
	lim := l.streamskill[key]
	if lim == nil {
		if anonymous {
			lim = rate.NewLimiter(streamskillAnonRate, streamskillAnonBurst)
		} else {
			lim = rate.NewLimiter(streamskillRate, streamskillBurst)
		}
		l.streamskill[key] = lim
	}
	st := rateState{allowed: lim.AllowN(now, 1), limit: lim.Burst()}
	tokens := lim.TokensAt(now)
	st.remaining = max(0, int(math.Floor(tokens)))
	perSecond := float64(lim.Limit())
	if st.allowed {
		st.reset = int(math.Ceil((float64(lim.Burst()) - tokens) / perSecond))
	} else {
		st.reset = max(1, int(math.Ceil((1-tokens)/perSecond)))
	}
	return st
}
