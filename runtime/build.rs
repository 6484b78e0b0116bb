//! Compiles the runtime to Wasm (on `std` builds) so the node can embed the blob.
#[cfg(feature = "std")]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

#[cfg(not(feature = "std"))]
fn main() {}
