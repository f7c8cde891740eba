# The fleet workspace written with hashicorp/http + jsondecode(): the same
# 7 requests (identifAI in one response, Paygentic page 1 then the rest by
# count, OnePin's one page, two StreamSkill tariffs), no retries, no pacing;
# http v1.2.0 fails the plan on any status but 200.
terraform {
  required_providers {
    http = { source = "hashicorp/http" }
  }
}

variable "base_url" { type = string }
variable "identifai_api_key" { type = string }
variable "paygentic_api_key" { type = string }
variable "onepin_api_key" { type = string }
variable "streamskill_api_key" { type = string }

data "http" "identifai" {
  url             = "${var.base_url}/identifai/api/partner/pricings?direction=desc&order=created_at"
  request_headers = { X-Api-Key = var.identifai_api_key, Accept = "application/json" }
}

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

data "http" "onepin" {
  url             = "${var.base_url}/onepin/api/v1/billing/plans?limit=100"
  request_headers = { Authorization = "Bearer ${var.onepin_api_key}" }
}

data "http" "streamskill_one" {
  url             = "${var.base_url}/streamskill/tarifs/1?expand=panel"
  request_headers = { Authorization = "Bearer ${var.streamskill_api_key}" }
}

data "http" "streamskill_two" {
  url             = "${var.base_url}/streamskill/tarifs/2?expand=panel"
  request_headers = { Authorization = "Bearer ${var.streamskill_api_key}" }
}

output "read" {
  value = "identifai=${length(jsondecode(data.http.identifai.body).data)} paygentic=${length(flatten(concat([jsondecode(data.http.paygentic_first.body).data], [for p in data.http.paygentic_rest : jsondecode(p.body).data])))} onepin=${length(jsondecode(data.http.onepin.body).data)} tariffs=${jsondecode(data.http.streamskill_one.body).id},${jsondecode(data.http.streamskill_two.body).id}"
}
