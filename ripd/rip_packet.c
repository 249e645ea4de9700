/*
 * RIP wire format: parser and encoder (see rip_packet.h for the contract).
 *
 * The parser reads only through lib/stream's failing reader. Its order:
 *   1. size: 4 <= len <= 512 and len == 4 + 20 * n
 *   2. version 1 or 2, a known command. (RFC 1058 3.4 has a RIPv1 router
 *      process newer versions by its rules; RFC 2453 defines nothing past
 *      2, and a version 3+ datagram is refused here, where Quagga read it
 *      as RIPv2: no router sends one, and a forged one is an attack.)
 *   3. RIPv2: an auth entry (AFI 0xFFFF) only counts as one when it is the
 *      first entry (RFC 2453 4.1); its type decides whether a keyed-MD5
 *      trailer must close the packet, and the trailer's offset ("packet
 *      length") must point exactly at the last 20 bytes. A later 0xFFFF
 *      entry is an ordinary entry of an unknown family, ignored alone.
 *   4. RIPv1: the header's and every entry's must-be-zero fields are zero,
 *      else the whole message is ignored (RFC 1058 3.4)
 * Only a packet that passes all of these is handed to the caller.
 */
#include <string.h>

#include "rip_md5.h"
#include "rip_packet.h"

static const char *const parse_result_str[] = {
	[RIP_PARSE_OK] = "ok",
	[RIP_PARSE_SHORT] = "packet too short",
	[RIP_PARSE_LONG] = "packet too long",
	[RIP_PARSE_SIZE] = "packet size is not 4 + 20*n",
	[RIP_PARSE_VERSION] = "bad version",
	[RIP_PARSE_COMMAND] = "unknown command",
	[RIP_PARSE_MBZ] = "RIPv1 must-be-zero field is not zero",
	[RIP_PARSE_AUTH] = "malformed authentication",
};

const char *rip_parse_result_str(enum rip_parse_result r)
{
	if ((unsigned)r >= sizeof(parse_result_str) / sizeof(parse_result_str[0]))
		return "?";
	return parse_result_str[r];
}

static const char *const rte_result_str[] = {
	[RIP_RTE_OK] = "ok",
	[RIP_RTE_AFI] = "unsupported address family",
	[RIP_RTE_METRIC] = "metric not in 1-16",
	[RIP_RTE_ADDRESS] = "invalid destination address",
	[RIP_RTE_MASK] = "invalid subnet mask",
	[RIP_RTE_NEXTHOP] = "invalid next hop",
};

const char *rip_rte_result_str(enum rip_rte_result r)
{
	if ((unsigned)r >= sizeof(rte_result_str) / sizeof(rte_result_str[0]))
		return "?";
	return rte_result_str[r];
}

const char *rip_command_str(uint8_t command)
{
	switch (command) {
	case RIP_REQUEST:
		return "REQUEST";
	case RIP_RESPONSE:
		return "RESPONSE";
	case RIP_TRACEON:
		return "TRACEON";
	case RIP_TRACEOFF:
		return "TRACEOFF";
	case RIP_POLL:
		return "POLL";
	case RIP_POLL_ENTRY:
		return "POLL ENTRY";
	}
	return "UNKNOWN";
}

/* Read one 20-byte entry; the caller has checked the size already. */
static int get_rte(struct reader *r, struct rip_rte *e)
{
	uint8_t raw[RIP_RTE_SIZE];
	struct reader er;

	if (rd_get_bytes(r, raw, sizeof(raw)) < 0)
		return -1;
	rd_init(&er, raw, sizeof(raw));
	if (rd_get_u16(&er, &e->afi) < 0 || rd_get_u16(&er, &e->tag) < 0 ||
	    rd_get_in_addr(&er, &e->addr) < 0 ||
	    rd_get_in_addr(&er, &e->mask) < 0 ||
	    rd_get_in_addr(&er, &e->nexthop) < 0 ||
	    rd_get_u32(&er, &e->metric) < 0)
		return -1;
	return 0;
}

/* The first entry of a RIPv2 packet is an auth entry: read its body. */
static enum rip_parse_result parse_auth_entry(struct reader *r, size_t len,
					      struct rip_auth *a)
{
	uint16_t afi;
	uint8_t zero[8];

	if (rd_get_u16(r, &afi) < 0 || rd_get_u16(r, &a->type) < 0)
		return RIP_PARSE_AUTH;
	switch (a->type) {
	case RIP_AUTH_SIMPLE_PASSWORD:
		if (rd_get_bytes(r, a->password, RIP_AUTH_SIMPLE_SIZE) < 0)
			return RIP_PARSE_AUTH;
		a->password[RIP_AUTH_SIMPLE_SIZE] = '\0';
		return RIP_PARSE_OK;
	case RIP_AUTH_MD5:
		if (rd_get_u16(r, &a->md5_offset) < 0 ||
		    rd_get_u8(r, &a->key_id) < 0 ||
		    rd_get_u8(r, &a->auth_len) < 0 ||
		    rd_get_u32(r, &a->seq) < 0 ||
		    rd_get_bytes(r, zero, sizeof(zero)) < 0)
			return RIP_PARSE_AUTH;
		if (a->auth_len != RIP_AUTH_MD5_SIZE &&
		    a->auth_len != RIP_AUTH_MD5_COMPAT_SIZE)
			return RIP_PARSE_AUTH;
		/* The trailer must be the last entry, after the auth entry. */
		if (len < RIP_HEADER_SIZE + 2 * RIP_RTE_SIZE ||
		    a->md5_offset != len - RIP_RTE_SIZE)
			return RIP_PARSE_AUTH;
		return RIP_PARSE_OK;
	default:
		return RIP_PARSE_AUTH;
	}
}

static enum rip_parse_result parse_md5_trailer(struct reader *r,
					       struct rip_auth *a)
{
	uint16_t afi, type;

	if (rd_get_u16(r, &afi) < 0 || rd_get_u16(r, &type) < 0 ||
	    rd_get_bytes(r, a->digest, RIP_AUTH_MD5_SIZE) < 0)
		return RIP_PARSE_AUTH;
	if (afi != RIP_AFI_AUTH || type != RIP_AUTH_DATA)
		return RIP_PARSE_AUTH;
	return RIP_PARSE_OK;
}

static bool rte_mbz_clear(const struct rip_rte *e)
{
	return e->tag == 0 && e->mask.s_addr == 0 && e->nexthop.s_addr == 0;
}

static enum rip_parse_result fail(enum rip_parse_result res, const char **why)
{
	if (why)
		*why = rip_parse_result_str(res);
	return res;
}

enum rip_parse_result rip_packet_parse(const uint8_t *buf, size_t len,
				       struct rip_packet *pkt, const char **why)
{
	struct reader r;
	uint16_t mbz;
	size_t nent, body_end;
	enum rip_parse_result res;

	memset(pkt, 0, sizeof(*pkt));
	if (len < RIP_HEADER_SIZE)
		return fail(RIP_PARSE_SHORT, why);
	if (len > RIP_PACKET_MAX)
		return fail(RIP_PARSE_LONG, why);
	if ((len - RIP_HEADER_SIZE) % RIP_RTE_SIZE != 0)
		return fail(RIP_PARSE_SIZE, why);

	rd_init(&r, buf, len);
	if (rd_get_u8(&r, &pkt->command) < 0 || rd_get_u8(&r, &pkt->version) < 0 ||
	    rd_get_u16(&r, &mbz) < 0)
		return fail(RIP_PARSE_SHORT, why);
	if (pkt->version != RIPv1 && pkt->version != RIPv2)
		return fail(RIP_PARSE_VERSION, why);
	if (pkt->command < RIP_REQUEST || pkt->command > RIP_POLL_ENTRY)
		return fail(RIP_PARSE_COMMAND, why);
	if (pkt->version == RIPv1 && mbz != 0)
		return fail(RIP_PARSE_MBZ, why);

	nent = (len - RIP_HEADER_SIZE) / RIP_RTE_SIZE;
	body_end = len;

	if (pkt->version == RIPv2 && nent > 0) {
		uint16_t afi;

		if (rd_peek_u16(&r, &afi) < 0)
			return fail(RIP_PARSE_SHORT, why);
		if (afi == RIP_AFI_AUTH) {
			res = parse_auth_entry(&r, len, &pkt->auth);
			if (res != RIP_PARSE_OK)
				return fail(res, why);
			nent--;
			if (pkt->auth.type == RIP_AUTH_MD5) {
				body_end = pkt->auth.md5_offset;
				nent--;
			}
		}
	}

	for (size_t i = 0; i < nent; i++) {
		struct rip_rte *e = &pkt->rte[pkt->nrte];

		if (get_rte(&r, e) < 0)
			return fail(RIP_PARSE_SHORT, why);
		if (pkt->version == RIPv1 && !rte_mbz_clear(e))
			return fail(RIP_PARSE_MBZ, why);
		pkt->nrte++;
	}

	if (pkt->auth.type == RIP_AUTH_MD5) {
		if (r.pos != body_end)
			return fail(RIP_PARSE_AUTH, why);
		res = parse_md5_trailer(&r, &pkt->auth);
		if (res != RIP_PARSE_OK)
			return fail(res, why);
	}
	if (rd_remaining(&r) != 0)
		return fail(RIP_PARSE_SIZE, why);
	if (why)
		*why = NULL;
	return RIP_PARSE_OK;
}

bool rip_request_is_whole_table(const struct rip_packet *pkt)
{
	return pkt->nrte == 1 && pkt->rte[0].afi == 0 &&
	       pkt->rte[0].metric == RIP_METRIC_INFINITY;
}

unsigned rip_classful_len(struct in_addr a)
{
	uint32_t h = ntohl(a.s_addr);

	if ((h & 0x80000000u) == 0)
		return 8;
	if ((h & 0xc0000000u) == 0x80000000u)
		return 16;
	if ((h & 0xe0000000u) == 0xc0000000u)
		return 24;
	return 32;
}

static uint32_t host_mask(unsigned len)
{
	return len >= 32 ? 0 : 0xffffffffu >> len;
}

/*
 * A mask for an entry that carries none (RFC 1058 3.2, RFC 2453 4.3).
 * Inside the classful network of the receiving interface, when that
 * network is subnetted, the interface's own mask is the subnet mask (so
 * 10.0.0.0 heard on 10.0.0.1/24 is subnet zero, not the whole class A,
 * which RIPv1 never announces inside the network; as Quagga). Elsewhere
 * the classful mask. Host bits left over under that mask: a host route.
 */
static unsigned guess_len(struct in_addr a, const struct prefix *ifaddr)
{
	uint32_t h = ntohl(a.s_addr);
	unsigned clen = rip_classful_len(a);

	if (ifaddr && ifaddr->family == AF_INET && ifaddr->prefixlen > clen &&
	    rip_classful_len(ifaddr->u.v4) == clen) {
		uint32_t ih = ntohl(ifaddr->u.v4.s_addr);
		uint32_t cm = ~host_mask(clen);

		if ((ih & cm) == (h & cm))
			return (h & host_mask(ifaddr->prefixlen)) == 0 ? ifaddr->prefixlen : 32;
	}
	return (h & host_mask(clen)) == 0 ? clen : 32;
}

static bool bad_destination(uint32_t h)
{
	uint8_t first = h >> 24;

	if (first == 0 && h != 0)
		return true;
	if (first == 127)
		return true;
	return first >= 224;	/* class D and E */
}

enum rip_rte_result rip_rte_check(const struct rip_rte *rte, uint8_t version,
				  const struct prefix *ifaddr, struct prefix *p)
{
	uint32_t h = ntohl(rte->addr.s_addr);
	uint32_t nh = ntohl(rte->nexthop.s_addr);
	unsigned len;

	if (rte->afi != RIP_AFI_INET)
		return RIP_RTE_AFI;
	if (rte->metric < 1 || rte->metric > RIP_METRIC_INFINITY)
		return RIP_RTE_METRIC;
	if (bad_destination(h))
		return RIP_RTE_ADDRESS;
	/* A martian next hop (0/8, 127/8, class D or E) marks a malformed
	 * entry: skipped. Any other next hop that is not on the receiving
	 * subnet is read as 0.0.0.0 by the caller (RFC 2453 4.4). */
	if (version == RIPv2 && nh != 0 && (bad_destination(nh) || (nh >> 24) == 0))
		return RIP_RTE_NEXTHOP;

	if (h == 0) {
		/* 0.0.0.0 is the default route whatever mask came with it */
		len = 0;
	} else if (version == RIPv2 && rte->mask.s_addr != 0) {
		int ml = ip_masklen(rte->mask);

		if (ml < 0)
			return RIP_RTE_MASK;
		len = (unsigned)ml;
		if (h & host_mask(len))
			return RIP_RTE_MASK;
	} else {
		len = guess_len(rte->addr, ifaddr);
	}
	prefix_from_ipv4(p, rte->addr, len);
	return RIP_RTE_OK;
}

/* ---- encoder ---- */

void rip_put_header(struct writer *w, uint8_t command, uint8_t version)
{
	wr_put_u8(w, command);
	wr_put_u8(w, version);
	wr_put_u16(w, 0);
}

void rip_put_rte(struct writer *w, const struct rip_rte *rte)
{
	wr_put_u16(w, rte->afi);
	wr_put_u16(w, rte->tag);
	wr_put_in_addr(w, rte->addr);
	wr_put_in_addr(w, rte->mask);
	wr_put_in_addr(w, rte->nexthop);
	wr_put_u32(w, rte->metric);
}

void rip_put_auth_simple(struct writer *w, const char *password)
{
	char pw[RIP_AUTH_SIMPLE_SIZE] = { 0 };
	size_t n = password ? strlen(password) : 0;

	if (n > RIP_AUTH_SIMPLE_SIZE)
		n = RIP_AUTH_SIMPLE_SIZE;
	if (n)
		memcpy(pw, password, n);
	wr_put_u16(w, RIP_AFI_AUTH);
	wr_put_u16(w, RIP_AUTH_SIMPLE_PASSWORD);
	wr_put_bytes(w, pw, sizeof(pw));
}

void rip_put_auth_md5(struct writer *w, uint8_t key_id, uint8_t auth_len,
		      uint32_t seq)
{
	wr_put_u16(w, RIP_AFI_AUTH);
	wr_put_u16(w, RIP_AUTH_MD5);
	wr_put_u16(w, 0);	/* packet length, set by rip_md5_finish */
	wr_put_u8(w, key_id);
	wr_put_u8(w, auth_len);
	wr_put_u32(w, seq);
	wr_put_zero(w, 8);
}

static void md5_digest(const uint8_t *pkt, size_t upto, const char *key,
		       uint8_t out[RIP_AUTH_MD5_SIZE])
{
	struct rip_md5_ctx c;
	char k[RIP_AUTH_MD5_SIZE] = { 0 };
	size_t n = key ? strlen(key) : 0;

	if (n > sizeof(k))
		n = sizeof(k);
	if (n)
		memcpy(k, key, n);
	rip_md5_init(&c);
	rip_md5_update(&c, pkt, upto);
	rip_md5_update(&c, k, sizeof(k));
	rip_md5_final(&c, out);
}

void rip_md5_finish(struct writer *w, const char *key)
{
	uint8_t digest[RIP_AUTH_MD5_SIZE];
	size_t off = w->len;

	if (wr_failed(w) || off < RIP_HEADER_SIZE + RIP_RTE_SIZE || off > 0xffff) {
		w->failed = true;
		return;
	}
	/* the packet-length field sits at header(4) + afi(2) + type(2) */
	wr_set_u16(w, RIP_HEADER_SIZE + 4, (uint16_t)off);
	wr_put_u16(w, RIP_AFI_AUTH);
	wr_put_u16(w, RIP_AUTH_DATA);
	if (wr_failed(w))
		return;
	md5_digest(w->data, off + 4, key, digest);
	wr_put_bytes(w, digest, sizeof(digest));
}

bool rip_md5_verify(const uint8_t *buf, size_t len,
		    const struct rip_packet *pkt, const char *key)
{
	uint8_t digest[RIP_AUTH_MD5_SIZE];
	size_t off = pkt->auth.md5_offset;
	uint8_t diff = 0;

	if (pkt->auth.type != RIP_AUTH_MD5 || off + RIP_RTE_SIZE != len)
		return false;
	md5_digest(buf, off + 4, key, digest);
	for (size_t i = 0; i < sizeof(digest); i++)
		diff |= digest[i] ^ pkt->auth.digest[i];
	return diff == 0;
}
