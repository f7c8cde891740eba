#!/usr/bin/env bash
# scripts/s3-server.sh DIR: run a real S3-compatible server on 127.0.0.1 for
# tests and trials of the shared snapshot cache (docs/guides/fleet-s3.md).
#
# It starts versitygw (built once into .cache/bin by versitygw-path.sh) on a
# free loopback port with a fresh random access key and secret, storing its
# objects in DIR/data (its log in DIR/versitygw.log), creates the bucket
# pricing-cache, prints exactly one line to stdout
#
#   endpoint=http://127.0.0.1:PORT bucket=pricing-cache access_key=ID secret_key=SECRET
#
# and serves until it gets SIGTERM (or SIGINT), which it forwards to the
# server and waits for: it leaves no process behind. Needs curl (7.75 or
# later, for --aws-sigv4) to create the bucket.
set -euo pipefail

if [ "$#" -ne 1 ]; then
	echo "usage: scripts/s3-server.sh DIR" >&2
	exit 2
fi
root_dir=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1/data"
dir=$(cd "$1" && pwd)
bucket=pricing-cache
region=us-east-1

log() { echo "s3-server: $*" >&2; }

bin=$("$root_dir/scripts/versitygw-path.sh")

random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
access_key=$(random_hex 10 | tr 'a-f' 'A-F')
secret_key=$(random_hex 20)

server=""
stop() {
	if [ -n "$server" ]; then
		kill -TERM "$server" 2>/dev/null || true
		wait "$server" 2>/dev/null || true
		server=""
	fi
}
trap 'stop; exit 0' TERM # a requested stop is a clean end
trap 'stop; exit 130' INT
trap 'stop' EXIT

# answers PORT: whether our server answers there (a 403 to an anonymous
# request is an answer; its Server header tells it is versitygw).
answers() {
	curl -sS -o /dev/null -D - --max-time 2 "http://127.0.0.1:$1/" 2>/dev/null | grep -qi '^server: *versitygw'
}

# Pick a free port and start the server there. A port taken between the check
# and the bind makes the server exit: then try another.
port=""
for _ in $(seq 1 20); do
	candidate=$((20000 + RANDOM % 40000))
	if (: <"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
		continue # something listens there already
	fi
	# The keys go through the environment, not the command line that every
	# user of the machine can read in ps.
	ROOT_ACCESS_KEY_ID="$access_key" ROOT_SECRET_ACCESS_KEY="$secret_key" \
		"$bin" --port "127.0.0.1:$candidate" --region "$region" --quiet \
		posix "$dir/data" >>"$dir/versitygw.log" 2>&1 &
	server=$!
	for _ in $(seq 1 100); do
		if ! kill -0 "$server" 2>/dev/null; then
			break
		fi
		if answers "$candidate"; then
			port=$candidate
			break 2
		fi
		sleep 0.1
	done
	if kill -0 "$server" 2>/dev/null; then
		log "versitygw did not answer on 127.0.0.1:$candidate within 10s"
		stop
		tail -n 20 "$dir/versitygw.log" >&2 || true
		exit 1
	fi
	wait "$server" 2>/dev/null || true
	server=""
done
if [ -z "$port" ]; then
	log "versitygw could not start on a free loopback port; its log ($dir/versitygw.log):"
	tail -n 20 "$dir/versitygw.log" >&2 || true
	exit 1
fi
endpoint="http://127.0.0.1:$port"

# Create the bucket (a signed PUT /bucket). A DIR used before already has it:
# 409 BucketAlreadyOwnedByYou is fine.
empty_sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
status=$(curl -sS -o "$dir/create-bucket.out" -w '%{http_code}' --max-time 10 -X PUT \
	--aws-sigv4 "aws:amz:$region:s3" --user "$access_key:$secret_key" \
	-H "x-amz-content-sha256: $empty_sha256" "$endpoint/$bucket") || status=000
case "$status" in
200) ;;
409)
	if ! grep -q BucketAlreadyOwnedByYou "$dir/create-bucket.out"; then
		log "creating the bucket $bucket: HTTP 409: $(cat "$dir/create-bucket.out")"
		exit 1
	fi
	;;
*)
	log "creating the bucket $bucket: HTTP $status: $(cat "$dir/create-bucket.out" 2>/dev/null)"
	exit 1
	;;
esac
rm -f "$dir/create-bucket.out"

echo "endpoint=$endpoint bucket=$bucket access_key=$access_key secret_key=$secret_key"

# Serve until the server ends, we are told to stop, or whoever started us is
# gone (a test binary killed by its timeout sends no SIGTERM): no server is
# left behind. A trapped signal runs its trap once the current `sleep` ends.
parent=$PPID
while kill -0 "$server" 2>/dev/null; do
	if ! kill -0 "$parent" 2>/dev/null || [ "$(ps -o ppid= -p $$ | tr -d ' ')" = 1 ]; then
		log "the process that started this server is gone; stopping"
		stop
		exit 0
	fi
	sleep 1
done
rc=0
wait "$server" || rc=$?
server=""
log "versitygw exited with status $rc; its log ($dir/versitygw.log):"
tail -n 20 "$dir/versitygw.log" >&2 || true
exit "$rc"
