// A post with its reactions (who reacted, how), a reply box, its replies and its quotes,
// oldest first, a page at a time.

import { h } from '../dom.js'
import { UserError } from '@agora/chain'
import { composer } from '../compose.js'
import { pagedPosts, postCard } from '../post.js'

export async function threadView (app, id, reload) {
  if (!/^\d+$/.test(id)) throw new UserError(`"${id}" is not a post number.`)
  const post = await app.chain.call('social_post', [Number(id)])
  if (!post) return h('section', {}, h('h1', {}, `Post #${id}`), h('p', { class: 'muted' }, 'This post does not exist (never created, or deleted).'))
  const card = postCard(app, post, { onChange: reload, withReactors: true })
  const [replies, quotes] = await Promise.all([
    pagedPosts(app, 'social_thread', [post.id], { className: 'replies', more: 'More replies', empty: 'No replies yet.', onChange: reload }),
    pagedPosts(app, 'social_quotes', [post.id], { className: 'quotes', more: 'More quotes', empty: 'Nobody quoted this post yet.', onChange: reload })
  ])
  const section = h('section', { class: 'thread' }, h('h1', {}, `Post #${post.id}`), card)
  if (app.me) {
    section.append(composer(app, {
      label: 'Reply',
      name: 'reply',
      placeholder: 'Write a reply',
      onSubmit: async ({ cid, size }) => { await app.send(app.chain.api.tx.posts.reply(post.id, cid, size), 'Reply posted.'); reload() }
    }))
  }
  section.append(
    h('h2', {}, `Replies (${post.replies})`), replies,
    h('h2', {}, `Quotes (${post.quotes})`), quotes)
  return section
}
