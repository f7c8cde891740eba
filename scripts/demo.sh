#!/usr/bin/env bash
# Run `terraform plan` on examples/demo against a local pricing sandbox, using
# the provider built from this checkout.
#
#   scripts/demo.sh [extra terraform plan args...]     (make demo DEMO_ARGS=...)
#
# Steps: build the provider into bin/ and the sandbox into .cache/bin, start the
# sandbox on a free port, point terraform at bin/ with a dev_overrides CLI
# config (so no `terraform init` and no registry access are needed), export the
# vendor base URLs and keys the provider reads, plan, and always stop the
# sandbox on exit.
set -euo pipefail

root_dir=$(cd "$(dirname "$0")/.." && pwd)
cd "$root_dir"

cache_dir="$root_dir/.cache"
bin_dir="$root_dir/bin"
demo_dir="$cache_dir/demo" # kept after the run so sandbox.log can be read
sandbox_bin="$cache_dir/bin/pricing-sandbox"
sandbox_log="$demo_dir/sandbox.log"
cli_config="$demo_dir/dev-overrides.tfrc"

log() { echo "demo: $*" >&2; }

mkdir -p "$bin_dir" "$cache_dir/bin" "$demo_dir"

tf=$(scripts/terraform-path.sh)

log "building provider and sandbox"
go build -o "$bin_dir/terraform-provider-pricing" .
# A real binary rather than `go run`: `go run` leaves the sandbox as a child of
# the go command, so killing the PID we hold would not stop the server.
go build -o "$sandbox_bin" ./cmd/pricing-sandbox

# Port 0: the kernel picks a free port and the sandbox prints the real address,
# which avoids racy "find a free port" helpers (and needs no python/nc).
"$sandbox_bin" -addr 127.0.0.1:0 >"$sandbox_log" 2>&1 &
sandbox_pid=$!

stop_sandbox() {
	if kill -0 "$sandbox_pid" 2>/dev/null; then
		kill "$sandbox_pid" 2>/dev/null || true
		wait "$sandbox_pid" 2>/dev/null || true
	fi
}
trap stop_sandbox EXIT
# Turn signals into a normal exit so the EXIT trap runs exactly once.
trap 'exit 130' INT
trap 'exit 143' TERM

# Wait (up to ~30s) for "pricing-sandbox listening on http://ADDR".
base_url=""
for _ in $(seq 1 300); do
	base_url=$(sed -n 's|.*pricing-sandbox listening on \(http://[^[:space:]]*\).*|\1|p' "$sandbox_log" | head -n1)
	[ -n "$base_url" ] && break
	if ! kill -0 "$sandbox_pid" 2>/dev/null; then
		log "sandbox exited before listening; its output:"
		cat "$sandbox_log" >&2
		exit 1
	fi
	sleep 0.1
done
if [ -z "$base_url" ]; then
	log "sandbox did not report its address within 30s; its output:"
	cat "$sandbox_log" >&2
	exit 1
fi
base_url=${base_url%/}
log "sandbox listening on $base_url (log: $sandbox_log)"

# dev_overrides makes terraform load pricingkit/pricing straight from bin/;
# `direct {}` keeps any other provider installable the normal way.
cat >"$cli_config" <<EOF
provider_installation {
  dev_overrides {
    "pricingkit/pricing" = "$bin_dir"
  }
  direct {}
}
EOF

export TF_CLI_CONFIG_FILE="$cli_config"
export CHECKPOINT_DISABLE=1

# The sandbox prints each vendor's base URL and key under its first line;
# export them as the provider's environment fallbacks, as real ones would be.
while read -r vendor url key; do
	prefix=$(printf '%s' "$vendor" | tr '[:lower:]' '[:upper:]')
	export "${prefix}_BASE_URL=$url" "${prefix}_API_KEY=$key"
done < <(awk '$2 ~ /^http:\/\// && NF == 3 { print $1, $2, $3 }' "$sandbox_log")

# Not `exec`: the EXIT trap must still stop the sandbox afterwards.
"$tf" -chdir=examples/demo plan "$@"
