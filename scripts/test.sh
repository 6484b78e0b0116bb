#!/usr/bin/env bash
# The whole test suite: quality gates, runtime and node unit tests, and end-to-end tests that
# start real `agora-node` processes and real IPFS daemons (scripts/ipfs.sh, each in its own
# temporary repo) on free loopback ports. CI runs exactly this.
#
# Every phase runs even when an earlier one failed (except after a failed build), each long one
# under a time limit; the run ends with a summary of every phase (time, result) and names the
# phases it skipped. The exit code is 0 only when no phase failed.
set -uo pipefail
# shellcheck source=env.sh
. "$(dirname "$0")/env.sh"
cd "$AGORA_ROOT" || exit 1

failed=0
trap phase_summary EXIT
# Runs a phase under a time limit (minutes), recording a failure without stopping the run.
limited() {
	local minutes="$1" name="$2"
	shift 2
	phase "$name" timeout --kill-after=30s "${minutes}m" "$@" || failed=1
}

phase "setup" bash scripts/setup.sh || exit 1
phase "install IPFS" bash scripts/ipfs.sh install || exit 1
phase "install JS" npm ci --prefix js --ignore-scripts --no-audit --no-fund || exit 1
phase "fetch" cargo fetch --locked || exit 1
# Formatting, lints (Rust, JS, shell), links, clippy and the feature sets no other build
# compiles (scripts/check.sh).
limited 60 "quality gates" bash scripts/check.sh
if ! phase "build tests" timeout --kill-after=30s 80m cargo test --release --workspace --locked --no-run; then
	for name in "run tests" "benchmark tests" "client tests" "indexer tests" "web tests" "benchmark smoke" "zombienet"; do
		skip "$name" "the build failed"
	done
	exit 1
fi
limited 30 "run tests" cargo test --release --workspace --locked --no-fail-fast
# The pallets' benchmarks, run once each as tests (frame-benchmarking's test suites).
limited 20 "benchmark tests" cargo test --release --locked --no-fail-fast \
	-p pallet-profiles -p pallet-posts -p pallet-follows -p pallet-reactions -p pallet-messages \
	-p pallet-sponsorship \
	--features runtime-benchmarks
# The shared chain package's own tests (envelopes), no node needed.
limited 5 "chain package tests" node --test js/chain/test/
# The command-line client and Polkadot.js apps' path, end to end against a real dev node and
# IPFS daemon (node's built-in test runner prints the pass/fail summary).
limited 25 "client tests" node --test --test-concurrency=1 js/cli/test/
# The indexer: its database writes, API and body fetching on a real PostgreSQL and IPFS daemon,
# then end to end against a real dev node (restarts, late and bad bodies, a runtime upgrade).
limited 20 "indexer tests" node --test --test-concurrency=1 js/indexer/test/
# The web app in Debian's chromium against a real dev node and IPFS daemon (screenshots in
# js/web/screenshots/, not tracked), and its static server against hostile requests.
limited 15 "web tests" node --test --test-concurrency=1 js/web/test/
# A few dozen transactions through the throughput tool, so the benchmarks keep working.
limited 10 "benchmark smoke" bash benches/live.sh smoke
# Agora on a local relay chain; skipped (and named so in the summary) without the relay
# binaries (zombienet/README.md).
limited 20 "zombienet" bash zombienet/run.sh
exit "$failed"
