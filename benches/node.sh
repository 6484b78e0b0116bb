# shellcheck shell=bash
# Sourced by the benchmark scripts that start their own dev node (benches/live.sh,
# benches/db-weights.sh): a free loopback port, and waiting for a node's RPC to answer.

# Prints a TCP port free on 127.0.0.1.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Waits up to two minutes for the node with process id $2 to answer RPC on port $1; if the
# node exits first, prints the end of its log $3 and fails.
wait_for_rpc() {
	local port="$1" pid="$2" log="$3"
	for _ in $(seq 1 240); do
		curl -fs -H 'Content-Type: application/json' -d '{"id":1,"jsonrpc":"2.0","method":"system_health"}' \
			"http://127.0.0.1:$port" >/dev/null 2>&1 && return 0
		kill -0 "$pid" 2>/dev/null || { tail -20 "$log"; return 1; }
		sleep 0.5
	done
	echo "the node did not answer RPC on port $port within two minutes" >&2
	return 1
}
