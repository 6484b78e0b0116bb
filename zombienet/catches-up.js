// zombienet js-script (CommonJS: zombienet loads it with `require`): after a collator was killed
// and restarted, takes the other collator's best block when the check starts (it includes the
// blocks authored while the restarted one was down) and waits until both nodes have finalized
// that height with the same hash. Returns 1 on success.
//
// Arguments: "<running node>,<restarted node>", names from network.toml.
async function run (_nodeName, networkInfo, [otherName, restartedName]) {
  const { ApiPromise, WsProvider } = zombie
  const connect = (name) => ApiPromise.create({ provider: new WsProvider(networkInfo.nodesByName[name].wsUri), noInitWarn: true })
  const other = await connect(otherName)
  const restarted = await connect(restartedName)
  const best = async (api) => (await api.rpc.chain.getHeader()).number.toNumber()
  const finalized = async (api) => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber()
  const sleep = () => new Promise((resolve) => setTimeout(resolve, 2000))

  const target = await best(other)
  console.log(`${otherName} best #${target}; ${restartedName} restarted at best #${await best(restarted)}, finalized #${await finalized(restarted)}`)
  while (await finalized(restarted) < target || await finalized(other) < target) await sleep()
  const [expected, seen] = await Promise.all([other, restarted].map((api) => api.rpc.chain.getBlockHash(target)))
  if (!expected.eq(seen)) throw new Error(`block #${target}: ${otherName} has ${expected}, ${restartedName} has ${seen}`)
  console.log(`${restartedName} caught up: finalized #${target} ${seen.toHex()}, as ${otherName}`)

  await other.disconnect()
  await restarted.disconnect()
  return 1
}

module.exports = { run }
