// Which node the page talks to.

/** The node to use: `?node=ws://…` in the page's address, else the dev chain's default. */
export function nodeUrl () {
  return new URLSearchParams(window.location.search).get('node') ?? 'ws://127.0.0.1:9944'
}
