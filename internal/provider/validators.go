package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

var (
	_ validator.String = baseURLValidator{}
	_ validator.String = durationValidator{}
)

// baseURLValidator accepts https URLs, and http only on a loopback host.
type baseURLValidator struct{}

func (baseURLValidator) Description(context.Context) string {
	return "must be an https:// URL, or http:// on a loopback host (127.0.0.0/8, ::1, localhost)"
}

func (v baseURLValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v baseURLValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := httpapi.ParseBaseURL(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid base URL",
			fmt.Sprintf("Attribute %s %s", req.Path, err))
	}
}

// durationValidator accepts a positive Go duration string such as "30s";
// with orZero, "0s" too.
type durationValidator struct{ orZero bool }

func (v durationValidator) Description(context.Context) string {
	if v.orZero {
		return `must be a duration of 0 or more such as "0s", "15m" or "24h"`
	}
	return `must be a positive duration such as "30s" or "2m"`
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v durationValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	raw := req.ConfigValue.ValueString()
	if _, err := v.parse(raw); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration",
			fmt.Sprintf("Attribute %s value %q %s.", req.Path, raw, v.Description(ctx)))
	}
}

// parse reads a duration by the validator's rule.
func (v durationValidator) parse(raw string) (time.Duration, error) {
	d, err := time.ParseDuration(raw)
	switch {
	case err != nil:
		return 0, err
	case d < 0 || (d == 0 && !v.orZero):
		return 0, fmt.Errorf("%q is not above 0", raw)
	}
	return d, nil
}
