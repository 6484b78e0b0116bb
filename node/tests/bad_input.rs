//! Bad command lines fail fast, with a readable message and a non-zero exit code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::process::{Command, Output};

use common::node_binary;

fn run_node(args: &[&str]) -> Output {
	Command::new(node_binary()).args(args).output().expect("agora-node runs")
}

fn stderr_of(output: &Output) -> String {
	String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn unknown_flag_is_rejected() {
	let output = run_node(&["--dev", "--no-such-flag"]);
	assert!(!output.status.success());
	let stderr = stderr_of(&output);
	assert!(stderr.contains("--no-such-flag"), "stderr names the flag: {stderr}");
}

#[test]
fn missing_chain_spec_file_is_rejected() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let missing = dir.path().join("no-such-spec.json");
	let output = run_node(&[
		"--chain",
		missing.to_str().expect("utf-8 path"),
		"--base-path",
		dir.path().to_str().expect("utf-8 path"),
		"--no-hardware-benchmarks",
	]);
	assert!(!output.status.success());
	let stderr = stderr_of(&output);
	assert!(stderr.contains("No chain spec file"), "stderr explains: {stderr}");
}

#[test]
fn malformed_chain_spec_file_is_rejected() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let spec = dir.path().join("broken.json");
	std::fs::write(&spec, "{ this is not a chain spec").expect("write spec");
	let output = run_node(&[
		"--chain",
		spec.to_str().expect("utf-8 path"),
		"--base-path",
		dir.path().to_str().expect("utf-8 path"),
		"--no-hardware-benchmarks",
	]);
	assert!(!output.status.success());
	assert!(!stderr_of(&output).is_empty(), "an error is printed");
}

#[test]
fn export_chain_spec_carries_the_token_properties() {
	let output = run_node(&["export-chain-spec", "--chain", "dev"]);
	assert!(output.status.success(), "{}", stderr_of(&output));
	let spec: serde_json::Value =
		serde_json::from_slice(&output.stdout).expect("the chain spec is JSON");
	assert_eq!(spec["properties"]["tokenSymbol"], "AGORA");
	assert_eq!(spec["para_id"], 2000);
	assert_eq!(spec["relay_chain"], "rococo-local");
}

#[test]
fn dev_sealing_refuses_a_live_chain_spec() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let output = run_node(&["export-chain-spec", "--chain", "local"]);
	assert!(output.status.success(), "{}", stderr_of(&output));
	let mut spec: serde_json::Value =
		serde_json::from_slice(&output.stdout).expect("the chain spec is JSON");
	spec["chainType"] = "Live".into();
	let spec_path = dir.path().join("live.json");
	std::fs::write(&spec_path, serde_json::to_vec(&spec).expect("JSON")).expect("write spec");
	let base_path = dir.path().join("chain");
	for sealing in [&["--dev-block-time", "1000"][..], &["--instant-seal"][..]] {
		let mut args = vec![
			"--chain",
			spec_path.to_str().expect("utf-8 path"),
			"--base-path",
			base_path.to_str().expect("utf-8 path"),
			"--no-hardware-benchmarks",
			"--rpc-port",
			"0",
			"--port",
			"0",
		];
		args.extend_from_slice(sealing);
		let output = run_node(&args);
		assert!(!output.status.success(), "{sealing:?} must not run on a live chain");
		let stderr = stderr_of(&output);
		assert!(
			stderr.contains("run only on a development or local chain spec"),
			"{sealing:?}: stderr explains: {stderr}"
		);
		// Nothing was sealed into the live chain's database.
		assert!(!base_path.join("chains").join("agora_local").join("db").exists());
	}
}
