// The content table's side of the chain's events: every CID a block names is recorded once, to
// be fetched by the body worker (src/bodies/worker.js). Handlers never touch IPFS.

/**
 * Records `cid` as wanted (first named at `block`); resolves with its row as it stands
 * (`state`, `body`, `skip_reason`). One round trip: the insert, or the row already there.
 */
export async function want (client, cid, block) {
  const { rows: [row] } = await client.query(
    `WITH added AS (
       INSERT INTO content (cid, first_block) VALUES ($1, $2) ON CONFLICT (cid) DO NOTHING
       RETURNING state, body, skip_reason)
     SELECT * FROM added
     UNION ALL SELECT state, body, skip_reason FROM content WHERE cid = $1 AND NOT EXISTS (SELECT 1 FROM added)`,
    [cid, block]
  )
  return row
}
