#!/usr/bin/env bash
# Print the absolute path of an OpenTofu binary for this repo's acceptance
# tests (`make test-tofu`, `make test-matrix`).
#
#   1. `tofu` from PATH, when present;
#   2. otherwise .cache/bin/tofu, when it reports TOFU_VERSION;
#   3. otherwise build it from the Go module proxy: download the module source
#      (github.com/opentofu/opentofu@$TOFU_VERSION), copy it into a writable
#      directory under .cache and `go build ./cmd/tofu` there.
#
# Why not `go install github.com/opentofu/opentofu/cmd/tofu@version`: its
# go.mod has a replace directive (hcl/v2 => opentofu/hcl/v2), which
# `go install pkg@version` refuses. Building inside a copy of the module honours
# it, exactly like OpenTofu's own release build. The module cache is read-only,
# hence the copy.
#
#   TOFU_VERSION  module version to build (default v1.10.10)
#   CACHE_DIR     cache directory (default <repo>/.cache)
#
# Only the path goes to stdout, so callers can do TOFU=$(scripts/tofu-path.sh).
# All progress and errors go to stderr.
set -euo pipefail

root_dir=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/progress.sh
. "$root_dir/scripts/lib/progress.sh"

cache_dir="${CACHE_DIR:-$root_dir/.cache}"
cache_bin="$cache_dir/bin"
tofu_version="${TOFU_VERSION:-v1.10.10}"
want="${tofu_version#v}"

mkdir -p "$cache_bin"

# Same reasoning as in terraform-path.sh: a TF_CLI_CONFIG_FILE pointing at a
# missing file makes every run warn, and nothing should phone home.
empty_rc="$cache_dir/empty.tfrc"
: >>"$empty_rc"
export TF_CLI_CONFIG_FILE="$empty_rc"
export CHECKPOINT_DISABLE=1

log() { echo "tofu-path: $*" >&2; }

# version_of BIN: print the version BIN reports (`tofu version -json` keeps
# Terraform's "terraform_version" key), or fail when it does not run.
version_of() {
	local out
	out=$("$1" version -json 2>/dev/null) || return 1
	printf '%s\n' "$out" | sed -n 's/.*"terraform_version": *"\([^"]*\)".*/\1/p' | head -n1
}

# 1. tofu on PATH.
if path_tofu=$(command -v tofu 2>/dev/null) && version_of "$path_tofu" >/dev/null; then
	echo "$path_tofu"
	exit 0
fi

# 2. A previously built copy in the cache, of the wanted version.
cached_tofu="$cache_bin/tofu"
if [ -x "$cached_tofu" ]; then
	have=$(version_of "$cached_tofu" || true)
	if [ "$have" = "$want" ]; then
		echo "$cached_tofu"
		exit 0
	fi
	log "ignoring $cached_tofu: version '${have:-unknown}', want $want"
fi

# 3. Build it from the module proxy.
if ! command -v go >/dev/null 2>&1; then
	log "no tofu on PATH and no Go toolchain to build one"
	exit 1
fi

# GOWORK=off / GOFLAGS="": settings meant for this repo must not leak into
# building an unrelated module.
export GOWORK=off GOFLAGS=""

log "no tofu on PATH; building OpenTofu $tofu_version from the Go module proxy into $cache_bin (done once)..."
start=$(date +%s)
dl=$(go mod download -json "github.com/opentofu/opentofu@$tofu_version") || {
	log "go mod download github.com/opentofu/opentofu@$tofu_version failed"
	exit 1
}
src=$(printf '%s\n' "$dl" | sed -n 's/^[[:space:]]*"Dir": *"\(.*\)",\{0,1\}$/\1/p' | head -n1)
if [ -z "$src" ] || [ ! -d "$src" ]; then
	log "go mod download printed no module directory:"
	printf '%s\n' "$dl" >&2
	exit 1
fi

# Private work directory, renamed into place at the end: a concurrent or
# interrupted run never leaves a half-written binary where others look.
mkdir -p "$cache_dir/src"
work=$(mktemp -d "$cache_dir/src/opentofu-$tofu_version.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -R "$src/." "$work/"
chmod -R u+w "$work"

# version.dev=no: report "1.10.10" like a release build, not "1.10.10-dev".
(
	cd "$work"
	with_progress "tofu-path: OpenTofu $tofu_version" "cold on a 2-core machine about 4 minutes" \
		env CGO_ENABLED=0 go build -trimpath \
		-ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no" \
		-o "$work/tofu.bin" ./cmd/tofu >&2
)
mv -f "$work/tofu.bin" "$cached_tofu"
log "built $cached_tofu in $(($(date +%s) - start))s"

have=$(version_of "$cached_tofu" || true)
if [ "$have" != "$want" ]; then
	log "the freshly built $cached_tofu reports version '${have:-none}', want $want"
	exit 1
fi
echo "$cached_tofu"
