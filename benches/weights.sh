#!/usr/bin/env bash
# Generates the runtime's weight files: runs each pallet's
# frame-benchmarking v2 benchmarks inside the real runtime Wasm, built with
# `--features runtime-benchmarks`, and writes runtime/src/weights/<pallet>.rs.
# `overhead` measures what a block and a transaction cost before any call runs
# (`benchmark overhead`: blocks of signed `System::remark` built and executed many times) and
# writes runtime/src/weights/{block,extrinsic}_weights.rs.
#
#
#   benches/weights.sh                      # every pallet below and the overhead, 50 steps, 20 repeats
#   benches/weights.sh pallet_posts         # one pallet
#   benches/weights.sh overhead             # the block and transaction overhead only
#   benches/weights.sh --node PATH ...      # run the benchmarks with that agora-node binary
#                                           # (built before; saves the node's build)
#   STEPS=2 REPEAT=1 benches/weights.sh     # a quick smoke run (numbers not for use)
#
# Each weight file's header records the command that made it: the node binary and the runtime
# path below, so a rerun of this script writes the same header (but for date and machine).
set -euo pipefail
# shellcheck source=../scripts/env.sh
. "$(dirname "$0")/../scripts/env.sh"
cd "$AGORA_ROOT"

node="$AGORA_NODE"
build_node=yes
if [ "${1:-}" = --node ]; then
	build_node=no
	node="${2:?--node needs the path of an agora-node binary}"
	shift 2
fi
pallets=("$@")
# The social pallets, the polkadot-sdk pallets and transaction extensions whose weights this
# runtime measures itself, and the overhead.
[ ${#pallets[@]} -gt 0 ] || pallets=(
	pallet_profiles pallet_posts pallet_follows pallet_reactions pallet_messages pallet_sponsorship pallet_proxy
	pallet_recovery pallet_xcm frame_system frame_system_extensions cumulus_pallet_weight_reclaim overhead
)
steps="${STEPS:-50}"
repeat="${REPEAT:-20}"
output_dir="${OUTPUT_DIR:-runtime/src/weights}"

phase "build the benchmarking runtime" \
	cargo build --release --locked -p agora-runtime --features runtime-benchmarks
# A fixed path: the headers record it.
runtime=/tmp/agora_runtime_benchmarks.wasm
cp "$CARGO_TARGET_DIR/release/wbuild/agora-runtime/agora_runtime.compact.compressed.wasm" "$runtime"

# Both runtime builds write the same wbuild/ output: make the node's next build put the normal
# runtime back before it is embedded. The node is the test build's (scripts/test.sh): one
# feature set, so neither build undoes the other.
touch runtime/build.rs
if [ "$build_node" = yes ]; then
	phase "build agora-node" cargo test --release --workspace --locked --no-run
fi

mkdir -p "$output_dir"
for pallet in "${pallets[@]}"; do
	if [ "$pallet" = overhead ]; then
		phase "benchmark overhead" "$node" benchmark overhead \
			--runtime "$runtime" \
			--genesis-builder=runtime \
			--genesis-builder-preset=development \
			--wasm-execution=compiled \
			--header benches/weight-header.txt \
			--weight-path "$output_dir"
		continue
	fi
	phase "benchmark $pallet" "$node" benchmark pallet \
		--runtime "$runtime" \
		--genesis-builder=runtime \
		--genesis-builder-preset=development \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "$steps" \
		--repeat "$repeat" \
		--wasm-execution=compiled \
		--heap-pages=4096 \
		--header benches/weight-header.txt \
		--output "$output_dir/$pallet.rs"
done
