# Pinned prices: commit the list a budget was made for, and notice when the
# vendor changes it.
#
#   terraform output -json paygentic_plans > prices.json   # once, then commit
data "pricing_paygentic_plans" "all" {}

output "paygentic_plans" {
  value = data.pricing_paygentic_plans.all.plans
}

locals {
  price_changes = provider::pricing::plan_changes(
    jsondecode(file("${path.module}/prices.json")).value,
    data.pricing_paygentic_plans.all.plans,
  )
}

# A check block warns and the plan goes on ...
check "prices_unchanged" {
  assert {
    condition = length(local.price_changes.changed) == 0 && length(local.price_changes.removed) == 0
    error_message = join("\n", concat(
      [for c in local.price_changes.changed : "${c.id}: ${c.attribute} changed from ${jsonencode(c.before)} to ${jsonencode(c.after)}"],
      [for p in local.price_changes.removed : "${p.id}: removed"],
    ))
  }
}

# ... while a precondition stops it.
output "budgeted_plan_id" {
  value = "plan_t9u0v1w2x3y4z5a6"
  precondition {
    condition     = !contains([for c in local.price_changes.changed : c.id], "plan_t9u0v1w2x3y4z5a6")
    error_message = "The plan this budget was made for changed its price; review prices.json."
  }
}
