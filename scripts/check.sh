#!/usr/bin/env bash
# Quality gates, each timed: formatting, clippy with warnings as errors (the workspace lints in
# Cargo.toml forbid unwrap/expect/panic outside tests), and the `try-runtime` feature, which
# builds code paths no other build compiles. scripts/test.sh (CI) runs this first.
#
# Every cargo call uses the release profile, as the build and the tests do: dependencies'
# build-script outputs (rocksdb, the runtime's Wasm) are then shared instead of rebuilt.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$AGORA_ROOT"

phase "rustfmt" cargo fmt --all -- --check
phase "clippy" cargo clippy --release --workspace --all-targets --locked -- -D warnings
# The pallets' benchmarking code compiles only with runtime-benchmarks (as in "benchmark tests").
phase "clippy runtime-benchmarks" cargo clippy --release --locked --all-targets \
	-p pallet-profiles -p pallet-posts -p pallet-follows -p pallet-reactions -p pallet-messages \
	-p pallet-sponsorship \
	--features runtime-benchmarks -- -D warnings
# The try-runtime feature set compiles the runtime's try-runtime paths (TryRuntime API,
# try_state hooks, the pallets' try-runtime code). Checked without a Wasm build: the native
# check covers the same code, and a try-runtime Wasm would be one more full runtime build.
# Only the runtime: the node has no try-runtime code of its own, and checking it with
# SKIP_WASM_BUILD re-ran the build scripts of the relay chain runtimes in its dependency tree,
# which then made the next `cargo test` rebuild much of the client (about 10 minutes).
phase "check try-runtime" env SKIP_WASM_BUILD=1 cargo check --release --locked \
	-p agora-runtime --features try-runtime
