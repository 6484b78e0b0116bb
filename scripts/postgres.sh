#!/usr/bin/env bash
# Agora's local PostgreSQL: a cluster of its own (Debian's PostgreSQL 15, never the system's
# `main` cluster) in a data directory of its own, listening on 127.0.0.1 only, for the indexer
# of the dev chain and the tests.
#
#   scripts/postgres.sh start    # initdb if needed, start, create the database; prints its URL
#   scripts/postgres.sh stop
#   scripts/postgres.sh status
#   scripts/postgres.sh url      # the database's URL (postgres://postgres@127.0.0.1:PORT/DB)
#
# Environment: AGORA_PG_DATA (the data directory; default ~/.local/share/agora/postgres, or
# /var/lib/agora/postgres for root, whose home the server cannot enter), AGORA_PG_PORT (default
# 5433: the system cluster, if any, keeps 5432), AGORA_PG_DB (default agora_indexer).
#
# The server refuses to run as root, so root runs it as the `postgres` user the Debian package
# creates (runuser); the data directory then belongs to that user and every directory above it
# must let it pass. Authentication is `trust` on loopback and on the socket, which lives in the
# data directory: a dev and test database that only this machine's users can reach. Production
# runs its own PostgreSQL with a password in the indexer's --db URL (docs/indexer.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=env.sh
. "$here/env.sh"

pg_bin="${AGORA_PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ "$(id -u)" -eq 0 ]; then
	data="${AGORA_PG_DATA:-/var/lib/agora/postgres}"
	as_server=(runuser -u postgres --)
else
	data="${AGORA_PG_DATA:-$AGORA_HOME/.local/share/agora/postgres}"
	as_server=()
fi
port="${AGORA_PG_PORT:-5433}"
db="${AGORA_PG_DB:-agora_indexer}"
url="postgres://postgres@127.0.0.1:$port/$db"

server() { "${as_server[@]}" "$@"; }

running() {
	[ -f "$data/postmaster.pid" ] && server "$pg_bin/pg_ctl" status -D "$data" >/dev/null 2>&1
}

init() {
	[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL 15 is not installed ($pg_bin): run scripts/setup.sh" >&2; return 1; }
	[ -f "$data/PG_VERSION" ] && return 0
	mkdir -p "$data"
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres: "$data"
		chmod 700 "$data"
		if ! server test -w "$data"; then
			echo "The postgres user cannot reach $data: set AGORA_PG_DATA to a directory it can enter" >&2
			return 1
		fi
	fi
	server "$pg_bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
}

start() {
	if running; then
		echo "PostgreSQL already running, $url"
		return 0
	fi
	init
	# Every address and path is given at start, so a port chosen per run (the tests) is honoured.
	server "$pg_bin/pg_ctl" start -D "$data" -l "$data/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$data'" >/dev/null || {
		echo "PostgreSQL did not start; its log:" >&2
		tail -20 "$data/server.log" >&2 || true
		return 1
	}
	if [ "$(server "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atc \
		"SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
		server "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
	fi
	echo "PostgreSQL running, $url, data $data"
}

stop() {
	running || return 0
	server "$pg_bin/pg_ctl" stop -D "$data" -m fast -w -t 60 >/dev/null
}

case "${1:-start}" in
	start) start ;;
	stop) stop ;;
	status) if running; then echo "running, $url"; else echo "stopped"; exit 1; fi ;;
	url) echo "$url" ;;
	*) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
