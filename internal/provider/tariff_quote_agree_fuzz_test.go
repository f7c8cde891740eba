package provider_test

import (
	"context"
	"encoding/json"
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/quote"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/tfquote"
)

// The function's argument positions, tariff_quote(tariff, quantity,
// duration), as a *function.FuncError reports them.
const (
	argTariff int64 = iota
	argQuantity
	argDuration
)

// fuzzTariff is a StreamSkill tariff built from fuzzed numbers: prices in
// cents, percents in tenths, and two tiers (discounts or graduated prices).
type fuzzTariff struct {
	graduated, hourly, customCount bool
	priceCents                     int64
	count, countMax                int64
	threshold1, threshold2         int64
	value1, value2                 int64 // cents (graduated) or tenths of a percent (discounts)
}

func (f fuzzTariff) client() *streamskill.Tariff {
	pricingType := quote.PricingStandard
	if f.graduated {
		pricingType = quote.PricingGraduated
	}
	t := &streamskill.Tariff{
		ID:          1,
		Price:       json.Number(decimal.New(f.priceCents, -2).String()),
		Hourly:      &f.hourly,
		PricingType: &pricingType,
	}
	if f.customCount {
		t.CountMin, t.CountMax = &f.count, &f.countMax
	} else {
		t.Count, t.CountMin, t.CountMax = &f.count, &f.count, &f.count
	}
	tiers := map[string]json.Number{}
	exp := int32(-1) // tenths of a percent
	if f.graduated {
		exp = -2 // cents
	}
	tiers[strconv.FormatInt(f.threshold1, 10)] = json.Number(decimal.New(f.value1, exp).String())
	tiers[strconv.FormatInt(f.threshold2, 10)] = json.Number(decimal.New(f.value2, exp).String())
	if f.graduated {
		t.GraduatedPrices = tiers
	} else {
		t.Discounts = tiers
	}
	return t
}

// handWritten is the tariff as a user would write it for the function:
// StreamSkill's `count`, tiers as objects rather than maps, numbers as
// strings, and an attribute the function must ignore.
func (f fuzzTariff) handWritten() types.Dynamic {
	t := f.client()
	attrTypes := map[string]attr.Type{"note": types.StringType}
	values := map[string]attr.Value{"note": types.StringValue("ignored")}
	set := func(name string, v attr.Value) {
		attrTypes[name] = v.Type(context.Background())
		values[name] = v
	}
	set("pricing_type", types.StringValue(*t.PricingType))
	set("hourly", types.BoolValue(*t.Hourly))
	set("price", types.StringValue(t.Price.String()))
	if t.Count != nil {
		set("count", types.NumberValue(new(big.Float).SetInt64(*t.Count)))
	} else {
		set("count_min", types.NumberValue(new(big.Float).SetInt64(*t.CountMin)))
		set("count_max", types.NumberValue(new(big.Float).SetInt64(*t.CountMax)))
	}
	tierObject := func(m map[string]json.Number) types.Object {
		ts := map[string]attr.Type{}
		vs := map[string]attr.Value{}
		for k, v := range m {
			n, _, _ := big.ParseFloat(v.String(), 10, 512, big.ToNearestEven)
			ts[k], vs[k] = types.NumberType, types.NumberValue(n)
		}
		return types.ObjectValueMust(ts, vs)
	}
	if t.GraduatedPrices != nil {
		set("graduated_prices", tierObject(t.GraduatedPrices))
	}
	if t.Discounts != nil {
		set("discounts", tierObject(t.Discounts))
	}
	return types.DynamicValue(types.ObjectValueMust(attrTypes, values))
}

// runFunction calls provider::pricing::tariff_quote as Terraform would.
func runFunction(t *testing.T, tariff types.Dynamic, quantity, duration int64) (types.Object, *function.FuncError) {
	t.Helper()
	resp := function.RunResponse{Result: function.NewResultData(types.ObjectUnknown(tfquote.AttrTypes()))}
	streamskill.NewTariffQuoteFunction().Run(context.Background(), function.RunRequest{Arguments: function.NewArgumentsData([]attr.Value{
		tariff,
		types.NumberValue(new(big.Float).SetInt64(quantity)),
		types.NumberValue(new(big.Float).SetInt64(duration)),
	})}, &resp)
	if resp.Error != nil {
		return types.Object{}, resp.Error
	}
	obj, ok := resp.Result.Value().(types.Object)
	if !ok {
		t.Fatalf("function returned %T, want an object", resp.Result.Value())
	}
	return obj, nil
}

// quoteDataSource is what pricing_tariff_quote computes once it has read
// the tariff: the tariff object it shows, and the quote as an object.
func quoteDataSource(t *testing.T, tariff *streamskill.Tariff, quantity, duration int64) (types.Object, types.Object, diag.Diagnostics) {
	t.Helper()
	tariffObj, q, diags := streamskill.QuoteTariff(context.Background(), tariff.ID, tariff, quantity, duration)
	if diags.HasError() {
		return tariffObj, types.Object{}, diags
	}
	obj, d := types.ObjectValueFrom(context.Background(), tfquote.AttrTypes(), q)
	if d.HasError() {
		t.Fatalf("the quote does not convert to its object type: %v", d)
	}
	return tariffObj, obj, nil
}

// argumentOf is the function argument a data source diagnostic points at.
func argumentOf(t *testing.T, diags diag.Diagnostics) int64 {
	t.Helper()
	withPath, ok := diags.Errors()[0].(diag.DiagnosticWithPath)
	if !ok {
		t.Fatalf("diagnostic has no attribute path: %v", diags)
	}
	switch p := withPath.Path().String(); p {
	case "quantity":
		return argQuantity
	case "duration":
		return argDuration
	case "tariff_id":
		return argTariff
	default:
		t.Fatalf("diagnostic points at %q, not at an argument", p)
		return -1
	}
}

func total(t *testing.T, quoteObj types.Object) decimal.Decimal {
	t.Helper()
	n, ok := quoteObj.Attributes()["total"].(types.Number)
	if !ok || n.IsNull() {
		t.Fatalf("quote has no total: %v", quoteObj)
	}
	d, err := decimal.NewFromString(n.ValueBigFloat().Text('g', -1))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// FuzzQuoteFunctionAndDataSourceAgree checks that the data source and the
// function, given the same tariff (the data source's own object passed
// whole, or the same tariff written by hand), accept and refuse the same
// orders with the same message, price them identically, never below zero,
// and never lower for more hours.
func FuzzQuoteFunctionAndDataSourceAgree(f *testing.F) {
	// The worked checks.
	f.Add(false, false, false, int64(5000), int64(100), int64(0), int64(500), int64(1000), int64(100), int64(200), int64(600), int64(1))
	f.Add(false, false, false, int64(5000), int64(100), int64(0), int64(500), int64(1000), int64(100), int64(200), int64(499), int64(1))
	f.Add(true, true, true, int64(13500), int64(10), int64(350), int64(0), int64(101), int64(13500), int64(18000), int64(250), int64(3))
	// A custom count out of range, a non-hourly duration, a tier below the
	// first, a 100% base discount, a fractional price that float64 blurs.
	f.Add(false, true, true, int64(3000), int64(10), int64(350), int64(1), int64(300), int64(0), int64(150), int64(351), int64(2))
	f.Add(false, false, false, int64(5000), int64(100), int64(0), int64(1), int64(500), int64(0), int64(100), int64(600), int64(2))
	f.Add(true, true, false, int64(9000), int64(50), int64(0), int64(10), int64(51), int64(9000), int64(15000), int64(5), int64(1))
	f.Add(false, true, false, int64(5000), int64(100), int64(0), int64(1), int64(500), int64(1000), int64(100), int64(1), int64(1))
	f.Add(false, true, false, int64(10), int64(1), int64(0), int64(1), int64(10000), int64(0), int64(150), int64(3), int64(7))
	f.Fuzz(func(t *testing.T, graduated, hourly, customCount bool, priceCents, count, countMax, threshold1, threshold2, value1, value2, quantity, duration int64) {
		ft := fuzzTariff{graduated, hourly, customCount, priceCents, count, countMax, threshold1, threshold2, value1, value2}
		tariff := ft.client()
		tariffObj, dsQuote, dsDiags := quoteDataSource(t, tariff, quantity, duration)
		if tariffObj.IsNull() {
			t.Fatalf("the data source built no tariff object: %v", dsDiags)
		}
		for _, fnTariff := range []types.Dynamic{types.DynamicValue(tariffObj), ft.handWritten()} {
			fnQuote, fnErr := runFunction(t, fnTariff, quantity, duration)
			switch {
			case dsDiags.HasError() && fnErr == nil:
				t.Fatalf("the data source refused (%v) what the function priced: %v", dsDiags, fnQuote)
			case !dsDiags.HasError() && fnErr != nil:
				t.Fatalf("the function refused (%v) what the data source priced: %v", fnErr, dsQuote)
			case fnErr != nil:
				if fnErr.FunctionArgument == nil || *fnErr.FunctionArgument != argumentOf(t, dsDiags) {
					t.Fatalf("the function blames argument %v, the data source %v", fnErr.FunctionArgument, dsDiags)
				}
				if detail := dsDiags.Errors()[0].Detail(); !strings.Contains(detail, fnErr.Text) {
					t.Fatalf("the data source says %q, the function %q", detail, fnErr.Text)
				}
			case !fnQuote.Equal(dsQuote):
				t.Fatalf("the function quotes %v, the data source %v", fnQuote, dsQuote)
			}
		}
		if dsDiags.HasError() {
			return
		}
		got := total(t, dsQuote)
		if got.IsNegative() {
			t.Fatalf("total %s is negative", got)
		}
		if !hourly || duration == math.MaxInt64 {
			return
		}
		_, longer, diags := quoteDataSource(t, tariff, quantity, duration+1)
		if diags.HasError() {
			t.Fatalf("%d hours priced but %d refused: %v", duration, duration+1, diags)
		}
		if more := total(t, longer); more.LessThan(got) {
			t.Fatalf("%d hours cost %s, less than %d hours at %s", duration+1, more, duration, got)
		}
	})
}

// The fuzz test compares errors by text; make sure a refusal really reads
// the same on both paths for the seed that breaks the custom count.
func TestQuoteFunctionAndDataSourceRefuseWithTheSameWords(t *testing.T) {
	t.Parallel()
	ft := fuzzTariff{hourly: true, customCount: true, priceCents: 3000, count: 10, countMax: 350, threshold1: 1, threshold2: 300, value2: 150}
	_, _, diags := quoteDataSource(t, ft.client(), 351, 1)
	_, fnErr := runFunction(t, ft.handWritten(), 351, 1)
	want := "quantity 351 is invalid: must be within the tariff's custom count range 10..350"
	if fnErr == nil || fnErr.Text != want {
		t.Fatalf("function error = %v, want %q", fnErr, want)
	}
	if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), want) || argumentOf(t, diags) != argQuantity {
		t.Fatalf("data source diagnostics = %v, want %q on quantity", diags, want)
	}
}
