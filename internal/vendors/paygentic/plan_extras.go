package paygentic

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

// A Paygentic plan's attributes beyond the listing's original ones: its
// paymentTerm object and creditAllocations.

// creditAllocationModel is one entry of a plan's credit_allocations.
type creditAllocationModel struct {
	PricingUnitID    types.String `tfsdk:"pricing_unit_id"`
	Amount           types.Number `tfsdk:"amount"`
	RecurrencePeriod types.String `tfsdk:"recurrence_period"`
}

// planExtraAttributes are the plan attributes beyond the listing's
// original ones: its paymentTerm object and creditAllocations.
func planExtraAttributes(attrs map[string]schema.Attribute) {
	attrs["bills_in_advance"] = schema.BoolAttribute{Computed: true, MarkdownDescription: "The plan's `paymentTerm.in_advance`: whether it bills " +
		"charges at the start of each period. Null when the plan does not say."}
	attrs["bills_in_arrears"] = schema.BoolAttribute{Computed: true, MarkdownDescription: "The plan's `paymentTerm.in_arrears`: whether it bills " +
		"charges (usage) after each period. Null when the plan does not say."}
	attrs["credit_allocations"] = schema.ListNestedAttribute{Computed: true,
		MarkdownDescription: "Credits the plan grants into the customer's pools, in API order; null when the plan has none.",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"pricing_unit_id":   textAttribute("Pricing unit whose credit pool the allocation funds."),
			"amount":            numberAttribute("Number of credits granted each time (in the pricing unit, not money), exact."),
			"recurrence_period": textAttribute("How often the credits are granted again, as an ISO 8601 duration (`P1M`); null when granted once, at activation."),
		}},
	}
}

// planExtrasFrom fills the plan's payment term and credit
// allocations.
func planExtrasFrom(p Plan, m *planModel) {
	m.BillsInAdvance, m.BillsInArrears = types.BoolNull(), types.BoolNull()
	if t := p.PaymentTerm; t != nil {
		m.BillsInAdvance, m.BillsInArrears = types.BoolPointerValue(t.InAdvance), types.BoolPointerValue(t.InArrears)
	}
	if p.CreditAllocations != nil {
		m.CreditAllocations = make([]creditAllocationModel, len(p.CreditAllocations))
		for i, a := range p.CreditAllocations {
			m.CreditAllocations[i] = creditAllocationModel{PricingUnitID: types.StringPointerValue(a.PricingUnitID),
				Amount: datasources.JSONNumberValue(a.Amount), RecurrencePeriod: types.StringPointerValue(a.RecurrencePeriod)}
		}
	}
}
