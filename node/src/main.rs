//! The Agora node: a cumulus collator for the Agora parachain that also runs alone as a local
//! dev chain (`agora-node --dev`).

// `sc_cli::Error` and `sc_service::Error` are large by design and returned everywhere a node
// starts; the CLI enum is parsed once. Boxing them would only add noise.
#![allow(clippy::result_large_err, clippy::large_enum_variant)]

mod chain_spec;
mod cli;
mod client;
mod command;
mod dev;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
