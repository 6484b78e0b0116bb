// A text box that uploads its text through the node's content API and hands the CID on.

import { h } from './dom.js'
import { MAX_BODY_CHARS, busy } from './app.js'
import { upload } from '@agora/chain'

/**
 * A composer: `label` on the button, `initial` text, and `onSubmit(cid, text)` once the body is
 * on IPFS (it sends the call). Empty bodies are refused before anything is uploaded.
 */
export function composer (app, { label, placeholder = '', initial = '', name, onSubmit }) {
  const text = h('textarea', { name, placeholder, 'aria-label': placeholder || label, maxlength: MAX_BODY_CHARS, rows: 3 })
  text.value = initial
  const count = h('span', { class: 'muted count' }, `${Array.from(initial).length}/${MAX_BODY_CHARS}`)
  text.addEventListener('input', () => { count.textContent = `${Array.from(text.value).length}/${MAX_BODY_CHARS}` })
  const button = h('button', { type: 'submit' }, label)
  const form = h('form', { class: 'composer' }, text, h('div', { class: 'row' }, count, button))
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    busy(app, button, async () => {
      const body = text.value
      if (body.trim() === '') {
        app.notify('Write something first.', 'error')
        return
      }
      const added = await upload(app.chain.call, body)
      await onSubmit(added, body)
      text.value = ''
      count.textContent = `0/${MAX_BODY_CHARS}`
    })
  })
  return form
}
