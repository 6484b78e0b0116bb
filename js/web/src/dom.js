// Building the page without HTML strings: every piece of text from the chain or IPFS becomes a
// text node, so a body such as `<img onerror=…>` shows as those characters and never as markup.

/**
 * `h('a', { href: '#/', class: 'x', onclick: fn }, 'text', child)`: an element with attributes,
 * listeners (`on…` functions) and children (strings become text nodes; null/false are skipped).
 */
export function h (tag, attributes = {}, ...children) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value)
    else if (name === 'dataset') Object.assign(element.dataset, value)
    else element.setAttribute(name, value === true ? '' : String(value))
  }
  append(element, ...children)
  return element
}

/**
 * Adds `children` to `element` as `h` does: strings as text nodes, null/false skipped (the
 * DOM's own `append` would show them as the words "null" and "false").
 */
export function append (element, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue
    element.append(child instanceof Node ? child : document.createTextNode(String(child)))
  }
  return element
}

/** Replaces `element`'s content with `children`. */
export function show (element, ...children) {
  element.replaceChildren()
  return append(element, ...children)
}

/** The first `max` characters of `text`, and whether it was cut. */
export function clip (text, max) {
  const chars = Array.from(text)
  return chars.length > max ? { text: chars.slice(0, max).join(''), cut: true } : { text, cut: false }
}

/** A short form of an SS58 address: 5Grw…utQY. */
export function shortAddress (address) {
  return address.length > 12 ? `${address.slice(0, 4)}…${address.slice(-4)}` : address
}
