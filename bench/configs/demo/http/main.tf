# examples/demo/ rewritten with hashicorp/http + jsondecode(): the same
# vendor endpoints, the same lookups and comparable outputs. Lookups without
# a single-item endpoint filter the list locally, as the provider does.
# OnePin pages by following absolute next links, which data "http" cannot
# chain; like most users, this reads one page of the maximum size (limit=100)
# and assumes it is the only one (true for the sandbox's 25 plans).
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

# identifAI: every pricing in one response (no per_page), newest first.
data "http" "identifai" {
  url             = "${var.base_url}/identifai/api/partner/pricings?direction=desc&order=created_at"
  request_headers = { X-Api-Key = var.identifai_api_key, Accept = "application/json" }
}

# Paygentic: page 1, then the remaining pages of 100; and one plan by id.
locals {
  paygentic_plans_url = "${var.base_url}/paygentic/v0/plans?limit=100"
  paygentic_headers   = { Authorization = "Bearer ${var.paygentic_api_key}" }
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

data "http" "paygentic_basic" {
  url             = "${var.base_url}/paygentic/v0/plans/plan_t9u0v1w2x3y4z5a6"
  request_headers = local.paygentic_headers
}

# Probely: page 1 of 100, then the remaining pages by page_total.
locals {
  probely_plans_url = "${var.base_url}/probely/plans/?length=100"
  probely_headers   = { Authorization = "JWT ${var.probely_api_key}" }
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

# OnePin: one page of the maximum size (see above).
data "http" "onepin" {
  url             = "${var.base_url}/onepin/api/v1/billing/plans?limit=100"
  request_headers = { Authorization = "Bearer ${var.onepin_api_key}" }
}

# StreamSkill: two tariffs, each in its language.
data "http" "streamskill_volume" {
  url             = "${var.base_url}/streamskill/tarifs/1?expand=panel"
  request_headers = { Authorization = "Bearer ${var.streamskill_api_key}", Accept-Language = "en" }
}

data "http" "streamskill_graduated" {
  url             = "${var.base_url}/streamskill/tarifs/3?expand=panel"
  request_headers = { Authorization = "Bearer ${var.streamskill_api_key}", Accept-Language = "ru" }
}

locals {
  identifai_pricings = jsondecode(data.http.identifai.body).data
  identifai_trial    = one([for p in local.identifai_pricings : p if p.sku == "trial"])

  paygentic_plans = flatten(concat(
    [jsondecode(data.http.paygentic_first.body).data],
    [for page in data.http.paygentic_rest : jsondecode(page.body).data],
  ))
  paygentic_basic = jsondecode(data.http.paygentic_basic.body)

  probely_plans = flatten(concat(
    [jsondecode(data.http.probely_first.body).results],
    [for page in data.http.probely_rest : jsondecode(page.body).results],
  ))
  probely_enterprise_eur = [for p in local.probely_plans : p if try(p.family, null) == "enterprise" && try(p.currency_code, null) == "EUR"]
  probely_enterprise     = one([for p in local.probely_plans : p if p.id == "enterprise-base-eur"])

  onepin_plans = jsondecode(data.http.onepin.body).data
  onepin_pro   = one([for p in local.onepin_plans : p if p.name == "Pro Plan"])

  streamskill_volume    = jsondecode(data.http.streamskill_volume.body)
  streamskill_graduated = jsondecode(data.http.streamskill_graduated.body)
}

output "identifai" {
  value = {
    pricings   = length(local.identifai_pricings)
    trial_id   = local.identifai_trial.id
    first_skus = slice([for p in local.identifai_pricings : p.sku], 0, 5)
  }
}

output "paygentic" {
  value = {
    plans       = length(local.paygentic_plans)
    basic_price = "${format("%.2f", tonumber(local.paygentic_basic.price) / 1e9)} ${local.paygentic_basic.currency}"
    cadence     = local.paygentic_basic.billingCadence
  }
}

output "probely" {
  value = {
    enterprise_eur = [for p in local.probely_enterprise_eur : "${p.id}: ${p.name}"]
    scan_profiles  = try(local.probely_enterprise.allowed_scan_profiles, local.probely_enterprise.allowed_builtin_scan_profiles)
  }
}

output "onepin" {
  value = {
    plans      = length(local.onepin_plans)
    pro_price  = "${format("%.2f", local.onepin_pro.amount / 100)} ${local.onepin_pro.currency}"
    pro_limits = local.onepin_pro.limits
  }
}

output "streamskill" {
  value = {
    volume_title     = local.streamskill_volume.title
    volume_discounts = local.streamskill_volume.discounts
    graduated_title  = local.streamskill_graduated.title
    graduated_prices = local.streamskill_graduated.graduated_prices
  }
}
