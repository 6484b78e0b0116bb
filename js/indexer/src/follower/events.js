// The events the indexer follows, by their metadata names, and what each writes. Arguments are
// read by name (src/follower/decode.js), so an event that gains fields keeps indexing.

import { createPost, deletePost, editPost, repost } from '../model/posts.js'
import { clearHandle, removeProfile, setHandle, setProfile } from '../model/profiles.js'
import { changeReaction, follow, messageSent, noticeRemoved, react, unfollow, unreact } from '../model/social.js'
import { account, cid, id, text, variant } from './decode.js'

/** A PostKind (`Original`, `Reply { parent, root }`, `Quote { of }`) as the posts table keeps it. */
function postKind (kind) {
  const type = variant(kind)
  if (type === 'reply') return { type, parent: id(kind.parent), root: id(kind.root) }
  if (type === 'quote' || type === 'repost') return { type, parent: id(kind.of) }
  return { type }
}

/** Handlers by event name: `(client, at, args, ss58) => Promise`. */
export const handlers = {
  'Posts.PostCreated': (c, at, a, ss58) => createPost(c, at, {
    id: id(a.postId), author: account(a.author, ss58), content: cid(a.content), kind: postKind(a.kind)
  }),
  'Posts.Reposted': (c, at, a, ss58) => repost(c, at, {
    id: id(a.postId), author: account(a.author, ss58), of: id(a.of)
  }),
  'Posts.PostEdited': (c, at, a, ss58) => editPost(c, at, {
    id: id(a.postId), author: account(a.author, ss58), content: cid(a.content), revision: Number(a.revision)
  }),
  'Posts.PostDeleted': (c, at, a) => deletePost(c, at, { id: id(a.postId) }),

  'Reactions.Reacted': (c, at, a, ss58) => react(c, at, {
    who: account(a.who, ss58), postId: id(a.postId), kind: variant(a.kind)
  }),
  'Reactions.ReactionChanged': (c, at, a, ss58) => changeReaction(c, at, {
    who: account(a.who, ss58), postId: id(a.postId), kind: variant(a.to)
  }),
  'Reactions.Unreacted': (c, at, a, ss58) => unreact(c, at, { who: account(a.who, ss58), postId: id(a.postId) }),

  'Follows.Followed': (c, at, a, ss58) => follow(c, at, {
    follower: account(a.follower, ss58), followee: account(a.followee, ss58)
  }),
  'Follows.Unfollowed': (c, at, a, ss58) => unfollow(c, at, {
    follower: account(a.follower, ss58), followee: account(a.followee, ss58)
  }),

  'Profiles.ProfileCreated': (c, at, a, ss58) => setProfile(c, at, { who: account(a.who, ss58), metadata: cid(a.metadata) }),
  'Profiles.ProfileUpdated': (c, at, a, ss58) => setProfile(c, at, { who: account(a.who, ss58), metadata: cid(a.metadata) }),
  'Profiles.ProfileRemoved': (c, at, a, ss58) => removeProfile(c, at, { who: account(a.who, ss58), handle: text(a.handle) }),
  'Profiles.HandleSet': (c, at, a, ss58) => setHandle(c, at, {
    who: account(a.who, ss58), handle: text(a.handle), previous: text(a.previous)
  }),
  'Profiles.HandleCleared': (c, at, a, ss58) => clearHandle(c, at, { who: account(a.who, ss58), handle: text(a.handle) }),

  'Messages.MessageSent': (c, at, a, ss58) => messageSent(c, at, {
    messageId: id(a.messageId), from: account(a.from, ss58), to: account(a.to, ss58)
  }),
  'Messages.NoticeRemoved': (c, at, a) => noticeRemoved(c, at, { messageId: id(a.messageId) })
}

/** The names to ask Subsquid for. */
export const EVENT_NAMES = Object.keys(handlers)

/**
 * Writes what `blocks` (one batch, in order) did, through `client` inside the batch's
 * transaction; resolves with the number of events handled.
 */
export async function handleBlocks (client, blocks, ss58) {
  let handled = 0
  for (const block of blocks) {
    const at = { block: block.header.height, time: block.header.timestamp ? new Date(block.header.timestamp) : null }
    for (const event of block.events) {
      const handler = handlers[event.name]
      if (!handler) continue
      try {
        await handler(client, at, event.args, ss58)
      } catch (error) {
        error.message = `block ${at.block}, event ${event.index} (${event.name}): ${error.message}`
        throw error
      }
      handled++
    }
  }
  const last = blocks.at(-1)?.header
  if (last?.timestamp) await client.query('UPDATE indexer_head SET block_time = $1', [new Date(last.timestamp)])
  return handled
}
