package paygentic

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// Price is one price of a plan. Its amounts are exact decimal
// strings in the major unit of Currency, as Paygentic sends them; a price
// the API gives only as its id string has every other field nil.
type Price struct {
	ID                 *string
	Model              *string
	PaymentTerm        *string
	BillableMetricID   *string
	InvoiceDisplayName *string
	// UnitAmount is undocumented by Paygentic: kept as the text sent.
	UnitAmount     *string
	Currency       *string
	BillingCadence *string
	FeeID          *string
	Quantity       *json.Number
	Properties     *PriceProperties
	CreatedAt      *string
	UpdatedAt      *string
}

// PriceProperties are a price's amounts by model, each an exact
// decimalText string in the major unit: standard UnitPrice (negative for a
// rebate); dynamic MinPrice and MaxPrice; volume Default and Parameters;
// percentage Percentage (a fraction: "0.03" is 3 %), MinCharge, MaxCharge.
type PriceProperties struct {
	UnitPrice, MinPrice, MaxPrice, Default *string
	Percentage, MinCharge, MaxCharge       *string
	Parameters                             *Volume
}

// Volume is a volume price's parameters.
type Volume struct {
	Function, Gradient, Min, Max *string
}

// PlanPaymentTerm is a plan's paymentTerm object.
type PlanPaymentTerm struct {
	InArrears *bool `json:"in_arrears"`
	InAdvance *bool `json:"in_advance"`
}

// CreditAllocation is one entry of a plan's creditAllocations.
type CreditAllocation struct {
	PricingUnitID    *string      `json:"pricingUnitId"`
	Amount           *json.Number `json:"amount"`
	RecurrencePeriod *string      `json:"recurrencePeriod"`
}

type priceJSON struct {
	ID                 *string         `json:"id"`
	Model              *string         `json:"model"`
	PaymentTerm        *string         `json:"paymentTerm"`
	BillableMetricID   *string         `json:"billableMetricId"`
	InvoiceDisplayName *string         `json:"invoiceDisplayName"`
	UnitAmount         *string         `json:"unitAmount"`
	Currency           *string         `json:"currency"`
	BillingCadence     *string         `json:"billingCadence"`
	FeeID              *string         `json:"feeId"`
	Quantity           *json.Number    `json:"quantity"`
	Properties         *propertiesJSON `json:"properties"`
	CreatedAt          *string         `json:"createdAt"`
	UpdatedAt          *string         `json:"updatedAt"`
}

// propertiesJSON holds each amount as read, checked one by one
// so an error names the field.
type propertiesJSON struct {
	UnitPrice  amount `json:"unitPrice"`
	MinPrice   amount `json:"minPrice"`
	MaxPrice   amount `json:"maxPrice"`
	Default    amount `json:"default"`
	Percentage amount `json:"percentage"`
	MinCharge  amount `json:"minCharge"`
	MaxCharge  amount `json:"maxCharge"`
	Parameters *struct {
		Function *string `json:"function"`
		Gradient amount  `json:"gradient"`
		Min      amount  `json:"min"`
		Max      amount  `json:"max"`
	} `json:"parameters"`
}

// amount is a decimal amount read in place as a JSON string (as
// documented) or number: its text, or why it is none. Reading it never
// fails the decoder, so the error can name the field afterwards.
type amount struct {
	text *string
	err  error
}

func (a *amount) UnmarshalJSON(b []byte) error {
	a.text, a.err = decimalText(b)
	return nil
}

// UnmarshalJSON reads a price object or, as in Paygentic's own example of
// GET /v0/plans/{id}, a price id string. Anything else is malformed.
func (p *Price) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) > 0 && b[0] == '"':
		var id string
		if err := json.Unmarshal(b, &id); err != nil {
			return err
		}
		*p = Price{ID: &id}
		return nil
	case len(b) == 0 || b[0] != '{':
		return fmt.Errorf("prices: %s is neither a price object nor a price id string", httpapi.ShortText(string(b), 32))
	}
	var w priceJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return fmt.Errorf("prices: %w", err)
	}
	*p = Price{
		ID: w.ID, Model: w.Model, PaymentTerm: w.PaymentTerm, BillableMetricID: w.BillableMetricID,
		InvoiceDisplayName: w.InvoiceDisplayName, UnitAmount: w.UnitAmount, Currency: w.Currency,
		BillingCadence: w.BillingCadence, FeeID: w.FeeID, Quantity: w.Quantity, CreatedAt: w.CreatedAt, UpdatedAt: w.UpdatedAt,
	}
	props, err := readProperties(w.Properties)
	if err != nil {
		return fmt.Errorf("price %s: %w", priceIDText(w.ID), err)
	}
	p.Properties = props
	return nil
}

// priceIDText is a price id for an error or a note; "(no id)" when absent.
func priceIDText(s *string) string {
	if s == nil {
		return "(no id)"
	}
	return *s
}

// readProperties reads properties, nil when absent or null. Every
// amount must be a decimal, as a string (as documented) or a JSON number.
func readProperties(w *propertiesJSON) (*PriceProperties, error) {
	if w == nil {
		return nil, nil
	}
	var errs []error
	amount := func(name string, a amount) *string {
		if a.err != nil {
			errs = append(errs, fmt.Errorf("properties.%s %w", name, a.err))
		}
		return a.text
	}
	out := &PriceProperties{
		UnitPrice: amount("unitPrice", w.UnitPrice), MinPrice: amount("minPrice", w.MinPrice), MaxPrice: amount("maxPrice", w.MaxPrice),
		Default: amount("default", w.Default), Percentage: amount("percentage", w.Percentage),
		MinCharge: amount("minCharge", w.MinCharge), MaxCharge: amount("maxCharge", w.MaxCharge),
	}
	if w.Parameters != nil {
		out.Parameters = &Volume{
			Function: w.Parameters.Function, Gradient: amount("parameters.gradient", w.Parameters.Gradient),
			Min: amount("parameters.min", w.Parameters.Min), Max: amount("parameters.max", w.Parameters.Max),
		}
	}
	return out, errors.Join(errs...)
}

// decimalText is a decimal amount sent as a JSON string or number, as
// its text; nil when null. A string must be a plain decimal ("-0.15");
// a number is checked against the bounds every vendor number keeps.
func decimalText(raw []byte) (*string, error) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || bytes.Equal(raw, []byte("null")):
		return nil, nil
	case raw[0] == '"':
		text := ""
		if bytes.IndexByte(raw, '\\') < 0 && len(raw) >= 2 {
			text = string(raw[1 : len(raw)-1]) // a decimal needs no escapes
		} else if err := json.Unmarshal(raw, &text); err != nil {
			return nil, err
		}
		if !plainDecimal(text) {
			return nil, fmt.Errorf("%q is not a decimal number", httpapi.ShortText(text, 64))
		}
		return checkedDecimal(text)
	case raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9'):
		return checkedDecimal(string(raw)) // the decoder checked its syntax
	}
	return nil, fmt.Errorf("%s is not a decimal number", httpapi.ShortText(string(raw), 64))
}

func checkedDecimal(text string) (*string, error) {
	if err := httpapi.CheckNumberText(text); err != nil {
		return nil, fmt.Errorf("%q: %w", httpapi.ShortText(text, 64), err)
	}
	return &text, nil
}

// plainDecimal reports whether s is -?digits(.digits)?, without a regular
// expression: it runs for every amount of every price of a listing.
func plainDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	intPart, frac, dot := strings.Cut(s, ".")
	digits := func(t string) bool {
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return false
			}
		}
		return t != ""
	}
	return digits(intPart) && (!dot || digits(frac))
}

// check derives PriceAmount from Price and checks the plan's numbers: a
// wrong amount must never reach a plan.
func (p *Plan) check() error {
	if err := p.derivePriceAmount(); err != nil {
		return err
	}
	for i := range p.Prices {
		pr := &p.Prices[i]
		if pr.Quantity != nil {
			n, err := pr.Quantity.Int64()
			if err != nil {
				return fmt.Errorf("plan %s: price %s: quantity %q is not an integer", p.ID, priceIDText(pr.ID), httpapi.ShortText(pr.Quantity.String(), 32))
			}
			if n < 1 || n > maxQuantity {
				p.notes = append(p.notes, money.Note{Plan: p.ID, Field: fmt.Sprintf("prices[%s].quantity", priceIDText(pr.ID)), Value: pr.Quantity.String(),
					Rule: fmt.Sprintf("is outside 1 to %d, the range Paygentic documents: the price enters no fixed charge", maxQuantity)})
			}
		}
		if pr.Properties != nil && pr.Properties.Percentage != nil && !percentageInRange(*pr.Properties.Percentage) {
			p.notes = append(p.notes, money.Note{Plan: p.ID, Field: fmt.Sprintf("prices[%s].properties.percentage", priceIDText(pr.ID)),
				Value: *pr.Properties.Percentage, Rule: "is outside 0 to 10, the range Paygentic documents for a rate (a fraction: 0.03 is 3 %): percentage is null"})
			props := *pr.Properties // the properties are this plan's own: a copy keeps the rule local
			props.Percentage = nil
			pr.Properties = &props
		}
	}
	for i, a := range p.CreditAllocations {
		if a.Amount != nil {
			if err := httpapi.CheckNumberText(a.Amount.String()); err != nil {
				return fmt.Errorf("plan %s: creditAllocations[%d].amount: %w", p.ID, i, err)
			}
		}
	}
	return nil
}

// maxQuantity is the largest quantity Paygentic documents.
const maxQuantity = 1_000_000

// percentageInRange: Paygentic documents a rate from 0 to 10.
func percentageInRange(text string) bool {
	d, err := decimal.NewFromString(text)
	return err == nil && !d.IsNegative() && d.LessThanOrEqual(decimal.NewFromInt(10))
}

// FixedCharge is what the plan bills every period before any usage: the
// sum of unitPrice × quantity (1 when absent) over its standard prices
// paid in_advance, in the plan's currency. ok is false when the plan has
// no such price, or when one cannot be summed exactly: a price known only
// by its id, one without unitPrice, or one in another currency.
func (p Plan) FixedCharge() (sum decimal.Decimal, ok bool) {
	for _, pr := range p.Prices {
		if pr.Model == nil && pr.PaymentTerm == nil {
			return decimal.Decimal{}, false // an id alone: it may be a fixed charge
		}
		if priceIDText(pr.Model) != "standard" || priceIDText(pr.PaymentTerm) != "in_advance" {
			continue
		}
		if pr.Properties == nil || pr.Properties.UnitPrice == nil || !sameCurrency(pr.Currency, p.Currency) {
			return decimal.Decimal{}, false
		}
		unit, err := decimal.NewFromString(*pr.Properties.UnitPrice)
		if err != nil {
			return decimal.Decimal{}, false
		}
		qty := decimal.NewFromInt(1)
		if pr.Quantity != nil {
			n, err := pr.Quantity.Int64()
			if err != nil || n < 1 || n > maxQuantity {
				return decimal.Decimal{}, false
			}
			qty = decimal.NewFromInt(n)
		}
		sum, ok = sum.Add(unit.Mul(qty)), true
	}
	return sum, ok
}

// sameCurrency: a price without a currency is in its plan's.
func sameCurrency(price, plan *string) bool {
	return price == nil || (plan != nil && strings.EqualFold(strings.TrimSpace(*price), strings.TrimSpace(*plan)))
}
