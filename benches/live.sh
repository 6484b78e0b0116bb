#!/usr/bin/env bash
# Benchmarks against a live dev node: starts a fresh `agora-node --dev` (and, for `content`,
# an IPFS daemon) on free loopback ports in a temporary directory, runs one tool from
# js/load/, and stops everything again.
#
#   benches/live.sh throughput [--block-time MS] [--posts N] [--accounts M]   # posts vs remarks
#   benches/live.sh mix [--block-time MS] [--calls N] [--remarks R] [--accounts M]  # Bluesky's mix vs remarks
#   benches/live.sh state-growth [--items K]                                 # bytes per item
#   benches/live.sh feed [--follows F] [--posts P]                           # feed page latency
#   benches/live.sh content                                                  # upload latency
#   benches/live.sh pinning [--unavailable N] [--ipfs-timeout MS]            # fair pinning
#   benches/live.sh smoke                                                    # a few dozen txs and a small mix (CI)
#
# The node binary is the one the test build produced ($AGORA_NODE, see scripts/env.sh).
# AGORA_NODE_EXTRA adds arguments to the node, e.g. AGORA_NODE_EXTRA='--pool-type single-state'
# (the mix's remark phase needs it: benches/README.md, "Write capacity").
# AGORA_NODE_LOG=FILE keeps the node's log there (each block's authorship time and limit).
set -euo pipefail
# shellcheck source=../scripts/env.sh
. "$(dirname "$0")/../scripts/env.sh"
# shellcheck source=node.sh
. "$(dirname "$0")/node.sh"
cd "$AGORA_ROOT"

tool="${1:?usage: benches/live.sh throughput|mix|state-growth|feed|content|pinning|smoke [options]}"
shift
block_time=1000
ipfs_timeout=1000
args=()
while [ $# -gt 0 ]; do
	case "$1" in
		--block-time) block_time="$2"; shift 2 ;;
		--ipfs-timeout) ipfs_timeout="$2"; shift 2 ;;
		*) args+=("$1"); shift ;;
	esac
done

[ -d js/node_modules ] || npm ci --prefix js --ignore-scripts --no-audit --no-fund >/dev/null
work="$(mktemp -d)"
rpc_port=$(free_port)
ipfs_port=$(free_port)
node_pid=""
cleanup() {
	[ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null || true
	# AGORA_NODE_LOG=FILE keeps the node's log (block authorship times, pool messages).
	[ -n "${AGORA_NODE_LOG:-}" ] && cp "$work/node.log" "$AGORA_NODE_LOG" 2>/dev/null || true
	AGORA_IPFS_PATH="$work/ipfs" bash scripts/ipfs.sh stop >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

node_extra=(--no-prometheus)
# Word splitting intended: several arguments in one variable.
# shellcheck disable=SC2206
node_extra+=(${AGORA_NODE_EXTRA:-})
if [ "$tool" = pinning ]; then
	prometheus_port=$(free_port)
	node_extra=(--ipfs-pin --ipfs-timeout "$ipfs_timeout" --prometheus-port "$prometheus_port")
	export AGORA_METRICS_URL="http://127.0.0.1:$prometheus_port/metrics"
fi
if [ "$tool" = content ]; then
	upload_addr="127.0.0.1:$(free_port)"
	node_extra+=(--ipfs-upload-addr "$upload_addr")
fi
if [ "$tool" = content ] || [ "$tool" = pinning ]; then
	AGORA_IPFS_PATH="$work/ipfs" AGORA_IPFS_API_PORT=$ipfs_port AGORA_IPFS_GATEWAY_PORT=$(free_port) \
		bash scripts/ipfs.sh start >/dev/null
fi
# Pool limits: the throughput tool submits every call at once, so each sender's nonces reach
# the pool out of order and wait in its future queue, which holds a tenth of --pool-limit.
# With 20,000 (future 2,000) a 10,000-call burst overflowed it: the evicted calls vanished
# (author_submitExtrinsic had accepted them) and every later nonce of their senders stayed
# future for good. 100,000 (future 10,000) holds any burst the tools send.
"$AGORA_NODE" --dev --dev-block-time "$block_time" --base-path "$work/chain" \
	--rpc-port "$rpc_port" --listen-addr "/ip4/127.0.0.1/tcp/$(free_port)" \
	--rpc-max-connections 1000 --pool-limit 100000 --pool-kbytes 409600 \
	"${node_extra[@]}" --no-telemetry --no-mdns --no-hardware-benchmarks \
	--ipfs-api "http://127.0.0.1:$ipfs_port" >"$work/node.log" 2>&1 &
node_pid=$!
wait_for_rpc "$rpc_port" "$node_pid" "$work/node.log"

url="ws://127.0.0.1:$rpc_port"
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, dev node sealing every ${block_time} ms: benches/live.sh $tool ${args[*]:-}"
case "$tool" in
	throughput) node js/load/load.mjs --url "$url" --pid "$node_pid" "${args[@]}" ;;
	mix) node js/load/mix.mjs --url "$url" "${args[@]}" ;;
	# A few dozen posts, then a small mix with its per-block report (what bound each block).
	smoke) node js/load/load.mjs --url "$url" --pid "$node_pid" --posts 40 --accounts 4 --timeout 120 &&
		node js/load/mix.mjs --url "$url" --calls 72 --accounts 8 --remarks 0 --timeout 120 ;;
	state-growth) node js/load/state-growth.mjs --url "$url" "${args[@]}" ;;
	feed) node js/load/feed.mjs --url "$url" "${args[@]}" ;;
	content) node js/load/content-latency.mjs --url "$url" --ipfs "http://127.0.0.1:$ipfs_port" \
		--upload "http://$upload_addr" "${args[@]}" ;;
	pinning) node js/load/pin-fairness.mjs --url "$url" --ipfs "http://127.0.0.1:$ipfs_port" \
		--ipfs-timeout "$ipfs_timeout" "${args[@]}" ;;
	*) echo "unknown tool $tool" >&2; exit 2 ;;
esac
