# The Paygentic plans a configuration needs, by id or by name, through this
# provider: the whole listing is read once, and only the plans that pass the
# filters reach the state.
terraform {
  required_providers {
    pricing = { source = "pricingkit/pricing" }
  }
}

variable "ids" {
  type    = list(string)
  default = null
}

variable "name_regex" {
  type    = string
  default = null
}

data "pricing_paygentic_plans" "wanted" {
  ids        = var.ids
  name_regex = var.name_regex
}

output "plans" {
  value = length(data.pricing_paygentic_plans.wanted.plans)
}
