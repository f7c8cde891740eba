package datasources

import (
	"context"
	"fmt"
	"reflect"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// setListState writes a list data source's model to its state. The
// framework's State.Set converts a model element by element through its
// reflection package, which for a price list of 10,000 plans takes seconds;
// a model made of attr.Values and slices of such structs converts directly,
// and identically (see TestSetListStateMatchesStateSet).
func setListState(ctx context.Context, state *tfsdk.State, model any) diag.Diagnostics {
	var diags diag.Diagnostics
	raw, err := encodeModel(ctx, reflect.ValueOf(model), state.Schema.Type().TerraformType(ctx))
	if err != nil {
		diags.AddError("Unable to write the data source's state",
			"This is a bug in the provider; please report it: "+err.Error())
		return diags
	}
	state.Raw = raw
	return diags
}

var attrValueType = reflect.TypeFor[attr.Value]()

func encodeModel(ctx context.Context, v reflect.Value, typ tftypes.Type) (out tftypes.Value, err error) {
	defer func() {
		// tftypes.NewValue panics on a value that does not fit its type.
		if r := recover(); r != nil {
			err = fmt.Errorf("value does not fit %s: %v", typ, r)
		}
	}()
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return tftypes.NewValue(typ, nil), nil
		}
		v = v.Elem()
	}
	if v.Type().Implements(attrValueType) {
		return v.Interface().(attr.Value).ToTerraformValue(ctx) //nolint:forcetypeassert // checked by Implements
	}
	switch v.Kind() {
	case reflect.Struct:
		return encodeStruct(ctx, v, typ)
	case reflect.Slice:
		return encodeSlice(ctx, v, typ)
	}
	return tftypes.Value{}, fmt.Errorf("cannot encode a %s", v.Type())
}

func encodeStruct(ctx context.Context, v reflect.Value, typ tftypes.Type) (tftypes.Value, error) {
	obj, ok := typ.(tftypes.Object)
	if !ok {
		return tftypes.Value{}, fmt.Errorf("%s holds a %s, not an object", typ, v.Type())
	}
	fields := fieldsByTag(v.Type())
	if len(fields) != len(obj.AttributeTypes) {
		return tftypes.Value{}, fmt.Errorf("%s has %d tfsdk fields for %d attributes", v.Type(), len(fields), len(obj.AttributeTypes))
	}
	vals := make(map[string]tftypes.Value, len(obj.AttributeTypes))
	for name, at := range obj.AttributeTypes {
		index, ok := fields[name]
		if !ok {
			return tftypes.Value{}, fmt.Errorf("%s has no field for attribute %q", v.Type(), name)
		}
		fv, err := encodeModel(ctx, v.FieldByIndex(index), at)
		if err != nil {
			return tftypes.Value{}, fmt.Errorf("%s: %w", name, err)
		}
		vals[name] = fv
	}
	return tftypes.NewValue(obj, vals), nil
}

func encodeSlice(ctx context.Context, v reflect.Value, typ tftypes.Type) (tftypes.Value, error) {
	list, ok := typ.(tftypes.List)
	if !ok {
		return tftypes.Value{}, fmt.Errorf("%s holds a %s, not a list", typ, v.Type())
	}
	if v.IsNil() {
		return tftypes.NewValue(list, nil), nil
	}
	elems := make([]tftypes.Value, v.Len())
	for i := range elems {
		ev, err := encodeModel(ctx, v.Index(i), list.ElementType)
		if err != nil {
			return tftypes.Value{}, fmt.Errorf("[%d]: %w", i, err)
		}
		elems[i] = ev
	}
	return tftypes.NewValue(list, elems), nil
}

var fieldIndexes sync.Map // reflect.Type -> map[string][]int

// fieldsByTag maps each tfsdk tag of a model struct, embedded structs
// included, to its field index; computed once per type.
func fieldsByTag(t reflect.Type) map[string][]int {
	if m, ok := fieldIndexes.Load(t); ok {
		return m.(map[string][]int) //nolint:forcetypeassert // only this function stores
	}
	m := map[string][]int{}
	for _, f := range reflect.VisibleFields(t) {
		if tag := f.Tag.Get("tfsdk"); tag != "" && tag != "-" {
			m[tag] = f.Index
		}
	}
	fieldIndexes.Store(t, m)
	return m
}
