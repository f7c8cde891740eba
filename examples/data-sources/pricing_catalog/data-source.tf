# Every configured vendor's plans, in one list of one shape.
data "pricing_catalog" "all" {}

# The USD plans of Paygentic and OnePin that cost at most 50 a month.
data "pricing_catalog" "affordable_usd" {
  vendors            = ["paygentic", "onepin"]
  currency           = "USD"
  max_monthly_amount = 50
}

# StreamSkill has no list endpoint: its tariffs join by id.
data "pricing_catalog" "tariffs" {
  vendors                = ["streamskill"]
  streamskill_tariff_ids = [1, 3]
}

output "cheapest_affordable_usd" {
  value = try([
    for p in data.pricing_catalog.affordable_usd.plans : "${p.vendor} ${p.name} (${p.id}): ${p.monthly_amount} USD/month"
    if p.monthly_amount == min([for q in data.pricing_catalog.affordable_usd.plans : q.monthly_amount]...)
  ][0], "none")
}

output "plans_per_vendor" {
  value = { for vendor, ids in { for p in data.pricing_catalog.all.plans : p.vendor => p.id... } : vendor => length(ids) }
}
