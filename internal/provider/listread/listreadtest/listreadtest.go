// Package listreadtest holds the check every list data source's tests share:
// the direct state writer must put a model on the wire exactly as the
// framework's State.Set would.
package listreadtest

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/pricingkit/terraform-provider-pricing/internal/provider/listread"
)

// EncodesAsTheFramework fails t unless listread.EncodeState writes model,
// a state of ds, as the same value State.Set and the framework's encoding
// give, read back as Terraform reads numbers.
func EncodesAsTheFramework(t testing.TB, ds datasource.DataSource, model any) {
	t.Helper()
	ctx := context.Background()
	var schema datasource.SchemaResponse
	ds.Schema(ctx, datasource.SchemaRequest{}, &schema)

	want := tfsdk.State{Schema: schema.Schema}
	if diags := want.Set(ctx, model); diags.HasError() {
		t.Fatalf("State.Set: %v", diags)
	}
	typ := schema.Schema.Type().TerraformType(ctx)
	wire, err := listread.EncodeState(ctx, model, typ)
	if err != nil {
		t.Fatalf("EncodeState: %v", err)
	}
	got, err := (&tfprotov6.DynamicValue{MsgPack: wire}).Unmarshal(typ)
	if err != nil {
		t.Fatalf("reading EncodeState's wire: %v", err)
	}
	// What reaches Terraform is the wire, read back as Terraform reads
	// numbers (512 bits), not the framework's values in memory.
	frameworkWire, err := tfprotov6.NewDynamicValue(typ, want.Raw)
	if err != nil {
		t.Fatalf("the framework's encoding: %v", err)
	}
	wantRead, err := frameworkWire.Unmarshal(typ)
	if err != nil {
		t.Fatalf("reading the framework's wire: %v", err)
	}
	if !got.Equal(wantRead) {
		diffs, _ := got.Diff(wantRead)
		t.Fatalf("EncodeState differs from State.Set in %d places, first: %v", len(diffs), diffs[0])
	}
}
