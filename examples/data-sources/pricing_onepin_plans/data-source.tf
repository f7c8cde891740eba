# The OnePin plan list is public: no api_key is needed.
provider "pricing" {
  onepin = {
    workspace_id = "ws_team42" # optional, sent as X-Workspace-Id
  }
}

data "pricing_onepin_plans" "all" {}

# What each USD plan costs per month, yearly plans included; plans priced on
# request (a custom tier with amount 0 is not free) have no monthly_amount.
output "onepin_usd_per_month" {
  value = {
    for p in data.pricing_onepin_plans.all.plans : p.name => p.monthly_amount
    if p.currency == "USD" && !p.price_on_request
  }
}

# Plans with no cap on projects.
output "onepin_unlimited_projects" {
  value = [for p in data.pricing_onepin_plans.all.plans : p.name if try(p.limits["projects"], null) == "unlimited"]
}
