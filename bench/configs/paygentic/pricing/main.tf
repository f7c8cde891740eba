# Every Paygentic plan through this provider: one data source, which reads
# page 1, then the remaining pages concurrently (max_parallel_requests).
terraform {
  required_providers {
    pricing = { source = "pricingkit/pricing" }
  }
}

variable "max_parallel_requests" {
  type    = number
  default = null # the provider's default (10 for Paygentic)
}

provider "pricing" {
  max_parallel_requests = var.max_parallel_requests
}

data "pricing_paygentic_plans" "all" {}

output "plans" {
  value = length(data.pricing_paygentic_plans.all.plans)
}
