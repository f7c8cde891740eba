package streamskillsandbox

import (
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"
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
	mu      sync.Mutex
	callers map[string]*rate.Limiter
}

func newRateLimits() *rateLimits {
	return &rateLimits{callers: map[string]*rate.Limiter{}}
}

func (l *rateLimits) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.callers = map[string]*rate.Limiter{}
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
	lim := l.callers[key]
	if lim == nil {
		if anonymous {
			lim = rate.NewLimiter(streamskillAnonRate, streamskillAnonBurst)
		} else {
			lim = rate.NewLimiter(streamskillRate, streamskillBurst)
		}
		l.callers[key] = lim
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
