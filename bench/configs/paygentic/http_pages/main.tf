# Every Paygentic plan with hashicorp/http + jsondecode(), every page URL
# written out: the number of pages is known up front (var.pages), so no
# instance waits for page 1 and Terraform reads them all at -parallelism.
# var.ids, when set, keeps only those plans with a `for` expression.
terraform {
  required_providers {
    http = { source = "hashicorp/http" }
  }
}

variable "base_url" { type = string }
variable "paygentic_api_key" { type = string }
variable "pages" { type = number }
variable "ids" {
  type    = list(string)
  default = null
}

data "http" "page" {
  count           = var.pages
  url             = "${var.base_url}/paygentic/v0/plans?limit=100&offset=${count.index * 100}"
  request_headers = { Authorization = "Bearer ${var.paygentic_api_key}" }
}

locals {
  plans  = flatten([for page in data.http.page : jsondecode(page.body).data])
  wanted = [for p in local.plans : p if(var.ids == null ? true : contains(var.ids, p.id))]
}

output "plans" {
  value = length(local.wanted)
}
