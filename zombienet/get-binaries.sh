#!/usr/bin/env bash
# Gets what the zombienet smoke test needs, without `zombienet setup` (it downloads release
# binaries from the internet, which these machines cannot reach):
# - @zombienet/cli from npm (zombienet/package.json, locked);
# - the relay chain binaries polkadot, polkadot-prepare-worker and polkadot-execute-worker,
#   built from crates.io at the release matching polkadot-sdk stable2609 (polkadot 41.0.0)
#   into ~/.cache/agora/polkadot/bin, outside any checkout, so every clone (CI's too) finds
#   them. That build is long on 2 cores: it uses a persistent target directory
#   (~/.cache/agora/polkadot-target), so an interrupted build resumes where it stopped.
set -euo pipefail
# shellcheck source=../scripts/env.sh
. "$(dirname "$0")/../scripts/env.sh"
cd "$AGORA_ROOT/zombienet"

POLKADOT_VERSION=41.0.0
relay_root="$AGORA_HOME/.cache/agora/polkadot"
npm ci --ignore-scripts --no-audit --no-fund >/dev/null
# The binary prints the node version (1.x), not the crate's, so ask cargo what it installed.
if ! cargo install --list --root "$relay_root" | grep -q "^polkadot v$POLKADOT_VERSION:"; then
	start=$(date +%s)
	# env.sh points the Wasm builder at this workspace; the relay runtimes must use their own.
	unset WASM_BUILD_WORKSPACE_HINT
	CARGO_TARGET_DIR="$AGORA_HOME/.cache/agora/polkadot-target" \
		cargo install --locked --root "$relay_root" "polkadot@$POLKADOT_VERSION"
	echo "polkadot $POLKADOT_VERSION built in $(( $(date +%s) - start ))s"
fi
"$relay_root/bin/polkadot" --version
