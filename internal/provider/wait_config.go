package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// The bounds of one read's waiting, and their environment fallbacks.
const (
	envRateLimitWait = "PRICING_RATE_LIMIT_WAIT"
	envReadTimeout   = "PRICING_READ_TIMEOUT"
	fleetFolderName  = "fleet"
)

// waitAttributes are the provider settings that bound a read's waiting.
func waitAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"rate_limit_wait": schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("Most time one read may spend waiting out a vendor's throttling: a `429`, or a `503` with `Retry-After`. "+
				"Throttling is not an error: each such answer is waited out as the vendor asks (`Retry-After` in seconds or as a date, "+
				"`X-RateLimit-Reset` as a Unix time, `X-Rate-Limit-Reset` as seconds), and is not counted against `max_retries`. "+
				"Past this bound the read fails, saying how many times it was throttled, over how long, and what the vendor last asked; "+
				"a read that has waited more than a few seconds says so in the log at INFO. It counts within `read_timeout`, which ends the "+
				"read first if it is the shorter. A Go duration; falls back to `%s`; defaults to `%q`.", envRateLimitWait, httpapi.DefaultRateLimitWait.String()),
			Optional:   true,
			Validators: []validator.String{durationValidator{}},
		},
		"read_timeout": schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("Most time one whole read may take: every page, retry, pacing wait, throttling wait (`rate_limit_wait`) "+
				"and the wait for another process reading the same listing into a shared cache folder. Past it the read fails naming the vendor, "+
				"the endpoint, the pages read and this bound. `request_timeout` bounds each request within it. A Go duration; falls back to `%s`; "+
				"defaults to `%q`.", envReadTimeout, httpapi.DefaultReadTimeout.String()),
			Optional:   true,
			Validators: []validator.String{durationValidator{}},
		},
	}
}

// waitSettings reads rate_limit_wait and read_timeout, else their
// environment variables; unset, the shared layer's defaults apply.
func waitSettings(ctx context.Context, config tfsdk.Config, cfg *httpapi.Config) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, s := range []struct {
		name, env string
		target    *time.Duration
	}{
		{"rate_limit_wait", envRateLimitWait, &cfg.RateLimitWait},
		{"read_timeout", envReadTimeout, &cfg.ReadTimeout},
	} {
		var v types.String
		diags.Append(config.GetAttribute(ctx, path.Root(s.name), &v)...)
		raw, src := valueOrEnv(&diags, path.Root(s.name), v, []string{s.env})
		if raw == "" {
			continue
		}
		d, err := durationValidator{}.parse(strings.TrimSpace(raw))
		if err != nil && src == "" {
			continue // the attribute's validator has said so
		}
		if err != nil {
			diags.AddAttributeError(path.Root(s.name), "Invalid duration", fmt.Sprintf(
				"The %s environment variable (used for %s) is %q: it must be a positive Go duration such as \"30s\" or \"2m\".", src, s.name, raw))
			continue
		}
		*s.target = d
	}
	return diags
}

// openFleet opens the folder the machine's provider processes share their
// vendor limits and cache-entry locks through: under the cache folder when
// there is one, else under the user's cache folder. Where none can be
// used (a read-only file system), each process paces itself alone.
func openFleet(ctx context.Context, cache *httpapi.Cache) *httpapi.Fleet {
	var dir string
	if cache != nil {
		dir = filepath.Join(cache.Dir(), fleetFolderName)
	} else if base, err := os.UserCacheDir(); err == nil {
		dir = filepath.Join(base, cacheFolderName, fleetFolderName)
	}
	if dir == "" {
		tflog.Debug(ctx, "Pacing each vendor in this process alone: no user cache folder to share limits through")
		return nil
	}
	f, err := httpapi.OpenFleet(dir)
	if err != nil {
		tflog.Debug(ctx, "Pacing each vendor in this process alone: the shared folder is not usable", map[string]any{"error": err.Error()})
		return nil
	}
	return f
}
