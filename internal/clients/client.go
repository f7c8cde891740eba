// Package clients holds one small HTTP client per pricing vendor on one shared
// HTTP layer. It knows HTTP and the vendors' JSON and nothing of Terraform.
package clients

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"
	"golang.org/x/time/rate"
)

// Defaults shared by every vendor client.
const (
	DefaultMaxRetries          = 4
	DefaultRequestTimeout      = 30 * time.Second
	DefaultMaxParallelRequests = 4
	// UnpacedMaxParallelRequests is the default for listings whose vendor
	// documents no rate limit (Paygentic, Probely): more pages in flight
	// shorten a long listing, and a vendor that objects with 429s is
	// retried honouring Retry-After.
	UnpacedMaxParallelRequests = 10
	DefaultMaxResponseBytes    = 32 << 20
)

// Config is what every vendor client needs from the provider's configuration.
type Config struct {
	// BaseURL is the vendor's server URL, possibly with its own path prefix.
	BaseURL string
	// APIKey is the credential; it is sent only to BaseURL's origin.
	APIKey string
	// UserAgent is sent on every request.
	UserAgent string
	// MaxRetries is how many times a retryable failure is tried again.
	MaxRetries int
	// RequestTimeout bounds each attempt, body included.
	RequestTimeout time.Duration
	// MaxParallelRequests bounds concurrent page fetches of one listing;
	// 0 is the vendor's default (DefaultMaxParallelRequests, or
	// UnpacedMaxParallelRequests where the vendor documents no rate limit).
	MaxParallelRequests int
	// MaxResponseBytes caps a response body; larger bodies are an error.
	MaxResponseBytes int64
	// MaxListingBytes caps the response bytes of one whole listing.
	MaxListingBytes int64
	// RetryWaitMin and RetryWaitMax bound the backoff between tries;
	// a server's Retry-After is honoured up to RetryWaitMax.
	RetryWaitMin, RetryWaitMax time.Duration
	// Secrets are redacted from logs and refused in response bodies; it
	// holds APIKey at least. The provider shares one across vendors.
	Secrets *Redactor
	// HTTPClient replaces the pooled default transport (tests only).
	HTTPClient *http.Client
}

func (c Config) withDefaults() Config {
	if c.MaxRetries < 0 {
		c.MaxRetries = 0
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = DefaultRequestTimeout
	}
	if c.MaxResponseBytes <= 0 {
		c.MaxResponseBytes = DefaultMaxResponseBytes
	}
	if c.MaxListingBytes <= 0 {
		c.MaxListingBytes = DefaultMaxListingBytes
	}
	if c.Secrets == nil {
		c.Secrets = NewRedactor()
	}
	c.Secrets.Add(c.APIKey)
	if c.RetryWaitMin <= 0 {
		c.RetryWaitMin = 500 * time.Millisecond
	}
	if c.RetryWaitMax <= 0 {
		c.RetryWaitMax = 30 * time.Second
	}
	if c.UserAgent == "" {
		c.UserAgent = "terraform-provider-pricing/dev"
	}
	return c
}

// vendorSpec is what differs between vendors on the shared layer.
type vendorSpec struct {
	name        string                          // used in errors and logs
	authorize   func(h http.Header, key string) // sets the credential
	limiters    []*rate.Limiter                 // client-side pacing under documented limits
	parallel    int                             // default max_parallel_requests; 0 is DefaultMaxParallelRequests
	decodeError func(body []byte) vendorMessage // reads the vendor's own error body
}

// api is the shared HTTP layer: retries, timeouts, size cap, pacing,
// credential pinning, logging and a per-run cache of listings.
type api struct {
	vendor      vendorSpec
	cfg         Config
	base        *url.URL
	http        *retryablehttp.Client
	memo        memo
	decodeError func(body []byte) vendorMessage
}

func newAPI(cfg Config, spec vendorSpec) (*api, error) {
	cfg = cfg.withDefaults()
	if cfg.MaxParallelRequests <= 0 {
		cfg.MaxParallelRequests = cmp.Or(spec.parallel, DefaultMaxParallelRequests)
	}
	base, err := ParseBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", spec.name, err)
	}
	a := &api{vendor: spec, cfg: cfg, base: base, decodeError: spec.decodeError}

	hc := cfg.HTTPClient
	if hc == nil {
		hc = cleanhttp.DefaultPooledClient()
	}
	inner := hc.Transport
	if inner == nil {
		inner = cleanhttp.DefaultPooledTransport()
	}
	hc = &http.Client{
		Transport:     &transport{api: a, next: inner},
		Timeout:       cfg.RequestTimeout,
		CheckRedirect: a.checkRedirect,
	}

	rc := retryablehttp.NewClient()
	rc.HTTPClient = hc
	rc.Logger = nil // the transport logs each attempt through tflog
	rc.RetryMax = cfg.MaxRetries
	rc.RetryWaitMin = cfg.RetryWaitMin
	rc.RetryWaitMax = cfg.RetryWaitMax
	rc.CheckRetry = checkRetry
	rc.Backoff = backoff
	rc.ErrorHandler = retryablehttp.PassthroughErrorHandler
	a.http = rc
	return a, nil
}

// checkRedirect refuses a redirect that would take the request, and with
// it the credential, anywhere but the endpoint it was made for: another
// origin, or another path on the same origin (another API behind the same
// host). Only the same endpoint with or without a trailing slash, as Django
// and others redirect, is followed.
func (a *api) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 5 {
		return errors.New("stopped after 5 redirects")
	}
	if !sameOrigin(a.base, req.URL) {
		return fmt.Errorf("refusing redirect to %s: it leaves the configured base URL's host %s", redactURL(req.URL), a.base.Host)
	}
	from := strings.TrimSuffix(via[0].URL.EscapedPath(), "/")
	if to := strings.TrimSuffix(req.URL.EscapedPath(), "/"); to != from {
		return fmt.Errorf("refusing redirect to %s: it leaves the endpoint %s", redactURL(req.URL), via[0].URL.EscapedPath())
	}
	return nil
}

// endpoint joins the documented path to the base URL, keeping any path
// prefix the base URL has (http://127.0.0.1:8080/identifai).
func (a *api) endpoint(path string, query url.Values) *url.URL {
	u := *a.base
	u.Path = strings.TrimSuffix(u.Path, "/") + path
	u.RawPath = ""
	if len(query) > 0 {
		u.RawQuery = query.Encode()
	} else {
		u.RawQuery = ""
	}
	return &u
}

// itemEndpoint is the URL of one item under a collection path: the id is
// escaped as a single path segment, so an id holding "/", "?" or "#" can
// neither reach another endpoint nor turn into a query.
func (a *api) itemEndpoint(collection, id string) *url.URL {
	u := a.endpoint(collection+"/"+id, nil)
	u.RawPath = strings.TrimSuffix(a.base.EscapedPath(), "/") + collection + "/" + url.PathEscape(id)
	return u
}

// getJSON GETs u as part of listing l (nil for a single request) and
// decodes a 2xx JSON body into out, once checkBody has passed it. op names
// the operation in errors ("list pricings page 3").
func (a *api) getJSON(ctx context.Context, l *listing, op string, u *url.URL, header http.Header, out any) error {
	body, err := a.get(ctx, l, op, u, header)
	if err != nil {
		return err
	}
	return a.decode(op, u, body, out)
}

// decode checks a 2xx body (numbers in bounds, no secret) and decodes it.
func (a *api) decode(op string, u *url.URL, body []byte, out any) error {
	err := checkBody(body, a.cfg.Secrets)
	if err == nil {
		err = decodeJSON(body, out)
	}
	if err != nil {
		return &ResponseError{Vendor: a.vendor.name, Operation: op, URL: redactURL(u), Err: err}
	}
	return nil
}

// get performs one logical GET (with retries) and returns the body of a 2xx
// response; any other outcome is an error that names vendor and operation.
func (a *api) get(ctx context.Context, l *listing, op string, u *url.URL, header http.Header) ([]byte, error) {
	if !sameOrigin(a.base, u) {
		return nil, &PaginationError{Vendor: a.vendor.name, Operation: op, Reason: fmt.Sprintf("link %s points outside the configured base URL (%s://%s); refusing to follow it", redactURL(u), a.base.Scheme, a.base.Host)}
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", a.vendor.name, op, err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	req.Header.Set("Accept", "application/json")

	if l != nil {
		if err := l.slots.Acquire(ctx, 1); err != nil {
			return nil, a.transportError(ctx, op, u, err)
		}
		defer l.slots.Release(1)
	}
	var budget *byteBudget
	if l != nil {
		budget = l.budget
	}

	var body []byte
	req.SetResponseHandler(func(resp *http.Response) error {
		b, err := readCapped(resp.Body, resp.ContentLength, a.cfg.MaxResponseBytes, budget)
		body = b
		return err
	})

	start := time.Now()
	resp, err := a.http.Do(req)
	if err != nil {
		return nil, a.transportError(ctx, op, u, err)
	}
	if body == nil {
		// Retries were exhausted on a retryable status: the response
		// handler did not run, so read the vendor's error body here.
		body, err = readCapped(resp.Body, resp.ContentLength, a.cfg.MaxResponseBytes, budget)
		if err != nil {
			return nil, a.transportError(ctx, op, u, err)
		}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, a.statusError(op, u, resp, body, time.Since(start))
	}
	return body, nil
}

func (a *api) statusError(op string, u *url.URL, resp *http.Response, body []byte, elapsed time.Duration) error {
	msg := vendorMessage{}
	if a.decodeError != nil {
		msg = a.decodeError(body)
	}
	if msg.Message == "" && len(msg.Fields) == 0 {
		msg.Message = snippet(body)
	}
	e := &APIError{
		Vendor:     a.vendor.name,
		Operation:  op,
		URL:        redactURL(u),
		StatusCode: resp.StatusCode,
		Message:    msg.Message,
		Code:       msg.Code,
		Fields:     msg.Fields,
	}
	if retryableStatus(resp.StatusCode) {
		e.GaveUp = &GiveUp{Tries: a.cfg.MaxRetries + 1, Elapsed: elapsed, WaitCap: a.cfg.RetryWaitMax}
		e.GaveUp.LastWait, e.GaveUp.LastWaitAsked = serverWait(resp.Header, time.Now())
	}
	return e
}

func (a *api) transportError(ctx context.Context, op string, u *url.URL, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		err = ctxErr
	}
	switch {
	case errors.Is(err, context.Canceled):
		err = fmt.Errorf("stopped because the run was cancelled (Terraform was interrupted): %w", err)
	case errors.Is(err, errBodyTooLarge):
		err = fmt.Errorf("response body exceeds the %d byte limit", a.cfg.MaxResponseBytes)
	case errors.Is(err, errListingTooLarge):
		err = a.listingTooLarge()
	case isTimeout(err):
		err = fmt.Errorf("no complete response within request_timeout (%s): %w", a.cfg.RequestTimeout, err)
	case errors.Is(err, io.ErrUnexpectedEOF):
		err = fmt.Errorf("the connection closed before the whole response arrived, after %d retries: %w", a.cfg.MaxRetries, err)
	case errors.Is(err, io.EOF):
		err = fmt.Errorf("the server closed the connection without answering, after %d retries: %w", a.cfg.MaxRetries, err)
	}
	return &ResponseError{Vendor: a.vendor.name, Operation: op, URL: redactURL(u), Err: err}
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

// parallelism is how many pages of one listing may be fetched at once.
func (a *api) parallelism() int { return a.cfg.MaxParallelRequests }

// maskSecrets keeps the credentials out of every log line written with ctx.
func (a *api) maskSecrets(ctx context.Context) context.Context {
	return a.cfg.Secrets.MaskLogs(ctx)
}
