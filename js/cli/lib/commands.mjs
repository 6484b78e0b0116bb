// Every command of the client: the social calls (signed, waiting for inclusion) and the reads
// (through the node's social_* and content_* RPC, never by walking storage).

import { account, need, pageArgs, send } from './base.mjs'
import { UserError, download, upload } from '@agora/chain'

import { bodyBytes } from './content.mjs'
import { dmCommands } from './dm.mjs'
import { indexerCommands } from './indexer.mjs'
import { keyCommands } from './keys.mjs'
import { recoveryCommands } from './recovery.mjs'
import { sponsorshipCommands } from './sponsorship.mjs'

function postId (text) {
  if (!/^\d+$/.test(text)) throw new UserError(`"${text}" is not a post id (a number)`)
  return Number(text)
}

/**
 * The body of a post-like command as `[cid, size]`: the rest of the arguments as text, or
 * --file, uploaded; or a CID already on IPFS with --cid and its size in bytes with --size.
 */
async function body (ctx, args, from) {
  if (ctx.options.cid) {
    const size = ctx.options.size
    if (!/^\d+$/.test(size ?? '')) throw new UserError('--cid needs --size: the size of its content in bytes')
    return [ctx.options.cid, Number(size)]
  }
  const text = args.slice(from).join(' ')
  const { cid, size } = await upload(ctx.call, bodyBytes({ text, file: ctx.options.file }))
  return [cid, size]
}

/** Fetches the bodies of `posts` (in parallel) into `body` / `bodyError`. */
async function withBodies (ctx, posts) {
  await Promise.all(posts.map(async (post) => {
    if (!post.content) return
    const { text, error } = await download(ctx.call, post.content)
    if (text !== undefined) post.body = text
    else post.bodyError = error
  }))
  return posts
}

/**
 * The reaction kinds the chain accepts, read from its metadata: the variants of the `kind`
 * argument of `reactions.react` (the pallet's `ReactionKind`), so the runtime's enum is the
 * one list. `name` is lower case, as users type it and the social_* RPC writes it; `variant`
 * is the name the call takes.
 */
export function reactionKinds (api) {
  const field = api.tx.reactions?.react?.meta.fields.find((f) => f.name.unwrapOr('').toString() === 'kind')
  const def = field && api.registry.lookup.getSiType(field.type).def
  if (!def?.isVariant) throw new UserError('this chain has no reactions.react(post, kind) call')
  return def.asVariant.variants.map(({ name }) => ({
    name: name.toString().toLowerCase(),
    variant: name.toString()
  }))
}

const tx = (ctx) => ctx.api.tx

export const commands = {
  // Profiles
  'profile set': {
    usage: 'profile set <document text> | --file F | --cid CID --size BYTES',
    run: async (ctx, args) => send(ctx, tx(ctx).profiles.setProfile(...await body(ctx, args, 0)))
  },
  'profile clear': {
    usage: 'profile clear',
    run: (ctx) => send(ctx, tx(ctx).profiles.removeProfile())
  },
  'profile show': {
    usage: 'profile show [account | @handle]',
    run: async (ctx, args) => {
      const who = await account(ctx, args[0])
      const profile = await ctx.call('social_profile', [who])
      if (!profile) return { profile: null, account: who }
      const { text, error } = await download(ctx.call, profile.metadata)
      const counts = await ctx.call('social_followCounts', [who])
      return { profile: { ...profile, ...counts, document: text, documentError: error } }
    }
  },
  'handle set': {
    usage: 'handle set <handle>',
    run: (ctx, args) => send(ctx, tx(ctx).profiles.setHandle(need(args, 0, 'handle')))
  },
  'handle clear': {
    usage: 'handle clear',
    run: (ctx) => send(ctx, tx(ctx).profiles.clearHandle())
  },

  // Posts
  post: {
    usage: 'post <text> | --file F | --cid CID --size BYTES',
    run: async (ctx, args) => send(ctx, tx(ctx).posts.createPost(...await body(ctx, args, 0)))
  },
  reply: {
    usage: 'reply <post id> <text> | --file F | --cid CID --size BYTES',
    run: async (ctx, args) => {
      const parent = postId(need(args, 0, 'post id'))
      return send(ctx, tx(ctx).posts.reply(parent, ...await body(ctx, args, 1)))
    }
  },
  quote: {
    usage: 'quote <post id> <text> | --file F | --cid CID --size BYTES',
    run: async (ctx, args) => {
      const of = postId(need(args, 0, 'post id'))
      return send(ctx, tx(ctx).posts.quote(of, ...await body(ctx, args, 1)))
    }
  },
  repost: {
    usage: 'repost <post id>',
    run: (ctx, args) => send(ctx, tx(ctx).posts.repost(postId(need(args, 0, 'post id'))))
  },
  edit: {
    usage: 'edit <post id> <new text> | --file F | --cid CID --size BYTES',
    run: async (ctx, args) => {
      const id = postId(need(args, 0, 'post id'))
      return send(ctx, tx(ctx).posts.editPost(id, ...await body(ctx, args, 1)))
    }
  },
  delete: {
    usage: 'delete <post id>',
    run: (ctx, args) => send(ctx, tx(ctx).posts.deletePost(postId(need(args, 0, 'post id'))))
  },
  show: {
    usage: 'show <post id>',
    run: async (ctx, args) => {
      const post = await ctx.call('social_post', [postId(need(args, 0, 'post id'))])
      if (!post) throw new UserError(`post ${args[0]} does not exist`)
      return { post: (await withBodies(ctx, [post]))[0] }
    }
  },
  thread: {
    usage: 'thread <post id> [--cursor C] [--limit N]',
    run: async (ctx, args) => {
      const id = postId(need(args, 0, 'post id'))
      const root = await ctx.call('social_post', [id])
      const page = await ctx.call('social_thread', [id, ...pageArgs(ctx)])
      await withBodies(ctx, root ? [root, ...page.items] : page.items)
      return { post: root, replies: page.items, next: page.next }
    }
  },
  quotes: {
    usage: 'quotes <post id> [--cursor C] [--limit N]',
    run: async (ctx, args) => {
      const id = postId(need(args, 0, 'post id'))
      const page = await ctx.call('social_quotes', [id, ...pageArgs(ctx)])
      return { quotes: await withBodies(ctx, page.items), next: page.next }
    }
  },
  posts: {
    usage: 'posts [account | @handle] [--cursor C] [--limit N]',
    run: async (ctx, args) => {
      const who = await account(ctx, args[0])
      const page = await ctx.call('social_authorPosts', [who, ...pageArgs(ctx)])
      return { posts: await withBodies(ctx, page.items), next: page.next }
    }
  },
  feed: {
    usage: 'feed [account | @handle] [--cursor C] [--limit N]',
    run: async (ctx, args) => {
      const who = await account(ctx, args[0])
      const { items, ...feed } = await ctx.call('social_feed', [who, ...pageArgs(ctx)])
      return { ...feed, posts: await withBodies(ctx, items) }
    }
  },

  // Follows
  follow: {
    usage: 'follow <account | @handle>',
    run: async (ctx, args) => send(ctx, tx(ctx).follows.follow(await account(ctx, need(args, 0, 'account'))))
  },
  unfollow: {
    usage: 'unfollow <account | @handle>',
    run: async (ctx, args) => send(ctx, tx(ctx).follows.unfollow(await account(ctx, need(args, 0, 'account'))))
  },
  followers: {
    usage: 'followers [account | @handle] [--cursor C] [--limit N]',
    run: async (ctx, args) => {
      const who = await account(ctx, args[0])
      const page = await ctx.call('social_followers', [who, ...pageArgs(ctx)])
      return { accounts: page.items, next: page.next }
    }
  },
  following: {
    usage: 'following [account | @handle] [--cursor C] [--limit N]',
    run: async (ctx, args) => {
      const who = await account(ctx, args[0])
      const page = await ctx.call('social_following', [who, ...pageArgs(ctx)])
      return { accounts: page.items, next: page.next }
    }
  },

  // Reactions
  react: {
    usage: 'react <post id> <kind>  (a kind the chain accepts: see `reaction kinds`)',
    run: (ctx, args) => {
      const id = postId(need(args, 0, 'post id'))
      const text = need(args, 1, 'reaction kind').toLowerCase()
      const kinds = reactionKinds(ctx.api)
      const kind = kinds.find(({ name }) => name === text)
      if (!kind) {
        throw new UserError(`"${text}" is not a reaction kind: ${kinds.map(({ name }) => name).join(', ')}`)
      }
      return send(ctx, tx(ctx).reactions.react(id, kind.variant))
    }
  },
  unreact: {
    usage: 'unreact <post id>',
    run: (ctx, args) => send(ctx, tx(ctx).reactions.unreact(postId(need(args, 0, 'post id'))))
  },
  reactors: {
    usage: 'reactors <post id> [--cursor C] [--limit N]',
    run: async (ctx, args) => {
      const page = await ctx.call('social_reactors', [postId(need(args, 0, 'post id')), ...pageArgs(ctx)])
      return { reactors: page.items, next: page.next }
    }
  },
  'reaction kinds': {
    usage: 'reaction kinds',
    run: (ctx) => ({ kinds: reactionKinds(ctx.api).map(({ name }) => name) })
  },

  ...keyCommands,
  ...recoveryCommands,
  ...sponsorshipCommands,
  ...dmCommands,
  ...indexerCommands,

  // The chain
  chain: {
    usage: 'chain',
    run: async (ctx) => {
      const [chain, properties, header] = await Promise.all([
        ctx.api.rpc.system.chain(), ctx.api.rpc.system.properties(), ctx.api.rpc.chain.getHeader()
      ])
      // Values as values (not toHuman()'s display strings): ['AGORA'], [12], 42.
      const { tokenSymbol, tokenDecimals, ss58Format } = properties.toPrimitive()
      return {
        chain: chain.toString(),
        tokenSymbol: tokenSymbol?.[0] ?? null,
        tokenDecimals: tokenDecimals?.[0] ?? null,
        ss58Format,
        best: header.number.toNumber()
      }
    }
  }
}
