package provider

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

// vendorSettings says where each vendor's settings come from.
type vendorSettings struct {
	name           string   // provider attribute, e.g. "identifai"
	title          string   // vendor name for descriptions
	defaultBaseURL string   // documented server
	keyEnv         []string // environment fallbacks for api_key, first wins
	baseURLEnv     []string // environment fallbacks for base_url, first wins
	keyOptional    bool     // the vendor's endpoints are public
	extra          map[string]schema.Attribute
}

var vendors = []vendorSettings{
	{
		name: "identifai", title: "identifAI", defaultBaseURL: clients.IdentifaiDefaultBaseURL,
		keyEnv: []string{"IDENTIFAI_API_KEY"}, baseURLEnv: []string{"IDENTIFAI_BASE_URL"},
	},
	{
		name: "paygentic", title: "Paygentic", defaultBaseURL: clients.PaygenticDefaultBaseURL,
		keyEnv: []string{"PAYGENTIC_API_KEY", "PAYGENTIC_BEARER_AUTH"}, baseURLEnv: []string{"PAYGENTIC_BASE_URL"},
	},
	{
		name: "probely", title: "Probely", defaultBaseURL: clients.ProbelyDefaultBaseURL,
		keyEnv: []string{"PROBELY_API_KEY"}, baseURLEnv: []string{"PROBELY_BASE_URL", "PROBELY_API_BASE_URL"},
	},
	{
		name: "onepin", title: "OnePin", defaultBaseURL: clients.OnepinDefaultBaseURL,
		keyEnv: []string{"ONEPIN_API_KEY"}, baseURLEnv: []string{"ONEPIN_BASE_URL"}, keyOptional: true,
		extra: map[string]schema.Attribute{
			"workspace_id": schema.StringAttribute{
				MarkdownDescription: "OnePin workspace id, sent as the `X-Workspace-Id` header when set.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
		},
	},
	{
		name: "streamskill", title: "StreamSkill", defaultBaseURL: clients.StreamskillDefaultBaseURL,
		keyEnv: []string{"STREAMSKILL_API_KEY"}, baseURLEnv: []string{"STREAMSKILL_BASE_URL"},
		extra: map[string]schema.Attribute{
			"language": schema.StringAttribute{
				MarkdownDescription: "Language of tariff titles and texts, sent as `Accept-Language`: `en` or `ru`. Defaults to `en`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf("en", "ru")},
			},
		},
	},
}

func (v vendorSettings) keyHelp() string {
	return fmt.Sprintf("Set api_key in the provider's %q block (%s.api_key) or the %s environment variable.",
		v.name, v.name, strings.Join(v.keyEnv, " or "))
}

func (p *PricingProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"max_retries": schema.Int64Attribute{
			MarkdownDescription: "How many times a request is retried after a 429, 502, 503, 504 or a connection error, " +
				"with exponential backoff and jitter, honouring `Retry-After`. From 0 to 10; defaults to 4.",
			Optional:   true,
			Validators: []validator.Int64{int64validator.Between(0, 10)},
		},
		"request_timeout": schema.StringAttribute{
			MarkdownDescription: "Time limit for each HTTP request, body included, as a Go duration string (`\"30s\"`, `\"2m\"`). Defaults to `\"30s\"`.",
			Optional:            true,
			Validators:          []validator.String{durationValidator{}},
		},
		"max_parallel_requests": schema.Int64Attribute{
			MarkdownDescription: fmt.Sprintf("Most requests one listing has in flight at once, once its first page tells how many pages there are. From 1 to 32. "+
				"Defaults to %d for Paygentic and Probely, which document no rate limit (a 429 that comes anyway is retried honouring `Retry-After`), "+
				"and to %d for identifAI, OnePin and StreamSkill, whose documented pacing or next links bound a listing anyway. "+
				"Setting it applies the value to every vendor; a lower value puts fewer concurrent requests on the vendor key, a higher one shortens long listings.",
				httpapi.UnpacedMaxParallelRequests, httpapi.DefaultMaxParallelRequests),
			Optional:   true,
			Validators: []validator.Int64{int64validator.Between(1, 32)},
		},
		"max_listing_bytes": schema.Int64Attribute{
			MarkdownDescription: fmt.Sprintf("Most response bytes one listing may read, all its pages together; a listing over it fails "+
				"with an error rather than exhaust memory or Terraform's 256 MiB plugin message limit. From %d (1 MiB) to %d; defaults to %d (64 MiB).",
				1<<20, httpapi.MaxListingBytesLimit, httpapi.DefaultMaxListingBytes),
			Optional:   true,
			Validators: []validator.Int64{int64validator.Between(1<<20, httpapi.MaxListingBytesLimit)},
		},
	}
	for _, v := range vendors {
		attrs[v.name] = v.schema()
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads vendors' price lists (identifAI, Paygentic, Probely, OnePin, StreamSkill) as typed data, " +
			"and computes StreamSkill tariff quotes. Every setting is optional; each vendor block falls back to environment variables.",
		Attributes: attrs,
	}
}

func (v vendorSettings) schema() schema.SingleNestedAttribute {
	keyDesc := fmt.Sprintf("%s API key. Falls back to the %s environment variable.", v.title, envList(v.keyEnv))
	if v.keyOptional {
		keyDesc += " Optional: the plan list is public."
	}
	attrs := map[string]schema.Attribute{
		"api_key": schema.StringAttribute{
			MarkdownDescription: keyDesc,
			Optional:            true,
			Sensitive:           true,
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"base_url": schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("%s server URL; the provider appends the documented paths, so a path prefix is kept. "+
				"Must be `https://`, except on a loopback host (127.0.0.0/8, ::1, localhost) where `http://` is allowed. "+
				"Falls back to the %s environment variable, then to `%s`.", v.title, envList(v.baseURLEnv), v.defaultBaseURL),
			Optional:   true,
			Validators: []validator.String{baseURLValidator{}},
		},
	}
	for name, a := range v.extra {
		attrs[name] = a
	}
	return schema.SingleNestedAttribute{
		MarkdownDescription: fmt.Sprintf("%s settings.", v.title),
		Optional:            true,
		Attributes:          attrs,
	}
}

func envList(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "`" + n + "`"
	}
	return strings.Join(quoted, " (or ") + strings.Repeat(")", len(names)-1)
}

type providerModel struct {
	Identifai           types.Object `tfsdk:"identifai"`
	Paygentic           types.Object `tfsdk:"paygentic"`
	Probely             types.Object `tfsdk:"probely"`
	Onepin              types.Object `tfsdk:"onepin"`
	Streamskill         types.Object `tfsdk:"streamskill"`
	MaxRetries          types.Int64  `tfsdk:"max_retries"`
	RequestTimeout      types.String `tfsdk:"request_timeout"`
	MaxParallelRequests types.Int64  `tfsdk:"max_parallel_requests"`
	MaxListingBytes     types.Int64  `tfsdk:"max_listing_bytes"`
}

func (m providerModel) block(name string) types.Object {
	switch name {
	case "identifai":
		return m.Identifai
	case "paygentic":
		return m.Paygentic
	case "probely":
		return m.Probely
	case "onepin":
		return m.Onepin
	default:
		return m.Streamskill
	}
}

// resolvedVendor is one vendor's settings after environment fallbacks.
type resolvedVendor struct {
	apiKey, workspaceID, language string
	baseURL                       string
}

func (p *PricingProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var model providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}

	common, diags := commonConfig(model)
	resp.Diagnostics.Append(diags...)
	common.UserAgent = "terraform-provider-pricing/" + p.version

	resolved := map[string]resolvedVendor{}
	for _, v := range vendors {
		r, diags := resolveVendor(v, model.block(v.name))
		resp.Diagnostics.Append(diags...)
		resolved[v.name] = r
	}
	if resp.Diagnostics.HasError() {
		return
	}
	for _, r := range resolved {
		p.secrets.Add(r.apiKey)
	}
	common.Secrets = p.secrets

	data, err := buildProviderData(common, resolved)
	if err != nil {
		resp.Diagnostics.AddError("Unable to configure the pricing provider", err.Error())
		return
	}
	resp.DataSourceData = data
	p.configured.Store(data)
}

// commonConfig reads the top-level settings, applying their defaults.
func commonConfig(m providerModel) (httpapi.Config, diag.Diagnostics) {
	var diags diag.Diagnostics
	cfg := httpapi.Config{
		MaxRetries:     httpapi.DefaultMaxRetries,
		RequestTimeout: httpapi.DefaultRequestTimeout,
	}
	unknown := func(name string) {
		diags.AddAttributeError(path.Root(name), "Unknown provider setting",
			fmt.Sprintf("%s is known only after apply; the provider needs it to read price lists at plan time. Use a value known at plan time.", name))
	}
	switch {
	case m.MaxRetries.IsUnknown():
		unknown("max_retries")
	case !m.MaxRetries.IsNull():
		cfg.MaxRetries = int(m.MaxRetries.ValueInt64())
	}
	switch {
	case m.MaxParallelRequests.IsUnknown():
		unknown("max_parallel_requests")
	case !m.MaxParallelRequests.IsNull():
		cfg.MaxParallelRequests = int(m.MaxParallelRequests.ValueInt64())
	}
	switch {
	case m.MaxListingBytes.IsUnknown():
		unknown("max_listing_bytes")
	case !m.MaxListingBytes.IsNull():
		cfg.MaxListingBytes = m.MaxListingBytes.ValueInt64()
	}
	switch {
	case m.RequestTimeout.IsUnknown():
		unknown("request_timeout")
	case !m.RequestTimeout.IsNull():
		// The validator has already checked the format.
		d, err := time.ParseDuration(m.RequestTimeout.ValueString())
		if err == nil {
			cfg.RequestTimeout = d
		}
	}
	return cfg, diags
}

// resolveVendor applies environment fallbacks and checks the result, naming
// the attribute or environment variable a bad value came from.
func resolveVendor(v vendorSettings, obj types.Object) (resolvedVendor, diag.Diagnostics) {
	var diags diag.Diagnostics
	blockPath := path.Root(v.name)
	if obj.IsUnknown() {
		diags.AddAttributeError(blockPath, "Unknown provider setting",
			fmt.Sprintf("The %s block is known only after apply; the provider needs it at plan time.", v.name))
		return resolvedVendor{}, diags
	}
	// Vendor blocks differ in their extra attributes; a null block has
	// none, and every setting then comes from the environment.
	attrs := obj.Attributes()

	r := resolvedVendor{}
	var src string
	r.apiKey, _ = valueOrEnv(&diags, blockPath.AtName("api_key"), attrs["api_key"], v.keyEnv)
	r.baseURL, src = valueOrEnv(&diags, blockPath.AtName("base_url"), attrs["base_url"], v.baseURLEnv)
	r.workspaceID, _ = valueOrEnv(&diags, blockPath.AtName("workspace_id"), attrs["workspace_id"], nil)
	r.language, _ = valueOrEnv(&diags, blockPath.AtName("language"), attrs["language"], nil)
	if r.baseURL == "" {
		r.baseURL = v.defaultBaseURL
	} else if _, err := httpapi.ParseBaseURL(r.baseURL); err != nil && src != "" {
		// Attribute values were already checked by baseURLValidator at
		// validation time; an environment value is checked here.
		diags.AddAttributeError(blockPath.AtName("base_url"), "Invalid base URL",
			fmt.Sprintf("The %s environment variable (used for %s.base_url): %s", src, v.name, err))
	}
	return r, diags
}

// valueOrEnv returns the attribute's value, else the first environment
// variable that is set (and its name).
func valueOrEnv(diags *diag.Diagnostics, p path.Path, v attr.Value, env []string) (string, string) {
	s, ok := v.(types.String)
	if !ok {
		s = types.StringNull()
	}
	if s.IsUnknown() {
		diags.AddAttributeError(p, "Unknown provider setting",
			fmt.Sprintf("%s is known only after apply; the provider needs it to read price lists at plan time. "+
				"Use a value known at plan time, or the environment variable instead.", p))
		return "", ""
	}
	if !s.IsNull() {
		return s.ValueString(), ""
	}
	for _, name := range env {
		if val := strings.TrimSpace(os.Getenv(name)); val != "" {
			return val, name
		}
	}
	return "", ""
}

func buildProviderData(common httpapi.Config, r map[string]resolvedVendor) (*datasources.ProviderData, error) {
	cfg := func(name string) httpapi.Config {
		c := common
		c.APIKey = r[name].apiKey
		c.BaseURL = r[name].baseURL
		return c
	}
	data := &datasources.ProviderData{KeyHelp: map[string]string{}}
	for _, v := range vendors {
		data.KeyHelp[v.name] = v.keyHelp()
	}
	var err error
	if data.Identifai, err = clients.NewIdentifai(cfg("identifai")); err != nil {
		return nil, err
	}
	if data.Paygentic, err = clients.NewPaygentic(cfg("paygentic")); err != nil {
		return nil, err
	}
	if data.Probely, err = clients.NewProbely(cfg("probely")); err != nil {
		return nil, err
	}
	if data.Onepin, err = clients.NewOnepin(cfg("onepin"), r["onepin"].workspaceID); err != nil {
		return nil, err
	}
	if data.Streamskill, err = clients.NewStreamskill(cfg("streamskill"), r["streamskill"].language); err != nil {
		return nil, err
	}
	return data, nil
}
