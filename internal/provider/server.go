package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

// NewProtocol6Server returns the factory of the provider's protocol server,
// for tf6server.Serve and for acceptance tests. Each server gets its own
// provider, so servers running side by side never share a configuration.
//
// The server is the plugin framework's, except for reading list data
// sources (datasources.ListDataSource): after the data source's own Read
// the framework walks and re-encodes the whole state several times, which
// for 10,000 plans costs seconds and over a gigabyte of allocations, so the
// server reads those data sources itself and writes their state straight to
// the wire. Everything else (schemas, validation, configuration, the other
// data sources, functions) is the framework's.
func NewProtocol6Server(version string) func() (tfprotov6.ProviderServer, error) {
	return func() (tfprotov6.ProviderServer, error) {
		p := &PricingProvider{version: version, secrets: httpapi.NewRedactor()}
		framework, err := providerserver.NewProtocol6WithError(p)()
		if err != nil {
			return nil, err
		}
		return &server{ProviderServer: framework, provider: p, lists: listDataSources(context.Background(), p)}, nil
	}
}

type server struct {
	tfprotov6.ProviderServer

	provider *PricingProvider
	lists    map[string]listDataSource // by data source type name
}

// listDataSource is what reading one list data source type needs.
type listDataSource struct {
	newDataSource func() datasource.DataSource
	schema        schema.Schema
	stateType     tftypes.Type
}

func listDataSources(ctx context.Context, p *PricingProvider) map[string]listDataSource {
	var meta provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &meta)

	lists := map[string]listDataSource{}
	for _, newDataSource := range p.DataSources(ctx) {
		ds := newDataSource()
		if _, ok := ds.(datasources.ListDataSource); !ok {
			continue
		}
		var md datasource.MetadataResponse
		ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: meta.TypeName}, &md)
		var sr datasource.SchemaResponse
		ds.Schema(ctx, datasource.SchemaRequest{}, &sr)
		lists[md.TypeName] = listDataSource{
			newDataSource: newDataSource,
			schema:        sr.Schema,
			stateType:     sr.Schema.Type().TerraformType(ctx),
		}
	}
	return lists
}

func (s *server) readDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	list, ok := s.lists[req.TypeName]
	if !ok {
		return s.ProviderServer.ReadDataSource(ctx, req)
	}
	state, diags := list.read(ctx, s.provider.configured.Load(), req.Config)
	resp := &tfprotov6.ReadDataSourceResponse{Diagnostics: protocolDiagnostics(ctx, diags)}
	if !diags.HasError() {
		resp.State = &tfprotov6.DynamicValue{MsgPack: state}
	}
	return resp, nil
}

func (l listDataSource) read(ctx context.Context, data *datasources.ProviderData, rawConfig *tfprotov6.DynamicValue) ([]byte, diag.Diagnostics) {
	var diags diag.Diagnostics
	if data == nil || rawConfig == nil {
		diags.AddError("Provider not configured",
			"Terraform asked to read a data source before configuring the provider or without its configuration. "+
				"This is a bug in Terraform or in the provider; please report it.")
		return nil, diags
	}
	config, err := rawConfig.Unmarshal(l.stateType)
	if err != nil {
		diags.AddError("Unable to read the data source's configuration",
			"This is a bug in Terraform or in the provider; please report it: "+err.Error())
		return nil, diags
	}

	ds := l.newDataSource().(datasources.ListDataSource) //nolint:forcetypeassert // listDataSources keeps only these
	var configured datasource.ConfigureResponse
	ds.Configure(ctx, datasource.ConfigureRequest{ProviderData: data}, &configured)
	if diags.Append(configured.Diagnostics...); diags.HasError() {
		return nil, diags
	}

	state, readDiags := datasources.ReadListState(ctx, ds, tfsdk.Config{Raw: config, Schema: l.schema})
	diags.Append(readDiags...)
	if diags.HasError() {
		return nil, diags
	}
	tflog.Debug(ctx, "Read list data source", map[string]any{"state_bytes": len(state)})
	if len(state) > maxStateBytes {
		diags.AddError("Listing too large for Terraform",
			fmt.Sprintf("The data source's state is %d bytes, more than the %d this provider hands Terraform in one message "+
				"(Terraform refuses messages over 256 MiB). Narrow the listing with its filters, or lower max_listing_bytes so the read fails sooner.",
				len(state), maxStateBytes))
		return nil, diags
	}
	return state, diags
}

// maxStateBytes keeps a list data source's state under Terraform's 256 MiB
// limit on one plugin message, with room for the rest of the response, so
// that the provider's own error, not the protocol's, is what a user sees.
const maxStateBytes = 224 << 20

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
