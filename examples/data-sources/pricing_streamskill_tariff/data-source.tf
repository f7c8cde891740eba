# A graduated tariff: the price of a whole order depends on its quantity tier.
data "pricing_streamskill_tariff" "chatbot" {
  id       = 3
  language = "en"
}

locals {
  viewers = 150
  # Tiers are keyed by their lowest quantity; the order falls in the highest
  # tier that starts at or below it.
  tier = max([
    for threshold in keys(data.pricing_streamskill_tariff.chatbot.graduated_prices) :
    tonumber(threshold) if tonumber(threshold) <= local.viewers
  ]...)
}

output "chatbot_price_per_hour" {
  value = "${data.pricing_streamskill_tariff.chatbot.title}: ${data.pricing_streamskill_tariff.chatbot.graduated_prices[tostring(local.tier)]} per hour for ${local.viewers} chatbots"
}

# A standard tariff: volume discounts are an empty map when there are none.
data "pricing_streamskill_tariff" "followers" {
  id = 1
}

output "followers_discount_from_1000" {
  value = lookup(data.pricing_streamskill_tariff.followers.discounts, "1000", 0)
}
