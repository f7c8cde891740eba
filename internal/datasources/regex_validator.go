package datasources

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var nameRegexPath = path.Root("name_regex")

const invalidRegexSummary = "Invalid regular expression"

func invalidRegexDetail(attribute, value string, err error) string {
	return fmt.Sprintf("%s = %q is not a valid regular expression: %s. "+
		"It must compile as Go's RE2 syntax (the syntax of Terraform's regex()); escape a literal \\ . ( [ { * + ? or | with a backslash.",
		attribute, value, err)
}

// regexValidator fails a string that does not compile as a regular
// expression, at plan time, naming the attribute, the value and the rule.
type regexValidator struct{}

var _ validator.String = regexValidator{}

func (regexValidator) Description(context.Context) string {
	return "value must be a valid RE2 regular expression"
}

func (v regexValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (regexValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := regexp.Compile(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, invalidRegexSummary, invalidRegexDetail(req.Path.String(), req.ConfigValue.ValueString(), err))
	}
}
