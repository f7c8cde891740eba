package clients

import (
	"net/http"

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

// spec is the shared layer's view of the vendor for one configuration.
func (v *Vendor) spec(cfg httpapi.Config, decodeError func([]byte) httpapi.Message) httpapi.Spec {
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

// The vendors' names, the one place they are written: the registry below
// and each client's errors and logs use them.
const (
	identifaiName   = "identifai"
	paygenticName   = "paygentic"
	probelyName     = "probely"
	onepinName      = "onepin"
	streamskillName = "streamskill"
)

// Vendors is the registry of every vendor, in documentation order.
var Vendors = []*Vendor{IdentifaiVendor, PaygenticVendor, ProbelyVendor, OnepinVendor, StreamskillVendor}

// IdentifaiVendor declares identifAI.
var IdentifaiVendor = &Vendor{
	Name: identifaiName, Title: "identifAI", DefaultBaseURL: IdentifaiDefaultBaseURL,
	KeyEnv: []string{"IDENTIFAI_API_KEY"}, BaseURLEnv: []string{"IDENTIFAI_BASE_URL"},
	Auth: Auth{Header: "X-Api-Key"},
	// The documented per-key limits are 2 GET/s and 60 GET/min, counted by
	// Laravel in fixed windows, so the pacing keeps a margin: one request
	// every 555 ms with no burst (a run right after another does not open
	// with two at once), and a bucket of 30 refilled at 30/min, which can
	// never exceed 60 in any minute.
	Pacing: Pacing{
		WithKey: []Limit{{PerSecond: 1.8, Burst: 1}, {PerSecond: 0.5, Burst: 30}},
		Summary: "at most 1.8 requests/s and 30 requests/min (the documented limits)",
	},
	Open: func(v *Vendor, cfg httpapi.Config, _ map[string]string) (Client, error) {
		return newIdentifai(v, cfg)
	},
}

// PaygenticVendor declares Paygentic.
var PaygenticVendor = &Vendor{
	Name: paygenticName, Title: "Paygentic", DefaultBaseURL: PaygenticDefaultBaseURL,
	KeyEnv: []string{"PAYGENTIC_API_KEY", "PAYGENTIC_BEARER_AUTH"}, BaseURLEnv: []string{"PAYGENTIC_BASE_URL"},
	Auth: Auth{Header: "Authorization", Scheme: "Bearer"},
	Pacing: Pacing{
		Parallel: httpapi.UnpacedMaxParallelRequests,
		Summary:  "no documented limit; a 429 is waited out as `Retry-After` asks, within `rate_limit_wait`",
	},
	Open: func(v *Vendor, cfg httpapi.Config, _ map[string]string) (Client, error) {
		return newPaygentic(v, cfg)
	},
}

// ProbelyVendor declares Probely.
var ProbelyVendor = &Vendor{
	Name: probelyName, Title: "Probely", DefaultBaseURL: ProbelyDefaultBaseURL,
	KeyEnv: []string{"PROBELY_API_KEY"}, BaseURLEnv: []string{"PROBELY_BASE_URL", "PROBELY_API_BASE_URL"},
	Auth: Auth{Header: "Authorization", Scheme: "JWT"},
	Pacing: Pacing{
		Parallel: httpapi.UnpacedMaxParallelRequests,
		Summary:  "no documented limit; a 429 is waited out as `Retry-After` asks, within `rate_limit_wait`",
	},
	OtherServers: "Probely also serves regional hosts, and a key belongs to one region: `https://api.eu.probely.com`, " +
		"`https://api.us.probely.com`, `https://api.au.probely.com`.",
	Settings: []Setting{{
		Name: "price_unit",
		Description: "Unit of Probely's plan `price`: `minor` (the default: 4900 is 49 USD, scaled by the currency's ISO 4217 " +
			"minor unit), as Probely's OpenAPI 1.2.0 documents it (\"Price in cents\"), or `major` (49 is 49 USD) should " +
			"Probely's prices turn out to be in whole units. A price in a `currency_code` that is no ISO 4217 code, or with none, " +
			"has a null `price_amount` and a warning in `minor`, since its minor unit is unknown.",
		OneOf: []string{string(ProbelyPriceUnitMajor), string(ProbelyPriceUnitMinor)},
	}},
	Open: func(v *Vendor, cfg httpapi.Config, s map[string]string) (Client, error) {
		return newProbely(v, cfg, ProbelyPriceUnit(s["price_unit"]))
	},
}

// OnepinVendor declares OnePin, whose plan list is public.
var OnepinVendor = &Vendor{
	Name: onepinName, Title: "OnePin", DefaultBaseURL: OnepinDefaultBaseURL,
	KeyEnv: []string{"ONEPIN_API_KEY"}, BaseURLEnv: []string{"ONEPIN_BASE_URL"}, KeyOptional: true,
	Auth:   Auth{Header: "Authorization", Scheme: "Bearer"},
	Pacing: Pacing{Summary: "one page at a time, following next links"},
	Settings: []Setting{{
		Name:        "workspace_id",
		Description: "OnePin workspace id, sent as the `X-Workspace-Id` header when set.",
	}, {
		Name: "language",
		Description: "Language of the plans' `plan_details`, sent as `Accept-Language`, such as `en` or `ko`. Defaults to `en`, " +
			"OnePin's own default.",
	}},
	Open: func(v *Vendor, cfg httpapi.Config, s map[string]string) (Client, error) {
		return newOnepin(v, cfg, s)
	},
}

// StreamskillVendor declares StreamSkill.
var StreamskillVendor = &Vendor{
	Name: streamskillName, Title: "StreamSkill", DefaultBaseURL: StreamskillDefaultBaseURL,
	KeyEnv: []string{"STREAMSKILL_API_KEY"}, BaseURLEnv: []string{"STREAMSKILL_BASE_URL"},
	Auth: Auth{Header: "Authorization", Scheme: "Bearer"},
	// The documented token bucket, which is smaller without a key.
	Pacing: Pacing{
		WithKey:    []Limit{{PerSecond: 2, Burst: 30}},
		WithoutKey: []Limit{{PerSecond: 0.5, Burst: 5}},
		Summary:    "a burst of 30, then 2 requests/s with a key (a burst of 5, then one request every 2 s without)",
	},
	Settings: []Setting{{
		Name:        "language",
		Description: "Language of tariff titles and texts, sent as `Accept-Language`: `en` or `ru`. Defaults to `en`.",
		OneOf:       []string{"en", "ru"},
	}},
	Open: func(v *Vendor, cfg httpapi.Config, s map[string]string) (Client, error) {
		return newStreamskill(v, cfg, s["language"])
	},
}
