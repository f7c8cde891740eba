package datasources_test

import (
	"fmt"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strconv"
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

// streamskillTariff is the sandbox fixture with the given id.
func streamskillTariff(t *testing.T, sb *acctest.Sandbox, id int) streamskillsandbox.Tariff {
	t.Helper()
	for _, tariff := range streamskillsandbox.Tariffs(sb.Server) {
		if tariff.ID == id {
			return tariff
		}
	}
	t.Fatalf("the sandbox has no StreamSkill tariff %d", id)
	return streamskillsandbox.Tariff{}
}

// checkStreamskillTariff checks every attribute of a tariff read in lang
// against the fixture.
func checkStreamskillTariff(name string, want streamskillsandbox.Tariff, lang string) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{
		acctest.Attr(name, "id", knownvalue.Int64Exact(int64(want.ID))),
		acctest.Attr(name, "language", knownvalue.StringExact(lang)),
		acctest.Attr(name, "title", knownvalue.StringExact(want.Title[lang])),
		acctest.Attr(name, "text", knownvalue.ListSizeExact(len(want.Text[lang]))),
		acctest.Attr(name, "price", knownvalue.NumberExact(acctest.Number(formatNumber(want.Price)))),
		acctest.Attr(name, "type", knownvalue.StringExact(want.Type)),
		acctest.Attr(name, "hourly", knownvalue.Bool(want.Hourly)),
		acctest.Attr(name, "pricing_type", knownvalue.StringExact(want.PricingType)),
		// panel comes only with expand=panel: a false value proves it was asked for.
		acctest.Attr(name, "panel", knownvalue.Bool(want.Panel)),
		acctest.Attr(name, "discounts", knownvalue.MapSizeExact(len(want.Discounts))),
	}
	for i, line := range want.Text[lang] {
		checks = append(checks, acctest.Attr(name, fmt.Sprintf("text.%d", i), knownvalue.StringExact(line)))
	}
	switch c := want.Count.(type) {
	case int:
		checks = append(checks,
			acctest.Attr(name, "base_count", knownvalue.Int64Exact(int64(c))),
			acctest.Attr(name, "count_min", knownvalue.Int64Exact(int64(c))),
			acctest.Attr(name, "count_max", knownvalue.Int64Exact(int64(c))),
		)
	case streamskillsandbox.Count:
		checks = append(checks,
			acctest.Attr(name, "base_count", knownvalue.Null()),
			acctest.Attr(name, "count_min", knownvalue.Int64Exact(int64(c.Min))),
			acctest.Attr(name, "count_max", knownvalue.Int64Exact(int64(c.Max))),
		)
	}
	if want.GraduatedPrices == nil {
		checks = append(checks, acctest.Attr(name, "graduated_prices", knownvalue.Null()))
	} else {
		checks = append(checks, acctest.Attr(name, "graduated_prices", knownvalue.MapSizeExact(len(want.GraduatedPrices))))
	}
	for k, v := range want.GraduatedPrices {
		checks = append(checks, acctest.MapEntry(name, "graduated_prices", k, knownvalue.NumberExact(acctest.Number(formatNumber(v)))))
	}
	for k, v := range want.Discounts {
		checks = append(checks, acctest.MapEntry(name, "discounts", k, knownvalue.Int64Exact(int64(v))))
	}
	if want.Link == nil {
		checks = append(checks, acctest.Attr(name, "link", knownvalue.Null()))
	} else {
		checks = append(checks,
			acctest.Attr(name, "link.prefix", knownvalue.StringExact(want.Link.Prefix)),
			acctest.Attr(name, "link.placeholder", knownvalue.StringExact(want.Link.Placeholder)),
		)
	}
	return checks
}

// formatNumber is the shortest decimal for a fixture price, as the sandbox
// serialises it and as Terraform should keep it.
func formatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func TestAccStreamskillTariffReadsEveryKindOfTariff(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	var config strings.Builder
	var checks []statecheck.StateCheck
	for _, tariff := range streamskillsandbox.Tariffs(sb.Server) {
		fmt.Fprintf(&config, "data \"pricing_streamskill_tariff\" \"t%d\" {\n  id = %d\n}\n", tariff.ID, tariff.ID)
		checks = append(checks, checkStreamskillTariff(fmt.Sprintf("data.pricing_streamskill_tariff.t%d", tariff.ID), tariff, "en")...)
	}
	// Null and empty are told apart by Terraform expressions, not by the
	// flattened state, which shows neither.
	fmt.Fprintf(&config, `
output "custom_count_is_null" {
  value = data.pricing_streamskill_tariff.t%[1]d.base_count == null
}
output "standard_graduated_prices_are_null" {
  value = data.pricing_streamskill_tariff.t%[2]d.graduated_prices == null
}
output "absent_discounts_are_an_empty_map" {
  value = length(data.pricing_streamskill_tariff.t%[3]d.discounts)
}
output "graduated_without_discounts_are_an_empty_map" {
  value = length(data.pricing_streamskill_tariff.t%[4]d.discounts)
}
output "absent_link_is_null" {
  value = data.pricing_streamskill_tariff.t%[5]d.link == null
}
output "fractional_price_is_exact" {
  value = data.pricing_streamskill_tariff.t%[6]d.price * 3 == 0.3
}
`, streamskillsandbox.TariffCustomCount, streamskillsandbox.TariffVolumeDiscounts, streamskillsandbox.TariffNoDiscounts,
		streamskillsandbox.TariffGraduatedNoDisc, streamskillsandbox.TariffNoLink, streamskillsandbox.TariffFractional)
	checks = append(checks,
		statecheck.ExpectKnownOutputValue("custom_count_is_null", knownvalue.Bool(true)),
		statecheck.ExpectKnownOutputValue("standard_graduated_prices_are_null", knownvalue.Bool(true)),
		statecheck.ExpectKnownOutputValue("absent_discounts_are_an_empty_map", knownvalue.Int64Exact(0)),
		statecheck.ExpectKnownOutputValue("graduated_without_discounts_are_an_empty_map", knownvalue.Int64Exact(0)),
		statecheck.ExpectKnownOutputValue("absent_link_is_null", knownvalue.Bool(true)),
		statecheck.ExpectKnownOutputValue("fractional_price_is_exact", knownvalue.Bool(true)),
		acctest.Attr(fmt.Sprintf("data.pricing_streamskill_tariff.t%d", streamskillsandbox.TariffFractional), "price", knownvalue.NumberExact(acctest.Number("0.1"))),
	)
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:            sb.ProviderConfig() + config.String(),
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccStreamskillTariffReadsTheLanguageAsked(t *testing.T) {
	t.Parallel()
	tariff := streamskillsandbox.TariffGraduated
	name := func(n string) string { return "data.pricing_streamskill_tariff." + n }
	tests := []struct {
		name         string
		providerLang string // empty: the provider block sets no language
		defaultLang  string // what a data source without language reads
	}{
		{"the provider defaults to English", "", "en"},
		{"the provider's language applies where the data source sets none", "ru", "ru"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t, sandbox.Options{})
			want := streamskillTariff(t, sb, tariff)
			block := fmt.Sprintf("api_key = %q\n    base_url = %q", streamskillsandbox.Key, sb.BaseURL(streamskillsandbox.Name))
			if tt.providerLang != "" {
				block += fmt.Sprintf("\n    language = %q", tt.providerLang)
			}
			acctest.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config: sb.ProviderConfigWith(map[string]string{streamskillsandbox.Name: block}) + fmt.Sprintf(`
data "pricing_streamskill_tariff" "default" {
  id = %[1]d
}
data "pricing_streamskill_tariff" "en" {
  id       = %[1]d
  language = "en"
}
data "pricing_streamskill_tariff" "ru" {
  id       = %[1]d
  language = "ru"
}`, tariff),
					ConfigStateChecks: slices.Concat(
						checkStreamskillTariff(name("default"), want, tt.defaultLang),
						checkStreamskillTariff(name("en"), want, "en"),
						checkStreamskillTariff(name("ru"), want, "ru"),
					),
					Check: resource.ComposeAggregateTestCheckFunc(
						func(*terraform.State) error {
							if want.Title["en"] == want.Title["ru"] {
								return fmt.Errorf("the fixture's titles must differ by language to prove anything")
							}
							// Three data sources, two languages, and one
							// Terraform command (the plan that reads them) so
							// far: the default shares its read with the data
							// source naming the same language.
							if got := sb.Requests(streamskillsandbox.Name); got != 2 {
								return fmt.Errorf("sandbox served %d StreamSkill requests, want 2 (one per language)", got)
							}
							return nil
						},
					),
				}},
			})
		})
	}
}

func TestAccStreamskillTariffRecoversFromARateLimit(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	sb.InjectFaults(streamskillsandbox.Name, sandbox.Fault{Status: http.StatusTooManyRequests, RateLimitReset: "1"})
	want := streamskillTariff(t, sb, streamskillsandbox.TariffVolumeDiscounts)
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + fmt.Sprintf(`
data "pricing_streamskill_tariff" "one" {
  id = %d
}`, want.ID),
			ConfigStateChecks: checkStreamskillTariff("data.pricing_streamskill_tariff.one", want, "en"),
			Check: resource.ComposeAggregateTestCheckFunc(
				func(*terraform.State) error {
					if got := sb.Responses(streamskillsandbox.Name, http.StatusTooManyRequests); got != 1 {
						return fmt.Errorf("sandbox answered 429 %d times, want exactly once", got)
					}
					return nil
				},
			),
		}},
	})
}

func TestAccStreamskillTariffFailsLoudly(t *testing.T) {
	t.Parallel()
	tariff := func(id int) string {
		return fmt.Sprintf("data \"pricing_streamskill_tariff\" \"one\" {\n  id = %d\n}", id)
	}
	acctest.TestFailures(t, streamskillsandbox.Name, tariff(streamskillsandbox.TariffVolumeDiscounts), []acctest.Failure{
		{
			Name:   "on an unknown id, with StreamSkill's message",
			Config: tariff(999),
			Want:   `(?s)StreamSkill tariff 999 not found.*streamskill: get tariff 999: HTTP 404 Not Found: Object not\s+found: 999\s+\(code\s+tarif_not_found_exception\)`,
		},
		{
			Name:  "with a key the vendor rejects",
			Block: `api_key = "wrong-key", base_url = "%s"`,
			Want:  `(?s)StreamSkill rejected the API key.*HTTP 401.*Your request was made with\s+invalid credentials\..*STREAMSKILL_API_KEY`,
		},
		{
			Name:  "without a key",
			Block: `base_url = "%s"`,
			Want:  `(?s)Missing StreamSkill API key.*streamskill.api_key.*STREAMSKILL_API_KEY`,
		},
	})
}

func TestAccStreamskillTariffValidatesArguments(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, config, want string }{
		{"id 0", `id = 0`, `(?s)Attribute id value must be at least 1, got: 0`},
		{"language de", "id = 1\n  language = \"de\"", `(?s)Attribute language value must be one of: \["en" "ru"\], got: "de"`},
		{"a missing id", ``, `(?s)The argument "id" is required`},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is refused at plan time", func(t *testing.T) {
			t.Parallel()
			acctest.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config:      fmt.Sprintf("data \"pricing_streamskill_tariff\" \"one\" {\n  %s\n}", tt.config),
					ExpectError: regexp.MustCompile(tt.want),
				}},
			})
		})
	}
}

func TestAccStreamskillTariffExampleWorksAsDocumented(t *testing.T) {
	t.Parallel()
	example, err := os.ReadFile("../../examples/data-sources/pricing_streamskill_tariff/data-source.tf")
	if err != nil {
		t.Fatal(err)
	}
	sb := acctest.StartSandbox(t, sandbox.Options{})
	chatbot := streamskillTariff(t, sb, streamskillsandbox.TariffGraduated)
	followers := streamskillTariff(t, sb, streamskillsandbox.TariffVolumeDiscounts)
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + string(example),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckOutput("chatbot_price_per_hour",
					fmt.Sprintf("%s: %s per hour for 150 chatbots", chatbot.Title["en"], formatNumber(chatbot.GraduatedPrices["101"]))),

				resource.TestCheckOutput("followers_discount_from_1000", strconv.Itoa(followers.Discounts["1000"])),
			),
		}},
	})
}
