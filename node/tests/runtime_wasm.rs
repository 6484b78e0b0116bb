//! The runtime Wasm compiled into the node is the runtime the node was built with.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use sc_executor::{read_embedded_version, RuntimeVersion};

fn embedded_version() -> RuntimeVersion {
	let wasm = agora_runtime::WASM_BINARY.expect("the node embeds the runtime Wasm");
	let blob = sc_executor_common::runtime_blob::RuntimeBlob::uncompress_if_needed(wasm)
		.expect("the Wasm decompresses");
	read_embedded_version(&blob)
		.expect("the Wasm is readable")
		.expect("the Wasm carries its runtime version")
}

#[test]
fn wasm_runtime_version_matches_the_native_one() {
	let wasm_version = embedded_version();
	let native = agora_runtime::VERSION;
	assert_eq!(wasm_version.spec_name, native.spec_name);
	assert_eq!(wasm_version.spec_version, native.spec_version);
	assert_eq!(wasm_version.impl_version, native.impl_version);
	assert_eq!(wasm_version.transaction_version, native.transaction_version);
	// The same runtime APIs at the same versions; the order of the list is not significant.
	let sorted = |apis: &[([u8; 8], u32)]| {
		let mut apis = apis.to_vec();
		apis.sort();
		apis
	};
	assert_eq!(sorted(&wasm_version.apis), sorted(&native.apis));
}
