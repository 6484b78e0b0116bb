// `agora dm …`: private messages (pallet-messages). The chain holds public message keys, DM
// policies, blocks and inbox notices; the contents travel in envelopes this client encrypts to
// the recipient's key and uploads to IPFS (@agora/chain's envelope.js, format in
// pallets/messages/README.md). The node never sees plaintext or secret keys.
//
// Message keys are derived from the account's own secret (--suri), never stored: the recovery
// phrase restores them all, so a rotation or a new device keeps old messages readable.

import { encodeAddress } from '@polkadot/util-crypto'
import { hexToU8a, u8aEq, u8aToHex } from '@polkadot/util'

import { UserError } from '@agora/chain'
import { accountSecret } from '@agora/chain/envelope'
import { messageKeys, openNotice as open, sealMessage } from '@agora/chain/messages'

import { account, need, pageArgs, send } from './base.mjs'

const POLICIES = { anyone: 'Anyone', following: 'Following', nobody: 'Nobody' }

/** The signer, its secret and a cache of its message keys. Messages are the signer's own. */
async function me (ctx) {
  if (ctx.options.as !== undefined) {
    throw new UserError('private messages are read and sent with the account\'s own key (--suri), not --as')
  }
  const pair = await ctx.pair()
  let secret
  try {
    secret = accountSecret(ctx.options.suri ?? '//Alice', pair.publicKey)
  } catch (error) {
    throw new UserError(error.message)
  }
  const keys = messageKeys(pair.publicKey, secret)
  return { pair, address: encodeAddress(pair.publicKey, ctx.api.registry.chainSS58 ?? 42), keyFor: keys.keyFor, keys }
}

function messageId (text) {
  if (!/^\d+$/.test(text)) throw new UserError(`"${text}" is not a message id (a number)`)
  return Number(text)
}

/** Publishes message key `keyId` of the signer. */
async function publish (ctx, self, keyId) {
  const key = await self.keyFor(keyId)
  const result = await send(ctx, ctx.api.tx.messages.publishKey(u8aToHex(key.publicKey)))
  return { ...result, keyId, key: u8aToHex(key.publicKey) }
}

/** Opens `notice` as the signer: `{ text, writtenAt (the sender's clock), keyId }` or `{ error }`. */
async function openNotice (ctx, self, notice) {
  const opened = await open({ call: ctx.call, notice, keys: self.keys })
  return opened.error ? opened : { text: opened.text, writtenAt: opened.sentAt.toISOString(), keyId: opened.keyId }
}

export const dmCommands = {
  'dm key init': {
    usage: 'dm key init  (publish your message key, opening your inbox)',
    run: async (ctx) => {
      const self = await me(ctx)
      const mailbox = await ctx.call('social_mailbox', [self.address])
      if (!mailbox) return publish(ctx, self, 0)
      const mine = await self.keyFor(mailbox.keyId)
      if (u8aEq(mine.publicKey, hexToU8a(mailbox.key))) {
        return { mailbox: { account: self.address, ...mailbox, note: 'already published' } }
      }
      throw new UserError(`key ${mailbox.keyId} on chain is not this account's derived key; \`agora dm key rotate\` publishes the next one`)
    }
  },
  'dm key rotate': {
    usage: 'dm key rotate  (publish your next message key; old messages stay readable)',
    run: async (ctx) => {
      const self = await me(ctx)
      const mailbox = await ctx.call('social_mailbox', [self.address])
      if (!mailbox) throw new UserError('you have no message key yet: run `agora dm key init`')
      return publish(ctx, self, mailbox.keyId + 1)
    }
  },
  'dm key forget': {
    usage: 'dm key forget <key id>  (give up an earlier key: its deposit comes back; messages to it stay readable from your secret)',
    run: async (ctx, args) => {
      const id = need(args, 0, 'key id')
      if (!/^\d+$/.test(id)) throw new UserError(`"${id}" is not a key id`)
      return send(ctx, ctx.api.tx.messages.forgetKey(Number(id)))
    }
  },
  'dm close': {
    usage: 'dm close  (close your inbox: no new messages, its deposit back; forget earlier keys first)',
    run: async (ctx) => send(ctx, ctx.api.tx.messages.closeMailbox())
  },
  'dm send': {
    usage: 'dm send <account | @handle> <text>  (an end-to-end encrypted message)',
    run: async (ctx, args) => {
      const self = await me(ctx)
      const to = await account(ctx, need(args, 0, 'recipient'))
      const text = args.slice(1).join(' ')
      if (text === '') throw new UserError('missing message text')
      const { cid, size } = await sealMessage({ call: ctx.call, sender: self.pair, to, text })
      const result = await send(ctx, ctx.api.tx.messages.sendMessage(to, cid, size))
      const sent = result.events.find((e) => e.section === 'messages' && e.method === 'MessageSent')
      return { ...result, messageId: sent?.data.messageId, envelope: cid }
    }
  },
  'dm inbox': {
    usage: 'dm inbox [--cursor C] [--limit N]  (your messages, newest first, opened)',
    run: async (ctx) => {
      const self = await me(ctx)
      const page = await ctx.call('social_inbox', [self.address, ...pageArgs(ctx)])
      const messages = await Promise.all(page.items.map(async (notice) => ({ ...notice, ...await openNotice(ctx, self, notice) })))
      return { messages, next: page.next }
    }
  },
  'dm read': {
    usage: 'dm read <message id>',
    run: async (ctx, args) => {
      const self = await me(ctx)
      const id = messageId(need(args, 0, 'message id'))
      const notice = await ctx.call('social_notice', [self.address, id])
      if (!notice) throw new UserError(`message ${id} is not in your inbox`)
      const opened = await openNotice(ctx, self, notice)
      if (opened.error) throw new UserError(`message ${id} cannot be read: ${opened.error}`)
      return { message: { ...notice, ...opened } }
    }
  },
  'dm remove': {
    usage: 'dm remove <message id>  (delete it from your inbox; the sender gets the deposit back)',
    run: async (ctx, args) => {
      const self = await me(ctx)
      return send(ctx, ctx.api.tx.messages.removeNotice(self.address, messageId(need(args, 0, 'message id'))))
    }
  },
  'dm policy': {
    usage: 'dm policy <anyone | following | nobody>  (who may message you)',
    run: async (ctx, args) => {
      await me(ctx)
      const text = need(args, 0, 'policy').toLowerCase()
      if (!POLICIES[text]) throw new UserError(`"${text}" is not a policy: ${Object.keys(POLICIES).join(', ')}`)
      return send(ctx, ctx.api.tx.messages.setPolicy(POLICIES[text]))
    }
  },
  'dm block': {
    usage: 'dm block <account | @handle>  (refuse its messages)',
    run: async (ctx, args) => {
      await me(ctx)
      return send(ctx, ctx.api.tx.messages.block(await account(ctx, need(args, 0, 'account'))))
    }
  },
  'dm unblock': {
    usage: 'dm unblock <account | @handle>',
    run: async (ctx, args) => {
      await me(ctx)
      return send(ctx, ctx.api.tx.messages.unblock(await account(ctx, need(args, 0, 'account'))))
    }
  }
}
