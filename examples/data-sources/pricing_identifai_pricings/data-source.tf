# Every identifAI pricing, oldest first.
data "pricing_identifai_pricings" "all" {
  order     = "created_at"
  direction = "asc"
}

output "identifai_skus" {
  value = [for p in data.pricing_identifai_pricings.all.pricings : p.sku]
}
