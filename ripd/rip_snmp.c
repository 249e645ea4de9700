/*
 * RIPv2-MIB (RFC 1724, 1.3.6.1.2.1.23) as an AgentX sub-agent.
 *
 *   .1.1.0 rip2GlobalRouteChanges   .1.2.0 rip2GlobalQueries
 *   .2.1   rip2IfStatTable   index rip2IfStatAddress
 *   .3.1   rip2IfConfTable   index rip2IfConfAddress
 *   .4.1   rip2PeerTable     index rip2PeerAddress, rip2PeerDomain
 *
 * The interface tables have one row per IPv4 address of each interface
 * RIP runs on (what `show ip rip status` lists); the counters are the
 * interface's, so two addresses of one interface show the same numbers.
 * rip2PeerDomain is a fixed-size OCTET STRING (SIZE (2)), so it sits in
 * the index as two sub-ids without a length: A.B.C.D.0.0. Domains are
 * not used by RIPv2 routers any more and are always zero.
 *
 * There are few interfaces and peers, so rows are found by scanning for
 * the smallest address above the requested one.
 */
#include "config.h"

#include <string.h>
#include <arpa/inet.h>

#include "agentx.h"
#include "event.h"
#include "if.h"
#include "ripd.h"
#include "rip_snmp.h"

#define RIP2 1, 3, 6, 1, 2, 1, 23

static uint32_t host(struct in_addr a)
{
	return ntohl(a.s_addr);
}

/* ---- rows: addresses of RIP interfaces ---------------------------------- */

/* The connected IPv4 address of a RIP interface with the smallest address
 * above `after` (or equal, with `incl`); NULL if none. */
static const struct connected *ifaddr_find(uint32_t after, bool incl)
{
	struct rip *rip = rip_get();
	const struct connected *best = NULL;
	struct interface *ifp;

	if (!rip || !rip->enabled)
		return NULL;
	for (ifp = if_first(rip->ifdb); ifp; ifp = if_next(ifp)) {
		const struct rip_if *ri = ifp->info;
		const struct connected *c;

		if (!ri || !ri->running)
			continue;
		for (c = ifp->connected; c; c = c->next) {
			uint32_t a;

			if (c->address.family != AF_INET)
				continue;
			a = host(c->address.u.v4);
			if (a < after || (a == after && !incl))
				continue;
			if (!best || a < host(best->address.u.v4))
				best = c;
		}
	}
	return best;
}

static bool ifaddr_set(struct agentx_row *row, const struct connected *c)
{
	if (!c)
		return false;
	row->ptr = c;
	row->pos = host(c->address.u.v4);
	agentx_index_reset(row);
	agentx_index_ipv4(row, c->address.u.v4);
	return true;
}

static bool ifaddr_seek(void *arg, const agentx_oid *idx, size_t len,
			struct agentx_row *row)
{
	struct in_addr a;
	size_t pos = 0;

	agentx_index_get_ipv4(idx, len, &pos, &a);
	return ifaddr_set(row, ifaddr_find(host(a), true));
}

static bool ifaddr_next(void *arg, struct agentx_row *row)
{
	if (row->pos == UINT32_MAX)
		return false;
	return ifaddr_set(row, ifaddr_find((uint32_t)row->pos, false));
}

static bool ifstat_column(void *arg, const struct agentx_row *row,
			  unsigned col, struct agentx_value *v)
{
	const struct connected *c = row->ptr;
	const struct rip_if *ri = c->ifp->info;

	switch (col) {
	case 1:		/* rip2IfStatAddress */
		agentx_val_ipaddr(v, c->address.u.v4);
		return true;
	case 2:		/* rip2IfStatRcvBadPackets */
		agentx_val_counter(v, ri->recv_badpackets);
		return true;
	case 3:		/* rip2IfStatRcvBadRoutes */
		agentx_val_counter(v, ri->recv_badroutes);
		return true;
	case 4:		/* rip2IfStatSentUpdates */
		agentx_val_counter(v, ri->sent_updates);
		return true;
	case 5:		/* rip2IfStatStatus: active */
		agentx_val_int(v, 1);
		return true;
	}
	return false;
}

/* rip2IfConfSend: doNotSend(1) ripVersion1(2) ripVersion2(4) */
static int32_t conf_send(const struct rip *rip, const struct rip_if *ri)
{
	uint8_t ver = rip_if_send_version(ri);

	if (rip_if_is_passive(rip, ri->ifp))
		return 1;
	if (ver & RI_RIP_VERSION_2)
		return 4;
	if (ver & RI_RIP_VERSION_1)
		return 2;
	return 1;
}

/* rip2IfConfReceive: rip1(1) rip2(2) rip1OrRip2(3) doNotRecieve(4) */
static int32_t conf_receive(const struct rip_if *ri)
{
	switch (rip_if_recv_version(ri)) {
	case RI_RIP_VERSION_1_AND_2:
		return 3;
	case RI_RIP_VERSION_2:
		return 2;
	case RI_RIP_VERSION_1:
		return 1;
	}
	return 4;
}

static bool ifconf_column(void *arg, const struct agentx_row *row,
			  unsigned col, struct agentx_value *v)
{
	const struct connected *c = row->ptr;
	const struct rip_if *ri = c->ifp->info;
	struct rip *rip = ri->rip;

	switch (col) {
	case 1:		/* rip2IfConfAddress */
	case 9:		/* rip2IfConfSrcAddress */
		agentx_val_ipaddr(v, c->address.u.v4);
		return true;
	case 2:		/* rip2IfConfDomain */
		agentx_val_octets(v, "\0\0", 2);
		return true;
	case 3:		/* rip2IfConfAuthType: noAuthentication(1) simple(2) md5(3) */
		agentx_val_int(v, ri->auth_type == RIP_AUTH_SIMPLE_PASSWORD ? 2
				  : ri->auth_type == RIP_AUTH_MD5	     ? 3
									     : 1);
		return true;
	case 4:		/* rip2IfConfAuthKey: always read as empty (RFC 1724) */
		agentx_val_octets(v, "", 0);
		return true;
	case 5:		/* rip2IfConfSend */
		agentx_val_int(v, conf_send(rip, ri));
		return true;
	case 6:		/* rip2IfConfReceive */
		agentx_val_int(v, conf_receive(ri));
		return true;
	case 7:		/* rip2IfConfDefaultMetric */
		agentx_val_int(v, rip->default_metric);
		return true;
	case 8:		/* rip2IfConfStatus: active */
		agentx_val_int(v, 1);
		return true;
	}
	return false;
}

/* ---- rows: peers ------------------------------------------------------------ */

static const struct rip_peer *peer_find(uint32_t after, bool incl)
{
	struct rip *rip = rip_get();
	const struct rip_peer *p, *best = NULL;

	if (!rip)
		return NULL;
	for (p = rip->peers; p; p = p->next) {
		uint32_t a = host(p->addr);

		if (a < after || (a == after && !incl))
			continue;
		if (!best || a < host(best->addr))
			best = p;
	}
	return best;
}

static bool peer_set(struct agentx_row *row, const struct rip_peer *p)
{
	if (!p)
		return false;
	row->ptr = p;
	row->pos = host(p->addr);
	agentx_index_reset(row);
	agentx_index_ipv4(row, p->addr);
	agentx_index_u32(row, 0);	/* rip2PeerDomain, 2 octets */
	agentx_index_u32(row, 0);
	return true;
}

static bool peer_seek(void *arg, const agentx_oid *idx, size_t len,
		      struct agentx_row *row)
{
	struct in_addr a;
	size_t pos = 0;

	agentx_index_get_ipv4(idx, len, &pos, &a);
	return peer_set(row, peer_find(host(a), true));
}

static bool peer_next(void *arg, struct agentx_row *row)
{
	if (row->pos == UINT32_MAX)
		return false;
	return peer_set(row, peer_find((uint32_t)row->pos, false));
}

static bool peer_column(void *arg, const struct agentx_row *row, unsigned col,
			struct agentx_value *v)
{
	const struct rip_peer *p = row->ptr;
	int64_t ago;

	switch (col) {
	case 1:		/* rip2PeerAddress */
		agentx_val_ipaddr(v, p->addr);
		return true;
	case 2:		/* rip2PeerDomain */
		agentx_val_octets(v, "\0\0", 2);
		return true;
	case 3:		/* rip2PeerLastUpdate: sysUpTime of the last update */
		ago = monotime_ms() - (int64_t)p->last_update * 1000;
		agentx_val_ticks(v, agentx_timestamp(ago));
		return true;
	case 4:		/* rip2PeerVersion */
		agentx_val_int(v, p->version);
		return true;
	case 5:		/* rip2PeerRcvBadPackets */
		agentx_val_counter(v, p->bad_packets);
		return true;
	case 6:		/* rip2PeerRcvBadRoutes */
		agentx_val_counter(v, p->bad_routes);
		return true;
	}
	return false;
}

/* ---- globals ---------------------------------------------------------------- */

static bool route_changes(void *arg, struct agentx_value *v)
{
	struct rip *rip = rip_get();

	agentx_val_counter(v, rip ? (uint32_t)rip->route_changes : 0);
	return true;
}

static bool queries(void *arg, struct agentx_value *v)
{
	struct rip *rip = rip_get();

	agentx_val_counter(v, rip ? (uint32_t)rip->queries : 0);
	return true;
}

/* ---- registration ----------------------------------------------------------- */

static const agentx_oid changes_oid[] = { RIP2, 1, 1 };
static const agentx_oid queries_oid[] = { RIP2, 1, 2 };
static const agentx_oid ifstat_oid[] = { RIP2, 2, 1 };
static const agentx_oid ifconf_oid[] = { RIP2, 3, 1 };
static const agentx_oid peer_oid[] = { RIP2, 4, 1 };

static struct agentx_scalar changes_scalar = {
	.name = "rip2GlobalRouteChanges",
	.oid = changes_oid,
	.oid_len = AGENTX_OID_LEN(changes_oid),
	.get = route_changes,
};
static struct agentx_scalar queries_scalar = {
	.name = "rip2GlobalQueries",
	.oid = queries_oid,
	.oid_len = AGENTX_OID_LEN(queries_oid),
	.get = queries,
};
static struct agentx_table ifstat_table = {
	.name = "rip2IfStatTable",
	.oid = ifstat_oid,
	.oid_len = AGENTX_OID_LEN(ifstat_oid),
	.min_col = 1,
	.max_col = 5,
	.seek = ifaddr_seek,
	.next = ifaddr_next,
	.column = ifstat_column,
};
static struct agentx_table ifconf_table = {
	.name = "rip2IfConfTable",
	.oid = ifconf_oid,
	.oid_len = AGENTX_OID_LEN(ifconf_oid),
	.min_col = 1,
	.max_col = 9,
	.seek = ifaddr_seek,
	.next = ifaddr_next,
	.column = ifconf_column,
};
static struct agentx_table peer_table = {
	.name = "rip2PeerTable",
	.oid = peer_oid,
	.oid_len = AGENTX_OID_LEN(peer_oid),
	.min_col = 1,
	.max_col = 6,
	.seek = peer_seek,
	.next = peer_next,
	.column = peer_column,
};

void rip_snmp_init(struct event_loop *loop)
{
	agentx_init(loop, AGENTX_APP_NAME);
	agentx_scalar_register(&changes_scalar);
	agentx_scalar_register(&queries_scalar);
	agentx_table_register(&ifstat_table);
	agentx_table_register(&ifconf_table);
	agentx_table_register(&peer_table);
}

void rip_snmp_terminate(void)
{
	agentx_terminate();
}
