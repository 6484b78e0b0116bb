// Which node the page talks to. A page trusts its node for everything it shows (metadata,
// posts, who holds which handle) and sends it every signed transaction, so the page talks only
// to the node it was served for (serve.mjs writes it into config.json) unless the person
// confirms another one named in the address (`?node=ws://…`): a link cannot quietly point
// them at a node of someone else's choosing.

const DEFAULT_NODE = 'ws://127.0.0.1:9944'
const CONFIRMED_KEY = 'agora.confirmedNode'

/** The node this page was served for: config.json's `node`, else the dev chain's. */
export async function servedNode () {
  try {
    const response = await fetch('config.json', { cache: 'no-store' })
    if (response.ok) return (await response.json()).node ?? DEFAULT_NODE
  } catch {
    // No config.json (the Vite dev server): the dev chain's node.
  }
  return DEFAULT_NODE
}

/**
 * The node to connect to: `{ url, confirmed }`. `confirmed` is false when the address names
 * another node than the served one and the person has not confirmed it in this tab yet.
 */
export async function chooseNode () {
  const served = await servedNode()
  const asked = new URLSearchParams(window.location.search).get('node')
  if (!asked || asked === served) return { url: served, served, confirmed: true }
  const confirmed = window.sessionStorage.getItem(CONFIRMED_KEY) === asked
  return { url: asked, served, confirmed }
}

/** Remembers, for this tab, that the person chose to use `url`. */
export function confirmNode (url) {
  window.sessionStorage.setItem(CONFIRMED_KEY, url)
}
