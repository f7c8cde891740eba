package paygentic

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/pricingkit/terraform-provider-pricing/internal/datasources"
)

// priceModel is one price of a plan. Its amounts are exact
// numbers in the major unit of currency, as Paygentic's decimal strings say.
type priceModel struct {
	ID                 types.String `tfsdk:"id"`
	Model              types.String `tfsdk:"model"`
	PaymentTerm        types.String `tfsdk:"payment_term"`
	BillableMetricID   types.String `tfsdk:"billable_metric_id"`
	InvoiceDisplayName types.String `tfsdk:"invoice_display_name"`
	UnitAmount         types.String `tfsdk:"unit_amount"`
	Currency           types.String `tfsdk:"currency"`
	BillingCadence     types.String `tfsdk:"billing_cadence"`
	FeeID              types.String `tfsdk:"fee_id"`
	Quantity           types.Int64  `tfsdk:"quantity"`
	UnitPrice          types.Number `tfsdk:"unit_price"`
	MinPrice           types.Number `tfsdk:"min_price"`
	MaxPrice           types.Number `tfsdk:"max_price"`
	DefaultPrice       types.Number `tfsdk:"default_price"`
	Volume             *volumeModel `tfsdk:"volume"`
	Percentage         types.Number `tfsdk:"percentage"`
	MinCharge          types.Number `tfsdk:"min_charge"`
	MaxCharge          types.Number `tfsdk:"max_charge"`
	CreatedAt          types.String `tfsdk:"created_at"`
	UpdatedAt          types.String `tfsdk:"updated_at"`
}

type volumeModel struct {
	Function types.String `tfsdk:"function"`
	Gradient types.Number `tfsdk:"gradient"`
	Min      types.Number `tfsdk:"min"`
	Max      types.Number `tfsdk:"max"`
}

func textAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Computed: true}
}

func numberAttribute(description string) schema.NumberAttribute {
	return schema.NumberAttribute{MarkdownDescription: description, Computed: true}
}

// majorUnit is how every Paygentic price amount is described.
const majorUnit = " An exact number in the major unit of `currency` (`\"0.15\"` is 0.15), read from the vendor's decimal string without floating point."

// priceAttributes is the schema of one price.
func priceAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":                   textAttribute("Price id (`price_…`). A plan that lists its prices as bare ids has only this set; every other attribute is null."),
		"model":                textAttribute("Pricing model: `standard`, `dynamic`, `volume` or `percentage`."),
		"payment_term":         textAttribute("When the price is charged: `in_advance` (at the start of each period: a fixed charge) or `in_arrears` (after it, for usage)."),
		"billable_metric_id":   textAttribute("Id of the billable metric (`bm_…`) the price meters; null for a fee price."),
		"invoice_display_name": textAttribute("Name of the price as shown on invoices."),
		"unit_amount": textAttribute("The price's `unitAmount` exactly as the API sends it. Paygentic does not document this field or its unit; " +
			"the amounts are `unit_price` and the other number attributes. Null when the price has none."),
		"currency":        textAttribute("Currency of the price as Paygentic sends it (usually an ISO 4217 code such as `USD`); null when the price has none, in which case it is the plan's."),
		"billing_cadence": textAttribute("How often the price bills, as an ISO 8601 duration such as `P1M`; null when the price follows its plan."),
		"fee_id":          textAttribute("Id of the fee (`fee_…`) the price charges; null for a metered price."),
		"quantity": schema.Int64Attribute{Computed: true, MarkdownDescription: "Quantity billed each period (1 to 1,000,000): the period's charge is " +
			"`quantity × unit_price`. Null when the API leaves it out (Paygentic's default is 1). A quantity outside 1 to 1,000,000 is kept, with a warning, but its price enters no `price_amount`."},
		"unit_price": numberAttribute("Price per unit of a `standard` price (per token, per seat, per period for a fee)." + majorUnit +
			" May be negative: a rebate that reduces the invoice. Null for other models."),
		"min_price":     numberAttribute("Lowest price per unit of a `dynamic` price." + majorUnit + " Null for other models."),
		"max_price":     numberAttribute("Highest price per unit of a `dynamic` price." + majorUnit + " Null for other models."),
		"default_price": numberAttribute("Default price per unit of a `volume` price (the vendor's `default`)." + majorUnit + " Null for other models."),
		"volume": schema.SingleNestedAttribute{Computed: true, MarkdownDescription: "How a `volume` price varies with volume (the vendor's `parameters`); null for other models.",
			Attributes: map[string]schema.Attribute{
				"function": textAttribute("Function of volume, such as `linear`."),
				"gradient": numberAttribute("Gradient of the function, as an exact number."),
				"min":      numberAttribute("Lowest price per unit." + majorUnit),
				"max":      numberAttribute("Highest price per unit." + majorUnit),
			}},
		"percentage": numberAttribute("Rate of a `percentage` price as a fraction, not in percent: `0.03` is 3 %, `1.1` is 110 %. Paygentic allows 0 to 10: a value outside is null, with a warning. Null for other models."),
		"min_charge": numberAttribute("Least a `percentage` price charges." + majorUnit + " Null for other models."),
		"max_charge": numberAttribute("Most a `percentage` price charges." + majorUnit + " Null for other models."),
		"created_at": textAttribute("Creation time, RFC 3339, as sent by the API."),
		"updated_at": textAttribute("Last update time, RFC 3339, as sent by the API."),
	}
}

// priceFrom maps one client price; absent fields become null.
func priceFrom(pr Price) priceModel {
	m := priceModel{
		ID: types.StringPointerValue(pr.ID), Model: types.StringPointerValue(pr.Model), PaymentTerm: types.StringPointerValue(pr.PaymentTerm),
		BillableMetricID: types.StringPointerValue(pr.BillableMetricID), InvoiceDisplayName: types.StringPointerValue(pr.InvoiceDisplayName),
		UnitAmount: types.StringPointerValue(pr.UnitAmount), Currency: types.StringPointerValue(pr.Currency),
		BillingCadence: types.StringPointerValue(pr.BillingCadence), FeeID: types.StringPointerValue(pr.FeeID), Quantity: types.Int64Null(),
		UnitPrice: types.NumberNull(), MinPrice: types.NumberNull(), MaxPrice: types.NumberNull(), DefaultPrice: types.NumberNull(),
		Percentage: types.NumberNull(), MinCharge: types.NumberNull(), MaxCharge: types.NumberNull(),
		CreatedAt: types.StringPointerValue(pr.CreatedAt), UpdatedAt: types.StringPointerValue(pr.UpdatedAt),
	}
	if pr.Quantity != nil {
		if n, err := pr.Quantity.Int64(); err == nil { // the client checked it
			m.Quantity = types.Int64Value(n)
		}
	}
	if p := pr.Properties; p != nil {
		m.UnitPrice, m.MinPrice, m.MaxPrice = datasources.DecimalPointer(p.UnitPrice), datasources.DecimalPointer(p.MinPrice), datasources.DecimalPointer(p.MaxPrice)
		m.DefaultPrice, m.Percentage = datasources.DecimalPointer(p.Default), datasources.DecimalPointer(p.Percentage)
		m.MinCharge, m.MaxCharge = datasources.DecimalPointer(p.MinCharge), datasources.DecimalPointer(p.MaxCharge)
		if v := p.Parameters; v != nil {
			m.Volume = &volumeModel{Function: types.StringPointerValue(v.Function), Gradient: datasources.DecimalPointer(v.Gradient),
				Min: datasources.DecimalPointer(v.Min), Max: datasources.DecimalPointer(v.Max)}
		}
	}
	return m
}
