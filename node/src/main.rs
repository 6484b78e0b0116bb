//! The Agora node: a cumulus collator for the Agora parachain that also runs alone as a local
//! dev chain (`agora-node --dev`).

mod chain_spec;
mod cli;
mod command;
mod dev;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
