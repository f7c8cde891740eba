# Every enterprise plan priced in euros.
data "pricing_probely_plans" "enterprise_eur" {
  family        = "enterprise"
  currency_code = "EUR"
}

# Plan id => price exactly as Probely sends it (unit undocumented, not
# converted; null for a plan without a price).
output "enterprise_eur_prices" {
  value = { for p in data.pricing_probely_plans.enterprise_eur.plans : p.id => p.price }
}
