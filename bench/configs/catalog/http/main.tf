# bench/configs/catalog/pricing rewritten with hashicorp/http + jsondecode():
# the same listings (identifAI in one response, Paygentic and Probely by page
# count, OnePin's one page of 100), mapped by hand into one list of one shape.
# The money is what a hand-written config can do: floating point, one minor
# unit (1/100) for every currency, and a fixed table of periods.
terraform {
  required_providers {
    http = { source = "hashicorp/http" }
  }
}

variable "base_url" { type = string }
variable "identifai_api_key" { type = string }
variable "paygentic_api_key" { type = string }
variable "probely_api_key" { type = string }
variable "onepin_api_key" { type = string }
variable "streamskill_api_key" { type = string }

data "http" "identifai" {
  url             = "${var.base_url}/identifai/api/partner/pricings?direction=desc&order=created_at"
  request_headers = { X-Api-Key = var.identifai_api_key, Accept = "application/json" }
}

locals {
  paygentic_plans_url = "${var.base_url}/paygentic/v0/plans?limit=100"
  paygentic_headers   = { Authorization = "Bearer ${var.paygentic_api_key}" }
  probely_plans_url   = "${var.base_url}/probely/plans/?length=100"
  probely_headers     = { Authorization = "JWT ${var.probely_api_key}" }
  months              = { P1W = 12 / 52, P1M = 1, P3M = 3, P1Y = 12, week = 12 / 52, month = 1, year = 12, monthly = 1, yearly = 12 }
}

data "http" "paygentic_first" {
  url             = "${local.paygentic_plans_url}&offset=0"
  request_headers = local.paygentic_headers
}

data "http" "paygentic_rest" {
  count           = ceil(jsondecode(data.http.paygentic_first.body).pagination.total / 100) - 1
  url             = "${local.paygentic_plans_url}&offset=${(count.index + 1) * 100}"
  request_headers = local.paygentic_headers
}

data "http" "probely_first" {
  url             = "${local.probely_plans_url}&page=1"
  request_headers = local.probely_headers
}

data "http" "probely_rest" {
  count           = jsondecode(data.http.probely_first.body).page_total - 1
  url             = "${local.probely_plans_url}&page=${count.index + 2}"
  request_headers = local.probely_headers
}

data "http" "onepin" {
  url             = "${var.base_url}/onepin/api/v1/billing/plans?limit=100"
  request_headers = { Authorization = "Bearer ${var.onepin_api_key}" }
}

locals {
  paygentic_plans = flatten(concat(
    [jsondecode(data.http.paygentic_first.body).data],
    [for page in data.http.paygentic_rest : jsondecode(page.body).data],
  ))
  probely_plans = flatten(concat(
    [jsondecode(data.http.probely_first.body).results],
    [for page in data.http.probely_rest : jsondecode(page.body).results],
  ))

  catalog = concat(
    [for p in jsondecode(data.http.identifai.body).data : {
      vendor = "identifai", id = tostring(p.id), name = p.name, currency = null, price_amount = null, monthly_amount = null
    }],
    # The plan-level price when sent, else the fixed charge: unitPrice x
    # quantity over the standard in_advance prices (sum() of none fails: null).
    [for p in local.paygentic_plans : {
      vendor = "paygentic", id = p.id, name = p.name, currency = p.currency
      price_amount = try(tonumber(p.price) / 1e9, sum([for pr in p.prices : tonumber(pr.properties.unitPrice) * try(pr.quantity, 1)
      if try(pr.model, "") == "standard" && try(pr.paymentTerm, "") == "in_advance"]), null)
      monthly_amount = try(tonumber(p.price) / 1e9 / local.months[p.billingCadence], sum([for pr in p.prices : tonumber(pr.properties.unitPrice) * try(pr.quantity, 1)
      if try(pr.model, "") == "standard" && try(pr.paymentTerm, "") == "in_advance"]) / local.months[p.billingCadence], null)
    }],
    [for p in local.probely_plans : {
      vendor         = "probely", id = p.id, name = p.name, currency = p.currency_code
      price_amount   = try(p.price / 100, null)
      monthly_amount = try(p.price / 100 / (p.period * local.months[p.period_unit]), null)
    }],
    [for p in jsondecode(data.http.onepin.body).data : {
      vendor         = "onepin", id = p.id, name = p.name, currency = p.currency
      price_amount   = p.tier == "custom" && p.amount == 0 ? null : p.amount / 100
      monthly_amount = p.tier == "custom" && p.amount == 0 ? null : try(p.amount / 100 / local.months[p.billing_interval], null)
    }],
  )
}

output "plans" {
  value = length(local.catalog)
}

output "cheapest_usd_per_month" {
  value = min([for p in local.catalog : p.monthly_amount if p.currency == "USD" && p.monthly_amount != null]...)
}
