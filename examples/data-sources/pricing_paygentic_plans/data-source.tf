# Every plan of one merchant's product; the provider reads all pages.
data "pricing_paygentic_plans" "llm_api" {
  merchant_id = "org_b7c8d9e0f1g2h3i4"
  product_id  = "prod_j5k6l7m8n9o0p1q2"
}

# Monthly plans with a plan-level price, by name, in the currency's major unit.
output "monthly_plan_prices" {
  value = {
    for plan in data.pricing_paygentic_plans.llm_api.plans :
    plan.name => "${plan.price_amount} ${plan.currency}"
    if plan.billing_cadence == "P1M" && plan.price_amount != null
  }
}
