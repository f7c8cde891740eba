package httpapi

import (
	"cmp"
	"context"
	"fmt"
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
	// DefaultMaxRetries is how many times a retryable failure is retried.
	DefaultMaxRetries = 4
	// DefaultRequestTimeout bounds each attempt, body included.
	DefaultRequestTimeout = 30 * time.Second
	// DefaultMaxParallelRequests bounds concurrent page fetches of one
	// listing when neither the configuration nor the Spec says otherwise.
	DefaultMaxParallelRequests = 4
	// UnpacedMaxParallelRequests is the default for listings whose vendor
	// documents no rate limit: more pages in flight shorten a long
	// listing, and a vendor that objects with 429s is retried honouring
	// Retry-After.
	UnpacedMaxParallelRequests = 10
	// DefaultMaxResponseBytes caps one response body.
	DefaultMaxResponseBytes = 32 << 20
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
	// 0 is the vendor's default (Spec.Parallel, else
	// DefaultMaxParallelRequests).
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
	// NoPacing turns the Spec's client-side pacing off (tests only).
	NoPacing bool
	// Cache keeps whole reads between runs; nil: off.
	Cache *Cache
	// CacheScope is what else than the credential selects the answers
	// (the vendor's other settings, such as a workspace id); it is part of
	// every cache key.
	CacheScope string
	// RateLimitWait bounds the time one read waits out throttling (429,
	// 503 with Retry-After), which max_retries does not count.
	RateLimitWait time.Duration
	// ReadTimeout bounds one whole read, every wait included.
	ReadTimeout time.Duration
	// Fleet shares pacing and cache-entry locks with the machine's other
	// provider processes; nil: this process alone.
	Fleet *Fleet
	// Clock measures and spends the waits of a read (tests only).
	Clock Clock
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
	if c.RateLimitWait <= 0 {
		c.RateLimitWait = DefaultRateLimitWait
	}
	if c.ReadTimeout <= 0 {
		c.ReadTimeout = DefaultReadTimeout
	}
	if c.Clock == nil {
		c.Clock = wallClock{}
	}
	if c.UserAgent == "" {
		c.UserAgent = "terraform-provider-pricing/dev"
	}
	return c
}

// Spec is what differs between vendors on the shared layer.
type Spec struct {
	// Name names the vendor in errors and logs.
	Name string
	// Authorize sets the credential on a request's header; it is called
	// only for requests to the configured origin, and only with a key.
	Authorize func(h http.Header, key string)
	// Limiters pace every attempt under the vendor's documented limits.
	Limiters []*rate.Limiter
	// Parallel is the default max parallel requests of a listing; 0 is
	// DefaultMaxParallelRequests.
	Parallel int
	// DecodeError reads the vendor's own error body; nil shows a snippet.
	DecodeError func(body []byte) Message
}

// API is the shared HTTP layer for one vendor: retries, timeouts, size cap,
// pacing, credential pinning, logging and a per-run cache of listings.
type API struct {
	name        string
	cfg         Config
	base        *url.URL
	http        *retryablehttp.Client
	transport   http.RoundTripper
	listings    sharedListings
	decodeError func(body []byte) Message
	clock       Clock
	pacer       pacer
	// refill is the longest interval the vendor's limits put between two
	// requests: the wait one request needs after a full-bucket reset.
	refill time.Duration
	// fillTime is how long the limits take to refill an empty bucket.
	fillTime time.Duration
}

// New validates cfg.BaseURL and builds the layer for the vendor spec
// describes.
func New(cfg Config, spec Spec) (*API, error) {
	cfg = cfg.withDefaults()
	if cfg.MaxParallelRequests <= 0 {
		cfg.MaxParallelRequests = cmp.Or(spec.Parallel, DefaultMaxParallelRequests)
	}
	base, err := ParseBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", spec.Name, err)
	}
	a := &API{name: spec.Name, cfg: cfg, base: base, clock: cfg.Clock}
	if decode := spec.DecodeError; decode != nil {
		// An error body is decoded by the vendor's own code: the byte
		// order mark a 2xx body may carry is dropped for it here, once.
		a.decodeError = func(body []byte) Message { return decode(trimBOM(body)) }
	}

	hc := cfg.HTTPClient
	if hc == nil {
		hc = cleanhttp.DefaultPooledClient()
	}
	inner := hc.Transport
	if inner == nil {
		inner = cleanhttp.DefaultPooledTransport()
	}
	limiters := spec.Limiters
	if cfg.NoPacing {
		limiters = nil
	}
	a.pacer, a.refill, a.fillTime = a.newPacer(limiters)
	a.transport = chain(inner,
		paceWith(a.pacer),
		timeAttempt(cfg.RequestTimeout),
		setUserAgent(cfg.UserAgent),
		pinAuth(base, cfg.APIKey, spec.Authorize),
		logAttempts(spec.Name, cfg.Secrets),
	)
	hc = &http.Client{
		Transport:     a.transport,
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

// HasAPIKey reports whether a key is configured.
func (a *API) HasAPIKey() bool { return a.cfg.APIKey != "" }

// Parallelism is how many pages of one listing may be fetched at once.
func (a *API) Parallelism() int { return a.cfg.MaxParallelRequests }

// Transport is the chain every attempt goes through (pacing, user agent,
// the credential pinned to the configured origin, logging), without the
// retries, redirect checks and timeout of getJSON.
func (a *API) Transport() http.RoundTripper { return a.transport }

// MaskSecrets keeps the credentials out of every log line written with ctx.
func (a *API) MaskSecrets(ctx context.Context) context.Context {
	return a.cfg.Secrets.MaskLogs(ctx)
}

// Endpoint joins the documented path to the base URL, keeping any path
// prefix the base URL has (http://127.0.0.1:8080/vendor).
func (a *API) Endpoint(path string, query url.Values) *url.URL {
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

// ItemEndpoint is the URL of one item under a collection path: the id is
// escaped as a single path segment, so an id holding "/", "?" or "#" can
// neither reach another endpoint nor turn into a query.
func (a *API) ItemEndpoint(collection, id string) *url.URL {
	u := a.Endpoint(collection+"/"+id, nil)
	u.RawPath = strings.TrimSuffix(a.base.EscapedPath(), "/") + collection + "/" + url.PathEscape(id)
	return u
}
