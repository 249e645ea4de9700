/*
 * The RIP routing table and its timers.
 *
 * One struct rip_route per prefix in rip->table; with `allow-ecmp`, a
 * learned route may carry further paths of the same metric through other
 * gateways (r->next), all installed in zebra as one multipath route. The
 * first path is the one announced to neighbours. A route comes from one of
 * three places:
 *   - a Response entry (type RIP, sub-type RTE), decided by
 *     rip_rte_process() as RFC 2453 3.9.2 says;
 *   - local origination: `route` (RIP/static), `default-information
 *     originate` (RIP/default), the connected subnets of RIP interfaces
 *     (CONNECT/interface);
 *   - redistribution from zebra (its type / redistribute).
 * Local routes win over learned ones; a learned route never replaces a
 * live local one.
 *
 * Decision (RFC 2453 3.9.2): an entry from the router the route came from
 * is believed whatever its metric (a same-metric refresh only restarts
 * the timeout); from another router only a strictly better metric
 * replaces the route.
 *
 * Timers (RFC 2453 3.8): a learned route's timeout timer is restarted by
 * every update from its gateway; when it fires the route is poisoned
 * (metric 16), withdrawn from zebra and the garbage-collection timer
 * started; when that fires the route is deleted. Withdrawn local routes go
 * through the same garbage phase so that neighbours hear metric 16.
 *
 * ECMP (rip_rte_process -> ecmp_process): an entry from a new gateway with
 * the current metric adds a path (up to MULTIPATH_NUM); a better metric
 * replaces every path; a path whose gateway reports a worse metric or 16,
 * or that times out, leaves the list while others remain.
 *
 * Every change stamps the route with ++rip->change_seq and asks for a
 * triggered update; rip_output.c sends the routes changed since its last
 * triggered update.
 */
#include <string.h>
#include <arpa/inet.h>

#include "event.h"
#include "log.h"
#include "memory.h"
#include "zapi.h"
#include "ripd.h"

DEFINE_MTYPE_STATIC(RIP_ROUTE, "RIP route info");

static void route_timeout(struct event *ev);
static void route_garbage(struct event *ev);

void rip_route_changed(struct rip *rip, struct rip_route *r)
{
	r->change_seq = ++rip->change_seq;
	rip->route_changes++;
	rip_trigger_update(rip);
}

unsigned rip_rib_count(const struct rip *rip)
{
	return rip->table ? (unsigned)route_table_count(rip->table) : 0;
}

static void path_free(struct rip_route *r)
{
	event_cancel(&r->t_timeout);
	event_cancel(&r->t_garbage);
	XFREE(RIP_ROUTE, r);
}

void rip_route_free(void *info)
{
	struct rip_route *r = info;

	while (r) {
		struct rip_route *next = r->next;

		path_free(r);
		r = next;
	}
}

static unsigned path_count(const struct rip_route *head)
{
	unsigned n = 0;

	for (; head; head = head->next)
		n++;
	return n;
}

/* The node holding r (NULL if r is not in the table). */
static struct route_node *route_node_of(struct rip *rip, const struct rip_route *r)
{
	struct prefix p;

	return route_node_lookup(rip->table, rip_route_prefix(r, &p));
}

static struct rip_route *route_new(struct rip *rip, const struct prefix *p)
{
	struct rip_route *r = XCALLOC(RIP_ROUTE, sizeof(*r));

	r->rip = rip;
	r->addr = p->u.v4;
	r->plen = p->prefixlen;
	return r;
}

static void zebra_withdraw(struct rip *rip, struct rip_route *r)
{
	struct prefix p;

	if (r->in_zebra)
		rip_zebra_route_delete(rip, rip_route_prefix(r, &p), r);
}

/* (Re)install the route of r's node in zebra, with all its paths. */
static void zebra_announce(struct rip *rip, struct rip_route *r)
{
	struct route_node *rn = route_node_of(rip, r);
	struct prefix p;

	if (rn && rn->info)
		rip_zebra_route_add(rip, route_node_prefix(rn, &p), rn->info);
}

static void timeout_start(struct rip *rip, struct rip_route *r)
{
	event_cancel(&r->t_timeout);
	event_add_timer(rip->loop, route_timeout, r, rip->timeout_time,
			&r->t_timeout);
}

/* Start deleting a route: metric 16, out of zebra, garbage timer. */
static void route_poison(struct rip *rip, struct rip_route *r)
{
	if (r->metric == RIP_METRIC_INFINITY && r->t_garbage)
		return;
	/* callers drop single ECMP paths with path_drop(); whatever still
	 * hangs on a route that dies goes with it */
	rip_route_free(r->next);
	r->next = NULL;
	r->metric = RIP_METRIC_INFINITY;
	event_cancel(&r->t_timeout);
	zebra_withdraw(rip, r);
	event_cancel(&r->t_garbage);
	event_add_timer(rip->loop, route_garbage, r, rip->garbage_time,
			&r->t_garbage);
	rip_route_changed(rip, r);
}

/*
 * Remove path q of node rn while other paths remain (zebra gets the rest);
 * the last path is poisoned instead.
 */
static void path_drop(struct rip *rip, struct route_node *rn, struct rip_route *q)
{
	struct rip_route **pp, *head = rn->info;

	if (!head->next) {
		route_poison(rip, q);
		return;
	}
	for (pp = (struct rip_route **)&rn->info; *pp && *pp != q; pp = &(*pp)->next)
		;
	if (!*pp)
		return;
	*pp = q->next;
	head = rn->info;
	if (q->in_zebra)
		head->in_zebra = true;
	path_free(q);
	if (head->in_zebra)
		zebra_announce(rip, head);
	rip_route_changed(rip, head);
}

/* Keep only path keep (NULL: the first) of node rn; zebra is not told. */
static struct rip_route *paths_trim(struct route_node *rn, struct rip_route *keep)
{
	struct rip_route *r = rn->info, *next;
	bool in_zebra = false;

	if (!keep)
		keep = r;
	for (; r; r = next) {
		next = r->next;
		in_zebra |= r->in_zebra;
		if (r != keep)
			path_free(r);
	}
	keep->next = NULL;
	keep->in_zebra = in_zebra;
	rn->info = keep;
	return keep;
}

static void route_timeout(struct event *ev)
{
	struct rip_route *r = event_arg(ev);
	struct rip *rip = r->rip;
	struct route_node *rn = route_node_of(rip, r);
	char buf[PREFIX_STRLEN], nh[INET_ADDRSTRLEN];
	struct prefix p;

	if (IS_RIP_DEBUG_EVENT)
		zlog_debug("route %s via %s timed out",
			   prefix2str(rip_route_prefix(r, &p), buf, sizeof(buf)),
			   inet_ntop(AF_INET, &r->nexthop, nh, sizeof(nh)));
	if (rn && rn->info && ((struct rip_route *)rn->info)->next)
		path_drop(rip, rn, r);
	else
		route_poison(rip, r);
}

static void route_garbage(struct event *ev)
{
	struct rip_route *r = event_arg(ev);
	struct rip *rip = r->rip;
	struct route_node *rn;
	struct prefix p;

	rip_route_prefix(r, &p);
	rn = route_node_lookup(rip->table, &p);
	if (rn && rn->info == r) {
		rn->info = NULL;
		route_node_delete(rip->table, rn);
	}
	rip_route_free(r);
}

static bool is_local_live(const struct rip_route *r)
{
	if (r->metric == RIP_METRIC_INFINITY)
		return false;
	if (r->type != ZEBRA_ROUTE_RIP)
		return true;
	return r->sub_type == RIP_ROUTE_STATIC || r->sub_type == RIP_ROUTE_DEFAULT;
}

/* Adopt the entry's values into r and (re)announce it. */
static void route_adopt(struct rip *rip, struct rip_route *r,
			const struct rip_rte *rte, uint32_t metric,
			struct in_addr nexthop, struct in_addr from,
			struct interface *ifp, uint8_t distance)
{
	if (r->type != ZEBRA_ROUTE_RIP && r->in_zebra)
		zebra_withdraw(rip, r);
	r->type = ZEBRA_ROUTE_RIP;
	r->sub_type = RIP_ROUTE_RTE;
	r->metric = (uint8_t)metric;
	r->tag = rte->tag;
	r->nexthop = nexthop;
	r->from = from;
	r->ifindex = ifp->ifindex;
	r->distance = distance;
	r->external_metric = 0;
	event_cancel(&r->t_garbage);
	timeout_start(rip, r);
	zebra_announce(rip, r);
	rip_route_changed(rip, r);
}

/*
 * `route-map NAME in IFNAME`: false if it denies the entry; else the
 * entry's metric, tag and next hop as the map set them.
 */
static bool rmap_in(struct rip *rip, const struct prefix *p, struct rip_rte *rte,
		    struct in_addr from, struct interface *ifp)
{
	const char *name = rip_if_rmap_name(rip, ifp->name, 0);
	struct rip_rmap_obj o;

	if (!name)
		return true;
	rip_rmap_obj_init(&o, rip, rte->metric, rte->tag, rte->nexthop, from,
			  ifp->ifindex);
	if (!rip_routemap_permit(name, p, &o)) {
		if (IS_RIP_DEBUG_PACKET) {
			char buf[PREFIX_STRLEN];

			zlog_debug("RIP %s is filtered by route-map in",
				   prefix2str(p, buf, sizeof(buf)));
		}
		return false;
	}
	rte->metric = o.metric_out;
	rte->tag = o.tag_out;
	rte->nexthop = o.nexthop_out;
	return true;
}

/*
 * allow-ecmp: an entry for a live learned route (rn->info). True if it was
 * dealt with here; false leaves it to the single-path rules, which then
 * see a route with exactly one path.
 */
static bool ecmp_process(struct rip *rip, struct route_node *rn, const struct prefix *p,
			 const struct rip_rte *rte, uint32_t metric,
			 struct in_addr nexthop, struct in_addr from,
			 struct interface *ifp, uint8_t distance)
{
	struct rip_route *head = rn->info, *q, **tail;

	for (q = head; q; q = q->next)
		if (q->from.s_addr == from.s_addr && q->ifindex == ifp->ifindex)
			break;
	if (!q) {
		if (metric < head->metric) {
			paths_trim(rn, NULL);	/* the better path replaces all */
			return false;
		}
		if (metric != head->metric || path_count(head) >= MULTIPATH_NUM)
			return false;
		for (tail = &head->next; *tail; tail = &(*tail)->next)
			;
		q = route_new(rip, p);
		*tail = q;
		route_adopt(rip, q, rte, metric, nexthop, from, ifp, distance);
		return true;
	}
	if (!head->next)
		return false;
	if (metric > head->metric) {		/* includes 16: withdrawn */
		path_drop(rip, rn, q);
		return true;
	}
	if (metric < head->metric) {
		route_adopt(rip, paths_trim(rn, q), rte, metric, nexthop, from, ifp, distance);
		return true;
	}
	if (rte->tag != q->tag || nexthop.s_addr != q->nexthop.s_addr ||
	    distance != q->distance)
		route_adopt(rip, q, rte, metric, nexthop, from, ifp, distance);
	else
		timeout_start(rip, q);
	return true;
}

void rip_rte_process(struct rip *rip, const struct prefix *p,
		     const struct rip_rte *rte_in, struct in_addr from,
		     struct interface *ifp)
{
	struct route_node *rn;
	struct rip_route *r;
	struct rip_rte in = *rte_in, *rte = &in;
	struct in_addr nexthop;
	uint32_t metric;
	uint8_t distance;
	bool same;

	if (!rip_distribute_permit(rip, 0, p, ifp))
		return;
	if (!rmap_in(rip, p, rte, from, ifp))
		return;
	nexthop = rte->nexthop;
	metric = rte->metric;
	if (!rip_offset_apply(rip, 0, p, ifp, &metric))
		metric += 1;
	if (metric > RIP_METRIC_INFINITY)
		metric = RIP_METRIC_INFINITY;

	/* RFC 2453 4.4: a next hop that is ours makes no sense; one that is
	 * not on the receiving subnet is replaced by the sender. */
	if (nexthop.s_addr != 0 && rip_is_own_address(rip, nexthop))
		return;
	if (nexthop.s_addr == 0 || !rip_if_connected_for(ifp, nexthop))
		nexthop = from;

	distance = rip_distance_apply(rip, from, p);
	if (distance == 255)
		return;

	rn = route_node_lookup(rip->table, p);
	r = rn ? rn->info : NULL;
	if (!r) {
		if (metric >= RIP_METRIC_INFINITY)
			return;
		rn = route_node_get(rip->table, p);
		if (!rn)
			return;
		r = route_new(rip, p);
		rn->info = r;
		route_adopt(rip, r, rte, metric, nexthop, from, ifp, distance);
		return;
	}

	if (is_local_live(r))
		return;
	if (rip->ecmp && r->type == ZEBRA_ROUTE_RIP && r->sub_type == RIP_ROUTE_RTE &&
	    r->metric < RIP_METRIC_INFINITY &&
	    ecmp_process(rip, rn, p, rte, metric, nexthop, from, ifp, distance))
		return;

	same = r->type == ZEBRA_ROUTE_RIP && r->sub_type == RIP_ROUTE_RTE &&
	       r->from.s_addr == from.s_addr && r->ifindex == ifp->ifindex;

	if (same) {
		if (metric >= RIP_METRIC_INFINITY) {
			route_poison(rip, r);
			return;
		}
		if (metric != r->metric || rte->tag != r->tag ||
		    nexthop.s_addr != r->nexthop.s_addr ||
		    distance != r->distance) {
			route_adopt(rip, r, rte, metric, nexthop, from, ifp, distance);
			return;
		}
		timeout_start(rip, r);
		return;
	}

	/* From another router: only a better metric replaces the route. RFC
	 * 2453 3.9.2 allows switching to an equal route when the current one
	 * is half-way to timing out; Quagga never did, and neither do we, so
	 * the next hop shown stays the one a Quagga router would show. */
	if (metric < r->metric)
		route_adopt(rip, r, rte, metric, nexthop, from, ifp, distance);
}

void rip_redistribute_add(struct rip *rip, uint8_t type, uint8_t sub_type,
			  const struct prefix *p, uint32_t ifindex,
			  struct in_addr nexthop, uint32_t metric,
			  uint8_t distance, uint16_t tag)
{
	struct route_node *rn;
	struct rip_route *r;
	bool is_rip_local = type == ZEBRA_ROUTE_RIP &&
			    (sub_type == RIP_ROUTE_STATIC || sub_type == RIP_ROUTE_DEFAULT);

	if (!rip->enabled || p->family != AF_INET)
		return;
	rn = route_node_get(rip->table, p);
	if (!rn)
		return;
	r = rn->info;
	if (r) {
		if (r->type == ZEBRA_ROUTE_CONNECT && r->sub_type == RIP_ROUTE_INTERFACE &&
		    r->metric != RIP_METRIC_INFINITY &&
		    !(type == ZEBRA_ROUTE_CONNECT && sub_type == RIP_ROUTE_INTERFACE))
			return;
		if (r->type == ZEBRA_ROUTE_RIP &&
		    (r->sub_type == RIP_ROUTE_STATIC || r->sub_type == RIP_ROUTE_DEFAULT) &&
		    r->metric != RIP_METRIC_INFINITY && !is_rip_local)
			return;
		zebra_withdraw(rip, r);
		rip_route_free(r->next);	/* ECMP paths of a learned route */
		r->next = NULL;
		event_cancel(&r->t_timeout);
		event_cancel(&r->t_garbage);
	} else {
		r = route_new(rip, p);
		rn->info = r;
	}
	r->type = type;
	r->sub_type = sub_type;
	r->metric = 1;
	r->external_metric = metric;
	r->distance = distance;
	r->tag = tag;
	r->nexthop = nexthop;
	r->from.s_addr = 0;
	r->ifindex = ifindex;
	rip_route_changed(rip, r);
}

void rip_redistribute_delete(struct rip *rip, uint8_t type, uint8_t sub_type,
			     const struct prefix *p, uint32_t ifindex)
{
	struct route_node *rn;
	struct rip_route *r;

	if (!rip->enabled || p->family != AF_INET)
		return;
	rn = route_node_lookup(rip->table, p);
	r = rn ? rn->info : NULL;
	if (!r || r->type != type || r->sub_type != sub_type)
		return;
	if (sub_type == RIP_ROUTE_INTERFACE && r->ifindex != ifindex)
		return;
	route_poison(rip, r);
}

void rip_redistribute_withdraw(struct rip *rip, uint8_t type)
{
	struct route_node *rn;

	if (!rip->table)
		return;
	for (rn = route_top(rip->table); rn; rn = route_next(rip->table, rn)) {
		struct rip_route *r = rn->info;

		if (r->type == type && r->sub_type == RIP_ROUTE_REDISTRIBUTE)
			route_poison(rip, r);
	}
}

void rip_routes_if_down(struct rip *rip, uint32_t ifindex)
{
	struct route_node *rn;

	if (!rip->table)
		return;
	for (rn = route_top(rip->table); rn; rn = route_next(rip->table, rn)) {
		struct rip_route *r = rn->info, *next;

		for (; r; r = next) {
			next = r->next;
			if (r->ifindex != ifindex)
				continue;
			if ((r->type == ZEBRA_ROUTE_RIP && r->sub_type == RIP_ROUTE_RTE) ||
			    (r->type == ZEBRA_ROUTE_CONNECT &&
			     r->sub_type == RIP_ROUTE_INTERFACE))
				path_drop(rip, rn, r);
		}
	}
}

/* Would `route-map NAME in IFNAME` still accept this learned route? The
 * map sees the route as stored (its metric already increased). */
static bool rmap_in_permits(struct rip *rip, const struct prefix *p,
			    const struct rip_route *r, struct interface *ifp)
{
	struct rip_rmap_obj o;
	const char *name = ifp ? rip_if_rmap_name(rip, ifp->name, 0) : NULL;

	if (!name)
		return true;
	rip_rmap_obj_init(&o, rip, r->metric, r->tag, r->nexthop, r->from, r->ifindex);
	return rip_routemap_permit(name, p, &o);
}

/*
 * A filter changed: learned routes the incoming filters now deny are
 * poisoned (neighbours hear metric 16 in the triggered update), and a full
 * update poisons what the outgoing filters now deny.
 */
void rip_filter_changed(struct rip *rip)
{
	struct route_node *rn;

	if (!rip->enabled)
		return;
	for (rn = route_top(rip->table); rn; rn = route_next(rip->table, rn)) {
		struct rip_route *r = rn->info, *next;
		struct prefix p;

		route_node_prefix(rn, &p);
		for (; r; r = next) {
			struct interface *ifp;

			next = r->next;
			if (r->type != ZEBRA_ROUTE_RIP || r->sub_type != RIP_ROUTE_RTE ||
			    r->metric == RIP_METRIC_INFINITY)
				continue;
			ifp = if_lookup_by_index(rip->ifdb, r->ifindex);
			if (!rip_distribute_permit(rip, 0, &p, ifp) ||
			    !rmap_in_permits(rip, &p, r, ifp))
				path_drop(rip, rn, r);
		}
	}
	rip_output_poison_filtered(rip);
}

void rip_rib_clean(struct rip *rip)
{
	struct route_node *rn;

	if (!rip->table)
		return;
	for (rn = route_top(rip->table); rn; rn = route_next(rip->table, rn)) {
		struct rip_route *r = rn->info;

		zebra_withdraw(rip, r);
		rip_route_free(r);
		rn->info = NULL;
		route_node_delete(rip->table, rn);
	}
}

void rip_ecmp_disable(struct rip *rip)
{
	struct route_node *rn;

	if (!rip->table)
		return;
	for (rn = route_top(rip->table); rn; rn = route_next(rip->table, rn)) {
		struct rip_route *r = rn->info;

		if (!r || !r->next)
			continue;
		r = paths_trim(rn, NULL);
		if (r->in_zebra)
			zebra_announce(rip, r);
		rip_route_changed(rip, r);
	}
}
