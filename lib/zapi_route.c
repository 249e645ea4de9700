/*
 * zserv codec, part 3: routes (both directions), nexthop lookups and
 * nexthop tracking.
 *
 * A typed nexthop is a type byte followed by data whose size depends on
 * the type *and* on the message it appears in (zebra's writers differ per
 * message). One table, layout_tbl[context][type], says what follows the
 * type byte; encoders and decoders both consult it, so they cannot drift
 * apart. A type the table marks BAD has no known size in that context and
 * the message is rejected (Quagga would silently lose its place).
 *
 * The large structs (up to 255 nexthops) are decoded in place; on error
 * their contents are unspecified. Only the fields a message carries are
 * written, so decoding a small route does not touch the whole array.
 */
#include <string.h>
#include <sys/socket.h>

#include "zapi.h"
#include "zapi_priv.h"

enum nh_ctx {
	NH_CTX_ROUTE,	/* client -> zebra routes (7-10) */
	NH_CTX_LOOKUP4,	/* replies to 15, 17, 24 */
	NH_CTX_LOOKUP6,	/* replies to 16 */
	NH_CTX_NHT,	/* NEXTHOP_UPDATE (29) */
	NH_CTX_COUNT,
};

enum nh_layout {
	NHL_BAD = 0,	/* unknown size: reject */
	NHL_NONE,	/* type byte only */
	NHL_V4,		/* 4-byte address */
	NHL_V6,		/* 16-byte address */
	NHL_IFX,	/* 4-byte ifindex */
	NHL_V4_IFX,	/* address 4 + ifindex 4 */
	NHL_V6_IFX,	/* address 16 + ifindex 4 */
	NHL_NAME,	/* 1-byte length + name, skipped */
};

#define NH_TYPES (ZEBRA_NEXTHOP_BLACKHOLE + 1)

static const uint8_t layout_tbl[NH_CTX_COUNT][NH_TYPES] = {
	[NH_CTX_ROUTE] = {
		[ZEBRA_NEXTHOP_IFINDEX] = NHL_IFX,
		[ZEBRA_NEXTHOP_IFNAME] = NHL_NAME,
		[ZEBRA_NEXTHOP_IPV4] = NHL_V4,
		[ZEBRA_NEXTHOP_IPV4_IFINDEX] = NHL_V4_IFX,
		[ZEBRA_NEXTHOP_IPV6] = NHL_V6,
		[ZEBRA_NEXTHOP_BLACKHOLE] = NHL_NONE,
	},
	[NH_CTX_LOOKUP4] = {
		[ZEBRA_NEXTHOP_IFINDEX] = NHL_IFX,
		[ZEBRA_NEXTHOP_IFNAME] = NHL_IFX,
		[ZEBRA_NEXTHOP_IPV4] = NHL_V4,
		[ZEBRA_NEXTHOP_IPV4_IFINDEX] = NHL_V4_IFX,
		[ZEBRA_NEXTHOP_IPV4_IFNAME] = NHL_NONE,
		[ZEBRA_NEXTHOP_IPV6] = NHL_NONE,
		[ZEBRA_NEXTHOP_IPV6_IFINDEX] = NHL_NONE,
		[ZEBRA_NEXTHOP_IPV6_IFNAME] = NHL_NONE,
		[ZEBRA_NEXTHOP_BLACKHOLE] = NHL_NONE,
	},
	[NH_CTX_LOOKUP6] = {
		[ZEBRA_NEXTHOP_IFINDEX] = NHL_IFX,
		[ZEBRA_NEXTHOP_IFNAME] = NHL_IFX,
		[ZEBRA_NEXTHOP_IPV4] = NHL_NONE,
		[ZEBRA_NEXTHOP_IPV4_IFINDEX] = NHL_NONE,
		[ZEBRA_NEXTHOP_IPV4_IFNAME] = NHL_NONE,
		[ZEBRA_NEXTHOP_IPV6] = NHL_V6,
		[ZEBRA_NEXTHOP_IPV6_IFINDEX] = NHL_V6_IFX,
		[ZEBRA_NEXTHOP_IPV6_IFNAME] = NHL_V6_IFX,
		[ZEBRA_NEXTHOP_BLACKHOLE] = NHL_NONE,
	},
	[NH_CTX_NHT] = {
		[ZEBRA_NEXTHOP_IFINDEX] = NHL_IFX,
		[ZEBRA_NEXTHOP_IFNAME] = NHL_IFX,
		[ZEBRA_NEXTHOP_IPV4] = NHL_V4,
		[ZEBRA_NEXTHOP_IPV4_IFINDEX] = NHL_V4_IFX,
		[ZEBRA_NEXTHOP_IPV4_IFNAME] = NHL_V4_IFX,
		[ZEBRA_NEXTHOP_IPV6] = NHL_V6,
		[ZEBRA_NEXTHOP_IPV6_IFINDEX] = NHL_V6_IFX,
		[ZEBRA_NEXTHOP_IPV6_IFNAME] = NHL_V6_IFX,
		[ZEBRA_NEXTHOP_BLACKHOLE] = NHL_NONE,
	},
};

static enum nh_layout nh_layout(enum nh_ctx ctx, uint8_t type)
{
	if (type >= NH_TYPES)
		return NHL_BAD;
	return (enum nh_layout)layout_tbl[ctx][type];
}

/* Decodes one typed nexthop. Underruns are reported as count errors: the
 * count byte promised more nexthops than the body holds. */
static int get_nexthop(struct reader *r, enum nh_ctx ctx, struct zapi_nexthop *nh)
{
	uint8_t type, namelen;
	enum nh_layout l;

	if (rd_get_u8(r, &type) < 0)
		return ZAPI_ERR_NEXTHOP_COUNT;
	l = nh_layout(ctx, type);
	if (l == NHL_BAD)
		return ZAPI_ERR_NEXTHOP_TYPE;
	nh->type = type;
	nh->ifindex = 0;
	memset(&nh->gate, 0, sizeof(nh->gate));
	switch (l) {
	case NHL_V4:
	case NHL_V4_IFX:
		if (rd_get_bytes(r, nh->gate.bytes, 4) < 0)
			return ZAPI_ERR_NEXTHOP_COUNT;
		break;
	case NHL_V6:
	case NHL_V6_IFX:
		if (rd_get_bytes(r, nh->gate.bytes, 16) < 0)
			return ZAPI_ERR_NEXTHOP_COUNT;
		break;
	case NHL_NAME:
		if (rd_get_u8(r, &namelen) < 0 || rd_skip(r, namelen) < 0)
			return ZAPI_ERR_NEXTHOP_COUNT;
		break;
	default:
		break;
	}
	if (l == NHL_IFX || l == NHL_V4_IFX || l == NHL_V6_IFX)
		if (rd_get_u32(r, &nh->ifindex) < 0)
			return ZAPI_ERR_NEXTHOP_COUNT;
	return ZAPI_OK;
}

static int put_nexthop(struct writer *w, enum nh_ctx ctx, const struct zapi_nexthop *nh)
{
	enum nh_layout l = nh_layout(ctx, nh->type);

	if (l == NHL_BAD)
		return ZAPI_ERR_NEXTHOP_TYPE;
	wr_put_u8(w, nh->type);
	switch (l) {
	case NHL_V4:
	case NHL_V4_IFX:
		wr_put_bytes(w, nh->gate.bytes, 4);
		break;
	case NHL_V6:
	case NHL_V6_IFX:
		wr_put_bytes(w, nh->gate.bytes, 16);
		break;
	case NHL_NAME:
		wr_put_u8(w, 0);	/* zebra skips the name */
		break;
	default:
		break;
	}
	if (l == NHL_IFX || l == NHL_V4_IFX || l == NHL_V6_IFX)
		wr_put_u32(w, nh->ifindex);
	return ZAPI_OK;
}

static int get_nexthops(struct reader *r, enum nh_ctx ctx, uint8_t *num,
			struct zapi_nexthop *nhs)
{
	uint8_t n;
	int rc;

	if (rd_get_u8(r, &n) < 0)
		return ZAPI_ERR_TRUNCATED;
	/* each nexthop takes at least its type byte */
	if (n > rd_remaining(r))
		return ZAPI_ERR_NEXTHOP_COUNT;
	for (unsigned i = 0; i < n; i++) {
		rc = get_nexthop(r, ctx, &nhs[i]);
		if (rc < 0)
			return rc;
	}
	*num = n;
	return ZAPI_OK;
}

static int put_nexthops(struct writer *w, enum nh_ctx ctx, uint8_t num,
			const struct zapi_nexthop *nhs)
{
	int rc;

	wr_put_u8(w, num);
	for (unsigned i = 0; i < num; i++) {
		rc = put_nexthop(w, ctx, &nhs[i]);
		if (rc < 0)
			return rc;
	}
	return ZAPI_OK;
}

/* Reads prefixlen + PSIZE prefix bytes of a known family. */
static int get_prefix(struct reader *r, int family, struct prefix *p)
{
	uint8_t plen;
	int rc;

	rc = zapi_get_prefixlen(r, family, &plen);
	if (rc < 0)
		return rc;
	return zapi_get_prefix_bytes(r, family, plen, p);
}

static void put_prefix(struct writer *w, const struct prefix *p)
{
	wr_put_u8(w, p->prefixlen);
	wr_put_bytes(w, p->u.bytes, psize(p->prefixlen));
}

/* Rolls back a message begun at start and returns rc. */
static int abort_msg(struct writer *w, size_t start, int rc)
{
	w->len = start;
	w->failed = false;
	return rc;
}

/* ---- client -> zebra routes -------------------------------------------- */

int zapi_route_encode(struct writer *w, uint16_t cmd, uint16_t vrf_id,
		      const struct zapi_route *r)
{
	uint8_t message = r->message;
	size_t start;
	int family, rc;
	bool add;

	if (zapi_writer_ok(w) < 0)
		return ZAPI_ERR_NOSPACE;
	if (!zapi_route_command(cmd, &family, &add))
		return ZAPI_ERR_COMMAND;
	if (r->prefix.family != family)
		return ZAPI_ERR_FAMILY;
	if (r->prefix.prefixlen > family_maxlen(family))
		return ZAPI_ERR_PREFIXLEN;
	if (!add)
		message &= (uint8_t)~ZAPI_MESSAGE_MTU;

	start = zapi_header_begin(w, cmd, vrf_id);
	wr_put_u8(w, r->type);
	wr_put_u8(w, r->flags);
	wr_put_u8(w, message);
	wr_put_u16(w, r->safi);
	put_prefix(w, &r->prefix);
	if (message & ZAPI_MESSAGE_NEXTHOP) {
		rc = put_nexthops(w, NH_CTX_ROUTE, r->nexthop_num, r->nexthops);
		if (rc < 0)
			return abort_msg(w, start, rc);
	}
	if (message & ZAPI_MESSAGE_DISTANCE)
		wr_put_u8(w, r->distance);
	if (message & ZAPI_MESSAGE_METRIC)
		wr_put_u32(w, r->metric);
	if (message & ZAPI_MESSAGE_MTU)
		wr_put_u32(w, r->mtu);
	if (message & ZAPI_MESSAGE_TAG)
		wr_put_u32(w, r->tag);
	return zapi_header_finish(w, start);
}

int zapi_route_decode(uint16_t cmd, struct reader *body, struct zapi_route *r)
{
	int family, rc;

	if (!zapi_route_command(cmd, &family, NULL))
		return ZAPI_ERR_COMMAND;
	if (rd_get_u8(body, &r->type) < 0 || rd_get_u8(body, &r->flags) < 0 ||
	    rd_get_u8(body, &r->message) < 0 || rd_get_u16(body, &r->safi) < 0)
		return ZAPI_ERR_TRUNCATED;
	rc = get_prefix(body, family, &r->prefix);
	if (rc < 0)
		return rc;
	r->nexthop_num = 0;
	r->distance = 0;
	r->metric = r->mtu = r->tag = 0;
	if (r->message & ZAPI_MESSAGE_NEXTHOP) {
		rc = get_nexthops(body, NH_CTX_ROUTE, &r->nexthop_num, r->nexthops);
		if (rc < 0)
			return rc;
	}
	if ((r->message & ZAPI_MESSAGE_DISTANCE) && rd_get_u8(body, &r->distance) < 0)
		return ZAPI_ERR_TRUNCATED;
	if ((r->message & ZAPI_MESSAGE_METRIC) && rd_get_u32(body, &r->metric) < 0)
		return ZAPI_ERR_TRUNCATED;
	if ((r->message & ZAPI_MESSAGE_MTU) && rd_get_u32(body, &r->mtu) < 0)
		return ZAPI_ERR_TRUNCATED;
	if ((r->message & ZAPI_MESSAGE_TAG) && rd_get_u32(body, &r->tag) < 0)
		return ZAPI_ERR_TRUNCATED;
	return zapi_end(body);
}

/* ---- zebra -> client routes (redistribution) ---------------------------- */

void zapi_redist_route_set_message(struct zapi_redist_route *r, bool add,
				   bool has_nexthop)
{
	uint8_t m = 0;

	if (has_nexthop) {
		m = ZAPI_MESSAGE_NEXTHOP | ZAPI_MESSAGE_IFINDEX;
		r->nexthop_num = 1;
		r->ifindex_num = 1;
	} else {
		r->nexthop_num = 0;
		r->ifindex_num = 0;
	}
	if (add) {
		m |= ZAPI_MESSAGE_DISTANCE | ZAPI_MESSAGE_METRIC | ZAPI_MESSAGE_MTU;
		if (r->tag)
			m |= ZAPI_MESSAGE_TAG;
	}
	r->message = m;
}

int zapi_redist_route_encode(struct writer *w, uint16_t cmd, uint16_t vrf_id,
			     const struct zapi_redist_route *r)
{
	size_t start;
	int family;

	if (zapi_writer_ok(w) < 0)
		return ZAPI_ERR_NOSPACE;
	if (!zapi_route_command(cmd, &family, NULL))
		return ZAPI_ERR_COMMAND;
	if (r->prefix.family != family)
		return ZAPI_ERR_FAMILY;
	if (r->prefix.prefixlen > family_maxlen(family))
		return ZAPI_ERR_PREFIXLEN;

	start = zapi_header_begin(w, cmd, vrf_id);
	wr_put_u8(w, r->type);
	wr_put_u8(w, r->flags);
	wr_put_u8(w, r->message);
	put_prefix(w, &r->prefix);
	if (r->message & ZAPI_MESSAGE_NEXTHOP) {
		wr_put_u8(w, r->nexthop_num);
		zapi_put_addr(w, family, &r->nexthop);
	}
	if (r->message & ZAPI_MESSAGE_IFINDEX) {
		wr_put_u8(w, r->ifindex_num);
		wr_put_u32(w, r->ifindex);
	}
	if (r->message & ZAPI_MESSAGE_DISTANCE)
		wr_put_u8(w, r->distance);
	if (r->message & ZAPI_MESSAGE_METRIC)
		wr_put_u32(w, r->metric);
	if (r->message & ZAPI_MESSAGE_MTU)
		wr_put_u32(w, r->mtu);
	if (r->message & ZAPI_MESSAGE_TAG)
		wr_put_u32(w, r->tag);
	return zapi_header_finish(w, start);
}

int zapi_redist_route_decode(uint16_t cmd, struct reader *body,
			     struct zapi_redist_route *r)
{
	int family, rc;

	if (!zapi_route_command(cmd, &family, NULL))
		return ZAPI_ERR_COMMAND;
	memset(r, 0, sizeof(*r));
	if (rd_get_u8(body, &r->type) < 0 || rd_get_u8(body, &r->flags) < 0 ||
	    rd_get_u8(body, &r->message) < 0)
		return ZAPI_ERR_TRUNCATED;
	rc = get_prefix(body, family, &r->prefix);
	if (rc < 0)
		return rc;
	if (r->message & ZAPI_MESSAGE_NEXTHOP) {
		if (rd_get_u8(body, &r->nexthop_num) < 0)
			return ZAPI_ERR_TRUNCATED;
		rc = zapi_get_addr(body, family, &r->nexthop);
		if (rc < 0)
			return rc;
	}
	if (r->message & ZAPI_MESSAGE_IFINDEX) {
		if (rd_get_u8(body, &r->ifindex_num) < 0 ||
		    rd_get_u32(body, &r->ifindex) < 0)
			return ZAPI_ERR_TRUNCATED;
	}
	if ((r->message & ZAPI_MESSAGE_DISTANCE) && rd_get_u8(body, &r->distance) < 0)
		return ZAPI_ERR_TRUNCATED;
	if ((r->message & ZAPI_MESSAGE_METRIC) && rd_get_u32(body, &r->metric) < 0)
		return ZAPI_ERR_TRUNCATED;
	if ((r->message & ZAPI_MESSAGE_MTU) && rd_get_u32(body, &r->mtu) < 0)
		return ZAPI_ERR_TRUNCATED;
	if ((r->message & ZAPI_MESSAGE_TAG) && rd_get_u32(body, &r->tag) < 0)
		return ZAPI_ERR_TRUNCATED;
	return zapi_end(body);
}

/* ---- nexthop lookups ---------------------------------------------------- */

static bool lookup_cmd(uint16_t cmd, int *family, enum nh_ctx *ctx)
{
	switch (cmd) {
	case ZEBRA_IPV4_NEXTHOP_LOOKUP:
	case ZEBRA_IPV4_IMPORT_LOOKUP:
	case ZEBRA_IPV4_NEXTHOP_LOOKUP_MRIB:
		*family = AF_INET;
		*ctx = NH_CTX_LOOKUP4;
		return true;
	case ZEBRA_IPV6_NEXTHOP_LOOKUP:
		*family = AF_INET6;
		*ctx = NH_CTX_LOOKUP6;
		return true;
	default:
		return false;
	}
}

int zapi_lookup_request_encode(struct writer *w, uint16_t vrf_id,
			       const struct zapi_lookup_request *q)
{
	enum nh_ctx ctx;
	size_t start;
	int family;

	if (zapi_writer_ok(w) < 0)
		return ZAPI_ERR_NOSPACE;
	if (!lookup_cmd(q->command, &family, &ctx))
		return ZAPI_ERR_COMMAND;
	if (q->prefix.family != family)
		return ZAPI_ERR_FAMILY;
	if (q->prefix.prefixlen > family_maxlen(family))
		return ZAPI_ERR_PREFIXLEN;
	start = zapi_header_begin(w, q->command, vrf_id);
	if (q->command == ZEBRA_IPV4_IMPORT_LOOKUP)
		wr_put_u8(w, q->prefix.prefixlen);
	wr_put_bytes(w, q->prefix.u.bytes, zapi_family_addrlen(family));
	return zapi_header_finish(w, start);
}

int zapi_lookup_request_decode(uint16_t cmd, struct reader *body,
			       struct zapi_lookup_request *q)
{
	struct zapi_lookup_request t;
	enum nh_ctx ctx;
	int family, rc;
	uint8_t plen;

	if (!lookup_cmd(cmd, &family, &ctx))
		return ZAPI_ERR_COMMAND;
	memset(&t, 0, sizeof(t));
	t.command = cmd;
	t.prefix.family = (uint8_t)family;
	plen = (uint8_t)family_maxlen(family);
	if (cmd == ZEBRA_IPV4_IMPORT_LOOKUP) {
		rc = zapi_get_prefixlen(body, family, &plen);
		if (rc < 0)
			return rc;
	}
	t.prefix.prefixlen = plen;
	if (rd_get_bytes(body, t.prefix.u.bytes, zapi_family_addrlen(family)) < 0)
		return ZAPI_ERR_TRUNCATED;
	rc = zapi_end(body);
	if (rc < 0)
		return rc;
	*q = t;
	return ZAPI_OK;
}

int zapi_lookup_reply_encode(struct writer *w, uint16_t vrf_id,
			     const struct zapi_lookup_reply *rep)
{
	enum nh_ctx ctx;
	size_t start;
	int family, rc;

	if (zapi_writer_ok(w) < 0)
		return ZAPI_ERR_NOSPACE;
	if (!lookup_cmd(rep->command, &family, &ctx))
		return ZAPI_ERR_COMMAND;
	start = zapi_header_begin(w, rep->command, vrf_id);
	zapi_put_addr(w, family, &rep->addr);
	if (rep->command == ZEBRA_IPV4_NEXTHOP_LOOKUP_MRIB)
		wr_put_u8(w, rep->distance);
	wr_put_u32(w, rep->metric);
	rc = put_nexthops(w, ctx, rep->nexthop_num, rep->nexthops);
	if (rc < 0)
		return abort_msg(w, start, rc);
	return zapi_header_finish(w, start);
}

int zapi_lookup_reply_decode(uint16_t cmd, struct reader *body,
			     struct zapi_lookup_reply *rep)
{
	enum nh_ctx ctx;
	int family, rc;

	if (!lookup_cmd(cmd, &family, &ctx))
		return ZAPI_ERR_COMMAND;
	rep->command = cmd;
	rep->distance = 0;
	rep->nexthop_num = 0;
	rc = zapi_get_addr(body, family, &rep->addr);
	if (rc < 0)
		return rc;
	if (cmd == ZEBRA_IPV4_NEXTHOP_LOOKUP_MRIB &&
	    rd_get_u8(body, &rep->distance) < 0)
		return ZAPI_ERR_TRUNCATED;
	if (rd_get_u32(body, &rep->metric) < 0)
		return ZAPI_ERR_TRUNCATED;
	rc = get_nexthops(body, ctx, &rep->nexthop_num, rep->nexthops);
	if (rc < 0)
		return rc;
	return zapi_end(body);
}

/* ---- nexthop tracking ---------------------------------------------------- */

int zapi_nht_register_encode(struct writer *w, uint16_t cmd, uint16_t vrf_id,
			     const struct zapi_nht_entry *e, size_t n)
{
	size_t start;

	if (zapi_writer_ok(w) < 0)
		return ZAPI_ERR_NOSPACE;
	if (cmd != ZEBRA_NEXTHOP_REGISTER && cmd != ZEBRA_NEXTHOP_UNREGISTER)
		return ZAPI_ERR_COMMAND;
	for (size_t i = 0; i < n; i++)
		if (!zapi_prefix_ok(&e[i].prefix))
			return ZAPI_ERR_FAMILY;
	start = zapi_header_begin(w, cmd, vrf_id);
	for (size_t i = 0; i < n; i++) {
		wr_put_u8(w, e[i].connected);
		wr_put_u16(w, e[i].prefix.family);
		put_prefix(w, &e[i].prefix);
	}
	return zapi_header_finish(w, start);
}

int zapi_nht_register_decode(struct reader *body, struct zapi_nht_entry *e,
			     size_t cap, size_t *n)
{
	size_t count = 0;
	uint16_t family;
	uint8_t connected;
	int rc;

	while (rd_remaining(body)) {
		if (count == cap)
			return ZAPI_ERR_NEXTHOP_COUNT;
		if (rd_get_u8(body, &connected) < 0 || rd_get_u16(body, &family) < 0)
			return ZAPI_ERR_TRUNCATED;
		if (family != AF_INET && family != AF_INET6)
			return ZAPI_ERR_FAMILY;
		rc = get_prefix(body, family, &e[count].prefix);
		if (rc < 0)
			return rc;
		e[count].connected = connected;
		count++;
	}
	*n = count;
	return ZAPI_OK;
}

int zapi_nexthop_update_encode(struct writer *w, uint16_t vrf_id,
			       const struct zapi_nexthop_update *u)
{
	size_t start;
	int rc;

	if (zapi_writer_ok(w) < 0)
		return ZAPI_ERR_NOSPACE;
	if (!zapi_prefix_ok(&u->prefix))
		return ZAPI_ERR_FAMILY;
	start = zapi_header_begin(w, ZEBRA_NEXTHOP_UPDATE, vrf_id);
	wr_put_u16(w, u->prefix.family);
	put_prefix(w, &u->prefix);
	wr_put_u32(w, u->metric);
	rc = put_nexthops(w, NH_CTX_NHT, u->nexthop_num, u->nexthops);
	if (rc < 0)
		return abort_msg(w, start, rc);
	return zapi_header_finish(w, start);
}

int zapi_nexthop_update_decode(struct reader *body, struct zapi_nexthop_update *u)
{
	uint16_t family;
	int rc;

	u->nexthop_num = 0;
	if (rd_get_u16(body, &family) < 0)
		return ZAPI_ERR_TRUNCATED;
	if (family != AF_INET && family != AF_INET6)
		return ZAPI_ERR_FAMILY;
	rc = get_prefix(body, family, &u->prefix);
	if (rc < 0)
		return rc;
	if (rd_get_u32(body, &u->metric) < 0)
		return ZAPI_ERR_TRUNCATED;
	rc = get_nexthops(body, NH_CTX_NHT, &u->nexthop_num, u->nexthops);
	if (rc < 0)
		return rc;
	return zapi_end(body);
}
