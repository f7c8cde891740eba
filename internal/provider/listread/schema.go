package listread

import (
	"errors"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// CheckSchema reports what in a data source schema the direct path does
// not reproduce: nested blocks (the framework reifies their nulls) and any
// type that is not one of the framework's base types (a custom type may
// implement semantic equality, which the framework applies after Read).
func CheckSchema(s schema.Schema) error {
	var errs []error
	for _, name := range sortedKeys(s.Blocks) {
		errs = append(errs, fmt.Errorf("block %q: nested blocks are not supported", name))
	}
	for _, name := range sortedKeys(s.Attributes) {
		if err := checkType(s.Attributes[name].GetType()); err != nil {
			errs = append(errs, fmt.Errorf("attribute %q: %w", name, err))
		}
	}
	return errors.Join(errs...)
}

func checkType(t attr.Type) error {
	switch t := t.(type) {
	case basetypes.StringType, basetypes.Int64Type, basetypes.BoolType, basetypes.NumberType:
		return nil
	case basetypes.ListType:
		return checkType(t.ElemType)
	case basetypes.SetType:
		return checkType(t.ElemType)
	case basetypes.MapType:
		return checkType(t.ElemType)
	case basetypes.ObjectType:
		for _, name := range sortedKeys(t.AttrTypes) {
			if err := checkType(t.AttrTypes[name]); err != nil {
				return fmt.Errorf("%q: %w", name, err)
			}
		}
		return nil
	}
	return fmt.Errorf("type %T is not a framework base type (custom types may carry semantic equality)", t)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
