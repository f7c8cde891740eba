package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// A ListDataSource's state holds a whole price list: thousands of objects
// for a large catalogue. The framework's read path handles a state that size
// in seconds, so the provider's protocol server reads these data sources
// with ReadListState instead, which writes the state's wire format straight
// from the model. Read, the framework's path, reads the same model.
type ListDataSource interface {
	datasource.DataSourceWithConfigure

	// ReadModel reads the list for a configuration and returns the model
	// to store as the data source's state: a pointer to its model struct.
	ReadModel(ctx context.Context, config tfsdk.Config) (model any, diags diag.Diagnostics)
}

// ReadListState reads a list data source and returns its state in
// Terraform's wire format (MessagePack), for the provider's protocol server.
func ReadListState(ctx context.Context, d ListDataSource, config tfsdk.Config) ([]byte, diag.Diagnostics) {
	model, diags := d.ReadModel(ctx, config)
	if diags.HasError() {
		return nil, diags
	}
	state, err := encodeState(ctx, model, config.Schema.Type().TerraformType(ctx))
	if err != nil {
		diags.AddError("Unable to write the data source's state", "This is a bug in the provider; please report it: "+err.Error())
		return nil, diags
	}
	return state, diags
}

// readList is the Read of every ListDataSource: the framework's own path,
// for servers that do not call ReadListState.
func readList(ctx context.Context, d ListDataSource, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	model, diags := d.ReadModel(ctx, req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}
