# Every Paygentic plan with hashicorp/http + jsondecode(), as a user would
# write it without this provider: page 1 tells the total, then one data
# source instance per remaining page (limit 100, the API's maximum), all
# decoded and flattened into one list.
terraform {
  required_providers {
    http = { source = "hashicorp/http" }
  }
}

variable "base_url" { type = string }
variable "paygentic_api_key" { type = string }

locals {
  plans_url = "${var.base_url}/paygentic/v0/plans?limit=100"
  headers   = { Authorization = "Bearer ${var.paygentic_api_key}" }
}

data "http" "first" {
  url             = "${local.plans_url}&offset=0"
  request_headers = local.headers
}

data "http" "rest" {
  count           = ceil(jsondecode(data.http.first.body).pagination.total / 100) - 1
  url             = "${local.plans_url}&offset=${(count.index + 1) * 100}"
  request_headers = local.headers
}

locals {
  plans = flatten(concat(
    [jsondecode(data.http.first.body).data],
    [for page in data.http.rest : jsondecode(page.body).data],
  ))
}

output "plans" {
  value = length(local.plans)
}
