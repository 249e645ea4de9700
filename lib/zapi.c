/*
 * zserv codec, part 1: header, framing, names, errors, the small fixed
 * messages (empty, one route type byte, router id) and the address
 * helpers the other codec files share.
 *
 * Header checks happen in one place (check_header) so that the framing
 * helper, zapi_header_decode and zapi_msg_open agree on what a bad header
 * is. Encoders write the header with a zero length, append the body and
 * patch the length at the end; a message that would exceed 4096 bytes or
 * does not fit a fixed writer is rolled back, leaving earlier messages in
 * the writer intact.
 */
#include <string.h>
#include <sys/socket.h>

#include "zapi.h"
#include "zapi_priv.h"

static const char *const command_names[ZEBRA_MESSAGE_MAX] = {
	[ZEBRA_INTERFACE_ADD] = "ZEBRA_INTERFACE_ADD",
	[ZEBRA_INTERFACE_DELETE] = "ZEBRA_INTERFACE_DELETE",
	[ZEBRA_INTERFACE_ADDRESS_ADD] = "ZEBRA_INTERFACE_ADDRESS_ADD",
	[ZEBRA_INTERFACE_ADDRESS_DELETE] = "ZEBRA_INTERFACE_ADDRESS_DELETE",
	[ZEBRA_INTERFACE_UP] = "ZEBRA_INTERFACE_UP",
	[ZEBRA_INTERFACE_DOWN] = "ZEBRA_INTERFACE_DOWN",
	[ZEBRA_IPV4_ROUTE_ADD] = "ZEBRA_IPV4_ROUTE_ADD",
	[ZEBRA_IPV4_ROUTE_DELETE] = "ZEBRA_IPV4_ROUTE_DELETE",
	[ZEBRA_IPV6_ROUTE_ADD] = "ZEBRA_IPV6_ROUTE_ADD",
	[ZEBRA_IPV6_ROUTE_DELETE] = "ZEBRA_IPV6_ROUTE_DELETE",
	[ZEBRA_REDISTRIBUTE_ADD] = "ZEBRA_REDISTRIBUTE_ADD",
	[ZEBRA_REDISTRIBUTE_DELETE] = "ZEBRA_REDISTRIBUTE_DELETE",
	[ZEBRA_REDISTRIBUTE_DEFAULT_ADD] = "ZEBRA_REDISTRIBUTE_DEFAULT_ADD",
	[ZEBRA_REDISTRIBUTE_DEFAULT_DELETE] = "ZEBRA_REDISTRIBUTE_DEFAULT_DELETE",
	[ZEBRA_IPV4_NEXTHOP_LOOKUP] = "ZEBRA_IPV4_NEXTHOP_LOOKUP",
	[ZEBRA_IPV6_NEXTHOP_LOOKUP] = "ZEBRA_IPV6_NEXTHOP_LOOKUP",
	[ZEBRA_IPV4_IMPORT_LOOKUP] = "ZEBRA_IPV4_IMPORT_LOOKUP",
	[ZEBRA_IPV6_IMPORT_LOOKUP] = "ZEBRA_IPV6_IMPORT_LOOKUP",
	[ZEBRA_INTERFACE_RENAME] = "ZEBRA_INTERFACE_RENAME",
	[ZEBRA_ROUTER_ID_ADD] = "ZEBRA_ROUTER_ID_ADD",
	[ZEBRA_ROUTER_ID_DELETE] = "ZEBRA_ROUTER_ID_DELETE",
	[ZEBRA_ROUTER_ID_UPDATE] = "ZEBRA_ROUTER_ID_UPDATE",
	[ZEBRA_HELLO] = "ZEBRA_HELLO",
	[ZEBRA_IPV4_NEXTHOP_LOOKUP_MRIB] = "ZEBRA_IPV4_NEXTHOP_LOOKUP_MRIB",
	[ZEBRA_VRF_UNREGISTER] = "ZEBRA_VRF_UNREGISTER",
	[ZEBRA_INTERFACE_LINK_PARAMS] = "ZEBRA_INTERFACE_LINK_PARAMS",
	[ZEBRA_NEXTHOP_REGISTER] = "ZEBRA_NEXTHOP_REGISTER",
	[ZEBRA_NEXTHOP_UNREGISTER] = "ZEBRA_NEXTHOP_UNREGISTER",
	[ZEBRA_NEXTHOP_UPDATE] = "ZEBRA_NEXTHOP_UPDATE",
};

const char *zapi_command_name(uint16_t cmd)
{
	if (cmd < ZEBRA_MESSAGE_MAX && command_names[cmd])
		return command_names[cmd];
	return "ZEBRA_UNKNOWN";
}

const char *zapi_strerror(int err)
{
	switch (err) {
	case ZAPI_OK:
		return "no error";
	case ZAPI_ERR_TRUNCATED:
		return "message truncated";
	case ZAPI_ERR_MARKER:
		return "bad header marker";
	case ZAPI_ERR_VERSION:
		return "zserv version mismatch";
	case ZAPI_ERR_LENGTH:
		return "bad message length";
	case ZAPI_ERR_FAMILY:
		return "unknown address family";
	case ZAPI_ERR_PREFIXLEN:
		return "prefix length out of range";
	case ZAPI_ERR_NEXTHOP_TYPE:
		return "unknown nexthop type";
	case ZAPI_ERR_NEXTHOP_COUNT:
		return "nexthop count overruns the message";
	case ZAPI_ERR_TRAILING:
		return "trailing bytes after the message body";
	case ZAPI_ERR_VALUE:
		return "field value out of range";
	case ZAPI_ERR_COMMAND:
		return "wrong command for this message";
	case ZAPI_ERR_TOO_BIG:
		return "message exceeds 4096 bytes";
	case ZAPI_ERR_NOSPACE:
		return "output buffer full";
	}
	return "unknown error";
}

const char *zapi_nexthop_type_name(uint8_t type)
{
	static const char *const names[] = {
		[ZEBRA_NEXTHOP_IFINDEX] = "IFINDEX",
		[ZEBRA_NEXTHOP_IFNAME] = "IFNAME",
		[ZEBRA_NEXTHOP_IPV4] = "IPV4",
		[ZEBRA_NEXTHOP_IPV4_IFINDEX] = "IPV4_IFINDEX",
		[ZEBRA_NEXTHOP_IPV4_IFNAME] = "IPV4_IFNAME",
		[ZEBRA_NEXTHOP_IPV6] = "IPV6",
		[ZEBRA_NEXTHOP_IPV6_IFINDEX] = "IPV6_IFINDEX",
		[ZEBRA_NEXTHOP_IPV6_IFNAME] = "IPV6_IFNAME",
		[ZEBRA_NEXTHOP_BLACKHOLE] = "BLACKHOLE",
	};

	if (type < sizeof(names) / sizeof(names[0]) && names[type])
		return names[type];
	return "UNKNOWN";
}

/* ---- header and framing ------------------------------------------------ */

/* Checks as many header fields as the n bytes at p contain. */
static int check_header(const uint8_t *p, size_t n)
{
	if (n >= 2) {
		unsigned length = (unsigned)p[0] << 8 | p[1];

		if (length < ZAPI_HEADER_SIZE || length > ZAPI_MAX_PACKET_SIZE)
			return ZAPI_ERR_LENGTH;
	}
	if (n >= 3 && p[2] != ZEBRA_HEADER_MARKER)
		return ZAPI_ERR_MARKER;
	if (n >= 4 && p[3] != ZSERV_VERSION)
		return ZAPI_ERR_VERSION;
	return ZAPI_OK;
}

enum zapi_frame_result zapi_frame_err(const uint8_t *buf, size_t len, size_t *msglen,
				      int *err)
{
	int rc = check_header(buf, len);
	size_t length;

	if (err)
		*err = rc;
	if (rc < 0)
		return ZAPI_FRAME_BAD;
	if (len < ZAPI_HEADER_SIZE)
		return ZAPI_FRAME_NEED_MORE;
	length = (size_t)buf[0] << 8 | buf[1];
	if (len < length)
		return ZAPI_FRAME_NEED_MORE;
	*msglen = length;
	return ZAPI_FRAME_OK;
}

enum zapi_frame_result zapi_frame(const uint8_t *buf, size_t len, size_t *msglen)
{
	return zapi_frame_err(buf, len, msglen, NULL);
}

int zapi_header_decode(struct reader *r, struct zapi_header *h)
{
	struct zapi_header t;
	int rc;

	/* report a bad field even in a short buffer: it is the better error */
	rc = check_header(rd_ptr(r), rd_remaining(r));
	if (rc < 0)
		return rc;
	if (rd_remaining(r) < ZAPI_HEADER_SIZE)
		return ZAPI_ERR_TRUNCATED;
	if (rd_get_u16(r, &t.length) < 0 || rd_get_u8(r, &t.marker) < 0 ||
	    rd_get_u8(r, &t.version) < 0 || rd_get_u16(r, &t.vrf_id) < 0 ||
	    rd_get_u16(r, &t.command) < 0)
		return ZAPI_ERR_TRUNCATED;
	*h = t;
	return ZAPI_OK;
}

int zapi_msg_open(const void *buf, size_t len, struct zapi_header *h,
		  struct reader *body)
{
	struct reader r;
	int rc;

	rd_init(&r, buf, len);
	rc = zapi_header_decode(&r, h);
	if (rc < 0)
		return rc;
	if (h->length != len)
		return ZAPI_ERR_LENGTH;
	if (rd_sub(&r, len - ZAPI_HEADER_SIZE, body) < 0)
		return ZAPI_ERR_TRUNCATED;
	return ZAPI_OK;
}

size_t zapi_header_begin(struct writer *w, uint16_t cmd, uint16_t vrf_id)
{
	size_t start = w->len;

	wr_put_u16(w, 0);
	wr_put_u8(w, ZEBRA_HEADER_MARKER);
	wr_put_u8(w, ZSERV_VERSION);
	wr_put_u16(w, vrf_id);
	wr_put_u16(w, cmd);
	return start;
}

int zapi_header_finish(struct writer *w, size_t start)
{
	size_t length;

	if (wr_failed(w)) {
		/* encoders check the writer before begin: this message failed */
		w->len = start;
		w->failed = false;
		return ZAPI_ERR_NOSPACE;
	}
	length = w->len - start;
	if (length > ZAPI_MAX_PACKET_SIZE) {
		w->len = start;
		return ZAPI_ERR_TOO_BIG;
	}
	wr_set_u16(w, start, (uint16_t)length);
	return ZAPI_OK;
}

/* ---- shared address helpers ------------------------------------------- */

int zapi_get_family8(struct reader *r, uint8_t *family)
{
	if (rd_get_u8(r, family) < 0)
		return ZAPI_ERR_TRUNCATED;
	if (*family != AF_INET && *family != AF_INET6)
		return ZAPI_ERR_FAMILY;
	return ZAPI_OK;
}

int zapi_get_prefixlen(struct reader *r, int family, uint8_t *plen)
{
	if (rd_get_u8(r, plen) < 0)
		return ZAPI_ERR_TRUNCATED;
	if (*plen > family_maxlen(family))
		return ZAPI_ERR_PREFIXLEN;
	return ZAPI_OK;
}

int zapi_get_prefix_bytes(struct reader *r, int family, uint8_t plen,
			  struct prefix *p)
{
	memset(p, 0, sizeof(*p));
	p->family = (uint8_t)family;
	p->prefixlen = plen;
	if (rd_get_bytes(r, p->u.bytes, psize(plen)) < 0)
		return ZAPI_ERR_TRUNCATED;
	return ZAPI_OK;
}

int zapi_get_addr(struct reader *r, int family, union zapi_addr *a)
{
	unsigned n = zapi_family_addrlen(family);

	if (!n)
		return ZAPI_ERR_FAMILY;
	memset(a, 0, sizeof(*a));
	if (rd_get_bytes(r, a->bytes, n) < 0)
		return ZAPI_ERR_TRUNCATED;
	return ZAPI_OK;
}

void zapi_put_addr(struct writer *w, int family, const union zapi_addr *a)
{
	wr_put_bytes(w, a->bytes, zapi_family_addrlen(family));
}

/* ---- small messages ---------------------------------------------------- */

int zapi_empty_encode(struct writer *w, uint16_t cmd, uint16_t vrf_id)
{
	size_t start;

	if (zapi_writer_ok(w) < 0)
		return ZAPI_ERR_NOSPACE;
	start = zapi_header_begin(w, cmd, vrf_id);
	return zapi_header_finish(w, start);
}

int zapi_empty_decode(struct reader *body)
{
	return zapi_end(body);
}

int zapi_route_type_encode(struct writer *w, uint16_t cmd, uint16_t vrf_id,
			   uint8_t route_type)
{
	size_t start;

	if (zapi_writer_ok(w) < 0)
		return ZAPI_ERR_NOSPACE;
	start = zapi_header_begin(w, cmd, vrf_id);
	wr_put_u8(w, route_type);
	return zapi_header_finish(w, start);
}

int zapi_route_type_decode(struct reader *body, uint8_t *route_type)
{
	uint8_t t;

	if (rd_get_u8(body, &t) < 0)
		return ZAPI_ERR_TRUNCATED;
	if (rd_remaining(body))
		return ZAPI_ERR_TRAILING;
	*route_type = t;
	return ZAPI_OK;
}

int zapi_router_id_encode(struct writer *w, uint16_t vrf_id, const struct prefix *p)
{
	size_t start;

	if (zapi_writer_ok(w) < 0)
		return ZAPI_ERR_NOSPACE;
	if (!zapi_prefix_ok(p))
		return ZAPI_ERR_FAMILY;
	start = zapi_header_begin(w, ZEBRA_ROUTER_ID_UPDATE, vrf_id);
	wr_put_u8(w, p->family);
	wr_put_bytes(w, p->u.bytes, zapi_family_addrlen(p->family));
	wr_put_u8(w, p->prefixlen);
	return zapi_header_finish(w, start);
}

int zapi_router_id_decode(struct reader *body, struct prefix *p)
{
	struct prefix t;
	uint8_t family, plen;
	int rc;

	rc = zapi_get_family8(body, &family);
	if (rc < 0)
		return rc;
	memset(&t, 0, sizeof(t));
	t.family = family;
	if (rd_get_bytes(body, t.u.bytes, zapi_family_addrlen(family)) < 0)
		return ZAPI_ERR_TRUNCATED;
	rc = zapi_get_prefixlen(body, family, &plen);
	if (rc < 0)
		return rc;
	t.prefixlen = plen;
	rc = zapi_end(body);
	if (rc < 0)
		return rc;
	*p = t;
	return ZAPI_OK;
}

bool zapi_route_command(uint16_t cmd, int *family, bool *add)
{
	int fam;
	bool a;

	switch (cmd) {
	case ZEBRA_IPV4_ROUTE_ADD:
		fam = AF_INET, a = true;
		break;
	case ZEBRA_IPV4_ROUTE_DELETE:
		fam = AF_INET, a = false;
		break;
	case ZEBRA_IPV6_ROUTE_ADD:
		fam = AF_INET6, a = true;
		break;
	case ZEBRA_IPV6_ROUTE_DELETE:
		fam = AF_INET6, a = false;
		break;
	default:
		return false;
	}
	if (family)
		*family = fam;
	if (add)
		*add = a;
	return true;
}
