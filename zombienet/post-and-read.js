// zombienet js-script (CommonJS: zombienet loads it with `require`): signs a `create_post` as
// //Alice through the first collator's RPC, then waits until the second collator's RPC shows
// that post, by the same author and CID, in a finalized block. Returns 1 on success.
//
// Arguments: "<writer node>,<reader node>", names from network.toml.
const CID = 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4'

async function run (_nodeName, networkInfo, [writerName, readerName]) {
  const { ApiPromise, WsProvider, Keyring } = zombie
  const connect = (name) => ApiPromise.create({ provider: new WsProvider(networkInfo.nodesByName[name].wsUri), noInitWarn: true })
  const writer = await connect(writerName)
  const reader = await connect(readerName)
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice')

  const postId = await new Promise((resolve, reject) => {
    writer.tx.posts.createPost(CID, 100).signAndSend(alice, ({ status, events, dispatchError }) => {
      if (dispatchError) return reject(new Error(`create_post failed: ${dispatchError.toString()}`))
      if (!status.isInBlock && !status.isFinalized) return
      const created = events.find(({ event }) => event.section === 'posts' && event.method === 'PostCreated')
      if (created) resolve(created.event.data[0].toNumber())
    }).catch(reject)
  })
  console.log(`post ${postId} created through ${writerName}`)

  for (;;) {
    const head = await reader.rpc.chain.getFinalizedHead()
    const post = await (await reader.at(head)).query.posts.posts(postId)
    if (post.isSome) {
      const { author } = post.unwrap()
      if (author.toString() !== alice.address) throw new Error(`post ${postId} has author ${author}`)
      console.log(`post ${postId} finalized and read through ${readerName} at ${head.toHex()}`)
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 2000))
  }
  await writer.disconnect()
  await reader.disconnect()
  return 1
}

module.exports = { run }
