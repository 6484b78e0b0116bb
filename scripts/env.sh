# Shared build environment for every project script and CI. Source it: `. scripts/env.sh`.
#
# All builds share one target directory outside the checkout, so a fresh clone (CI) reuses
# what earlier builds compiled instead of spending two hours on a cold build.

AGORA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export AGORA_ROOT
# HOME may be unset in a bare CI environment: fall back to the user's home from passwd.
AGORA_HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
# rustup installs cargo in ~/.cargo/bin; a bare environment may not have it on PATH.
case ":$PATH:" in *":$AGORA_HOME/.cargo/bin:"*) ;; *) [ -d "$AGORA_HOME/.cargo/bin" ] && PATH="$AGORA_HOME/.cargo/bin:$PATH" ;; esac
export PATH
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$AGORA_HOME/.cache/agora/target}"
# The runtime's Wasm build must find this checkout's workspace (and its Cargo.lock).
export WASM_BUILD_WORKSPACE_HINT="$AGORA_ROOT"
# frame-benchmarking-cli would otherwise build one more test runtime Wasm in every node build.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
# The node binary every script runs.
export AGORA_NODE="$CARGO_TARGET_DIR/release/agora-node"

# Prints how long a phase took: `phase NAME COMMAND...`.
phase() {
	local name="$1" start rc=0
	shift
	start=$(date +%s)
	echo "==> $name"
	"$@" || rc=$?
	echo "==> $name: $(( $(date +%s) - start ))s (exit $rc)"
	return $rc
}
