#!/usr/bin/env bash
# One command from a fresh machine to a running local dev chain:
# installs what is missing, builds the node, and starts `agora-node --dev` with RPC on
# ws://127.0.0.1:9944. Extra arguments go to the node, e.g. `--base-path ./data` to keep the
# chain across restarts, `--instant-seal`, or `--dev-block-time 1000`.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$AGORA_ROOT"

phase "setup" bash scripts/setup.sh
phase "build agora-node" cargo build --release --locked -p agora-node

cat <<MSG

Agora dev chain starting. Open Polkadot.js apps:
  https://polkadot.js.org/apps/?rpc=ws://127.0.0.1:9944
Stop it with Ctrl-C.

MSG
exec "$AGORA_NODE" --dev --rpc-port 9944 --rpc-cors all "$@"
