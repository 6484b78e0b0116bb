// Discover: the latest posts from everyone, newest first, a page at a time, so that a newcomer
// who follows nobody finds people to read (each card links to its author's profile).

import { h } from '../dom.js'
import { latestPosts } from '@agora/chain'
import { pagedList } from '../post.js'

export async function discoverView (app, reload) {
  const list = await pagedList(app, (cursor) => latestPosts(app.chain, cursor, 20), {
    className: 'discover',
    more: 'Load more',
    empty: 'Nobody has posted yet.',
    onChange: reload
  })
  return h('section', {}, h('h1', {}, 'Discover'),
    h('p', { class: 'muted' }, 'The latest posts from everyone. Open an author to follow them.'), list)
}
