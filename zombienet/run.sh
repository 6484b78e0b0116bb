#!/usr/bin/env bash
# Runs the zombienet smoke test (smoke.zndsl) when the relay chain binaries are installed
# (zombienet/get-binaries.sh); otherwise says so and exits 0, so CI shows the skip.
set -euo pipefail
. "$(dirname "$0")/../scripts/env.sh"
cd "$AGORA_ROOT/zombienet"

relay_bin="$AGORA_HOME/.cache/agora/polkadot/bin"
for bin in polkadot polkadot-prepare-worker polkadot-execute-worker; do
	if [ ! -x "$relay_bin/$bin" ]; then
		echo "zombienet smoke test skipped: relay binaries not installed ($relay_bin/$bin missing; run zombienet/get-binaries.sh)"
		exit 0
	fi
done
[ -x node_modules/.bin/zombienet ] || npm ci --ignore-scripts --no-audit --no-fund >/dev/null
export PATH="$relay_bin:$(dirname "$AGORA_NODE"):$PATH"

# The network's files (chain specs, databases, logs) go to a directory of our own: removed when
# the test passes, kept with the node logs when it fails.
work=$(mktemp -d -t agora-zombienet.XXXXXX)
status=0
node_modules/.bin/zombienet --provider native --logType text --dir "$work" --force test smoke.zndsl || status=$?
if [ "$status" -eq 0 ]; then
	rm -rf "$work"
else
	echo "zombienet smoke test failed ($status failing steps or a launch error); node logs: $work/logs" >&2
fi
exit "$status"
