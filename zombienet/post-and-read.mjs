// zombienet js-script: posts through the first collator's RPC as //Alice, then waits until the
// second collator's RPC shows the post in a finalized block. Returns 1 on success.
async function run (_nodeName, networkInfo, args) {
  const { ApiPromise, WsProvider, Keyring } = networkInfo.polkadotJs ?? await import('@polkadot/api')
  const [writerPort, readerPort] = args[0].split(',')
  const writer = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${writerPort}`) })
  const reader = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${readerPort}`) })
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice')
  const cid = 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4'
  const postId = await new Promise((resolve, reject) => {
    writer.tx.posts.createPost(cid).signAndSend(alice, ({ status, events, dispatchError }) => {
      if (dispatchError) return reject(new Error(dispatchError.toString()))
      if (!status.isInBlock && !status.isFinalized) return
      const created = events.find(({ event }) => event.section === 'posts' && event.method === 'PostCreated')
      if (created) resolve(created.event.data[0].toNumber())
    }).catch(reject)
  })
  for (;;) {
    const head = await reader.rpc.chain.getFinalizedHead()
    const post = await (await reader.at(head)).query.posts.posts(postId)
    if (post.isSome && post.unwrap().author.toString() === alice.address) break
    await new Promise((resolve) => setTimeout(resolve, 2000))
  }
  await writer.disconnect()
  await reader.disconnect()
  return 1
}

module.exports = { run }
