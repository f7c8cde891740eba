package listread

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// DataSource is a list data source: its ReadModel is the read its
// framework Read also uses, so both paths give the same state.
type DataSource interface {
	datasource.DataSourceWithConfigure

	// ReadModel reads the list for a configuration and returns the model
	// to store as the data source's state: a pointer to its model struct.
	ReadModel(ctx context.Context, config tfsdk.Config) (model any, diags diag.Diagnostics)
}

// Lists reads the list data sources of one provider.
type Lists struct {
	byType map[string]list
}

// list is what reading one list data source type needs.
type list struct {
	newDataSource func() datasource.DataSource
	schema        schema.Schema
	stateType     tftypes.Type
}

// New finds, among a provider's data sources, the list data sources whose
// schemas the direct path supports (see CheckSchema).
func New(ctx context.Context, providerTypeName string, dataSources []func() datasource.DataSource) *Lists {
	l := &Lists{byType: map[string]list{}}
	for _, newDataSource := range dataSources {
		ds := newDataSource()
		if _, ok := ds.(DataSource); !ok {
			continue
		}
		var md datasource.MetadataResponse
		ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: providerTypeName}, &md)
		var sr datasource.SchemaResponse
		ds.Schema(ctx, datasource.SchemaRequest{}, &sr)
		if err := CheckSchema(sr.Schema); err != nil {
			tflog.Warn(ctx, "List data source served by the framework", map[string]any{"data_source": md.TypeName, "reason": err.Error()})
			continue
		}
		l.byType[md.TypeName] = list{newDataSource: newDataSource, schema: sr.Schema, stateType: sr.Schema.Type().TerraformType(ctx)}
	}
	return l
}

// Serves reports whether Read serves a data source type.
func (l *Lists) Serves(typeName string) bool {
	_, ok := l.byType[typeName]
	return ok
}

// Read serves ReadDataSource for a type that Serves; providerData is what
// the provider's Configure handed the data sources (nil before it ran).
func (l *Lists) Read(ctx context.Context, providerData any, req *tfprotov6.ReadDataSourceRequest) *tfprotov6.ReadDataSourceResponse {
	state, diags := l.byType[req.TypeName].read(ctx, providerData, req.Config)
	resp := &tfprotov6.ReadDataSourceResponse{Diagnostics: protocolDiagnostics(ctx, diags)}
	if !diags.HasError() {
		resp.State = &tfprotov6.DynamicValue{MsgPack: state}
	}
	return resp
}

func (l list) read(ctx context.Context, providerData any, rawConfig *tfprotov6.DynamicValue) ([]byte, diag.Diagnostics) {
	var diags diag.Diagnostics
	if providerData == nil || rawConfig == nil || l.newDataSource == nil {
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

	ds := l.newDataSource().(DataSource) //nolint:forcetypeassert // New keeps only these
	var configured datasource.ConfigureResponse
	ds.Configure(ctx, datasource.ConfigureRequest{ProviderData: providerData}, &configured)
	if diags.Append(configured.Diagnostics...); diags.HasError() {
		return nil, diags
	}

	state, readDiags := ReadState(ctx, ds, tfsdk.Config{Raw: config, Schema: l.schema})
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

// ReadState reads a list data source and returns its state in Terraform's
// wire format (MessagePack).
func ReadState(ctx context.Context, d DataSource, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	model, diags := d.ReadModel(ctx, config)
	if diags.HasError() {
		return nil, diags
	}
	state, err := EncodeState(ctx, model, config.Schema.Type().TerraformType(ctx))
	if err != nil {
		diags.AddError("Unable to write the data source's state", "This is a bug in the provider; please report it: "+err.Error())
		return nil, diags
	}
	return state, diags
}
