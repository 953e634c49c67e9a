#!/usr/bin/env bash
# Local demo of mapdown workers on NATS JetStream: one nats-server (loopback, temporary
# store), the EVENTS and MAPPED streams, the example events, two workers, the counts.
#
#   pnpm build && examples/nats/demo.sh
#
# Needs nats-server (apt-get install -y nats-server). Port: NATS_PORT (default 14222).
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT="${NATS_PORT:-14222}"
URL="nats://127.0.0.1:${PORT}"
EVENTS=examples/events/events.ndjson
JS="node examples/nats/jetstream.mjs"

command -v nats-server >/dev/null || { echo "nats-server is not installed: apt-get install -y nats-server" >&2; exit 1; }
[ -f packages/cli/dist/bin.js ] || { echo "build first: pnpm build" >&2; exit 1; }

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== nats-server with JetStream on $URL (store $WORK/store)"
nats-server -js -a 127.0.0.1 -p "$PORT" -sd "$WORK/store" 2>"$WORK/nats.log" &
PIDS+=($!)
for _ in $(seq 100); do grep -q "Server is ready" "$WORK/nats.log" && break; sleep 0.1; done
grep -q "Server is ready" "$WORK/nats.log" || { cat "$WORK/nats.log" >&2; exit 1; }

echo "== streams"
$JS streams "$URL"

echo "== two workers sharing the durable consumer 'mappers'"
for n in 1 2; do
  node packages/cli/dist/bin.js worker --nats "$URL" \
    --stream EVENTS --consumer mappers \
    --out-subject mapped.records --dlq-subject mapped.dlq \
    -d dictionaries/sentinelone -d dictionaries/sentinelone-cloud-funnel \
    --stats-interval 1000 --name "demo-worker-$n" 2>"$WORK/worker-$n.log" &
  PIDS+=($!)
done

echo "== publishing $EVENTS"
$JS publish "$URL" "$EVENTS"
TOTAL=$(grep -c . "$EVENTS")
$JS wait "$URL" "$TOTAL" 60

echo "== draining the workers (SIGTERM)"
kill -TERM "${PIDS[1]}" "${PIDS[2]}"
wait "${PIDS[1]}" "${PIDS[2]}"
for n in 1 2; do
  echo "worker $n: $(grep '"final":true' "$WORK/worker-$n.log" | node -e 'const s=JSON.parse(require("fs").readFileSync(0,"utf8"));console.log(`messages ${s.messages}, events read ${s.read}, mapped ${s.mapped}, rejected ${s.rejected}, acked ${s.acked}, redelivered ${s.redelivered}`)')"
done

echo "== outputs in stream MAPPED ($TOTAL events published)"
$JS counts "$URL"
