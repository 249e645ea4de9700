/*
 * ripd's side of zebra, only through lib/zclient.h.
 *
 * Out: learned routes are added to zebra as type RIP (4) with one IPv4
 * next hop per path (more than one only with allow-ecmp) and the RIP metric, plus distance and tag when set (the same
 * bytes Quagga's ripd sends, runs.md section 9); redistribution
 * subscriptions follow the `redistribute` commands.
 * In: interface and address messages re-evaluate where RIP runs
 * (rip_interface.c); redistributed IPv4 routes become (r) routes.
 * zclient replays our routes and subscriptions after a reconnect.
 */
#include <string.h>

#include "event.h"
#include "log.h"
#include "zclient.h"
#include "ripd.h"

static void route_fill(struct zapi_route *zr, const struct prefix *p,
		       const struct rip_route *r)
{
	const struct rip_route *q;
	unsigned n = 0;

	memset(zr, 0, sizeof(*zr));
	zr->type = ZEBRA_ROUTE_RIP;
	zr->safi = SAFI_UNICAST;
	zr->prefix = *p;
	zr->message = ZAPI_MESSAGE_NEXTHOP | ZAPI_MESSAGE_METRIC;
	/* one next hop per path (several with allow-ecmp) */
	for (q = r; q && n < ZAPI_NEXTHOP_MAX; q = q->next, n++) {
		zr->nexthops[n].type = ZEBRA_NEXTHOP_IPV4;
		zr->nexthops[n].gate.v4 = q->nexthop;
	}
	zr->nexthop_num = (uint8_t)n;
	zr->metric = r->metric;
	if (r->distance) {
		zr->message |= ZAPI_MESSAGE_DISTANCE;
		zr->distance = r->distance;
	}
	if (r->tag) {
		zr->message |= ZAPI_MESSAGE_TAG;
		zr->tag = r->tag;
	}
}

void rip_zebra_route_add(struct rip *rip, const struct prefix *p, struct rip_route *r)
{
	struct zapi_route zr;
	char buf[PREFIX_STRLEN];

	if (!rip->zc || rip->zebra_no_install)
		return;
	route_fill(&zr, p, r);
	if (zclient_route_add(rip->zc, &zr) == 0)
		r->in_zebra = true;
	if (IS_RIP_DEBUG_ZEBRA)
		zlog_debug("install into zebra: %s metric %u",
			   prefix2str(p, buf, sizeof(buf)), r->metric);
}

void rip_zebra_route_delete(struct rip *rip, const struct prefix *p, struct rip_route *r)
{
	struct zapi_route zr;
	char buf[PREFIX_STRLEN];

	r->in_zebra = false;
	if (!rip->zc)
		return;
	route_fill(&zr, p, r);
	zclient_route_delete(rip->zc, &zr);
	if (IS_RIP_DEBUG_ZEBRA)
		zlog_debug("delete from zebra: %s", prefix2str(p, buf, sizeof(buf)));
}

void rip_zebra_redistribute(struct rip *rip, uint8_t type, bool on)
{
	if (rip->zc)
		zclient_redistribute(rip->zc, on, type);
}

static struct rip *zc_rip(struct zclient *zc)
{
	return zclient_arg(zc);
}

static void if_update_later(struct event *ev)
{
	struct rip *rip = event_arg(ev);

	rip_if_update_all(rip);
}

/* After a delete the object is removed only when the callback returns. */
static void schedule_if_update(struct rip *rip)
{
	event_add_timer_msec(rip->loop, if_update_later, rip, 0, &rip->t_ifupdate);
}

static void zc_if_change(struct zclient *zc, struct interface *ifp)
{
	struct rip *rip = zc_rip(zc);

	if (IS_RIP_DEBUG_ZEBRA)
		zlog_debug("interface %s state change from zebra", ifp->name);
	rip_if_update(rip, ifp);
}

static void zc_if_down(struct zclient *zc, struct interface *ifp)
{
	struct rip *rip = zc_rip(zc);

	rip_if_update(rip, ifp);
}

static void zc_if_delete(struct zclient *zc, struct interface *ifp)
{
	struct rip *rip = zc_rip(zc);
	struct rip_if *ri = rip_if_info(ifp);

	if (ri->running) {
		rip_routes_if_down(rip, ifp->ifindex);
		ri->running = false;
		ri->joined = false;
	}
	schedule_if_update(rip);
}

static void zc_addr_add(struct zclient *zc, struct connected *ifc)
{
	rip_if_update(zc_rip(zc), ifc->ifp);
}

static void zc_addr_delete(struct zclient *zc, struct connected *ifc)
{
	struct rip *rip = zc_rip(zc);
	struct prefix p = ifc->address;

	if (p.family == AF_INET) {
		apply_mask(&p);
		rip_redistribute_delete(rip, ZEBRA_ROUTE_CONNECT, RIP_ROUTE_INTERFACE, &p,
					ifc->ifp->ifindex);
	}
	schedule_if_update(rip);
}

static void zc_route_add(struct zclient *zc, uint16_t cmd,
			 const struct zapi_redist_route *zr)
{
	struct rip *rip = zc_rip(zc);
	struct prefix p = zr->prefix;

	if (cmd != ZEBRA_IPV4_ROUTE_ADD || zr->type >= ZEBRA_ROUTE_MAX ||
	    !rip->redist[zr->type].enabled)
		return;
	apply_mask(&p);
	rip_redistribute_add(rip, zr->type, RIP_ROUTE_REDISTRIBUTE, &p,
			     (zr->message & ZAPI_MESSAGE_IFINDEX) ? zr->ifindex : 0,
			     (zr->message & ZAPI_MESSAGE_NEXTHOP) ? zr->nexthop.v4
								 : (struct in_addr){ 0 },
			     (zr->message & ZAPI_MESSAGE_METRIC) ? zr->metric : 0,
			     (zr->message & ZAPI_MESSAGE_DISTANCE) ? zr->distance : 0,
			     (uint16_t)((zr->message & ZAPI_MESSAGE_TAG) ? zr->tag : 0));
}

static void zc_route_delete(struct zclient *zc, uint16_t cmd,
			    const struct zapi_redist_route *zr)
{
	struct rip *rip = zc_rip(zc);
	struct prefix p = zr->prefix;

	if (cmd != ZEBRA_IPV4_ROUTE_DELETE || zr->type >= ZEBRA_ROUTE_MAX)
		return;
	apply_mask(&p);
	rip_redistribute_delete(rip, zr->type, RIP_ROUTE_REDISTRIBUTE, &p, 0);
}

static void zc_connected(struct zclient *zc)
{
	if (IS_RIP_DEBUG_ZEBRA)
		zlog_debug("connected to zebra");
	(void)zc;
}

static const struct zclient_callbacks rip_zc_callbacks = {
	.connected = zc_connected,
	.interface_add = zc_if_change,
	.interface_up = zc_if_change,
	.interface_down = zc_if_down,
	.interface_delete = zc_if_delete,
	.address_add = zc_addr_add,
	.address_delete = zc_addr_delete,
	.route_add = zc_route_add,
	.route_delete = zc_route_delete,
};

struct zclient *rip_zclient_new(struct event_loop *loop, struct rip *rip)
{
	return zclient_new(loop, ZEBRA_ROUTE_RIP, &rip_zc_callbacks, rip, rip->ifdb);
}
