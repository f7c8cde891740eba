# Every vendor's plans in one list of one shape through this provider: the
# vendors are read at once, each listing completely, with exact money.
terraform {
  required_providers {
    pricing = { source = "pricingkit/pricing" }
  }
}

provider "pricing" {
  probely = { price_unit = "minor" }
}

data "pricing_catalog" "all" {}

output "plans" {
  value = length(data.pricing_catalog.all.plans)
}

output "cheapest_usd_per_month" {
  value = min([for p in data.pricing_catalog.all.plans : p.monthly_amount if p.currency == "USD" && p.monthly_amount != null]...)
}
