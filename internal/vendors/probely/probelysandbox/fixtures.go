package probelysandbox

import (
	"encoding/json"
	"strings"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// ExamplePlanID is the plan from the vendor's example: a trial with no
// price, discount, savings or tiers keys at all.
const ExamplePlanID = "enterprise-base-eur"

// Plan is one Probely plan. The scan-profile list appears under either
// of two keys (the vendor's schema and example disagree), so exactly one of
// AllowedScanProfiles and AllowedBuiltinScanProfiles is set. Price, Discount,
// Savings and Tiers are absent when nil; Tiers is JSON null for most plans.
type Plan struct {
	ID                         string          `json:"id"`
	Name                       string          `json:"name"`
	Family                     string          `json:"family"`
	Description                string          `json:"description"`
	IsTrial                    bool            `json:"is_trial"`
	ChargeModel                string          `json:"charge_model"`
	Price                      *int            `json:"price,omitempty"`
	CurrencyCode               string          `json:"currency_code"`
	Period                     int             `json:"period"`
	PeriodUnit                 string          `json:"period_unit"`
	AllowedScanProfiles        []string        `json:"allowed_scan_profiles,omitempty"`
	AllowedBuiltinScanProfiles []string        `json:"allowed_builtin_scan_profiles,omitempty"`
	AllowedCreditsPacks        []CreditsPack   `json:"allowed_credits_packs"`
	Discount                   *int            `json:"discount,omitempty"`
	Savings                    *int            `json:"savings,omitempty"`
	Tiers                      json.RawMessage `json:"tiers,omitempty"`
	// Recorded plans are shaped like the one recorded from api.probely.com:
	// no family and no allowed_credits_packs keys at all.
	Recorded bool `json:"-"`
}

// RecordedShapePlanID is the plan shaped like the recorded one: empty
// strings where the page has enums, price 0 without a currency, no family,
// credits packs, discount, savings or tiers.
const RecordedShapePlanID = "default-free"

// MarshalJSON leaves family and allowed_credits_packs out of a Recorded plan.
func (p Plan) MarshalJSON() ([]byte, error) {
	type plain Plan
	if !p.Recorded {
		return json.Marshal(plain(p))
	}
	return json.Marshal(struct {
		plain
		Family *string        `json:"family,omitempty"`
		Packs  *[]CreditsPack `json:"allowed_credits_packs,omitempty"`
	}{plain: plain(p)})
}

// CreditsPack is an entry of allowed_credits_packs.
type CreditsPack struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Price        int    `json:"price"`
	CurrencyCode string `json:"currency_code"`
	PackAmount   int    `json:"pack_amount"`
	Discount     int    `json:"discount"`
	Savings      int    `json:"savings"`
}

type probelyData struct {
	plans []Plan
	json  [][]byte
}

func intPtr(n int) *int { return &n }

func newProbelyData() *probelyData {
	type family struct {
		id, name, chargeModel string
		monthly               int // price in minor units for one month
		profiles              []string
		packs                 int
		tiers                 string
	}
	families := []family{
		{"basic", "Basic Plan", "flat_fee", 4900, []string{"lightning", "safe"}, 0, ""},
		{"pro", "Pro Plan", "per_unit", 14900, []string{"lightning", "safe", "normal"}, 1, ""},
		{"business", "Business Plan", "volume", 49900, []string{"lightning", "safe", "normal", "full"}, 2,
			`{"tiers":[{"up_to":10,"unit_price":100},{"up_to":null,"unit_price":80}]}`},
		{"enterprise", "Enterprise Plan", "tiered", 199900, []string{"lightning", "safe", "normal", "full"}, 3,
			`{"tiers":[{"up_to":5,"flat_price":99900},{"up_to":25,"unit_price":15000},{"up_to":null,"unit_price":12000}]}`},
		{"trial", "Trial", "flat_fee", 0, []string{"lightning"}, 0, ""},
	}
	currencies := []struct {
		code  string
		ratio int // percent of the USD price
	}{{"USD", 100}, {"EUR", 92}, {"GBP", 80}}

	d := &probelyData{}
	for _, f := range families {
		for _, unit := range []string{"month", "year"} {
			for _, c := range currencies {
				p := Plan{
					ID:                  f.id + "-" + unit + "ly-" + strings.ToLower(c.code),
					Name:                f.name,
					Family:              f.id,
					Description:         f.name + " billed every " + unit,
					ChargeModel:         f.chargeModel,
					CurrencyCode:        c.code,
					Period:              1,
					PeriodUnit:          unit,
					AllowedCreditsPacks: []CreditsPack{},
					Tiers:               json.RawMessage("null"),
				}
				if f.tiers != "" {
					p.Tiers = json.RawMessage(f.tiers)
				}
				if f.id == "trial" {
					p.IsTrial, p.Period, p.PeriodUnit = true, 2, "week"
					p.ID = "trial-" + unit + "-" + strings.ToLower(c.code)
				} else {
					price := f.monthly * c.ratio / 100
					discount, savings := 0, 0
					if unit == "year" {
						discount = 17
						savings = price * 12 * discount / 100
						price = price*12 - savings
					}
					p.Price, p.Discount, p.Savings = intPtr(price), intPtr(discount), intPtr(savings)
				}
				for k := range f.packs {
					amount := []int{100, 500, 2000}[k]
					p.AllowedCreditsPacks = append(p.AllowedCreditsPacks, CreditsPack{
						ID:           "credits-" + []string{"100", "500", "2000"}[k] + "-" + strings.ToLower(c.code),
						Name:         []string{"100", "500", "2000"}[k] + " scan credits",
						Price:        amount * 90 * c.ratio / 100 * (100 - 5*k) / 100,
						CurrencyCode: c.code,
						PackAmount:   amount,
						Discount:     5 * k,
						Savings:      amount * 90 * c.ratio / 100 * 5 * k / 100,
					})
				}
				// The vendor's schema and example use different keys; serve both.
				if len(d.plans)%2 == 0 {
					p.AllowedScanProfiles = f.profiles
				} else {
					p.AllowedBuiltinScanProfiles = f.profiles
				}
				d.plans = append(d.plans, p)
			}
		}
	}
	// Replace one enterprise plan with the vendor's own example verbatim.
	for i, p := range d.plans {
		if p.Family == "enterprise" && p.PeriodUnit == "year" && p.CurrencyCode == "EUR" {
			d.plans[i] = Plan{
				ID: ExamplePlanID, Name: "Enterprise Plan", Family: "enterprise", Description: "",
				IsTrial: true, ChargeModel: "flat_fee", CurrencyCode: "EUR", Period: 1, PeriodUnit: "year",
				AllowedScanProfiles: []string{"lightning", "safe", "normal", "full"},
				AllowedCreditsPacks: []CreditsPack{},
			}
		}
	}
	d.plans = append(d.plans, Plan{ID: RecordedShapePlanID, Price: intPtr(0), Period: 1, PeriodUnit: "month",
		AllowedScanProfiles: []string{"lightning"}, Recorded: true})
	for _, p := range d.plans {
		b, err := json.Marshal(p)
		if err != nil {
			panic("sandbox: probely fixture does not marshal: " + err.Error())
		}
		d.json = append(d.json, b)
	}
	return d
}

// Plans returns a copy of the Probely fixture in list order.
func Plans(srv *sandbox.Server) []Plan {
	s := sandbox.Data[*server](srv, Name)
	return append([]Plan(nil), s.probelyFixtures().plans...)
}
