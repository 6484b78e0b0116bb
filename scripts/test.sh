#!/usr/bin/env bash
# The whole test suite: runtime and node unit tests, and end-to-end tests that start real
# `agora-node` processes and real IPFS daemons (scripts/ipfs.sh, each in its own temporary
# repo) on free loopback ports. CI runs exactly this.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$AGORA_ROOT"

phase "setup" bash scripts/setup.sh
phase "install IPFS" bash scripts/ipfs.sh install
phase "install client" npm ci --prefix scripts/client --ignore-scripts --no-audit --no-fund
phase "install web app" npm ci --prefix web --ignore-scripts --no-audit --no-fund
phase "fetch" cargo fetch --locked
# Formatting, clippy with the workspace lints, and the try-runtime build (scripts/check.sh).
phase "quality gates" bash scripts/check.sh
phase "build tests" cargo test --release --workspace --locked --no-run
phase "run tests" cargo test --release --workspace --locked --no-fail-fast
# The pallets' benchmarks, run once each as tests (frame-benchmarking's test suites).
phase "benchmark tests" cargo test --release --locked --no-fail-fast \
	-p pallet-profiles -p pallet-posts -p pallet-follows -p pallet-reactions -p pallet-messages \
	-p pallet-sponsorship \
	--features runtime-benchmarks
# The command-line client and Polkadot.js apps' path, end to end against a real dev node and
# IPFS daemon (node's built-in test runner prints the pass/fail summary).
phase "client tests" node --test --test-concurrency=1 scripts/client/test/
# The web app in Debian's chromium against a real dev node and IPFS daemon (screenshots in
# web/screenshots/).
phase "web tests" node --test --test-concurrency=1 web/test/
# A few dozen transactions through the throughput tool, so the benchmarks keep working.
phase "benchmark smoke" bash benches/live.sh smoke
# Agora on a local relay chain, when the relay binaries are installed (zombienet/README.md).
phase "zombienet" bash zombienet/run.sh
