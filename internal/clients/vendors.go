package clients

import "github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"

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
	// KeyEnv and BaseURLEnv are the environment fallbacks for api_key and
	// base_url, first set one wins.
	KeyEnv, BaseURLEnv []string
	// KeyOptional is true when the vendor's price list is public.
	KeyOptional bool
	// Auth says how the key is sent, for the documentation.
	Auth string
	// RateLimits says how the client paces itself, for the documentation.
	RateLimits string
	// Settings are the vendor block's attributes beyond api_key and
	// base_url.
	Settings []Setting
	// Open builds the vendor's client from the shared settings and the
	// values of Settings (by name; "" when unset).
	Open func(cfg httpapi.Config, settings map[string]string) (Client, error)
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
	Auth:       "`X-Api-Key` header",
	RateLimits: "at most 1.8 requests/s and 30 requests/min (the documented limits)",
	Open: func(cfg httpapi.Config, _ map[string]string) (Client, error) {
		return NewIdentifai(cfg)
	},
}

// PaygenticVendor declares Paygentic.
var PaygenticVendor = &Vendor{
	Name: paygenticName, Title: "Paygentic", DefaultBaseURL: PaygenticDefaultBaseURL,
	KeyEnv: []string{"PAYGENTIC_API_KEY", "PAYGENTIC_BEARER_AUTH"}, BaseURLEnv: []string{"PAYGENTIC_BASE_URL"},
	Auth:       "`Authorization: Bearer` header",
	RateLimits: "no documented limit; a 429 is retried honouring `Retry-After`",
	Open: func(cfg httpapi.Config, _ map[string]string) (Client, error) {
		return NewPaygentic(cfg)
	},
}

// ProbelyVendor declares Probely.
var ProbelyVendor = &Vendor{
	Name: probelyName, Title: "Probely", DefaultBaseURL: ProbelyDefaultBaseURL,
	KeyEnv: []string{"PROBELY_API_KEY"}, BaseURLEnv: []string{"PROBELY_BASE_URL", "PROBELY_API_BASE_URL"},
	Auth:       "`Authorization: JWT` header",
	RateLimits: "no documented limit; a 429 is retried honouring `Retry-After`",
	Open: func(cfg httpapi.Config, _ map[string]string) (Client, error) {
		return NewProbely(cfg)
	},
}

// OnepinVendor declares OnePin, whose plan list is public.
var OnepinVendor = &Vendor{
	Name: onepinName, Title: "OnePin", DefaultBaseURL: OnepinDefaultBaseURL,
	KeyEnv: []string{"ONEPIN_API_KEY"}, BaseURLEnv: []string{"ONEPIN_BASE_URL"}, KeyOptional: true,
	Auth:       "`Authorization: Bearer` header",
	RateLimits: "one page at a time, following next links",
	Settings: []Setting{{
		Name:        "workspace_id",
		Description: "OnePin workspace id, sent as the `X-Workspace-Id` header when set.",
	}},
	Open: func(cfg httpapi.Config, s map[string]string) (Client, error) {
		return NewOnepin(cfg, s["workspace_id"])
	},
}

// StreamskillVendor declares StreamSkill.
var StreamskillVendor = &Vendor{
	Name: streamskillName, Title: "StreamSkill", DefaultBaseURL: StreamskillDefaultBaseURL,
	KeyEnv: []string{"STREAMSKILL_API_KEY"}, BaseURLEnv: []string{"STREAMSKILL_BASE_URL"},
	Auth:       "`Authorization: Bearer` header",
	RateLimits: "a burst of 30, then 2 requests/s with a key (a burst of 5, then one request every 2 s without)",
	Settings: []Setting{{
		Name:        "language",
		Description: "Language of tariff titles and texts, sent as `Accept-Language`: `en` or `ru`. Defaults to `en`.",
		OneOf:       []string{"en", "ru"},
	}},
	Open: func(cfg httpapi.Config, s map[string]string) (Client, error) {
		return NewStreamskill(cfg, s["language"])
	},
}
