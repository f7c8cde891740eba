package clients

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// checkRetry retries throttling (429), gateway failures (502, 503, 504) and
// connection errors. A 500 is the vendor's own failure and is not retried;
// neither is an attempt that hit request_timeout, since a server that does
// not answer in time would only multiply the user's wait.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	if err != nil {
		return isRetryableError(err), err
	}
	switch resp.StatusCode {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true, nil
	}
	return false, nil
}

func isRetryableError(err error) bool {
	switch {
	case errors.Is(err, errBodyTooLarge), isTimeout(err):
		return false
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false
	}
	var uerr *url.Error
	if errors.As(err, &uerr) && strings.Contains(uerr.Error(), "refusing redirect") {
		return false
	}
	return true
}

func isTimeout(err error) bool {
	var nerr net.Error
	return errors.As(err, &nerr) && nerr.Timeout()
}

// backoff waits what the server asked for (Retry-After, or StreamSkill's
// X-Rate-Limit-Reset), capped at max; otherwise exponential backoff with
// jitter so parallel page fetches do not retry in lockstep.
func backoff(lo, hi time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if wait, ok := serverWait(resp.Header, time.Now()); ok {
			return min(wait, hi)
		}
	}
	return min(jitter(exponential(lo, hi, attempt)), hi)
}

func exponential(lo, hi time.Duration, attempt int) time.Duration {
	d := lo
	for range attempt {
		d *= 2
		if d >= hi {
			return hi
		}
	}
	return d
}

// jitter returns a duration in [d/2, d).
func jitter(d time.Duration) time.Duration {
	if d <= 1 {
		return d
	}
	half := d / 2
	return half + rand.N(half) //nolint:gosec // jitter needs no cryptographic randomness
}

// serverWait reads how long the server asked the client to wait.
func serverWait(h http.Header, now time.Time) (time.Duration, bool) {
	if d, ok := parseRetryAfter(h.Get("Retry-After"), now); ok {
		return d, true
	}
	if v := strings.TrimSpace(h.Get("X-Rate-Limit-Reset")); v != "" {
		if secs, err := strconv.ParseFloat(v, 64); err == nil && secs >= 0 && secs < 24*3600 {
			return time.Duration(secs * float64(time.Second)), true
		}
	}
	return 0, false
}

// parseRetryAfter accepts both forms of RFC 9110: delay-seconds and an
// HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(secs) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	if d := t.Sub(now); d > 0 {
		return d, true
	}
	return 0, true
}
