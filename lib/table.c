/*
 * Route table: a path-compressed binary trie (see table.h for the API).
 *
 * Shape. Every node holds a masked key of `prefixlen` bits. A node's
 * children extend its key by at least one bit; child[b] holds the keys
 * whose bit number `prefixlen` is b. A node exists only if it carries a
 * route (flag USER: handed out by route_node_get) or if it joins two
 * branches (glue: no flag, no info, always exactly two children). So the
 * trie of n routes has fewer than 2n nodes and depth at most maxlen + 1.
 *
 * Order. A preorder walk (node, child[0], child[1]) visits prefixes in
 * (address, length) order. seek() finds the first node with info at or
 * after any prefix in that order by one descent plus a short depth-first
 * scan, so "next" needs neither parent links nor a held node.
 *
 * Storage. Nodes are fixed-size slots (24 bytes for IPv4, 40 for IPv6) in
 * chunks of CHUNK_NODES, addressed by a 32-bit slot number (0 = none).
 * Chunks never move, so node pointers stay valid; freed slots go on a free
 * list threaded through child[0]; when the last node goes, so do the
 * chunks. All of it is counted under MTYPE "Route node".
 *
 * Stride. Below the root, a random table's first levels are glue spread
 * over all of memory, each a cache miss. So the trie is cut at a stride
 * of K bits: prefixes of K bits or more live in 2^K subtries, found by
 * indexing an array with the key's first K bits; the shorter ones in one
 * small upper trie. Lookups take the subtrie first and fall back to the
 * upper trie only for a longest match shorter than K. K follows the size
 * of the table (0, 4, ... 20; the array stays under 8 bytes per route):
 * when the table outgrows it, resplit() unlinks every route node and links
 * it again under the new cut; slots do not move, so pointers stay valid.
 *
 * Deletion during a walk. The table remembers the node most recently
 * returned by route_top/route_next/route_subtree_* (the cursor). Deleting
 * the cursor clears it and marks it DEFERRED; it is unlinked when the
 * cursor moves on (or revived if route_node_get asks for it first).
 */
#include <stddef.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#include "log.h"
#include "memory.h"
#include "table.h"

DEFINE_MTYPE_STATIC(ROUTE_TABLE, "Route table");
DEFINE_MTYPE_STATIC(ROUTE_NODE, "Route node");

#define CHUNK_SHIFT 11
#define CHUNK_NODES (1u << CHUNK_SHIFT)
#define CHUNK_MASK (CHUNK_NODES - 1)
#define MAX_SLOTS 0xffffff00u

/* node flags */
#define RN_USER 0x01	 /* handed out by route_node_get, not deleted */
#define RN_DEFERRED 0x02 /* deleted while the cursor; unlink later */
#define RN_V6 0x04	 /* key is 16 bytes */
#define RN_FREE 0x08	 /* slot on the free list */

#define MAX_STRIDE 20
#define STRIDE_STEP 4

/* Deepest possible descent (/0 .. /128) and DFS stack for seek(). */
#define MAX_DEPTH 130
#define SEEK_STACK (2 * MAX_DEPTH + 4)

struct route_table {
	int family;
	unsigned keybytes;
	unsigned maxlen;
	size_t node_size;
	uint32_t root;		/* upper trie: prefixes shorter than stride */
	unsigned stride;	/* K */
	uint32_t *sub;		/* 2^K subtrie roots (&sub0 when K = 0) */
	uint32_t sub0;
	uint8_t **chunks;
	size_t nchunks;
	size_t chunks_cap;
	uint32_t next_unused;	/* first never-used slot */
	uint32_t free_list;
	size_t live_nodes;	/* allocated slots */
	size_t count;		/* RN_USER nodes */
	struct route_node *cursor;
};

/* ---- slots ----------------------------------------------------------- */

static inline struct route_node *N(const struct route_table *t, uint32_t s)
{
	return (struct route_node *)(t->chunks[s >> CHUNK_SHIFT] +
				     (size_t)(s & CHUNK_MASK) * t->node_size);
}

static void add_chunk(struct route_table *t)
{
	if (t->nchunks == t->chunks_cap) {
		t->chunks_cap = t->chunks_cap ? t->chunks_cap * 2 : 16;
		t->chunks = XREALLOC(ROUTE_NODE, t->chunks, t->chunks_cap * sizeof(*t->chunks));
	}
	t->chunks[t->nchunks++] = XMALLOC(ROUTE_NODE, CHUNK_NODES * t->node_size);
}

static uint32_t node_alloc(struct route_table *t, const uint8_t *key, unsigned len)
{
	struct route_node *n;
	uint32_t s;

	if (t->free_list) {
		s = t->free_list;
		UNPOISON(N(t, s), t->node_size);
		t->free_list = N(t, s)->child[0];
	} else {
		if (t->next_unused >= MAX_SLOTS)
			zlog_fatal("route table: more than %u nodes", MAX_SLOTS);
		s = t->next_unused++;
		if ((s >> CHUNK_SHIFT) >= t->nchunks)
			add_chunk(t);
	}
	n = N(t, s);
	memset(n, 0, t->node_size);
	n->prefixlen = (uint8_t)len;
	n->flags = t->family == AF_INET6 ? RN_V6 : 0;
	memcpy(n->key, key, t->keybytes);
	t->live_nodes++;
	return s;
}

static void release_chunks(struct route_table *t)
{
	for (size_t i = 0; i < t->nchunks; i++) {
		UNPOISON(t->chunks[i], CHUNK_NODES * t->node_size);
		XFREE(ROUTE_NODE, t->chunks[i]);
	}
	if (t->chunks)
		XFREE(ROUTE_NODE, t->chunks);
	t->nchunks = t->chunks_cap = 0;
	t->next_unused = 1;
	t->free_list = 0;
	if (t->stride)
		XFREE(ROUTE_TABLE, t->sub);
	t->stride = 0;
	t->sub0 = 0;
	t->sub = &t->sub0;
}

static void node_free(struct route_table *t, uint32_t s)
{
	struct route_node *n = N(t, s);

	n->info = NULL;
	n->flags = RN_FREE;
	n->child[0] = t->free_list;
	n->child[1] = 0;
	t->free_list = s;
	/* a stale pointer to a deleted node trips ASan */
	POISON(n, t->node_size);
	if (--t->live_nodes == 0)
		release_chunks(t);
}

/* ---- keys ------------------------------------------------------------ */

static inline unsigned key_bit(const uint8_t *key, unsigned i)
{
	return (key[i >> 3] >> (7 - (i & 7))) & 1;
}

/* Keys are compared a 32-bit big-endian word at a time (4 or 16 bytes). */
static inline uint32_t load32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return __builtin_bswap32(v);
}

/* Number of leading bits a and b share, at most maxbits. */
static inline unsigned common_bits(const uint8_t *a, const uint8_t *b, unsigned maxbits)
{
	for (unsigned w = 0; w * 32 < maxbits; w++) {
		uint32_t x = load32(a + 4 * w) ^ load32(b + 4 * w);

		if (x) {
			unsigned d = w * 32 + (unsigned)__builtin_clz(x);

			return d < maxbits ? d : maxbits;
		}
	}
	return maxbits;
}

/* Are the first len bits of a and b equal? */
static inline bool bits_equal(const uint8_t *a, const uint8_t *b, unsigned len)
{
	unsigned w = 0;

	for (; len >= 32; len -= 32, w++)
		if (load32(a + 4 * w) != load32(b + 4 * w))
			return false;
	return !len || ((load32(a + 4 * w) ^ load32(b + 4 * w)) >> (32 - len)) == 0;
}

static void mask_key(uint8_t *key, unsigned len, unsigned keybytes)
{
	unsigned i = len / 8;

	if (len % 8)
		key[i++] &= (uint8_t)(0xff << (8 - len % 8));
	for (; i < keybytes; i++)
		key[i] = 0;
}

/* Does node n's prefix contain (key, len)? */
static inline bool node_contains(const struct route_node *n, const uint8_t *key, unsigned len)
{
	return n->prefixlen <= len && bits_equal(n->key, key, n->prefixlen);
}

/* (address, length) order of node n against (key, len). */
static int node_cmp(const struct route_table *t, const struct route_node *n,
		    const uint8_t *key, unsigned len)
{
	int c = memcmp(n->key, key, t->keybytes);

	if (c)
		return c;
	return (int)n->prefixlen - (int)len;
}

/* Masked key of p; false if p does not belong in this table. */
static bool prefix_key(const struct route_table *t, const struct prefix *p, uint8_t *key)
{
	if (!p || p->family != t->family || p->prefixlen > t->maxlen)
		return false;
	memcpy(key, p->u.bytes, t->keybytes);
	mask_key(key, p->prefixlen, t->keybytes);
	return true;
}

static inline uint32_t bucket(const struct route_table *t, const uint8_t *key)
{
	return t->stride ? load32(key) >> (32 - t->stride) : 0;
}

/* Where the descent for (key, len) starts. */
static inline uint32_t *root_link(struct route_table *t, const uint8_t *key, unsigned len)
{
	return len < t->stride ? &t->root : &t->sub[bucket(t, key)];
}

/* ---- table ----------------------------------------------------------- */

struct route_table *route_table_new(int family)
{
	struct route_table *t;

	if (family != AF_INET && family != AF_INET6)
		return NULL;
	t = XCALLOC(ROUTE_TABLE, sizeof(*t));
	t->family = family;
	t->keybytes = family == AF_INET ? 4 : 16;
	t->maxlen = t->keybytes * 8;
	t->node_size = (offsetof(struct route_node, key) + t->keybytes + 7) & ~(size_t)7;
	t->next_unused = 1;
	t->sub = &t->sub0;
	return t;
}

void route_table_free(struct route_table *t, void (*del)(void *info))
{
	if (!t)
		return;
	for (uint32_t s = 1; s < t->next_unused; s++) {
		struct route_node *n = N(t, s);

		UNPOISON(n, t->node_size);
		if (!(n->flags & RN_FREE) && n->info && del)
			del(n->info);
	}
	release_chunks(t);
	XFREE(ROUTE_TABLE, t);
}

int route_table_family(const struct route_table *t)
{
	return t->family;
}

size_t route_table_count(const struct route_table *t)
{
	return t->count;
}

struct prefix *route_node_prefix(const struct route_node *rn, struct prefix *out)
{
	memset(out, 0, sizeof(*out));
	if (rn->flags & RN_V6) {
		out->family = AF_INET6;
		memcpy(out->u.bytes, rn->key, 16);
	} else {
		out->family = AF_INET;
		memcpy(out->u.bytes, rn->key, 4);
	}
	out->prefixlen = rn->prefixlen;
	return out;
}

/* ---- get / lookup / match ------------------------------------------- */

static struct route_node *claim(struct route_table *t, struct route_node *n)
{
	if (!(n->flags & RN_USER)) {
		n->flags |= RN_USER;
		n->flags &= (uint8_t)~RN_DEFERRED;
		t->count++;
	}
	return n;
}

/*
 * Link (key, len) where the descent stopped at *link: slot s if given (a
 * node being re-linked by resplit), else a new node. Returns the slot.
 */
static uint32_t insert_at(struct route_table *t, uint32_t *link, const uint8_t *key,
			  unsigned len, uint32_t s)
{
	struct route_node *old, *glue;
	uint8_t gkey[16];
	uint32_t gs;
	unsigned d;

	if (!*link) {
		if (!s)
			s = node_alloc(t, key, len);
		*link = s;
		return s;
	}
	old = N(t, *link);
	d = common_bits(old->key, key, len < old->prefixlen ? len : old->prefixlen);
	if (d == len) {
		/* the new prefix sits above the old subtree */
		if (!s)
			s = node_alloc(t, key, len);
		N(t, s)->child[key_bit(old->key, len)] = *link;
		*link = s;
		return s;
	}
	/* the two diverge at bit d: join them under glue */
	memcpy(gkey, key, t->keybytes);
	mask_key(gkey, d, t->keybytes);
	gs = node_alloc(t, gkey, d);
	if (!s)
		s = node_alloc(t, key, len);
	glue = N(t, gs);
	glue->child[key_bit(key, d)] = s;
	glue->child[key_bit(old->key, d)] = *link;
	*link = gs;
	return s;
}

/* Descend to where (key, len) is or belongs; *found set if it is there. */
static uint32_t *descend(struct route_table *t, const uint8_t *key, unsigned len,
			 struct route_node **found)
{
	uint32_t *link = root_link(t, key, len);

	*found = NULL;
	while (*link) {
		struct route_node *n = N(t, *link);

		if (!node_contains(n, key, len))
			break;
		if (n->prefixlen == len) {
			*found = n;
			break;
		}
		link = &n->child[key_bit(key, n->prefixlen)];
	}
	return link;
}

static void resplit(struct route_table *t, unsigned stride);

struct route_node *route_node_get(struct route_table *t, const struct prefix *p)
{
	struct route_node *n;
	uint8_t key[16];
	uint32_t *link;

	if (!prefix_key(t, p, key))
		return NULL;
	link = descend(t, key, p->prefixlen, &n);
	if (!n)
		n = N(t, insert_at(t, link, key, p->prefixlen, 0));
	claim(t, n);
	if (t->stride < MAX_STRIDE && t->count > ((size_t)8 << t->stride))
		resplit(t, t->stride + STRIDE_STEP);
	return n;
}

struct route_node *route_node_lookup(struct route_table *t, const struct prefix *p)
{
	uint8_t key[16];
	uint32_t s;
	unsigned len;

	if (!prefix_key(t, p, key))
		return NULL;
	len = p->prefixlen;
	for (s = *root_link(t, key, len); s;) {
		struct route_node *n = N(t, s);

		if (!node_contains(n, key, len))
			return NULL;
		if (n->prefixlen == len)
			return n->info ? n : NULL;
		s = n->child[key_bit(key, n->prefixlen)];
	}
	return NULL;
}

static struct route_node *match_from(struct route_table *t, uint32_t s,
				     const uint8_t *key, unsigned len)
{
	struct route_node *best = NULL;

	while (s) {
		struct route_node *n = N(t, s);

		if (!node_contains(n, key, len))
			break;
		if (n->info)
			best = n;
		if (n->prefixlen == len)
			break;
		s = n->child[key_bit(key, n->prefixlen)];
	}
	return best;
}

/* The subtrie holds every match of K bits or more; else the upper trie. */
static struct route_node *match_key(struct route_table *t, const uint8_t *key, unsigned len)
{
	struct route_node *best = NULL;

	if (len >= t->stride)
		best = match_from(t, t->sub[bucket(t, key)], key, len);
	if (!best && t->root)
		best = match_from(t, t->root, key, len);
	return best;
}

struct route_node *route_node_match(struct route_table *t, const struct prefix *p)
{
	uint8_t key[16];

	if (!prefix_key(t, p, key))
		return NULL;
	return match_key(t, key, p->prefixlen);
}

struct route_node *route_node_match_ipv4(struct route_table *t, struct in_addr a)
{
	if (t->family != AF_INET)
		return NULL;
	return match_key(t, (const uint8_t *)&a.s_addr, 32);
}

struct route_node *route_node_match_ipv6(struct route_table *t, const struct in6_addr *a)
{
	if (t->family != AF_INET6)
		return NULL;
	return match_key(t, a->s6_addr, 128);
}

/* ---- delete ---------------------------------------------------------- */

/*
 * Unlink rn (no info, not USER) if the trie no longer needs it: a node with
 * two children stays as glue; with one it is replaced by that child; a
 * leaf goes, and a glue parent left with one branch goes with it.
 */
static void unlink_node(struct route_table *t, struct route_node *rn)
{
	uint8_t key[16];
	uint32_t *link, *plink = NULL;
	struct route_node *parent = NULL, *n;
	unsigned len = rn->prefixlen;
	uint32_t s;

	memcpy(key, rn->key, t->keybytes);
	link = root_link(t, key, len);
	for (;;) {
		if (!*link)
			return; /* not in this table */
		n = N(t, *link);
		if (n == rn)
			break;
		if (n->prefixlen >= len || !node_contains(n, key, len))
			return;
		plink = link;
		parent = n;
		link = &n->child[key_bit(key, n->prefixlen)];
	}
	if (rn->child[0] && rn->child[1])
		return;
	s = *link;
	if (rn->child[0] || rn->child[1]) {
		*link = rn->child[0] ? rn->child[0] : rn->child[1];
		node_free(t, s);
		return;
	}
	*link = 0;
	if (parent && !parent->info && !(parent->flags & (RN_USER | RN_DEFERRED))) {
		uint32_t ps = *plink;

		*plink = parent->child[0] ? parent->child[0] : parent->child[1];
		node_free(t, ps);
	}
	node_free(t, s);
}

void route_node_delete(struct route_table *t, struct route_node *rn)
{
	if (!rn)
		return;
	if (rn->flags & RN_USER)
		t->count--;
	rn->info = NULL;
	rn->flags &= (uint8_t)~RN_USER;
	if (rn == t->cursor) {
		rn->flags |= RN_DEFERRED;
		return;
	}
	unlink_node(t, rn);
	if (t->stride && t->count < ((size_t)1 << t->stride) / 16)
		resplit(t, t->stride - STRIDE_STEP);
}

/* Move the cursor; a deferred deletion of the old one happens now. */
static struct route_node *set_cursor(struct route_table *t, struct route_node *n)
{
	struct route_node *old = t->cursor;

	t->cursor = n;
	if (old && old != n && (old->flags & RN_DEFERRED)) {
		old->flags &= (uint8_t)~RN_DEFERRED;
		if (!old->info && !(old->flags & RN_USER))
			unlink_node(t, old);
	}
	return n;
}

/* ---- ordered walks --------------------------------------------------- */

/* Depth-first scan of the subtrees on the stack for a node with info. */
static struct route_node *scan(struct route_table *t, uint32_t *stack, unsigned sp)
{
	while (sp) {
		struct route_node *n = N(t, stack[--sp]);

		if (n->info)
			return n;
		if (n->child[1])
			stack[sp++] = n->child[1];
		if (n->child[0])
			stack[sp++] = n->child[0];
	}
	return NULL;
}

/*
 * First node with info at (inclusive) or after (key, len) in preorder,
 * within the trie rooted at slot s. The descent towards the target stacks
 * the right-hand subtrees that lie wholly after it; scan() takes it from
 * there.
 */
static struct route_node *seek_from(struct route_table *t, uint32_t s, const uint8_t *key,
				    unsigned len, bool inclusive)
{
	uint32_t stack[SEEK_STACK];
	unsigned sp = 0;

	while (s) {
		struct route_node *n = N(t, s);
		int c = node_cmp(t, n, key, len);

		if (c > 0 || (c == 0 && inclusive)) {
			stack[sp++] = s;
			break;
		}
		if (c == 0) {
			if (n->child[1])
				stack[sp++] = n->child[1];
			if (n->child[0])
				stack[sp++] = n->child[0];
			break;
		}
		if (!node_contains(n, key, len))
			break;	/* whole subtree lies before the target */
		if (key_bit(key, n->prefixlen) == 0) {
			if (n->child[1])
				stack[sp++] = n->child[1];
			s = n->child[0];
		} else {
			s = n->child[1];
		}
	}
	return scan(t, stack, sp);
}

/*
 * Over the whole table: the earlier of the upper trie's answer and the
 * subtries' (the target's own bucket, then the following ones in order).
 */
static struct route_node *seek(struct route_table *t, const uint8_t *key, unsigned len,
			       bool inclusive)
{
	struct route_node *up = NULL, *low;
	size_t b = bucket(t, key), nsub = (size_t)1 << t->stride;

	if (t->root)
		up = seek_from(t, t->root, key, len, inclusive);
	low = seek_from(t, t->sub[b], key, len, inclusive);
	for (b++; !low && b < nsub; b++) {
		if (t->sub[b]) {
			uint32_t stack[SEEK_STACK];

			stack[0] = t->sub[b];
			low = scan(t, stack, 1);
		}
	}
	if (up && low)
		return node_cmp(t, up, low->key, low->prefixlen) < 0 ? up : low;
	return up ? up : low;
}

struct route_node *route_top(struct route_table *t)
{
	static const uint8_t zero[16];

	return set_cursor(t, seek(t, zero, 0, true));
}

struct route_node *route_next(struct route_table *t, struct route_node *rn)
{
	uint8_t key[16];

	memcpy(key, rn->key, t->keybytes);
	return set_cursor(t, seek(t, key, rn->prefixlen, false));
}

/* Is n's prefix inside limit (given as a masked key and length)? */
static bool inside(const struct route_node *n, const uint8_t *lkey, unsigned llen)
{
	return n->prefixlen >= llen && bits_equal(lkey, n->key, llen);
}

struct route_node *route_subtree_top(struct route_table *t, const struct prefix *limit)
{
	uint8_t lkey[16];
	struct route_node *n;

	if (!prefix_key(t, limit, lkey))
		return set_cursor(t, NULL);
	n = seek(t, lkey, limit->prefixlen, true);
	if (n && !inside(n, lkey, limit->prefixlen))
		n = NULL;
	return set_cursor(t, n);
}

struct route_node *route_subtree_next(struct route_table *t, struct route_node *rn,
				      const struct prefix *limit)
{
	uint8_t key[16], lkey[16];
	struct route_node *n;

	if (!prefix_key(t, limit, lkey))
		return set_cursor(t, NULL);
	memcpy(key, rn->key, t->keybytes);
	n = seek(t, key, rn->prefixlen, false);
	if (n && !inside(n, lkey, limit->prefixlen))
		n = NULL;
	return set_cursor(t, n);
}

/* ---- iterator that holds no node ----------------------------------- */

void route_iter_init(struct route_iter *it, struct route_table *t, const struct prefix *limit)
{
	memset(it, 0, sizeof(*it));
	it->t = t;
	if (limit) {
		it->limit = *limit;
		apply_mask(&it->limit);
		it->has_limit = true;
		if (limit->family != t->family || limit->prefixlen > t->maxlen)
			it->done = true;
	}
}

struct route_node *route_iter_next(struct route_iter *it)
{
	struct route_table *t = it->t;
	static const uint8_t zero[16];
	struct route_node *n;

	if (it->done)
		return NULL;
	if (it->started)
		n = seek(t, it->last.u.bytes, it->last.prefixlen, false);
	else if (it->has_limit)
		n = seek(t, it->limit.u.bytes, it->limit.prefixlen, true);
	else
		n = seek(t, zero, 0, true);
	if (n && it->has_limit && !inside(n, it->limit.u.bytes, it->limit.prefixlen))
		n = NULL;
	if (!n) {
		it->done = true;
		return NULL;
	}
	route_node_prefix(n, &it->last);
	it->started = true;
	return n;
}

/* ---- stride change --------------------------------------------------- */

/* Push the children of slot s, then sort s into keep (front) or glue (back). */
static void collect(struct route_table *t, uint32_t root, uint32_t *keep, size_t *nkeep,
		    size_t *nglue)
{
	uint32_t stack[SEEK_STACK];
	unsigned sp = 0;

	if (root)
		stack[sp++] = root;
	while (sp) {
		uint32_t s = stack[--sp];
		struct route_node *n = N(t, s);

		if (n->child[1])
			stack[sp++] = n->child[1];
		if (n->child[0])
			stack[sp++] = n->child[0];
		if (n->info || (n->flags & (RN_USER | RN_DEFERRED)))
			keep[(*nkeep)++] = s;
		else
			keep[t->live_nodes - ++(*nglue)] = s;
	}
}

/*
 * Re-cut the trie at a new stride: take every route node out (in prefix
 * order, which keeps the re-linking cache-friendly), drop the glue, and
 * link them again. Node slots, and so the callers' pointers, stay put.
 */
static void resplit(struct route_table *t, unsigned stride)
{
	size_t live = t->live_nodes, nkeep = 0, nglue = 0, nsub = (size_t)1 << t->stride;
	uint32_t *keep = XMALLOC(ROUTE_TABLE, (live ? live : 1) * sizeof(uint32_t));

	collect(t, t->root, keep, &nkeep, &nglue);
	for (size_t b = 0; b < nsub; b++)
		collect(t, t->sub[b], keep, &nkeep, &nglue);
	for (size_t i = 0; i < nglue; i++)
		node_free(t, keep[live - 1 - i]);

	t->root = 0;
	if (t->stride)
		XFREE(ROUTE_TABLE, t->sub);
	t->stride = stride;
	t->sub0 = 0;
	t->sub = stride ? XCALLOC(ROUTE_TABLE, ((size_t)1 << stride) * sizeof(uint32_t))
			: &t->sub0;

	for (size_t i = 0; i < nkeep; i++) {
		struct route_node *n = N(t, keep[i]), *found;
		uint8_t key[16];
		uint32_t *link;

		n->child[0] = n->child[1] = 0;
		memcpy(key, n->key, t->keybytes);
		link = descend(t, key, n->prefixlen, &found);
		if (!found)
			insert_at(t, link, key, n->prefixlen, keep[i]);
	}
	XFREE(ROUTE_TABLE, keep);
}
