// A post's body, shown as it arrives: the card is on the page at once with a placeholder, the
// text replaces it when IPFS delivers it, and a body IPFS cannot find says so after the node's
// timeout instead of holding the page. The text is untrusted: text nodes only, cut when long;
// its #hashtags and @mentions link to their search and profile (by the indexer's own rules).

import { segments } from '@agora/chain/text'

import { h, clip, show } from './dom.js'
import { SHOWN_BODY_CHARS } from './app.js'

/**
 * A `div.body` for the body under `cid`: `data-state` is `pending`, then `shown` or
 * `missing`. `onText(text)` gets the text once it is there (the edit box starts from it).
 */
export function bodySlot (app, cid, { onText = () => {} } = {}) {
  const element = h('div', { class: 'body pending', dataset: { state: 'pending' } },
    h('span', { class: 'muted' }, 'Fetching the text…'))
  app.download(cid).then((body) => {
    element.classList.remove('pending')
    if (body.error !== undefined) {
      element.dataset.state = 'missing'
      show(element, h('span', { class: 'muted missing' }, 'Text not available: IPFS could not find it right now.'))
      element.title = body.error
      return
    }
    element.dataset.state = 'shown'
    showText(element, body.text)
    onText(body.text)
  })
  return element
}

/** `text` as text nodes, with links for its hashtags and mentions. */
function linked (text) {
  return segments(text).map((piece) => {
    if (piece.tag) return h('a', { href: `#/search?${new URLSearchParams({ q: `#${piece.tag}` })}`, class: 'tag' }, piece.text)
    if (piece.handle) return h('a', { href: `#/@${piece.handle}`, class: 'mention' }, piece.text)
    return piece.text
  })
}

function showText (element, full) {
  const { text, cut } = clip(full, SHOWN_BODY_CHARS)
  show(element, linked(text))
  if (cut) {
    const more = h('button', { class: 'link', type: 'button' }, 'show more')
    more.addEventListener('click', () => show(element, linked(full)))
    element.append('… ', more)
  }
}
