/*
 * What zebra tells its clients on its own initiative: redistributed routes
 * (in the zebra->client route format), interface and address events,
 * router-id updates, and nexthop-tracking updates.
 *
 * Redistribution: a client subscribed to a route type gets an ADD for every
 * newly selected or changed route of that type and a DELETE when it stops
 * being selected; a client that asked for the default route gets the IPv4
 * default whatever its type (Quagga's check is IPv4-only). A subscription
 * covers both families.
 *
 * Nexthop tracking: each registration is re-evaluated at the end of every
 * RIB slice (and at once on REGISTER); an update is sent when the answer
 * changes. As Quagga 1.2.4 does, a new registration is first answered with
 * an empty update, then with the resolved one (runs.md §9 #14, #15).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "log.h"
#include "memory.h"
#include "vty.h"
#include "zapi.h"
#include "interface.h"
#include "rib.h"
#include "router_id.h"
#include "zserv.h"

DEFINE_MTYPE_STATIC(NHT_REG, "Nexthop registration");

/* ---- routes ---- */

static const struct nexthop *first_leaf(const struct rentry *re)
{
	for (unsigned i = 0; re->rnhg && i < re->rnhg->count; i++) {
		const struct nexthop *nh = &re->rnhg->nh[i];

		if ((nh->flags & NHF_ACTIVE) && !(nh->flags & NHF_RECURSIVE))
			return nh;
	}
	return NULL;
}

static void send_route(struct zconn *c, struct rnode *rn,
		       const struct rentry *re, bool add)
{
	struct zapi_redist_route r;
	const struct nexthop *nh = first_leaf(re);
	uint16_t cmd;

	memset(&r, 0, sizeof(r));
	rnode_prefix(rn, &r.prefix);
	r.type = re->type;
	r.flags = re->flags | ZRF_SELECTED;
	if (nh) {
		if (nh_is_v4gate(nh) || nh_is_v6gate(nh))
			memcpy(&r.nexthop, &nh->gate, sizeof(nh->gate));
		r.ifindex = nh->type == NH_BLACKHOLE ? 0 : nh->ifindex;
	}
	r.distance = re->distance;
	r.metric = re->metric;
	r.tag = re->tag;
	zapi_redist_route_set_message(&r, add, nh != NULL || add);
	if (rn->family == AF_INET)
		cmd = add ? ZEBRA_IPV4_ROUTE_ADD : ZEBRA_IPV4_ROUTE_DELETE;
	else
		cmd = add ? ZEBRA_IPV6_ROUTE_ADD : ZEBRA_IPV6_ROUTE_DELETE;
	if (zapi_redist_route_encode(&c->out, cmd, VRF_DEFAULT, &r) == 0) {
		if (rn->family == AF_INET) {
			if (add)
				c->redist_v4_add++;
			else
				c->redist_v4_del++;
		}
		zconn_queued(c);
	}
}

static bool wants(const struct zconn *c, const struct rnode *rn,
		  const struct rentry *re)
{
	if (c->dead || !re || re->distance == DISTANCE_INFINITY)
		return false;
	if (c->redist & (1u << re->type))
		return true;
	return c->redist_default && rn->family == AF_INET && rn->plen == 0;
}

void zserv_rib_redist(void *arg, struct rnode *rn, struct rentry *old,
		      struct rentry *new)
{
	struct zserv *zs = arg;

	zs->nht_dirty = true;
	for (struct zconn *c = zs->clients; c; c = c->next) {
		if (old && old != new && wants(c, rn, old))
			send_route(c, rn, old, false);
		if (new && wants(c, rn, new))
			send_route(c, rn, new, true);
	}
}

struct redist_walk {
	struct zconn *c;
	uint8_t type;
};

/* Quagga leaves loopback, multicast and link-local prefixes out of the
 * dump a new subscription gets (not out of later updates). */
static bool dump_worthy(const struct rnode *rn)
{
	if (rn->family == AF_INET) {
		uint8_t a = rn->addr[0], b = rn->addr[1];

		return a != 127 && (a & 0xf0) != 0xe0 && !(a == 169 && b == 254);
	}
	if (rn->addr[0] == 0xfe && (rn->addr[1] & 0xc0) == 0x80)
		return false;
	for (int i = 0; i < 15; i++)
		if (rn->addr[i])
			return true;
	return rn->addr[15] != 1;
}

static void redist_type_walk(struct rnode *rn, void *arg)
{
	struct redist_walk *w = arg;

	if (!dump_worthy(rn))
		return;
	if (rn->selected && rn->selected->type == w->type &&
	    rn->selected->distance != DISTANCE_INFINITY && !w->c->dead)
		send_route(w->c, rn, rn->selected, true);
}

void zsend_redist_type(struct zconn *c, uint8_t type)
{
	struct redist_walk w = { .c = c, .type = type };

	rib_walk(c->zs->rib, AF_INET, redist_type_walk, &w);
	rib_walk(c->zs->rib, AF_INET6, redist_type_walk, &w);
}

void zsend_redist_default(struct zconn *c)
{
	struct prefix p;
	struct rnode *rn;

	memset(&p, 0, sizeof(p));
	p.family = AF_INET;
	rn = rib_node_get(c->zs->rib, &p);
	if (rn && rn->selected)
		send_route(c, rn, rn->selected, true);
	p.family = AF_INET6;
	rn = rib_node_get(c->zs->rib, &p);
	if (rn && rn->selected)
		send_route(c, rn, rn->selected, true);
}

/* ---- interfaces and router-id ---- */

void zsend_interface(struct zconn *c, uint16_t cmd, const struct zif *ifp)
{
	struct zapi_interface zi;

	memset(&zi, 0, sizeof(zi));
	snprintf(zi.name, sizeof(zi.name), "%s", ifp->name);
	zi.ifindex = ifp->ifindex;
	zi.status = zif_status(ifp);
	zi.flags = ifp->flags;
	zi.metric = ifp->metric;
	zi.mtu = ifp->mtu;
	zi.mtu6 = ifp->mtu6;
	zi.bandwidth = ifp->bandwidth;
	zi.ll_type = zif_ll_type(ifp);
	zi.hw_addr_len = ifp->hw_len;
	memcpy(zi.hw_addr, ifp->hw_addr, ifp->hw_len);
	if (zapi_interface_encode(&c->out, cmd, VRF_DEFAULT, &zi) == 0)
		zconn_queued(c);
}

void zsend_address(struct zconn *c, uint16_t cmd, const struct zif *ifp,
		   const struct zif_addr *a)
{
	struct zapi_address za;

	memset(&za, 0, sizeof(za));
	za.ifindex = ifp->ifindex;
	za.flags = a->flags;
	za.prefix = a->p;
	if (a->dest.family == a->p.family)
		memcpy(za.dest.bytes, a->dest.u.bytes, 16);
	if (zapi_address_encode(&c->out, cmd, VRF_DEFAULT, &za) == 0) {
		if (cmd == ZEBRA_INTERFACE_ADDRESS_ADD)
			c->addr_add++;
		else
			c->addr_del++;
		zconn_queued(c);
	}
}

void zsend_router_id(struct zconn *c)
{
	struct prefix p;

	memset(&p, 0, sizeof(p));
	p.family = AF_INET;
	p.prefixlen = 32;
	p.u.v4 = router_id_get(c->zs->rid);
	if (zapi_router_id_encode(&c->out, VRF_DEFAULT, &p) == 0) {
		c->rid_upd++;
		zconn_queued(c);
	}
}

void zserv_router_id_changed(void *arg, struct in_addr id)
{
	struct zserv *zs = arg;

	if (!zs)
		return;
	for (struct zconn *c = zs->clients; c; c = c->next)
		if (c->ridinfo && !c->dead)
			zsend_router_id(c);
}

#define FOR_IFINFO(zs, c)                                                      \
	for (struct zconn *c = (zs)->clients; c; c = c->next)                  \
		if (c->ifinfo && !c->dead)

static void l_added(void *arg, struct zif *ifp)
{
	struct zserv *zs = arg;

	FOR_IFINFO(zs, c)
	{
		c->ifadd++;
		zsend_interface(c, ZEBRA_INTERFACE_ADD, ifp);
	}
}

static void l_deleted(void *arg, struct zif *ifp)
{
	struct zserv *zs = arg;

	FOR_IFINFO(zs, c)
	{
		c->ifdel++;
		zsend_interface(c, ZEBRA_INTERFACE_DELETE, ifp);
	}
}

static void l_up(void *arg, struct zif *ifp)
{
	struct zserv *zs = arg;

	FOR_IFINFO(zs, c)
	{
		c->ifup++;
		zsend_interface(c, ZEBRA_INTERFACE_UP, ifp);
	}
}

static void l_down(void *arg, struct zif *ifp)
{
	struct zserv *zs = arg;

	FOR_IFINFO(zs, c)
	{
		c->ifdown++;
		zsend_interface(c, ZEBRA_INTERFACE_DOWN, ifp);
	}
}

static void l_changed(void *arg, struct zif *ifp)
{
	/* Quagga announces a bandwidth change as an UP */
	if (zif_is_operative(ifp))
		l_up(arg, ifp);
}

static void l_addr_added(void *arg, struct zif *ifp, struct zif_addr *a)
{
	struct zserv *zs = arg;

	FOR_IFINFO(zs, c)
		zsend_address(c, ZEBRA_INTERFACE_ADDRESS_ADD, ifp, a);
}

static void l_addr_deleted(void *arg, struct zif *ifp, struct zif_addr *a)
{
	struct zserv *zs = arg;

	FOR_IFINFO(zs, c)
		zsend_address(c, ZEBRA_INTERFACE_ADDRESS_DELETE, ifp, a);
}

void zserv_if_listen(struct zserv *zs)
{
	struct zif_listener l = {
		.added = l_added,
		.deleted = l_deleted,
		.up = l_up,
		.down = l_down,
		.changed = l_changed,
		.addr_added = l_addr_added,
		.addr_deleted = l_addr_deleted,
		.arg = zs,
	};

	zif_add_listener(zs->ifdb, &l);
}

/* ---- nexthop tracking ---- */

static void nht_build(struct zserv *zs, const struct nht_reg *r,
		      struct zapi_nexthop_update *u)
{
	struct rnode *rn;

	memset(u, 0, offsetof(struct zapi_nexthop_update, nexthops));
	u->prefix = r->p;
	rn = rib_match(zs->rib, r->p.family, r->p.u.bytes, NULL, 0);
	if (!rn || !rn->selected)
		return;
	if (r->connected && rn->selected->type != ZRT_CONNECT)
		return;
	u->metric = rn->selected->metric;
	for (unsigned i = 0; rn->selected->rnhg && i < rn->selected->rnhg->count; i++) {
		const struct nexthop *nh = &rn->selected->rnhg->nh[i];
		struct zapi_nexthop *z;

		if (!(nh->flags & NHF_ACTIVE) || (nh->flags & NHF_RECURSIVE))
			continue;
		if (!(rn->selected->status & RES_FIB))
			continue;
		if (u->nexthop_num >= MULTIPATH_NUM)
			break;
		z = &u->nexthops[u->nexthop_num++];
		memset(z, 0, sizeof(*z));
		z->type = nh->type;
		memcpy(z->gate.bytes, &nh->gate, sizeof(nh->gate));
		z->ifindex = nh->ifindex;
	}
}

static uint32_t nht_hash(const struct zapi_nexthop_update *u)
{
	uint32_t h = 2166136261u ^ u->metric ^ ((uint32_t)u->nexthop_num << 24);

	for (unsigned i = 0; i < u->nexthop_num; i++) {
		const struct zapi_nexthop *z = &u->nexthops[i];

		h = (h ^ z->type) * 16777619u;
		h = (h ^ z->ifindex) * 16777619u;
		for (unsigned j = 0; j < 16; j++)
			h = (h ^ z->gate.bytes[j]) * 16777619u;
	}
	return h;
}

static void nht_send(struct zconn *c, struct nht_reg *r, bool force)
{
	static struct zapi_nexthop_update u;
	uint32_t h;

	nht_build(c->zs, r, &u);
	h = nht_hash(&u);
	if (!force && r->sent && h == r->last_hash)
		return;
	r->sent = true;
	r->last_hash = h;
	if (zapi_nexthop_update_encode(&c->out, VRF_DEFAULT, &u) == 0)
		zconn_queued(c);
}

static void nht_cb(struct event *ev)
{
	zserv_nht_evaluate(event_arg(ev));
}

void zserv_nht_register(struct zconn *c, const struct prefix *p, bool connected)
{
	struct nht_reg *r;

	for (r = c->nht; r; r = r->next)
		if (prefix_same(&r->p, p))
			break;
	if (!r) {
		static struct zapi_nexthop_update empty;

		r = XCALLOC(NHT_REG, sizeof(*r));
		r->p = *p;
		r->next = c->nht;
		c->nht = r;
		/* Quagga answers a new registration with an empty update first */
		memset(&empty, 0, sizeof(empty));
		empty.prefix = *p;
		if (zapi_nexthop_update_encode(&c->out, VRF_DEFAULT, &empty) == 0)
			zconn_queued(c);
		r->sent = true;
		r->last_hash = nht_hash(&empty);
	}
	r->connected = connected;
	/* the resolved answer follows from the loop, after queued RIB work */
	c->zs->nht_dirty = true;
	if (!c->zs->t_nht)
		event_add_timer_msec(c->zs->loop, nht_cb, c->zs, 1, &c->zs->t_nht);
}

void zserv_nht_unregister(struct zconn *c, const struct prefix *p)
{
	for (struct nht_reg **pp = &c->nht; *pp; pp = &(*pp)->next) {
		if (prefix_same(&(*pp)->p, p)) {
			struct nht_reg *r = *pp;

			*pp = r->next;
			XFREE(NHT_REG, r);
			return;
		}
	}
}

void zserv_nht_free(struct zconn *c)
{
	while (c->nht) {
		struct nht_reg *r = c->nht;

		c->nht = r->next;
		XFREE(NHT_REG, r);
	}
}

void zserv_nht_evaluate(struct zserv *zs)
{
	if (!zs->nht_dirty)
		return;
	zs->nht_dirty = false;
	for (struct zconn *c = zs->clients; c; c = c->next)
		for (struct nht_reg *r = c->nht; r && !c->dead; r = r->next)
			nht_send(c, r, false);
}

/* ---- show zebra client ---- */

static const char *ago(time_t t, char *buf, size_t n)
{
	long d = (long)(time(NULL) - t);

	if (d < 0)
		d = 0;
	snprintf(buf, n, "%02ld:%02ld:%02ld", d / 3600, (d / 60) % 60, d % 60);
	return buf;
}

void zserv_show_clients(struct zserv *zs, struct vty *vty, bool summary)
{
	char b1[32], b2[32], b3[32];

	if (summary) {
		vty_out(vty, "Name    Connect Time    Last Read  Last Write  IPv4 Routes       IPv6 Routes    \n");
		vty_out(vty, "--------------------------------------------------------------------------------\n");
	}
	for (struct zconn *c = zs->clients; c; c = c->next) {
		if (c->dead)
			continue;
		if (summary) {
			char r4[24], r6[24];

			snprintf(r4, sizeof(r4), "%u/%u", c->v4_add, c->v4_del);
			snprintf(r6, sizeof(r6), "%u/%u", c->v6_add, c->v6_del);
			vty_out(vty, "%-8s%12s %12s%12s%8s%-10s%8s%-10s\n",
				zrt_name(c->proto), ago(c->connect_time, b1, sizeof(b1)),
				ago(c->last_read, b2, sizeof(b2)),
				ago(c->last_write, b3, sizeof(b3)), "", r4, "", r6);
			continue;
		}
		vty_out(vty, "Client: %s\n", zrt_name(c->proto));
		vty_out(vty, "FD: %d \n", c->id);
		vty_out(vty, "Route Table ID: 0 \n");
		vty_out(vty, "Connect Time: %s \n", ago(c->connect_time, b1, sizeof(b1)));
		vty_out(vty, "Last Msg Rx Time: %s \n", ago(c->last_read, b1, sizeof(b1)));
		vty_out(vty, "Last Msg Tx Time: %s \n", ago(c->last_write, b1, sizeof(b1)));
		vty_out(vty, "Type        Add        Update     Del \n");
		vty_out(vty, "================================================== \n");
		vty_out(vty, "IPv4        %-12u%-12u%-12u\n", c->v4_add, 0u, c->v4_del);
		vty_out(vty, "IPv6        %-12u%-12u%-12u\n", c->v6_add, 0u, c->v6_del);
		vty_out(vty, "Redist:v4   %-12u%-12u%-12u\n", c->redist_v4_add, 0u,
			c->redist_v4_del);
		vty_out(vty, "Interface Up Notifications: %u\n", c->ifup);
		vty_out(vty, "Interface Down Notifications: %u\n", c->ifdown);
		vty_out(vty, "\n");
	}
	if (summary)
		vty_out(vty, "Routes column shows (added+updated)/deleted\n");
}
