package listread

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// protocolDiagnostics converts the framework's diagnostics to the
// protocol's, as the framework does for the reads it serves itself.
func protocolDiagnostics(ctx context.Context, diags diag.Diagnostics) []*tfprotov6.Diagnostic {
	out := make([]*tfprotov6.Diagnostic, 0, len(diags))
	for _, d := range diags {
		pd := &tfprotov6.Diagnostic{
			Severity: tfprotov6.DiagnosticSeverityInvalid,
			Summary:  d.Summary(),
			Detail:   d.Detail(),
		}
		switch d.Severity() {
		case diag.SeverityError:
			pd.Severity = tfprotov6.DiagnosticSeverityError
		case diag.SeverityWarning:
			pd.Severity = tfprotov6.DiagnosticSeverityWarning
		}
		if withPath, ok := d.(diag.DiagnosticWithPath); ok {
			attribute, err := attributePath(ctx, withPath.Path())
			if err != nil {
				pd.Detail += fmt.Sprintf("\n\n(The provider could not name the attribute: %s.)", err)
			}
			pd.Attribute = attribute
		}
		out = append(out, pd)
	}
	return out
}

func attributePath(ctx context.Context, p path.Path) (*tftypes.AttributePath, error) {
	out := tftypes.NewAttributePath()
	for _, step := range p.Steps() {
		switch step := step.(type) {
		case path.PathStepAttributeName:
			out = out.WithAttributeName(string(step))
		case path.PathStepElementKeyInt:
			out = out.WithElementKeyInt(int(step))
		case path.PathStepElementKeyString:
			out = out.WithElementKeyString(string(step))
		case path.PathStepElementKeyValue:
			v, err := step.ToTerraformValue(ctx)
			if err != nil {
				return nil, err
			}
			out = out.WithElementKeyValue(v)
		default:
			return nil, fmt.Errorf("unknown path step %T", step)
		}
	}
	return out, nil
}
