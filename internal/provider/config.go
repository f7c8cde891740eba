package provider

import (
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
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
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

// keyHelp tells where a vendor's key is configured, for diagnostics.
func keyHelp(v *clients.Vendor) string {
	return fmt.Sprintf("Set api_key in the provider's %q block (%s.api_key) or the %s environment variable.",
		v.Name, v.Name, strings.Join(v.KeyEnv, " or "))
}

// Schema describes the provider block: shared settings, one block per vendor.
func (p *PricingProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"max_retries": schema.Int64Attribute{
			MarkdownDescription: "How many times a request is retried after a 502, 503, 504 or a connection error, " +
				"with exponential backoff and jitter, honouring `Retry-After`. A 429, or a 503 with `Retry-After`, is throttling: " +
				"it is waited out within `rate_limit_wait` and not counted here. From 0 to 10; defaults to 4.",
			Optional:   true,
			Validators: []validator.Int64{int64validator.Between(0, 10)},
		},
		"request_timeout": schema.StringAttribute{
			MarkdownDescription: "Time limit for each HTTP request attempt, from the moment the vendor's rate limit lets it go (a wait for that turn counts against `read_timeout` instead) to the end of its body, as a Go duration string (`\"30s\"`, `\"2m\"`). Defaults to `\"30s\"`.",
			Optional:            true,
			Validators:          []validator.String{durationValidator{}},
		},
		"max_parallel_requests": schema.Int64Attribute{
			MarkdownDescription: fmt.Sprintf("Most requests one listing has in flight at once, once its first page tells how many pages there are. From 1 to 32. "+
				"Defaults to %d for %s, which document no rate limit (a 429 that comes anyway is waited out as `Retry-After` asks), "+
				"and to %d for %s, whose documented pacing or next links bound a listing anyway. "+
				"Setting it applies the value to every vendor; a lower value puts fewer concurrent requests on the vendor key, a higher one shortens long listings.",
				httpapi.UnpacedMaxParallelRequests, titlesWhere(p.vendors, unpaced), httpapi.DefaultMaxParallelRequests, titlesWhere(p.vendors, not(unpaced))),
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
	for _, v := range p.vendors {
		attrs[v.Name] = vendorSchema(v)
	}
	attrs["cache"] = cacheSchema()
	maps.Copy(attrs, waitAttributes())
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads vendors' price lists (" + vendorTitles(p.vendors) + ") as typed data, " +
			"and computes tariff quotes. Every setting is optional; each vendor block falls back to environment variables.",
		Attributes: attrs,
	}
}

func vendorSchema(v *clients.Vendor) schema.SingleNestedAttribute {
	keyDesc := fmt.Sprintf("%s API key, sent as the %s. Falls back to the %s environment variable.", v.Title, v.Auth, envList(v.KeyEnv))
	if v.KeyOptional {
		keyDesc += " Optional: the price list is public."
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
				"Falls back to the %s environment variable, then to `%s`.", v.Title, envList(v.BaseURLEnv), v.DefaultBaseURL) +
				strings.TrimSuffix(" "+v.OtherServers, " "),
			Optional:   true,
			Validators: []validator.String{baseURLValidator{}},
		},
	}
	for _, s := range v.Settings {
		attrs[s.Name] = settingSchema(s)
	}
	return schema.SingleNestedAttribute{
		MarkdownDescription: fmt.Sprintf("%s settings. Requests are paced: %s.", v.Title, v.Pacing.Summary),
		Optional:            true,
		Attributes:          attrs,
	}
}

func settingSchema(s clients.Setting) schema.StringAttribute {
	validators := []validator.String{stringvalidator.LengthAtLeast(1)}
	if len(s.OneOf) > 0 {
		validators = []validator.String{stringvalidator.OneOf(s.OneOf...)}
	}
	return schema.StringAttribute{MarkdownDescription: s.Description, Optional: true, Validators: validators}
}

func vendorTitles(vendors []*clients.Vendor) string {
	titles := make([]string, len(vendors))
	for i, v := range vendors {
		titles[i] = v.Title
	}
	return strings.Join(titles, ", ")
}

func envList(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "`" + n + "`"
	}
	return strings.Join(quoted, " (or ") + strings.Repeat(")", len(names)-1)
}

// commonModel is the provider's settings shared by every vendor; the
// vendor blocks are read one by one, by name, from the registry.
type commonModel struct {
	MaxRetries          types.Int64  `tfsdk:"max_retries"`
	RequestTimeout      types.String `tfsdk:"request_timeout"`
	MaxParallelRequests types.Int64  `tfsdk:"max_parallel_requests"`
	MaxListingBytes     types.Int64  `tfsdk:"max_listing_bytes"`
}

// resolvedVendor is one vendor's settings after environment fallbacks.
type resolvedVendor struct {
	apiKey, baseURL string
	settings        map[string]string
}

// Configure resolves each vendor's settings and gives the data sources clients.
func (p *PricingProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	model, diags := readCommonModel(ctx, req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	common, diags := commonConfig(model)
	resp.Diagnostics.Append(diags...)
	common.UserAgent = "terraform-provider-pricing/" + p.version
	common.Cache, diags = openCache(ctx, req.Config)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(waitSettings(ctx, req.Config, &common)...)
	common.Fleet = openFleet(ctx, common.Cache)

	resolved := make(map[*clients.Vendor]resolvedVendor, len(p.vendors))
	for _, v := range p.vendors {
		var block types.Object
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(v.Name), &block)...)
		r, diags := resolveVendor(v, block)
		resp.Diagnostics.Append(diags...)
		resolved[v] = r
	}
	if resp.Diagnostics.HasError() {
		return
	}
	for _, r := range resolved {
		p.secrets.Add(r.apiKey)
	}
	common.Secrets = p.secrets

	data, err := openClients(common, resolved)
	if err != nil {
		resp.Diagnostics.AddError("Unable to configure the pricing provider", err.Error())
		return
	}
	resp.DataSourceData = data
	p.configured.Store(data)
}

// readCommonModel reads the settings shared by every vendor; a struct
// with a field per vendor block would need a change per vendor.
func readCommonModel(ctx context.Context, config tfsdk.Config) (commonModel, diag.Diagnostics) {
	var m commonModel
	var diags diag.Diagnostics
	for name, target := range map[string]any{
		"max_retries":           &m.MaxRetries,
		"request_timeout":       &m.RequestTimeout,
		"max_parallel_requests": &m.MaxParallelRequests,
		"max_listing_bytes":     &m.MaxListingBytes,
	} {
		diags.Append(config.GetAttribute(ctx, path.Root(name), target)...)
	}
	return m, diags
}

// commonConfig reads the top-level settings, applying their defaults.
func commonConfig(m commonModel) (httpapi.Config, diag.Diagnostics) {
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
func resolveVendor(v *clients.Vendor, obj types.Object) (resolvedVendor, diag.Diagnostics) {
	var diags diag.Diagnostics
	blockPath := path.Root(v.Name)
	if obj.IsUnknown() {
		diags.AddAttributeError(blockPath, "Unknown provider setting",
			fmt.Sprintf("The %s block is known only after apply; the provider needs it at plan time.", v.Name))
		return resolvedVendor{}, diags
	}
	// A null block has no attributes, and every setting then comes from
	// the environment.
	attrs := obj.Attributes()

	r := resolvedVendor{settings: make(map[string]string, len(v.Settings))}
	var src string
	r.apiKey, _ = valueOrEnv(&diags, blockPath.AtName("api_key"), attrs["api_key"], v.KeyEnv)
	r.baseURL, src = valueOrEnv(&diags, blockPath.AtName("base_url"), attrs["base_url"], v.BaseURLEnv)
	for _, s := range v.Settings {
		r.settings[s.Name], _ = valueOrEnv(&diags, blockPath.AtName(s.Name), attrs[s.Name], nil)
	}
	if r.baseURL == "" {
		r.baseURL = v.DefaultBaseURL
	} else if _, err := httpapi.ParseBaseURL(r.baseURL); err != nil && src != "" {
		// Attribute values were already checked by baseURLValidator at
		// validation time; an environment value is checked here.
		diags.AddAttributeError(blockPath.AtName("base_url"), "Invalid base URL",
			fmt.Sprintf("The %s environment variable (used for %s.base_url): %s", src, v.Name, err))
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

// settingsScope is a vendor's other settings as text for the cache key:
// a workspace id or a language changes what the vendor answers.
func settingsScope(settings map[string]string) string {
	parts := make([]string, 0, len(settings))
	for _, name := range slices.Sorted(maps.Keys(settings)) {
		if settings[name] != "" {
			parts = append(parts, name+"="+settings[name])
		}
	}
	return strings.Join(parts, ";")
}

// openClients builds one client per vendor, once per run, so that data
// sources share each client's cache, pacing and connections.
func openClients(common httpapi.Config, resolved map[*clients.Vendor]resolvedVendor) (*datasources.ProviderData, error) {
	opened := make(map[*clients.Vendor]clients.Client, len(resolved))
	help := make(map[*clients.Vendor]string, len(resolved))
	for v, r := range resolved {
		cfg := common
		cfg.APIKey = r.apiKey
		cfg.BaseURL = r.baseURL
		cfg.CacheScope = settingsScope(r.settings)
		c, err := v.Open(v, cfg, r.settings)
		if err != nil {
			return nil, err
		}
		opened[v] = c
		help[v] = keyHelp(v)
	}
	return datasources.NewProviderData(opened, help), nil
}
