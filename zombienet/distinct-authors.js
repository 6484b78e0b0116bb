// zombienet js-script (CommonJS: zombienet loads it with `require`): counts the distinct Aura
// authors of the node's finalized blocks, so the smoke test can check that every collator
// authors blocks that get finalized, not just one of them. Waits until the count reaches the
// expected number (or zombienet's timeout ends the wait) and returns the count.
//
// Arguments: "<expected count>".
async function run (nodeName, networkInfo, [expected]) {
  const { ApiPromise, WsProvider } = zombie
  const api = await ApiPromise.create({ provider: new WsProvider(networkInfo.nodesByName[nodeName].wsUri), noInitWarn: true })
  const authors = new Set()
  let next = 1
  for (;;) {
    const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber()
    for (; next <= finalized; next++) {
      // derive.chain.getHeader maps the Aura slot in the block's digest to a session validator.
      const { author } = await api.derive.chain.getHeader(await api.rpc.chain.getBlockHash(next))
      if (author) authors.add(author.toString())
    }
    if (authors.size >= Number(expected)) break
    await new Promise((resolve) => setTimeout(resolve, 2000))
  }
  console.log(`${nodeName}: finalized blocks #1..#${next - 1} authored by ${[...authors].join(', ')}`)
  await api.disconnect()
  return authors.size
}

module.exports = { run }
