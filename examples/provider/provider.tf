terraform {
  required_providers {
    pricing = {
      source = "pricingkit/pricing"
    }
  }
}

# Every setting is optional. Keys are best left to the environment
# (IDENTIFAI_API_KEY, PAYGENTIC_API_KEY, PROBELY_API_KEY, ONEPIN_API_KEY,
# STREAMSKILL_API_KEY) so they never land in configuration files.
provider "pricing" {
  max_retries           = 4
  request_timeout       = "30s"
  max_parallel_requests = 4

  paygentic = {
    base_url = "https://api.sandbox.paygentic.io"
  }

  onepin = {
    workspace_id = "ws_finops"
  }

  streamskill = {
    language = "en"
  }
}
