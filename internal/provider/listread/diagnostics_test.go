package listread

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestProtocolDiagnosticsNameTheAttribute(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := []struct {
		name string
		in   diag.Diagnostic
		want tfprotov6.Diagnostic
	}{
		{"an error without an attribute", diag.NewErrorDiagnostic("s", "d"),
			tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityError, Summary: "s", Detail: "d"}},
		{"a warning", diag.NewWarningDiagnostic("s", "d"),
			tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityWarning, Summary: "s", Detail: "d"}},
		{"an error on an attribute", diag.NewAttributeErrorDiagnostic(path.Root("merchant_id"), "s", "d"),
			tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityError, Summary: "s", Detail: "d", Attribute: tftypes.NewAttributePath().WithAttributeName("merchant_id")}},
		{"an error in a list element's map", diag.NewAttributeErrorDiagnostic(path.Root("plans").AtListIndex(3).AtName("limits").AtMapKey("seats"), "s", "d"),
			tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityError, Summary: "s", Detail: "d",
				Attribute: tftypes.NewAttributePath().WithAttributeName("plans").WithElementKeyInt(3).WithAttributeName("limits").WithElementKeyString("seats")}},
		{"a warning on a set element", diag.NewAttributeWarningDiagnostic(path.Root("tags").AtSetValue(types.StringValue("x")), "s", "d"),
			tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityWarning, Summary: "s", Detail: "d",
				Attribute: tftypes.NewAttributePath().WithAttributeName("tags").WithElementKeyValue(tftypes.NewValue(tftypes.String, "x"))}},
	}
	for _, tt := range tests {
		t.Run(tt.name+" converts", func(t *testing.T) {
			t.Parallel()
			got := protocolDiagnostics(ctx, diag.Diagnostics{tt.in})
			if len(got) != 1 {
				t.Fatalf("want one diagnostic, got %d", len(got))
			}
			g, w := got[0], tt.want
			if g.Severity != w.Severity || g.Summary != w.Summary || g.Detail != w.Detail || !g.Attribute.Equal(w.Attribute) {
				t.Fatalf("got %+v (attribute %v), want %+v (attribute %v)", *g, g.Attribute, w, w.Attribute)
			}
		})
	}
}
