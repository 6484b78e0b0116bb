// Which node the page talks to. A page trusts its node for everything it shows (metadata,
// posts, who holds which handle) and sends it every signed transaction, so the page talks only
// to the node it was served for (serve.mjs writes it into config.json) unless the person
// confirms another one named in the address (`?node=ws://…`): a link cannot quietly point
// them at a node of someone else's choosing.

const DEFAULT_NODE = 'ws://127.0.0.1:9944'
const CONFIRMED_KEY = 'agora.confirmedNode'

const DEFAULT_INDEXER = 'http://127.0.0.1:9960'

let config = null
/**
 * What this page was served with: `{ node, indexer }` of config.json, else the dev chain's
 * (the Vite dev server has no config.json). `indexer` is null when there is none.
 */
export function servedConfig () {
  config ??= fetch('config.json', { cache: 'no-store' })
    .then((response) => response.ok ? response.json() : {})
    .catch(() => ({}))
    .then((served) => ({ node: served.node ?? DEFAULT_NODE, indexer: served.indexer === undefined ? DEFAULT_INDEXER : served.indexer }))
  return config
}

/**
 * The node to connect to: `{ url, confirmed }`. `confirmed` is false when the address names
 * another node than the served one and the person has not confirmed it in this tab yet.
 */
export async function chooseNode () {
  const served = (await servedConfig()).node
  const asked = new URLSearchParams(window.location.search).get('node')
  if (!asked || asked === served) return { url: served, served, confirmed: true }
  const confirmed = window.sessionStorage.getItem(CONFIRMED_KEY) === asked
  return { url: asked, served, confirmed }
}

/** Remembers, for this tab, that the person chose to use `url`. */
export function confirmNode (url) {
  window.sessionStorage.setItem(CONFIRMED_KEY, url)
}
