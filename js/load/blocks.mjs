// What bound each block of a capacity run. A parachain block is full when any one of three
// limits of the normal class is reached: its compute (ref_time), its proof of validity (proof
// size, what the validators re-execute the block from) or its length in bytes. For each block
// that included the run's calls this reads, at that block, `System::BlockWeight` (the charged
// weight, kept in state until the next block starts) and the block itself, and names the limit
// nearest to full.

/** Limits of the normal dispatch class: `{ refTime, proofSize, length }` (numbers). */
export function normalLimits (api) {
  const { perClass, maxBlock } = api.consts.system.blockWeights
  const max = perClass.normal.maxTotal.isSome ? perClass.normal.maxTotal.unwrap() : maxBlock
  return {
    refTime: Number(max.refTime.toString()),
    proofSize: Number(max.proofSize.toString()),
    length: Number(api.consts.system.blockLength.max.normal.toString())
  }
}

/**
 * One row per including block of `inclusions` (as `includeAll` returns them): `{ number, calls,
 * refTime, proofSize, length, share: { refTime, proofSize, length } (of the normal class's
 * limit), bound }`, `bound` naming the limit nearest to full. Read after the run, so it never
 * slows the measurement.
 */
export async function blockReport (api, inclusions) {
  const limits = normalLimits(api)
  const rows = []
  for (const { block, indices } of inclusions) {
    const [weight, signed] = await Promise.all([api.query.system.blockWeight.at(block), api.rpc.chain.getBlock(block)])
    const used = {
      refTime: Number(weight.normal.refTime.toString()),
      proofSize: Number(weight.normal.proofSize.toString()),
      length: signed.block.encodedLength
    }
    const share = Object.fromEntries(Object.keys(limits).map((key) => [key, used[key] / limits[key]]))
    const bound = Object.keys(share).sort((a, b) => share[b] - share[a])[0]
    rows.push({ number: signed.block.header.number.toNumber(), calls: indices.length, ...used, share, bound })
  }
  return rows
}

const NAMES = { refTime: 'ref_time', proofSize: 'proof size', length: 'length' }
const pct = (x) => `${(x * 100).toFixed(1)}%`
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`

/** The report as lines of text: a row per block, then which limit bound the full blocks. */
export function formatBlockReport (rows, limits) {
  const lines = [`block  calls  ref_time (of ${(limits.refTime / 1e12).toFixed(2)} s)  proof (of ${mib(limits.proofSize)})  length (of ${mib(limits.length)})  nearest limit`]
  for (const row of rows) {
    lines.push(`${String(row.number).padStart(5)}  ${String(row.calls).padStart(5)}  ` +
      `${(row.refTime / 1e12).toFixed(3)} s ${pct(row.share.refTime).padStart(6)}  ` +
      `${mib(row.proofSize)} ${pct(row.share.proofSize).padStart(6)}  ` +
      `${mib(row.length)} ${pct(row.share.length).padStart(6)}  ${NAMES[row.bound]}`)
  }
  const full = rows.slice(1, -1)
  if (full.length > 0) {
    const counts = {}
    for (const row of full) counts[row.bound] = (counts[row.bound] ?? 0) + 1
    const named = Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([key, n]) => `${NAMES[key]} in ${n}`)
    lines.push(`binding limit over the ${full.length} full blocks: ${named.join(', ')}`)
  }
  return lines
}
