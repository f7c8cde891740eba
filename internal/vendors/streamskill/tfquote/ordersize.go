package tfquote

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/quote"
)

// OrderSize reads a quantity or duration given as a Terraform number: a
// whole number >= 1 that fits in int64. Terraform numbers may be fractional,
// and the framework's own int64 conversion reports 1.5 as a provider bug, so
// both the data source and the function take numbers and check them here.
func OrderSize(argument string, n *big.Float) (int64, error) {
	if n == nil || n.IsInf() {
		return 0, &quote.InputError{Argument: argument, Value: fmt.Sprint(n), Rule: "must be a whole number >= 1"}
	}
	value := n.Text('g', -1)
	if !n.IsInt() || n.Sign() < 1 {
		return 0, &quote.InputError{Argument: argument, Value: value, Rule: "must be a whole number >= 1"}
	}
	i, acc := n.Int64()
	if acc != big.Exact {
		return 0, &quote.InputError{Argument: argument, Value: value, Rule: "must be at most 9223372036854775807"}
	}
	return i, nil
}

// OrderSizeValidator checks a quantity or duration at plan time, with
// OrderSize's rule.
func OrderSizeValidator() validator.Number { return orderSize{} }

type orderSize struct{}

var _ validator.Number = orderSize{}

func (orderSize) Description(context.Context) string {
	return "must be a whole number >= 1"
}

func (v orderSize) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v orderSize) ValidateNumber(_ context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	var in *quote.InputError
	if _, err := OrderSize(req.Path.String(), req.ConfigValue.ValueBigFloat()); errors.As(err, &in) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(),
			fmt.Sprintf("Attribute %s value %s, got: %s", req.Path, in.Rule, in.Value))
	}
}
