package datasources_test

import (
	"fmt"
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
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
)

// paygenticFixture is the sandbox's plans matching the filters ("" means
// any), in API order.
func paygenticFixture(sb *acctest.Sandbox, merchantID, productID string) []paygenticsandbox.Plan {
	var out []paygenticsandbox.Plan
	for _, p := range paygenticsandbox.Plans(sb.Server) {
		if (merchantID == "" || p.MerchantID == merchantID) && (productID == "" || p.ProductID == productID) {
			out = append(out, p)
		}
	}
	return out
}

// checkStringOrNull checks an attribute the fixture may leave out: the
// sandbox omits empty strings, which must then be null in state.
func checkStringOrNull(name, key, want string) statecheck.StateCheck {
	if want == "" {
		return acctest.Attr(name, key, knownvalue.Null())
	}
	return acctest.Attr(name, key, knownvalue.StringExact(want))
}

// checkPaygenticPlan checks every attribute of one plan, found at prefix
// ("" for the lookup data source, "plans.3." in a list), against the fixture.
// price_amount is checked by the callers, against hand-computed values.
func checkPaygenticPlan(name, prefix string, p paygenticsandbox.Plan) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{
		acctest.Attr(name, prefix+"id", knownvalue.StringExact(p.ID)),
		acctest.Attr(name, prefix+"name", knownvalue.StringExact(p.Name)),
		acctest.Attr(name, prefix+"description", knownvalue.StringExact(p.Description)),
		acctest.Attr(name, prefix+"invoice_display_name", knownvalue.StringExact(p.InvoiceDisplayName)),
		acctest.Attr(name, prefix+"currency", knownvalue.StringExact(p.Currency)),
		acctest.Attr(name, prefix+"billing_cadence", knownvalue.StringExact(p.BillingCadence)),
		checkStringOrNull(name, prefix+"billing_interval", p.BillingInterval),
		checkStringOrNull(name, prefix+"price", p.Price),
		acctest.Attr(name, prefix+"default_tax_code", knownvalue.StringExact(p.DefaultTaxCode)),
		acctest.Attr(name, prefix+"default_tax_rate", knownvalue.NumberExact(acctest.Number(strconv.FormatFloat(p.DefaultTaxRate, 'f', -1, 64)))),
		acctest.Attr(name, prefix+"tax_behavior", knownvalue.StringExact(p.TaxBehavior)),
		acctest.Attr(name, prefix+"merchant_id", knownvalue.StringExact(p.MerchantID)),
		acctest.Attr(name, prefix+"product_id", knownvalue.StringExact(p.ProductID)),
		acctest.Attr(name, prefix+"created_at", knownvalue.StringExact(p.CreatedAt)),
		acctest.Attr(name, prefix+"updated_at", knownvalue.StringExact(p.UpdatedAt)),
		acctest.Attr(name, prefix+"prices", knownvalue.ListSizeExact(len(p.Prices))),
	}
	if p.Price == "" {
		checks = append(checks, acctest.Attr(name, prefix+"price_amount", numberOrNull(paygenticFixedCharge(p))))
	}
	checks = append(checks, checkPaygenticPlanTerms(name, prefix, p)...)
	for i, pr := range p.Prices {
		at := fmt.Sprintf("%sprices.%d.", prefix, i)
		checks = append(checks,
			acctest.Attr(name, at+"id", knownvalue.StringExact(pr.ID)),
			acctest.Attr(name, at+"model", knownvalue.StringExact(pr.Model)),
			acctest.Attr(name, at+"payment_term", knownvalue.StringExact(pr.PaymentTerm)),
			checkStringOrNull(name, at+"billable_metric_id", pr.BillableMetricID),
			acctest.Attr(name, at+"invoice_display_name", knownvalue.StringExact(pr.InvoiceDisplayName)),
			checkStringOrNull(name, at+"unit_amount", pr.UnitAmount),
			checkStringOrNull(name, at+"currency", pr.Currency),
			acctest.Attr(name, at+"created_at", knownvalue.StringExact(pr.CreatedAt)),
			acctest.Attr(name, at+"updated_at", knownvalue.StringExact(pr.UpdatedAt)),
		)
		checks = append(checks, checkPaygenticPriceMoney(name, at, pr)...)
	}
	return checks
}

// checkPaygenticList checks count, total and every plan's id, merchant,
// product and price, in order, against the fixture.
func checkPaygenticList(name string, want []paygenticsandbox.Plan) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{
		acctest.Attr(name, "total", knownvalue.Int64Exact(int64(len(want)))),
		acctest.Attr(name, "plans", knownvalue.ListSizeExact(len(want))),
	}
	for i, p := range want {
		at := fmt.Sprintf("plans.%d.", i)
		checks = append(checks,
			acctest.Attr(name, at+"id", knownvalue.StringExact(p.ID)),
			acctest.Attr(name, at+"merchant_id", knownvalue.StringExact(p.MerchantID)),
			acctest.Attr(name, at+"product_id", knownvalue.StringExact(p.ProductID)),
			checkStringOrNull(name, at+"price", p.Price),
		)
	}
	return checks
}

// paygenticMoney are the fixture's reference prices in the major unit,
// computed by hand.
var paygenticMoney = map[string]struct{ Amount, Period, monthly string }{
	paygenticsandbox.BasicPlanID:    {"49.99", "P1M", "49.99"},
	paygenticsandbox.BusinessPlanID: {"199", "P1M", "199"},
	paygenticsandbox.SubCentPlanID:  {"0.00499", "P1M", "0.00499"},
}

func TestAccPaygenticPlansReturnsEveryPlan(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	all := paygenticsandbox.Plans(sb.Server)
	if len(all) != paygenticsandbox.DefaultPlans || all[3].Price != "" || all[0].Prices[0].UnitAmount == "" {
		t.Fatalf("the fixture must hold %d plans, plan 3 without price and plan 0 with a priced first price", paygenticsandbox.DefaultPlans)
	}
	const name = "data.pricing_paygentic_plans.all"
	checks := checkPaygenticList(name, all)
	// Every attribute of the reference plans, a usage-only plan (3), one
	// with undocumented extra fields (6) and the last one.
	for _, i := range []int{0, 1, 2, 3, 6, len(all) - 1} {
		checks = append(checks, checkPaygenticPlan(name, fmt.Sprintf("plans.%d.", i), all[i])...)
	}
	for i, p := range all[:3] {
		want := paygenticMoney[p.ID]
		checks = append(checks, acctest.Money(name, fmt.Sprintf("plans.%d.", i), want.Amount, want.Period, want.monthly, false)...)
	}
	checks = append(checks,
		acctest.Attr(name, "plans.0.price", knownvalue.StringExact("49990000000")),
		acctest.Attr(name, "plans.1.price", knownvalue.StringExact("199000000000")),
		acctest.Attr(name, "plans.2.price", knownvalue.StringExact("4990000")),
		acctest.Attr(name, "plans.3.price", knownvalue.Null()),
		acctest.Attr(name, "plans.3.price_amount", knownvalue.Null()),
		acctest.Attr(name, "plans.3.monthly_amount", knownvalue.Null()),
		acctest.Attr(name, "merchant_id", knownvalue.Null()),
		acctest.Attr(name, "product_id", knownvalue.Null()),
	)
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + `
data "pricing_paygentic_plans" "all" {}
data "pricing_paygentic_plans" "same_query" {}`,
			ConfigStateChecks: append(checks,
				acctest.Attr("data.pricing_paygentic_plans.same_query", "total", knownvalue.Int64Exact(int64(len(all)))),
			),
			Check: checkOneListingRead(sb, 3),
		}},
	})
	// apply, then plan and refresh: each command reads the listing once.
	if got, pages, commands := sb.Requests(paygenticsandbox.Name), 3, 3; got > pages*commands || got%pages != 0 {
		t.Errorf("sandbox served %d Paygentic requests in all, want %d pages per Terraform command, at most %d commands", got, pages, commands)
	}
}

// TestAccPaygenticPlansReadsTenThousandPlans reads a catalogue the size of
// the benchmark's through real Terraform: every plan in API order, in
// exactly 100 requests of 100 plans.
func TestAccPaygenticPlansReadsTenThousandPlans(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{Vendor: paygenticsandbox.WithPlans(10000)})
	all := paygenticsandbox.Plans(sb.Server)
	const name = "data.pricing_paygentic_plans.all"
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig("max_parallel_requests = 8") + `
data "pricing_paygentic_plans" "all" {}`,
			ConfigStateChecks: slices.Concat(
				checkPaygenticList(name, all),
				checkPaygenticPlan(name, "plans.9999.", all[9999]),
			),
			Check: resource.ComposeAggregateTestCheckFunc(
				checkOneListingRead(sb, 100),
			),
		}},
	})
}

// checkOneListingRead fails unless the sandbox served exactly one listing
// of the given pages so far: the check runs after the step's first command
// (apply), in which every data source of the same query shares one read at
// the maximum page size.
func checkOneListingRead(sb *acctest.Sandbox, pages int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := sb.Requests(paygenticsandbox.Name); got != pages {
			return fmt.Errorf("sandbox served %d Paygentic requests by the first check, want %d: one read of %d pages of 100", got, pages, pages)
		}
		return nil
	}
}

func TestAccPaygenticPlansFilters(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	merchant, product := paygenticsandbox.Merchants[1], paygenticsandbox.Products[5]
	otherProduct := paygenticsandbox.Products[0] // belongs to merchant 0
	tests := []struct {
		block             string
		merchant, product string
	}{
		{"by_merchant", merchant, ""},
		{"by_product", "", product},
		{"by_both", merchant, product},
		{"by_mismatched_pair", merchant, otherProduct},
	}
	var config strings.Builder
	var checks []statecheck.StateCheck
	for _, tt := range tests {
		fmt.Fprintf(&config, "data \"pricing_paygentic_plans\" %q {\n", tt.block)
		name := "data.pricing_paygentic_plans." + tt.block
		if tt.merchant != "" {
			fmt.Fprintf(&config, "  merchant_id = %q\n", tt.merchant)
			checks = append(checks, acctest.Attr(name, "merchant_id", knownvalue.StringExact(tt.merchant)))
		}
		if tt.product != "" {
			fmt.Fprintf(&config, "  product_id = %q\n", tt.product)
			checks = append(checks, acctest.Attr(name, "product_id", knownvalue.StringExact(tt.product)))
		}
		config.WriteString("}\n")
		want := paygenticFixture(sb, tt.merchant, tt.product)
		if len(want) != paygenticsandbox.PlanCount(sb.Server, tt.merchant, tt.product) {
			t.Fatalf("%s: fixture filter finds %d plans, the sandbox reports %d", tt.block, len(want), paygenticsandbox.PlanCount(sb.Server, tt.merchant, tt.product))
		}
		checks = append(checks, checkPaygenticList(name, want)...)
	}
	if paygenticsandbox.PlanCount(sb.Server, merchant, "") <= paygenticsandbox.PlanCount(sb.Server, merchant, product) || paygenticsandbox.PlanCount(sb.Server, merchant, product) == 0 ||
		paygenticsandbox.PlanCount(sb.Server, merchant, otherProduct) != 0 {
		t.Fatal("the fixture must give the merchant several products, the pair some plans and the mismatched pair none")
	}
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:            sb.ProviderConfig() + config.String(),
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccPaygenticPlansFailsLoudly(t *testing.T) {
	t.Parallel()
	acctest.TestFailures(t, paygenticsandbox.Name, `data "pricing_paygentic_plans" "all" {}`, []acctest.Failure{
		{
			Name:  "without a key",
			Block: `base_url = "%s"`,
			Want:  `(?s)Missing Paygentic API key.*paygentic.api_key.*PAYGENTIC_API_KEY`,
		},
		{
			Name:  "with a key the vendor rejects",
			Block: `api_key = "wrong-key", base_url = "%s"`,
			Want:  `(?s)Paygentic rejected the API key.*paygentic: list plans page 1: HTTP 401 Unauthorized: Invalid API key \(code\s+unauthorized\).*paygentic.api_key.*PAYGENTIC_API_KEY`,
		},
		{
			Name:   "on a permanent 500",
			Faults: []sandbox.Fault{{Status: 500, Sticky: true}},
			Want:   `(?s)Unable to read Paygentic plans.*paygentic: list plans page 1: HTTP 500 Internal Server Error: Internal\s+server\s+error \(code\s+internal_error\)`,
		},
		{
			Name:   "on malformed JSON",
			Faults: []sandbox.Fault{{Kind: sandbox.FaultMalformedJSON, Sticky: true}},
			Want:   `(?s)paygentic: list plans page 1 \(GET\s+http://127\.0\.0\.1:\d+/paygentic/v0/plans.*not the documented JSON`,
		},
	})
}

func TestAccPaygenticPlansValidatesFilters(t *testing.T) {
	t.Parallel()
	tests := []struct{ config, want string }{
		{`merchant_id = "foo"`, `(?s)Attribute merchant_id must match \^org_ \(a Paygentic merchant\s+organization\s+id\),\s+got:\s+foo`},
		{`product_id = "org_b7c8d9e0f1g2h3i4"`, `(?s)Attribute product_id must match \^prod_ \(a Paygentic product id\),\s+got:\s+org_b7c8d9e0f1g2h3i4`},
	}
	for _, tt := range tests {
		t.Run(tt.config+" is refused at plan time", func(t *testing.T) {
			t.Parallel()
			acctest.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config:      fmt.Sprintf("data \"pricing_paygentic_plans\" \"all\" {\n  %s\n}", tt.config),
					ExpectError: regexp.MustCompile(tt.want),
				}},
			})
		})
	}
}
