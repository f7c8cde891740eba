package listread

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"reflect"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/vmihailenco/msgpack/v5"
)

// EncodeState writes a model (a struct of attr.Values, slices of such
// structs and pointers to either) as typ in Terraform's wire format: the
// MessagePack that tftypes.Value.MarshalMsgPack writes for the same value.
//
// It exists for the list data sources. Going through the framework (the
// model to a tftypes.Value, the framework's walks over the whole state, then
// MarshalMsgPack) costs about 2.4 s and 1.5 GB of allocations for 10,000
// plans; writing the bytes straight from the model costs a few
// tens of milliseconds. TestEveryListStateEncodesAsTheFramework and
// TestListReadsMatchTheFramework hold the result to the framework's own.
func EncodeState(ctx context.Context, model any, typ tftypes.Type) ([]byte, error) {
	// Measure first, then write into one allocation of the exact size:
	// growing a buffer to megabytes touches two to three times as much fresh
	// memory, and in a new provider process that costs more than encoding.
	var size byteCounter
	if err := newStateEncoder(ctx, &size).encode(reflect.ValueOf(model), typ); err != nil {
		return nil, err
	}
	buf := bytes.NewBuffer(make([]byte, 0, size))
	if err := newStateEncoder(ctx, buf).encode(reflect.ValueOf(model), typ); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func newStateEncoder(ctx context.Context, w io.Writer) *stateEncoder {
	return &stateEncoder{ctx: ctx, enc: msgpack.NewEncoder(w), objects: map[reflect.Type]objectPlan{}}
}

// byteCounter is a writer that only counts what it is given.
type byteCounter int

func (c *byteCounter) Write(p []byte) (int, error) {
	*c += byteCounter(len(p))
	return len(p), nil
}

func (c *byteCounter) WriteByte(byte) error {
	*c++
	return nil
}

type stateEncoder struct {
	ctx     context.Context
	enc     *msgpack.Encoder
	objects map[reflect.Type]objectPlan // each model struct's plan, made on first use
}

// objectPlan is how one model struct type encodes as one object type: its
// attributes in the order Terraform's wire format writes them (sorted by
// name), each with its model field, its type, and its encoder.
type objectPlan struct {
	attributeTypes map[string]tftypes.Type // the object type the plan was made for
	fields         []objectField
}

type objectField struct {
	name   string
	index  []int
	typ    tftypes.Type
	encode func(e *stateEncoder, field reflect.Value, typ tftypes.Type) error
}

var attrValueType = reflect.TypeFor[attr.Value]()

func (e *stateEncoder) encode(v reflect.Value, typ tftypes.Type) error {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return e.enc.EncodeNil()
		}
		v = v.Elem()
	}
	if v.Type().Implements(attrValueType) {
		return e.encodeAttrValue(v.Interface().(attr.Value), typ) //nolint:forcetypeassert // checked by Implements
	}
	switch v.Kind() {
	case reflect.Struct:
		return e.encodeStruct(v, typ)
	case reflect.Slice:
		return e.encodeSlice(v, typ)
	}
	return fmt.Errorf("cannot encode a %s", v.Type())
}

func (e *stateEncoder) encodeStruct(v reflect.Value, typ tftypes.Type) error {
	obj, ok := typ.(tftypes.Object)
	if !ok {
		return fmt.Errorf("%s holds a %s, not an object", typ, v.Type())
	}
	plan, err := e.objectPlan(v.Type(), obj)
	if err != nil {
		return err
	}
	if err := e.enc.EncodeMapLen(len(plan.fields)); err != nil {
		return err
	}
	for _, f := range plan.fields {
		if err := e.enc.EncodeString(f.name); err != nil {
			return err
		}
		if err := f.encode(e, v.FieldByIndex(f.index), f.typ); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
	}
	return nil
}

func (e *stateEncoder) encodeSlice(v reflect.Value, typ tftypes.Type) error {
	// A set is written as the framework writes a slice as a set: its
	// elements in the slice's order (the order Terraform sent them in).
	var elem tftypes.Type
	switch c := typ.(type) {
	case tftypes.List:
		elem = c.ElementType
	case tftypes.Set:
		elem = c.ElementType
	default:
		return fmt.Errorf("%s holds a %s, not a list or set", typ, v.Type())
	}
	if v.IsNil() {
		return e.enc.EncodeNil()
	}
	if err := e.enc.EncodeArrayLen(v.Len()); err != nil {
		return err
	}
	for i := range v.Len() {
		if err := e.encode(v.Index(i), elem); err != nil {
			return fmt.Errorf("[%d]: %w", i, err)
		}
	}
	return nil
}

// encodeAttrValue writes any attr.Value: through its tftypes.Value, unless
// it is a scalar.
func (e *stateEncoder) encodeAttrValue(v attr.Value, typ tftypes.Type) error {
	if !v.Type(e.ctx).TerraformType(e.ctx).Equal(typ) {
		return fmt.Errorf("%s holds a %s", typ, v.Type(e.ctx))
	}
	switch {
	case v.IsUnknown():
		return encodeUnknown(e.enc)
	case v.IsNull():
		return e.enc.EncodeNil()
	}
	switch v := v.(type) {
	case basetypes.StringValue:
		return e.enc.EncodeString(v.ValueString())
	case basetypes.Int64Value:
		return e.enc.EncodeInt(v.ValueInt64())
	case basetypes.BoolValue:
		return e.enc.EncodeBool(v.ValueBool())
	case basetypes.NumberValue:
		return encodeNumber(e.enc, v.ValueBigFloat())
	}
	tv, err := v.ToTerraformValue(e.ctx)
	if err != nil {
		return err
	}
	return encodeTerraformValue(e.enc, tv, typ)
}

// objectPlan returns the plan of model struct t as obj, made on first use.
// A struct met again as another object type (two maps of attribute types
// are the same map only if they are the same type) gets a new plan.
func (e *stateEncoder) objectPlan(t reflect.Type, obj tftypes.Object) (objectPlan, error) {
	if plan, ok := e.objects[t]; ok && sameMap(plan.attributeTypes, obj.AttributeTypes) {
		return plan, nil
	}
	byTag := map[string]reflect.StructField{}
	for _, f := range reflect.VisibleFields(t) {
		if tag := f.Tag.Get("tfsdk"); tag != "" && tag != "-" {
			byTag[tag] = f
		}
	}
	if len(byTag) != len(obj.AttributeTypes) {
		return objectPlan{}, fmt.Errorf("%s has %d tfsdk fields for %d attributes", t, len(byTag), len(obj.AttributeTypes))
	}
	plan := objectPlan{attributeTypes: obj.AttributeTypes, fields: make([]objectField, 0, len(byTag))}
	for name, typ := range obj.AttributeTypes {
		f, ok := byTag[name]
		if !ok {
			return objectPlan{}, fmt.Errorf("%s has no field for attribute %q", t, name)
		}
		plan.fields = append(plan.fields, objectField{name: name, index: f.Index, typ: typ, encode: fieldEncoder(f.Type, typ)})
	}
	slices.SortFunc(plan.fields, func(a, b objectField) int { return cmp.Compare(a.name, b.name) })
	e.objects[t] = plan
	return plan, nil
}

func sameMap(a, b map[string]tftypes.Type) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}

// fieldEncoder is the encoder of a model field of Go type t and Terraform
// type typ. The framework's scalar value types, which make up nearly all of
// a price list, are read without boxing them in an interface, their type
// having been checked here once.
func fieldEncoder(t reflect.Type, typ tftypes.Type) func(*stateEncoder, reflect.Value, tftypes.Type) error {
	switch {
	case t == reflect.TypeFor[basetypes.StringValue]() && typ.Is(tftypes.String):
		return encodeScalar(func(enc *msgpack.Encoder, v basetypes.StringValue) error { return enc.EncodeString(v.ValueString()) })
	case t == reflect.TypeFor[basetypes.Int64Value]() && typ.Is(tftypes.Number):
		return encodeScalar(func(enc *msgpack.Encoder, v basetypes.Int64Value) error { return enc.EncodeInt(v.ValueInt64()) })
	case t == reflect.TypeFor[basetypes.BoolValue]() && typ.Is(tftypes.Bool):
		return encodeScalar(func(enc *msgpack.Encoder, v basetypes.BoolValue) error { return enc.EncodeBool(v.ValueBool()) })
	case t == reflect.TypeFor[basetypes.NumberValue]() && typ.Is(tftypes.Number):
		return encodeScalar(func(enc *msgpack.Encoder, v basetypes.NumberValue) error { return encodeNumber(enc, v.ValueBigFloat()) })
	}
	return (*stateEncoder).encode
}

func encodeScalar[T attr.Value](known func(*msgpack.Encoder, T) error) func(*stateEncoder, reflect.Value, tftypes.Type) error {
	return func(e *stateEncoder, field reflect.Value, _ tftypes.Type) error {
		v, _ := reflect.TypeAssert[T](field)
		switch {
		case v.IsUnknown():
			return encodeUnknown(e.enc)
		case v.IsNull():
			return e.enc.EncodeNil()
		}
		return known(e.enc, v)
	}
}
