# Every plan of one merchant's product; the provider reads all pages.
data "pricing_paygentic_plans" "llm_api" {
  merchant_id = "org_b7c8d9e0f1g2h3i4"
  product_id  = "prod_j5k6l7m8n9o0p1q2"
}

# What every plan with a plan-level price costs per month (quarterly and
# yearly plans included), in the currency's major unit.
output "plan_prices_per_month" {
  value = {
    for plan in data.pricing_paygentic_plans.llm_api.plans :
    plan.name => "${plan.monthly_amount} ${plan.currency}"
    if plan.monthly_amount != null
  }
}
