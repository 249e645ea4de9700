/*
 * RIB storage and the change queue.
 *
 * Each family is a lib/table.h trie whose nodes point at our struct rnode
 * (trie info). rnodes and rentries come from slabs (slab.h). A node is
 * freed when it has no entries, is not queued and has nothing of ours in
 * the kernel. Sources edit entries and queue the node; rib_run_slice()
 * processes queued nodes: drop removed entries, resolve nexthops, select,
 * then tell the FIB and the redistribution hooks.
 *
 * Dependent routes (recursive or unresolved gateways) are re-resolved
 * when the queue has drained and some change could have moved a gateway:
 * that is, when the resolution generation moved (nh_resolve.c), which
 * happens only for changes at prefixes covering a gateway in use. A
 * million client routes through a connected gateway cause no such work.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "event.h"
#include "log.h"
#include "memory.h"
#include "table.h"
#include "rib.h"
#include "interface.h"
#include "slab.h"

DEFINE_MTYPE_STATIC(RIB, "RIB");
DEFINE_MTYPE_STATIC(RIB_SLAB, "RIB nodes and entries");
DEFINE_MTYPE_STATIC(RIB_QUEUE, "RIB queue");

struct rib_table {
	struct route_table *t;
	size_t count;
	size_t entries;
};

struct rib {
	struct rib_table t[2];
	struct route_table *gw[2];	/* gateways in use (nh_resolve.c) */
	struct slab node_slab[2];
	struct slab entry_slab;
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
	uint32_t gen;		/* resolution generation */
	bool gen_moved;		/* gen changed since dependents were requeued */
	bool requeue_all;	/* re-evaluate everything at the next slice */
	size_t res_hits, res_misses;
};

/* Generations are unique across RIB instances (a cache never outlives
 * its RIB's generation, even if a new RIB reuses the address). */
static uint32_t gen_source;

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

static void gen_bump(struct rib *rib)
{
	if (++gen_source == 0)
		gen_source = 1;
	rib->gen = gen_source;
	rib->gen_moved = true;
}

struct rib *rib_new(struct event_loop *loop, struct zif_db *ifdb)
{
	struct rib *rib = XCALLOC(RIB, sizeof(*rib));

	rib->loop = loop;
	rib->ifdb = ifdb;
	rib->multipath = MULTIPATH_NUM;
	rib->t[0].t = route_table_new(AF_INET);
	rib->t[1].t = route_table_new(AF_INET6);
	rib->gw[0] = route_table_new(AF_INET);
	rib->gw[1] = route_table_new(AF_INET6);
	slab_init(&rib->node_slab[0], &MTYPE_RIB_SLAB, sizeof(struct rnode) + 4);
	slab_init(&rib->node_slab[1], &MTYPE_RIB_SLAB, sizeof(struct rnode) + 16);
	slab_init(&rib->entry_slab, &MTYPE_RIB_SLAB, sizeof(struct rentry));
	gen_bump(rib);
	return rib;
}

static void entry_free(struct rib *rib, struct rentry *re)
{
	nhg_unref(&re->nhg);
	nhg_unref(&re->rnhg);
	slab_free(&rib->entry_slab, re);
}

void rib_free(struct rib *rib)
{
	if (!rib)
		return;
	event_cancel(&rib->t_slice);
	for (int f = 0; f < 2; f++) {
		struct route_table *t = rib->t[f].t;

		for (struct route_node *tn = route_top(t); tn; tn = route_next(t, tn)) {
			struct rnode *rn = tn->info;
			struct rentry *re, *rnext;

			for (re = rn->entries; re; re = rnext) {
				rnext = re->next;
				entry_free(rib, re);
			}
		}
		route_table_free(t, NULL);
		route_table_free(rib->gw[f], NULL);
		slab_fini(&rib->node_slab[f]);
	}
	slab_fini(&rib->entry_slab);
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
	gen_bump(rib);
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

static bool prefix_ok(const struct prefix *p)
{
	return (p->family == AF_INET && p->prefixlen <= 32) ||
	       (p->family == AF_INET6 && p->prefixlen <= 128);
}

struct rnode *rib_node_get(struct rib *rib, const struct prefix *p)
{
	struct route_node *tn;

	if (!prefix_ok(p))
		return NULL;
	tn = route_node_lookup(rib->t[fam_idx(p->family)].t, p);
	return tn ? tn->info : NULL;
}

static struct rnode *node_get_or_make(struct rib *rib, const struct prefix *p)
{
	struct rib_table *t;
	struct route_node *tn;
	struct rnode *rn;
	struct prefix m;

	if (!prefix_ok(p))
		return NULL;
	t = &rib->t[fam_idx(p->family)];
	tn = route_node_get(t->t, p);
	if (tn->info)
		return tn->info;
	m = *p;
	apply_mask(&m);
	rn = slab_alloc(&rib->node_slab[fam_idx(p->family)]);
	rn->family = p->family;
	rn->plen = p->prefixlen;
	memcpy(rn->addr, m.u.bytes, fam_bytes(p->family));
	tn->info = rn;
	t->count++;
	return rn;
}

static void node_unlink_free(struct rib *rib, struct rnode *rn)
{
	struct rib_table *t = &rib->t[fam_idx(rn->family)];
	struct prefix p;
	struct route_node *tn;

	rnode_prefix(rn, &p);
	tn = route_node_lookup(t->t, &p);
	if (tn) {
		tn->info = NULL;
		route_node_delete(t->t, tn);
	}
	t->count--;
	if (rn->nflags & RN_DEPENDENT)
		rib->dependent--;
	slab_free(&rib->node_slab[fam_idx(rn->family)], rn);
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

	if (r->type == ZRT_SYSTEM || r->type >= ZRT_MAX)
		return -1;
	rn = node_get_or_make(rib, p);
	if (!rn)
		return -1;
	/* an existing live entry of the same source is replaced in place */
	for (pp = &rn->entries; *pp; pp = &(*pp)->next) {
		re = *pp;
		if (re->type == r->type && re->key == r->key &&
		    !(re->status & RES_REMOVED))
			break;
	}
	re = *pp;
	if (!re) {
		re = slab_alloc(&rib->entry_slab);
		re->type = r->type;
		re->key = r->key;
		*pp = re;	/* appended: later entries win ties */
		rib->t[fam_idx(p->family)].entries++;
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

/* Every node of both families, in order; fn may queue but not free. */
static void for_each_node(struct rib *rib, void (*fn)(struct rib *, struct rnode *, void *),
			  void *arg)
{
	for (int f = 0; f < 2; f++) {
		struct route_table *t = rib->t[f].t;

		for (struct route_node *tn = route_top(t); tn; tn = route_next(t, tn))
			fn(rib, tn->info, arg);
	}
}

/*
 * The same, last prefix first. Withdrawals go this way: the kernel's
 * LC-trie deletes a large table five times faster from the top down
 * (ascending deletes make it rescan wide nodes on every removal).
 */
static void for_each_node_reverse(struct rib *rib,
				  void (*fn)(struct rib *, struct rnode *, void *),
				  void *arg)
{
	for (int f = 1; f >= 0; f--) {
		struct route_table *t = rib->t[f].t;
		size_t n = 0, cap = rib->t[f].count + 1;
		struct rnode **v = XMALLOC(RIB_QUEUE, cap * sizeof(*v));

		for (struct route_node *tn = route_top(t); tn && n < cap;
		     tn = route_next(t, tn))
			v[n++] = tn->info;
		while (n)
			fn(rib, v[--n], arg);
		XFREE(RIB_QUEUE, v);
	}
}

struct type_walk {
	uint8_t type;
	size_t n;
};

static void delete_type_one(struct rib *rib, struct rnode *rn, void *arg)
{
	struct type_walk *w = arg;

	for (struct rentry *re = rn->entries; re; re = re->next) {
		if (re->type == w->type && !(re->status & RES_REMOVED)) {
			entry_mark_removed(rib, rn, re);
			w->n++;
		}
	}
}

size_t rib_delete_type(struct rib *rib, uint8_t type)
{
	struct type_walk w = { .type = type };

	for_each_node_reverse(rib, delete_type_one, &w);
	return w.n;
}

static void mark_stale_one(struct rib *rib, struct rnode *rn, void *arg)
{
	struct type_walk *w = arg;

	for (struct rentry *re = rn->entries; re; re = re->next)
		if (re->type == w->type)
			re->status |= RES_STALE;
}

void rib_mark_stale(struct rib *rib, uint8_t type)
{
	struct type_walk w = { .type = type };

	for_each_node(rib, mark_stale_one, &w);
}

static void sweep_stale_one(struct rib *rib, struct rnode *rn, void *arg)
{
	struct type_walk *w = arg;

	for (struct rentry *re = rn->entries; re; re = re->next)
		if (re->type == w->type && (re->status & RES_STALE) &&
		    !(re->status & RES_REMOVED))
			entry_mark_removed(rib, rn, re);
}

void rib_sweep_stale(struct rib *rib, uint8_t type)
{
	struct type_walk w = { .type = type };

	for_each_node(rib, sweep_stale_one, &w);
}

void rib_requeue_all(struct rib *rib)
{
	rib->requeue_all = true;
	rib_schedule(rib);
}

static void queue_one(struct rib *rib, struct rnode *rn, void *arg)
{
	node_queue(rib, rn);
}

static void queue_dependent_one(struct rib *rib, struct rnode *rn, void *arg)
{
	if (rn->nflags & RN_DEPENDENT)
		node_queue(rib, rn);
}

static void requeue_all_now(struct rib *rib)
{
	rib->requeue_all = false;
	gen_bump(rib);	/* interfaces changed: every resolution may differ */
	for_each_node(rib, queue_one, NULL);
}

/* Could this node's change alter how some gateway resolves? */
static void note_resolver_change(struct rib *rib, struct rnode *rn)
{
	struct route_table *gw = rib->gw[fam_idx(rn->family)];
	struct prefix p;

	if (!route_table_count(gw))
		return;
	rnode_prefix(rn, &p);
	if (route_subtree_top(gw, &p))
		gen_bump(rib);
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
		if (re->rnhg != g) {
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
		note_resolver_change(rib, rn);
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
			entry_free(rib, re);
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
		if (rib->gen_moved && rib->dependent) {
			rib->gen_moved = false;
			for_each_node(rib, queue_dependent_one, NULL);
			if (rib->q_head < rib->q_tail)
				continue;
		}
		rib->gen_moved = false;
		break;
	}
out:
	if (rib->q_cap > 4096 && rib->q_head == rib->q_tail) {
		XFREE(RIB_QUEUE, rib->q);
		rib->q_cap = rib->q_head = rib->q_tail = 0;
	}
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
	struct route_table *t = rib->t[fam_idx(family)].t;
	struct prefix p;

	memset(&p, 0, sizeof(p));
	p.family = family;
	p.prefixlen = fam_bytes(family) * 8;
	memcpy(p.u.bytes, addr, fam_bytes(family));
	for (;;) {
		struct route_node *tn = route_node_match(t, &p);
		struct rnode *rn;

		if (!tn)
			return NULL;
		rn = tn->info;
		if (rn != skip && rn->selected &&
		    !(rn->selected->status & RES_REMOVED) &&
		    !(skip_type && rn->selected->type == skip_type))
			return rn;
		if (rn->plen == 0)
			return NULL;
		p.prefixlen = rn->plen - 1;	/* the next shorter one */
	}
}

/* ---- ordered access ---- */

struct rnode *rib_node_seek(struct rib *rib, const struct prefix *p,
			    bool inclusive)
{
	struct rib_iter it;

	if (!prefix_ok(p))
		return NULL;
	rib_iter_init(&it, rib, p->family, NULL);
	it.last = *p;
	apply_mask(&it.last);
	if (inclusive) {
		struct rnode *rn = rib_node_get(rib, &it.last);

		if (rn)
			return rn;
	}
	it.started = true;
	return rib_iter_next(&it);
}

struct rnode *rib_node_next(struct rib *rib, const struct rnode *rn)
{
	struct prefix p;

	rnode_prefix(rn, &p);
	return rib_node_seek(rib, &p, false);
}

struct rnode *rib_node_first(struct rib *rib, int family)
{
	struct route_node *tn = route_top(rib->t[fam_idx(family)].t);

	return tn ? tn->info : NULL;
}

void rib_iter_init(struct rib_iter *it, struct rib *rib, int family,
		   const struct prefix *limit)
{
	memset(it, 0, sizeof(*it));
	it->rib = rib;
	it->family = family;
	if (limit) {
		it->limit = *limit;
		apply_mask(&it->limit);
		it->has_limit = true;
		if (limit->family != family || !prefix_ok(limit))
			it->done = true;
	}
}

struct rnode *rib_iter_next(struct rib_iter *it)
{
	struct route_iter ri;
	struct route_node *tn;

	if (it->done)
		return NULL;
	/* lib's iterator keeps no pointers: rebuild it from our copy */
	route_iter_init(&ri, it->rib->t[fam_idx(it->family)].t,
			it->has_limit ? &it->limit : NULL);
	if (it->started) {
		ri.last = it->last;
		ri.started = true;
	}
	tn = route_iter_next(&ri);
	if (!tn) {
		it->done = true;
		return NULL;
	}
	it->last = ri.last;
	it->started = true;
	return tn->info;
}

void rib_walk(struct rib *rib, int family, rib_walk_fn fn, void *arg)
{
	struct route_table *t = rib->t[fam_idx(family)].t;

	for (struct route_node *tn = route_top(t); tn; tn = route_next(t, tn))
		fn(tn->info, arg);
}

struct walk_fn {
	rib_walk_fn fn;
	void *arg;
};

static void walk_fn_one(struct rib *rib, struct rnode *rn, void *arg)
{
	struct walk_fn *w = arg;

	w->fn(rn, w->arg);
}

void rib_walk_reverse(struct rib *rib, rib_walk_fn fn, void *arg)
{
	struct walk_fn w = { .fn = fn, .arg = arg };

	for_each_node_reverse(rib, walk_fn_one, &w);
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
	st->bytes = slab_bytes(&rib->node_slab[0]) + slab_bytes(&rib->node_slab[1]) +
		    slab_bytes(&rib->entry_slab);
	st->resolve_hits = rib->res_hits;
	st->resolve_misses = rib->res_misses;
}

/* ---- resolution cache support (nh_resolve.c) ---- */

uint32_t rib_resolve_gen(const struct rib *rib)
{
	return rib->gen;
}

void rib_count_resolve(struct rib *rib, bool hit)
{
	if (hit)
		rib->res_hits++;
	else
		rib->res_misses++;
}

void rib_gateway_register(struct rib *rib, const struct nexthop *nh)
{
	struct prefix p;
	struct route_node *tn;

	memset(&p, 0, sizeof(p));
	if (nh_is_v4gate(nh)) {
		p.family = AF_INET;
		p.prefixlen = 32;
		p.u.v4 = nh->gate.v4;
	} else if (nh_is_v6gate(nh)) {
		p.family = AF_INET6;
		p.prefixlen = 128;
		p.u.v6 = nh->gate.v6;
	} else {
		return;
	}
	tn = route_node_get(rib->gw[fam_idx(p.family)], &p);
	tn->info = rib;	/* any non-NULL marks it */
}
