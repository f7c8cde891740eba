data "pricing_paygentic_plan" "basic" {
  id = "plan_t9u0v1w2x3y4z5a6"
}

# "Basic Tier: 49.99 USD per P1M". A plan without a plan-level price (as
# Paygentic's current API sends plans) is priced by its fixed charge: the sum
# of unit_price x quantity over its standard prices paid in_advance.
output "basic_plan_summary" {
  value = format("%s: %s %s per %s",
    data.pricing_paygentic_plan.basic.name,
    data.pricing_paygentic_plan.basic.price_amount,
    data.pricing_paygentic_plan.basic.currency,
    data.pricing_paygentic_plan.basic.billing_cadence,
  )
}

# The usage prices of the plan, by invoice name: their model and exact
# per-unit amount in the major unit (percentage is a fraction: 0.03 is 3 %).
output "basic_plan_usage_prices" {
  value = {
    for price in data.pricing_paygentic_plan.basic.prices :
    price.invoice_display_name => {
      model      = price.model
      unit_price = price.unit_price
      range      = price.model == "dynamic" ? [price.min_price, price.max_price] : null
      percentage = price.percentage
    } if price.payment_term == "in_arrears"
  }
}
