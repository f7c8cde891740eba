# An hourly graduated tariff: 250 chatbots fall in the tier starting at 201.
data "pricing_tariff_quote" "chatbots" {
  tariff_id = 3
  quantity  = 250
  duration  = 3 # hours
}

output "chatbots_for_an_evening" {
  value = "${data.pricing_tariff_quote.chatbots.tariff.title}: 250 chatbots for 3 hours cost ${data.pricing_tariff_quote.chatbots.total} (${data.pricing_tariff_quote.chatbots.unit_price} per hour)"
}

# A standard tariff with volume discounts; duration defaults to 1.
data "pricing_tariff_quote" "followers" {
  tariff_id = 1
  quantity  = 600
}

output "followers_discount" {
  value = "600 followers cost ${data.pricing_tariff_quote.followers.total} after a ${data.pricing_tariff_quote.followers.discount_percent}% volume discount"
}
