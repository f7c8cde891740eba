package httpapi

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot"
)

// checkRedirect refuses a redirect that would take the request, and with
// it the credential, anywhere but the endpoint it was made for: another
// origin, or another path on the same origin (another API behind the same
// host). Only the same endpoint with or without a trailing slash, as Django
// and others redirect, is followed.
func (a *API) checkRedirect(req *http.Request, via []*http.Request) error {
	if _, ok := loginRedirect(req.Response); ok {
		return http.ErrUseLastResponse // read by statusError as an authentication failure
	}
	if len(via) >= 5 {
		return errors.New("stopped after 5 redirects")
	}
	if !SameOrigin(a.base, req.URL) {
		return fmt.Errorf("refusing redirect to %s: it leaves the configured base URL's host %s", RedactURL(req.URL), a.base.Host)
	}
	from := strings.TrimSuffix(via[0].URL.EscapedPath(), "/")
	if to := strings.TrimSuffix(req.URL.EscapedPath(), "/"); to != from {
		return fmt.Errorf("refusing redirect to %s: it leaves the endpoint %s", RedactURL(req.URL), via[0].URL.EscapedPath())
	}
	return nil
}

// getJSON GETs u as part of listing l (nil for a single request) and
// decodes a 2xx JSON body into out, once the body check has passed it. op
// names the operation in errors ("list plans page 3"); header is added to
// the request.
//
// A request of a listing holds one of l's slots while it is in flight, and
// gives it up once its body is read, before the body is decoded.
func (a *API) getJSON(ctx context.Context, l *listing, op string, u *url.URL, header http.Header, out any) error {
	body, err := a.get(ctx, l, op, u, header)
	if err != nil {
		return err
	}
	return a.decode(ctx, op, u, body, out)
}

// Decode checks a 2xx body (numbers in bounds, no secret) and decodes it
// into out; a failure is a ResponseError naming op and u.
func (a *API) Decode(op string, u *url.URL, body []byte, out any) error {
	return a.decode(context.Background(), op, u, body, out)
}

// decode is Decode whose body check stops when ctx is done.
func (a *API) decode(ctx context.Context, op string, u *url.URL, body []byte, out any) error {
	err := checkBody(ctx, body, a.cfg.Secrets)
	if err == nil {
		err = DecodeJSON(body, out)
	}
	if err != nil {
		return a.ResponseError(op, u, err)
	}
	return nil
}

// getOnce performs one logical GET (with retries) and returns the body of a
// 2xx response, or the copy's body on a 304 that confirms it (see
// notModified); any other outcome is an error that names vendor and
// operation.
func (a *API) getOnce(ctx context.Context, l *listing, op string, u *url.URL, header http.Header) ([]byte, error) {
	if !SameOrigin(a.base, u) {
		return nil, a.PaginationError(op, fmt.Sprintf("link %s points outside the configured base URL (%s://%s); refusing to follow it", RedactURL(u), a.base.Scheme, a.base.Host))
	}
	state, session := l.fetchState(a), l.session() // its throttling is counted, and told on giving up
	if session != nil && session.replay {
		cached, ok := session.cachedPage(u.String())
		return replayedBody(a, l, op, u, cached, ok)
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", a.name, op, err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	req.Header.Set("Accept", "application/json")
	sent, conditional := session.conditional(req.Header, u.String())

	release, err := l.acquire(ctx)
	if err != nil {
		return nil, a.transportError(ctx, op, u, err)
	}
	defer release()
	start := time.Now()
	resp, body, err := a.send(ctx, req, state, l.byteBudget())
	if err != nil {
		return nil, a.transportError(ctx, op, u, err)
	}
	notModified := resp.StatusCode == http.StatusNotModified && session != nil
	if notModified {
		if err := session.notModified(u.String(), sent, conditional, resp.Header); errors.Is(err, errAskAgain) {
			return nil, err
		} else if err != nil {
			return nil, a.ResponseError(op, u, err)
		}
		if err := chargeCachedBody(a, l, sent.Body); err != nil {
			return nil, a.ResponseError(op, u, err)
		}
		body = sent.Body
	} else if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, a.statusError(state, op, u, resp, body, time.Since(start))
	}
	if session != nil {
		session.record(ctx, u.String(), body, resp.Header, notModified)
	}
	return body, nil
}

// replayedBody is the cached copy's page at u, charged to the listing's
// byte budget as a live body would be.
func replayedBody(a *API, l *listing, op string, u *url.URL, p snapshot.Page, ok bool) ([]byte, error) {
	if !ok {
		return nil, a.ResponseError(op, u, errNotInCopy)
	}
	if err := chargeCachedBody(a, l, p.Body); err != nil {
		return nil, a.ResponseError(op, u, err)
	}
	return p.Body, nil
}

// chargeCachedBody charges a body taken from the cache to the listing's
// byte budget, so a copy is bounded as the live read was.
func chargeCachedBody(a *API, l *listing, body []byte) error {
	if b := l.byteBudget(); b != nil && b.used.Add(int64(len(body))) > b.limit {
		return a.listingTooLarge()
	}
	return nil
}

func (a *API) statusError(state *fetchState, op string, u *url.URL, resp *http.Response, body []byte, elapsed time.Duration) error {
	msg := Message{}
	if a.decodeError != nil {
		msg = a.decodeError(body)
	}
	if msg.Message == "" && len(msg.Fields) == 0 {
		msg.Message = Snippet(body)
	}
	status := resp.StatusCode
	if path, ok := loginRedirect(resp); ok {
		msg, status = loginRedirectMessage(resp, path), http.StatusUnauthorized
	}
	e := &APIError{
		Vendor:     a.name,
		Operation:  op,
		URL:        RedactURL(u),
		StatusCode: status,
		Message:    msg.Message,
		Code:       msg.Code,
		Fields:     msg.Fields,
	}
	switch {
	case isThrottle(resp):
		e.GaveUp = &GiveUp{Throttling: state.throttleSummary()}
	case retryableStatus(resp.StatusCode):
		e.GaveUp = &GiveUp{Tries: a.cfg.MaxRetries + 1, Elapsed: elapsed, WaitCap: a.cfg.RetryWaitMax}
		e.GaveUp.LastWait, e.GaveUp.LastWaitAsked = serverWait(resp.Header, time.Now())
	}
	return e
}

func (a *API) transportError(ctx context.Context, op string, u *url.URL, err error) error {
	var readTimeout *ReadTimeoutError
	if ctxErr := ctx.Err(); ctxErr != nil {
		err = ctxErr
		if errors.As(context.Cause(ctx), &readTimeout) {
			err = readTimeout // read_timeout ended the read, not request_timeout
		}
	}
	switch {
	case errors.As(err, &readTimeout):
		err = &unreachableError{err}
	case errors.Is(err, context.Canceled):
		err = fmt.Errorf("stopped because the run was cancelled (Terraform was interrupted): %w", err)
	case errors.Is(err, errBodyTooLarge):
		err = fmt.Errorf("response body exceeds the %d byte limit", a.cfg.MaxResponseBytes)
	case errors.Is(err, errListingTooLarge):
		err = a.listingTooLarge()
	case isTimeout(err):
		err = &unreachableError{fmt.Errorf("no complete response within request_timeout (%s): %w", a.cfg.RequestTimeout, err)}
	case errors.Is(err, io.ErrUnexpectedEOF):
		err = &unreachableError{fmt.Errorf("the connection closed before the whole response arrived, after %d retries: %w", a.cfg.MaxRetries, err)}
	case errors.Is(err, io.EOF):
		err = &unreachableError{fmt.Errorf("the server closed the connection without answering, after %d retries: %w", a.cfg.MaxRetries, err)}
	case isConnectionFailure(err):
		err = &unreachableError{err}
	}
	return a.ResponseError(op, u, err)
}

// unreachableError is a failure to reach the vendor at all, or in time:
// the failures a cached copy may stand in for (see staleEligible).
type unreachableError struct{ err error }

func (e *unreachableError) Error() string { return e.err.Error() }
func (e *unreachableError) Unwrap() error { return e.err }

// isConnectionFailure reports a refused, reset or unresolvable connection;
// a TLS failure is not one, as it may be an attack rather than an outage.
func isConnectionFailure(err error) bool {
	var opErr *net.OpError
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var unknownAuthority x509.UnknownAuthorityError
	var hostnameErr x509.HostnameError
	if errors.As(err, &certErr) || errors.As(err, &unknownAuthority) || errors.As(err, &hostnameErr) {
		return false
	}
	return errors.As(err, &opErr) || errors.As(err, &dnsErr)
}

var errBodyTooLarge = errors.New("response body too large")

// readCapped reads at most limit bytes, charged to budget, and fails rather
// than truncating when the body is larger: a truncated price list must
// never decode. A Content-Length (size; -1 when unknown) sizes the buffer
// up front, so a body is read into one allocation rather than grown and
// copied; it is only a hint, bounded by limit and by what is left of the
// budget, and a body longer or shorter than it is read all the same.
func readCapped(r io.ReadCloser, size, limit int64, budget *byteBudget) ([]byte, error) {
	defer r.Close()
	initial := int64(512)
	if size >= 0 {
		initial = min(size, limit, budget.remaining()) + 1 // +1: room to see EOF without growing
	}
	b := make([]byte, 0, max(initial, 1))
	rd := budget.reader(io.LimitReader(r, limit+1))
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := rd.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(b)) > limit {
		return nil, errBodyTooLarge
	}
	return b, nil
}
