package sandbox

import (
	"encoding/json"
	"fmt"
)

// OnepinPlan is one OnePin plan. Limits values are integers or "unlimited",
// and keys beyond projects/users/storage_gb appear (e.g. "support").
type OnepinPlan struct {
	ID              string         `json:"id"`
	Name            string         `json:"name"`
	Tier            string         `json:"tier"`
	Limits          map[string]any `json:"limits"`
	BillingInterval string         `json:"billing_interval"`
	Amount          int            `json:"amount"`
	Currency        string         `json:"currency"`
	DisplayOrder    int            `json:"display_order"`
}

type onepinData struct {
	plans []OnepinPlan // display_order order
	json  [][]byte
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
	plans := []OnepinPlan{
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
				plans = append(plans, OnepinPlan{
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
		OnepinPlan{Name: "Free Plan (EUR)", Tier: "free", Limits: onepinLimits(3, 1, 1), BillingInterval: "monthly", Currency: "EUR"},
		OnepinPlan{Name: "Student", Tier: "free", Limits: onepinLimits(5, 1, 5, "support", "community"), BillingInterval: "yearly", Currency: "USD"},
		OnepinPlan{Name: "Open Source", Tier: "free", Limits: onepinLimits(unl, 5, 50, "support", "community"), BillingInterval: "yearly", Currency: "USD"},
		OnepinPlan{Name: "Nonprofit", Tier: "paid", Limits: onepinLimits(100, 25, 500), BillingInterval: "yearly", Amount: 19900, Currency: "USD"},
		OnepinPlan{Name: "Agency", Tier: "custom", Limits: onepinLimits(unl, 250, unl, "support", "dedicated"), BillingInterval: "monthly", Amount: 0, Currency: "EUR"},
		// A custom plan with a list price: custom does not always mean "on request".
		OnepinPlan{Name: "Enterprise Plus", Tier: "custom", Limits: onepinLimits(unl, unl, unl, "support", "priority", "sla_hours", 4), BillingInterval: "yearly", Amount: 4999900, Currency: "USD"},
	)
	d := &onepinData{plans: plans}
	for i := range d.plans {
		p := &d.plans[i]
		p.DisplayOrder = i + 1
		if p.ID == "" {
			x, y := mix64(uint64(i)), mix64(uint64(i)^0x0ae1)
			p.ID = fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", uint32(x>>32), uint16(x>>16), uint16(x)&0xfff, 0x8000|uint16(y>>48)&0x3fff, y&0xffffffffffff)
		}
		b, err := json.Marshal(p)
		if err != nil {
			panic("sandbox: onepin fixture does not marshal: " + err.Error())
		}
		d.json = append(d.json, b)
	}
	return d
}

// OnepinPlans returns a copy of the OnePin fixture in display order.
// Limits maps are shared: treat them as read-only.
func (s *Server) OnepinPlans() []OnepinPlan {
	return append([]OnepinPlan(nil), s.onepinFixtures().plans...)
}
