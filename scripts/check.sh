#!/usr/bin/env bash
# Quality gates, each timed: formatting, lints (Rust, JS, shell), the Markdown's relative links,
# clippy with warnings as errors (the workspace lints in Cargo.toml forbid unwrap/expect/panic
# outside tests), and the feature sets no other build compiles (`runtime-benchmarks`,
# `try-runtime`). scripts/test.sh (CI) runs this first.
#
# Every cargo call uses the release profile, as the build and the tests do: dependencies'
# build-script outputs (rocksdb, the runtime's Wasm) are then shared instead of rebuilt. No
# gate sets an environment variable a build script reads (SKIP_WASM_BUILD and the like) on a
# feature set the test build shares: that would rerun the build script and make the next
# `cargo test` rebuild everything above it.
set -euo pipefail
# shellcheck source=env.sh
. "$(dirname "$0")/env.sh"
cd "$AGORA_ROOT"

phase "rustfmt" cargo fmt --all -- --check
phase "js lint" npm run --silent lint --prefix js
phase "shellcheck" bash -c 'git ls-files "*.sh" | xargs shellcheck --severity=warning'
phase "markdown links" node scripts/check-links.mjs
phase "clippy" cargo clippy --release --workspace --all-targets --locked -- -D warnings
# The pallets' benchmarking code compiles only with runtime-benchmarks (as in "benchmark tests").
phase "clippy runtime-benchmarks" cargo clippy --release --locked --all-targets \
	-p pallet-profiles -p pallet-posts -p pallet-follows -p pallet-reactions -p pallet-messages \
	-p pallet-sponsorship \
	--features runtime-benchmarks -- -D warnings
# The runtime and the node as the weight runs build them (benches/weights.sh): the runtime's
# benchmarks, the node's `benchmark` commands. Its own feature set: shares nothing with the test
# build that this could invalidate.
phase "check runtime-benchmarks" cargo check --release --locked -p agora-runtime -p agora-node \
	--features runtime-benchmarks
# The try-runtime feature set compiles the runtime's try-runtime paths (TryRuntime API,
# try_state hooks, the pallets' try-runtime code). Checked without a Wasm build: the native
# check covers the same code, and a try-runtime Wasm would be one more full runtime build.
# Only the runtime: the node has no try-runtime code of its own, and checking it with
# SKIP_WASM_BUILD re-ran the build scripts of the relay chain runtimes in its dependency tree,
# which then made the next `cargo test` rebuild much of the client (about 10 minutes).
phase "check try-runtime" env SKIP_WASM_BUILD=1 cargo check --release --locked \
	-p agora-runtime --features try-runtime
