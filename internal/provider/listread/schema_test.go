package listread

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// semanticString is a custom string type, as one with semantic equality
// would be.
type semanticString struct{ basetypes.StringType }

func (semanticString) Equal(o attr.Type) bool { _, ok := o.(semanticString); return ok }

func (semanticString) ValueFromString(_ context.Context, v basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return v, nil
}

func TestCheckSchema(t *testing.T) {
	t.Parallel()
	plans := schema.ListNestedAttribute{Computed: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"id":     schema.StringAttribute{Computed: true},
		"amount": schema.NumberAttribute{Computed: true},
		"limits": schema.MapAttribute{Computed: true, ElementType: types.StringType},
		"prices": schema.ListNestedAttribute{Computed: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"unit": schema.StringAttribute{Computed: true},
		}}},
	}}}
	tests := []struct {
		name    string
		schema  schema.Schema
		wantErr string // empty: supported
	}{
		{"scalars, maps and lists of nested objects are supported", schema.Schema{Attributes: map[string]schema.Attribute{
			"plans": plans, "total": schema.Int64Attribute{Computed: true}, "ids": schema.SetAttribute{Optional: true, ElementType: types.StringType},
			"include": schema.BoolAttribute{Optional: true},
		}}, ""},
		{"a nested block is refused", schema.Schema{Blocks: map[string]schema.Block{
			"filter": schema.ListNestedBlock{NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{"name": schema.StringAttribute{Optional: true}}}},
		}}, `block "filter"`},
		{"a custom type is refused", schema.Schema{Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{Computed: true, CustomType: semanticString{}},
		}}, `attribute "name"`},
		{"a custom type deep in a nested object is refused", schema.Schema{Attributes: map[string]schema.Attribute{
			"plans": schema.ListNestedAttribute{Computed: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"when": schema.StringAttribute{Computed: true, CustomType: semanticString{}},
			}}},
		}}, `"when"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := CheckSchema(tt.schema)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("want no error, got %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("want an error naming %s, got %v", tt.wantErr, err)
			}
		})
	}
}
