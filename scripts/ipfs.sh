#!/usr/bin/env bash
# Agora's local IPFS daemon: a real js-ipfs daemon (Kubo RPC API) locked to loopback and
# offline, for the dev chain and the tests. Production nodes point `agora-node` at Kubo.
#
#   scripts/ipfs.sh install   # npm ci + our patches (scripts/ipfs/patches)
#   scripts/ipfs.sh start     # install if needed, init, configure, start; prints the API
#   scripts/ipfs.sh stop
#   scripts/ipfs.sh status
#
# Environment: AGORA_IPFS_PATH (the repo; default ~/.local/share/agora/ipfs), AGORA_IPFS_API_PORT
# (default 5001), AGORA_IPFS_GATEWAY_PORT (default 8080). IPFS_PATH is always set explicitly:
# without it js-ipfs would create a public-network repo in the home directory.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# AGORA_HOME: HOME, or the user's home from passwd where HOME is unset (a bare CI environment).
# shellcheck source=env.sh
. "$here/env.sh"
export IPFS_PATH="${AGORA_IPFS_PATH:-$AGORA_HOME/.local/share/agora/ipfs}"
api_port="${AGORA_IPFS_API_PORT:-5001}"
gateway_port="${AGORA_IPFS_GATEWAY_PORT:-8080}"
jsipfs="$here/ipfs/node_modules/.bin/jsipfs"
pid_file="$IPFS_PATH/daemon.pid"
api="http://127.0.0.1:$api_port/api/v0"

running() {
	[ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

# `npm ci` without install scripts, then our patches (scripts/ipfs/patches, by patch-package):
# js-ipfs returns `add`'s `Size` as a JSON number where Kubo, and the Kubo RPC clients such as
# the node's, expect a string. patch-package skips patches already applied.
install() {
	if [ ! -x "$jsipfs" ]; then
		echo "Installing js-ipfs (npm ci)"
		(cd "$here/ipfs" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
	fi
	(cd "$here/ipfs" && node_modules/.bin/patch-package --error-on-fail >/dev/null)
}

# A repo that never talks to the public network: the `test` profile, no bootstrap peers or
# delegates, no MDNS/WebRTC discovery, no pubsub, no routing, no gRPC API, every address on
# 127.0.0.1. The config file is edited directly: quicker than one `jsipfs config` per key,
# and it works while a stale `api` file would send the CLI to a daemon that is gone.
configure() {
	if [ ! -f "$IPFS_PATH/config" ]; then
		mkdir -p "$IPFS_PATH"
		"$jsipfs" init --profile test >/dev/null
	fi
	node - "$IPFS_PATH/config" "$api_port" "$gateway_port" <<'JS'
const fs = require('fs')
const [file, api, gateway] = process.argv.slice(2)
const c = JSON.parse(fs.readFileSync(file, 'utf8'))
c.Bootstrap = []
c.Addresses = {
  ...c.Addresses,
  Swarm: ['/ip4/127.0.0.1/tcp/0'],
  API: `/ip4/127.0.0.1/tcp/${api}`,
  Gateway: `/ip4/127.0.0.1/tcp/${gateway}`,
  Delegates: [],
  Announce: [],
}
delete c.Addresses.RPC
c.Discovery = { ...c.Discovery, MDNS: { Enabled: false }, webRTCStar: { Enabled: false } }
c.Pubsub = { ...c.Pubsub, Enabled: false }
c.Routing = { Type: 'none' }
c.Swarm = { ...c.Swarm, DisableNatPortMap: true }
fs.writeFileSync(file, JSON.stringify(c, null, 2))
JS
}

start() {
	if running; then
		echo "IPFS daemon already running (pid $(cat "$pid_file")), API $api"
		return 0
	fi
	install
	configure
	rm -f "$IPFS_PATH/api"
	nohup "$jsipfs" daemon --offline --enable-preload=false >"$IPFS_PATH/daemon.log" 2>&1 &
	echo $! >"$pid_file"
	for _ in $(seq 1 120); do
		if curl -fs -X POST "$api/version" >/dev/null 2>&1; then
			echo "IPFS daemon running (pid $(cat "$pid_file")), API $api, repo $IPFS_PATH"
			return 0
		fi
		running || break
		sleep 0.5
	done
	echo "The IPFS daemon did not start; its log:" >&2
	tail -20 "$IPFS_PATH/daemon.log" >&2 || true
	stop
	return 1
}

stop() {
	if running; then
		kill "$(cat "$pid_file")" 2>/dev/null || true
		for _ in $(seq 1 40); do running || break; sleep 0.25; done
		running && kill -9 "$(cat "$pid_file")" 2>/dev/null || true
	fi
	rm -f "$pid_file"
}

case "${1:-start}" in
	install) install ;;
	start) start ;;
	stop) stop ;;
	status) if running; then echo "running, API $api"; else echo "stopped"; exit 1; fi ;;
	*) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
