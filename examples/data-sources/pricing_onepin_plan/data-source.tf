data "pricing_onepin_plan" "pro" {
  name = "Pro Plan"

  # price_amount is a number: a budget is a plain comparison.
  lifecycle {
    postcondition {
      condition     = self.monthly_amount <= 50
      error_message = "The Pro Plan now costs ${self.monthly_amount} ${self.currency} a month, over our budget of 50."
    }
  }
}

output "pro_plan" {
  value = {
    price    = "${data.pricing_onepin_plan.pro.price_amount} ${data.pricing_onepin_plan.pro.currency} per ${data.pricing_onepin_plan.pro.billing_period}"
    projects = data.pricing_onepin_plan.pro.limits["projects"] # "50", "unlimited", or null (unlimited)
    # The feature sheet OnePin shows, in the provider's onepin.language.
    details = try({ for s in data.pricing_onepin_plan.pro.plan_details : s.title => { for i in s.items : i.label => i.value } }, null)
  }
}
