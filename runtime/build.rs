//! Compiles the runtime to Wasm (on `std` builds) so the node can embed the blob. With the
//! `metadata-hash` feature (the node's build) the Wasm also carries the hash of its own
//! metadata, which `CheckMetadataHash` checks for signers that ask for it; that build also
//! makes the runtime the forkless-upgrade test upgrades to (`upgrade_test_wasm` in `lib.rs`):
//! the same runtime with the `upgrade-test` feature, a higher `spec_version` and a changed
//! event, so the test can upgrade a running chain to something that really differs. It also
//! has the `try-runtime` feature, so the test can run the `TryRuntime` API (upgrade hooks,
//! every pallet's `try_state`) on the live chain's state once it runs that code.

#[cfg(all(feature = "std", feature = "metadata-hash"))]
mod token {
	include!("src/token.rs");
}

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash(token::TOKEN_SYMBOL, token::TOKEN_DECIMALS)
		.build();
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.set_file_name("upgrade_test_wasm_binary.rs")
		.enable_feature("upgrade-test")
		.enable_feature("try-runtime")
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

#[cfg(not(feature = "std"))]
fn main() {}
