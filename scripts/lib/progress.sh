#!/usr/bin/env bash
# Progress reporting for long-running commands (source this file).
#
#   with_progress "<label>" "<estimate>" cmd [args...]
#
# Runs cmd in the background and, until it ends, prints
#   <label>: still building, <elapsed>s elapsed (<estimate>)
# to stderr every PROGRESS_INTERVAL seconds (default 30, never more), so a
# build that takes many minutes on a small machine is visibly alive in CI logs
# and terminals. The command's own stdout and stderr are passed through
# unchanged. Returns the command's exit code. An interrupt (INT/TERM) of the
# caller is forwarded to the command.

with_progress() {
	if [ "$#" -lt 3 ]; then
		echo "with_progress: usage: with_progress <label> <estimate> cmd [args...]" >&2
		return 2
	fi
	local label=$1 estimate=$2
	shift 2
	local interval=${PROGRESS_INTERVAL:-30}
	if ! [ "$interval" -ge 1 ] 2>/dev/null || [ "$interval" -gt 30 ]; then
		interval=30
	fi

	local start pid rc=0 elapsed next now
	start=$(date +%s)
	"$@" &
	pid=$!
	# shellcheck disable=SC2064 # expand $pid now
	trap "kill -TERM $pid 2>/dev/null" INT TERM

	next=$((start + interval))
	# Poll once a second so a short command returns promptly, and report
	# every $interval seconds while it runs.
	while kill -0 "$pid" 2>/dev/null; do
		sleep 1
		now=$(date +%s)
		if [ "$now" -ge "$next" ] && kill -0 "$pid" 2>/dev/null; then
			elapsed=$((now - start))
			echo "$label: still building, ${elapsed}s elapsed ($estimate)" >&2
			next=$((now + interval))
		fi
	done
	wait "$pid" || rc=$?
	trap - INT TERM
	return "$rc"
}
