package onepinsandbox

import (
	"encoding/json"
	"fmt"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// Plan is one OnePin plan. Limits values are integers or "unlimited",
// and keys beyond projects/users/storage_gb appear (e.g. "support"); the
// plans shaped as OnePin's official SDK types them have its keys, null for
// unlimited, booleans and lists, and Details: plan_details by language.
type Plan struct {
	ID              string                  `json:"id"`
	Name            string                  `json:"name"`
	Tier            string                  `json:"tier"`
	Limits          map[string]any          `json:"limits"`
	BillingInterval string                  `json:"billing_interval"`
	Amount          int                     `json:"amount"`
	Currency        string                  `json:"currency"`
	DisplayOrder    int                     `json:"display_order"`
	Details         map[string]*PlanDetails `json:"-"`
}

// PlanDetails is plan_details: sections of labelled values.
type PlanDetails struct {
	Sections []Section `json:"sections"`
}

// Section is one section of plan_details.
type Section struct {
	Title string `json:"title"`
	Items []Item `json:"items"`
}

// Item is one labelled value.
type Item struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// Languages are the plan_details languages the sandbox serves, by
// Accept-Language; any other is served the first.
var Languages = []string{"en", "ko"}

type onepinData struct {
	plans []Plan // display_order order
	json  [][]byte
	// byLang is json with each plan's plan_details in one language.
	byLang map[string][][]byte
}

// onepinSDKPlans are shaped as OnePin's official SDK types its plans.
func onepinSDKPlans() []Plan {
	details := func(credits, seats string) map[string]*PlanDetails {
		return map[string]*PlanDetails{
			"en": {Sections: []Section{{Title: "Usage", Items: []Item{{Label: "Credits", Value: credits + " / month"}, {Label: "Seats", Value: seats}}},
				{Title: "Support", Items: []Item{{Label: "Channel", Value: "Email"}}}}},
			"ko": {Sections: []Section{{Title: "사용량", Items: []Item{{Label: "크레딧", Value: "월 " + credits}, {Label: "좌석", Value: seats}}},
				{Title: "지원", Items: []Item{{Label: "채널", Value: "이메일"}}}}},
		}
	}
	return []Plan{
		{ID: SDKPlanID, Name: "Creator", Tier: "paid", BillingInterval: "month", Amount: 1900, Currency: "usd",
			Limits: map[string]any{"monthly_credits": 5000, "seats": 3, "retention_days": 30, "byok_enabled": false,
				"auto_fix_enabled": true, "supported_languages": []string{"en", "ko"}, "storage_bytes_per_workspace": 10737418240},
			Details: details("5,000", "3")},
		{Name: "Studio", Tier: "paid", BillingInterval: "year", Amount: 190000, Currency: "usd",
			Limits: map[string]any{"monthly_credits": 50000, "seats": nil, "retention_days": nil, "byok_enabled": true,
				"auto_fix_enabled": true, "supported_languages": []string{"en", "ko", "ja"}, "storage_bytes_per_workspace": 107374182400},
			Details: details("50,000", "Unlimited")},
	}
}

// SDKPlanID is the first plan shaped as OnePin's SDK types it.
const SDKPlanID = "5d1f7a2e-8c3b-4e6f-9a0d-2b4c6e8f1a3c"

// onepinPlanJSON is p as served in lang.
func onepinPlanJSON(p Plan, lang string) ([]byte, error) {
	type plain Plan
	return json.Marshal(struct {
		plain
		PlanDetails *PlanDetails `json:"plan_details,omitempty"`
	}{plain(p), p.Details[lang]})
}

func onepinLimits(projects, users, storage any, extra ...any) map[string]any {
	m := map[string]any{"projects": projects, "users": users, "storage_gb": storage}
	for i := 0; i+1 < len(extra); i += 2 {
		if k, ok := extra[i].(string); ok {
			m[k] = extra[i+1]
		}
	}
	return m
}

func newOnepinData() *onepinData {
	const unl = "unlimited"
	// The first three are the vendor's own example.
	plans := []Plan{
		{ID: "b7d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f", Name: "Free Plan", Tier: "free", Limits: onepinLimits(3, 1, 1), BillingInterval: "monthly", Amount: 0, Currency: "USD"},
		{ID: "a3f1c9d2-4b7e-4f8a-9c2d-1e2b3f4a5c6d", Name: "Pro Plan", Tier: "paid", Limits: onepinLimits(50, 10, 100), BillingInterval: "monthly", Amount: 2999, Currency: "USD"},
		{ID: "c8e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f6a", Name: "Enterprise Plan", Tier: "custom", Limits: onepinLimits(unl, unl, unl, "support", "priority"), BillingInterval: "yearly", Amount: 0, Currency: "USD"},
	}
	type product struct {
		name                     string
		monthly                  int
		projects, users, storage any
	}
	products := []product{
		{"Starter", 999, 10, 2, 20},
		{"Team", 4999, 100, 25, 500},
		{"Business", 14999, 500, 100, 2000},
		{"Scale", 49999, unl, 500, 10000},
	}
	for _, p := range products {
		for _, interval := range []string{"monthly", "yearly"} {
			for _, cur := range []string{"USD", "EUR"} {
				amount := p.monthly
				if interval == "yearly" {
					amount = p.monthly * 10 // two months free
				}
				if cur == "EUR" {
					amount = amount * 92 / 100
				}
				limits := onepinLimits(p.projects, p.users, p.storage)
				if p.name == "Business" || p.name == "Scale" {
					limits["support"] = "priority"
				}
				plans = append(plans, Plan{
					Name:            fmt.Sprintf("%s %s (%s)", p.name, map[string]string{"monthly": "Monthly", "yearly": "Yearly"}[interval], cur),
					Tier:            "paid",
					Limits:          limits,
					BillingInterval: interval,
					Amount:          amount,
					Currency:        cur,
				})
			}
		}
	}
	plans = append(plans,
		Plan{Name: "Free Plan (EUR)", Tier: "free", Limits: onepinLimits(3, 1, 1), BillingInterval: "monthly", Currency: "EUR"},
		Plan{Name: "Student", Tier: "free", Limits: onepinLimits(5, 1, 5, "support", "community"), BillingInterval: "yearly", Currency: "USD"},
		Plan{Name: "Open Source", Tier: "free", Limits: onepinLimits(unl, 5, 50, "support", "community"), BillingInterval: "yearly", Currency: "USD"},
		Plan{Name: "Nonprofit", Tier: "paid", Limits: onepinLimits(100, 25, 500), BillingInterval: "yearly", Amount: 19900, Currency: "USD"},
		Plan{Name: "Agency", Tier: "custom", Limits: onepinLimits(unl, 250, unl, "support", "dedicated"), BillingInterval: "monthly", Amount: 0, Currency: "EUR"},
		// A custom plan with a list price: custom does not always mean "on request".
		Plan{Name: "Enterprise Plus", Tier: "custom", Limits: onepinLimits(unl, unl, unl, "support", "priority", "sla_hours", 4), BillingInterval: "yearly", Amount: 4999900, Currency: "USD"},
	)
	plans = append(plans, onepinSDKPlans()...)
	d := &onepinData{plans: plans, byLang: map[string][][]byte{}}
	for i := range d.plans {
		p := &d.plans[i]
		p.DisplayOrder = i + 1
		if p.ID == "" {
			x, y := sandbox.Mix64(uint64(i)), sandbox.Mix64(uint64(i)^0x0ae1)
			p.ID = fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", uint32(x>>32), uint16(x>>16), uint16(x)&0xfff, 0x8000|uint16(y>>48)&0x3fff, y&0xffffffffffff)
		}
		for _, lang := range Languages {
			b, err := onepinPlanJSON(*p, lang)
			if err != nil {
				panic("sandbox: onepin fixture does not marshal: " + err.Error())
			}
			d.byLang[lang] = append(d.byLang[lang], b)
		}
	}
	d.json = d.byLang[Languages[0]]
	return d
}

// Plans returns a copy of the OnePin fixture in display order.
// Limits maps are shared: treat them as read-only.
func Plans(srv *sandbox.Server) []Plan {
	s := sandbox.Data[*server](srv, Name)
	return append([]Plan(nil), s.onepinFixtures().plans...)
}
