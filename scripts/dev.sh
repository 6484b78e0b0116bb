#!/usr/bin/env bash
# One command from a fresh machine to a running local dev chain:
# installs what is missing, builds the node, starts the local IPFS daemon (scripts/ipfs.sh,
# API on 127.0.0.1:5001) and `agora-node --dev` with RPC on ws://127.0.0.1:9944 and the upload
# endpoint on http://127.0.0.1:9950/content, pinning what the chain publishes, serves the
# web app on http://127.0.0.1:8090 (AGORA_WEB_PORT), and runs the indexer (js/indexer) on a
# local PostgreSQL (scripts/postgres.sh, 127.0.0.1:5433) with its API on
# http://127.0.0.1:9960 (AGORA_INDEXER_PORT). Ctrl-C stops them all. Extra arguments go to the
# node, e.g. `--base-path ./data` to keep the chain across restarts, `--instant-seal`, or
# `--dev-block-time 1000`.
set -euo pipefail
# shellcheck source=env.sh
. "$(dirname "$0")/env.sh"
cd "$AGORA_ROOT"

phase "setup" bash scripts/setup.sh
# The same build as scripts/test.sh (CI): one feature set, so nothing compiles twice.
phase "build agora-node" cargo test --release --workspace --locked --no-run
phase "build web app" bash -c 'npm ci --prefix js --ignore-scripts --no-audit --no-fund >/dev/null && npm run build --prefix js/web -- --logLevel warn'
phase "start IPFS" bash scripts/ipfs.sh start
phase "start PostgreSQL" bash scripts/postgres.sh start
web_port="${AGORA_WEB_PORT:-8090}"
indexer_port="${AGORA_INDEXER_PORT:-9960}"
node js/web/serve.mjs --port "$web_port" --indexer "http://127.0.0.1:$indexer_port" &
web_pid=$!
# The indexer waits for the node to answer, then follows its finalized blocks. A dev chain
# without --base-path is new at every start: --reset-on-new-chain then empties the indexer's
# database instead of stopping. Its log is a file: the terminal is the node's.
indexer_log="${AGORA_INDEXER_LOG:-$AGORA_HOME/.local/share/agora/indexer.log}"
mkdir -p "$(dirname "$indexer_log")"
node js/indexer/bin/agora-indexer.mjs --rpc ws://127.0.0.1:9944 --db "$(bash scripts/postgres.sh url)" \
	--ipfs "http://127.0.0.1:${AGORA_IPFS_API_PORT:-5001}" --api-addr "127.0.0.1:$indexer_port" \
	--metrics-port "${AGORA_INDEXER_METRICS_PORT:-9961}" --reset-on-new-chain >>"$indexer_log" 2>&1 &
indexer_pid=$!
trap 'kill "$web_pid" "$indexer_pid" 2>/dev/null; wait "$indexer_pid" 2>/dev/null; bash scripts/ipfs.sh stop; bash scripts/postgres.sh stop' EXIT

cat <<MSG

Agora dev chain starting. Open the web app:
  http://127.0.0.1:${web_port}/
or Polkadot.js apps:
  https://polkadot.js.org/apps/?rpc=ws://127.0.0.1:9944
The indexer's API (notifications, search, hashtags): http://127.0.0.1:${indexer_port}/status
(its log: ${indexer_log}). Stop it all with Ctrl-C.

MSG
# CORS: only pages served from this machine and Polkadot.js apps may call the node and its
# upload endpoint (it serves unsafe methods to loopback clients, and any page a browser opens
# would otherwise be one). Archive of the canonical chain: the indexer reads every block's
# events, however far behind it is.
"$AGORA_NODE" --dev --rpc-port 9944 --state-pruning archive-canonical \
	--rpc-cors "http://localhost:*,http://127.0.0.1:*,https://localhost:*,https://127.0.0.1:*,https://polkadot.js.org" \
	--ipfs-api "http://127.0.0.1:${AGORA_IPFS_API_PORT:-5001}" --ipfs-pin \
	--ipfs-upload-addr "127.0.0.1:${AGORA_UPLOAD_PORT:-9950}" "$@"
