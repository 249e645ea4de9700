/*
 * Static route configuration (see static_route.h): a hash of prefixes, each
 * with its list of static nexthops in config order. A static is identified
 * by prefix and nexthop (kind, gateway, interface) as in Quagga; flags,
 * tag and distance are attributes that an add updates. The table is the
 * compiled form of the tree (zebra_nb.c); static_config_write() prints
 * the table itself (unit tests; the daemon renders the tree).
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <strings.h>

#include "memory.h"
#include "vty.h"
#include "interface.h"
#include "rib.h"
#include "static_route.h"

DEFINE_MTYPE_STATIC(STATIC_ROUTE, "Static route");
DEFINE_MTYPE_STATIC(STATIC_PREFIX, "Static prefix");
DEFINE_MTYPE_STATIC(STATIC_TABLE, "Static table");

struct static_prefix {
	struct static_prefix *hnext;
	struct prefix p;
	struct static_route *routes;
};

struct static_table {
	struct static_prefix **b;
	size_t nb;
	size_t count;
	size_t nroutes;
	struct rib *rib;
	struct zif_db *ifdb;
};

static uint32_t p_hash(const struct prefix *p)
{
	uint32_t h = 0x811c9dc5u ^ p->family ^ (p->prefixlen << 8);
	unsigned n = p->family == AF_INET ? 4 : 16;

	for (unsigned i = 0; i < n; i++)
		h = (h ^ p->u.bytes[i]) * 16777619u;
	return h;
}

static void st_grow(struct static_table *st)
{
	size_t nsz = st->nb * 2;
	struct static_prefix **nb = XCALLOC(STATIC_TABLE, nsz * sizeof(*nb));

	for (size_t i = 0; i < st->nb; i++) {
		struct static_prefix *sp = st->b[i], *next;

		for (; sp; sp = next) {
			next = sp->hnext;
			sp->hnext = nb[p_hash(&sp->p) & (nsz - 1)];
			nb[p_hash(&sp->p) & (nsz - 1)] = sp;
		}
	}
	XFREE(STATIC_TABLE, st->b);
	st->b = nb;
	st->nb = nsz;
}

static void st_changed_if(void *arg, struct zif *ifp);

struct static_table *static_table_new(struct rib *rib, struct zif_db *ifdb)
{
	struct static_table *st = XCALLOC(STATIC_TABLE, sizeof(*st));
	struct zif_listener l = { .added = st_changed_if,
				  .deleted = st_changed_if,
				  .arg = st };

	st->nb = 256;
	st->b = XCALLOC(STATIC_TABLE, st->nb * sizeof(*st->b));
	st->rib = rib;
	st->ifdb = ifdb;
	if (ifdb)
		zif_add_listener(ifdb, &l);
	return st;
}

void static_table_free(struct static_table *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->nb; i++) {
		struct static_prefix *sp = st->b[i], *next;

		for (; sp; sp = next) {
			struct static_route *sr, *sn;

			next = sp->hnext;
			for (sr = sp->routes; sr; sr = sn) {
				sn = sr->next;
				XFREE(STATIC_ROUTE, sr);
			}
			XFREE(STATIC_PREFIX, sp);
		}
	}
	XFREE(STATIC_TABLE, st->b);
	XFREE(STATIC_TABLE, st);
}

size_t static_count(const struct static_table *st)
{
	return st->nroutes;
}

static struct static_prefix *sp_find(struct static_table *st,
				     const struct prefix *p)
{
	struct static_prefix *sp = st->b[p_hash(p) & (st->nb - 1)];

	for (; sp; sp = sp->hnext)
		if (prefix_same(&sp->p, p))
			return sp;
	return NULL;
}

static bool same_nexthop(const struct static_route *a,
			 const struct static_route *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case STATIC_GATEWAY:
		return memcmp(&a->gate, &b->gate, sizeof(a->gate)) == 0;
	case STATIC_IFNAME:
		return strcmp(a->ifname, b->ifname) == 0;
	case STATIC_GATEWAY_IFNAME:
		return memcmp(&a->gate, &b->gate, sizeof(a->gate)) == 0 &&
		       strcmp(a->ifname, b->ifname) == 0;
	case STATIC_BLACKHOLE:
		return true;
	}
	return false;
}

static void to_nexthop(struct static_table *st, int family,
		       const struct static_route *sr, struct nexthop *nh)
{
	struct zif *ifp;

	memset(nh, 0, sizeof(*nh));
	switch (sr->kind) {
	case STATIC_GATEWAY:
		nh->type = family == AF_INET ? NH_IPV4 : NH_IPV6;
		nh->gate = sr->gate;
		break;
	case STATIC_GATEWAY_IFNAME:
		nh->type = NH_IPV6_IFINDEX;
		nh->gate = sr->gate;
		ifp = st->ifdb ? zif_by_name(st->ifdb, sr->ifname) : NULL;
		nh->ifindex = ifp ? ifp->ifindex : 0;
		nh->flags = NHF_ONLINK;
		break;
	case STATIC_IFNAME:
		nh->type = NH_IFINDEX;
		ifp = st->ifdb ? zif_by_name(st->ifdb, sr->ifname) : NULL;
		nh->ifindex = ifp ? ifp->ifindex : 0;
		break;
	case STATIC_BLACKHOLE:
		nh->type = NH_BLACKHOLE;
		break;
	}
}

/* Project one prefix's statics into the RIB: one entry per distance. */
static void sp_apply(struct static_table *st, const struct prefix *p,
		     struct static_prefix *sp)
{
	bool seen[256] = { false };
	struct rnode *rn;

	for (struct static_route *sr = sp ? sp->routes : NULL; sr; sr = sr->next) {
		struct nexthop nh[MULTIPATH_NUM];
		struct rib_route r;
		unsigned n = 0;

		if (seen[sr->distance])
			continue;
		seen[sr->distance] = true;
		memset(&r, 0, sizeof(r));
		r.type = ZRT_STATIC;
		r.distance = sr->distance;
		r.key = sr->distance;
		r.tag = sr->tag;
		r.flags = sr->flags;
		for (struct static_route *o = sr; o && n < MULTIPATH_NUM; o = o->next)
			if (o->distance == sr->distance)
				to_nexthop(st, p->family, o, &nh[n++]);
		r.nh = nh;
		r.nh_count = n;
		rib_add(st->rib, p, &r);
	}
	rn = rib_node_get(st->rib, p);
	if (!rn)
		return;
	for (struct rentry *re = rn->entries; re; re = re->next) {
		if (re->type == ZRT_STATIC && !(re->status & RES_REMOVED) &&
		    !seen[re->key & 0xff])
			rib_delete(st->rib, p, ZRT_STATIC, re->key);
	}
}

int static_route_set(struct static_table *st, const struct prefix *pin,
		     const struct static_route *sr, bool add)
{
	struct prefix p = *pin;
	struct static_prefix *sp;
	struct static_route **pp, *cur;

	apply_mask(&p);
	sp = sp_find(st, &p);
	if (!add) {
		if (!sp)
			return -1;
		for (pp = &sp->routes; *pp; pp = &(*pp)->next) {
			cur = *pp;
			if (!same_nexthop(cur, sr))
				continue;
			if (sr->tag && sr->tag != cur->tag)
				continue;
			if (sr->distance && sr->distance != cur->distance)
				continue;
			*pp = cur->next;
			XFREE(STATIC_ROUTE, cur);
			st->nroutes--;
			sp_apply(st, &p, sp);
			return 0;
		}
		return -1;
	}
	if (!sp) {
		size_t h;

		sp = XCALLOC(STATIC_PREFIX, sizeof(*sp));
		sp->p = p;
		if (st->count + 1 > st->nb)
			st_grow(st);
		h = p_hash(&p) & (st->nb - 1);
		sp->hnext = st->b[h];
		st->b[h] = sp;
		st->count++;
	}
	for (pp = &sp->routes; *pp; pp = &(*pp)->next) {
		cur = *pp;
		if (same_nexthop(cur, sr)) {
			if (cur->distance == sr->distance && cur->tag == sr->tag &&
			    cur->flags == sr->flags)
				return 0;
			cur->distance = sr->distance;
			cur->tag = sr->tag;
			cur->flags = sr->flags;
			sp_apply(st, &p, sp);
			return 0;
		}
	}
	cur = XMALLOC(STATIC_ROUTE, sizeof(*cur));
	*cur = *sr;
	cur->next = NULL;
	*pp = cur;
	st->nroutes++;
	sp_apply(st, &p, sp);
	return 0;
}

void static_parse_nexthop(int family, const char *word, struct static_route *sr)
{
	memset(&sr->gate, 0, sizeof(sr->gate));
	sr->ifname[0] = 0;
	if (inet_pton(family, word, &sr->gate) == 1) {
		sr->kind = STATIC_GATEWAY;
		return;
	}
	if (strncasecmp(word, "null0", 5) == 0 && word[5] == 0) {
		sr->kind = STATIC_BLACKHOLE;
		sr->flags |= ZRF_BLACKHOLE;
		return;
	}
	sr->kind = STATIC_IFNAME;
	snprintf(sr->ifname, sizeof(sr->ifname), "%s", word);
}

static void st_changed_if(void *arg, struct zif *ifp)
{
	struct static_table *st = arg;

	/* re-resolve the statics that name an interface */
	for (size_t i = 0; i < st->nb; i++)
		for (struct static_prefix *sp = st->b[i]; sp; sp = sp->hnext)
			for (struct static_route *sr = sp->routes; sr; sr = sr->next)
				if ((sr->kind == STATIC_IFNAME ||
				     sr->kind == STATIC_GATEWAY_IFNAME) &&
				    strcmp(sr->ifname, ifp->name) == 0) {
					sp_apply(st, &sp->p, sp);
					break;
				}
}

static int sp_cmp(const void *a, const void *b)
{
	const struct static_prefix *x = *(struct static_prefix *const *)a;
	const struct static_prefix *y = *(struct static_prefix *const *)b;

	return prefix_cmp(&x->p, &y->p);
}

int static_config_write(struct static_table *st, struct vty *vty, int family)
{
	struct static_prefix **v = malloc((st->count + 1) * sizeof(*v));
	size_t n = 0;
	int lines = 0;

	if (!v)
		return 0;
	for (size_t i = 0; i < st->nb; i++)
		for (struct static_prefix *sp = st->b[i]; sp; sp = sp->hnext)
			if (sp->p.family == family)
				v[n++] = sp;
	qsort(v, n, sizeof(*v), sp_cmp);
	for (size_t i = 0; i < n; i++) {
		char pbuf[PREFIX_STRLEN], gbuf[INET6_ADDRSTRLEN];

		prefix2str(&v[i]->p, pbuf, sizeof(pbuf));
		for (struct static_route *sr = v[i]->routes; sr; sr = sr->next) {
			vty_out(vty, "%s %s", family == AF_INET ? "ip route" :
								  "ipv6 route", pbuf);
			switch (sr->kind) {
			case STATIC_GATEWAY:
				inet_ntop(family, &sr->gate, gbuf, sizeof(gbuf));
				vty_out(vty, " %s", gbuf);
				break;
			case STATIC_GATEWAY_IFNAME:
				inet_ntop(family, &sr->gate, gbuf, sizeof(gbuf));
				vty_out(vty, " %s %s", gbuf, sr->ifname);
				break;
			case STATIC_IFNAME:
				vty_out(vty, " %s", sr->ifname);
				break;
			case STATIC_BLACKHOLE:
				/* Quagga wrote "Null0" here even for `reject`,
				 * which lost the flag on reload; keep it */
				vty_out(vty, (sr->flags & ZRF_REJECT) ? " reject" :
									" Null0");
				break;
			}
			if (sr->kind != STATIC_BLACKHOLE) {
				if (sr->flags & ZRF_REJECT)
					vty_out(vty, " reject");
				if (sr->flags & ZRF_BLACKHOLE)
					vty_out(vty, " blackhole");
			}
			if (sr->tag)
				vty_out(vty, " tag %u", sr->tag);
			if (sr->distance != 1)
				vty_out(vty, " %u", sr->distance);
			vty_out(vty, "\n");
			lines++;
		}
	}
	free(v);
	return lines;
}
