package datasources

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// filterItems runs f over items of id and name (nil name: "").
func filterItems(f listFilter, items [][2]string) []string {
	var kept []string
	for _, it := range items {
		var name *string
		if it[1] != "" {
			name = &it[1]
		}
		if f.Keep(it[0], name) {
			kept = append(kept, it[0])
		}
	}
	return kept
}

func TestListFilterSemantics(t *testing.T) {
	t.Parallel()
	items := [][2]string{{"plan_1", "Basic Plan 1"}, {"plan_2", "Business Plan 2"}, {"plan_3", ""}, {"plan_4", "Basic Plan 4"}}
	str := func(ids ...string) []types.String {
		out := []types.String{}
		for _, id := range ids {
			out = append(out, types.StringValue(id))
		}
		return out
	}
	tests := []struct {
		name      string
		IDs       []types.String
		nameRegex types.String
		want      string
	}{
		{"no filter keeps every item", nil, types.StringNull(), "plan_1 plan_2 plan_3 plan_4"},
		{"empty ids keep nothing", str(), types.StringNull(), ""},
		{"ids keep those items, in listing order", str("plan_4", "plan_1"), types.StringNull(), "plan_1 plan_4"},
		{"ids the listing does not hold are left out", str("plan_9", "plan_2", "PLAN_1"), types.StringNull(), "plan_2"},
		{"only unknown ids keep nothing", str("plan_9"), types.StringNull(), ""},
		{"name_regex is unanchored", nil, types.StringValue("Basic"), "plan_1 plan_4"},
		{"name_regex anchored", nil, types.StringValue("^Business Plan 2$"), "plan_2"},
		{"a name_regex that matches nothing keeps nothing", nil, types.StringValue("^Enterprise"), ""},
		{"an item without a name never matches name_regex", nil, types.StringValue(".*"), "plan_1 plan_2 plan_4"},
		{"ids and name_regex both apply", str("plan_1", "plan_2"), types.StringValue("Plan"), "plan_1 plan_2"},
		{"ids and name_regex must both match", str("plan_2", "plan_3"), types.StringValue("Basic"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, diags := NewListFilter(tt.IDs, tt.nameRegex)
			if diags.HasError() {
				t.Fatal(diags)
			}
			if got := strings.Join(filterItems(f, items), " "); got != tt.want {
				t.Errorf("kept %q, want %q", got, tt.want)
			}
		})
	}
}

func TestListFilterIntegerIDs(t *testing.T) {
	t.Parallel()
	f, diags := NewListFilter([]types.Int64{types.Int64Value(7), types.Int64Value(12)}, types.StringNull())
	if diags.HasError() {
		t.Fatal(diags)
	}
	if got := strings.Join(filterItems(f, [][2]string{{"7", "a"}, {"8", "b"}, {"12", "c"}, {"120", "d"}}), " "); got != "7 12" {
		t.Errorf("kept %q, want \"7 12\"", got)
	}
}

func TestListFilterRefusesAnInvalidRegexAgainstItsAttribute(t *testing.T) {
	t.Parallel()
	_, diags := NewListFilter([]types.String(nil), types.StringValue("Basic (Plan"))
	if !diags.HasError() {
		t.Fatal("an invalid name_regex was accepted")
	}
	if got := diags.Errors()[0].Detail(); !strings.Contains(got, `name_regex = "Basic (Plan"`) || !strings.Contains(got, "missing closing )") {
		t.Errorf("detail = %s", got)
	}
}

func TestRegexValidator(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		value   types.String
		wantErr string
	}{
		{types.StringValue(`^Basic Plan \d+$`), ""},
		{types.StringValue(""), ""},
		{types.StringNull(), ""},
		{types.StringUnknown(), ""},
		{types.StringValue("Basic (Plan"), `name_regex = "Basic (Plan" is not a valid regular expression: error parsing regexp: missing closing ): ` + "`Basic (Plan`" + `. It must compile as Go's RE2 syntax`},
		{types.StringValue(`(?<name>x)\`), `name_regex = "(?<name>x)\\" is not a valid regular expression`},
		{types.StringValue(`a{2000}`), "invalid repeat count"},
	} {
		var resp validator.StringResponse
		regexValidator{}.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("name_regex"), ConfigValue: tt.value}, &resp)
		switch {
		case tt.wantErr == "" && resp.Diagnostics.HasError():
			t.Errorf("%s: unexpected error %v", tt.value, resp.Diagnostics)
		case tt.wantErr != "" && !resp.Diagnostics.HasError():
			t.Errorf("%s: accepted, want an error", tt.value)
		case tt.wantErr != "":
			d := resp.Diagnostics.Errors()[0]
			if !strings.Contains(d.Detail(), tt.wantErr) || d.Summary() != "Invalid regular expression" {
				t.Errorf("%s: %s: %s\nwant detail containing %s", tt.value, d.Summary(), d.Detail(), tt.wantErr)
			}
		}
	}
}
