// The commands that read the indexer (js/indexer) rather than the chain: notifications and
// marking them read, search, hashtags, trending hashtags and mentions. They talk to its REST API
// (`--indexer`, default the dev chain's); the chain is reached only to resolve an @handle, to
// pick the signing key, and to check the indexer follows the same chain before signing.

import { decodeAddress } from '@polkadot/util-crypto'

import { UserError, indexerClient } from '@agora/chain'
import { signMarkRead } from '@agora/chain/mark-read'

import { need } from './base.mjs'

/** The indexer of `scripts/dev.sh` (AGORA_INDEXER_PORT there). */
export const DEFAULT_INDEXER_URL = 'http://127.0.0.1:9960'

/** The indexer of `--indexer`, its refusals in its own words. */
function indexer (ctx) {
  return indexerClient(ctx.options.indexer, { unreachable: '(is it running? scripts/dev.sh starts one; or pass --indexer URL)' })
}

function paging (ctx) {
  return { after: ctx.options.cursor, limit: ctx.options.limit }
}

/** An account argument (SS58 or @handle, the handle looked up on chain); absent: the signer. */
async function who (ctx, text) {
  if (text === undefined) return (await ctx.pair()).address
  if (text.startsWith('@')) {
    const profile = await (await ctx.chain()).call('social_profileByHandle', [text.slice(1)])
    if (!profile) throw new UserError(`nobody holds the handle ${text}`)
    return profile.account
  }
  try {
    decodeAddress(text)
  } catch {
    throw new UserError(`"${text}" is not an account (SS58 address or @handle)`)
  }
  return text
}

export const indexerCommands = {
  notifications: {
    usage: 'notifications [account | @handle] [--kinds reply,mention,…] [--cursor C] [--limit N]   (indexer)',
    indexer: true,
    run: async (ctx, args) => {
      const account = await who(ctx, args[0])
      const page = await indexer(ctx).get('/notifications', { account, kinds: ctx.options.kinds, ...paging(ctx) })
      const { unread } = await indexer(ctx).get('/unread-count', { account })
      return { account, unread, readUpTo: page.readUpTo, notifications: page.items, next: page.next }
    }
  },
  'notifications read': {
    usage: 'notifications read [notification id]   (indexer: mark read up to it, default the newest)',
    indexer: true,
    run: async (ctx, args) => {
      if (ctx.options.as !== undefined) throw new UserError('only the account itself can mark its notifications read (no --as)')
      const pair = await ctx.pair()
      const status = await indexer(ctx).get('/status')
      const genesis = (await ctx.chain()).api.genesisHash.toHex()
      if (status.genesis !== genesis) {
        throw new UserError(`the indexer at ${ctx.options.indexer} follows another chain (genesis ${status.genesis}, the node's is ${genesis})`)
      }
      let upTo = args[0]
      if (upTo === undefined) {
        const newest = await indexer(ctx).get('/notifications', { account: pair.address, limit: 1 })
        upTo = String(newest.items[0]?.id ?? 0)
      }
      if (!/^\d+$/.test(upTo)) throw new UserError(`"${upTo}" is not a notification id`)
      return indexer(ctx).post('/mark-read', signMarkRead(pair, { genesis, upTo }))
    }
  },
  search: {
    usage: 'search <words…> [--people] [--cursor C] [--limit N]   (indexer: posts, or people)',
    indexer: true,
    run: async (ctx, args) => {
      const q = need(args, 0, 'search words') && args.join(' ')
      const type = ctx.options.people ? 'people' : 'posts'
      const page = await indexer(ctx).get('/search', { q, type, ...paging(ctx) })
      return type === 'people' ? { people: page.items, next: page.next } : { results: page.items, next: page.next }
    }
  },
  tag: {
    usage: 'tag <hashtag> [--cursor C] [--limit N]   (indexer: posts with #hashtag, newest first)',
    indexer: true,
    run: async (ctx, args) => {
      const page = await indexer(ctx).get('/hashtag', { tag: need(args, 0, 'hashtag'), ...paging(ctx) })
      return { tag: page.tag, results: page.items, next: page.next }
    }
  },
  trending: {
    usage: 'trending [--window 24h] [--limit N]   (indexer: hashtags by posts in the window)',
    indexer: true,
    run: async (ctx) => {
      const answer = await indexer(ctx).get('/trending', { window: ctx.options.window, limit: ctx.options.limit })
      return { window: answer.window, block: answer.block, trending: answer.items }
    }
  },
  mentions: {
    usage: 'mentions [account | @handle] [--cursor C] [--limit N]   (indexer: posts that mention it)',
    indexer: true,
    run: async (ctx, args) => {
      const account = await who(ctx, args[0])
      const page = await indexer(ctx).get('/mentions', { account, ...paging(ctx) })
      return { results: page.items, next: page.next }
    }
  }
}
