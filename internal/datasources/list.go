package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// ListDataSource is a data source whose state holds a whole price list: thousands of objects
// for a large catalogue. The framework's read path handles a state that size
// in seconds, so the provider's protocol server reads these data sources
// through ReadModel and writes the state's wire format itself
// (internal/provider/listread). Read, the framework's path, reads the same
// model, so both paths give the same state.
type ListDataSource interface {
	datasource.DataSourceWithConfigure

	// ReadModel reads the list for a configuration and returns the model
	// to store as the data source's state: a pointer to its model struct.
	ReadModel(ctx context.Context, config tfsdk.Config) (model any, diags diag.Diagnostics)
}

// ReadList is the Read of every list data source: the framework's own
// path, for servers that do not read the list directly.
func ReadList(ctx context.Context, d ListDataSource, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	model, diags := d.ReadModel(ctx, req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
}
