# The OnePin plan list is public: no api_key is needed.
provider "pricing" {
  onepin = {
    workspace_id = "ws_team42" # optional, sent as X-Workspace-Id
  }
}

data "pricing_onepin_plans" "all" {}

# Monthly USD prices by plan name, leaving out plans priced on request
# (a custom tier with amount 0 is not free).
output "onepin_monthly_usd" {
  value = {
    for p in data.pricing_onepin_plans.all.plans : p.name => p.amount_decimal
    if p.currency == "USD" && p.billing_interval == "monthly" && !(p.tier == "custom" && p.amount == 0)
  }
}

# Plans with no cap on projects.
output "onepin_unlimited_projects" {
  value = [for p in data.pricing_onepin_plans.all.plans : p.name if try(p.limits["projects"], null) == "unlimited"]
}
