// A post with its reactions (who reacted, how), a reply box, and its replies, oldest first.

import { h } from '../dom.js'
import { UserError } from '../chain.js'
import { composer } from '../compose.js'
import { postCard, postList } from '../post.js'

export async function threadView (app, id, reload) {
  if (!/^\d+$/.test(id)) throw new UserError(`"${id}" is not a post number.`)
  const post = await app.chain.call('social_post', [Number(id)])
  if (!post) return h('section', {}, h('h1', {}, `Post #${id}`), h('p', { class: 'muted' }, 'This post does not exist (never created, or deleted).'))
  const replies = await app.chain.call('social_thread', [post.id, null, 100])
  const section = h('section', { class: 'thread' }, h('h1', {}, `Post #${post.id}`),
    await postCard(app, post, { onChange: reload, withReactors: true }))
  if (app.me) {
    section.append(composer(app, {
      label: 'Reply',
      name: 'reply',
      placeholder: 'Write a reply',
      onSubmit: async (cid) => { await app.send(app.chain.api.tx.posts.reply(post.id, cid), 'Reply posted.'); reload() }
    }))
  }
  section.append(h('h2', {}, `Replies (${post.replies})`), await postList(app, replies.items, { onChange: reload }))
  return section
}
