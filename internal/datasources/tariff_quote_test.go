package datasources_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
)

// quoteBlock is a pricing_tariff_quote data source; an empty duration
// leaves it out.
func quoteBlock(name string, tariffID int, quantity, duration string) string {
	body := fmt.Sprintf("  tariff_id = %d\n  quantity  = %s\n", tariffID, quantity)
	if duration != "" {
		body += fmt.Sprintf("  duration  = %s\n", duration)
	}
	return fmt.Sprintf("data \"pricing_tariff_quote\" %q {\n%s}\n", name, body)
}

func checkQuote(name, pricingType, unitPrice, discountPercent, tierThreshold, total string) []statecheck.StateCheck {
	name = "data.pricing_tariff_quote." + name
	return []statecheck.StateCheck{
		acctest.Attr(name, "pricing_type", knownvalue.StringExact(pricingType)),
		acctest.Attr(name, "unit_price", knownvalue.NumberExact(acctest.Number(unitPrice))),
		acctest.Attr(name, "discount_percent", knownvalue.NumberExact(acctest.Number(discountPercent))),
		acctest.Attr(name, "tier_threshold", knownvalue.NumberExact(acctest.Number(tierThreshold))),
		acctest.Attr(name, "total", knownvalue.NumberExact(acctest.Number(total))),
	}
}

func TestAccTariffQuotePricesTheWorkedChecks(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	streamskillsandbox.RequireQuoteWorkedCheckTariffs(t, sb.Server)
	volume, graduated := streamskillsandbox.TariffVolumeDiscounts, streamskillsandbox.TariffGraduated
	config := sb.ProviderConfig() +
		quoteBlock("volume_600", volume, "600", "") +
		quoteBlock("volume_499", volume, "499", "") +
		quoteBlock("volume_1000", volume, "1000", "1") +
		quoteBlock("graduated_50", graduated, "50", "") +
		quoteBlock("graduated_100", graduated, "100", "1") +
		quoteBlock("graduated_101", graduated, "101", "1") +
		quoteBlock("graduated_250_for_3_hours", graduated, "250", "3") +
		// Beyond the worked checks: an hourly standard tariff with a
		// discount, a custom count, and a price that float64 would blur.
		quoteBlock("hourly_1000_for_2_hours", streamskillsandbox.TariffStandardHourly, "1000", "2") +
		quoteBlock("custom_300_for_2_hours", streamskillsandbox.TariffCustomCount, "300", "2") +
		quoteBlock("fractional_3", streamskillsandbox.TariffFractional, "3", "")
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: slices.Concat(
				// price 50 for 100 units, undiscounted at 1: 0.5 a unit.
				checkQuote("volume_600", "standard", "0.5", "10", "500", "270"),
				checkQuote("volume_499", "standard", "0.5", "0", "1", "249.5"),
				checkQuote("volume_1000", "standard", "0.5", "20", "1000", "400"),
				checkQuote("graduated_50", "graduated", "135", "0", "0", "135"),
				checkQuote("graduated_100", "graduated", "135", "0", "0", "135"),
				checkQuote("graduated_101", "graduated", "180", "0", "101", "180"),
				checkQuote("graduated_250_for_3_hours", "graduated", "270", "0", "201", "810"),
				// 12.5 for 10: 1.25 × 1000 × 2 × 0.88
				checkQuote("hourly_1000_for_2_hours", "standard", "1.25", "12", "500", "2200"),
				// 30 for count_min 10: 3 × 300 × 2 × 0.85
				checkQuote("custom_300_for_2_hours", "standard", "3", "15", "300", "1530"),
				checkQuote("fractional_3", "standard", "0.1", "0", "1", "0.3"),
				[]statecheck.StateCheck{
					// The state shows the defaults used.
					acctest.Attr("data.pricing_tariff_quote.volume_600", "duration", knownvalue.Int64Exact(1)),
					acctest.Attr("data.pricing_tariff_quote.volume_600", "language", knownvalue.StringExact("en")),
					acctest.Attr("data.pricing_tariff_quote.graduated_250_for_3_hours", "duration", knownvalue.Int64Exact(3)),
				},
			),
		}},
	})
}

func TestAccTariffQuoteShowsTheTariffReadOnce(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	for _, tt := range []struct {
		name string
		ID   int
	}{
		{"a custom-count graduated tariff", streamskillsandbox.TariffGraduated},
		{"a fixed-count standard tariff", streamskillsandbox.TariffVolumeDiscounts},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sb.ResetCounts()
			want := streamskillTariff(t, sb, tt.ID)
			acctest.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config: sb.ProviderConfig() + fmt.Sprintf(`
data "pricing_streamskill_tariff" "t" {
  id = %d
}
`, tt.ID) + quoteBlock("small", tt.ID, "100", "") + quoteBlock("large", tt.ID, "300", "") + `
output "tariff_matches_the_tariff_data_source" {
  value = data.pricing_tariff_quote.small.tariff == {
    for k, v in data.pricing_streamskill_tariff.t : k => v if !contains(["id", "language", "fetched_at"], k)
  }
}
# One shared read: the quotes are as fresh as the tariff they were computed from.
output "fetched_at_is_the_tariffs" {
  value = data.pricing_tariff_quote.small.fetched_at == data.pricing_streamskill_tariff.t.fetched_at && can(timecmp(data.pricing_tariff_quote.large.fetched_at, plantimestamp()))
}`,
					ConfigStateChecks: append(checkTariffObject("data.pricing_tariff_quote.small", want),
						statecheck.ExpectKnownOutputValue("tariff_matches_the_tariff_data_source", knownvalue.Bool(true)),
						statecheck.ExpectKnownOutputValue("fetched_at_is_the_tariffs", knownvalue.Bool(true)),
					),
					Check: resource.ComposeAggregateTestCheckFunc(
						func(*terraform.State) error {
							// One tariff data source and two quotes of the
							// same tariff, one Terraform command (the plan
							// that reads them) so far: one request.
							if got := sb.Requests(streamskillsandbox.Name); got != 1 {
								return fmt.Errorf("sandbox served %d StreamSkill requests, want 1", got)
							}
							return nil
						},
					),
				}},
			})
		})
	}
}

// checkTariffObject checks the nested tariff of a quote against the fixture.
func checkTariffObject(name string, want streamskillsandbox.Tariff) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{
		acctest.Attr(name, "tariff.title", knownvalue.StringExact(want.Title["en"])),
		acctest.Attr(name, "tariff.price", knownvalue.NumberExact(acctest.Number(formatNumber(want.Price)))),
		acctest.Attr(name, "tariff.pricing_type", knownvalue.StringExact(want.PricingType)),
		acctest.Attr(name, "tariff.hourly", knownvalue.Bool(want.Hourly)),
		acctest.Attr(name, "tariff.discounts", knownvalue.MapSizeExact(len(want.Discounts))),
		acctest.Attr(name, "tariff.text", knownvalue.ListSizeExact(len(want.Text["en"]))),
	}
	switch c := want.Count.(type) {
	case int:
		checks = append(checks, acctest.Attr(name, "tariff.base_count", knownvalue.Int64Exact(int64(c))))
	case streamskillsandbox.Count:
		checks = append(checks,
			acctest.Attr(name, "tariff.base_count", knownvalue.Null()),
			acctest.Attr(name, "tariff.count_min", knownvalue.Int64Exact(int64(c.Min))),
			acctest.Attr(name, "tariff.count_max", knownvalue.Int64Exact(int64(c.Max))),
		)
	}
	for k, v := range want.GraduatedPrices {
		checks = append(checks, acctest.MapEntry(name, "tariff.graduated_prices", k, knownvalue.NumberExact(acctest.Number(formatNumber(v)))))
	}
	for k, v := range want.Discounts {
		checks = append(checks, acctest.MapEntry(name, "tariff.discounts", k, knownvalue.Int64Exact(int64(v))))
	}
	return checks
}

func TestAccTariffQuoteRefusesBadInput(t *testing.T) {
	t.Parallel()
	volume, custom := streamskillsandbox.TariffVolumeDiscounts, streamskillsandbox.TariffCustomCount
	tests := []struct {
		name  string
		block string
		want  string // acctest.ErrorMatching pattern
	}{
		{"a quantity of 0", quoteBlock("q", volume, "0", ""),
			`Invalid quantity .* Attribute quantity value must be a whole number >= 1, got: 0`},
		{"a negative quantity", quoteBlock("q", volume, "-5", ""),
			`Invalid quantity .* Attribute quantity value must be a whole number >= 1, got: -5`},
		{"a fractional quantity", quoteBlock("q", volume, "1.5", ""),
			`Invalid quantity .* Attribute quantity value must be a whole number >= 1, got: 1\.5`},
		{"a quantity beyond int64", quoteBlock("q", volume, "1e30", ""),
			`Invalid quantity .* Attribute quantity value must be at most 9223372036854775807, got: 1e\+30`},
		{"a duration of 0", quoteBlock("q", volume, "600", "0"),
			`Invalid duration .* Attribute duration value must be a whole number >= 1, got: 0`},
		{"a duration of 2 on a tariff that is not hourly", quoteBlock("q", volume, "600", "2"),
			fmt.Sprintf(`Invalid duration .* Cannot quote StreamSkill tariff %d: duration 2 is invalid: must be 1 because the tariff is not hourly`, volume)},
		{"a quantity above a custom count's max", quoteBlock("q", custom, "351", ""),
			fmt.Sprintf(`Invalid quantity .* Cannot quote StreamSkill tariff %d: quantity 351 is invalid: must be within the tariff's custom count range 10\.\.350`, custom)},
		{"a quantity below a custom count's min", quoteBlock("q", custom, "9", ""),
			fmt.Sprintf(`Invalid quantity .* Cannot quote StreamSkill tariff %d: quantity 9 is invalid: must be within the tariff's custom count range 10\.\.350`, custom)},
		{"a tariff_id of 0", quoteBlock("q", 0, "1", ""),
			`Attribute tariff_id value must be at least 1, got: 0`},
		{"an unknown tariff", quoteBlock("q", 999, "1", ""),
			`StreamSkill tariff 999 not found .* Object not found: 999`},
		{"a language other than en and ru", strings.Replace(quoteBlock("q", volume, "1", ""), "}", "  language = \"de\"\n}", 1),
			`Attribute language value must be one of: \["en" "ru"\], got: "de"`},
	}
	for _, tt := range tests {
		t.Run("it refuses "+tt.name, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t, sandbox.Options{})
			if want := (streamskillsandbox.Count{Min: 10, Max: 350}); streamskillTariff(t, sb, custom).Count != want {
				t.Fatalf("tariff %d must have the custom count %v", custom, want)
			}
			acctest.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config:      sb.ProviderConfig() + tt.block,
					ExpectError: acctest.ErrorMatching(tt.want),
				}},
			})
		})
	}
}

func TestAccTariffQuoteExampleWorksAsDocumented(t *testing.T) {
	t.Parallel()
	example, err := os.ReadFile("../../examples/data-sources/pricing_tariff_quote/data-source.tf")
	if err != nil {
		t.Fatal(err)
	}
	sb := acctest.StartSandbox(t, sandbox.Options{})
	streamskillsandbox.RequireQuoteWorkedCheckTariffs(t, sb.Server)
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + string(example),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("chatbots_for_an_evening", knownvalue.StringExact("AI Chatbot: 250 chatbots for 3 hours cost 810 (270 per hour)")),
				statecheck.ExpectKnownOutputValue("followers_discount", knownvalue.StringExact("600 followers cost 270 after a 10% volume discount")),
			},
		}},
	})
}
