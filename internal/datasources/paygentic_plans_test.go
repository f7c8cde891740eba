package datasources_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// paygenticFixture is the sandbox's plans matching the filters ("" means
// any), in API order.
func paygenticFixture(sb *acctest.Sandbox, merchantID, productID string) []sandbox.PaygenticPlan {
	var out []sandbox.PaygenticPlan
	for _, p := range sb.PaygenticPlans() {
		if (merchantID == "" || p.MerchantID == merchantID) && (productID == "" || p.ProductID == productID) {
			out = append(out, p)
		}
	}
	return out
}

// checkStringOrNull checks an attribute the fixture may leave out: the
// sandbox omits empty strings, which must then be null in state.
func checkStringOrNull(name, key, want string) resource.TestCheckFunc {
	if want == "" {
		return resource.TestCheckNoResourceAttr(name, key)
	}
	return resource.TestCheckResourceAttr(name, key, want)
}

// checkPaygenticPlan checks every attribute of one plan, found at prefix
// ("" for the lookup data source, "plans.3." in a list), against the fixture.
// price_amount is checked by the callers, against hand-computed values.
func checkPaygenticPlan(name, prefix string, p sandbox.PaygenticPlan) resource.TestCheckFunc {
	checks := []resource.TestCheckFunc{
		resource.TestCheckResourceAttr(name, prefix+"id", p.ID),
		resource.TestCheckResourceAttr(name, prefix+"name", p.Name),
		resource.TestCheckResourceAttr(name, prefix+"description", p.Description),
		resource.TestCheckResourceAttr(name, prefix+"invoice_display_name", p.InvoiceDisplayName),
		resource.TestCheckResourceAttr(name, prefix+"currency", p.Currency),
		resource.TestCheckResourceAttr(name, prefix+"billing_cadence", p.BillingCadence),
		checkStringOrNull(name, prefix+"billing_interval", p.BillingInterval),
		checkStringOrNull(name, prefix+"price", p.Price),
		resource.TestCheckResourceAttr(name, prefix+"default_tax_code", p.DefaultTaxCode),
		resource.TestCheckResourceAttr(name, prefix+"default_tax_rate", strconv.FormatFloat(p.DefaultTaxRate, 'f', -1, 64)),
		resource.TestCheckResourceAttr(name, prefix+"tax_behavior", p.TaxBehavior),
		resource.TestCheckResourceAttr(name, prefix+"merchant_id", p.MerchantID),
		resource.TestCheckResourceAttr(name, prefix+"product_id", p.ProductID),
		resource.TestCheckResourceAttr(name, prefix+"created_at", p.CreatedAt),
		resource.TestCheckResourceAttr(name, prefix+"updated_at", p.UpdatedAt),
		resource.TestCheckResourceAttr(name, prefix+"prices.#", strconv.Itoa(len(p.Prices))),
	}
	if p.Price == "" {
		checks = append(checks, resource.TestCheckNoResourceAttr(name, prefix+"price_amount"))
	}
	for i, pr := range p.Prices {
		at := fmt.Sprintf("%sprices.%d.", prefix, i)
		checks = append(checks,
			resource.TestCheckResourceAttr(name, at+"id", pr.ID),
			resource.TestCheckResourceAttr(name, at+"model", pr.Model),
			resource.TestCheckResourceAttr(name, at+"payment_term", pr.PaymentTerm),
			resource.TestCheckResourceAttr(name, at+"billable_metric_id", pr.BillableMetricID),
			resource.TestCheckResourceAttr(name, at+"invoice_display_name", pr.InvoiceDisplayName),
			checkStringOrNull(name, at+"unit_amount", pr.UnitAmount),
			checkStringOrNull(name, at+"currency", pr.Currency),
			resource.TestCheckResourceAttr(name, at+"created_at", pr.CreatedAt),
			resource.TestCheckResourceAttr(name, at+"updated_at", pr.UpdatedAt),
		)
	}
	return resource.ComposeAggregateTestCheckFunc(checks...)
}

// checkPaygenticList checks count, total and every plan's id, merchant,
// product and price, in order, against the fixture.
func checkPaygenticList(name string, want []sandbox.PaygenticPlan) resource.TestCheckFunc {
	checks := []resource.TestCheckFunc{
		resource.TestCheckResourceAttr(name, "total", strconv.Itoa(len(want))),
		resource.TestCheckResourceAttr(name, "plans.#", strconv.Itoa(len(want))),
	}
	for i, p := range want {
		at := fmt.Sprintf("plans.%d.", i)
		checks = append(checks,
			resource.TestCheckResourceAttr(name, at+"id", p.ID),
			resource.TestCheckResourceAttr(name, at+"merchant_id", p.MerchantID),
			resource.TestCheckResourceAttr(name, at+"product_id", p.ProductID),
			checkStringOrNull(name, at+"price", p.Price),
		)
	}
	return resource.ComposeAggregateTestCheckFunc(checks...)
}

// paygenticPriceAmounts are the fixture's reference prices in the major
// unit, computed by hand.
var paygenticPriceAmounts = map[string]string{
	sandbox.PaygenticBasicPlanID:    "49.99",
	sandbox.PaygenticBusinessPlanID: "199",
	sandbox.PaygenticSubCentPlanID:  "0.00499",
}

func TestAccPaygenticPlansReturnsEveryPlan(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	all := sb.PaygenticPlans()
	if len(all) != sandbox.DefaultPaygenticPlans || all[3].Price != "" || all[0].Prices[0].UnitAmount == "" {
		t.Fatalf("the fixture must hold %d plans, plan 3 without price and plan 0 with a priced first price", sandbox.DefaultPaygenticPlans)
	}
	const name = "data.pricing_paygentic_plans.all"
	checks := []resource.TestCheckFunc{checkPaygenticList(name, all)}
	// Every attribute of the reference plans, a usage-only plan (3), one
	// with undocumented extra fields (6) and the last one.
	for _, i := range []int{0, 1, 2, 3, 6, len(all) - 1} {
		checks = append(checks, checkPaygenticPlan(name, fmt.Sprintf("plans.%d.", i), all[i]))
	}
	for i, p := range all[:3] {
		checks = append(checks, resource.TestCheckResourceAttr(name, fmt.Sprintf("plans.%d.price_amount", i), paygenticPriceAmounts[p.ID]))
	}
	checks = append(checks,
		resource.TestCheckResourceAttr(name, "plans.0.price", "49990000000"),
		resource.TestCheckResourceAttr(name, "plans.1.price", "199000000000"),
		resource.TestCheckResourceAttr(name, "plans.2.price", "4990000"),
		resource.TestCheckNoResourceAttr(name, "plans.3.price"),
		resource.TestCheckNoResourceAttr(name, "plans.3.price_amount"),
		resource.TestCheckNoResourceAttr(name, "merchant_id"),
		resource.TestCheckNoResourceAttr(name, "product_id"),
		checkOneListingRead(sb, 3),
	)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + `
data "pricing_paygentic_plans" "all" {}
data "pricing_paygentic_plans" "same_query" {}`,
			Check: resource.ComposeAggregateTestCheckFunc(append(checks,
				resource.TestCheckResourceAttr("data.pricing_paygentic_plans.same_query", "total", strconv.Itoa(len(all))),
			)...),
		}},
	})
	// apply, then plan and refresh: each command reads the listing once.
	if got, pages, commands := sb.Requests(sandbox.VendorPaygentic), 3, 3; got > pages*commands || got%pages != 0 {
		t.Errorf("sandbox served %d Paygentic requests in all, want %d pages per Terraform command, at most %d commands", got, pages, commands)
	}
}

// TestAccPaygenticPlansReadsTenThousandPlans reads a catalogue the size of
// the benchmark's through real Terraform: every plan in API order, in
// exactly 100 requests of 100 plans.
func TestAccPaygenticPlansReadsTenThousandPlans(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{PaygenticPlans: 10000})
	all := sb.PaygenticPlans()
	const name = "data.pricing_paygentic_plans.all"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig("max_parallel_requests = 8") + `
data "pricing_paygentic_plans" "all" {}`,
			Check: resource.ComposeAggregateTestCheckFunc(
				checkOneListingRead(sb, 100),
				checkPaygenticList(name, all),
				checkPaygenticPlan(name, "plans.9999.", all[9999]),
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
		if got := sb.Requests(sandbox.VendorPaygentic); got != pages {
			return fmt.Errorf("sandbox served %d Paygentic requests by the first check, want %d: one read of %d pages of 100", got, pages, pages)
		}
		return nil
	}
}

func TestAccPaygenticPlansFilters(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	merchant, product := sandbox.PaygenticMerchants[1], sandbox.PaygenticProducts[5]
	otherProduct := sandbox.PaygenticProducts[0] // belongs to merchant 0
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
	var checks []resource.TestCheckFunc
	for _, tt := range tests {
		fmt.Fprintf(&config, "data \"pricing_paygentic_plans\" %q {\n", tt.block)
		name := "data.pricing_paygentic_plans." + tt.block
		if tt.merchant != "" {
			fmt.Fprintf(&config, "  merchant_id = %q\n", tt.merchant)
			checks = append(checks, resource.TestCheckResourceAttr(name, "merchant_id", tt.merchant))
		}
		if tt.product != "" {
			fmt.Fprintf(&config, "  product_id = %q\n", tt.product)
			checks = append(checks, resource.TestCheckResourceAttr(name, "product_id", tt.product))
		}
		config.WriteString("}\n")
		want := paygenticFixture(sb, tt.merchant, tt.product)
		if len(want) != sb.PaygenticPlanCount(tt.merchant, tt.product) {
			t.Fatalf("%s: fixture filter finds %d plans, the sandbox reports %d", tt.block, len(want), sb.PaygenticPlanCount(tt.merchant, tt.product))
		}
		checks = append(checks, checkPaygenticList(name, want))
	}
	if sb.PaygenticPlanCount(merchant, "") <= sb.PaygenticPlanCount(merchant, product) || sb.PaygenticPlanCount(merchant, product) == 0 ||
		sb.PaygenticPlanCount(merchant, otherProduct) != 0 {
		t.Fatal("the fixture must give the merchant several products, the pair some plans and the mismatched pair none")
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + config.String(),
			Check:  resource.ComposeAggregateTestCheckFunc(checks...),
		}},
	})
}

func TestAccPaygenticPlansFailsLoudly(t *testing.T) {
	t.Parallel()
	acctest.TestFailures(t, sandbox.VendorPaygentic, `data "pricing_paygentic_plans" "all" {}`, []acctest.Failure{
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
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      fmt.Sprintf("data \"pricing_paygentic_plans\" \"all\" {\n  %s\n}", tt.config),
					ExpectError: regexp.MustCompile(tt.want),
				}},
			})
		})
	}
}
