package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func s3Block(values map[string]attr.Value) map[string]attr.Value {
	attrTypes := map[string]attr.Type{
		"bucket": types.StringType, "prefix": types.StringType, "region": types.StringType,
		"endpoint": types.StringType, "use_path_style": types.BoolType,
	}
	full := map[string]attr.Value{
		"bucket": types.StringNull(), "prefix": types.StringNull(), "region": types.StringNull(),
		"endpoint": types.StringNull(), "use_path_style": types.BoolNull(),
	}
	for k, v := range values {
		full[k] = v
	}
	return map[string]attr.Value{"s3": types.ObjectValueMust(attrTypes, full)}
}

func TestCacheBucketSettingsAreCheckedNamingAttributeValueAndRule(t *testing.T) {
	for _, env := range []string{envCacheS3Bucket, envCacheS3Prefix, envCacheS3Region, envCacheS3Endpoint, envCacheS3UsePathStyle} {
		t.Setenv(env, "")
	}
	cases := []struct {
		name  string
		attrs map[string]attr.Value
		env   map[string]string
		want  string // "" : accepted
	}{
		{name: "a named bucket with an endpoint is accepted", attrs: s3Block(map[string]attr.Value{"bucket": types.StringValue("pricing-cache"), "endpoint": types.StringValue("http://127.0.0.1:9000")})},
		{name: "a bucket from the environment is accepted", attrs: map[string]attr.Value{}, env: map[string]string{envCacheS3Bucket: "pricing-cache", envCacheS3UsePathStyle: "true"}},
		{name: "an s3 block without a bucket is refused", attrs: s3Block(map[string]attr.Value{"prefix": types.StringValue("p")}), want: "names no bucket"},
		{name: "a bucket name with capitals is refused", attrs: s3Block(map[string]attr.Value{"bucket": types.StringValue("Pricing")}), want: `cache.s3.bucket is "Pricing": it must be a bucket name`},
		{name: "an endpoint holding credentials is refused without showing them", attrs: s3Block(map[string]attr.Value{"bucket": types.StringValue("b-1"), "endpoint": types.StringValue("https://AKIAX:s3cr3t@minio.internal")}), want: "user information"},
		{name: "an endpoint that is not http is refused", attrs: s3Block(map[string]attr.Value{"bucket": types.StringValue("b-1"), "endpoint": types.StringValue("ftp://minio.internal")}), want: "scheme"},
		{name: "a prefix climbing out is refused", attrs: s3Block(map[string]attr.Value{"bucket": types.StringValue("b-1"), "prefix": types.StringValue("a/../b")}), want: "without '..'"},
		{name: "a path style that is not a boolean is refused", attrs: map[string]attr.Value{}, env: map[string]string{envCacheS3Bucket: "b-1", envCacheS3UsePathStyle: "yes"}, want: `is "yes": it must be true, false, 1 or 0`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			cache, err := httpapi.OpenCache(t.TempDir(), 0, 0, 0, false)
			if err != nil {
				t.Fatal(err)
			}
			diags := useCacheBucket(context.Background(), c.attrs, cache)
			text := ""
			for _, d := range diags.Errors() {
				text += d.Detail()
			}
			switch {
			case c.want == "" && diags.HasError():
				t.Fatalf("refused: %s", text)
			case c.want != "" && !strings.Contains(text, c.want):
				t.Fatalf("diagnostics %q, want one saying %q", text, c.want)
			case strings.Contains(text, "s3cr3t"):
				t.Errorf("a diagnostic shows the endpoint's password: %s", text)
			}
		})
	}
}
