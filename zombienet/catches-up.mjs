// zombienet js-script: waits until the restarted collator's finalized block is at least the
// other collator's finalized block from when the check started. Returns 1 on success.
async function run (_nodeName, networkInfo, args) {
  const { ApiPromise, WsProvider } = networkInfo.polkadotJs ?? await import('@polkadot/api')
  const [otherPort, restartedPort] = args[0].split(',')
  const other = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${otherPort}`) })
  const restarted = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${restartedPort}`) })
  const number = async (api) => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber()
  const target = await number(other)
  while (await number(restarted) < target) await new Promise((resolve) => setTimeout(resolve, 2000))
  await other.disconnect()
  await restarted.disconnect()
  return 1
}

module.exports = { run }
