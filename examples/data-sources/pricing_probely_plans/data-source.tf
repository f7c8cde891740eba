# Every enterprise plan priced in euros.
data "pricing_probely_plans" "enterprise_eur" {
  family        = "enterprise"
  currency_code = "EUR"
}

# Plan id => price in euros: price is in cents, as Probely's OpenAPI 1.2.0
# documents it, and price_amount is the same price in the major unit (null
# for a plan without a price).
output "enterprise_eur_prices" {
  value = { for p in data.pricing_probely_plans.enterprise_eur.plans : p.id => p.price_amount }
}
