// One post as a card: author, body (untrusted text from IPFS, shown as text and cut when long),
// counts, reactions, and the actions the signed-in account may take on it.

import { h, clip, show } from './dom.js'
import { SHOWN_BODY_CHARS, busy } from './app.js'
import { composer } from './compose.js'

function kindLine (post) {
  const kind = post.kind
  if (kind.type === 'reply') return h('span', { class: 'muted' }, ' replying to ', h('a', { href: `#/post/${kind.parent}` }, `#${kind.parent}`))
  if (kind.type === 'quote') return h('span', { class: 'muted' }, ' quoting ', h('a', { href: `#/post/${kind.of}` }, `#${kind.of}`))
  if (kind.type === 'repost') return h('span', { class: 'muted' }, ' reposted ', h('a', { href: `#/post/${kind.of}` }, `#${kind.of}`))
  return null
}

function bodyView (body) {
  const element = h('div', { class: 'body' })
  if (body.error) return show(element, h('span', { class: 'muted' }, `[body unavailable: ${body.error}]`))
  const { text, cut } = clip(body.text, SHOWN_BODY_CHARS)
  element.append(text)
  if (cut) {
    const more = h('button', { class: 'link', type: 'button' }, 'show more')
    more.addEventListener('click', () => show(element, body.text))
    element.append('… ', more)
  }
  return element
}

/**
 * A post card. `onChange` is called after an edit or delete, so the view can reload.
 */
export async function postCard (app, post, { onChange = () => {}, withReactors = false } = {}) {
  const [author, body, counts] = await Promise.all([
    app.displayName(post.author),
    post.content ? app.download(post.content) : Promise.resolve(null),
    post.reactions ? Promise.resolve(post.reactions) : app.chain.call('social_reactions', [post.id])
  ])
  const mine = app.me?.address === post.author
  const card = h('article', { class: 'post', dataset: { postId: post.id } })
  const cid = h('code', { class: 'cid', hidden: true }, post.content ?? '')
  const panel = h('div', { class: 'panel' })
  const reactionSummary = Object.entries(counts).map(([kind, n]) => `${n} ${kind}`).join(' · ')

  const actions = []
  if (app.me) {
    const select = h('select', { name: 'reaction', 'aria-label': 'reaction kind' }, app.kinds.map((k) => h('option', { value: k.variant }, k.name)))
    const react = h('button', { type: 'button', class: 'react' }, 'React')
    react.addEventListener('click', () => busy(app, react, async () => {
      await app.send(app.chain.api.tx.reactions.react(post.id, select.value), 'Reaction saved.')
      onChange()
    }))
    actions.push(select, react)
    const quote = h('button', { type: 'button', class: 'quote' }, 'Quote')
    quote.addEventListener('click', () => show(panel, composer(app, {
      label: 'Post quote',
      name: 'quote',
      onSubmit: async ({ cid, size }) => { await app.send(app.chain.api.tx.posts.quote(post.id, cid, size), 'Quote posted.'); onChange() }
    })))
    actions.push(h('a', { href: `#/post/${post.id}`, class: 'button' }, 'Reply'), quote)
    if (mine && post.content) {
      const edit = h('button', { type: 'button', class: 'edit' }, 'Edit')
      edit.addEventListener('click', () => show(panel, composer(app, {
        label: 'Save edit',
        name: 'edit',
        initial: body?.text ?? '',
        onSubmit: async ({ cid, size }) => { await app.send(app.chain.api.tx.posts.editPost(post.id, cid, size), 'Post edited.'); onChange() }
      })))
      actions.push(edit)
    }
    if (mine) {
      const del = h('button', { type: 'button', class: 'delete' }, 'Delete')
      del.addEventListener('click', () => {
        const really = h('button', { type: 'button', class: 'confirm-delete danger' }, 'Delete for good')
        really.addEventListener('click', () => busy(app, really, async () => {
          await app.send(app.chain.api.tx.posts.deletePost(post.id), 'Post deleted.')
          onChange()
        }))
        show(panel, h('span', {}, 'Delete this post? Its deposit comes back to you. '), really)
      })
      actions.push(del)
    }
  }
  const showCid = h('button', { type: 'button', class: 'link' }, 'CID')
  showCid.addEventListener('click', () => { cid.hidden = !cid.hidden })
  if (post.content) actions.push(showCid)

  card.append(
    h('header', {},
      h('a', { href: `#/u/${post.author}`, class: 'author' }, author),
      kindLine(post),
      ' · ', h('a', { href: `#/post/${post.id}`, class: 'muted' }, `#${post.id} at block ${post.createdAt}`),
      post.revision ? h('span', { class: 'muted' }, ` · edited ${post.revision}×`) : null),
    body ? bodyView(body) : null,
    h('div', { class: 'counts muted' },
      `${post.replies} replies · ${post.reposts} reposts · ${post.quotes} quotes`,
      reactionSummary ? h('span', { class: 'reactions' }, ` · ${reactionSummary}`) : null),
    cid,
    h('div', { class: 'actions' }, actions),
    panel
  )
  if (withReactors) card.append(await reactorsList(app, post.id))
  return card
}

async function reactorsList (app, postId) {
  const page = await app.chain.call('social_reactors', [postId, null, 100])
  if (page.items.length === 0) return h('p', { class: 'muted reactors' }, 'No reactions yet.')
  const items = await Promise.all(page.items.map(async ({ account, kind }) =>
    h('li', {}, h('a', { href: `#/u/${account}` }, await app.displayName(account)), ` ${kind}`)))
  return h('div', { class: 'reactors' }, h('h3', {}, 'Who reacted'), h('ul', {}, items))
}

/** Cards for `posts`, in order. */
export async function postList (app, posts, options) {
  if (posts.length === 0) return h('p', { class: 'muted' }, 'No posts yet.')
  return h('div', { class: 'posts' }, await Promise.all(posts.map((post) => postCard(app, post, options))))
}

/**
 * A list of posts read a page at a time from the paged RPC `method` (`params` go before the
 * cursor and limit), with a button for the next page while there is one.
 */
export async function pagedPosts (app, method, params, { className, more = 'More', empty = 'None yet.', onChange }) {
  const list = h('div', { class: `paged ${className}` })
  async function load (cursor) {
    const page = await app.chain.call(method, [...params, cursor, 20])
    if (!cursor && page.items.length === 0) {
      list.append(h('p', { class: 'muted' }, empty))
      return
    }
    list.append(await postList(app, page.items, { onChange }))
    if (page.next) {
      const button = h('button', { type: 'button', class: 'more' }, more)
      button.addEventListener('click', () => busy(app, button, async () => { button.remove(); await load(page.next) }))
      list.append(button)
    }
  }
  await load(null)
  return list
}
