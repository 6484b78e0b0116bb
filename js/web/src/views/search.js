// Search (#/search?q=…&type=posts|people), from the indexer: posts by the words of their
// bodies, people by handle, name and bio, and `#tag` for a hashtag's posts. The indexer finds;
// the chain shows: each post found is read again from the node, so a post the chain no longer
// has never shows, and its card is the same as everywhere else.

import { h } from '../dom.js'
import { busy } from '../app.js'
import { accountLink, pagedList } from '../post.js'

const TYPES = [['posts', 'Posts'], ['people', 'People']]

/** The posts the indexer found, as the chain has them now (deleted ones left out). */
async function onChain (app, found) {
  const posts = await Promise.all(found.map((item) => app.chain.call('social_post', [item.id])))
  return posts.filter((post) => post !== null)
}

async function peopleList (app, q) {
  const list = h('ul', { class: 'people' })
  async function load (after) {
    const page = await app.indexer.get('/search', { q, type: 'people', after, limit: 20 })
    if (!after && page.items.length === 0) list.append(h('li', { class: 'muted' }, 'Nobody found.'))
    for (const person of page.items) {
      list.append(h('li', { class: 'person' },
        accountLink(app, person.account, { class: 'author' }),
        person.name ? h('span', {}, ` ${person.name}`) : null,
        person.bio ? h('p', { class: 'muted bio' }, person.bio) : null))
    }
    if (page.next) {
      const more = h('button', { type: 'button', class: 'more' }, 'Load more')
      more.addEventListener('click', () => busy(app, more, async () => { more.remove(); await load(page.next) }))
      list.append(h('li', {}, more))
    }
  }
  await load(null)
  return list
}

export async function searchView (app, params, reload) {
  const q = (params.get('q') ?? '').trim()
  const type = params.get('type') === 'people' ? 'people' : 'posts'
  const tag = q.startsWith('#') ? q.slice(1) : null
  const section = h('section', { class: 'search' }, h('h1', {}, tag ? `#${tag}` : 'Search'))
  if (!app.indexer) {
    section.append(h('p', {}, 'This page was served without an indexer, so there is no search here.'))
    return section
  }
  if (q === '') {
    section.append(h('p', { class: 'muted' }, 'Type words, a name or a #hashtag in the search box at the top.'))
    return section
  }
  if (!tag) {
    section.append(h('nav', { class: 'tabs', 'aria-label': 'what to search' }, TYPES.map(([value, text]) =>
      h('a', { href: `#/search?${new URLSearchParams({ q, type: value })}`, 'aria-current': value === type ? 'page' : null }, text))))
  }
  if (type === 'people' && !tag) {
    section.append(await peopleList(app, q))
    return section
  }
  // A page whose posts the chain no longer has reads on, so a run of deleted posts never ends
  // the list early (at most 5 of the indexer's pages per page shown).
  const read = async (after) => {
    let page = { next: after }
    for (let tries = 0; tries < 5; tries++) {
      page = tag
        ? await app.indexer.get('/hashtag', { tag, after: page.next, limit: 20 })
        : await app.indexer.get('/search', { q, type: 'posts', after: page.next, limit: 20 })
      const items = await onChain(app, page.items)
      if (items.length > 0 || !page.next) return { items, next: page.next }
    }
    return { items: [], next: page.next }
  }
  section.append(await pagedList(app, read, { className: 'results', more: 'Load more', empty: tag ? `No posts with #${tag} yet.` : 'No posts found.', onChange: reload }))
  return section
}
