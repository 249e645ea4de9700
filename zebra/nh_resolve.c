/*
 * Nexthop resolution: turns the nexthops a source gave into the ones the
 * kernel can use.
 *
 *   - blackhole: always usable;
 *   - an interface: usable while the interface is operative;
 *   - a gateway: looked up (longest match, never the route's own node).
 *     Matched by a connected route: usable directly, through that
 *     interface. Matched by another route: "recursive"; the resolving
 *     route's own usable nexthops are copied after it as children.
 *     Kernel routes are taken as the kernel has them.
 *
 * The result is an interned group; at most the configured number of
 * usable nexthops are kept (ECMP limit). `dependent` tells the RIB that
 * the result depends on routes other than connected ones.
 *
 * Cache. A million routes from one peer share one source group, and so
 * one resolution: it is kept on the group (nhg->res) with the RIB's
 * resolution generation. Every gateway resolved is registered with the
 * RIB, which moves the generation when a route covering a registered
 * gateway changes, or interfaces or the ECMP limit change; a cached result
 * of the current generation is therefore what resolving again would give.
 * Two cases always resolve afresh: kernel and connected entries (they
 * resolve differently and cheaply) and a route whose own prefix covers one
 * of its gateways (the route itself is skipped in the lookup, so the
 * answer depends on the route).
 */
#include <string.h>

#include "rib.h"
#include "interface.h"

struct resolve_ctx {
	struct nexthop out[MULTIPATH_MAX_INTERN];
	unsigned n;
	unsigned leaves;
	unsigned limit;
};

static void emit(struct resolve_ctx *c, const struct nexthop *nh)
{
	if (c->n >= MULTIPATH_MAX_INTERN)
		return;
	if ((nh->flags & NHF_ACTIVE) && !(nh->flags & NHF_RECURSIVE)) {
		if (c->leaves >= c->limit)
			return;
		c->leaves++;
	}
	c->out[c->n++] = *nh;
}

static bool if_ok(struct zif_db *db, uint32_t ifindex)
{
	struct zif *ifp = zif_by_index(db, ifindex);

	return ifp && zif_is_operative(ifp);
}

static void resolve_gateway(struct rib *rib, struct rnode *rn,
			    const struct nexthop *in, struct resolve_ctx *c,
			    bool *dep)
{
	struct zif_db *db = rib_ifdb(rib);
	int family = nh_is_v4gate(in) ? AF_INET : AF_INET6;
	struct nexthop nh = *in;
	struct rnode *m;
	struct rentry *sel;

	nh.flags &= ~(NHF_ACTIVE | NHF_RECURSIVE | NHF_CHILD);
	if ((in->flags & NHF_ONLINK) && in->ifindex) {
		if (if_ok(db, in->ifindex))
			nh.flags |= NHF_ACTIVE;
		emit(c, &nh);
		return;
	}
	m = rib_match(rib, family, &in->gate, rn, 0);
	if (!m) {
		*dep = true;
		emit(c, &nh);
		return;
	}
	sel = m->selected;
	if (sel->type == ZRT_CONNECT) {
		for (unsigned i = 0; sel->rnhg && i < sel->rnhg->count; i++) {
			const struct nexthop *cn = &sel->rnhg->nh[i];

			if (!(cn->flags & NHF_ACTIVE))
				continue;
			if (in->ifindex && in->ifindex != cn->ifindex)
				continue;
			nh.ifindex = cn->ifindex;
			nh.flags |= NHF_ACTIVE;
			break;
		}
		emit(c, &nh);
		return;
	}
	/* recursive through another route */
	*dep = true;
	if (!sel->rnhg || (sel->flags & (ZRF_BLACKHOLE | ZRF_REJECT))) {
		emit(c, &nh);
		return;
	}
	nh.flags |= NHF_RECURSIVE;
	if (sel->rnhg->nactive)
		nh.flags |= NHF_ACTIVE;
	emit(c, &nh);
	for (unsigned i = 0; i < sel->rnhg->count; i++) {
		struct nexthop ch = sel->rnhg->nh[i];

		if (!(ch.flags & NHF_ACTIVE) || (ch.flags & NHF_RECURSIVE))
			continue;
		ch.flags = NHF_ACTIVE | NHF_CHILD;
		emit(c, &ch);
	}
}

static struct nhg *resolve(struct rib *rib, struct rnode *rn,
			   const struct rentry *re, bool *dependent)
{
	struct resolve_ctx c;
	struct zif_db *db = rib_ifdb(rib);
	const struct nhg *g = re->nhg;

	c.n = 0;
	c.leaves = 0;
	c.limit = rib_get_multipath(rib);
	for (unsigned i = 0; g && i < g->count; i++) {
		struct nexthop nh = g->nh[i];

		nh.flags &= ~(NHF_ACTIVE | NHF_RECURSIVE | NHF_CHILD);
		switch (nh.type) {
		case NH_BLACKHOLE:
			nh.flags |= NHF_ACTIVE;
			emit(&c, &nh);
			break;
		case NH_IFINDEX:
		case NH_IFNAME:
			if (if_ok(db, nh.ifindex))
				nh.flags |= NHF_ACTIVE;
			emit(&c, &nh);
			break;
		case NH_IPV4:
		case NH_IPV4_IFINDEX:
		case NH_IPV4_IFNAME:
		case NH_IPV6:
		case NH_IPV6_IFINDEX:
		case NH_IPV6_IFNAME:
			if (re->type == ZRT_KERNEL || re->type == ZRT_CONNECT) {
				if (!nh.ifindex || if_ok(db, nh.ifindex))
					nh.flags |= NHF_ACTIVE;
				emit(&c, &nh);
			} else {
				rib_gateway_register(rib, &g->nh[i]);
				resolve_gateway(rib, rn, &g->nh[i], &c,
						dependent);
			}
			break;
		default:
			emit(&c, &nh);
			break;
		}
	}
	return nhg_intern(c.out, c.n);
}

/* Does rn's prefix cover one of g's gateways? */
static bool covers_gateway(const struct rnode *rn, const struct nhg *g)
{
	struct prefix p, gw;

	rnode_prefix(rn, &p);
	for (unsigned i = 0; i < g->count; i++) {
		const struct nexthop *nh = &g->nh[i];

		if (rn->family == AF_INET && nh_is_v4gate(nh)) {
			prefix_from_ipv4(&gw, nh->gate.v4, 32);
			if (prefix_match(&p, &gw))
				return true;
		} else if (rn->family == AF_INET6 && nh_is_v6gate(nh)) {
			memset(&gw, 0, sizeof(gw));
			gw.family = AF_INET6;
			gw.prefixlen = 128;
			gw.u.v6 = nh->gate.v6;
			if (prefix_match(&p, &gw))
				return true;
		}
	}
	return false;
}

struct nhg *rib_resolve(struct rib *rib, struct rnode *rn,
			const struct rentry *re, bool *dependent)
{
	struct nhg *g = re->nhg, *res;
	bool cacheable, dep = false;

	cacheable = g && re->type != ZRT_KERNEL && re->type != ZRT_CONNECT &&
		    !covers_gateway(rn, g);
	if (cacheable && g->res && g->res_gen == rib_resolve_gen(rib)) {
		rib_count_resolve(rib, true);
		*dependent |= g->res_dep;
		return nhg_ref(g->res);
	}
	res = resolve(rib, rn, re, &dep);
	*dependent |= dep;
	if (cacheable) {
		rib_count_resolve(rib, false);
		if (g->res && g->res != g)
			nhg_unref(&g->res);
		g->res = res == g ? res : nhg_ref(res);
		g->res_gen = rib_resolve_gen(rib);
		g->res_dep = dep;
	}
	return res;
}
