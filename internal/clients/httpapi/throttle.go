package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// DefaultRateLimitWait bounds the time one read spends waiting on a
// vendor's throttling (rate_limit_wait).
const DefaultRateLimitWait = 2 * time.Minute

// tellAfter is how long a read waits before it says so at INFO, so a slow
// plan explains itself.
const tellAfter = 5 * time.Second

// isThrottle is an answer that asks the client to slow down rather than
// reports a failure: a 429, or a 503 that says when to come back. It is
// waited out within rate_limit_wait, not counted against max_retries.
func isThrottle(resp *http.Response) bool {
	return resp.StatusCode == http.StatusTooManyRequests ||
		resp.StatusCode == http.StatusServiceUnavailable && strings.TrimSpace(resp.Header.Get("Retry-After")) != ""
}

// throttleWait is how long the vendor asked to wait, read from the first
// signal it sent: Retry-After (seconds or a date); X-RateLimit-Reset, a
// Unix timestamp as Laravel and others send it; or X-Rate-Limit-Reset, the
// seconds until the vendor's bucket is full again (Yii), of which one request needs only a refill interval;
// a reset longer than the documented bucket takes to fill is not that
// bucket's, and is waited as asked.
func (a *API) throttleWait(h http.Header, now time.Time) (time.Duration, bool) {
	if d, ok := parseRetryAfter(h.Get("Retry-After"), now); ok {
		return d, true
	}
	if d, ok := resetAt(h.Get("X-RateLimit-Reset"), now); ok {
		return d, true
	}
	if d, ok := serverWait(h, now); ok {
		if a.refill > 0 && d <= a.fillTime+time.Second { // +1s: the header is rounded up
			d = min(d, a.refill)
		}
		return d, true
	}
	return 0, false
}

// resetAt reads a reset time: a Unix timestamp, or (a value too small to
// be one) seconds from now.
func resetAt(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" || !allDigits(v) || len(v) > 12 {
		return 0, false
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, false
	}
	if n < 1_000_000_000 { // before 2001: seconds, not a timestamp
		return secondsWait(float64(n))
	}
	return min(max(time.Unix(n, 0).Sub(now), 0), maxServerWait), true
}

// send performs req: a failure is retried by retryablehttp up to
// max_retries times; a throttling answer is sent again once the wait the
// vendor asked for has passed, within the read's rate_limit_wait. It
// returns the final response, its body read within the caps.
func (a *API) send(ctx context.Context, req *retryablehttp.Request, rs *fetchState, budget *byteBudget) (*http.Response, []byte, error) {
	for {
		var body []byte
		req.SetResponseHandler(func(resp *http.Response) error {
			b, err := readCapped(resp.Body, resp.ContentLength, a.cfg.MaxResponseBytes, budget)
			body = b
			return err
		})
		resp, err := a.http.Do(req)
		if err != nil {
			return nil, nil, err
		}
		if body == nil {
			// Retries were exhausted on a retryable status: the response
			// handler did not run, so read the vendor's error body here.
			if body, err = readCapped(resp.Body, resp.ContentLength, a.cfg.MaxResponseBytes, budget); err != nil {
				return nil, nil, err
			}
		}
		if !isThrottle(resp) {
			rs.pages.Add(1)
			return resp, body, nil
		}
		wait, ok := rs.throttled(ctx, resp.Header)
		if !ok {
			return resp, body, nil // statusError says how long the read waited
		}
		a.pacer.hold(ctx, wait)
		if err := a.clock.Sleep(ctx, wait); err != nil {
			return nil, nil, err
		}
	}
}

// throttled records a throttling answer and decides the wait before the
// request goes again: what the vendor asked for, else a jittered
// exponential backoff, at least retry_wait_min. False when that wait
// would take the read's waiting past rate_limit_wait.
func (rs *fetchState) throttled(ctx context.Context, h http.Header) (time.Duration, bool) {
	a := rs.api
	now := a.clock.Now()
	asked, askedOK := a.throttleWait(h, now)
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rs.throttles++
	if rs.throttles == 1 {
		rs.firstThrottle = now
	}
	rs.lastAsked, rs.lastAskedOK = asked, askedOK
	wait := asked
	if !askedOK {
		wait = jitter(exponential(a.cfg.RetryWaitMin, a.cfg.RetryWaitMax, rs.throttles-1))
	}
	wait = max(wait, a.cfg.RetryWaitMin)
	// Parallel pages throttled at once wait together: the read's waiting
	// is the union of their waits, not their sum.
	end := now.Add(wait)
	added := end.Sub(maxTime(now, rs.waitingUntil))
	if added > 0 && rs.waited+added > a.cfg.RateLimitWait {
		return 0, false
	}
	if added > 0 {
		rs.waited += added
		rs.waitingUntil = end
	}
	if rs.waited > tellAfter && !rs.told {
		rs.told = true
		tflog.Info(ctx, "Waiting out the vendor's rate limit", map[string]any{
			"vendor": a.name, "read": rs.key, "throttled": rs.throttles, "waited": rs.waited.String(),
			"rate_limit_wait": a.cfg.RateLimitWait.String(),
		})
	}
	return wait, true
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// throttleSummary says how long the read was throttled, for the error of
// a read that gave up: how many answers, over how long, what the vendor
// last asked.
func (rs *fetchState) throttleSummary() string {
	a := rs.api
	rs.mu.Lock()
	defer rs.mu.Unlock()
	s := fmt.Sprintf("throttled %s over %s, waiting %s in all; the next wait would pass rate_limit_wait (%s)",
		times(rs.throttles), a.clock.Now().Sub(rs.firstThrottle).Round(time.Millisecond), rs.waited.Round(time.Millisecond), a.cfg.RateLimitWait)
	if rs.lastAskedOK {
		s += fmt.Sprintf("; the vendor last asked to wait %s", rs.lastAsked.Round(time.Millisecond))
	}
	return s
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}
