package httpapi

import (
	"compress/flate"
	"compress/gzip"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// checkRetry retries gateway failures (502, 503, 504) and connection
// errors; throttling (429, a 503 with Retry-After) is left to send. A 500 is the vendor's own failure and is not retried;
// neither is an attempt that hit request_timeout, since a server that does
// not answer in time would only multiply the user's wait.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	if err != nil {
		return isRetryableError(err), err
	}
	if isThrottle(resp) {
		return false, nil // waited out by send, within rate_limit_wait
	}
	return retryableStatus(resp.StatusCode), nil
}

func retryableStatus(code int) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// isRetryableError is true for failures that another try can cure (a
// dropped or refused connection), and false for those it cannot: an
// untrusted certificate, a redirect that is refused or unreadable, a body
// that is corrupt or over a limit, a timeout or a cancelled run.
func isRetryableError(err error) bool {
	switch {
	case errors.Is(err, errBodyTooLarge), errors.Is(err, errListingTooLarge), isTimeout(err):
		return false
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false
	case isTLSFailure(err), isCorruptBody(err):
		return false
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		for _, permanent := range permanentURLErrors {
			if strings.Contains(uerr.Error(), permanent) {
				return false
			}
		}
	}
	return true
}

// permanentURLErrors are net/http's and this client's texts for requests
// that fail the same way every time.
var permanentURLErrors = []string{
	"refusing redirect",
	"stopped after",
	"failed to parse Location header",
	"unsupported protocol scheme",
	"invalid header field",
	"malformed HTTP response",
	"malformed MIME header", // a header line that is not a header (a control byte, no colon)
}

func isTLSFailure(err error) bool {
	var (
		unknownAuthority x509.UnknownAuthorityError
		invalid          x509.CertificateInvalidError
		hostname         x509.HostnameError
		verification     *tls.CertificateVerificationError
		recordHeader     tls.RecordHeaderError
	)
	return errors.As(err, &unknownAuthority) || errors.As(err, &invalid) || errors.As(err, &hostname) ||
		errors.As(err, &verification) || errors.As(err, &recordHeader)
}

func isCorruptBody(err error) bool {
	var corrupt flate.CorruptInputError
	return errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.As(err, &corrupt)
}

func isTimeout(err error) bool {
	var nerr net.Error
	return errors.As(err, &nerr) && nerr.Timeout()
}

// backoff waits what the server asked for (Retry-After, or the
// X-Rate-Limit-Reset some vendors send), capped at max; otherwise exponential backoff with
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

// maxServerWait is the longest wait a server's header is read as; longer
// ones are read as this, never overflowing into a short or negative wait.
// backoff then caps it at retry_wait_max.
const maxServerWait = 7 * 24 * time.Hour

// serverWait reads how long the server asked the client to wait, in
// [0, maxServerWait].
func serverWait(h http.Header, now time.Time) (time.Duration, bool) {
	if d, ok := parseRetryAfter(h.Get("Retry-After"), now); ok {
		return d, true
	}
	if v := strings.TrimSpace(h.Get("X-Rate-Limit-Reset")); v != "" {
		if secs, err := strconv.ParseFloat(v, 64); err == nil || errors.Is(err, strconv.ErrRange) {
			return secondsWait(secs)
		}
	}
	return 0, false
}

// secondsWait converts a number of seconds to a wait, refusing negative
// and not-a-number values and saturating at maxServerWait.
func secondsWait(secs float64) (time.Duration, bool) {
	switch {
	case math.IsNaN(secs) || secs < 0:
		return 0, false
	case secs >= maxServerWait.Seconds():
		return maxServerWait, true
	}
	return time.Duration(secs * float64(time.Second)), true
}

// parseRetryAfter accepts both forms of RFC 9110: delay-seconds and an
// HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if allDigits(v) {
		if len(strings.TrimLeft(v, "0")) > 12 {
			return maxServerWait, true // more seconds than any int64 duration holds
		}
		secs, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0, false
		}
		return secondsWait(float64(secs))
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return min(max(t.Sub(now), 0), maxServerWait), true
}
