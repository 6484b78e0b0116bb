#!/usr/bin/env bash
# Runs the zombienet smoke test (smoke.zndsl) when the relay chain binaries are installed
# (zombienet/get-binaries.sh); otherwise says why and exits with SKIPPED (77), which
# scripts/test.sh lists as a skipped phase.
set -euo pipefail
# shellcheck source=../scripts/env.sh
. "$(dirname "$0")/../scripts/env.sh"
cd "$AGORA_ROOT/zombienet"

relay_bin="$AGORA_HOME/.cache/agora/polkadot/bin"
for bin in polkadot polkadot-prepare-worker polkadot-execute-worker; do
	if [ ! -x "$relay_bin/$bin" ]; then
		echo "zombienet smoke test skipped: relay binaries not installed ($relay_bin/$bin missing; run zombienet/get-binaries.sh)"
		exit "$SKIPPED"
	fi
done
zombienet="$AGORA_ROOT/js/node_modules/.bin/zombienet"
[ -x "$zombienet" ] || npm ci --prefix "$AGORA_ROOT/js" --ignore-scripts --no-audit --no-fund >/dev/null
node_dir="$(dirname "$AGORA_NODE")"
export PATH="$relay_bin:$node_dir:$PATH"

# The network's files (chain specs, databases, logs) go to a directory of our own: removed when
# the test passes, kept with the node logs when it fails.
work=$(mktemp -d -t agora-zombienet.XXXXXX)
status=0
"$zombienet" --provider native --logType text --dir "$work" --force test smoke.zndsl || status=$?
if [ "$status" -eq 0 ]; then
	rm -rf "$work"
else
	echo "zombienet smoke test failed ($status failing steps or a launch error); node logs: $work/logs" >&2
fi
exit "$status"
