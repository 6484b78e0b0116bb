//! Build metadata for `agora-node --version`: the crate version and the commit it was built
//! from (`SUBSTRATE_CLI_IMPL_VERSION`), as other Substrate nodes print it.

use substrate_build_script_utils::{generate_cargo_keys, rerun_if_git_head_changed};

fn main() {
	generate_cargo_keys();
	rerun_if_git_head_changed();
}
