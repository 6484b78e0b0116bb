// Advisory locks that order writers. Notification ids come from one sequence; two transactions
// that both create notifications (the follower and the body worker) could otherwise commit in
// the opposite order of their ids, and a reader who marked "read up to 11" before 10 committed
// would never see 10 as unread. Each such transaction takes this lock first, so ids commit in
// order.

const NOTIFICATIONS = 0x61676f72 // "agor"

/** Takes the notifications lock for the rest of `client`'s transaction. */
export function lockNotifications (client) {
  return client.query('SELECT pg_advisory_xact_lock($1)', [NOTIFICATIONS])
}
