#!/usr/bin/env bash
# Installs what building and testing Agora needs on a Debian/Ubuntu machine with rustup, and
# says what it cannot install before any long build starts. Safe to run again: it only
# installs what is missing.
#
# Debian packages are checked by package (`dpkg-query`), never by looking for a file: a fresh
# machine can hold files that look like a package's (libclang-cpp.so.14 matches a libclang
# glob) without the package the build needs (libclang-dev).
set -euo pipefail

# Debian packages, each with the reason it is needed.
packages=(
	protobuf-compiler # protoc: litep2p's and the networking crates' build scripts
	clang             # the C/C++ compiler rocksdb's and librocksdb-sys' bindgen expect
	libclang-dev      # libclang.so for bindgen (clang-sys); the clang package does not ship it
	g++               # C++: rocksdb, binaryen (wasm-opt)
	make              # C builds driven by build scripts
	perl              # build scripts of the C crates
	pkg-config        # finds system libraries for -sys crates
	git               # build metadata (agora-node --version) and the checkout itself
	curl              # the scripts' readiness checks on the node and the IPFS daemon
	python3           # the benchmark scripts pick free loopback ports with it (benches/node.sh)
	ca-certificates   # cargo, npm and rustup over TLS
	chromium          # the web app's tests run in a real browser (js/web/test, playwright-core)
	fonts-noto-color-emoji # reaction symbols in the browser tests' screenshots, as people's browsers show them
	shellcheck        # the shell scripts' lint gate (scripts/check.sh)
	postgresql        # the indexer's database (js/indexer): scripts/postgres.sh runs a cluster of its own
)

installed() {
	[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

missing=()
for package in "${packages[@]}"; do
	installed "$package" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "Installing ${missing[*]} (apt)"
	sudo_cmd=()
	[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
	"${sudo_cmd[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
		"${missing[@]}" >/dev/null
	for package in "${missing[@]}"; do
		installed "$package" || { echo "setup: apt did not install $package" >&2; exit 1; }
	done
fi

# Node.js 20 or newer with npm: the IPFS daemon, the command-line client and its tests, the
# benchmarks and zombienet. Debian's own nodejs is older, so it is checked, not installed.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ] || ! command -v npm >/dev/null 2>&1; then
	cat >&2 <<MSG
setup: Node.js 20 or newer with npm is needed (found: $(node --version 2>/dev/null || echo no node)).
Install it from https://nodejs.org (or your distribution's nodejs 20+ packages, or nvm), then
run this again. Nothing has been built yet.
MSG
	exit 1
fi

if ! command -v rustup >/dev/null 2>&1; then
	echo "setup: rustup is missing: install it from https://rustup.rs and run this again." >&2
	exit 1
fi
# The runtime's Wasm: the wasm32v1-none target (wasm32-unknown-unknown for older builders)
# and the standard library's sources.
installed_targets=$(rustup target list --installed)
for target in wasm32v1-none wasm32-unknown-unknown; do
	grep -qx "$target" <<<"$installed_targets" || rustup target add "$target"
done
# rustfmt and clippy: the quality gates of scripts/test.sh.
installed_components=$(rustup component list --installed)
for component in rust-src rustfmt clippy; do
	grep -q "^$component" <<<"$installed_components" || rustup component add "$component"
done
