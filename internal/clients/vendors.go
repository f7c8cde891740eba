package clients

import (
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"

	"golang.org/x/time/rate"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// Vendor declares one vendor the provider reads. It is the one place a
// vendor's identity lives: the provider's schema block, its environment
// fallbacks, the missing-key help, the titles in diagnostics and the
// documentation are all derived from it. Adding a vendor is its client
// file, its data-source files, its sandbox file and one entry in Vendors.
type Vendor struct {
	// Name is the provider block and the data sources' prefix
	// (pricing_<name>_…).
	Name string
	// Title is the vendor's own spelling, for descriptions and diagnostics.
	Title string
	// DefaultBaseURL is the vendor's documented server.
	DefaultBaseURL string
	// OtherServers names the vendor's other documented servers, for the
	// documentation of base_url; "" when it has none.
	OtherServers string
	// KeyEnv and BaseURLEnv are the environment fallbacks for api_key and
	// base_url, first set one wins.
	KeyEnv, BaseURLEnv []string
	// KeyOptional is true when the vendor's price list is public.
	KeyOptional bool
	// Auth is how the key is sent.
	Auth Auth
	// Pacing is how the client paces itself under the documented limits.
	Pacing Pacing
	// Settings are the vendor block's attributes beyond api_key and
	// base_url.
	Settings []Setting
	// Open builds the vendor's client from the shared settings and the
	// values of Settings (by name; "" when unset).
	Open func(v *Vendor, cfg httpapi.Config, settings map[string]string) (Client, error)

	// DataSources are the vendor's data sources, all named
	// pricing_<Name>_….
	DataSources []func() datasource.DataSource
	// Functions are the vendor's provider functions.
	Functions []func() function.Function
	// Catalog is how pricing_catalog reads the vendor; nil leaves it out.
	Catalog *CatalogSource
}

// Auth is the header a vendor takes its key in: "<Scheme> <key>", or the
// key alone when Scheme is empty.
type Auth struct {
	Header, Scheme string
}

func (a Auth) authorize(h http.Header, key string) {
	if a.Scheme != "" {
		key = a.Scheme + " " + key
	}
	h.Set(a.Header, key)
}

// String describes the header, for the documentation.
func (a Auth) String() string {
	if a.Scheme == "" {
		return "`" + a.Header + "` header"
	}
	return "`" + a.Header + ": " + a.Scheme + "` header"
}

// Pacing is how a vendor's client stays under its documented limits.
type Pacing struct {
	// WithKey are token buckets every attempt waits on; WithoutKey, when
	// set, replaces them for a client without a key.
	WithKey, WithoutKey []Limit
	// Parallel is the default max_parallel_requests of a listing; 0 is
	// httpapi.DefaultMaxParallelRequests.
	Parallel int
	// Summary says it in words, for the documentation.
	Summary string
}

// Limit is one token bucket: PerSecond sustained, Burst at once.
type Limit struct {
	PerSecond float64
	Burst     int
}

// Spec is the shared layer's view of the vendor for one configuration.
func (v *Vendor) Spec(cfg httpapi.Config, decodeError func([]byte) httpapi.Message) httpapi.Spec {
	limits := v.Pacing.WithKey
	if cfg.APIKey == "" && v.Pacing.WithoutKey != nil {
		limits = v.Pacing.WithoutKey
	}
	limiters := make([]*rate.Limiter, len(limits))
	for i, l := range limits {
		limiters[i] = rate.NewLimiter(rate.Limit(l.PerSecond), l.Burst)
	}
	return httpapi.Spec{Name: v.Name, Authorize: v.Auth.authorize, Limiters: limiters, Parallel: v.Pacing.Parallel, DecodeError: decodeError}
}

// Setting is one vendor-specific string attribute of a vendor block.
type Setting struct {
	Name        string
	Description string
	// OneOf, when set, is the list of allowed values.
	OneOf []string
}

// Client is what every vendor client offers the provider.
type Client interface {
	// HasAPIKey reports whether a key is configured.
	HasAPIKey() bool
}
