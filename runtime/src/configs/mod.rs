//! `Config` implementations of the runtime's pallets, one file per concern.
//!
//! - [`root`]: what Root may dispatch (an allowlist, deny by default);
//! - [`call_filter`]: the calls no origin may dispatch (no privileged path to content);
//! - [`system`]: frame-system, timestamp, parachain-system, parachain-info, weight reclaim;
//! - [`migrations`]: multi-block storage migrations (pallet-migrations) and the ones to run;
//! - [`monetary`]: balances, transaction payment, sudo;
//! - [`keys`]: app keys (proxy) and social recovery;
//! - [`collator`]: authorship, collator selection, session, Aura;
//! - [`xcm`]: the XCM executor, pallet-xcm, XCMP and message queues;
//! - [`social`]: the social pallets and their deposits;
//! - [`messages`]: private messages (keys, policies, inbox notices);
//! - [`sponsorship`]: sponsors paying fees and deposits for the accounts they sponsor;
//! - [`removals`]: the deposits removal calls give back, which pay for them when nobody else can.

pub mod call_filter;
pub mod collator;
pub mod keys;
pub mod messages;
pub mod migrations;
pub mod monetary;
pub mod removals;
pub mod root;
pub mod social;
pub mod sponsorship;
pub mod system;
pub mod xcm;

pub use system::{RuntimeBlockLength, RuntimeBlockWeights};
