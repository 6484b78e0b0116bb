//! The runtime APIs: what the node (block production, the transaction pool, RPC) and clients
//! (Polkadot.js reads metadata and fees through these) call into the runtime for.

use alloc::{vec, vec::Vec};

use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use sp_api::impl_runtime_apis;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::Block as BlockT,
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use agora_primitives::{
	Feed, KeyId, KeyView, MailboxView, MessageId, NoticeView, Page, PostId, PostView, ProfileView,
	ReactionKind, MAX_FEED_SOURCES,
};
use xcm_runtime_apis::{
	conversions::LocationToAccountHelper,
	dry_run::{CallDryRunEffects, Error as XcmDryRunApiError, XcmDryRunEffects},
	fees::Error as XcmPaymentApiError,
	trusted_query::XcmTrustedQueryResult,
};

use crate::configs::xcm::{AgoraLocation, LocationToAccountId, XcmRouter, XcmTrader};

use crate::{
	AccountId, AuraId, Balance, Block, BlockNumber, ConsensusHook, Executive, Follows,
	InherentDataExt, Messages, Nonce, OriginCaller, ParachainInfo, ParachainSystem, PolkadotXcm,
	Posts, Profiles, Reactions, Runtime, RuntimeCall, RuntimeEvent, RuntimeGenesisConfig,
	SessionKeys, System, TransactionPayment, BLOCK_PROCESSING_VELOCITY, RELAY_PARENT_OFFSET,
	SLOT_DURATION, VERSION,
};

impl_runtime_apis! {
	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(SLOT_DURATION)
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl cumulus_primitives_aura::AuraUnincludedSegmentApi<Block> for Runtime {
		fn can_build_upon(
			included_hash: <Block as BlockT>::Hash,
			slot: cumulus_primitives_aura::Slot,
		) -> bool {
			ConsensusHook::can_build_upon(included_hash, slot)
		}
	}

	impl cumulus_primitives_core::RelayParentOffsetApi<Block> for Runtime {
		fn relay_parent_offset() -> u32 {
			RELAY_PARENT_OFFSET
		}

		fn max_claim_queue_offset() -> u8 {
			ParachainSystem::max_claim_queue_offset()
		}
	}

	impl cumulus_primitives_core::SchedulingV3EnabledApi<Block> for Runtime {
		fn scheduling_v3_enabled() -> bool {
			use cumulus_primitives_core::VerifySchedulingSignature;
			<<Runtime as cumulus_pallet_parachain_system::Config>::SchedulingSignatureVerifier
				as VerifySchedulingSignature>::V3_SCHEDULING_ENABLED
		}
	}

	impl cumulus_primitives_core::TargetBlockRate<Block> for Runtime {
		fn target_block_rate() -> u32 {
			BLOCK_PROCESSING_VELOCITY
		}
	}

	impl cumulus_primitives_core::GetParachainInfo<Block> for Runtime {
		fn parachain_id() -> cumulus_primitives_core::ParaId {
			ParachainInfo::parachain_id()
		}
	}

	impl cumulus_primitives_core::KeyToIncludeInRelayProof<Block> for Runtime {
		fn keys_to_prove() -> cumulus_primitives_core::RelayProofRequest {
			// Agora reads no relay chain storage beyond what parachain-system always proves.
			Default::default()
		}
	}

	impl cumulus_primitives_core::CollectCollationInfo<Block> for Runtime {
		fn collect_collation_info(
			header: &<Block as BlockT>::Header,
		) -> cumulus_primitives_core::CollationInfo {
			ParachainSystem::collect_collation_info(header)
		}
	}

	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block)
		}

		fn initialize_block(
			header: &<Block as BlockT>::Header,
		) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_profiles_runtime_api::ProfilesApi<Block, AccountId, BlockNumber> for Runtime {
		fn profile(account: AccountId) -> Option<ProfileView<AccountId, BlockNumber>> {
			Profiles::profile_view(account)
		}

		fn profile_by_handle(handle: Vec<u8>) -> Option<ProfileView<AccountId, BlockNumber>> {
			Profiles::profile_by_handle(&handle)
		}
	}

	impl agora_content_runtime_api::ContentApi<Block, AccountId> for Runtime {
		fn content_changes(
			events: Vec<u8>,
		) -> Option<Vec<agora_primitives::ContentChange<AccountId>>> {
			crate::content::content_changes_of_encoded(&events)
		}
	}

	#[api_version(2)]
	impl pallet_posts_runtime_api::PostsApi<Block, AccountId, BlockNumber> for Runtime {
		fn post(id: PostId) -> Option<PostView<AccountId, BlockNumber>> {
			Posts::post_view(id)
		}

		fn replies(parent: PostId, after: Option<PostId>, limit: u32)
			-> Page<PostView<AccountId, BlockNumber>, PostId>
		{
			Page::sized(limit, |size| Posts::replies_page(parent, after, size))
		}

		fn quotes(of: PostId, after: Option<PostId>, limit: u32)
			-> Page<PostView<AccountId, BlockNumber>, PostId>
		{
			Page::sized(limit, |size| Posts::quotes_page(of, after, size))
		}

		fn author_posts(author: AccountId, before: Option<PostId>, limit: u32)
			-> Page<PostView<AccountId, BlockNumber>, PostId>
		{
			Page::sized(limit, |size| Posts::author_page(&author, before, size))
		}

		fn feed(account: AccountId, before: Option<PostId>, limit: u32)
			-> Feed<AccountId, BlockNumber>
		{
			let (followed, truncated) = Follows::followed_up_to(&account, MAX_FEED_SOURCES);
			Feed {
				page: Page::sized(limit, |size| Posts::merged_page(&followed, before, size)),
				sources: followed.len() as u32,
				truncated,
			}
		}
	}

	impl pallet_follows_runtime_api::FollowsApi<Block, AccountId> for Runtime {
		fn following(who: AccountId, after: Option<AccountId>, limit: u32) -> Page<AccountId, AccountId> {
			Page::sized(limit, |size| Follows::following_page(&who, after.as_ref(), size))
		}

		fn followers(who: AccountId, after: Option<AccountId>, limit: u32) -> Page<AccountId, AccountId> {
			Page::sized(limit, |size| Follows::followers_page(&who, after.as_ref(), size))
		}

		fn follow_counts(who: AccountId) -> (u32, u32) {
			(
				pallet_follows::FollowingCount::<Runtime>::get(&who),
				pallet_follows::FollowerCount::<Runtime>::get(&who),
			)
		}
	}

	impl pallet_reactions_runtime_api::ReactionsApi<Block, AccountId> for Runtime {
		fn reaction_counts(post: PostId) -> Vec<(ReactionKind, u32)> {
			Reactions::reaction_counts(post)
		}

		fn reaction_of(post: PostId, who: AccountId) -> Option<ReactionKind> {
			Reactions::reaction_of(post, &who)
		}

		fn reactors(
			post: PostId,
			after: Option<AccountId>,
			limit: u32,
		) -> Page<(AccountId, ReactionKind), AccountId> {
			Page::sized(limit, |size| Reactions::reactors_page(post, after.as_ref(), size))
		}
	}

	impl pallet_messages_runtime_api::MessagesApi<Block, AccountId, BlockNumber> for Runtime {
		fn mailbox(who: AccountId) -> Option<MailboxView<BlockNumber>> {
			Messages::mailbox(&who)
		}

		fn message_key(who: AccountId, key_id: KeyId) -> Option<KeyView<BlockNumber>> {
			Messages::key(&who, key_id)
		}

		fn notice(who: AccountId, id: MessageId) -> Option<NoticeView<AccountId, BlockNumber>> {
			Messages::notice(&who, id)
		}

		fn inbox(
			who: AccountId,
			before: Option<MessageId>,
			limit: u32,
		) -> Page<NoticeView<AccountId, BlockNumber>, MessageId> {
			Page::sized(limit, |size| Messages::inbox_page(&who, before, size))
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}

		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	// XCM: what wallets and other chains ask before sending (fees, dry runs, which location is
	// which account, what is trusted). Each answers from the same configuration the XCM
	// executor runs with (configs/xcm.rs).
	impl xcm_runtime_apis::fees::XcmPaymentApi<Block> for Runtime {
		fn query_acceptable_payment_assets(
			xcm_version: xcm::Version,
		) -> Result<Vec<xcm::VersionedAssetId>, XcmPaymentApiError> {
			PolkadotXcm::query_acceptable_payment_assets(
				xcm_version,
				vec![xcm::latest::AssetId(AgoraLocation::get())],
			)
		}

		fn query_weight_to_asset_fee(
			weight: Weight,
			asset: xcm::VersionedAssetId,
		) -> Result<u128, XcmPaymentApiError> {
			PolkadotXcm::query_weight_to_asset_fee::<XcmTrader>(weight, asset)
		}

		fn query_xcm_weight(message: xcm::VersionedXcm<()>) -> Result<Weight, XcmPaymentApiError> {
			PolkadotXcm::query_xcm_weight(message)
		}

		fn query_delivery_fees(
			destination: xcm::VersionedLocation,
			message: xcm::VersionedXcm<()>,
			asset_id: xcm::VersionedAssetId,
		) -> Result<xcm::VersionedAssets, XcmPaymentApiError> {
			// No asset exchange: delivery is priced in AGORA only.
			PolkadotXcm::query_delivery_fees::<()>(destination, message, asset_id)
		}
	}

	impl xcm_runtime_apis::dry_run::DryRunApi<Block, RuntimeCall, RuntimeEvent, OriginCaller>
		for Runtime
	{
		fn dry_run_call(
			origin: OriginCaller,
			call: RuntimeCall,
			result_xcms_version: xcm::Version,
		) -> Result<CallDryRunEffects<RuntimeEvent>, XcmDryRunApiError> {
			PolkadotXcm::dry_run_call::<Runtime, XcmRouter, OriginCaller, RuntimeCall>(
				origin,
				call,
				result_xcms_version,
			)
		}

		fn dry_run_xcm(
			origin_location: xcm::VersionedLocation,
			xcm: xcm::VersionedXcm<RuntimeCall>,
		) -> Result<XcmDryRunEffects<RuntimeEvent>, XcmDryRunApiError> {
			PolkadotXcm::dry_run_xcm::<XcmRouter>(origin_location, xcm)
		}
	}

	impl xcm_runtime_apis::conversions::LocationToAccountApi<Block, AccountId> for Runtime {
		fn convert_location(
			location: xcm::VersionedLocation,
		) -> Result<AccountId, xcm_runtime_apis::conversions::Error> {
			LocationToAccountHelper::<AccountId, LocationToAccountId>::convert_location(location)
		}
	}

	impl xcm_runtime_apis::trusted_query::TrustedQueryApi<Block> for Runtime {
		fn is_trusted_reserve(
			asset: xcm::VersionedAsset,
			location: xcm::VersionedLocation,
		) -> XcmTrustedQueryResult {
			PolkadotXcm::is_trusted_reserve(asset, location)
		}

		fn is_trusted_teleporter(
			asset: xcm::VersionedAsset,
			location: xcm::VersionedLocation,
		) -> XcmTrustedQueryResult {
			PolkadotXcm::is_trusted_teleporter(asset, location)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}

	// The try-runtime tool runs these off chain and reads a panic as a failed check: that is
	// how a migration or `try_state` failure reaches it, so these two may panic.
	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		#[allow(clippy::expect_used)]
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			let weight = Executive::try_runtime_upgrade(checks)
				.expect("try-runtime upgrade checks must pass");
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		#[allow(clippy::expect_used)]
		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("try-runtime block execution must succeed")
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			crate::benchmarks::benchmark_metadata(extra)
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			crate::benchmarks::dispatch_benchmark(config)
		}
	}
}
