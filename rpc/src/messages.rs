//! `social_mailbox`, `social_messageKey`, `social_notice` and `social_inbox`: the metadata of
//! private messages (keys, policies, inbox notices, never contents), from `MessagesApi`.

use agora_primitives::{KeyId, MessageId};
use jsonrpsee::{
	core::{async_trait, RpcResult},
	proc_macros::rpc,
};
use pallet_messages_runtime_api::MessagesApi;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::crypto::AccountId32;
use sp_runtime::traits::Block as BlockT;

use crate::{
	cursor::{self, CursorKind},
	json::{MailboxJson, MessageKeyJson, NoticeJson, PageJson},
	paging::paging,
	Social,
};

/// Private messages' metadata. Accounts are SS58 strings; `at` is a block hash.
#[rpc(client, server, namespace = "social")]
pub trait SocialMessagesApi<BlockHash> {
	/// `account`'s mailbox (the key to encrypt messages to, its number, the DM policy), or
	/// `null` when it published no message key.
	#[method(name = "mailbox")]
	async fn mailbox(
		&self,
		account: AccountId32,
		at: Option<BlockHash>,
	) -> RpcResult<Option<MailboxJson>>;

	/// `account`'s message key number `keyId` (current or earlier), or `null`.
	#[method(name = "messageKey")]
	async fn message_key(
		&self,
		account: AccountId32,
		#[argument(rename = "keyId")] key_id: KeyId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<MessageKeyJson>>;

	/// Notice `id` of `account`'s inbox (who sent which envelope when), or `null`.
	#[method(name = "notice")]
	async fn notice(
		&self,
		account: AccountId32,
		id: MessageId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<NoticeJson>>;

	/// A page of `account`'s inbox, newest first: who sent what envelope when. Contents are
	/// encrypted on IPFS; only the recipient's client opens them.
	#[method(name = "inbox")]
	async fn inbox(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<NoticeJson>>;
}

#[async_trait]
impl<C, Block, BlockNumber> SocialMessagesApiServer<Block::Hash> for Social<C, Block, BlockNumber>
where
	Block: BlockT,
	BlockNumber: codec::Codec + Into<u64> + Send + Sync + 'static,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: MessagesApi<Block, AccountId32, BlockNumber>,
{
	async fn mailbox(
		&self,
		account: AccountId32,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<MailboxJson>> {
		self.query(at, move |api, at| Ok(api.mailbox(at, account)?.map(Into::into))).await
	}

	async fn message_key(
		&self,
		account: AccountId32,
		key_id: KeyId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<MessageKeyJson>> {
		self.query(at, move |api, at| Ok(api.message_key(at, account, key_id)?.map(Into::into)))
			.await
	}

	async fn notice(
		&self,
		account: AccountId32,
		id: MessageId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<NoticeJson>> {
		self.query(at, move |api, at| Ok(api.notice(at, account, id)?.map(Into::into))).await
	}

	async fn inbox(
		&self,
		account: AccountId32,
		cursor: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<PageJson<NoticeJson>> {
		let (before, limit) = paging::<MessageId>(CursorKind::Messages, cursor, limit)?;
		self.query(at, move |api, at| {
			let page = api.inbox(at, account, before, limit)?;
			Ok(PageJson {
				items: page.items.into_iter().map(Into::into).collect(),
				next: page.next.map(|id| cursor::encode(CursorKind::Messages, &id)),
			})
		})
		.await
	}
}
