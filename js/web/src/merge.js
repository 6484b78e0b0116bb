// Several newest-first lists of posts read as one, page by page: the home feed is the followed
// accounts' posts (social_feed) and one's own (social_authorPosts), which the node pages
// separately. Post ids grow with time, so the merge takes the highest id first.

/**
 * A reader over `sources`, each `(cursor) => Promise<{ items, next }>` newest first, that
 * hands out merged pages: `take(n)` resolves to `{ items, more }`. Each source is read a page
 * at a time, only when its buffer runs dry; a post seen twice is shown once.
 */
export function mergedPages (sources) {
  const states = sources.map((read) => ({ read, buffer: [], cursor: null, done: false }))
  const seen = new Set()
  async function fill () {
    await Promise.all(states.filter((s) => s.buffer.length === 0 && !s.done).map(async (s) => {
      const page = await s.read(s.cursor)
      s.buffer.push(...page.items)
      s.cursor = page.next
      s.done = !page.next
    }))
  }
  return {
    async take (n) {
      const items = []
      while (items.length < n) {
        await fill()
        const live = states.filter((s) => s.buffer.length > 0)
        if (live.length === 0) break
        const top = live.reduce((a, b) => (b.buffer[0].id > a.buffer[0].id ? b : a))
        const post = top.buffer.shift()
        if (!seen.has(post.id)) {
          seen.add(post.id)
          items.push(post)
        }
      }
      await fill()
      return { items, more: states.some((s) => s.buffer.length > 0) }
    }
  }
}
