package functions_test

import (
	"fmt"
	"math/big"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
)

// functionTestCase is a test case of a provider-defined function, skipped
// on CLIs without them.
func functionTestCase(steps ...resource.TestStep) resource.TestCase {
	return resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{acctest.ProviderFunctions},
		Steps:                  steps,
	}
}

// quoteValue is the expected object a quote output holds, of a tariff with
// no currency.
func quoteValue(pricingType string, unitPrice, discountPercent, tierThreshold, total int64) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"currency":         knownvalue.Null(),
		"pricing_type":     knownvalue.StringExact(pricingType),
		"unit_price":       knownvalue.NumberExact(big.NewFloat(float64(unitPrice))),
		"discount_percent": knownvalue.NumberExact(big.NewFloat(float64(discountPercent))),
		"tier_threshold":   knownvalue.NumberExact(big.NewFloat(float64(tierThreshold))),
		"total":            knownvalue.NumberExact(big.NewFloat(float64(total))),
	})
}

func TestAccTariffQuoteFunctionQuotesADataSourcePassedWhole(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	streamskillsandbox.RequireQuoteWorkedCheckTariffs(t, sb.Server)
	acctest.Test(t, functionTestCase(resource.TestStep{
		Config: sb.ProviderConfig() + fmt.Sprintf(`
data "pricing_streamskill_tariff" "volume" {
  id = %[1]d
}
data "pricing_streamskill_tariff" "graduated" {
  id = %[2]d
}
data "pricing_tariff_quote" "graduated" {
  tariff_id = %[2]d
  quantity  = 250
  duration  = 3
}
output "volume_600" {
  value = provider::pricing::tariff_quote(data.pricing_streamskill_tariff.volume, 600, 1)
}
output "volume_499_total" {
  value = provider::pricing::tariff_quote(data.pricing_streamskill_tariff.volume, 499, 1).total
}
output "graduated_101_for_2_hours" {
  value = provider::pricing::tariff_quote(data.pricing_streamskill_tariff.graduated, 101, 2)
}
output "function_agrees_with_the_data_source" {
  value = provider::pricing::tariff_quote(data.pricing_streamskill_tariff.graduated, 250, 3) == {
    for k in ["pricing_type", "unit_price", "discount_percent", "tier_threshold", "total", "currency"] : k => data.pricing_tariff_quote.graduated[k]
  }
}`, streamskillsandbox.TariffVolumeDiscounts, streamskillsandbox.TariffGraduated),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("volume_600", knownvalue.ObjectExact(map[string]knownvalue.Check{
				"pricing_type":     knownvalue.StringExact("standard"),
				"unit_price":       knownvalue.NumberExact(big.NewFloat(0.5)),
				"discount_percent": knownvalue.NumberExact(big.NewFloat(10)),
				"tier_threshold":   knownvalue.NumberExact(big.NewFloat(500)),
				"total":            knownvalue.NumberExact(big.NewFloat(270)),
				// StreamSkill's prices are in the account's currency, unnamed.
				"currency": knownvalue.Null(),
			})),
			statecheck.ExpectKnownOutputValue("graduated_101_for_2_hours", quoteValue("graduated", 180, 0, 101, 360)),
		},
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckOutput("volume_499_total", "249.5"),
			resource.TestCheckOutput("function_agrees_with_the_data_source", "true"),
		),
	}))
}

func TestAccTariffQuoteFunctionQuotesAHandWrittenTariffWithoutARequest(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	acctest.Test(t, functionTestCase(resource.TestStep{
		Config: sb.ProviderConfig() + `
output "graduated" {
  value = provider::pricing::tariff_quote({pricing_type = "graduated", graduated_prices = {"0" = 135, "101" = 180}, hourly = true, price = 135, base_count = null, count_min = 10, count_max = 350, discounts = {}}, 101, 2)
}
# StreamSkill's own "count", and no discounts at all.
output "standard_count" {
  value = provider::pricing::tariff_quote({pricing_type = "standard", price = 0.1, count = 1, hourly = false}, 3, 1).total
}
# A hand-written tariff may say its currency; the quote carries it.
output "with_currency" {
  value = provider::pricing::tariff_quote({pricing_type = "standard", price = 0.1, count = 1, hourly = false, currency = "EUR"}, 3, 1).currency
}
# A map converts every value to a string; the function reads them back.
output "from_a_map" {
  value = provider::pricing::tariff_quote(tomap({pricing_type = "standard", price = 50, base_count = 100, hourly = true}), 4, 2).total
}`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("graduated", quoteValue("graduated", 180, 0, 101, 360)),
		},
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckOutput("standard_count", "0.3"),
			resource.TestCheckOutput("with_currency", "EUR"),
			resource.TestCheckOutput("from_a_map", "4"),
			func(*terraform.State) error {
				if got := sb.Requests(streamskillsandbox.Name); got != 0 {
					return fmt.Errorf("the function made %d StreamSkill requests, want none", got)
				}
				return nil
			},
		),
	}))
}

func TestAccTariffQuoteFunctionRefusesBadArguments(t *testing.T) {
	t.Parallel()
	const standard = `{pricing_type = "standard", price = 50, base_count = 100, hourly = false, discounts = {"1" = 0, "500" = 10}}`
	tests := []struct {
		name string
		call string
		want string // acctest.ErrorMatching pattern
	}{
		{"a tariff without pricing_type", `{price = 50, base_count = 100, hourly = false}, 600, 1`,
			`Invalid value for "tariff" parameter: tariff pricing_type = \(missing\) is invalid: must be set to a string`},
		{"a tariff whose price is not a number", `{pricing_type = "standard", price = "fifty", base_count = 100, hourly = false}, 600, 1`,
			`Invalid value for "tariff" parameter: tariff price = "fifty" \(a string\) is invalid: must be a number`},
		{"a tariff that is not an object", `[1, 2], 600, 1`,
			`Invalid value for "tariff" parameter: tariff must be an object such as a pricing_streamskill_tariff data source, got \[1,2\]`},
		{"a quantity of 0", standard + `, 0, 1`,
			`Invalid value for "quantity" parameter: quantity 0 is invalid: must be a whole number >= 1`},
		{"a fractional quantity", standard + `, 1.5, 1`,
			`Invalid value for "quantity" parameter: quantity 1\.5 is invalid: must be a whole number >= 1`},
		{"a duration of 0", standard + `, 600, 0`,
			`Invalid value for "duration" parameter: duration 0 is invalid: must be a whole number >= 1`},
		{"a duration of 2 on a tariff that is not hourly", standard + `, 600, 2`,
			`Invalid value for "duration" parameter: duration 2 is invalid: must be 1 because the tariff is not hourly`},
		{"a quantity outside a custom count", `{pricing_type = "standard", price = 30, count_min = 10, count_max = 350, hourly = true}, 351, 1`,
			`Invalid value for "quantity" parameter: quantity 351 is invalid: must be within the tariff's custom count range 10\.\.350`},
		{"a quantity below the first graduated tier", `{pricing_type = "graduated", graduated_prices = {"10" = 5}, count = 1, hourly = true}, 9, 1`,
			`Invalid value for "quantity" parameter: quantity 9 is invalid: must be at least the tariff's smallest graduated threshold 10`},
	}
	for _, tt := range tests {
		t.Run("it refuses "+tt.name, func(t *testing.T) {
			t.Parallel()
			acctest.Test(t, functionTestCase(resource.TestStep{
				Config:      fmt.Sprintf("provider \"pricing\" {}\noutput \"q\" {\n  value = provider::pricing::tariff_quote(%s)\n}\n", tt.call),
				ExpectError: acctest.ErrorMatching(tt.want),
			}))
		})
	}
}

func TestAccTariffQuoteFunctionExampleWorksAsDocumented(t *testing.T) {
	t.Parallel()
	example, err := os.ReadFile("../../examples/functions/tariff_quote/function.tf")
	if err != nil {
		t.Fatal(err)
	}
	sb := acctest.StartSandbox(t, sandbox.Options{})
	viewers := streamskillsandbox.Tariffs(sb.Server)[streamskillsandbox.TariffStandardHourly-1]
	if viewers.ID != streamskillsandbox.TariffStandardHourly || viewers.Price != 12.5 || viewers.Count != 10 || !viewers.Hourly {
		t.Fatalf("tariff %d is no longer 12.5 for 10, hourly: %+v", streamskillsandbox.TariffStandardHourly, viewers)
	}
	acctest.Test(t, functionTestCase(resource.TestStep{
		Config: sb.ProviderConfig() + string(example),
		ConfigStateChecks: []statecheck.StateCheck{
			// 1.25 a viewer-hour, for 2 hours, with 5% off from 100 and 12% from 500.
			statecheck.ExpectKnownOutputValue("viewer_totals", knownvalue.MapExact(map[string]knownvalue.Check{
				"100":  knownvalue.NumberExact(big.NewFloat(237.5)),
				"500":  knownvalue.NumberExact(big.NewFloat(1100)),
				"1000": knownvalue.NumberExact(big.NewFloat(2200)),
			})),
		},
		Check: resource.TestCheckOutput("chatbots_per_evening", "810"),
	}))
}
