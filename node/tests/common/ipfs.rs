//! A real IPFS daemon for the end-to-end tests: the project's js-ipfs daemon
//! (`scripts/ipfs.sh`), in its own repo on free loopback ports, offline, stopped on drop.

use std::{
	path::{Path, PathBuf},
	process::Command,
};

use ipfs_api_backend_hyper::{request::Add, IpfsApi, IpfsClient, TryFromUri};

/// A running IPFS daemon with its own repo.
pub struct IpfsDaemon {
	repo: PathBuf,
	api_port: u16,
	gateway_port: u16,
}

fn script() -> &'static str {
	concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/ipfs.sh")
}

impl IpfsDaemon {
	/// Initialises a repo in `repo` and starts a daemon on free loopback ports.
	pub fn start(repo: &Path) -> IpfsDaemon {
		let daemon = IpfsDaemon {
			repo: repo.to_path_buf(),
			api_port: super::free_port(),
			gateway_port: super::free_port(),
		};
		daemon.resume();
		daemon
	}

	/// The Kubo RPC API address, as `--ipfs-api` takes it.
	pub fn api(&self) -> String {
		format!("http://127.0.0.1:{}", self.api_port)
	}

	/// A client for checking what the daemon holds.
	pub fn client(&self) -> IpfsClient {
		IpfsClient::from_str(&self.api()).expect("a valid API address")
	}

	/// Starts the daemon again on the same repo and ports.
	pub fn resume(&self) {
		self.run("start");
	}

	/// Stops the daemon; its repo stays.
	pub fn stop(&self) {
		self.run("stop");
	}

	fn run(&self, action: &str) {
		let status = Command::new("bash")
			.arg(script())
			.arg(action)
			.env("AGORA_IPFS_PATH", &self.repo)
			.env("AGORA_IPFS_API_PORT", self.api_port.to_string())
			.env("AGORA_IPFS_GATEWAY_PORT", self.gateway_port.to_string())
			.status()
			.expect("scripts/ipfs.sh runs");
		assert!(status.success(), "scripts/ipfs.sh {action} failed");
	}

	/// Adds `body` without pinning it (as another program sharing the daemon might); returns
	/// its CID as the daemon prints it.
	pub async fn add_unpinned(&self, body: &[u8]) -> String {
		let options = Add { pin: Some(false), cid_version: Some(1), ..Default::default() };
		self.client()
			.add_with_options(std::io::Cursor::new(body.to_vec()), options)
			.await
			.expect("the daemon adds the body")
			.hash
	}

	/// Every CID the daemon holds a recursive pin on.
	pub async fn recursive_pins(&self) -> std::collections::BTreeSet<String> {
		let pins = self.client().pin_ls(None, Some("recursive")).await.expect("pin/ls");
		pins.keys.into_keys().collect()
	}

	/// Whether the daemon has `cid` pinned (`pin/ls`).
	pub async fn is_pinned(&self, cid: &str) -> bool {
		self.client().pin_ls(Some(cid), None).await.is_ok_and(|pins| !pins.keys.is_empty())
	}
}

impl Drop for IpfsDaemon {
	fn drop(&mut self) {
		self.stop();
	}
}
