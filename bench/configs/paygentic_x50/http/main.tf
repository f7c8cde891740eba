# 50 identical listings with hashicorp/http: every copy reads every page
# (Terraform does not share identical data sources).
terraform {
  required_providers {
    http = { source = "hashicorp/http" }
  }
}

variable "base_url" { type = string }
variable "paygentic_api_key" { type = string }

locals {
  copies    = 50
  plans_url = "${var.base_url}/paygentic/v0/plans?limit=100"
  headers   = { Authorization = "Bearer ${var.paygentic_api_key}" }
}

data "http" "first" {
  count           = local.copies
  url             = "${local.plans_url}&offset=0"
  request_headers = local.headers
}

locals {
  pages = ceil(jsondecode(data.http.first[0].body).pagination.total / 100)
}

data "http" "rest" {
  for_each        = { for pair in setproduct(range(local.copies), range(1, local.pages)) : "${pair[0]}/${pair[1]}" => pair[1] }
  url             = "${local.plans_url}&offset=${each.value * 100}"
  request_headers = local.headers
}

locals {
  lists = [for copy in range(local.copies) : flatten(concat(
    [jsondecode(data.http.first[copy].body).data],
    [for page in range(1, local.pages) : jsondecode(data.http.rest["${copy}/${page}"].body).data],
  ))]
}

output "plans" {
  value = sum([for l in local.lists : length(l)])
}
