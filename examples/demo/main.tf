# The demo reads every vendor's price list from the local sandbox that
# `make demo` starts; the provider takes the sandbox's URLs and keys from the
# environment (IDENTIFAI_BASE_URL, IDENTIFAI_API_KEY, ...), exactly as it would
# take real ones.

terraform {
  required_providers {
    pricing = {
      source = "pricingkit/pricing"
    }
  }
}

provider "pricing" {
  # Probely's prices are in cents (its OpenAPI 1.2.0 says so), which is the
  # provider's default: no setting needed. OnePin's plan_details come in the
  # language asked for.
  onepin = {
    language = "en"
  }
}

# identifAI: the whole list, and one pricing by SKU.
data "pricing_identifai_pricings" "all" {}

data "pricing_identifai_pricing" "trial" {
  sku = "trial"
}

# Paygentic: every plan (the provider reads every page), and one plan by id.
data "pricing_paygentic_plans" "all" {}

data "pricing_paygentic_plan" "basic" {
  id = "plan_t9u0v1w2x3y4z5a6"
}

# A plan shaped as Paygentic's current API sends it: no plan-level price, so
# price_amount is its fixed charge, summed from its in-advance prices; its
# usage prices carry their own exact amounts.
data "pricing_paygentic_plan" "fixed" {
  id = "plan_0000000000000004"
}

# Probely: the enterprise family in euros, and one plan by id.
data "pricing_probely_plans" "enterprise_eur" {
  family        = "enterprise"
  currency_code = "EUR"
}

data "pricing_probely_plan" "enterprise" {
  id = "enterprise-base-eur"
}

# OnePin: the public plan list, and one plan by name.
data "pricing_onepin_plans" "all" {}

data "pricing_onepin_plan" "pro" {
  name = "Pro Plan"
}

# StreamSkill: a standard tariff with volume discounts and a graduated one.
data "pricing_streamskill_tariff" "volume" {
  id = 1
}

data "pricing_streamskill_tariff" "graduated" {
  id       = 3
  language = "ru"
}

output "identifai" {
  value = {
    pricings   = data.pricing_identifai_pricings.all.total
    trial_id   = data.pricing_identifai_pricing.trial.id
    first_skus = slice([for p in data.pricing_identifai_pricings.all.pricings : p.sku], 0, 5)
  }
}

output "paygentic" {
  value = {
    plans       = data.pricing_paygentic_plans.all.total
    basic_price = "${data.pricing_paygentic_plan.basic.price_amount} ${data.pricing_paygentic_plan.basic.currency}"
    cadence     = data.pricing_paygentic_plan.basic.billing_cadence
    fixed_price = "${data.pricing_paygentic_plan.fixed.price_amount} ${data.pricing_paygentic_plan.fixed.currency} per ${data.pricing_paygentic_plan.fixed.billing_period}"
    fixed_usage = [for p in data.pricing_paygentic_plan.fixed.prices : "${p.invoice_display_name} (${p.model}): ${coalesce(p.unit_price, p.min_price, p.default_price, p.percentage, "-")}" if p.payment_term == "in_arrears"]
  }
}

output "probely" {
  value = {
    enterprise_eur = [for p in data.pricing_probely_plans.enterprise_eur.plans : "${p.id}: ${p.name}"]
    scan_profiles  = data.pricing_probely_plan.enterprise.allowed_scan_profiles
  }
}

output "onepin" {
  value = {
    plans      = data.pricing_onepin_plans.all.total
    pro_price  = "${data.pricing_onepin_plan.pro.price_amount} ${data.pricing_onepin_plan.pro.currency} per ${data.pricing_onepin_plan.pro.billing_period}"
    pro_limits = data.pricing_onepin_plan.pro.limits
    details    = { for p in data.pricing_onepin_plans.all.plans : p.name => [for s in p.plan_details : s.title] if p.plan_details != null }
  }
}

# Comparing vendors: every vendor's plans in one list of one shape. The
# catalogue shares each vendor's read with the lists above (no extra request).
variable "monthly_budget" {
  description = "Most any plan we depend on may cost per month, in its own currency."
  type        = number
  default     = 250
}

data "pricing_catalog" "all" {}

locals {
  # Paid plans with a monthly price, grouped by currency.
  priced = { for p in data.pricing_catalog.all.plans : p.currency => p... if p.monthly_amount != null ? p.monthly_amount > 0 : false }
  cheapest = {
    for currency, plans in local.priced : currency => [
      for p in plans : "${p.vendor} ${p.name}: ${p.monthly_amount} ${currency}/month"
      if p.monthly_amount == min([for q in plans : q.monthly_amount]...)
    ][0]
  }
}

# The plans this workspace depends on, found by name in the catalogue: the
# postcondition stops the run when one of them passes the monthly budget.
data "pricing_catalog" "depended_on" {
  vendors    = ["paygentic", "onepin"]
  name_regex = "^(Basic Tier|Pro Plan)$"

  lifecycle {
    postcondition {
      condition     = alltrue([for p in self.plans : p.monthly_amount <= var.monthly_budget if p.monthly_amount != null])
      error_message = "Over the monthly budget of ${var.monthly_budget}: ${join(", ", [for p in self.plans : "${p.vendor} ${p.name} (${p.monthly_amount} ${p.currency})" if p.monthly_amount != null ? p.monthly_amount > var.monthly_budget : false])}."
    }
  }
}

output "catalog" {
  value = {
    plans_per_vendor           = { for vendor, ids in { for p in data.pricing_catalog.all.plans : p.vendor => p.id... } : vendor => length(ids) }
    cheapest_paid_per_currency = local.cheapest
    depended_on                = [for p in data.pricing_catalog.depended_on.plans : "${p.vendor} ${p.name}: ${p.monthly_amount} ${p.currency}/month"]
    priced_on_request          = [for p in data.pricing_catalog.all.plans : "${p.vendor} ${p.name}" if p.price_on_request]
  }
}

output "streamskill" {
  value = {
    volume_title     = data.pricing_streamskill_tariff.volume.title
    volume_discounts = data.pricing_streamskill_tariff.volume.discounts
    graduated_title  = data.pricing_streamskill_tariff.graduated.title
    graduated_prices = data.pricing_streamskill_tariff.graduated.graduated_prices
  }
}

# Quotes: what an order costs, computed exactly from the tariff. The data
# source reads the tariff (shared with the one above: no extra request); the
# function quotes an already-read tariff with no request at all.
variable "budget" {
  description = "Most the follower campaign may cost. `make demo DEMO_ARGS=\"-var budget=1\"` shows the hard stop."
  type        = number
  default     = 500
}

# Budget guardrails. The postcondition is the hard stop: a quote over the
# budget fails the plan (non-zero exit) with its message. The check block only
# warns (the plan still succeeds): here, when the quote passes 80% of it.
data "pricing_tariff_quote" "followers_campaign" {
  tariff_id = data.pricing_streamskill_tariff.volume.id
  quantity  = 600

  lifecycle {
    postcondition {
      condition     = self.total <= var.budget
      error_message = "Over budget: the follower campaign costs ${self.total}, more than the budget of ${var.budget}."
    }
  }
}

check "followers_campaign_near_budget" {
  assert {
    condition     = data.pricing_tariff_quote.followers_campaign.total <= 0.8 * var.budget
    error_message = "Near budget: the follower campaign costs ${data.pricing_tariff_quote.followers_campaign.total}, more than 80% of the budget of ${var.budget}."
  }
}

output "quotes" {
  value = {
    followers_600          = data.pricing_tariff_quote.followers_campaign.total
    followers_discount     = "${data.pricing_tariff_quote.followers_campaign.discount_percent}%"
    chatbots_250_for_3h    = provider::pricing::tariff_quote(data.pricing_streamskill_tariff.graduated, 250, 3).total
    chatbots_unit_per_hour = provider::pricing::tariff_quote(data.pricing_streamskill_tariff.graduated, 250, 1).unit_price
  }
}
