package provider

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// The fleet's bucket behind the cache folder (issue 30) and its
// environment fallbacks.
const (
	envCacheS3Bucket       = "PRICING_CACHE_S3_BUCKET"
	envCacheS3Prefix       = "PRICING_CACHE_S3_PREFIX"
	envCacheS3Region       = "PRICING_CACHE_S3_REGION"
	envCacheS3Endpoint     = "PRICING_CACHE_S3_ENDPOINT"
	envCacheS3UsePathStyle = "PRICING_CACHE_S3_USE_PATH_STYLE"
)

var (
	cacheS3Path = cachePath.AtName("s3")
	// S3's bucket naming rules, with "_" for older and non-AWS buckets.
	bucketNamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$`)
	regionPattern     = regexp.MustCompile(`^[a-z0-9-]{1,32}$`)
)

func cacheS3Schema() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: fmt.Sprintf("Snapshots shared by a fleet of machines through S3-compatible object storage (AWS S3, MinIO, "+
			"Cloudflare R2, Ceph, GCS): the folder is a first level in front of the bucket; of machines missing an entry, one reads the "+
			"vendor (holding a lease, a lock object made by a conditional write) and the others wait for its entry. Credentials come from "+
			"the standard AWS chain. A bucket that is unreachable or refuses access is one warning, and reads go to the vendor. Setting `%s` "+
			"turns the cache on. See the guide \"Sharing snapshots across a fleet\".", envCacheS3Bucket),
		Optional: true,
		Attributes: map[string]schema.Attribute{
			"bucket": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The bucket. Falls back to `%s`.", envCacheS3Bucket),
				Optional:            true, // checked with its environment fallback in useCacheBucket
			},
			"prefix": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Prepended to every object name, such as `pricing/v1`. Falls back to `%s`.", envCacheS3Prefix),
				Optional:            true,
			},
			"region": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The bucket's region. Falls back to `%s`, then the AWS chain's (`AWS_REGION`, the profile), then `us-east-1`.", envCacheS3Region),
				Optional:            true,
			},
			"endpoint": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The S3 API's URL for a service other than AWS S3 (MinIO, R2, Ceph, GCS). Falls back to `%s`.", envCacheS3Endpoint),
				Optional:            true,
			},
			"use_path_style": schema.BoolAttribute{
				MarkdownDescription: fmt.Sprintf("Address the bucket in the path (`https://host/bucket/key`), as MinIO and Ceph need. Falls back to `%s`; defaults to `false`.", envCacheS3UsePathStyle),
				Optional:            true,
			},
		},
	}
}

// cacheS3Configured reports whether the environment turns the bucket on.
func cacheS3Configured() bool { return os.Getenv(envCacheS3Bucket) != "" }

// useCacheBucket reads cache.s3 and its fallbacks and puts the bucket
// behind c; nothing when no bucket is named.
func useCacheBucket(ctx context.Context, cacheAttrs map[string]attr.Value, c *httpapi.Cache) diag.Diagnostics {
	var diags diag.Diagnostics
	attrs := map[string]attr.Value{}
	if block, ok := cacheAttrs["s3"].(types.Object); ok && !block.IsNull() && !block.IsUnknown() {
		attrs = block.Attributes()
	}
	setting := func(name, env string) string {
		v, _ := valueOrEnv(&diags, cacheS3Path.AtName(name), attrs[name], []string{env})
		return v
	}
	cfg := httpapi.BucketConfig{
		Bucket: setting("bucket", envCacheS3Bucket), Prefix: setting("prefix", envCacheS3Prefix),
		Region: setting("region", envCacheS3Region), Endpoint: setting("endpoint", envCacheS3Endpoint),
	}
	cfg.UsePathStyle = cacheS3PathStyle(&diags, attrs)
	if diags.HasError() || cfg.Bucket == "" && len(attrs) == 0 {
		return diags
	}
	invalid := func(name, value, rule string) {
		diags.AddAttributeError(cacheS3Path.AtName(name), "Invalid cache bucket setting", fmt.Sprintf("cache.s3.%s is %q: %s.", name, value, rule))
	}
	switch {
	case cfg.Bucket == "":
		diags.AddAttributeError(cacheS3Path.AtName("bucket"), "Missing cache bucket",
			fmt.Sprintf("cache.s3 is set but names no bucket: set cache.s3.bucket or %s.", envCacheS3Bucket))
	case !bucketNamePattern.MatchString(cfg.Bucket):
		invalid("bucket", cfg.Bucket, "it must be a bucket name: 3 to 63 lower-case letters, digits, '.', '-' or '_'")
	}
	if p := cfg.Prefix; len(p) > 512 || strings.Contains(p, "..") || strings.ContainsFunc(p, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\\' }) {
		invalid("prefix", p, "it must be at most 512 characters, without '..', backslashes or control characters")
	}
	if cfg.Region != "" && !regionPattern.MatchString(cfg.Region) {
		invalid("region", cfg.Region, "it must be a region name such as eu-west-1 or auto")
	}
	if cfg.Endpoint != "" {
		if reason := checkEndpoint(cfg.Endpoint); reason != "" {
			shown := "(not a URL)"
			if u, err := url.Parse(cfg.Endpoint); err == nil {
				shown = httpapi.RedactURL(u) // user information never shown
			}
			invalid("endpoint", shown, reason)
		}
	}
	if diags.HasError() {
		return diags
	}
	if err := c.UseBucket(ctx, cfg); err != nil {
		// The bucket never fails a plan the vendors would answer.
		diags.AddAttributeWarning(cacheS3Path, "Cache bucket not used", fmt.Sprintf(
			"The cache bucket cannot be used, so this run reads the vendors directly and does not share its reads with the fleet: %s", err))
	}
	return diags
}

// checkEndpoint says why an endpoint cannot be used, or "".
func checkEndpoint(raw string) string {
	u, err := url.Parse(raw)
	switch {
	case err != nil || u.Host == "":
		return "it must be an absolute URL such as https://minio.internal:9000"
	case u.Scheme != "https" && u.Scheme != "http":
		return "its scheme must be https (or http)"
	case u.User != nil:
		return "it must not hold user information: credentials come from the AWS chain"
	case u.RawQuery != "" || u.Fragment != "":
		return "it must not hold a query or a fragment"
	}
	return ""
}

func cacheS3PathStyle(diags *diag.Diagnostics, attrs map[string]attr.Value) bool {
	if b, ok := attrs["use_path_style"].(types.Bool); ok && !b.IsNull() && !b.IsUnknown() {
		return b.ValueBool()
	}
	raw := strings.TrimSpace(os.Getenv(envCacheS3UsePathStyle))
	if raw == "" {
		return false
	}
	b, err := strconv.ParseBool(raw)
	if err != nil {
		diags.AddAttributeError(cacheS3Path.AtName("use_path_style"), "Invalid cache bucket setting",
			fmt.Sprintf("The %s environment variable is %q: it must be true, false, 1 or 0.", envCacheS3UsePathStyle, raw))
	}
	return b
}
