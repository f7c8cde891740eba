data "pricing_onepin_plan" "pro" {
  name = "Pro Plan"
}

output "pro_plan" {
  value = {
    price    = "${data.pricing_onepin_plan.pro.amount_decimal} ${data.pricing_onepin_plan.pro.currency} ${data.pricing_onepin_plan.pro.billing_interval}"
    projects = data.pricing_onepin_plan.pro.limits["projects"] # "50" or "unlimited"
  }
}
