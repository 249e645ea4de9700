/*
 * IP-FORWARD-MIB (1.3.6.1.2.1.4.24) over the RIB, as an AgentX sub-agent.
 *
 *   .1.0   ipForwardNumber      RFC 1354
 *   .2.1   ipForwardTable       RFC 1354  index dest, proto, policy, nexthop
 *   .3.0   ipCidrRouteNumber    RFC 2096
 *   .4.1   ipCidrRouteTable     RFC 2096  index dest, mask, tos, nexthop
 *   .7.1   inetCidrRouteTable   RFC 4292  index type, dest, pfxlen, policy,
 *                                         nexthop type, nexthop
 *
 * A row is one nexthop of a node's selected entry (resolved nexthops; a
 * recursive nexthop is shown through the nexthops resolving it). A route
 * without usable nexthops still shows as one row with nexthop 0.0.0.0.
 *
 * Rows are found through ordered access to the RIB's nodes (ord_seek,
 * ord_next over rib_node_seek / rib_node_next, which walk the RIB's trie
 * directly): a GETNEXT seeks to the first node not before the requested
 * destination and steps from there; the nexthops of one node are sorted
 * on the fly. In ipForwardTable the mask is not part of the index, so the
 * rows of every node with the same destination address are merged and
 * sorted by (proto, nexthop); of two rows with the same index the shorter
 * prefix is shown (the RFC's known ambiguity). Node pointers are only
 * used within one request, during which the RIB cannot change.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "agentx.h"
#include "log.h"
#include "memory.h"
#include "prefix.h"
#include "rib.h"
#include "zebra.h"
#include "zebra_snmp.h"

DEFINE_MTYPE_STATIC(ZEBRA_SNMP, "zebra SNMP");

#define IPFWD 1, 3, 6, 1, 2, 1, 4, 24
#define ROWS_MAX 256	/* rows of one node (or destination group) */
#define FRAG_MAX 20

/* ---- ordered access to the RIB ------------------------------------------ */

struct zsnmp {
	struct rib *rib;
};

static struct zsnmp *zs_global;

static unsigned fbytes(int family)
{
	return family == AF_INET6 ? 16 : 4;
}

static bool node_usable(const struct rnode *rn)
{
	return rn->selected && !(rn->selected->status & RES_REMOVED);
}

static struct rnode *skip_unusable(struct zsnmp *zs, struct rnode *rn)
{
	while (rn && !node_usable(rn))
		rn = rib_node_next(zs->rib, rn);
	return rn;
}

/*
 * First usable node with (addr, plen) >= the given key, in the RIB's
 * (address, length) order. addr may have bits set beyond plen: nodes with
 * that address are at least as long as its last set bit, so the seek
 * starts at that length if it is longer.
 */
static struct rnode *ord_seek(struct zsnmp *zs, int family,
			      const uint8_t *addr, unsigned plen)
{
	struct prefix p;
	unsigned n = fbytes(family), need = 0;

	for (unsigned i = n; i-- > 0;) {
		if (addr[i]) {
			need = i * 8 + 8 - (unsigned)__builtin_ctz(addr[i]);
			break;
		}
	}
	memset(&p, 0, sizeof(p));
	p.family = family;
	p.prefixlen = plen > need ? plen : need;
	memcpy(p.u.bytes, addr, n);
	return skip_unusable(zs, rib_node_seek(zs->rib, &p, true));
}

static struct rnode *ord_next(struct zsnmp *zs, const struct rnode *rn)
{
	return skip_unusable(zs, rib_node_next(zs->rib, rn));
}

static struct rnode *ord_first(struct zsnmp *zs, int family)
{
	return skip_unusable(zs, rib_node_first(zs->rib, family));
}

/* ---- rows of a node ---------------------------------------------------- */

struct cand {
	const struct rnode *rn;
	const struct nexthop *nh;	/* NULL: no usable nexthop */
	agentx_oid frag[FRAG_MAX];	/* the nexthop part of the index */
	size_t flen;
};

enum table_kind { T_FORWARD, T_CIDR, T_INET };

static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	return agentx_oid_cmp(x->frag, x->flen, y->frag, y->flen);
}

static bool nh_gate(const struct nexthop *nh)
{
	return nh && (nh_is_v4gate(nh) || nh_is_v6gate(nh));
}

/* The nexthops a row is made of: resolved, active, not recursive parents. */
static unsigned node_nexthops(const struct rnode *rn,
			      const struct nexthop **out, unsigned max)
{
	const struct rentry *re = rn->selected;
	const struct nhg *g = re->rnhg ? re->rnhg : re->nhg;
	unsigned i, n = 0;

	for (i = 0; g && i < g->count && n < max; i++) {
		const struct nexthop *nh = &g->nh[i];

		if (nh->flags & NHF_RECURSIVE)
			continue;
		if (!(nh->flags & NHF_ACTIVE) && nh->type != NH_BLACKHOLE)
			continue;
		out[n++] = nh;
	}
	if (n == 0)
		out[n++] = NULL;
	return n;
}

static int proto_of(int type)
{
	switch (type) {
	case ZRT_CONNECT:
		return 2;	/* local */
	case ZRT_STATIC:
		return 3;	/* netmgmt */
	case ZRT_RIP:
	case ZRT_RIPNG:
		return 8;	/* rip */
	case ZRT_ISIS:
		return 9;	/* isIs */
	case ZRT_OSPF:
	case ZRT_OSPF6:
		return 13;	/* ospf */
	case ZRT_BGP:
		return 14;	/* bgp */
	default:
		return 1;	/* other: kernel, system, ... */
	}
}

static void frag_ipv4(struct cand *c, const struct nexthop *nh)
{
	const uint8_t *b = nh && nh_is_v4gate(nh) ? (const uint8_t *)&nh->gate.v4
						   : (const uint8_t *)"\0\0\0\0";
	int i;

	for (i = 0; i < 4; i++)
		c->frag[c->flen++] = b[i];
}

static void frag_make(struct cand *c, enum table_kind kind)
{
	const struct nexthop *nh = c->nh;
	unsigned i;

	c->flen = 0;
	switch (kind) {
	case T_FORWARD:	/* proto, policy, nexthop */
		c->frag[c->flen++] = (agentx_oid)proto_of(c->rn->selected->type);
		c->frag[c->flen++] = 0;
		frag_ipv4(c, nh);
		break;
	case T_CIDR:	/* nexthop */
		frag_ipv4(c, nh);
		break;
	case T_INET:	/* nexthop type, nexthop */
		if (nh && nh_is_v4gate(nh)) {
			c->frag[c->flen++] = 1;
			c->frag[c->flen++] = 4;
			for (i = 0; i < 4; i++)
				c->frag[c->flen++] = ((const uint8_t *)&nh->gate.v4)[i];
		} else if (nh && nh_is_v6gate(nh)) {
			c->frag[c->flen++] = 2;
			c->frag[c->flen++] = 16;
			for (i = 0; i < 16; i++)
				c->frag[c->flen++] = nh->gate.v6.s6_addr[i];
		} else {
			c->frag[c->flen++] = 0;	/* unknown(0), zero length */
			c->frag[c->flen++] = 0;
		}
		break;
	}
}

/* Append the rows of rn to c[*n]; sorted and made unique by the caller. */
static void cand_add(struct cand *c, size_t *n, const struct rnode *rn,
		     enum table_kind kind)
{
	const struct nexthop *nhs[ROWS_MAX];
	unsigned i, k = node_nexthops(rn, nhs, ROWS_MAX);

	for (i = 0; i < k && *n < ROWS_MAX; i++) {
		c[*n].rn = rn;
		c[*n].nh = nhs[i];
		frag_make(&c[*n], kind);
		(*n)++;
	}
}

static size_t cand_sort_unique(struct cand *c, size_t n)
{
	size_t i, out = 0;

	/* stable for equal keys: the shorter prefix (added first) stays */
	for (i = 1; i < n; i++) {
		struct cand tmp = c[i];
		size_t j = i;

		while (j > 0 && cand_cmp(&c[j - 1], &tmp) > 0) {
			c[j] = c[j - 1];
			j--;
		}
		c[j] = tmp;
	}
	for (i = 0; i < n; i++)
		if (out == 0 || cand_cmp(&c[out - 1], &c[i]) != 0)
			c[out++] = c[i];
	return out;
}

/*
 * The rows of a row group: one node (ipCidr, inetCidr) or every node with
 * the address of rn (ipForward).
 */
static size_t group_rows(struct zsnmp *zs, const struct rnode *rn,
			 enum table_kind kind, struct cand *c)
{
	size_t n = 0;

	cand_add(c, &n, rn, kind);
	if (kind == T_FORWARD) {
		const struct rnode *x;

		for (x = ord_next(zs, rn); x && memcmp(x->addr, rn->addr, 4) == 0;
		     x = ord_next(zs, x))
			cand_add(c, &n, x, kind);
	}
	return cand_sort_unique(c, n);
}

/* The node part of the index, then the row's fragment. */
static void row_index(struct agentx_row *row, const struct cand *c,
		      enum table_kind kind)
{
	const struct rnode *rn = c->rn;
	struct in_addr a;
	size_t i;

	agentx_index_reset(row);
	switch (kind) {
	case T_FORWARD:
		memcpy(&a, rn->addr, 4);
		agentx_index_ipv4(row, a);
		break;
	case T_CIDR:
		memcpy(&a, rn->addr, 4);
		agentx_index_ipv4(row, a);
		agentx_index_ipv4(row, masklen2ip(rn->plen));
		agentx_index_u32(row, 0);	/* tos */
		break;
	case T_INET: {
		static const agentx_oid zdz[] = { 0, 0 };

		agentx_index_u32(row, rn->family == AF_INET ? 1 : 2);
		agentx_index_octets(row, rn->addr, fbytes(rn->family));
		agentx_index_u32(row, rn->plen);
		agentx_index_oid(row, zdz, 2);	/* policy: zeroDotZero */
		break;
	}
	}
	for (i = 0; i < c->flen; i++)
		agentx_index_u32(row, c->frag[i]);
}

/*
 * Cursor: ptr = first node of the group, aux = family, sub = row number
 * within the group.
 */
static bool group_set(struct zsnmp *zs, struct agentx_row *row,
		      const struct rnode *rn, size_t sub, enum table_kind kind)
{
	struct cand c[ROWS_MAX];
	size_t n = group_rows(zs, rn, kind, c);

	if (sub >= n)
		return false;
	row->ptr = rn;
	row->pos = 0;
	row->aux = rn->family;
	row->sub = sub;
	row_index(row, &c[sub], kind);
	return true;
}

/* Position on the first row of the next group after rn's. */
static bool group_next(struct zsnmp *zs, struct agentx_row *row,
		       const struct rnode *rn, enum table_kind kind)
{
	const struct rnode *last = rn, *x;

	if (kind == T_FORWARD) {	/* skip the nodes of the same address */
		while ((x = ord_next(zs, last)) &&
		       memcmp(x->addr, rn->addr, 4) == 0)
			last = x;
	}
	x = ord_next(zs, last);
	if (!x && kind == T_INET && rn->family == AF_INET)
		x = ord_first(zs, AF_INET6);
	return x && group_set(zs, row, x, 0, kind);
}

static bool row_next(struct zsnmp *zs, struct agentx_row *row,
		     enum table_kind kind)
{
	const struct rnode *rn = row->ptr;

	if (group_set(zs, row, rn, row->sub + 1, kind))
		return true;
	return group_next(zs, row, rn, kind);
}

/* The (node, nexthop) a row stands for. */
static bool row_cand(struct zsnmp *zs, const struct agentx_row *row,
		     enum table_kind kind, struct cand *out)
{
	struct cand c[ROWS_MAX];
	size_t n = group_rows(zs, row->ptr, kind, c);

	if (row->sub >= n)
		return false;
	*out = c[row->sub];
	return true;
}

/* ---- column values shared by the three tables -------------------------- */

static int32_t route_age(const struct rentry *re)
{
	uint32_t now = rib_now();

	return now > re->uptime ? (int32_t)(now - re->uptime) : 0;
}

/* ipCidrRouteType / inetCidrRouteType; ipForwardType says other(1) for
 * what the others call reject. */
static int32_t route_type(const struct cand *c, bool inet)
{
	const struct rentry *re = c->rn->selected;

	if ((re->flags & ZRF_BLACKHOLE) || (c->nh && c->nh->type == NH_BLACKHOLE))
		return inet ? 5 : 2;	/* blackhole / reject */
	if (re->flags & ZRF_REJECT)
		return 2;		/* reject */
	if (re->type != ZRT_CONNECT && nh_gate(c->nh))
		return 4;		/* remote */
	return 3;			/* local */
}

static struct in_addr nh_v4(const struct cand *c)
{
	struct in_addr a = { 0 };

	if (c->nh && nh_is_v4gate(c->nh))
		a = c->nh->gate.v4;
	return a;
}

/* ---- ipForwardTable ---------------------------------------------------- */

static bool fwd_seek(void *arg, const agentx_oid *idx, size_t len,
		     struct agentx_row *row)
{
	struct zsnmp *zs = arg;
	struct in_addr dest;
	size_t pos = 0;
	struct rnode *rn;

	agentx_index_get_ipv4(idx, len, &pos, &dest);
	rn = ord_seek(zs, AF_INET, (const uint8_t *)&dest.s_addr, 0);
	return rn && group_set(zs, row, rn, 0, T_FORWARD);
}

static bool fwd_next(void *arg, struct agentx_row *row)
{
	return row_next(arg, row, T_FORWARD);
}

static bool fwd_column(void *arg, const struct agentx_row *row, unsigned col,
		       struct agentx_value *v)
{
	struct cand c;
	struct in_addr a;
	int32_t t;

	if (!row_cand(arg, row, T_FORWARD, &c))
		return false;
	switch (col) {
	case 1:		/* ipForwardDest */
		memcpy(&a, c.rn->addr, 4);
		agentx_val_ipaddr(v, a);
		break;
	case 2:		/* ipForwardMask */
		agentx_val_ipaddr(v, masklen2ip(c.rn->plen));
		break;
	case 3:		/* ipForwardPolicy */
		agentx_val_int(v, 0);
		break;
	case 4:		/* ipForwardNextHop */
		agentx_val_ipaddr(v, nh_v4(&c));
		break;
	case 5:		/* ipForwardIfIndex */
		agentx_val_int(v, c.nh ? (int32_t)c.nh->ifindex : 0);
		break;
	case 6:		/* ipForwardType: other(1) local(3) remote(4) */
		t = route_type(&c, false);
		agentx_val_int(v, t == 2 ? 1 : t);
		break;
	case 7:		/* ipForwardProto */
		agentx_val_int(v, proto_of(c.rn->selected->type));
		break;
	case 8:		/* ipForwardAge */
		agentx_val_int(v, route_age(c.rn->selected));
		break;
	case 9:		/* ipForwardInfo */
		agentx_val_zerodotzero(v);
		break;
	case 10:	/* ipForwardNextHopAS */
		agentx_val_int(v, 0);
		break;
	case 11:	/* ipForwardMetric1 */
		agentx_val_int(v, (int32_t)c.rn->selected->metric);
		break;
	default:	/* ipForwardMetric2..5: unused */
		agentx_val_int(v, -1);
		break;
	}
	return true;
}

/* ---- ipCidrRouteTable -------------------------------------------------- */

static bool cidr_seek(void *arg, const agentx_oid *idx, size_t len,
		      struct agentx_row *row)
{
	struct zsnmp *zs = arg;
	struct in_addr dest;
	size_t pos = 0;
	struct rnode *rn;

	agentx_index_get_ipv4(idx, len, &pos, &dest);
	rn = ord_seek(zs, AF_INET, (const uint8_t *)&dest.s_addr, 0);
	return rn && group_set(zs, row, rn, 0, T_CIDR);
}

static bool cidr_next(void *arg, struct agentx_row *row)
{
	return row_next(arg, row, T_CIDR);
}

static bool cidr_column(void *arg, const struct agentx_row *row, unsigned col,
			struct agentx_value *v)
{
	struct cand c;
	struct in_addr a;

	if (!row_cand(arg, row, T_CIDR, &c))
		return false;
	switch (col) {
	case 1:		/* ipCidrRouteDest */
		memcpy(&a, c.rn->addr, 4);
		agentx_val_ipaddr(v, a);
		break;
	case 2:		/* ipCidrRouteMask */
		agentx_val_ipaddr(v, masklen2ip(c.rn->plen));
		break;
	case 3:		/* ipCidrRouteTos */
		agentx_val_int(v, 0);
		break;
	case 4:		/* ipCidrRouteNextHop */
		agentx_val_ipaddr(v, nh_v4(&c));
		break;
	case 5:		/* ipCidrRouteIfIndex */
		agentx_val_int(v, c.nh ? (int32_t)c.nh->ifindex : 0);
		break;
	case 6:		/* ipCidrRouteType */
		agentx_val_int(v, route_type(&c, false));
		break;
	case 7:		/* ipCidrRouteProto */
		agentx_val_int(v, proto_of(c.rn->selected->type));
		break;
	case 8:		/* ipCidrRouteAge */
		agentx_val_int(v, route_age(c.rn->selected));
		break;
	case 9:		/* ipCidrRouteInfo */
		agentx_val_zerodotzero(v);
		break;
	case 10:	/* ipCidrRouteNextHopAS */
		agentx_val_int(v, 0);
		break;
	case 11:	/* ipCidrRouteMetric1 */
		agentx_val_int(v, (int32_t)c.rn->selected->metric);
		break;
	case 16:	/* ipCidrRouteStatus: active */
		agentx_val_int(v, 1);
		break;
	default:	/* ipCidrRouteMetric2..5 */
		agentx_val_int(v, -1);
		break;
	}
	return true;
}

/* ---- inetCidrRouteTable ------------------------------------------------ */

static bool inet_seek(void *arg, const agentx_oid *idx, size_t len,
		      struct agentx_row *row)
{
	struct zsnmp *zs = arg;
	uint8_t addr[16] = { 0 };
	size_t pos = 0, alen;
	uint32_t type, plen = 0;
	int family;
	struct rnode *rn;

	agentx_index_get_u32(idx, len, &pos, &type);
	if (type > 2)
		return false;
	family = type == 2 ? AF_INET6 : AF_INET;
	if (type == 1 || type == 2) {
		const agentx_oid *p = idx + pos;
		size_t left = len - pos;
		uint32_t want = fbytes(family);

		if (left > 0 && p[0] > want) {	/* longer than any address */
			if (family == AF_INET6)
				return false;
			family = AF_INET6;
		} else if (left > 0 && p[0] == want) {
			agentx_index_get_octets(idx, len, &pos, addr, want, &alen);
			agentx_index_get_u32(idx, len, &pos, &plen);
			if (plen > want * 8)
				plen = want * 8;
		}
	}
	rn = ord_seek(zs, family, addr, plen);
	if (!rn && family == AF_INET)
		rn = ord_first(zs, AF_INET6);
	return rn && group_set(zs, row, rn, 0, T_INET);
}

static bool inet_next(void *arg, struct agentx_row *row)
{
	return row_next(arg, row, T_INET);
}

static bool inet_column(void *arg, const struct agentx_row *row, unsigned col,
			struct agentx_value *v)
{
	struct cand c;

	if (!row_cand(arg, row, T_INET, &c))
		return false;
	switch (col) {
	case 7:		/* inetCidrRouteIfIndex */
		agentx_val_gauge(v, c.nh ? c.nh->ifindex : 0);
		break;
	case 8:		/* inetCidrRouteType */
		agentx_val_int(v, route_type(&c, true));
		break;
	case 9:		/* inetCidrRouteProto */
		agentx_val_int(v, proto_of(c.rn->selected->type));
		break;
	case 10:	/* inetCidrRouteAge */
		agentx_val_gauge(v, (uint32_t)route_age(c.rn->selected));
		break;
	case 11:	/* inetCidrRouteNextHopAS */
		agentx_val_gauge(v, 0);
		break;
	case 12:	/* inetCidrRouteMetric1 */
		agentx_val_int(v, (int32_t)c.rn->selected->metric);
		break;
	case 17:	/* inetCidrRouteStatus: active */
		agentx_val_int(v, 1);
		break;
	default:	/* inetCidrRouteMetric2..5 */
		agentx_val_int(v, -1);
		break;
	}
	return true;
}

/* ---- scalars ----------------------------------------------------------- */

static bool route_number(void *arg, struct agentx_value *v)
{
	struct zsnmp *zs = arg;

	/* nodes of the IPv4 RIB: O(1), may count a node without a usable
	 * route, and counts a multipath route once */
	agentx_val_gauge(v, (uint32_t)rib_count(zs->rib, AF_INET));
	return true;
}

/* ---- registration ------------------------------------------------------ */

static const agentx_oid fwd_number_oid[] = { IPFWD, 1 };
static const agentx_oid fwd_entry_oid[] = { IPFWD, 2, 1 };
static const agentx_oid cidr_number_oid[] = { IPFWD, 3 };
static const agentx_oid cidr_entry_oid[] = { IPFWD, 4, 1 };
static const agentx_oid inet_entry_oid[] = { IPFWD, 7, 1 };

static struct agentx_scalar fwd_number = {
	.name = "ipForwardNumber",
	.oid = fwd_number_oid,
	.oid_len = AGENTX_OID_LEN(fwd_number_oid),
	.get = route_number,
};
static struct agentx_scalar cidr_number = {
	.name = "ipCidrRouteNumber",
	.oid = cidr_number_oid,
	.oid_len = AGENTX_OID_LEN(cidr_number_oid),
	.get = route_number,
};
static struct agentx_table fwd_table = {
	.name = "ipForwardTable",
	.oid = fwd_entry_oid,
	.oid_len = AGENTX_OID_LEN(fwd_entry_oid),
	.min_col = 1,
	.max_col = 15,
	.seek = fwd_seek,
	.next = fwd_next,
	.column = fwd_column,
};
static struct agentx_table cidr_table = {
	.name = "ipCidrRouteTable",
	.oid = cidr_entry_oid,
	.oid_len = AGENTX_OID_LEN(cidr_entry_oid),
	.min_col = 1,
	.max_col = 16,
	.seek = cidr_seek,
	.next = cidr_next,
	.column = cidr_column,
};
static struct agentx_table inet_table = {
	.name = "inetCidrRouteTable",
	.oid = inet_entry_oid,
	.oid_len = AGENTX_OID_LEN(inet_entry_oid),
	.min_col = 7,	/* 1-6 are the not-accessible index columns */
	.max_col = 17,
	.seek = inet_seek,
	.next = inet_next,
	.column = inet_column,
};

void zebra_snmp_init(struct zebra *z)
{
	struct zsnmp *zs;

	if (zs_global)
		return;
	zs = XCALLOC(ZEBRA_SNMP, sizeof(*zs));
	zs->rib = z->rib;
	zs_global = zs;
	agentx_init(z->loop, AGENTX_APP_NAME);

	fwd_number.arg = cidr_number.arg = zs;
	fwd_table.arg = cidr_table.arg = inet_table.arg = zs;
	agentx_scalar_register(&fwd_number);
	agentx_table_register(&fwd_table);
	agentx_scalar_register(&cidr_number);
	agentx_table_register(&cidr_table);
	agentx_table_register(&inet_table);
}

void zebra_snmp_terminate(void)
{
	struct zsnmp *zs = zs_global;

	if (!zs)
		return;
	agentx_terminate();
	XFREE(ZEBRA_SNMP, zs_global);
}
