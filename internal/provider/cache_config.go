package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// The cache's defaults and environment fallbacks.
const (
	defaultCacheMaxAge       = 15 * time.Minute
	defaultCacheStaleIfError = 24 * time.Hour
	cacheFolderName          = "terraform-provider-pricing"
	envCacheDir              = "PRICING_CACHE_DIR"
	envCacheMaxAge           = "PRICING_CACHE_MAX_AGE"
	envOffline               = "PRICING_OFFLINE"
)

var cachePath = path.Root("cache")

func cacheSchema() schema.SingleNestedAttribute {
	duration := durationValidator{orZero: true}
	return schema.SingleNestedAttribute{
		MarkdownDescription: fmt.Sprintf("A cache of whole vendor reads that outlives the run, **off unless this block is set** "+
			"(or `%s`, `%s` or `%s` is). A read is cached only whole and after every check of a live read; its key is the vendor, "+
			"the read (endpoint and query), the base URL, the vendor's other settings and an HMAC-SHA256 of the API key under a random "+
			"secret of the folder (`.credential-key`), so a copied folder is no oracle for a guessed key; the key itself is never written. Entries are files of mode 0600 in a folder of mode 0700, written atomically, so several Terraform processes can share "+
			"a folder; an entry that does not parse, fails its checksum, is a symlink or another user's is ignored with a warning and read "+
			"again. The folder is bounded to %d MiB (the oldest entries go first). See the guide on the provider page for when not to use it.",
			envCacheDir, envCacheMaxAge, envOffline, httpapi.DefaultCacheMaxBytes>>20),
		Optional: true,
		Attributes: map[string]schema.Attribute{
			"dir": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The cache folder. Falls back to `%s`, then to the user's cache folder "+
					"(`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS, `%%LocalAppData%%` on Windows) + `/%s`. "+
					"It must be a folder this user owns and no other user may write to.", envCacheDir, cacheFolderName),
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"max_age": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("A copy younger than this is used with no request at all. Older, it is revalidated: "+
					"each page is asked for with `If-None-Match`/`If-Modified-Since` where the vendor sent `ETag`/`Last-Modified`, and a "+
					"`304 Not Modified` reuses the cached page. A Go duration; `\"0s\"` always revalidates. Falls back to `%s`; defaults to `%q`.",
					envCacheMaxAge, defaultCacheMaxAge.String()),
				Optional:   true,
				Validators: []validator.String{duration},
			},
			"stale_if_error": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("When a live read fails on a 5xx, a 429 after its retries, a timeout or a connection "+
					"error, a copy up to this old is used instead, with a warning naming the vendor, the read, the copy's age and the failure. "+
					"Never on a 400, 401, 403, 404 or 422, nor on a response that fails the checks of a live read. Copies older than this are "+
					"removed when seen (also offline). At least `max_age`; defaults to `%q`.", defaultCacheStaleIfError.String()),
				Optional:   true,
				Validators: []validator.String{duration},
			},
			"offline": schema.BoolAttribute{
				MarkdownDescription: fmt.Sprintf("Never contact a vendor: every data source reads its cached copy, and one without a copy "+
					"fails, naming the data source, the vendor and how to fill the cache (one online run). Falls back to `%s` "+
					"(`true`/`1` or `false`/`0`); defaults to `false`.", envOffline),
				Optional: true,
			},
			"s3": cacheS3Schema(),
		},
	}
}

// openCache reads the cache block and its environment fallbacks and opens
// the folder; nil when the cache is off.
func openCache(ctx context.Context, config tfsdk.Config) (*httpapi.Cache, diag.Diagnostics) {
	var diags diag.Diagnostics
	var block types.Object
	if diags.Append(config.GetAttribute(ctx, cachePath, &block)...); diags.HasError() {
		return nil, diags
	}
	if block.IsUnknown() {
		diags.AddAttributeError(cachePath, "Unknown provider setting", "The cache block is known only after apply; the provider needs it at plan time.")
		return nil, diags
	}
	if block.IsNull() && os.Getenv(envCacheDir) == "" && os.Getenv(envCacheMaxAge) == "" && os.Getenv(envOffline) == "" && !cacheS3Configured() {
		return nil, diags
	}
	attrs := block.Attributes()
	if attrs == nil {
		attrs = map[string]attr.Value{}
	}
	dir := cacheSetting(&diags, attrs, "dir", envCacheDir)
	if dir == "" {
		dir = defaultCacheDir(&diags)
	}
	maxAge := cacheDuration(&diags, attrs, "max_age", envCacheMaxAge, defaultCacheMaxAge)
	staleIfError := cacheDuration(&diags, attrs, "stale_if_error", "", defaultCacheStaleIfError)
	offline := cacheOffline(&diags, attrs)
	if diags.HasError() {
		return nil, diags
	}
	if staleIfError < maxAge {
		diags.AddAttributeError(cachePath.AtName("stale_if_error"), "Invalid cache setting", fmt.Sprintf(
			"cache.stale_if_error (%s) is shorter than cache.max_age (%s): a copy must be servable on an error for at least as long as it is used without a request.",
			staleIfError, maxAge))
		return nil, diags
	}
	c, err := httpapi.OpenCache(dir, 0, maxAge, staleIfError, offline)
	if err != nil {
		diags.AddAttributeError(cachePath.AtName("dir"), "Unusable cache folder", fmt.Sprintf("cache.dir %q: %s", dir, err))
		return nil, diags
	}
	if w := c.Warning(); w != "" {
		diags.AddAttributeWarning(cachePath.AtName("dir"), "Cache folder secret replaced", w)
	}
	if diags.Append(useCacheBucket(ctx, attrs, c)...); diags.HasError() {
		return nil, diags
	}
	return c, diags
}

// cacheSetting is a string attribute of the cache block, else env.
func cacheSetting(diags *diag.Diagnostics, attrs map[string]attr.Value, name, env string) string {
	var names []string
	if env != "" {
		names = []string{env}
	}
	v, _ := valueOrEnv(diags, cachePath.AtName(name), attrs[name], names)
	return v
}

func cacheDuration(diags *diag.Diagnostics, attrs map[string]attr.Value, name, env string, def time.Duration) time.Duration {
	raw := cacheSetting(diags, attrs, name, env)
	if raw == "" {
		return def
	}
	d, err := durationValidator{orZero: true}.parse(raw)
	if err != nil {
		diags.AddAttributeError(cachePath.AtName(name), "Invalid duration", fmt.Sprintf(
			"cache.%s (or %s) is %q: it must be a Go duration of 0 or more, such as \"0s\", \"15m\" or \"24h\".", name, env, raw))
	}
	return d
}

func cacheOffline(diags *diag.Diagnostics, attrs map[string]attr.Value) bool {
	if b, ok := attrs["offline"].(types.Bool); ok && !b.IsNull() && !b.IsUnknown() {
		return b.ValueBool()
	}
	raw := strings.TrimSpace(os.Getenv(envOffline))
	if raw == "" {
		return false
	}
	b, err := strconv.ParseBool(raw)
	if err != nil {
		diags.AddAttributeError(cachePath.AtName("offline"), "Invalid cache setting",
			fmt.Sprintf("The %s environment variable is %q: it must be true, false, 1 or 0.", envOffline, raw))
	}
	return b
}

func defaultCacheDir(diags *diag.Diagnostics) string {
	base, err := os.UserCacheDir()
	if err != nil {
		diags.AddAttributeError(cachePath.AtName("dir"), "No cache folder", fmt.Sprintf(
			"The user's cache folder is unknown (%s): set cache.dir or %s.", err, envCacheDir))
		return ""
	}
	return filepath.Join(base, cacheFolderName)
}
