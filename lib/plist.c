/*
 * Prefix lists: storage, indexing and evaluation (see plist.h).
 *
 * Every entry is in three structures:
 *  - a skiplist ordered by sequence number (the order of show, config
 *    write and first-match), with a back pointer at level 0;
 *  - a trie keyed by the entry's masked prefix; entries at one node are
 *    chained by sequence number. A lookup walks the nodes on the route's
 *    path up to the route's length and, on each chain, stops at the first
 *    entry whose length range accepts the route or whose sequence number
 *    passes the best found so far;
 *  - a hash of the value (prefix as typed, type, ge, le) for Quagga's
 *    duplicate check and for deletion by value.
 */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <arpa/inet.h>
#include <stddef.h>

#include "memory.h"
#include "plist_private.h"

DEFINE_MTYPE_STATIC(PREFIX_LIST, "Prefix List");
DEFINE_MTYPE_STATIC(PREFIX_LIST_ENTRY, "Prefix List Entry");
DEFINE_MTYPE_STATIC(PREFIX_LIST_STR, "Prefix List Str");
DEFINE_MTYPE_STATIC(PREFIX_LIST_HASH, "Prefix List hash");

#define MAX_HOOKS 8
static void (*add_hooks[MAX_HOOKS])(const char *name);
static void (*del_hooks[MAX_HOOKS])(const char *name);

static const char *plist_name_of(const void *item)
{
	return ((const struct prefix_list *)item)->name;
}

static struct plist_master masters[2] = {
	{ .lists = { .name_of = plist_name_of, .numbers_first = true }, .seqnum = true },
	{ .lists = { .name_of = plist_name_of, .numbers_first = true }, .seqnum = true },
};

struct plist_master *plist_master_get(int afi)
{
	if (afi == AFI_IP)
		return &masters[0];
	if (afi == AFI_IP6)
		return &masters[1];
	return NULL;
}

static void hook_add(void (**hooks)(const char *), void (*func)(const char *))
{
	int i;

	for (i = 0; i < MAX_HOOKS; i++) {
		if (hooks[i] == func)
			return;
		if (!hooks[i]) {
			hooks[i] = func;
			return;
		}
	}
}

void prefix_list_add_hook(void (*func)(const char *name))
{
	hook_add(add_hooks, func);
}

void prefix_list_delete_hook(void (*func)(const char *name))
{
	hook_add(del_hooks, func);
}

static void hooks_run(void (**hooks)(const char *), const char *name)
{
	int i;

	for (i = 0; i < MAX_HOOKS && hooks[i]; i++)
		hooks[i](name);
}

const char *plist_type_str(enum prefix_list_type t)
{
	return t == PREFIX_PERMIT ? "permit" : t == PREFIX_DENY ? "deny" : "";
}

/* ---- matching ------------------------------------------------------------ */

bool plist_entry_match(const struct prefix_list_entry *e, const struct prefix *p)
{
	if (!prefix_match(&e->prefix, p))
		return false;
	if (!e->le && !e->ge)
		return e->prefix.prefixlen == p->prefixlen;
	if (e->le && p->prefixlen > e->le)
		return false;
	if (e->ge && p->prefixlen < e->ge)
		return false;
	return true;
}

static struct prefix_list_entry *first_match(const struct prefix_list *pl,
					     const struct prefix *p)
{
	struct prefix_list_entry *best = NULL, *e;
	const struct ptrie_node *n;

	for (n = ptrie_first(&pl->trie, p->u.bytes, p->prefixlen); n;
	     n = ptrie_next(n, p->u.bytes, p->prefixlen)) {
		for (e = n->data; e; e = e->chain) {
			if (best && e->seq >= best->seq)
				break;
			if (plist_entry_match(e, p)) {
				best = e;
				break;
			}
		}
	}
	return best;
}

enum prefix_list_type prefix_list_apply(struct prefix_list *pl,
					const struct prefix *p)
{
	struct prefix_list_entry *e;

	if (!pl || !p)
		return PREFIX_DENY;
	if (!pl->count)
		return PREFIX_PERMIT;
	e = (p->family == (pl->afi == AFI_IP ? AF_INET : AF_INET6))
		    ? first_match(pl, p) : NULL;
	if (!e) {
		pl->misses++;
		return PREFIX_DENY;
	}
	e->hits++;
	pl->hit_total++;
	return e->type;
}

/* ---- counters ------------------------------------------------------------ */

/* Misses plus hits (and ghosts) of e and every later entry. */
static uint64_t examined_from(const struct prefix_list *pl,
			      const struct prefix_list_entry *e)
{
	uint64_t sum = pl->misses;

	if (!pl->hit_total)
		return sum;
	for (; e; e = e->fwd[0])
		sum += e->hits + e->ghost;
	return sum;
}

uint64_t prefix_list_entry_hits(const struct prefix_list_entry *e)
{
	return e->hits - e->hits_cleared;
}

uint64_t prefix_list_entry_refcnt(const struct prefix_list_entry *e)
{
	return examined_from(e->pl, e) - e->ref_base;
}

/* ---- value hash ---------------------------------------------------------- */

static uint32_t entry_hash(const struct plist_spec *s)
{
	const uint8_t *b = s->prefix.u.bytes;
	uint32_t h = 2166136261u;
	size_t i;

	h = (h ^ s->type) * 16777619u;
	h = (h ^ s->ge) * 16777619u;
	h = (h ^ s->le) * 16777619u;
	h = (h ^ s->prefix.prefixlen) * 16777619u;
	for (i = 0; i < 16; i++)
		h = (h ^ b[i]) * 16777619u;
	return h;
}

static bool entry_equal(const struct prefix_list_entry *e,
			const struct plist_spec *s)
{
	return e->type == s->type && e->ge == s->ge && e->le == s->le &&
	       prefix_same(&e->prefix, &s->prefix);
}

/* First entry with this value at sequence `seq` (0 = any). */
static struct prefix_list_entry *hash_find(const struct prefix_list *pl,
					   const struct plist_spec *s,
					   uint32_t h, uint32_t seq)
{
	struct prefix_list_entry *e;

	if (!pl->hsize)
		return NULL;
	for (e = pl->htab[h & (pl->hsize - 1)]; e; e = e->hnext)
		if (e->hash == h && entry_equal(e, s) && (!seq || e->seq == seq))
			return e;
	return NULL;
}

static void hash_insert(struct prefix_list *pl, struct prefix_list_entry *e)
{
	size_t b;

	if (pl->count + 1 > pl->hsize) {
		size_t nsize = pl->hsize ? pl->hsize * 2 : 16, i;
		struct prefix_list_entry **ntab;

		ntab = XCALLOC(PREFIX_LIST_HASH, nsize * sizeof(*ntab));
		for (i = 0; i < pl->hsize; i++) {
			struct prefix_list_entry *x = pl->htab[i], *nx;

			for (; x; x = nx) {
				nx = x->hnext;
				x->hnext = ntab[x->hash & (nsize - 1)];
				ntab[x->hash & (nsize - 1)] = x;
			}
		}
		if (pl->htab)
			XFREE(PREFIX_LIST_HASH, pl->htab);
		pl->htab = ntab;
		pl->hsize = nsize;
	}
	b = e->hash & (pl->hsize - 1);
	e->hnext = pl->htab[b];
	pl->htab[b] = e;
}

static void hash_remove(struct prefix_list *pl, struct prefix_list_entry *e)
{
	struct prefix_list_entry **pp = &pl->htab[e->hash & (pl->hsize - 1)];

	for (; *pp; pp = &(*pp)->hnext) {
		if (*pp == e) {
			*pp = e->hnext;
			return;
		}
	}
}

/* ---- skiplist by seq ----------------------------------------------------- */

/* Slots that point at the first entry with seq >= `seq`, per level, and the
 * level-0 predecessor. */
static void sl_search(struct prefix_list *pl, uint32_t seq,
		      struct prefix_list_entry ***update,
		      struct prefix_list_entry **pred)
{
	struct prefix_list_entry **x = pl->head;
	int i;

	for (i = PLIST_SL_MAX - 1; i >= 0; i--) {
		while (x[i] && x[i]->seq < seq)
			x = x[i]->fwd;
		update[i] = &x[i];
	}
	/* x is the forward array of the last entry before seq (or the head) */
	*pred = x == pl->head ? NULL
		: (struct prefix_list_entry *)((char *)x -
			offsetof(struct prefix_list_entry, fwd));
}

struct prefix_list_entry *prefix_list_entry_by_seq(const struct prefix_list *pl,
						   uint32_t seq)
{
	struct prefix_list_entry *const *x = pl->head;
	int i;

	for (i = PLIST_SL_MAX - 1; i >= 0; i--)
		while (x[i] && x[i]->seq < seq)
			x = x[i]->fwd;
	return x[0] && x[0]->seq == seq ? x[0] : NULL;
}

static unsigned sl_random_level(struct prefix_list *pl)
{
	unsigned level = 1;

	while (level < PLIST_SL_MAX) {
		pl->rng ^= pl->rng << 13;
		pl->rng ^= pl->rng >> 17;
		pl->rng ^= pl->rng << 5;
		if (pl->rng & 3)
			break;
		level++;
	}
	return level;
}

static void sl_insert(struct prefix_list *pl, struct prefix_list_entry *e)
{
	struct prefix_list_entry **update[PLIST_SL_MAX], *pred;
	unsigned i;

	sl_search(pl, e->seq, update, &pred);
	for (i = 0; i < e->level; i++) {
		e->fwd[i] = *update[i];
		*update[i] = e;
	}
	e->prev = pred;
	if (e->fwd[0])
		e->fwd[0]->prev = e;
	else
		pl->tail = e;
}

static void sl_remove(struct prefix_list *pl, struct prefix_list_entry *e)
{
	struct prefix_list_entry **update[PLIST_SL_MAX], *pred;
	unsigned i;

	sl_search(pl, e->seq, update, &pred);
	for (i = 0; i < e->level; i++)
		if (*update[i] == e)
			*update[i] = e->fwd[i];
	if (e->fwd[0])
		e->fwd[0]->prev = e->prev;
	else
		pl->tail = e->prev;
}

/* ---- lists and entries --------------------------------------------------- */

struct prefix_list *prefix_list_lookup(int afi, const char *name)
{
	struct plist_master *m = plist_master_get(afi);

	if (!m || !name)
		return NULL;
	return namevec_find(&m->lists, name);
}

const char *prefix_list_name(const struct prefix_list *pl)
{
	return pl->name;
}

size_t prefix_list_count(const struct prefix_list *pl)
{
	return pl ? pl->count : 0;
}

static struct prefix_list *plist_get(int afi, const char *name)
{
	struct plist_master *m = plist_master_get(afi);
	struct prefix_list *pl = namevec_find(&m->lists, name);

	if (pl)
		return pl;
	pl = XCALLOC(PREFIX_LIST, sizeof(*pl));
	pl->name = XSTRDUP(PREFIX_LIST_STR, name);
	pl->afi = afi;
	pl->rng = 0x9e3779b9u;
	namevec_insert(&m->lists, pl);
	return pl;
}

static void plist_free(struct prefix_list *pl)
{
	struct prefix_list_entry *e, *nx;

	for (e = pl->head[0]; e; e = nx) {
		nx = e->fwd[0];
		XFREE(PREFIX_LIST_ENTRY, e);
	}
	ptrie_clear(&pl->trie);
	if (pl->htab)
		XFREE(PREFIX_LIST_HASH, pl->htab);
	if (pl->desc)
		XFREE(PREFIX_LIST_STR, pl->desc);
	XFREE(PREFIX_LIST_STR, pl->name);
	XFREE(PREFIX_LIST, pl);
}

static void plist_delete(struct prefix_list *pl)
{
	struct plist_master *m = plist_master_get(pl->afi);
	char *name = XSTRDUP(PREFIX_LIST_STR, pl->name);

	if (m->recent == pl)
		m->recent = NULL;
	namevec_remove(&m->lists, pl);
	plist_free(pl);
	hooks_run(del_hooks, name);
	XFREE(PREFIX_LIST_STR, name);
}

static void trie_link(struct prefix_list *pl, struct prefix_list_entry *e)
{
	struct prefix_list_entry **pp;

	e->node = ptrie_get(&pl->trie, e->prefix.u.bytes, e->prefix.prefixlen);
	pp = (struct prefix_list_entry **)&e->node->data;
	while (*pp && (*pp)->seq < e->seq)
		pp = &(*pp)->chain;
	e->chain = *pp;
	*pp = e;
}

static void trie_unlink(struct prefix_list *pl, struct prefix_list_entry *e)
{
	struct prefix_list_entry **pp = (struct prefix_list_entry **)&e->node->data;

	for (; *pp; pp = &(*pp)->chain) {
		if (*pp == e) {
			*pp = e->chain;
			break;
		}
	}
	ptrie_release(&pl->trie, e->node);
	e->node = NULL;
}

/* Unlink and free one entry; does not delete the list or run hooks. */
static void entry_remove(struct prefix_list *pl, struct prefix_list_entry *e)
{
	uint64_t carried = e->hits + e->ghost;

	if (e->prev)
		e->prev->ghost += carried;
	else
		pl->hit_total -= carried;
	trie_unlink(pl, e);
	hash_remove(pl, e);
	sl_remove(pl, e);
	pl->count--;
	if (e->ge || e->le)
		pl->rangecount--;
	XFREE(PREFIX_LIST_ENTRY, e);
}

static void entry_insert(struct prefix_list *pl, const struct plist_spec *s,
			 uint32_t seq, uint32_t h)
{
	unsigned level = sl_random_level(pl);
	struct prefix_list_entry *e;

	e = XCALLOC(PREFIX_LIST_ENTRY, sizeof(*e) + level * sizeof(e->fwd[0]));
	e->pl = pl;
	e->seq = seq;
	e->type = s->type;
	e->ge = s->ge;
	e->le = s->le;
	e->any = s->any;
	e->prefix = s->prefix;
	e->hash = h;
	e->level = (uint8_t)level;
	sl_insert(pl, e);
	hash_insert(pl, e);
	trie_link(pl, e);
	pl->count++;
	if (e->ge || e->le)
		pl->rangecount++;
	e->ref_base = examined_from(pl, e);
}

static int maxlen_of(int afi)
{
	return afi == AFI_IP ? 32 : 128;
}

int plist_spec_parse(struct plist_spec *s, int afi, const char *seq,
		     const char *type, const char *prefix, const char *ge,
		     const char *le, char *err, size_t errlen)
{
	unsigned long v;
	char *end;
	int ret;

	memset(s, 0, sizeof(*s));
	if (seq) {
		errno = 0;
		v = strtoul(seq, &end, 10);
		if (*seq == '-' || *end || errno || v < 1 || v > UINT32_MAX) {
			snprintf(err, errlen, "%% Invalid sequence number %s", seq);
			return -1;
		}
		s->seq = (uint32_t)v;
	}
	if (type && type[0] == 'p') {
		s->type = PREFIX_PERMIT;
	} else if (type && type[0] == 'd') {
		s->type = PREFIX_DENY;
	} else {
		snprintf(err, errlen, "%% prefix type must be permit or deny");
		return -1;
	}
	if (ge)
		s->ge = (uint8_t)atoi(ge);
	if (le)
		s->le = (uint8_t)atoi(le);
	if (ge && (atoi(ge) < 0 || atoi(ge) > maxlen_of(afi)))
		goto bad_range;
	if (le && (atoi(le) < 0 || atoi(le) > maxlen_of(afi)))
		goto bad_range;

	if (prefix && *prefix && strncmp("any", prefix, strlen(prefix)) == 0) {
		ret = prefix_parse(afi == AFI_IP ? "0.0.0.0/0" : "::/0", &s->prefix);
		s->ge = 0;
		s->le = (uint8_t)maxlen_of(afi);
		s->any = true;
	} else if (afi == AFI_IP) {
		ret = prefix_parse_ipv4(prefix, &s->prefix);
	} else {
		ret = prefix_parse_ipv6(prefix, &s->prefix);
	}
	if (ret < 0) {
		snprintf(err, errlen, "%% Malformed IPv%c prefix",
			 afi == AFI_IP ? '4' : '6');
		return -1;
	}
	if (s->ge && s->ge <= s->prefix.prefixlen)
		goto bad_range;
	if (s->le && s->le <= s->prefix.prefixlen && !s->any)
		goto bad_range;
	if (s->le && s->ge > s->le)
		goto bad_range;
	/* "ge N le max" is stored (and written) as "ge N" */
	if (s->ge && s->le == maxlen_of(afi))
		s->le = 0;
	return 0;

bad_range:
	snprintf(err, errlen,
		 "%% Invalid prefix range for %s, make sure: len < ge-value <= le-value",
		 prefix);
	return -1;
}

int prefix_list_entry_set(int afi, const char *name, const struct plist_spec *s,
			  char *err, size_t errlen)
{
	struct plist_master *m = plist_master_get(afi);
	struct prefix_list *pl;
	struct prefix_list_entry *dup, *old;
	uint32_t h = entry_hash(s), seq = s->seq;
	char buf[INET6_ADDRSTRLEN];

	if (!m)
		return -1;
	pl = plist_get(afi, name);
	if (!seq) {
		uint64_t next = pl->tail ? (uint64_t)pl->tail->seq / 5 * 5 + 5 : 5;

		if (next > UINT32_MAX) {
			snprintf(err, errlen, "%% No sequence number left after %u",
				 pl->tail->seq);
			return -1;
		}
		seq = (uint32_t)next;
	}
	dup = hash_find(pl, s, h, 0);
	if (dup && dup->seq != seq) {
		snprintf(err, errlen,
			 "%% Insertion failed - prefix-list entry exists:\n"
			 "   seq %u %s %s/%u", dup->seq, plist_type_str(dup->type),
			 inet_ntop(s->prefix.family, s->prefix.u.bytes, buf,
				   sizeof(buf)),
			 s->prefix.prefixlen);
		return -1;
	}
	if (dup)	/* the same entry again */
		return 0;
	old = prefix_list_entry_by_seq(pl, seq);
	if (old)
		entry_remove(pl, old);
	entry_insert(pl, s, seq, h);
	m->recent = pl;
	hooks_run(add_hooks, pl->name);
	return 0;
}

int prefix_list_entry_unset(int afi, const char *name,
			    const struct plist_spec *s, char *err, size_t errlen)
{
	struct plist_master *m = plist_master_get(afi);
	struct prefix_list *pl = prefix_list_lookup(afi, name);
	struct prefix_list_entry *e;

	if (!pl || !(e = hash_find(pl, s, entry_hash(s), s->seq))) {
		snprintf(err, errlen, "%% Can't find specified prefix-list");
		return -1;
	}
	entry_remove(pl, e);
	if (!pl->count && !pl->desc) {
		plist_delete(pl);
		return 0;
	}
	m->recent = pl;
	hooks_run(del_hooks, pl->name);
	return 0;
}

int prefix_list_delete_name(int afi, const char *name, char *err, size_t errlen)
{
	struct prefix_list *pl = prefix_list_lookup(afi, name);

	if (!pl) {
		snprintf(err, errlen, "%% Can't find specified prefix-list");
		return -1;
	}
	plist_delete(pl);
	return 0;
}

int prefix_list_description_set(int afi, const char *name, const char *desc)
{
	struct prefix_list *pl;

	if (!plist_master_get(afi))
		return -1;
	pl = plist_get(afi, name);
	if (pl->desc)
		XFREE(PREFIX_LIST_STR, pl->desc);
	pl->desc = XSTRDUP(PREFIX_LIST_STR, desc);
	return 0;
}

int prefix_list_description_unset(int afi, const char *name, char *err,
				  size_t errlen)
{
	struct prefix_list *pl = prefix_list_lookup(afi, name);

	if (!pl) {
		snprintf(err, errlen, "%% Can't find specified prefix-list");
		return -1;
	}
	if (pl->desc)
		XFREE(PREFIX_LIST_STR, pl->desc);
	if (!pl->count)
		plist_delete(pl);
	return 0;
}

void prefix_list_seqnum_set(int afi, bool on)
{
	struct plist_master *m = plist_master_get(afi);

	if (m)
		m->seqnum = on;
}

void prefix_list_reset(void)
{
	int i;

	for (i = 0; i < 2; i++) {
		struct namevec *v = &masters[i].lists;
		size_t j;

		for (j = 0; j < v->count; j++)
			plist_free(v->items[j]);
		namevec_free(v);
		masters[i].recent = NULL;
		masters[i].seqnum = true;
	}
}
