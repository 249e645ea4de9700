/*
 * RIP on interfaces: which interfaces run RIP, the UDP socket, multicast
 * membership, and the connected subnets RIP announces.
 *
 * An interface runs RIP when `router rip` is configured, it is up, and
 * either one of its IPv4 addresses lies inside a `network A.B.C.D/M` or its
 * name is given by `network IFNAME`. rip_if_update() recomputes that after
 * anything that could change it (zebra's interface and address messages,
 * the network and passive-interface commands) and acts on transitions:
 * joining 224.0.0.9, announcing the interface's subnets as C(i) routes,
 * asking the neighbours for their tables; and on the way down poisoning
 * what was learned through the interface.
 *
 * One socket serves everything: bound to 0.0.0.0:520, IP_PKTINFO tells on
 * which interface a datagram arrived and selects interface and source
 * address on sending, so no per-address sockets are needed.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <arpa/inet.h>

#include "event.h"
#include "log.h"
#include "memory.h"
#include "ripd.h"

DEFINE_MTYPE_STATIC(RIP_IF, "RIP interface");

struct rip_if *rip_if_info(struct interface *ifp)
{
	struct rip_if *ri = ifp->info;

	if (!ri) {
		ri = XCALLOC(RIP_IF, sizeof(*ri));
		ri->ifp = ifp;
		ri->rip = rip_get();
		ri->split_horizon = RIP_SPLIT_HORIZON;
		ri->md5_auth_len = RIP_AUTH_MD5_COMPAT_SIZE;
		ifp->info = ri;
	}
	return ri;
}

static void if_new_hook(struct interface *ifp, void *arg)
{
	(void)arg;
	rip_if_info(ifp);
}

static void if_del_hook(struct interface *ifp, void *arg)
{
	struct rip_if *ri = ifp->info;

	(void)arg;
	if (!ri)
		return;
	rip_if_conf_free(ri);
	XFREE(RIP_IF, ri);
	ifp->info = NULL;
}

void rip_if_init(struct rip *rip)
{
	if_db_set_hooks(rip->ifdb, if_new_hook, if_del_hook, rip);
}

uint8_t rip_if_send_version(const struct rip_if *ri)
{
	return ri->ri_send != RI_RIP_UNSPEC ? ri->ri_send : ri->rip->version_send;
}

uint8_t rip_if_recv_version(const struct rip_if *ri)
{
	return ri->ri_receive != RI_RIP_UNSPEC ? ri->ri_receive : ri->rip->version_recv;
}

struct connected *rip_if_connected_for(struct interface *ifp, struct in_addr addr)
{
	struct prefix p;

	prefix_from_ipv4(&p, addr, 32);
	return connected_lookup_subnet(ifp, &p);
}

bool rip_is_own_address(const struct rip *rip, struct in_addr addr)
{
	struct prefix p;

	prefix_from_ipv4(&p, addr, 32);
	return if_lookup_exact_address(rip->ifdb, &p) != NULL;
}

static bool name_listed(const struct rip_name *l, const char *name)
{
	for (; l; l = l->next)
		if (strcmp(l->name, name) == 0)
			return true;
	return false;
}

bool rip_if_is_passive(const struct rip *rip, const struct interface *ifp)
{
	return rip->passive_default != name_listed(rip->passive_names, ifp->name);
}

/* Is this address of the interface covered by a `network` prefix? */
static bool address_enabled(const struct rip *rip, const struct connected *ifc)
{
	struct prefix host = ifc->address;

	if (ifc->address.family != AF_INET || !rip->networks)
		return false;
	host.prefixlen = 32;
	return route_node_match(rip->networks, &host) != NULL;
}

static void multicast_member(struct rip *rip, struct rip_if *ri, bool join)
{
	struct ip_mreqn mr = { 0 };

	if (ri->joined == join || rip->sock < 0)
		return;
	if (join && !if_is_multicast(ri->ifp))
		return;
	mr.imr_multiaddr.s_addr = htonl(RIP_GROUP_ADDR);
	mr.imr_ifindex = (int)ri->ifp->ifindex;
	if (setsockopt(rip->sock, IPPROTO_IP, join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP,
		       &mr, sizeof(mr)) < 0 && join)
		zlog_warn("can't join 224.0.0.9 on %s: %s", ri->ifp->name,
			  strerror(errno));
	ri->joined = join;
}

/* Announce the interface's enabled subnets as C(i) routes (idempotent). */
static void connected_routes_sync(struct rip *rip, struct rip_if *ri)
{
	struct connected *ifc;
	struct in_addr none = { 0 };

	for (ifc = ri->ifp->connected; ifc; ifc = ifc->next) {
		struct prefix p = ifc->address;
		struct route_node *rn;
		struct rip_route *r;

		if (p.family != AF_INET || (!ri->enable_interface && !address_enabled(rip, ifc)))
			continue;
		apply_mask(&p);
		rn = route_node_lookup(rip->table, &p);
		r = rn ? rn->info : NULL;
		if (r && r->type == ZEBRA_ROUTE_CONNECT && r->sub_type == RIP_ROUTE_INTERFACE &&
		    r->metric != RIP_METRIC_INFINITY && r->ifindex == ri->ifp->ifindex)
			continue;
		rip_redistribute_add(rip, ZEBRA_ROUTE_CONNECT, RIP_ROUTE_INTERFACE, &p,
				     ri->ifp->ifindex, none, 0, 0, 0);
	}
}

void rip_if_update(struct rip *rip, struct interface *ifp)
{
	struct rip_if *ri = rip_if_info(ifp);
	struct connected *ifc;
	bool was = ri->running;

	ri->enable_interface = name_listed(rip->network_ifnames, ifp->name);
	ri->enable_network = false;
	for (ifc = ifp->connected; ifc; ifc = ifc->next)
		if (address_enabled(rip, ifc))
			ri->enable_network = true;
	ri->passive = rip_if_is_passive(rip, ifp);
	ri->running = rip->enabled && ifp->ifindex != IFINDEX_INTERNAL &&
		      if_is_up(ifp) && (ri->enable_network || ri->enable_interface);

	if (ri->running) {
		multicast_member(rip, ri, true);
		connected_routes_sync(rip, ri);
		if (!was) {
			if (IS_RIP_DEBUG_EVENT)
				zlog_debug("turn on %s", ifp->name);
			rip_send_request_if(rip, ifp);
		}
	} else if (was) {
		if (IS_RIP_DEBUG_EVENT)
			zlog_debug("turn off %s", ifp->name);
		multicast_member(rip, ri, false);
		rip_routes_if_down(rip, ifp->ifindex);
	}
}

void rip_if_update_all(struct rip *rip)
{
	struct interface *ifp;

	for (ifp = if_first(rip->ifdb); ifp; ifp = if_next(ifp))
		rip_if_update(rip, ifp);
}

int rip_socket_open(struct rip *rip)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(RIP_PORT) };
	int on = 1, off = 0, ttl = 1, tos = IPTOS_PREC_INTERNETCONTROL;
	int rcvbuf = 8 * 1024 * 1024, sndbuf = 1024 * 1024;
	int fd;

	if (rip->sock >= 0)
		return 0;
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_UDP);
	if (fd < 0) {
		zlog_err("can't make socket: %s", strerror(errno));
		return -1;
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &on, sizeof(on));
	setsockopt(fd, IPPROTO_IP, IP_PKTINFO, &on, sizeof(on));
	setsockopt(fd, IPPROTO_IP, IP_MULTICAST_LOOP, &off, sizeof(off));
	setsockopt(fd, IPPROTO_IP, IP_MULTICAST_TTL, &ttl, sizeof(ttl));
	setsockopt(fd, IPPROTO_IP, IP_TOS, &tos, sizeof(tos));
	/* a full table arrives as a burst: room for it (FORCE needs root) */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &sndbuf, sizeof(sndbuf)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof(sndbuf));
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0) {
		zlog_err("can't bind to UDP port %d: %s", RIP_PORT, strerror(errno));
		close(fd);
		return -1;
	}
	rip->sock = fd;
	event_add_read(rip->loop, rip_read, rip, fd, &rip->t_read);
	return 0;
}

void rip_socket_close(struct rip *rip)
{
	struct interface *ifp;

	event_cancel(&rip->t_read);
	for (ifp = if_first(rip->ifdb); ifp; ifp = if_next(ifp))
		if (ifp->info)
			((struct rip_if *)ifp->info)->joined = false;
	if (rip->sock >= 0)
		close(rip->sock);
	rip->sock = -1;
}
