# shellcheck shell=bash
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

# Phases: `phase NAME COMMAND...` runs a command, prints how long it took and records its result
# for `phase_summary`. A command that exits with SKIPPED (77) was skipped and must have printed
# why; `skip NAME REASON` records a phase that was not run at all.
SKIPPED=77
PHASE_RESULTS=()
phase() {
	local name="$1" start rc=0 result
	shift
	start=$(date +%s)
	echo "==> $name"
	"$@" || rc=$?
	case "$rc" in
		0) result=passed ;;
		"$SKIPPED") result=skipped ;;
		124) result="timed out" ;;
		*) result="failed (exit $rc)" ;;
	esac
	echo "==> $name: $(( $(date +%s) - start ))s ($result)"
	PHASE_RESULTS+=("$name|$(( $(date +%s) - start ))|$result")
	[ "$rc" -eq "$SKIPPED" ] && return 0
	return "$rc"
}
skip() {
	echo "==> $1: skipped ($2)"
	PHASE_RESULTS+=("$1|0|skipped: $2")
}
# Prints every recorded phase with its time and result, then the skipped ones by name.
phase_summary() {
	local entry name seconds result skipped=()
	echo
	echo "Summary:"
	for entry in "${PHASE_RESULTS[@]}"; do
		IFS='|' read -r name seconds result <<<"$entry"
		printf '  %-28s %6ss  %s\n' "$name" "$seconds" "$result"
		case "$result" in skipped*) skipped+=("$name") ;; esac
	done
	if [ ${#skipped[@]} -gt 0 ]; then
		echo "Skipped: ${skipped[*]}"
	else
		echo "Skipped: none"
	fi
}
