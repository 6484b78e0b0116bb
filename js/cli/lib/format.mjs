// Human-readable output. `--json` prints the same results as JSON instead.

export function formatResult (result) {
  if (result.events) return formatWrite(result)
  if ('profile' in result) return formatProfile(result)
  if ('post' in result && 'replies' in result) return formatThread(result)
  if ('post' in result) return formatPost(result.post)
  if (result.posts) return formatPosts(result)
  if (result.notifications) return formatNotifications(result)
  if (result.results) return formatFound(result)
  if (result.people) return formatPeople(result)
  if (result.trending) return formatTrending(result)
  if (result.accounts) return [...result.accounts, more(result.next)].filter(Boolean).join('\n')
  if (result.kinds) return result.kinds.join('\n')
  if (result.keys) return formatKeys(result)
  if (result.friendGroups) return formatRecovery(result)
  if ('sponsorship' in result) return formatSponsorship(result)
  if (result.messages) return formatMessages(result)
  if (result.message) return formatMessage(result.message)
  if (result.mailbox) return formatMailbox(result.mailbox)
  if (result.reactors) {
    const lines = result.reactors.map(({ account, kind }) => `${kind.padEnd(9)} ${account}`)
    return [...lines, more(result.next)].filter(Boolean).join('\n')
  }
  return Object.entries(result).map(([key, value]) => `${key}: ${value}`).join('\n')
}

function formatWrite ({ block, events }) {
  const lines = [`✔ included in block ${block}`]
  for (const { section, method, data } of events) {
    if (section === 'system' || section === 'transactionPayment' || section === 'balances') continue
    const fields = Array.isArray(data)
      ? data.map(show).join(', ')
      : Object.entries(data).map(([k, v]) => `${k}: ${show(v)}`).join(', ')
    lines.push(`  ${section}.${method} { ${fields} }`)
  }
  return lines.join('\n')
}

function show (value) {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)
}

function formatPost (post, indent = '') {
  const kind = post.kind.type === 'original' ? '' : ` (${post.kind.type}${post.kind.parent !== undefined ? ` to #${post.kind.parent}` : post.kind.of !== undefined ? ` of #${post.kind.of}` : ''})`
  const counts = [`${post.replies} replies`, `${post.reposts} reposts`, `${post.quotes} quotes`]
  if (post.reactions) {
    counts.push(...Object.entries(post.reactions).map(([kind, n]) => `${n} ${kind}`))
  }
  const body = post.body ?? (post.content ? `[body unavailable: ${post.bodyError}]` : '[repost]')
  return [
    `${indent}#${post.id}${kind} by ${post.author} at block ${post.createdAt}${post.revision ? `, edited ${post.revision}×` : ''}`,
    ...body.split('\n').map((line) => `${indent}  ${line}`),
    `${indent}  ${post.content ?? ''}  ${counts.join(' · ')}`
  ].join('\n')
}

function formatPosts ({ posts, next, sources, truncated }) {
  const lines = posts.map((post) => formatPost(post))
  if (sources !== undefined) {
    lines.unshift(`feed of ${sources} followed account(s)${truncated ? ' (truncated to the first 1000)' : ''}`)
  }
  if (posts.length === 0) lines.push('(no posts)')
  return [...lines, more(next)].filter(Boolean).join('\n\n')
}

function formatThread ({ post, replies, next }) {
  const lines = [post ? formatPost(post) : '(the post was deleted)']
  lines.push(...replies.map((reply) => formatPost(reply, '    ')))
  return [...lines, more(next)].filter(Boolean).join('\n\n')
}

function formatProfile ({ profile, account }) {
  if (!profile) return `${account} has no profile`
  return [
    `${profile.handle ? `@${profile.handle} ` : ''}${profile.account}`,
    `  document ${profile.metadata} (updated at block ${profile.updatedAt})`,
    ...(profile.document ?? `[document unavailable: ${profile.documentError}]`).split('\n').map((l) => `  ${l}`),
    `  following ${profile.following} · followers ${profile.followers}`
  ].join('\n')
}

function more (next) {
  return next ? `more: --cursor ${next}` : ''
}

function formatKeys ({ account, keys, deposit }) {
  if (keys.length === 0) return `${account} has no keys besides its own`
  return [
    `keys of ${account} (deposit ${deposit}):`,
    ...keys.map(({ key, type, until }) => `  ${type.padEnd(6)} ${key}${until === null ? '' : ` until block ${until}`}`)
  ].join('\n')
}

function formatRecovery ({ account, block, friendGroups, attempts, heir }) {
  const lines = [`recovery of ${account} (block ${block})`]
  if (friendGroups.length === 0) lines.push('  not set up')
  friendGroups.forEach((g, i) => {
    lines.push(`  group ${i}: ${g.threshold} of ${g.friends.length} friends, heir ${g.heir}, delay ${g.delay} blocks`)
    lines.push(...g.friends.map((f) => `    ${f}`))
  })
  for (const a of attempts) {
    lines.push(`  open attempt (group ${a.group}) by ${a.initiator}: ${a.approvals}/${a.threshold} approvals, claimable at block ${a.claimableAt}`)
  }
  if (heir) lines.push(`  recovered: ${heir} acts for it (--as ${account})`)
  return lines.join('\n')
}

function formatSponsorship ({ account, sponsorship, sponsors }) {
  const lines = []
  if (sponsorship) {
    const { sponsor, allowance, feesPaid, depositsHeld, left } = sponsorship
    lines.push(`${account} is sponsored by ${sponsor}`)
    lines.push(`  allowance ${allowance.text}: fees paid ${feesPaid.text}, deposits held ${depositsHeld.text}, left ${left.text}`)
  } else {
    lines.push(`${account} is not sponsored: it pays for itself`)
  }
  if (sponsors.length > 0) lines.push(`${account} sponsors:`, ...sponsors.map((a) => `  ${a}`))
  return lines.join('\n')
}

function formatMessage (message) {
  const written = message.writtenAt ? `, written ${message.writtenAt}` : ''
  const body = message.error ? `[cannot be read: ${message.error}]` : message.text
  return [
    `message ${message.id} from ${message.sender} at block ${message.sentAt}${written}`,
    ...body.split('\n').map((line) => `  ${line}`)
  ].join('\n')
}

function formatMessages ({ messages, next }) {
  if (messages.length === 0) return '(no messages)'
  return [...messages.map(formatMessage), more(next)].filter(Boolean).join('\n\n')
}

function formatMailbox (mailbox) {
  return [
    `mailbox of ${mailbox.account}${mailbox.note ? ` (${mailbox.note})` : ''}`,
    `  key ${mailbox.keyId}: ${mailbox.key} (published at block ${mailbox.publishedAt})`,
    `  accepts messages from: ${mailbox.policy}`
  ].join('\n')
}

// What the indexer answers (lib/indexer.mjs).

function formatIndexed (post) {
  const kind = post.kind === 'original' ? '' : ` (${post.kind}${post.parent !== null ? ` of #${post.parent}` : ''})`
  const body = post.body ?? (post.bodyState === 'skipped' ? `[body skipped: ${post.skipReason}]` : post.bodyState === 'none' ? '[repost]' : '[body not fetched yet]')
  return [
    `#${post.id}${kind} by ${post.author} at block ${post.block}${post.revision ? `, edited ${post.revision}×` : ''}`,
    ...body.split('\n').map((line) => `  ${line}`)
  ].join('\n')
}

function formatFound ({ tag, results, next }) {
  const lines = results.map(formatIndexed)
  if (results.length === 0) lines.push(tag ? `(no posts with #${tag})` : '(nothing found)')
  return [...lines, more(next)].filter(Boolean).join('\n\n')
}

function formatPeople ({ people, next }) {
  const lines = people.map((p) => `${p.handle ? `@${p.handle} ` : ''}${p.account}${p.name ? `  ${p.name}` : ''}${p.bio ? `\n  ${p.bio}` : ''}`)
  if (people.length === 0) lines.push('(nobody found)')
  return [...lines, more(next)].filter(Boolean).join('\n')
}

const DOING = {
  reply: 'replied to', quote: 'quoted', repost: 'reposted', reaction: 'reacted to', mention: 'mentioned you in', follow: 'followed you', message: 'sent you a message'
}

function formatNotifications ({ account, unread, notifications, next }) {
  const lines = [`${unread} unread for ${account}`]
  for (const n of notifications) {
    const what = n.kind === 'reaction'
      ? `reacted ${n.reaction} to #${n.subject}`
      : n.kind === 'follow' || n.kind === 'message'
        ? DOING[n.kind]
        : n.kind === 'mention'
          ? `${DOING.mention} #${n.post?.id}`
          : `${DOING[n.kind]} #${n.subject}${n.post ? ` with #${n.post.id}` : ''}`
    lines.push(`${n.read ? ' ' : '•'} ${String(n.id).padStart(6)}  block ${n.block}  ${n.actor} ${what}`)
  }
  if (notifications.length === 0) lines.push('(no notifications)')
  return [...lines, more(next)].filter(Boolean).join('\n')
}

function formatTrending ({ window, block, trending }) {
  if (trending.length === 0) return `no hashtags in the last ${window} (to block ${block})`
  return [`hashtags in the last ${window} (to block ${block})`, ...trending.map((t) => `  #${t.tag}  ${t.posts} posts by ${t.authors} accounts`)].join('\n')
}
