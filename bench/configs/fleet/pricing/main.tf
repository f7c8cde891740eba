# One workspace of the fleet scenario: what each of N plans started at once
# reads (issue 27): identifAI's pricings, Paygentic's plans (3 pages of the
# sandbox's 260), OnePin's plans and two StreamSkill tariffs, 7 requests.
# Keys and base URLs come from the environment.
terraform {
  required_providers {
    pricing = { source = "pricingkit/pricing" }
  }
}

data "pricing_identifai_pricings" "all" {}
data "pricing_paygentic_plans" "all" {}
data "pricing_onepin_plans" "all" {}
data "pricing_streamskill_tariff" "one" {
  id = 1
}
data "pricing_streamskill_tariff" "two" {
  id = 2
}

output "read" {
  value = "identifai=${length(data.pricing_identifai_pricings.all.pricings)} paygentic=${length(data.pricing_paygentic_plans.all.plans)} onepin=${length(data.pricing_onepin_plans.all.plans)} tariffs=${data.pricing_streamskill_tariff.one.id},${data.pricing_streamskill_tariff.two.id}"
}
