// Discover: hashtags trending in the last day (from the indexer, when the page has one), people
// to follow (friends of friends, and recent authors), then the latest posts from everyone,
// newest first, a page at a time, so that a newcomer who follows nobody finds people to read.

import { h } from '../dom.js'
import { busy } from '../app.js'
import { latestPosts, suggestedAccounts } from '@agora/chain'
import { accountLink, pagedList } from '../post.js'
import { avatarElement } from '../avatar.js'

/** Up to 10 hashtags with the most posts in the last 24 h; nothing when the indexer cannot say. */
async function trending (app) {
  if (!app.indexer) return null
  const answer = await app.indexer.get('/trending', { window: '24h', limit: 10 }).catch(() => null)
  if (!answer || answer.items.length === 0) return null
  return h('section', { class: 'trending' }, h('h2', {}, 'Trending today'),
    h('ul', { class: 'tags' }, answer.items.map((item) => h('li', {},
      h('a', { href: `#/search?${new URLSearchParams({ q: `#${item.tag}` })}`, class: 'tag' }, `#${item.tag}`),
      h('span', { class: 'muted' }, ` ${item.posts} ${item.posts === 1 ? 'post' : 'posts'}`)))))
}

/** Up to 5 accounts to follow, each with a Follow button; nothing when there are none. */
async function suggestions (app, reload) {
  const people = await suggestedAccounts(app.chain, app.me?.address ?? null).catch(() => [])
  if (people.length === 0) return null
  return h('section', { class: 'suggested' }, h('h2', {}, 'People to follow'),
    h('ul', { class: 'people' }, people.map(({ account, viaFollowed, followers }) => {
      const follow = app.me ? h('button', { type: 'button', class: 'follow' }, 'Follow') : null
      follow?.addEventListener('click', () => busy(app, follow, async () => {
        await app.send(app.chain.api.tx.follows.follow(account), 'Following.')
        reload()
      }))
      const why = viaFollowed > 0 ? `followed by ${viaFollowed} you follow` : `${followers} followers`
      return h('li', { class: 'person', dataset: { account } }, avatarElement(app, account), accountLink(app, account, { class: 'author' }),
        h('span', { class: 'muted' }, ` · ${why} `), follow)
    })))
}

export async function discoverView (app, reload) {
  const [tags, people, list] = await Promise.all([
    trending(app),
    suggestions(app, reload),
    pagedList(app, (cursor) => latestPosts(app.chain, cursor, 20), {
      className: 'discover',
      more: 'Load more',
      empty: 'Nobody has posted yet.',
      onChange: reload
    })
  ])
  return h('section', {}, h('h1', {}, 'Discover'), tags, people,
    h('h2', {}, 'Latest'),
    h('p', { class: 'muted' }, 'The latest posts from everyone. Open an author to follow them.'), list)
}
