#!/usr/bin/env bash
# Indexer benchmarks (docs/indexer.md#benchmarks). Each mode starts what it needs on free
# loopback ports in a temporary directory (PostgreSQL, and for `sustained` an IPFS daemon, a dev
# node and the indexer) and stops everything again.
#
#   benches/indexer.sh sustained [--block-time MS] [--calls N] [--accounts M]
#       Bluesky's mix (js/load/mix.mjs, every post with a body of its own on IPFS) against a dev
#       node sealing every MS ms (default 6000) while the indexer follows it: calls per block,
#       the lag from finalized to indexed (js/load/indexer-lag.mjs), when every body was
#       fetched. Then a second indexer on an empty database catches up with the same chain from
#       genesis: items/s and bodies/s (js/load/indexer-catchup.mjs).
#   benches/indexer.sh latency [--posts N] [--accounts A] [--requests R] [--concurrency C]
#       A synthetic dataset generated straight into PostgreSQL (SQL, not through the chain:
#       default 1,000,000 posts and 2,000,000 notifications), then p50/p99 of search, hashtag,
#       notification and trending pages over HTTP (js/load/indexer-latency.mjs).
#   benches/indexer.sh smoke
#       Both, small: a few hundred calls at 1 s blocks, 20,000 synthetic posts.
#
# Never a timed test: these measure, they do not pass or fail on a figure. The node binary is
# the test build's ($AGORA_NODE, scripts/env.sh); AGORA_NODE_EXTRA adds arguments to it, as for
# benches/live.sh (e.g. AGORA_NODE_EXTRA='--pool-type single-state').
set -euo pipefail
# shellcheck source=../scripts/env.sh
. "$(dirname "$0")/../scripts/env.sh"
# shellcheck source=node.sh
. "$(dirname "$0")/node.sh"
cd "$AGORA_ROOT"

mode="${1:?usage: benches/indexer.sh sustained|latency|smoke [options]}"
shift
block_time=6000
calls=14000
accounts=400
posts=1000000
latency_accounts=100000
requests=2000
concurrency=8
while [ $# -gt 0 ]; do
	case "$1" in
		--block-time) block_time="$2"; shift 2 ;;
		--calls) calls="$2"; shift 2 ;;
		--accounts) accounts="$2"; latency_accounts="$2"; shift 2 ;;
		--posts) posts="$2"; shift 2 ;;
		--requests) requests="$2"; shift 2 ;;
		--concurrency) concurrency="$2"; shift 2 ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
done
if [ "$mode" = smoke ]; then
	block_time=1000 calls=720 accounts=40 posts=20000 latency_accounts=2000 requests=200 concurrency=4
fi

[ -d js/node_modules ] || npm ci --prefix js --ignore-scripts --no-audit --no-fund >/dev/null
work="$(mktemp -d)"
# PostgreSQL runs as `postgres` when this runs as root: it must pass through here.
chmod 711 "$work"
pids=()
export AGORA_PG_DATA="$work/postgres" AGORA_PG_PORT
AGORA_PG_PORT=$(free_port)
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
	AGORA_IPFS_PATH="$work/ipfs" bash scripts/ipfs.sh stop >/dev/null 2>&1 || true
	bash scripts/postgres.sh stop >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT
bash scripts/postgres.sh start >/dev/null
db_url() { echo "postgres://postgres@127.0.0.1:$AGORA_PG_PORT/$1"; }
createdb() {
	local as=()
	[ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
	"${as[@]}" /usr/lib/postgresql/15/bin/createdb -h 127.0.0.1 -p "$AGORA_PG_PORT" -U postgres "$1"
}

# Starts an indexer on database $1 with API port $2 (more options after); records its pid.
start_indexer() {
	local db="$1" port="$2"
	shift 2
	node js/indexer/bin/agora-indexer.mjs --db "$(db_url "$db")" --api-addr "127.0.0.1:$port" \
		--metrics-port "$(free_port)" "$@" >>"$work/indexer-$db.log" 2>&1 &
	pids+=($!)
	for _ in $(seq 1 600); do
		curl -fs "http://127.0.0.1:$port/status" >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	echo "the indexer did not start; its log:" >&2
	tail -20 "$work/indexer-$db.log" >&2
	return 1
}

sustained() {
	local rpc_port ipfs_port node_pid url ipfs live_port catchup_port node_extra=()
	# Word splitting intended: several arguments in one variable.
	# shellcheck disable=SC2206
	node_extra=(${AGORA_NODE_EXTRA:-})
	rpc_port=$(free_port)
	ipfs_port=$(free_port)
	ipfs="http://127.0.0.1:$ipfs_port"
	AGORA_IPFS_PATH="$work/ipfs" AGORA_IPFS_API_PORT=$ipfs_port AGORA_IPFS_GATEWAY_PORT=$(free_port) \
		bash scripts/ipfs.sh start >/dev/null
	# As benches/live.sh runs the mix (its pool limits), as an archive of the canonical chain.
	"$AGORA_NODE" --dev --dev-block-time "$block_time" --base-path "$work/chain" \
		--state-pruning archive-canonical --rpc-port "$rpc_port" --listen-addr "/ip4/127.0.0.1/tcp/$(free_port)" \
		--rpc-max-connections 1000 --pool-limit 100000 --pool-kbytes 409600 --no-prometheus \
		"${node_extra[@]}" --no-telemetry --no-mdns --no-hardware-benchmarks --ipfs-api "$ipfs" >"$work/node.log" 2>&1 &
	node_pid=$!
	pids+=("$node_pid")
	wait_for_rpc "$rpc_port" "$node_pid" "$work/node.log"
	url="ws://127.0.0.1:$rpc_port"
	createdb live
	createdb catchup
	live_port=$(free_port)
	start_indexer live "$live_port" --rpc "$url" --ipfs "$ipfs"
	echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, dev node sealing every ${block_time} ms: benches/indexer.sh sustained --calls $calls --accounts $accounts"
	node js/load/indexer-lag.mjs --url "$url" --indexer "http://127.0.0.1:$live_port" &
	local lag_pid=$!
	node js/load/mix.mjs --url "$url" --calls "$calls" --accounts "$accounts" --remarks 0 --ipfs "$ipfs"
	wait "$lag_pid"
	echo "# catch-up: a second indexer, empty database, the same chain from genesis"
	catchup_port=$(free_port)
	start_indexer catchup "$catchup_port" --rpc "$url" --ipfs "$ipfs"
	node js/load/indexer-catchup.mjs --url "$url" --indexer "http://127.0.0.1:$catchup_port" --db "$(db_url catchup)"
}

latency() {
	local port
	createdb latency
	port=$(free_port)
	# No node: the API serves the synthetic rows; its follower waits for a node that never comes.
	start_indexer latency "$port" --rpc "ws://127.0.0.1:$(free_port)"
	echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores: benches/indexer.sh latency --posts $posts --accounts $latency_accounts --requests $requests --concurrency $concurrency"
	node js/load/indexer-latency.mjs --db "$(db_url latency)" --indexer "http://127.0.0.1:$port" \
		--posts "$posts" --accounts "$latency_accounts" --requests "$requests" --concurrency "$concurrency"
}

case "$mode" in
	sustained) sustained ;;
	latency) latency ;;
	smoke) sustained; latency ;;
	*) echo "unknown mode $mode" >&2; exit 2 ;;
esac
