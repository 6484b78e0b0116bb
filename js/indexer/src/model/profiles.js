// Profiles and handles from the chain's events. Handles keep their history (who held which
// handle from which block to which), so a mention resolves as of its post's block.

import { indexProfileDocument } from './bodies.js'
import { want } from './content.js'

/** ProfileCreated and ProfileUpdated: the profile now points at `metadata`. */
export async function setProfile (client, at, { who, metadata }) {
  const content = await want(client, metadata, at.block)
  await client.query(
    `INSERT INTO profiles (account, metadata, block) VALUES ($1, $2, $3)
     ON CONFLICT (account) DO UPDATE SET metadata = excluded.metadata, block = excluded.block,
       name = NULL, bio = NULL, document_error = NULL`,
    [who, metadata, at.block]
  )
  if (content.state !== 'pending') await indexProfileDocument(client, who, content)
}

export async function removeProfile (client, at, { who, handle }) {
  await client.query('DELETE FROM profiles WHERE account = $1', [who])
  if (handle) await releaseHandle(client, at, handle)
}

export async function setHandle (client, at, { who, handle, previous }) {
  if (previous) await releaseHandle(client, at, previous)
  await client.query(
    `INSERT INTO handle_history (handle, account, from_block) VALUES ($1, $2, $3)
     ON CONFLICT (handle, from_block, account) DO UPDATE SET to_block = NULL`,
    [handle, who, at.block]
  )
  await client.query('UPDATE profiles SET handle = $2, block = $3 WHERE account = $1', [who, handle, at.block])
}

export async function clearHandle (client, at, { who, handle }) {
  await releaseHandle(client, at, handle)
  await client.query('UPDATE profiles SET handle = NULL, block = $2 WHERE account = $1', [who, at.block])
}

function releaseHandle (client, at, handle) {
  return client.query(
    'UPDATE handle_history SET to_block = $2 WHERE handle = $1 AND to_block IS NULL',
    [handle, at.block]
  )
}
