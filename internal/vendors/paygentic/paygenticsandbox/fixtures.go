package paygenticsandbox

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// DefaultPlans is the size of the Paygentic fixture when
// Options.Plans is 0: more than two pages of the maximum limit.
const DefaultPlans = 260

// Known Paygentic fixture values (the first plans reproduce the vendor's own
// examples).
const (
	BasicPlanID    = "plan_t9u0v1w2x3y4z5a6" // "Basic Tier", price "49990000000" (49.99 USD)
	BusinessPlanID = "plan_z1a2b3c4d5e6f7g8" // "Business Package", price "199000000000" (199 USD)
	SubCentPlanID  = "plan_0000000000000002" // price "4990000" (0.00499 USD)
	// FixedPlanID has no plan-level price: a fixed in-advance fee
	// price of "99.00" USD a month and two usage prices.
	FixedPlanID = "plan_0000000000000004"
	// PriceIDsPlanID is read by id with its prices as id strings.
	PriceIDsPlanID = "plan_0000000000000012"
)

// Merchants and Products are the fixture's merchant and
// product ids. Product i belongs to merchant i%4.
var (
	Merchants = []string{"org_b7c8d9e0f1g2h3i4", "org_h9i0j1k2l3m4n5o6", "org_q1r2s3t4u5v6w7x8", "org_y9z0a1b2c3d4e5f6"}
	Products  = []string{"prod_j5k6l7m8n9o0p1q2", "prod_p7q8r9s0t1u2v3w4", "prod_a1b2c3d4e5f6g7h8", "prod_i9j0k1l2m3n4o5p6", "prod_q7r8s9t0u1v2w3x4", "prod_y5z6a7b8c9d0e1f2"}
)

// Plan follows the vendor's current schema: most plans have no
// plan-level Price and carry their money in Prices[].Properties. The first
// three keep the reference page's plan-level Price (older data). Price and
// BillingInterval are optional (older and deprecated fields); Metadata and
// TrialPeriodDays are undocumented extras that decoders must ignore.
type Plan struct {
	ID                 string         `json:"id"`
	Object             string         `json:"object"`
	BillingCadence     string         `json:"billingCadence"`
	BillingInterval    string         `json:"billingInterval,omitempty"`
	CreatedAt          string         `json:"createdAt"`
	Currency           string         `json:"currency"`
	DefaultTaxCode     string         `json:"defaultTaxCode"`
	DefaultTaxRate     float64        `json:"defaultTaxRate"`
	Description        string         `json:"description"`
	InvoiceDisplayName string         `json:"invoiceDisplayName"`
	MerchantID         string         `json:"merchantId"`
	Name               string         `json:"name"`
	Price              string         `json:"price,omitempty"`
	Prices             []Price        `json:"prices"`
	ProductID          string         `json:"productId"`
	TaxBehavior        string         `json:"taxBehavior"`
	UpdatedAt          string         `json:"updatedAt"`
	Metadata           map[string]any `json:"metadata,omitempty"`
	TrialPeriodDays    int            `json:"trialPeriodDays,omitempty"`
	PaymentTerm        *Term          `json:"paymentTerm,omitempty"`
	CreditAllocations  []Grant        `json:"creditAllocations,omitempty"`
}

// Term is a plan's paymentTerm object.
type Term struct {
	InArrears bool `json:"in_arrears"`
	InAdvance bool `json:"in_advance"`
}

// Grant is one of a plan's creditAllocations.
type Grant struct {
	PricingUnitID    string `json:"pricingUnitId"`
	Amount           int64  `json:"amount"`
	RecurrencePeriod string `json:"recurrencePeriod,omitempty"`
}

// singleJSON is the plan as GET /v0/plans/{id} sends it: the plan
// PriceIDsPlanID lists its prices as bare id strings there, as the
// vendor's own example of that endpoint does; the list sends objects.
func (p Plan) singleJSON() ([]byte, error) {
	type plain Plan
	if p.ID != PriceIDsPlanID {
		return json.Marshal(p)
	}
	ids := make([]string, len(p.Prices))
	for i, pr := range p.Prices {
		ids[i] = pr.ID
	}
	return json.Marshal(struct {
		plain
		Prices []string `json:"prices"`
	}{plain(p), ids})
}

// Price is one entry of a plan's prices. Properties holds its
// amounts by model, decimal strings in the major unit (standard unitPrice;
// dynamic minPrice, maxPrice; volume default, parameters; percentage
// percentage, minCharge, maxCharge). UnitAmount is undocumented and may be
// absent. A fixed charge is a standard in_advance price with a FeeID.
type Price struct {
	ID                 string         `json:"id"`
	Object             string         `json:"object"`
	BillableMetricID   string         `json:"billableMetricId,omitempty"`
	FeeID              string         `json:"feeId,omitempty"`
	CreatedAt          string         `json:"createdAt"`
	InvoiceDisplayName string         `json:"invoiceDisplayName"`
	Model              string         `json:"model"`
	PaymentTerm        string         `json:"paymentTerm"`
	UnitAmount         string         `json:"unitAmount,omitempty"`
	Currency           string         `json:"currency,omitempty"`
	Quantity           int64          `json:"quantity,omitempty"`
	Properties         map[string]any `json:"properties,omitempty"`
	UpdatedAt          string         `json:"updatedAt"`
}

type paygenticData struct {
	plans []Plan
	json  [][]byte         // serialized plans, same index
	one   [][]byte         // each plan as GET /v0/plans/{id} sends it
	byID  map[string]int   // plan id -> index
	index map[string][]int // paygenticFilterKey(merchant, product) -> plan indexes in order
}

func paygenticFilterKey(merchantID, productID string) string { return merchantID + "|" + productID }

func newPaygenticData(n int) *paygenticData {
	if n <= 0 {
		n = DefaultPlans
	}
	d := &paygenticData{
		plans: make([]Plan, n),
		json:  make([][]byte, n),
		one:   make([][]byte, n),
		byID:  make(map[string]int, n),
		index: map[string][]int{},
	}
	for i := range n {
		p := paygenticPlan(i)
		b, err := json.Marshal(p)
		if err == nil {
			d.one[i], err = p.singleJSON()
		}
		if err != nil {
			panic("sandbox: paygentic fixture does not marshal: " + err.Error())
		}
		d.plans[i], d.json[i], d.byID[p.ID] = p, b, i
		for _, k := range []string{
			paygenticFilterKey("", ""),
			paygenticFilterKey(p.MerchantID, ""),
			paygenticFilterKey("", p.ProductID),
			paygenticFilterKey(p.MerchantID, p.ProductID),
		} {
			d.index[k] = append(d.index[k], i)
		}
	}
	return d
}

var (
	paygenticTiers     = []string{"Starter", "Basic", "Growth", "Pro", "Business", "Scale", "Enterprise"}
	paygenticCadences  = []string{"P1M", "P3M", "P1Y"}
	paygenticIntervals = map[string]string{"P1M": "monthly", "P3M": "quarterly", "P1Y": "yearly"}
	paygenticModels    = []string{"standard", "dynamic", "volume", "percentage"}
	paygenticTaxRates  = []float64{8.5, 10, 0, 20, 7.25}
	paygenticTaxCodes  = []string{"eservice", "saas", "digital_goods"}
	paygenticMetrics   = []string{"Token Usage", "Storage Usage", "API Calls", "Seats", "Compute Minutes"}
	// Monthly list prices in cents; atomic units are cents * 10^7.
	paygenticCents = []int64{900, 1900, 2900, 4900, 9900, 19900, 49900, 1250}
)

// paygenticPlan builds plan i from its index alone, so any size of fixture
// is cheap, deterministic and a prefix of larger ones.
func paygenticPlan(i int) Plan {
	base := time.Date(2024, 1, 12, 10, 0, 0, 0, time.UTC)
	created := base.Add(time.Duration(i) * time.Hour)
	updated := created.Add(time.Duration(i%5) * 24 * time.Hour)
	product := i % len(Products)
	merchant := product % len(Merchants)
	cadence := paygenticCadences[(i/6)%len(paygenticCadences)]
	tier := paygenticTiers[i%len(paygenticTiers)]
	currency := "USD"
	if merchant == 3 {
		currency = "EUR"
	}
	p := Plan{
		ID:                 fmt.Sprintf("plan_%016d", i),
		Object:             "plan",
		BillingCadence:     cadence,
		CreatedAt:          created.Format(time.RFC3339),
		Currency:           currency,
		DefaultTaxCode:     paygenticTaxCodes[i%len(paygenticTaxCodes)],
		DefaultTaxRate:     paygenticTaxRates[i%len(paygenticTaxRates)],
		Description:        fmt.Sprintf("%s plan #%d with a monthly usage allowance", tier, i),
		InvoiceDisplayName: fmt.Sprintf("%s Plan %d", tier, i),
		MerchantID:         Merchants[merchant],
		Name:               fmt.Sprintf("%s Plan %d", tier, i),
		ProductID:          Products[product],
		TaxBehavior:        []string{"exclusive", "inclusive"}[(i/3)%2],
		UpdatedAt:          updated.Format(time.RFC3339),
	}
	// Usage-only plans (i%5 == 3) have no fixed charge; the others bill a
	// fixed in-advance fee price, as the current API shapes it.
	if i%5 != 3 {
		cents := paygenticCents[i%len(paygenticCents)]
		p.Prices = append(p.Prices, Price{
			ID: fmt.Sprintf("price_%016x", sandbox.Mix64(uint64(i)^0xfee)), Object: "price", FeeID: fmt.Sprintf("fee_%016x", sandbox.Mix64(uint64(i)^0xf)),
			CreatedAt: p.CreatedAt, InvoiceDisplayName: tier + " subscription", Model: "standard", PaymentTerm: "in_advance",
			Currency: currency, Quantity: 1, Properties: map[string]any{"unitPrice": fmt.Sprintf("%d.%02d", cents/100, cents%100)},
			UpdatedAt: p.UpdatedAt,
		})
	}
	if i%4 == 0 {
		p.BillingInterval = paygenticIntervals[cadence]
	}
	if i%7 == 6 {
		p.Metadata = map[string]any{"tier": tier, "legacy": i%2 == 0}
		p.TrialPeriodDays = 14
	}
	if i%6 != 5 {
		p.PaymentTerm = &Term{InArrears: true, InAdvance: i%5 != 3}
	}
	if i%4 == 1 {
		p.CreditAllocations = []Grant{{PricingUnitID: fmt.Sprintf("pu_%08d", i), Amount: int64(1000 * (1 + i%3)), RecurrencePeriod: cadence}}
	}
	for k := range 1 + i%3 {
		seed := uint64(i)*8 + uint64(k)
		pr := Price{
			ID:                 fmt.Sprintf("price_%016x", sandbox.Mix64(seed)),
			Object:             "price",
			BillableMetricID:   fmt.Sprintf("bm_%016x", sandbox.Mix64(seed^0xb111)),
			CreatedAt:          p.CreatedAt,
			InvoiceDisplayName: paygenticMetrics[(i+k)%len(paygenticMetrics)],
			Model:              paygenticModels[(i+k)%len(paygenticModels)],
			PaymentTerm:        "in_arrears",
			Properties:         paygenticUsageProperties(paygenticModels[(i+k)%len(paygenticModels)], i+k),
			UpdatedAt:          p.UpdatedAt,
		}
		if (i+k)%3 != 2 {
			pr.UnitAmount = strconv.FormatInt(int64(2_500_000*(1+(i+k)%4)), 10)
			pr.Currency = currency
		}
		p.Prices = append(p.Prices, pr)
	}

	switch i {
	case 0:
		p.ID, p.Name, p.InvoiceDisplayName = BasicPlanID, "Basic Tier", "LLM API Basic Plan"
		p.Description = "Claude API access with 500K tokens monthly allowance"
		p.Price, p.BillingCadence, p.BillingInterval = "49990000000", "P1M", "monthly"
		p.DefaultTaxCode, p.DefaultTaxRate = "eservice", 8.5
		p.Prices, p.PaymentTerm = p.Prices[1:], nil // the page's plan: usage prices only
	case 1:
		p.ID, p.Name, p.InvoiceDisplayName = BusinessPlanID, "Business Package", "Data Warehouse Business"
		p.Description = "Unlimited cloud storage plus real-time analytics tools"
		p.Price, p.BillingCadence, p.BillingInterval = "199000000000", "P1M", "monthly"
		p.DefaultTaxCode, p.DefaultTaxRate = "eservice", 10
		p.Prices, p.PaymentTerm = p.Prices[1:], nil
	case 2:
		p.Price = "4990000"
		p.Prices, p.PaymentTerm = p.Prices[1:], nil
	}
	return p
}

// paygenticUsageProperties are a usage price's amounts for its model, as
// Paygentic's current schema shapes them; a standard one is a rebate (a
// negative unitPrice) now and then.
func paygenticUsageProperties(model string, n int) map[string]any {
	switch model {
	case "standard":
		if n%11 == 10 {
			return map[string]any{"unitPrice": "-0.000005"}
		}
		return map[string]any{"unitPrice": fmt.Sprintf("0.0000%d", 1+n%9)}
	case "dynamic":
		return map[string]any{"minPrice": "0.01", "maxPrice": fmt.Sprintf("0.%02d", 10+n%50)}
	case "volume":
		return map[string]any{"default": "0.15", "parameters": map[string]any{"function": "linear", "gradient": "-0.0001", "min": "0.05", "max": "0.15"}}
	}
	return map[string]any{"percentage": fmt.Sprintf("0.0%d", 1+n%9), "minCharge": "5.00", "maxCharge": "500.00"}
}

// Plans returns a copy of the Paygentic fixture in list order.
// Nested slices and maps are shared: treat them as read-only.
func Plans(srv *sandbox.Server) []Plan {
	s := sandbox.Data[*server](srv, Name)
	return append([]Plan(nil), s.paygenticFixtures().plans...)
}

// PlanCount returns how many plans the list endpoint reports for the
// given filters ("" means unfiltered).
func PlanCount(srv *sandbox.Server, merchantID, productID string) int {
	s := sandbox.Data[*server](srv, Name)
	return len(s.paygenticFixtures().index[paygenticFilterKey(merchantID, productID)])
}
