package httpapi

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"golang.org/x/time/rate"
)

// The transport is the last step before the wire, so it sees every attempt,
// retries and redirects included. It is a chain of small wrappers, each
// doing one thing: pace, set the user agent, attach the credential for the
// configured origin only, log.

// roundTripFunc is a function as an http.RoundTripper.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

// wrapper wraps the next RoundTripper of a chain.
type wrapper func(next http.RoundTripper) http.RoundTripper

// chain is base wrapped by wrappers, the first outermost: a request goes
// through wrappers[0], then wrappers[1], ..., then base.
func chain(base http.RoundTripper, wrappers ...wrapper) http.RoundTripper {
	rt := base
	for i := len(wrappers) - 1; i >= 0; i-- {
		rt = wrappers[i](rt)
	}
	return rt
}

// fail ends a round trip early. RoundTrippers must close the request body,
// even on errors.
func fail(req *http.Request, err error) (*http.Response, error) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
	return nil, err
}

// pace waits on every limiter before each attempt, so the vendor's
// documented rate limits are never exceeded; a cancelled context ends the
// wait.
func pace(limiters []*rate.Limiter) wrapper {
	if len(limiters) == 0 {
		return func(next http.RoundTripper) http.RoundTripper { return next }
	}
	return paceWith(&localPacer{limiters: limiters, clock: wallClock{}})
}

// timeAttempt bounds an attempt by d (request_timeout) from the moment its
// pacing turn comes to the end of its body. It sits after the pacing, not
// around the whole client: a turn under the vendor's limit, which the
// plans of a fleet share and may wait a minute for, is not the vendor
// being slow.
func timeAttempt(d time.Duration) wrapper {
	return func(next http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(req *http.Request) (*http.Response, error) {
			ctx, cancel := context.WithTimeout(req.Context(), d)
			resp, err := next.RoundTrip(req.WithContext(ctx))
			if err != nil {
				cancel()
				return nil, err
			}
			resp.Body = &cancelAtEnd{ReadCloser: resp.Body, cancel: cancel}
			return resp, nil
		})
	}
}

// cancelAtEnd releases an attempt's deadline once its body is read or
// closed.
type cancelAtEnd struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelAtEnd) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil {
		b.cancel()
	}
	return n, err
}

func (b *cancelAtEnd) Close() error {
	defer b.cancel()
	return b.ReadCloser.Close()
}

// setUserAgent sends ua as the User-Agent of every attempt.
func setUserAgent(ua string) wrapper {
	return func(next http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(req *http.Request) (*http.Response, error) {
			out := req.Clone(req.Context()) // RoundTrippers must not modify the caller's request
			out.Header.Set("User-Agent", ua)
			return next.RoundTrip(out)
		})
	}
}

// pinAuth attaches key with authorize, only to attempts on origin's scheme,
// host and port: whatever URL a redirect or a link leads to, the credential
// goes nowhere else. Without a key (or authorize) it adds nothing.
func pinAuth(origin *url.URL, key string, authorize func(http.Header, string)) wrapper {
	return func(next http.RoundTripper) http.RoundTripper {
		if key == "" || authorize == nil {
			return next
		}
		return roundTripFunc(func(req *http.Request) (*http.Response, error) {
			if !SameOrigin(origin, req.URL) {
				return next.RoundTrip(req)
			}
			out := req.Clone(req.Context())
			authorize(out.Header, key)
			return next.RoundTrip(out)
		})
	}
}

// logAttempts logs each attempt at debug level (vendor, method, URL without
// user information, status or error, duration), with secrets masked.
func logAttempts(vendor string, secrets *Redactor) wrapper {
	return func(next http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(req *http.Request) (*http.Response, error) {
			ctx := secrets.MaskLogs(req.Context())
			start := time.Now()
			resp, err := next.RoundTrip(req)
			fields := map[string]any{
				"vendor":      vendor,
				"method":      req.Method,
				"url":         RedactURL(req.URL),
				"duration_ms": time.Since(start).Milliseconds(),
			}
			if err != nil {
				fields["error"] = err.Error()
				tflog.Debug(ctx, "vendor API request failed", fields)
				return nil, err
			}
			fields["status"] = resp.StatusCode
			tflog.Debug(ctx, "vendor API request", fields)
			return resp, nil
		})
	}
}
