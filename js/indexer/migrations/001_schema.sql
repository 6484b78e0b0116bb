-- The indexer's schema: what finalized blocks said (posts and their versions, deletions,
-- reposts, reactions, follows, profiles and handles, message notices), what IPFS bodies say
-- (text, hashtags, mentions), and per-account notifications with a read marker.
--
-- Accounts are SS58 text, CIDs canonical text (as the node's RPC prints them), post ids the
-- chain's. Every row that comes from the chain carries the block that made it so.

-- How far the indexer got, written in the same transaction as the data of the blocks it names:
-- a restart resumes after `height` with nothing lost and nothing twice.
CREATE TABLE indexer_head (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    height integer NOT NULL,
    hash text NOT NULL,
    -- The chain's genesis hash: a database never mixes two chains.
    genesis text,
    -- The timestamp of block `height`: the chain's "now", which trending windows count back from.
    block_time timestamptz
);
INSERT INTO indexer_head (height, hash) VALUES (-1, '0x');

-- Bodies and profile documents by CID, fetched from IPFS after the block that named them. Several
-- posts may share one CID: the text is fetched and indexed once.
CREATE TABLE content (
    cid text PRIMARY KEY,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'indexed', 'skipped')),
    body text,
    bytes integer,
    skip_reason text,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt timestamptz NOT NULL DEFAULT now(),
    last_error text,
    first_block integer NOT NULL,
    indexed_at timestamptz,
    -- 'simple': no language's stemming or stop words, so every language is searched alike.
    search tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(body, ''))) STORED
);
CREATE INDEX content_search ON content USING gin (search);
CREATE INDEX content_due ON content (next_attempt) WHERE state = 'pending';

-- Hashtags of each body (lower case, NFC), so every post with that body carries them.
CREATE TABLE content_tags (
    tag text NOT NULL,
    cid text NOT NULL REFERENCES content (cid),
    PRIMARY KEY (tag, cid)
);
CREATE INDEX content_tags_cid ON content_tags (cid);

-- Posts of every kind. A deleted post keeps its row (the deletion is recorded) but no query of
-- the API returns it.
CREATE TABLE posts (
    id bigint PRIMARY KEY,
    author text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('original', 'reply', 'quote', 'repost')),
    -- A reply's parent; the post a quote quotes or a repost reposts.
    parent bigint,
    -- A reply's thread root.
    root bigint,
    -- The current body's CID (none for a repost).
    content text REFERENCES content (cid),
    revision integer NOT NULL DEFAULT 0,
    created_block integer NOT NULL,
    created_at timestamptz,
    -- The block of the current version: the creation or the last edit.
    block integer NOT NULL,
    block_time timestamptz,
    deleted_block integer
);
CREATE INDEX posts_content ON posts (content) WHERE deleted_block IS NULL;
CREATE INDEX posts_author ON posts (author, id DESC);
CREATE INDEX posts_block_time ON posts (block_time) WHERE deleted_block IS NULL;

-- Every version of every post: revision 0 at creation, one more per edit.
CREATE TABLE post_versions (
    post_id bigint NOT NULL REFERENCES posts (id),
    revision integer NOT NULL,
    content text NOT NULL REFERENCES content (cid),
    block integer NOT NULL,
    PRIMARY KEY (post_id, revision)
);

-- Who held which handle when, so a mention resolves to the account that held the handle at the
-- block of the post's version, whenever its body arrives.
CREATE TABLE handle_history (
    handle text NOT NULL,
    account text NOT NULL,
    from_block integer NOT NULL,
    -- The block that released it (held up to the block before), NULL while held.
    to_block integer,
    PRIMARY KEY (handle, from_block, account)
);
CREATE UNIQUE INDEX handle_history_current ON handle_history (handle) WHERE to_block IS NULL;

CREATE TABLE profiles (
    account text PRIMARY KEY,
    metadata text NOT NULL REFERENCES content (cid),
    handle text UNIQUE,
    -- From the profile document (JSON on IPFS) once fetched.
    name text,
    bio text,
    document_error text,
    block integer NOT NULL,
    search tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', coalesce(handle, '') || ' ' || coalesce(name, '') || ' ' || coalesce(bio, ''))
    ) STORED
);
CREATE INDEX profiles_search ON profiles USING gin (search);
CREATE INDEX profiles_metadata ON profiles (metadata);

-- Accounts a post's current version mentions, resolved as of that version's block.
CREATE TABLE mentions (
    post_id bigint NOT NULL REFERENCES posts (id),
    account text NOT NULL,
    handle text NOT NULL,
    block integer NOT NULL,
    PRIMARY KEY (post_id, account)
);
CREATE INDEX mentions_account ON mentions (account, post_id DESC);

CREATE TABLE reactions (
    post_id bigint NOT NULL,
    account text NOT NULL,
    kind text NOT NULL,
    block integer NOT NULL,
    PRIMARY KEY (post_id, account)
);

CREATE TABLE follows (
    follower text NOT NULL,
    followee text NOT NULL,
    block integer NOT NULL,
    PRIMARY KEY (follower, followee)
);
CREATE INDEX follows_followee ON follows (followee);

-- What happened to an account, newest id last. Ids are handed out under one lock (see
-- src/db/locks.js), so they commit in order and a read marker never skips one.
CREATE TABLE notifications (
    id bigserial PRIMARY KEY,
    account text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('reply', 'mention', 'quote', 'repost', 'reaction', 'follow', 'message')),
    actor text NOT NULL,
    -- The actor's post: the reply, quote, repost or post that mentions.
    post_id bigint,
    -- The account's post acted on: replied to, quoted, reposted or reacted to.
    subject_id bigint,
    reaction text,
    message_id bigint,
    block integer NOT NULL
);
CREATE INDEX notifications_account ON notifications (account, id DESC);
CREATE INDEX notifications_post ON notifications (post_id) WHERE post_id IS NOT NULL;
CREATE INDEX notifications_subject ON notifications (subject_id) WHERE subject_id IS NOT NULL;
CREATE UNIQUE INDEX notifications_one_mention ON notifications (account, post_id) WHERE kind = 'mention';

-- How far each account has read its notifications, moved only by a signed request whose
-- timestamp is newer than the last one accepted.
CREATE TABLE read_markers (
    account text PRIMARY KEY,
    up_to bigint NOT NULL,
    signed_at bigint NOT NULL
);
