data "pricing_probely_plan" "business" {
  id = "business-monthly-usd"
}

# Does the plan allow full scans?
output "business_allows_full_scans" {
  value = contains(data.pricing_probely_plan.business.allowed_scan_profiles, "full")
}

# tiers is a free-form object: decode it, allowing for plans without tiers.
output "business_tier_limits" {
  value = [for t in try(jsondecode(data.pricing_probely_plan.business.tiers_json).tiers, []) : t.up_to]
}
