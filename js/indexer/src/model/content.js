// The content table's side of the chain's events: every CID a block names is recorded once, to
// be fetched by the body worker (src/bodies/worker.js). Handlers never touch IPFS.

/** Records `cid` as wanted (first named at `block`); resolves with its row as it stands. */
export async function want (client, cid, block) {
  await client.query(
    'INSERT INTO content (cid, first_block) VALUES ($1, $2) ON CONFLICT (cid) DO NOTHING',
    [cid, block]
  )
  const { rows: [row] } = await client.query('SELECT state, body, skip_reason FROM content WHERE cid = $1', [cid])
  return row
}
