#!/usr/bin/env bash
# Print the absolute path of a versitygw binary (an S3-compatible server,
# Apache-2.0) for scripts/s3-server.sh, building it when needed:
#
#   1. .cache/bin/versitygw, when `go version -m` says it is module
#      github.com/versity/versitygw at VERSITYGW_VERSION;
#   2. otherwise `go install github.com/versity/versitygw/cmd/versitygw@VERSION`
#      from the Go module proxy (its go.mod has no replace directive, so
#      `go install pkg@version` builds it as released).
#
# The binary's own `--version` says "git" when built this way, hence the
# module version read from the build information instead.
#
#   VERSITYGW_VERSION  module version to build (default v1.8.0)
#   CACHE_DIR          cache directory (default <repo>/.cache)
#
# Only the path goes to stdout: BIN=$(scripts/versitygw-path.sh). Progress
# and errors go to stderr.
set -euo pipefail

root_dir=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/progress.sh
. "$root_dir/scripts/lib/progress.sh"

cache_dir="${CACHE_DIR:-$root_dir/.cache}"
cache_bin="$cache_dir/bin"
version="${VERSITYGW_VERSION:-v1.8.0}"
module=github.com/versity/versitygw

log() { echo "versitygw-path: $*" >&2; }

if ! command -v go >/dev/null 2>&1; then
	log "no Go toolchain to check or build versitygw"
	exit 1
fi

# module_version_of BIN: the version of $module BIN was built from.
module_version_of() {
	go version -m "$1" 2>/dev/null | awk -v m="$module" '$1 == "mod" && $2 == m { print $3; exit }'
}

bin="$cache_bin/versitygw"
if [ -x "$bin" ]; then
	have=$(module_version_of "$bin" || true)
	if [ "$have" = "$version" ]; then
		echo "$bin"
		exit 0
	fi
	log "ignoring $bin: version '${have:-unknown}', want $version"
fi

mkdir -p "$cache_bin" "$cache_dir/src"
# GOWORK=off / GOFLAGS="": settings meant for this repo must not leak into
# building an unrelated module.
export GOWORK=off GOFLAGS=""

# A private GOBIN renamed into place at the end: a concurrent or interrupted
# run never leaves a half-written binary where others look.
work=$(mktemp -d "$cache_dir/src/versitygw-$version.XXXXXX")
trap 'rm -rf "$work"' EXIT

log "building versitygw $version from the Go module proxy into $cache_bin (done once)..."
start=$(date +%s)
with_progress "versitygw-path: versitygw $version" "cold on a 2-core machine about 3 minutes" \
	env GOBIN="$work" CGO_ENABLED=0 go install -trimpath -ldflags "-s -w" "$module/cmd/versitygw@$version" >&2
mv -f "$work/versitygw" "$bin"
log "built $bin in $(($(date +%s) - start))s"

have=$(module_version_of "$bin" || true)
if [ "$have" != "$version" ]; then
	log "the freshly built $bin reports module version '${have:-none}', want $version"
	exit 1
fi
echo "$bin"
