package listread

import (
	"fmt"
	"maps"
	"math"
	"math/big"
	"slices"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/vmihailenco/msgpack/v5"
)

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
