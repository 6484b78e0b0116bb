// The token's name and precision. One file for the runtime (`lib.rs` includes it) and for
// `build.rs`, which writes them into the metadata hash that `CheckMetadataHash` checks: a
// wallet that shows amounts from the metadata (the generic Ledger app) and the runtime then
// agree by construction.

/// The token's symbol, shown by wallets and Polkadot.js apps.
pub const TOKEN_SYMBOL: &str = "AGORA";
/// Decimal places of the token: one [`UNIT`] is `10^TOKEN_DECIMALS` plancks.
pub const TOKEN_DECIMALS: u8 = 12;
