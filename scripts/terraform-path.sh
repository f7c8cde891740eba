#!/usr/bin/env bash
# Print the absolute path of a terraform binary suitable for this repo's
# acceptance tests, docs generation and demo (Terraform >= 1.8).
#
#   1. `terraform` from PATH, when it is 1.8 or newer;
#   2. otherwise a copy cached in .cache/bin (installed by a previous run);
#   3. otherwise build one: `go install github.com/hashicorp/terraform@v1.8.5`.
#
# TERRAFORM_VERSION=v1.x.y asks for that exact version instead: PATH and cache
# are used only when they report it, and otherwise it is built into
# .cache/bin/terraform-<version> (`make test-matrix` uses this for the oldest
# supported release).
#
# Why `go install`: releases.hashicorp.com and the Terraform registry may be
# unreachable, but the Go module proxy is available. v1.8.5 is the newest
# release that still builds with `go install ...@version` (1.9+ carry replace
# directives in go.mod, which `go install pkg@version` refuses). Building takes
# a few minutes warm and about 23 minutes cold on a 2-core machine, once;
# progress is printed every 30 seconds meanwhile.
#
# Only the path goes to stdout, so callers can do TF=$(scripts/terraform-path.sh).
# All progress and errors go to stderr.
set -euo pipefail

root_dir=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/progress.sh
. "$root_dir/scripts/lib/progress.sh"

cache_dir="${CACHE_DIR:-$root_dir/.cache}"
cache_bin="$cache_dir/bin"
default_version="v1.8.5"
install_version="${TERRAFORM_VERSION:-$default_version}"
case "$install_version" in
v*) ;;
*) install_version="v$install_version" ;;
esac
# exact_version: the version a binary must report when TERRAFORM_VERSION asks
# for one; empty means "any >= min".
exact_version=""
if [ -n "${TERRAFORM_VERSION:-}" ]; then
	exact_version="${install_version#v}"
fi
min_major=1
min_minor=8

mkdir -p "$cache_bin"

# The environment may point TF_CLI_CONFIG_FILE at a missing file, which makes
# every terraform invocation print a warning; use an empty config instead, and
# never phone home for version checks.
empty_rc="$cache_dir/empty.tfrc"
: >>"$empty_rc"
export TF_CLI_CONFIG_FILE="$empty_rc"
export CHECKPOINT_DISABLE=1

log() { echo "terraform-path: $*" >&2; }

# suitable BIN: succeed when BIN runs and reports version >= min_major.min_minor.
suitable() {
	local bin=$1 out ver major minor
	# `terraform version -json` exists since 0.13; older binaries fail here and
	# are rejected, which is what we want anyway.
	out=$("$bin" version -json 2>/dev/null) || return 1
	ver=$(printf '%s\n' "$out" | sed -n 's/.*"terraform_version": *"\([0-9][0-9.]*\).*/\1/p' | head -n1)
	[ -n "$ver" ] || return 1
	major=${ver%%.*}
	minor=${ver#*.}
	minor=${minor%%.*}
	if [ -n "$exact_version" ]; then
		[ "$ver" = "$exact_version" ] && return 0
		log "ignoring $bin: version $ver is not the requested $exact_version"
		return 1
	fi
	if [ "$major" -gt "$min_major" ] || { [ "$major" -eq "$min_major" ] && [ "$minor" -ge "$min_minor" ]; }; then
		return 0
	fi
	log "ignoring $bin: version $ver is older than $min_major.$min_minor"
	return 1
}

# 1. terraform on PATH.
if path_tf=$(command -v terraform 2>/dev/null) && suitable "$path_tf"; then
	echo "$path_tf"
	exit 0
fi

# 2. A previously installed copy in the cache.
# The default build lives at .cache/bin/terraform (as before); an explicitly
# requested version gets its own name so several can be cached side by side.
if [ -n "$exact_version" ]; then
	cached_tf="$cache_bin/terraform-$install_version"
else
	cached_tf="$cache_bin/terraform"
fi
if [ -x "$cached_tf" ] && suitable "$cached_tf"; then
	echo "$cached_tf"
	exit 0
fi
# The default build may be the requested version too.
if [ -n "$exact_version" ] && [ -x "$cache_bin/terraform" ] && suitable "$cache_bin/terraform" 2>/dev/null; then
	echo "$cache_bin/terraform"
	exit 0
fi

# 3. Build it from the module proxy.
if ! command -v go >/dev/null 2>&1; then
	log "no suitable terraform on PATH and no Go toolchain to build one"
	exit 1
fi
if [ -n "$exact_version" ]; then
	log "no terraform $exact_version on PATH or in $cache_bin; building terraform $install_version from the Go module proxy (done once)..."
else
	log "no terraform >= $min_major.$min_minor on PATH; building terraform $install_version from the Go module proxy into $cache_bin (done once)..."
fi

# Install into a private directory, then rename into place: a concurrent run
# (e.g. `make -j`) or an interrupted build never leaves a half-written binary
# at the path other runs trust.
tmp_bin=$(mktemp -d "$cache_dir/terraform-install.XXXXXX")
trap 'rm -rf "$tmp_bin"' EXIT
# GOWORK=off / GOFLAGS="": a workspace or -modfile/-mod settings meant for this
# repo must not leak into building an unrelated module at a fixed version.
start=$(date +%s)
with_progress "terraform-path: terraform $install_version" "cold on a 2-core machine about 23 minutes" \
	env GOBIN="$tmp_bin" GOWORK=off GOFLAGS="" CGO_ENABLED=0 \
	go install "github.com/hashicorp/terraform@$install_version" >&2
mv -f "$tmp_bin/terraform" "$cached_tf"
log "built $cached_tf in $(($(date +%s) - start))s"

if ! suitable "$cached_tf"; then
	log "the freshly built $cached_tf does not run"
	exit 1
fi
echo "$cached_tf"
