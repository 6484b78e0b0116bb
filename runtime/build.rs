//! Compiles the runtime to Wasm (on `std` builds) so the node can embed the blob.
//!
//! - With the `metadata-hash` feature (the release artefact, `agora-node --features
//!   metadata-hash`) the Wasm also carries the hash of its own metadata, which
//!   `CheckMetadataHash` checks for signers that ask for it. The hash costs a second
//!   compilation of the runtime, so dev and test builds leave it out.
//! - With the `upgrade-test-wasm` feature (the node's tests) it also makes the runtime the
//!   forkless-upgrade test upgrades to (`upgrade_test_wasm` in `lib.rs`): the same runtime with
//!   the `upgrade-test` feature, a higher `spec_version` and a changed event, so the test can
//!   upgrade a running chain to something that really differs. It also has the `try-runtime`
//!   feature, so the test can run the `TryRuntime` API (upgrade hooks, every pallet's
//!   `try_state`) on the live chain's state once it runs that code.

#[cfg(all(feature = "std", feature = "metadata-hash"))]
mod token {
	include!("src/token.rs");
}

#[cfg(feature = "std")]
fn main() {
	let runtime = substrate_wasm_builder::WasmBuilder::init_with_defaults();
	#[cfg(feature = "metadata-hash")]
	let runtime = runtime.enable_metadata_hash(token::TOKEN_SYMBOL, token::TOKEN_DECIMALS);
	runtime.build();

	#[cfg(feature = "upgrade-test-wasm")]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.set_file_name("upgrade_test_wasm_binary.rs")
		.enable_feature("upgrade-test")
		.enable_feature("try-runtime")
		.build();
}

#[cfg(not(feature = "std"))]
fn main() {}
