#!/usr/bin/env bash
# Database weights measured instead of defaulted: fills a fresh dev chain with at least a
# million social items through ordinary calls (js/load/fill.mjs), stops it, and runs
# `agora-node benchmark storage` on its database. The result is
# runtime/src/weights/rocksdb_weights.rs, the runtime's `DbWeight` (benches/README.md,
# "Database weights").
#
#   benches/db-weights.sh [--items N] [--accounts M] [--keep DIR]
#
# `benchmark storage` needs a node built with `--features runtime-benchmarks`:
#   cargo build --release --locked -p agora-node --features runtime-benchmarks
#   cp "$CARGO_TARGET_DIR/release/agora-node" "$AGORA_BENCH_NODE"
# (AGORA_BENCH_NODE defaults to ~/.cache/agora/agora-node-benchmarks). The chain itself runs
# on the test build ($AGORA_NODE). --keep DIR keeps the filled chain in DIR (and reuses it if
# it is there) instead of a temporary directory.
set -euo pipefail
# shellcheck source=../scripts/env.sh
. "$(dirname "$0")/../scripts/env.sh"
# shellcheck source=node.sh
. "$(dirname "$0")/node.sh"
cd "$AGORA_ROOT"

items=1000000
accounts=1000
keep=""
while [ $# -gt 0 ]; do
	case "$1" in
		--items) items="$2"; shift 2 ;;
		--accounts) accounts="$2"; shift 2 ;;
		--keep) keep="$2"; shift 2 ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
done
bench_node="${AGORA_BENCH_NODE:-$HOME/.cache/agora/agora-node-benchmarks}"
[ -x "$AGORA_NODE" ] || { echo "no agora-node at $AGORA_NODE: run the test build first" >&2; exit 1; }
[ -d js/node_modules ] || npm ci --prefix js --ignore-scripts --no-audit --no-fund >/dev/null

if [ -n "$keep" ]; then
	work="$keep"
	mkdir -p "$work"
else
	work="$(mktemp -d)"
fi
node_pid=""
cleanup() {
	[ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null || true
	[ -z "$keep" ] && rm -rf "$work"
	return 0
}
trap cleanup EXIT

if [ ! -f "$work/filled" ]; then
	rpc_port=$(free_port)
	# A copy, so that a build meanwhile can replace the binary.
	cp "$AGORA_NODE" "$work/agora-node"
	# One-second blocks: a block still holds as many calls as at six seconds (the weight limit
	# binds), so the fill takes a sixth of the time. The single-state pool takes bursts of this
	# size (benches/README.md, "Write capacity").
	"$work/agora-node" --dev --dev-block-time 1000 --base-path "$work/chain" \
		--rpc-port "$rpc_port" --listen-addr "/ip4/127.0.0.1/tcp/$(free_port)" \
		--rpc-max-connections 100 --pool-limit 100000 --pool-kbytes 409600 \
		--pool-type single-state --no-prometheus --no-telemetry --no-mdns \
		--no-hardware-benchmarks >"$work/node.log" 2>&1 &
	node_pid=$!
	wait_for_rpc "$rpc_port" "$node_pid" "$work/node.log"
	echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores: filling a dev chain to $items social items"
	node js/load/fill.mjs --url "ws://127.0.0.1:$rpc_port" --items "$items" --accounts "$accounts"
	kill "$node_pid"
	wait "$node_pid" 2>/dev/null || true
	node_pid=""
	touch "$work/filled"
fi

[ -x "$bench_node" ] || { echo "no benchmark node at $bench_node (see the top of $0); the filled chain is in $work" >&2; exit 1; }
echo "# $(date -u +%Y-%m-%dT%H:%MZ): benchmark storage on $(du -sh "$work/chain" | cut -f1) of chain data"
# State version 1, as the runtime's `system_version`. The proof recorder stays on (a parachain
# block records its proof), the trie cache off (the weights must hold with a cold cache).
"$bench_node" benchmark storage --dev --base-path "$work/chain" --state-version 1 \
	--header benches/weight-header.txt --weight-path runtime/src/weights/ \
	--json-read-path "$work/read.json" --json-write-path "$work/write.json"
echo "# written runtime/src/weights/rocksdb_weights.rs"
