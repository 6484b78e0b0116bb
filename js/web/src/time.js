// Times as a person reads them: "3 min ago", with the full date on hover. Posts name the
// block they were made in; @agora/chain's blockTimes reads that block's own timestamp.

import { h } from './dom.js'

const UNITS = [['year', 365 * 86400], ['month', 30 * 86400], ['day', 86400], ['h', 3600], ['min', 60]]

/** `date` relative to `now`: "just now", "3 min ago", "2 h ago", "5 days ago", "1 year ago". */
export function relativeTime (date, now = new Date()) {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000)
  if (seconds < 45) return 'just now'
  for (const [unit, size] of UNITS) {
    const n = Math.floor(seconds / size)
    if (n >= 1 || unit === 'min') {
      const count = Math.max(n, 1)
      const word = unit === 'h' || unit === 'min' ? unit : count === 1 ? unit : `${unit}s`
      return `${count} ${word} ago`
    }
  }
}

/** The full date and time, in the reader's own locale and time zone. */
export function fullTime (date) {
  return date.toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'medium' })
}

/**
 * A `<time>` for block `block`: empty at first, then "3 min ago" (full date as its title) once
 * the block's timestamp arrives; "block N" if the node cannot say.
 */
export function blockTimeElement (app, block) {
  const element = h('time', { class: 'when muted' })
  app.blockTime(block).then((date) => {
    if (!date) {
      element.textContent = `block ${block}`
      return
    }
    element.dateTime = date.toISOString()
    element.title = fullTime(date)
    element.textContent = relativeTime(date)
  }).catch(() => { element.textContent = `block ${block}` })
  return element
}
