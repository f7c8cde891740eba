data "pricing_paygentic_plan" "basic" {
  id = "plan_t9u0v1w2x3y4z5a6"
}

# "Basic Tier: 49.99 USD per P1M"
output "basic_plan_summary" {
  value = format("%s: %s %s per %s",
    data.pricing_paygentic_plan.basic.name,
    data.pricing_paygentic_plan.basic.price_amount,
    data.pricing_paygentic_plan.basic.currency,
    data.pricing_paygentic_plan.basic.billing_cadence,
  )
}

# The metered prices of the plan, by invoice name.
output "basic_plan_metered_prices" {
  value = {
    for price in data.pricing_paygentic_plan.basic.prices :
    price.invoice_display_name => price.model
  }
}
