# 50 identical data sources over one Paygentic listing: the provider's
# per-run cache makes them share one fetch.
terraform {
  required_providers {
    pricing = { source = "pricingkit/pricing" }
  }
}

provider "pricing" {}

data "pricing_paygentic_plans" "copy" {
  count = 50
}

output "plans" {
  value = sum([for d in data.pricing_paygentic_plans.copy : length(d.plans)])
}
