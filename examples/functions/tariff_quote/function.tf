# Quote an order from a tariff read once: no extra request per quote.
data "pricing_streamskill_tariff" "viewers" {
  id = 2
}

locals {
  hours = 2
  quotes = {
    for viewers in [100, 500, 1000] :
    viewers => provider::pricing::tariff_quote(data.pricing_streamskill_tariff.viewers, viewers, local.hours)
  }
}

output "viewer_totals" {
  value = { for viewers, q in local.quotes : viewers => q.total }
}

# A tariff can also be written by hand; the function makes no request.
output "chatbots_per_evening" {
  value = provider::pricing::tariff_quote({
    pricing_type     = "graduated"
    hourly           = true
    count_min        = 10
    count_max        = 350
    graduated_prices = { "0" = 135, "101" = 180, "201" = 270 }
  }, 250, 3).total
}
