# Look a pricing up by exactly one of id, sku or name.
data "pricing_identifai_pricing" "trial" {
  sku = "trial"
}

output "identifai_trial_pricing_id" {
  value = data.pricing_identifai_pricing.trial.id
}
