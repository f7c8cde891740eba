package datasources

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"math/big"
	"reflect"
	"slices"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/vmihailenco/msgpack/v5"
)

// encodeState writes a model (a struct of attr.Values, slices of such
// structs and pointers to either) as typ in Terraform's wire format: the
// MessagePack that tftypes.Value.MarshalMsgPack writes for the same value.
//
// It exists for the list data sources. Going through the framework (the
// model to tftypes.Value, then the framework's walks over the whole state,
// then MarshalMsgPack) costs about 2.5 s and 1.5 GB of allocations for
// 10,000 Paygentic plans; writing the bytes straight from the model costs a
// few tens of milliseconds. TestListReadsMatchFramework holds the result to
// the framework's own for every list data source.
func encodeState(ctx context.Context, model any, typ tftypes.Type) (state []byte, err error) {
	var buf bytes.Buffer
	enc := msgpack.NewEncoder(&buf)
	if err := encodeModel(ctx, enc, reflect.ValueOf(model), typ); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var attrValueType = reflect.TypeFor[attr.Value]()

func encodeModel(ctx context.Context, enc *msgpack.Encoder, v reflect.Value, typ tftypes.Type) error {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return enc.EncodeNil()
		}
		v = v.Elem()
	}
	if v.Type().Implements(attrValueType) {
		return encodeAttrValue(ctx, enc, v.Interface().(attr.Value), typ) //nolint:forcetypeassert // checked by Implements
	}
	switch v.Kind() {
	case reflect.Struct:
		return encodeStruct(ctx, enc, v, typ)
	case reflect.Slice:
		return encodeSlice(ctx, enc, v, typ)
	}
	return fmt.Errorf("cannot encode a %s", v.Type())
}

func encodeStruct(ctx context.Context, enc *msgpack.Encoder, v reflect.Value, typ tftypes.Type) error {
	obj, ok := typ.(tftypes.Object)
	if !ok {
		return fmt.Errorf("%s holds a %s, not an object", typ, v.Type())
	}
	fields, err := objectFields(v.Type(), obj)
	if err != nil {
		return err
	}
	if err := enc.EncodeMapLen(len(fields)); err != nil {
		return err
	}
	for _, f := range fields {
		if err := enc.EncodeString(f.name); err != nil {
			return err
		}
		if err := encodeModel(ctx, enc, v.FieldByIndex(f.index), obj.AttributeTypes[f.name]); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
	}
	return nil
}

func encodeSlice(ctx context.Context, enc *msgpack.Encoder, v reflect.Value, typ tftypes.Type) error {
	list, ok := typ.(tftypes.List)
	if !ok {
		return fmt.Errorf("%s holds a %s, not a list", typ, v.Type())
	}
	if v.IsNil() {
		return enc.EncodeNil()
	}
	if err := enc.EncodeArrayLen(v.Len()); err != nil {
		return err
	}
	for i := range v.Len() {
		if err := encodeModel(ctx, enc, v.Index(i), list.ElementType); err != nil {
			return fmt.Errorf("[%d]: %w", i, err)
		}
	}
	return nil
}

// encodeAttrValue writes the scalar values that make up nearly all of a
// price list directly, and anything else through its tftypes.Value.
func encodeAttrValue(ctx context.Context, enc *msgpack.Encoder, v attr.Value, typ tftypes.Type) error {
	if !v.Type(ctx).TerraformType(ctx).Equal(typ) {
		return fmt.Errorf("%s holds a %s", typ, v.Type(ctx))
	}
	switch {
	case v.IsUnknown():
		return encodeUnknown(enc)
	case v.IsNull():
		return enc.EncodeNil()
	}
	switch v := v.(type) {
	case basetypes.StringValue:
		return enc.EncodeString(v.ValueString())
	case basetypes.Int64Value:
		return enc.EncodeInt(v.ValueInt64())
	case basetypes.BoolValue:
		return enc.EncodeBool(v.ValueBool())
	case basetypes.NumberValue:
		return encodeNumber(enc, v.ValueBigFloat())
	}
	tv, err := v.ToTerraformValue(ctx)
	if err != nil {
		return err
	}
	return encodeTerraformValue(enc, tv, typ)
}

// encodeTerraformValue is tftypes' MarshalMsgPack for the types a schema of
// this provider uses, with map keys sorted so the bytes are reproducible.
func encodeTerraformValue(enc *msgpack.Encoder, v tftypes.Value, typ tftypes.Type) error {
	switch {
	case !v.IsKnown():
		return encodeUnknown(enc)
	case v.IsNull():
		return enc.EncodeNil()
	}
	switch typ := typ.(type) {
	case tftypes.List, tftypes.Set, tftypes.Tuple:
		var elems []tftypes.Value
		if err := v.As(&elems); err != nil {
			return err
		}
		if err := enc.EncodeArrayLen(len(elems)); err != nil {
			return err
		}
		for i, e := range elems {
			if err := encodeTerraformValue(enc, e, elementType(typ, i)); err != nil {
				return err
			}
		}
		return nil
	case tftypes.Map, tftypes.Object:
		var attrs map[string]tftypes.Value
		if err := v.As(&attrs); err != nil {
			return err
		}
		keys := slices.Sorted(maps.Keys(attrs))
		if err := enc.EncodeMapLen(len(keys)); err != nil {
			return err
		}
		for _, k := range keys {
			if err := enc.EncodeString(k); err != nil {
				return err
			}
			if err := encodeTerraformValue(enc, attrs[k], attributeType(typ, k)); err != nil {
				return err
			}
		}
		return nil
	}
	switch {
	case typ.Is(tftypes.String):
		var s string
		if err := v.As(&s); err != nil {
			return err
		}
		return enc.EncodeString(s)
	case typ.Is(tftypes.Bool):
		var b bool
		if err := v.As(&b); err != nil {
			return err
		}
		return enc.EncodeBool(b)
	case typ.Is(tftypes.Number):
		var n big.Float
		if err := v.As(&n); err != nil {
			return err
		}
		return encodeNumber(enc, &n)
	}
	return fmt.Errorf("cannot encode a value of type %s", typ)
}

func elementType(typ tftypes.Type, i int) tftypes.Type {
	switch typ := typ.(type) {
	case tftypes.List:
		return typ.ElementType
	case tftypes.Set:
		return typ.ElementType
	case tftypes.Tuple:
		return typ.ElementTypes[i]
	}
	return nil
}

func attributeType(typ tftypes.Type, name string) tftypes.Type {
	switch typ := typ.(type) {
	case tftypes.Map:
		return typ.ElementType
	case tftypes.Object:
		return typ.AttributeTypes[name]
	}
	return nil
}

// encodeNumber writes a number as tftypes does, so that Terraform reads back
// exactly the same value: an integer, an exact float64, or else the decimal
// text.
func encodeNumber(enc *msgpack.Encoder, n *big.Float) error {
	if n.IsInf() {
		return enc.EncodeFloat64(math.Inf(n.Sign()))
	}
	if i, acc := n.Int64(); acc == big.Exact {
		return enc.EncodeInt(i)
	}
	if f, acc := n.Float64(); acc == big.Exact && !n.IsInt() {
		return enc.EncodeFloat64(f)
	}
	return enc.EncodeString(n.Text('f', -1))
}

// encodeUnknown writes the extension value Terraform reads as unknown. A
// read never produces one, but config-derived attributes pass through.
func encodeUnknown(enc *msgpack.Encoder) error {
	_, err := enc.Writer().Write([]byte{0xd4, 0, 0})
	return err
}

type objectField struct {
	name  string
	index []int
}

var objectFieldsCache sync.Map // reflect.Type -> []objectField

// objectFields lists the attributes of obj in the order Terraform's wire
// format writes them (sorted by name), each with the index of the model
// field tagged with its name; computed once per model type.
func objectFields(t reflect.Type, obj tftypes.Object) ([]objectField, error) {
	if cached, ok := objectFieldsCache.Load(t); ok {
		fields := cached.([]objectField) //nolint:forcetypeassert // only this function stores
		if len(fields) != len(obj.AttributeTypes) {
			return nil, fmt.Errorf("%s has %d tfsdk fields for %d attributes", t, len(fields), len(obj.AttributeTypes))
		}
		return fields, nil
	}
	byTag := map[string][]int{}
	for _, f := range reflect.VisibleFields(t) {
		if tag := f.Tag.Get("tfsdk"); tag != "" && tag != "-" {
			byTag[tag] = f.Index
		}
	}
	if len(byTag) != len(obj.AttributeTypes) {
		return nil, fmt.Errorf("%s has %d tfsdk fields for %d attributes", t, len(byTag), len(obj.AttributeTypes))
	}
	fields := make([]objectField, 0, len(byTag))
	for name := range obj.AttributeTypes {
		index, ok := byTag[name]
		if !ok {
			return nil, fmt.Errorf("%s has no field for attribute %q", t, name)
		}
		fields = append(fields, objectField{name: name, index: index})
	}
	slices.SortFunc(fields, func(a, b objectField) int { return cmp.Compare(a.name, b.name) })
	objectFieldsCache.Store(t, fields)
	return fields, nil
}
