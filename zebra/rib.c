/*
 * RIB storage and the change queue.
 *
 * Each family has a chained hash of route nodes keyed by (length, masked
 * address bytes) and a count of nodes per prefix length, so that a longest
 * match probes only the lengths that exist. A node is freed when it has no
 * entries and is not queued. Sources edit entries and queue the node;
 * rib_run_slice() processes queued nodes: drop removed entries, resolve
 * nexthops, select, then tell the FIB and the redistribution hooks.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "event.h"
#include "log.h"
#include "memory.h"
#include "rib.h"
#include "interface.h"

DEFINE_MTYPE_STATIC(RIB, "RIB");
DEFINE_MTYPE_STATIC(RIB_NODE, "RIB node");
DEFINE_MTYPE_STATIC(RIB_ENTRY, "RIB entry");
DEFINE_MTYPE_STATIC(RIB_HASH, "RIB hash");
DEFINE_MTYPE_STATIC(RIB_QUEUE, "RIB queue");

struct rib_table {
	struct rnode **b;
	size_t nb;
	size_t count;
	size_t entries;
	uint32_t len_count[129];
};

struct rib {
	struct rib_table t[2];
	struct event_loop *loop;
	struct zif_db *ifdb;
	struct rib_hooks hooks;
	unsigned multipath;
	/* FIFO of queued nodes */
	struct rnode **q;
	size_t q_head, q_tail, q_cap;
	struct event *t_slice;
	size_t processed;
	size_t dependent;	/* nodes with RN_DEPENDENT */
	bool changed_nondep;	/* a non-dependent selection changed */
	bool requeue_all;	/* re-evaluate everything at the next slice */
};

uint32_t rib_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint32_t)ts.tv_sec;
}

static inline int fam_idx(int family)
{
	return family == AF_INET6 ? 1 : 0;
}
static inline unsigned fam_bytes(int family)
{
	return family == AF_INET6 ? 16 : 4;
}

static uint32_t key_hash(const uint8_t *addr, unsigned nbytes, unsigned plen)
{
	uint32_t h = 0x9e3779b9u ^ plen;

	for (unsigned i = 0; i < nbytes; i++)
		h = (h ^ addr[i]) * 0x01000193u;
	h ^= h >> 15;
	h *= 0x2c1b3c6du;
	h ^= h >> 12;
	return h;
}

static uint32_t rn_hash(const struct rnode *rn)
{
	return key_hash(rn->addr, fam_bytes(rn->family), rn->plen);
}

struct rib *rib_new(struct event_loop *loop, struct zif_db *ifdb)
{
	struct rib *rib = XCALLOC(RIB, sizeof(*rib));

	rib->loop = loop;
	rib->ifdb = ifdb;
	rib->multipath = MULTIPATH_NUM;
	for (int i = 0; i < 2; i++) {
		rib->t[i].nb = 1024;
		rib->t[i].b = XCALLOC(RIB_HASH, rib->t[i].nb * sizeof(void *));
	}
	return rib;
}

static void entry_free(struct rentry *re)
{
	nhg_unref(&re->nhg);
	nhg_unref(&re->rnhg);
	XFREE(RIB_ENTRY, re);
}

void rib_free(struct rib *rib)
{
	if (!rib)
		return;
	event_cancel(&rib->t_slice);
	for (int f = 0; f < 2; f++) {
		struct rib_table *t = &rib->t[f];

		for (size_t i = 0; i < t->nb; i++) {
			struct rnode *rn = t->b[i], *next;

			for (; rn; rn = next) {
				struct rentry *re, *rnext;

				next = rn->hnext;
				for (re = rn->entries; re; re = rnext) {
					rnext = re->next;
					entry_free(re);
				}
				XFREE(RIB_NODE, rn);
			}
		}
		XFREE(RIB_HASH, t->b);
	}
	if (rib->q)
		XFREE(RIB_QUEUE, rib->q);
	XFREE(RIB, rib);
}

void rib_set_hooks(struct rib *rib, const struct rib_hooks *hooks)
{
	rib->hooks = *hooks;
}

void rib_set_multipath(struct rib *rib, unsigned n)
{
	rib->multipath = n < 1 ? 1 : n > MULTIPATH_NUM ? MULTIPATH_NUM : n;
}

unsigned rib_get_multipath(const struct rib *rib)
{
	return rib->multipath;
}

struct zif_db *rib_ifdb(struct rib *rib)
{
	return rib->ifdb;
}

void rnode_prefix(const struct rnode *rn, struct prefix *p)
{
	memset(p, 0, sizeof(*p));
	p->family = rn->family;
	p->prefixlen = rn->plen;
	memcpy(p->u.bytes, rn->addr, fam_bytes(rn->family));
}

static void table_grow(struct rib_table *t)
{
	size_t nsz = t->nb * 2;
	struct rnode **nb = XCALLOC(RIB_HASH, nsz * sizeof(*nb));

	for (size_t i = 0; i < t->nb; i++) {
		struct rnode *rn = t->b[i], *next;

		for (; rn; rn = next) {
			size_t h = rn_hash(rn) & (nsz - 1);

			next = rn->hnext;
			rn->hnext = nb[h];
			nb[h] = rn;
		}
	}
	XFREE(RIB_HASH, t->b);
	t->b = nb;
	t->nb = nsz;
}

static struct rnode *table_find(const struct rib_table *t, int family,
				const uint8_t *addr, unsigned plen)
{
	unsigned n = fam_bytes(family);
	struct rnode *rn = t->b[key_hash(addr, n, plen) & (t->nb - 1)];

	for (; rn; rn = rn->hnext)
		if (rn->plen == plen && memcmp(rn->addr, addr, n) == 0)
			return rn;
	return NULL;
}

/* Masked copy of the prefix bytes; false if the prefix is invalid. */
static bool prefix_key(const struct prefix *p, uint8_t *out)
{
	unsigned n, plen = p->prefixlen;

	if (p->family != AF_INET && p->family != AF_INET6)
		return false;
	n = fam_bytes(p->family);
	if (plen > n * 8)
		return false;
	memcpy(out, p->u.bytes, n);
	for (unsigned i = 0; i < n; i++) {
		if (i * 8 >= plen)
			out[i] = 0;
		else if (i * 8 + 8 > plen)
			out[i] &= (uint8_t)(0xff << (8 - (plen - i * 8)));
	}
	return true;
}

struct rnode *rib_node_get(struct rib *rib, const struct prefix *p)
{
	uint8_t key[16];

	if (!prefix_key(p, key))
		return NULL;
	return table_find(&rib->t[fam_idx(p->family)], p->family, key,
			  p->prefixlen);
}

static struct rnode *node_get_or_make(struct rib *rib, const struct prefix *p)
{
	uint8_t key[16];
	struct rib_table *t;
	struct rnode *rn;
	unsigned n;
	size_t h;

	if (!prefix_key(p, key))
		return NULL;
	t = &rib->t[fam_idx(p->family)];
	rn = table_find(t, p->family, key, p->prefixlen);
	if (rn)
		return rn;
	n = fam_bytes(p->family);
	rn = XMALLOC(RIB_NODE, sizeof(*rn) + n);
	memset(rn, 0, sizeof(*rn));
	rn->family = p->family;
	rn->plen = p->prefixlen;
	memcpy(rn->addr, key, n);
	if (t->count + 1 > t->nb)
		table_grow(t);
	h = rn_hash(rn) & (t->nb - 1);
	rn->hnext = t->b[h];
	t->b[h] = rn;
	t->count++;
	t->len_count[rn->plen]++;
	return rn;
}

static void node_unlink_free(struct rib *rib, struct rnode *rn)
{
	struct rib_table *t = &rib->t[fam_idx(rn->family)];
	struct rnode **pp = &t->b[rn_hash(rn) & (t->nb - 1)];

	for (; *pp; pp = &(*pp)->hnext) {
		if (*pp == rn) {
			*pp = rn->hnext;
			break;
		}
	}
	t->count--;
	t->len_count[rn->plen]--;
	if (rn->nflags & RN_DEPENDENT)
		rib->dependent--;
	XFREE(RIB_NODE, rn);
}

static void rib_schedule(struct rib *rib);

static void node_queue(struct rib *rib, struct rnode *rn)
{
	if (rn->nflags & RN_QUEUED)
		return;
	if (rib->q_tail == rib->q_cap) {
		if (rib->q_head > rib->q_cap / 2) {
			memmove(rib->q, rib->q + rib->q_head,
				(rib->q_tail - rib->q_head) * sizeof(*rib->q));
			rib->q_tail -= rib->q_head;
			rib->q_head = 0;
		} else {
			rib->q_cap = rib->q_cap ? rib->q_cap * 2 : 1024;
			rib->q = XREALLOC(RIB_QUEUE, rib->q,
					  rib->q_cap * sizeof(*rib->q));
		}
	}
	rib->q[rib->q_tail++] = rn;
	rn->nflags |= RN_QUEUED;
	rib_schedule(rib);
}

size_t rib_queue_len(const struct rib *rib)
{
	if (rib->requeue_all)
		return rib->q_tail - rib->q_head + 1;
	return rib->q_tail - rib->q_head;
}

int rib_add(struct rib *rib, const struct prefix *p, const struct rib_route *r)
{
	struct rnode *rn;
	struct rentry *re, **pp;
	struct rib_table *t;

	if (r->type == ZRT_SYSTEM || r->type >= ZRT_MAX)
		return -1;
	rn = node_get_or_make(rib, p);
	if (!rn)
		return -1;
	t = &rib->t[fam_idx(p->family)];
	/* an existing live entry of the same source is replaced in place */
	for (pp = &rn->entries; *pp; pp = &(*pp)->next) {
		re = *pp;
		if (re->type == r->type && re->key == r->key &&
		    !(re->status & RES_REMOVED))
			break;
	}
	re = *pp;
	if (!re) {
		re = XCALLOC(RIB_ENTRY, sizeof(*re));
		re->type = r->type;
		re->key = r->key;
		*pp = re;	/* appended: later entries win ties */
		t->entries++;
	} else {
		nhg_unref(&re->nhg);
	}
	re->nhg = nhg_intern(r->nh, r->nh_count > MULTIPATH_NUM ?
					    MULTIPATH_NUM : r->nh_count);
	re->flags = r->flags & ~ZRF_SELECTED;
	re->distance = r->distance ? r->distance :
				     zrt_default_distance(r->type,
							  r->flags & ZRF_IBGP);
	re->metric = r->metric;
	re->tag = r->tag;
	re->uptime = rib_now();
	re->status |= RES_CHANGED;
	re->status &= ~RES_STALE;
	node_queue(rib, rn);
	return 0;
}

static void entry_mark_removed(struct rib *rib, struct rnode *rn,
			       struct rentry *re)
{
	re->status |= RES_REMOVED;
	node_queue(rib, rn);
}

int rib_delete(struct rib *rib, const struct prefix *p, uint8_t type,
	       uint32_t key)
{
	struct rnode *rn = rib_node_get(rib, p);
	struct rentry *re;

	if (!rn)
		return -1;
	for (re = rn->entries; re; re = re->next) {
		if (re->type == type && re->key == key &&
		    !(re->status & RES_REMOVED)) {
			entry_mark_removed(rib, rn, re);
			return 0;
		}
	}
	return -1;
}

size_t rib_delete_type(struct rib *rib, uint8_t type)
{
	size_t n = 0;

	for (int f = 0; f < 2; f++) {
		struct rib_table *t = &rib->t[f];

		for (size_t i = 0; i < t->nb; i++) {
			for (struct rnode *rn = t->b[i]; rn; rn = rn->hnext) {
				for (struct rentry *re = rn->entries; re;
				     re = re->next) {
					if (re->type == type &&
					    !(re->status & RES_REMOVED)) {
						entry_mark_removed(rib, rn, re);
						n++;
					}
				}
			}
		}
	}
	return n;
}

void rib_mark_stale(struct rib *rib, uint8_t type)
{
	for (int f = 0; f < 2; f++) {
		struct rib_table *t = &rib->t[f];

		for (size_t i = 0; i < t->nb; i++)
			for (struct rnode *rn = t->b[i]; rn; rn = rn->hnext)
				for (struct rentry *re = rn->entries; re;
				     re = re->next)
					if (re->type == type)
						re->status |= RES_STALE;
	}
}

void rib_sweep_stale(struct rib *rib, uint8_t type)
{
	for (int f = 0; f < 2; f++) {
		struct rib_table *t = &rib->t[f];

		for (size_t i = 0; i < t->nb; i++)
			for (struct rnode *rn = t->b[i]; rn; rn = rn->hnext)
				for (struct rentry *re = rn->entries; re;
				     re = re->next)
					if (re->type == type &&
					    (re->status & RES_STALE) &&
					    !(re->status & RES_REMOVED))
						entry_mark_removed(rib, rn, re);
	}
}

void rib_requeue_all(struct rib *rib)
{
	rib->requeue_all = true;
	rib_schedule(rib);
}

static void requeue_all_now(struct rib *rib)
{
	rib->requeue_all = false;
	for (int f = 0; f < 2; f++) {
		struct rib_table *t = &rib->t[f];

		for (size_t i = 0; i < t->nb; i++)
			for (struct rnode *rn = t->b[i]; rn; rn = rn->hnext)
				node_queue(rib, rn);
	}
}

static void requeue_dependent(struct rib *rib)
{
	for (int f = 0; f < 2; f++) {
		struct rib_table *t = &rib->t[f];

		for (size_t i = 0; i < t->nb; i++)
			for (struct rnode *rn = t->b[i]; rn; rn = rn->hnext)
				if (rn->nflags & RN_DEPENDENT)
					node_queue(rib, rn);
	}
}

static bool nhg_same_ptr(const struct rentry *re, const struct nhg *g)
{
	return re->rnhg == g;
}

/* Process one node: the heart of the RIB. Returns true if it was freed. */
static bool node_process(struct rib *rib, struct rnode *rn)
{
	struct rentry *re, **pp, *old = rn->selected, *best;
	bool dep_any = false, old_changed = false;

	/* re-resolve every live entry */
	for (re = rn->entries; re; re = re->next) {
		struct nhg *g;
		bool dep = false;

		if (re->status & RES_REMOVED)
			continue;
		g = rib_resolve(rib, rn, re, &dep);
		if (!nhg_same_ptr(re, g)) {
			re->status |= RES_CHANGED;
			nhg_unref(&re->rnhg);
			re->rnhg = g;
		} else {
			nhg_unref(&g);
		}
		dep_any |= dep;
	}
	if (dep_any && !(rn->nflags & RN_DEPENDENT)) {
		rn->nflags |= RN_DEPENDENT;
		rib->dependent++;
	} else if (!dep_any && (rn->nflags & RN_DEPENDENT)) {
		rn->nflags &= ~RN_DEPENDENT;
		rib->dependent--;
	}

	best = rib_select_best(rn);
	if (old)
		old_changed = (old->status & (RES_CHANGED | RES_REMOVED)) != 0;

	if (best != old || old_changed) {
		if (old && old != best) {
			old->status &= ~(RES_SELECTED | RES_FIB);
			old->flags &= ~ZRF_SELECTED;
		}
		if (best) {
			best->status |= RES_SELECTED;
			best->flags |= ZRF_SELECTED;
		}
		rn->selected = best;
		if (!dep_any)
			rib->changed_nondep = true;
		if (rib->hooks.fib)
			rib->hooks.fib(rib->hooks.arg, rn, best);
		if (rib->hooks.redist)
			rib->hooks.redist(rib->hooks.arg, rn, old, best);
	}

	/* free removed entries, clear change marks */
	for (pp = &rn->entries; *pp;) {
		re = *pp;
		if (re->status & RES_REMOVED) {
			*pp = re->next;
			if (rn->selected == re)
				rn->selected = NULL;
			rib->t[fam_idx(rn->family)].entries--;
			entry_free(re);
			continue;
		}
		re->status &= ~RES_CHANGED;
		pp = &re->next;
	}
	rib->processed++;
	if (!rn->entries && !(rn->nflags & RN_INSTALLED)) {
		node_unlink_free(rib, rn);
		return true;
	}
	return false;
}

void rib_run_slice(struct rib *rib, unsigned budget_us)
{
	int64_t start = budget_us ? monotime_us() : 0;
	unsigned n = 0;

	if (rib->requeue_all)
		requeue_all_now(rib);
	for (;;) {
		while (rib->q_head < rib->q_tail) {
			struct rnode *rn = rib->q[rib->q_head++];

			rn->nflags &= ~RN_QUEUED;
			node_process(rib, rn);
			if ((++n & 63) == 0 &&
			    ((budget_us && monotime_us() - start > budget_us) ||
			     (rib->hooks.backlog &&
			      rib->hooks.backlog(rib->hooks.arg))))
				goto out;
		}
		rib->q_head = rib->q_tail = 0;
		if (rib->changed_nondep && rib->dependent) {
			rib->changed_nondep = false;
			requeue_dependent(rib);
			if (rib->q_head < rib->q_tail)
				continue;
		}
		rib->changed_nondep = false;
		break;
	}
out:
	if (rib->hooks.slice_end)
		rib->hooks.slice_end(rib->hooks.arg);
	if (rib->q_head < rib->q_tail)
		rib_schedule(rib);
}

static void rib_slice_cb(struct event *ev)
{
	struct rib *rib = event_arg(ev);

	rib_run_slice(rib, 20000);
}

static void rib_schedule(struct rib *rib)
{
	if (rib->loop && !rib->t_slice)
		event_add_event(rib->loop, rib_slice_cb, rib, 0, &rib->t_slice);
}

/* The FIB tells us whether the kernel took a route. */
void rib_mark_fib(struct rib *rib, const struct prefix *p, bool ok)
{
	struct rnode *rn = rib_node_get(rib, p);

	if (!rn || !rn->selected)
		return;
	if (ok) {
		rn->selected->status |= RES_FIB;
		rn->selected->status &= ~RES_FIB_FAILED;
	} else {
		rn->selected->status &= ~RES_FIB;
		rn->selected->status |= RES_FIB_FAILED;
	}
}

struct rnode *rib_match(struct rib *rib, int family, const void *addr,
			const struct rnode *skip, int skip_type)
{
	struct rib_table *t = &rib->t[fam_idx(family)];
	unsigned maxlen = fam_bytes(family) * 8;
	struct prefix p;

	memset(&p, 0, sizeof(p));
	p.family = family;
	memcpy(p.u.bytes, addr, fam_bytes(family));
	for (int len = maxlen; len >= 0; len--) {
		uint8_t key[16];
		struct rnode *rn;

		if (!t->len_count[len])
			continue;
		p.prefixlen = len;
		prefix_key(&p, key);
		rn = table_find(t, family, key, len);
		if (!rn || rn == skip || !rn->selected)
			continue;
		if (rn->selected->status & RES_REMOVED)
			continue;
		if (skip_type && rn->selected->type == skip_type)
			continue;
		return rn;
	}
	return NULL;
}

static int rn_cmp(const void *a, const void *b)
{
	const struct rnode *x = *(struct rnode *const *)a;
	const struct rnode *y = *(struct rnode *const *)b;
	int c = memcmp(x->addr, y->addr, fam_bytes(x->family));

	if (c)
		return c;
	return (int)x->plen - (int)y->plen;
}

struct rnode **rib_sorted(struct rib *rib, int family, size_t *count)
{
	struct rib_table *t = &rib->t[fam_idx(family)];
	struct rnode **v = XMALLOC(RIB_QUEUE, (t->count + 1) * sizeof(*v));
	size_t n = 0;

	for (size_t i = 0; i < t->nb; i++)
		for (struct rnode *rn = t->b[i]; rn; rn = rn->hnext)
			v[n++] = rn;
	qsort(v, n, sizeof(*v), rn_cmp);
	*count = n;
	return v;
}

void rib_sorted_free(struct rnode ***v)
{
	XFREE(RIB_QUEUE, *v);
}

void rib_walk(struct rib *rib, int family, rib_walk_fn fn, void *arg)
{
	size_t n;
	struct rnode **v = rib_sorted(rib, family, &n);

	for (size_t i = 0; i < n; i++)
		fn(v[i], arg);
	rib_sorted_free(&v);
}

size_t rib_count(const struct rib *rib, int family)
{
	return rib->t[fam_idx(family)].count;
}

void rib_get_stats(const struct rib *rib, struct rib_stats *st)
{
	for (int f = 0; f < 2; f++) {
		st->nodes[f] = rib->t[f].count;
		st->entries[f] = rib->t[f].entries;
	}
	st->processed = rib->processed;
}
