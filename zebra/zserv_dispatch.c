/*
 * zserv commands from clients, one handler per command number in a table.
 *
 * Every body is decoded by lib/zapi.h's pure decoders; a body that does not
 * decode is logged (rate-limited) and the client is disconnected, as for a
 * bad header: Quagga would misread it, we refuse it. Unknown commands are
 * logged and ignored as Quagga does.
 *
 * VRF_UNREGISTER: Quagga 1.2.4's dispatch lacks a `break` there, so after
 * dropping the client's subscriptions the same body is read as a
 * NEXTHOP_REGISTER. We emulate it: an empty body (what clients send)
 * registers nothing, a non-empty one registers its entries.
 */
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "zapi.h"
#include "interface.h"
#include "rib.h"
#include "zserv.h"

static struct log_ratelimit rl_dispatch = LOG_RATELIMIT_INIT(5, 20);

typedef void (*zhandler)(struct zconn *c, const struct zapi_header *h,
			 struct reader *body);

static void bad_body(struct zconn *c, const struct zapi_header *h, int err)
{
	zlog_rl(&rl_dispatch, LOG_WARNING,
		"zserv client %d: malformed %s (%s), disconnecting", c->id,
		zapi_command_name(h->command), zapi_strerror(err));
	zconn_close(c, "malformed message");
}

static void z_hello(struct zconn *c, const struct zapi_header *h,
		    struct reader *body)
{
	uint8_t type;
	int rc = zapi_route_type_decode(body, &type);

	if (rc < 0) {
		bad_body(c, h, rc);
		return;
	}
	if (type > ZRT_STATIC && type < ZRT_MAX) {
		zlog_notice("client %d says hello and bids fair to announce only %s routes",
			    c->id, zrt_name(type));
		c->proto = type;
	}
}

static void z_router_id_add(struct zconn *c, const struct zapi_header *h,
			    struct reader *body)
{
	c->ridinfo = true;
	zsend_router_id(c);
}

static void z_router_id_del(struct zconn *c, const struct zapi_header *h,
			    struct reader *body)
{
	c->ridinfo = false;
}

static void z_interface_add(struct zconn *c, const struct zapi_header *h,
			    struct reader *body)
{
	size_t n;
	struct zif **v = zif_sorted(c->zs->ifdb, &n);

	c->ifinfo = true;
	for (size_t i = 0; i < n; i++) {
		if (!v[i]->ifindex)
			continue;
		zsend_interface(c, ZEBRA_INTERFACE_ADD, v[i]);
		for (struct zif_addr *a = v[i]->addrs; a; a = a->next)
			if (a->in_kernel)
				zsend_address(c, ZEBRA_INTERFACE_ADDRESS_ADD, v[i], a);
	}
	free(v);
}

static void z_interface_del(struct zconn *c, const struct zapi_header *h,
			    struct reader *body)
{
	c->ifinfo = false;
}

static void to_rib_nexthops(const struct zapi_route *zr, int family,
			    struct nexthop *nh, unsigned *count, uint8_t *flags)
{
	unsigned n = 0, ngate = 0, nidx = 0;
	struct nexthop gates[MULTIPATH_NUM];
	uint32_t idx[MULTIPATH_NUM];

	for (unsigned i = 0; i < zr->nexthop_num; i++) {
		const struct zapi_nexthop *z = &zr->nexthops[i];

		switch (z->type) {
		case ZEBRA_NEXTHOP_BLACKHOLE:
			*flags |= ZRF_BLACKHOLE;
			break;
		case ZEBRA_NEXTHOP_IPV4:
		case ZEBRA_NEXTHOP_IPV4_IFINDEX:
			if (family != AF_INET || n >= MULTIPATH_NUM)
				break;
			memset(&nh[n], 0, sizeof(nh[n]));
			nh[n].type = z->ifindex && z->type == ZEBRA_NEXTHOP_IPV4_IFINDEX ?
					     NH_IPV4_IFINDEX : NH_IPV4;
			nh[n].gate.v4 = z->gate.v4;
			nh[n].ifindex = z->type == ZEBRA_NEXTHOP_IPV4_IFINDEX ?
						z->ifindex : 0;
			n++;
			break;
		case ZEBRA_NEXTHOP_IFINDEX:
			if (family == AF_INET6) {
				if (nidx < MULTIPATH_NUM)
					idx[nidx++] = z->ifindex;
				break;
			}
			if (n >= MULTIPATH_NUM)
				break;
			memset(&nh[n], 0, sizeof(nh[n]));
			nh[n].type = NH_IFINDEX;
			nh[n].ifindex = z->ifindex;
			n++;
			break;
		case ZEBRA_NEXTHOP_IPV6:
		case ZEBRA_NEXTHOP_IPV6_IFINDEX:
			if (family != AF_INET6 || ngate >= MULTIPATH_NUM)
				break;
			memset(&gates[ngate], 0, sizeof(gates[0]));
			gates[ngate].gate.v6 = z->gate.v6;
			gates[ngate].ifindex = z->type == ZEBRA_NEXTHOP_IPV6_IFINDEX ?
						       z->ifindex : 0;
			ngate++;
			break;
		default:
			break;
		}
	}
	if (family == AF_INET6) {
		/* pair the i-th gate with the i-th ifindex, as Quagga */
		unsigned m = ngate > nidx ? ngate : nidx;

		for (unsigned i = 0; i < m && n < MULTIPATH_NUM; i++) {
			static const struct in6_addr zero6;
			uint32_t ifi = i < nidx ? idx[i] :
				       (i < ngate ? gates[i].ifindex : 0);

			memset(&nh[n], 0, sizeof(nh[n]));
			if (i < ngate && memcmp(&gates[i].gate.v6, &zero6, 16)) {
				nh[n].gate.v6 = gates[i].gate.v6;
				nh[n].ifindex = ifi;
				nh[n].type = ifi ? NH_IPV6_IFINDEX : NH_IPV6;
			} else if (ifi) {
				nh[n].type = NH_IFINDEX;
				nh[n].ifindex = ifi;
			} else {
				continue;
			}
			n++;
		}
	}
	*count = n;
}

static void z_route(struct zconn *c, const struct zapi_header *h,
		    struct reader *body)
{
	static struct zapi_route zr;	/* large: kept off the stack */
	struct nexthop nh[MULTIPATH_NUM];
	struct rib_route r;
	int family = 0, rc;
	bool add = false;

	rc = zapi_route_decode(h->command, body, &zr);
	if (rc < 0) {
		bad_body(c, h, rc);
		return;
	}
	zapi_route_command(h->command, &family, &add);
	if (zr.type == ZRT_SYSTEM || zr.type >= ZRT_MAX) {
		zlog_rl(&rl_dispatch, LOG_WARNING,
			"zserv client %d: route of unknown type %u ignored",
			c->id, zr.type);
		return;
	}
	if (zr.safi != SAFI_UNICAST)
		return;	/* no multicast RIB here */
	if (family == AF_INET) {
		if (add)
			c->v4_add++;
		else
			c->v4_del++;
	} else {
		if (add)
			c->v6_add++;
		else
			c->v6_del++;
	}
	if (!add) {
		rib_delete(c->zs->rib, &zr.prefix, zr.type, 0);
		return;
	}
	memset(&r, 0, sizeof(r));
	r.type = zr.type;
	r.flags = zr.flags & (ZRF_BLACKHOLE | ZRF_REJECT | ZRF_IBGP |
			      ZRF_INTERNAL);
	if (zr.message & ZAPI_MESSAGE_DISTANCE)
		r.distance = zr.distance;
	if (zr.message & ZAPI_MESSAGE_METRIC)
		r.metric = zr.metric;
	if (zr.message & ZAPI_MESSAGE_TAG)
		r.tag = zr.tag;
	to_rib_nexthops(&zr, family, nh, &r.nh_count, &r.flags);
	if (r.flags & (ZRF_BLACKHOLE | ZRF_REJECT)) {
		memset(&nh[0], 0, sizeof(nh[0]));
		nh[0].type = NH_BLACKHOLE;
		r.nh_count = 1;
	}
	r.nh = nh;
	rib_add(c->zs->rib, &zr.prefix, &r);
}

static void z_redistribute(struct zconn *c, const struct zapi_header *h,
			   struct reader *body)
{
	uint8_t type;
	int rc = zapi_route_type_decode(body, &type);

	if (rc < 0) {
		bad_body(c, h, rc);
		return;
	}
	if (type == 0 || type >= ZRT_MAX)
		return;
	if (h->command == ZEBRA_REDISTRIBUTE_ADD) {
		if (c->redist & (1u << type))
			return;
		c->redist |= 1u << type;
		zsend_redist_type(c, type);
	} else {
		c->redist &= ~(1u << type);
	}
}

static void z_redistribute_default(struct zconn *c, const struct zapi_header *h,
				   struct reader *body)
{
	if (h->command == ZEBRA_REDISTRIBUTE_DEFAULT_ADD) {
		c->redist_default = true;
		zsend_redist_default(c);
	} else {
		c->redist_default = false;
	}
}

static void fill_reply_nexthops(struct zapi_lookup_reply *rep,
				const struct rentry *re, int family)
{
	rep->nexthop_num = 0;
	for (unsigned i = 0; re->rnhg && i < re->rnhg->count; i++) {
		const struct nexthop *nh = &re->rnhg->nh[i];
		struct zapi_nexthop *z;

		if (!(nh->flags & NHF_ACTIVE) || (nh->flags & NHF_RECURSIVE))
			continue;
		if (rep->nexthop_num >= MULTIPATH_NUM)
			break;
		z = &rep->nexthops[rep->nexthop_num++];
		memset(z, 0, sizeof(*z));
		z->type = nh->type;
		if (family == AF_INET)
			z->gate.v4 = nh->gate.v4;
		else
			z->gate.v6 = nh->gate.v6;
		z->ifindex = nh->ifindex;
	}
}

static void z_lookup(struct zconn *c, const struct zapi_header *h,
		     struct reader *body)
{
	static struct zapi_lookup_reply rep;
	struct zapi_lookup_request q;
	struct rnode *rn;
	int family, rc = zapi_lookup_request_decode(h->command, body, &q);

	if (rc < 0) {
		bad_body(c, h, rc);
		return;
	}
	family = q.prefix.family;
	memset(&rep, 0, sizeof(rep));
	rep.command = h->command;
	memcpy(rep.addr.bytes, q.prefix.u.bytes, family == AF_INET ? 4 : 16);
	if (h->command == ZEBRA_IPV4_IMPORT_LOOKUP) {
		struct prefix p = q.prefix;

		apply_mask(&p);
		rn = rib_node_get(c->zs->rib, &p);
		if (rn && !rn->selected)
			rn = NULL;
	} else {
		rn = rib_match(c->zs->rib, family, q.prefix.u.bytes, NULL,
			       ZRT_BGP);
	}
	if (rn && rn->selected) {
		rep.metric = rn->selected->metric;
		rep.distance = rn->selected->distance;
		fill_reply_nexthops(&rep, rn->selected, family);
	}
	if (zapi_lookup_reply_encode(&c->out, VRF_DEFAULT, &rep) == 0)
		zconn_queued(c);
}

static void z_nht(struct zconn *c, const struct zapi_header *h,
		  struct reader *body)
{
	static struct zapi_nht_entry e[ZAPI_NHT_MAX_ENTRIES];
	size_t n = 0;
	int rc;

	if (h->command == ZEBRA_VRF_UNREGISTER) {
		/* Quagga: drop subscriptions, then fall through to REGISTER */
		c->redist = 0;
		c->redist_default = false;
		c->ifinfo = false;
		c->ridinfo = false;
	}
	rc = zapi_nht_register_decode(body, e, ZAPI_NHT_MAX_ENTRIES, &n);
	if (rc < 0) {
		bad_body(c, h, rc);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (h->command == ZEBRA_NEXTHOP_UNREGISTER)
			zserv_nht_unregister(c, &e[i].prefix);
		else
			zserv_nht_register(c, &e[i].prefix, e[i].connected);
	}
}

static const zhandler handlers[ZEBRA_MESSAGE_MAX] = {
	[ZEBRA_INTERFACE_ADD] = z_interface_add,
	[ZEBRA_INTERFACE_DELETE] = z_interface_del,
	[ZEBRA_IPV4_ROUTE_ADD] = z_route,
	[ZEBRA_IPV4_ROUTE_DELETE] = z_route,
	[ZEBRA_IPV6_ROUTE_ADD] = z_route,
	[ZEBRA_IPV6_ROUTE_DELETE] = z_route,
	[ZEBRA_REDISTRIBUTE_ADD] = z_redistribute,
	[ZEBRA_REDISTRIBUTE_DELETE] = z_redistribute,
	[ZEBRA_REDISTRIBUTE_DEFAULT_ADD] = z_redistribute_default,
	[ZEBRA_REDISTRIBUTE_DEFAULT_DELETE] = z_redistribute_default,
	[ZEBRA_IPV4_NEXTHOP_LOOKUP] = z_lookup,
	[ZEBRA_IPV6_NEXTHOP_LOOKUP] = z_lookup,
	[ZEBRA_IPV4_IMPORT_LOOKUP] = z_lookup,
	[ZEBRA_ROUTER_ID_ADD] = z_router_id_add,
	[ZEBRA_ROUTER_ID_DELETE] = z_router_id_del,
	[ZEBRA_HELLO] = z_hello,
	[ZEBRA_IPV4_NEXTHOP_LOOKUP_MRIB] = z_lookup,
	[ZEBRA_VRF_UNREGISTER] = z_nht,
	[ZEBRA_NEXTHOP_REGISTER] = z_nht,
	[ZEBRA_NEXTHOP_UNREGISTER] = z_nht,
};

void zserv_dispatch(struct zconn *c, const struct zapi_header *h,
		    struct reader *body)
{
	zhandler fn = h->command < ZEBRA_MESSAGE_MAX ? handlers[h->command] : NULL;

	if (!fn) {
		zlog_rl(&rl_dispatch, LOG_WARNING,
			"Zebra received unknown command %u", h->command);
		return;
	}
	fn(c, h, body);
}
