// One post as a card: author, time, body (filled in as IPFS delivers it), counts, one-click
// reactions, and the actions the signed-in account may take on it. A card is built at once
// from chain data; nothing in it waits for IPFS. A repost shows the post it reposts.

import { h, show, shortAddress } from './dom.js'
import { busy } from './app.js'
import { bodySlot } from './body.js'
import { composer } from './compose.js'
import { reactionBar } from './reactbar.js'
import { blockTimeElement } from './time.js'
import { avatarElement } from './avatar.js'

/** A link to `address`'s profile: its short address at once, its @handle when known. */
export function accountLink (app, address, attributes = {}) {
  const link = h('a', { href: `#/u/${address}`, ...attributes }, shortAddress(address))
  app.displayName(address).then((name) => { link.textContent = name })
  return link
}

function kindLine (post) {
  const kind = post.kind
  if (kind.type === 'reply') return h('span', { class: 'muted' }, ' replying to ', h('a', { href: `#/post/${kind.parent}` }, `#${kind.parent}`))
  if (kind.type === 'quote') return h('span', { class: 'muted' }, ' quoting ', h('a', { href: `#/post/${kind.of}` }, `#${kind.of}`))
  return null
}

function cardHeader (app, post, ...middle) {
  return h('header', {},
    avatarElement(app, post.author),
    accountLink(app, post.author, { class: 'author' }),
    middle,
    ' · ', h('a', { href: `#/post/${post.id}`, class: 'permalink muted' }, blockTimeElement(app, post.createdAt), ` · #${post.id}`),
    post.revision ? h('span', { class: 'muted' }, ` · edited ${post.revision}×`) : null)
}

/**
 * The repost button for post `of`, with its repost count: pressed when the viewer reposted it
 * (pressing it again deletes that repost).
 */
function repostButton (app, of, count, onChange) {
  const button = h('button', { type: 'button', class: 'repost', 'aria-pressed': 'false', disabled: !app.me }, `↻ Repost · ${count}`)
  let mine = null
  if (app.me) {
    app.chain.api.query.posts.repostOf(of, app.me.address).then((repost) => {
      if (repost.isNone) return
      mine = repost.unwrap().toNumber()
      button.setAttribute('aria-pressed', 'true')
      button.textContent = `↻ Reposted · ${count}`
      button.title = 'Undo your repost'
    }).catch(() => {})
  }
  button.addEventListener('click', () => busy(app, button, async () => {
    if (mine === null) await app.send(app.chain.api.tx.posts.repost(of), 'Reposted.')
    else await app.send(app.chain.api.tx.posts.deletePost(mine), 'Repost undone.')
    onChange()
  }))
  return button
}

/**
 * A post card. `onChange` is called after a change that alters the page (edit, delete,
 * repost), so the view can reload; reactions refresh their own bar.
 */
export function postCard (app, post, { onChange = () => {}, withReactors = false } = {}) {
  if (post.kind.type === 'repost') return repostCard(app, post, { onChange })
  const mine = app.me?.address === post.author
  const cid = h('code', { class: 'cid', hidden: true }, post.content ?? '')
  const panel = h('div', { class: 'panel' })
  let text = null
  const reactors = withReactors ? h('div', { class: 'reactors' }) : null
  const refreshReactors = () => reactors && reactorsList(app, post.id).then((list) => show(reactors, list))

  const actions = []
  if (app.me) {
    const quote = h('button', { type: 'button', class: 'quote' }, 'Quote')
    quote.addEventListener('click', () => show(panel, composer(app, {
      label: 'Post quote',
      name: 'quote',
      onSubmit: async ({ cid, size }) => { await app.send(app.chain.api.tx.posts.quote(post.id, cid, size), 'Quote posted.'); onChange() }
    })))
    actions.push(h('a', { href: `#/post/${post.id}`, class: 'button' }, 'Reply'), quote)
  }
  actions.push(repostButton(app, post.id, post.reposts, onChange))
  if (mine && post.content) {
    const edit = h('button', { type: 'button', class: 'edit' }, 'Edit')
    edit.addEventListener('click', () => show(panel, composer(app, {
      label: 'Save edit',
      name: 'edit',
      initial: text ?? '',
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
  if (post.content) {
    const showCid = h('button', { type: 'button', class: 'link show-cid' }, 'CID')
    showCid.addEventListener('click', () => { cid.hidden = !cid.hidden })
    actions.push(showCid)
  }

  const card = h('article', { class: 'post', dataset: { postId: post.id } },
    cardHeader(app, post, kindLine(post)),
    post.content ? bodySlot(app, post.content, { onText: (body) => { text = body } }) : null,
    post.kind.type === 'quote' ? quotedCard(app, post.kind.of) : null,
    h('div', { class: 'counts muted' }, `${post.replies} replies · ${post.quotes} quotes`),
    reactionBar(app, post.id, { counts: post.reactions ?? null, onChange: refreshReactors }),
    cid,
    h('div', { class: 'actions' }, actions),
    panel,
    reactors
  )
  refreshReactors()
  return card
}

/**
 * The post a quote quotes, embedded under the quote: its author, time and body, read from the
 * chain once the card is shown. It links to its thread; it carries no actions of its own.
 */
function quotedCard (app, of) {
  const box = h('blockquote', { class: 'quoted', dataset: { postId: of } }, h('p', { class: 'muted' }, `Reading post #${of}…`))
  app.chain.call('social_post', [of]).then((quoted) => {
    if (!quoted) return show(box, h('p', { class: 'muted' }, `The quoted post #${of} was deleted.`))
    show(box, h('header', {}, accountLink(app, quoted.author, { class: 'author' }), ' · ',
      h('a', { href: `#/post/${of}`, class: 'permalink muted' }, blockTimeElement(app, quoted.createdAt), ` · #${of}`)),
    quoted.content ? bodySlot(app, quoted.content) : null)
  }).catch(() => show(box, h('p', { class: 'muted' }, `Post #${of} could not be read.`)))
  return box
}

/** A repost: who reposted and when, then the reposted post's own card once it is read. */
function repostCard (app, post, { onChange }) {
  const of = post.kind.of
  const inner = h('div', { class: 'reposted' }, h('p', { class: 'muted' }, `Reading post #${of}…`))
  app.chain.call('social_post', [of]).then((original) => {
    show(inner, original
      ? postCard(app, original, { onChange })
      : h('p', { class: 'muted' }, `The reposted post #${of} was deleted.`))
  }).catch(() => show(inner, h('p', { class: 'muted' }, `Post #${of} could not be read.`)))
  return h('article', { class: 'post repost', dataset: { postId: post.id } },
    cardHeader(app, post, h('span', { class: 'muted' }, ' reposted ', h('a', { href: `#/post/${of}` }, `#${of}`))),
    inner)
}

async function reactorsList (app, postId) {
  const page = await app.chain.call('social_reactors', [postId, null, 100])
  if (page.items.length === 0) return h('p', { class: 'muted' }, 'No reactions yet.')
  const items = page.items.map(({ account, kind }) => h('li', {}, accountLink(app, account), ` ${kind}`))
  return h('div', {}, h('h3', {}, 'Who reacted'), h('ul', {}, items))
}

/** Cards for `posts`, in order. */
export function postList (app, posts, options) {
  if (posts.length === 0) return h('p', { class: 'muted' }, 'No posts yet.')
  return h('div', { class: 'posts' }, posts.map((post) => postCard(app, post, options)))
}

/**
 * A list of posts read a page at a time by `read(cursor)` (resolving to `{ items, next }`),
 * with a button for the next page while there is one.
 */
export async function pagedList (app, read, { className, more = 'More', empty = 'None yet.', onChange }) {
  const list = h('div', { class: `paged ${className}` })
  async function load (cursor) {
    const page = await read(cursor)
    if (!cursor && page.items.length === 0) {
      list.append(h('p', { class: 'muted' }, empty))
      return
    }
    list.append(postList(app, page.items, { onChange }))
    if (page.next) {
      const button = h('button', { type: 'button', class: 'more' }, more)
      button.addEventListener('click', () => busy(app, button, async () => { button.remove(); await load(page.next) }))
      list.append(button)
    }
  }
  await load(null)
  return list
}

/** `pagedList` over the paged RPC `method` (`params` go before the cursor and limit). */
export function pagedPosts (app, method, params, options) {
  return pagedList(app, (cursor) => app.chain.call(method, [...params, cursor, 20]), options)
}
