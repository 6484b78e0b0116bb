#!/usr/bin/env bash
# Compiles everything `scripts/test.sh` (CI) compiles, without running a test: the test build,
# the quality gates' builds (scripts/check.sh: clippy, runtime-benchmarks, try-runtime) and the
# pallets' benchmark tests. On a fresh machine this is about 105 minutes on two cores
# (docs/build-times.md); CI's 90 minutes fit only once it has run. Start it first thing, in the
# background: `nohup bash scripts/warm.sh > ~/.cache/agora/warm.log 2>&1 &`.
set -euo pipefail
# shellcheck source=env.sh
. "$(dirname "$0")/env.sh"
cd "$AGORA_ROOT"

phase "setup" bash scripts/setup.sh
phase "build tests" cargo test --release --workspace --locked --no-run --timings
phase "install JS" npm ci --prefix js --ignore-scripts --no-audit --no-fund
phase "quality gates" bash scripts/check.sh
phase "build benchmark tests" cargo test --release --locked --no-run \
	-p pallet-profiles -p pallet-posts -p pallet-follows -p pallet-reactions -p pallet-messages \
	-p pallet-sponsorship --features runtime-benchmarks
phase_summary
