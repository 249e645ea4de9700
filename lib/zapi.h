/*
 * zserv protocol version 3 (Quagga 1.2.4): one pure codec for both ends.
 *
 * zebra and every client daemon encode and decode zserv messages through
 * this file only. Decoders are pure functions: a reader over exactly one
 * message body in, a filled struct or a negative ZAPI_ERR_* out. They never
 * assert, never read past the body and reject what Quagga's own readers
 * would misparse (bad marker/version, lengths outside 8..4096, truncated
 * bodies, prefix lengths beyond the family, nexthop counts that overrun the
 * body, nexthop types whose size is unknown, trailing bytes).
 *
 * Encoders append one complete message (header included) to a struct
 * writer, so a writer can batch many messages; they return 0, or a
 * negative ZAPI_ERR_* when the message would exceed 4096 bytes or a field
 * is out of range, in which case the writer is rolled back to where it was.
 *
 * Two route formats exist, chosen by direction, not by command number:
 *   - client -> zebra (`struct zapi_route`): type, flags, message, 2-byte
 *     SAFI, prefix, then typed nexthops (a type byte + data each).
 *   - zebra -> client redistribution (`struct zapi_redist_route`): no SAFI,
 *     one untyped nexthop address, an ifindex count (1) + ifindex, and the
 *     optional fields as the message byte says. zebra sends message 0x1f
 *     (+0x20 with a non-zero tag) on ADD, 0x03 on DELETE, 0x00 on a DELETE
 *     of a route without an active nexthop; use zapi_redist_route_set_message().
 *
 * Typical receive path (zebra or zclient):
 *
 *	size_t n;
 *	int rc = zapi_frame(buf, len, &n);      // need more / one message / bad
 *	struct zapi_header h; struct reader body;
 *	if (zapi_msg_open(buf, n, &h, &body) < 0) goto bad_header;
 *	switch (h.command) ... zapi_route_decode(h.command, &body, &route) ...
 */
#ifndef TARPAN_ZAPI_H
#define TARPAN_ZAPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

#include "prefix.h"
#include "route_types.h"
#include "stream.h"

/* ------------------------------------------------------------------ */
/* Transport and header constants                                      */

#define ZSERV_VERSION 3
#define ZEBRA_HEADER_MARKER 255
#define ZAPI_HEADER_SIZE 8
#define ZAPI_MAX_PACKET_SIZE 4096	/* ZEBRA_MAX_PACKET_SIZ */
#define ZAPI_MAX_BODY_SIZE (ZAPI_MAX_PACKET_SIZE - ZAPI_HEADER_SIZE)
#define ZEBRA_TCP_PORT 2600		/* ZEBRA_PORT, on 127.0.0.1 */
#define ZEBRA_TCP_ADDR "127.0.0.1"
#define ZSERV_SOCKET_NAME "zserv.api"
#define VRF_DEFAULT 0

/* Quagga's default; routes may carry more typed nexthops (IPv6: gates + ifindexes). */
#define MULTIPATH_NUM 64
/* Storage for nexthops in one message: the count byte's maximum. */
#define ZAPI_NEXTHOP_MAX 255

#define INTERFACE_NAMSIZ 20
#define INTERFACE_HWADDR_MAX 20

/* Command numbers (lib/zebra.h of Quagga 1.2.4). */
enum zapi_command {
	ZEBRA_INTERFACE_ADD = 1,
	ZEBRA_INTERFACE_DELETE = 2,
	ZEBRA_INTERFACE_ADDRESS_ADD = 3,
	ZEBRA_INTERFACE_ADDRESS_DELETE = 4,
	ZEBRA_INTERFACE_UP = 5,
	ZEBRA_INTERFACE_DOWN = 6,
	ZEBRA_IPV4_ROUTE_ADD = 7,
	ZEBRA_IPV4_ROUTE_DELETE = 8,
	ZEBRA_IPV6_ROUTE_ADD = 9,
	ZEBRA_IPV6_ROUTE_DELETE = 10,
	ZEBRA_REDISTRIBUTE_ADD = 11,
	ZEBRA_REDISTRIBUTE_DELETE = 12,
	ZEBRA_REDISTRIBUTE_DEFAULT_ADD = 13,
	ZEBRA_REDISTRIBUTE_DEFAULT_DELETE = 14,
	ZEBRA_IPV4_NEXTHOP_LOOKUP = 15,
	ZEBRA_IPV6_NEXTHOP_LOOKUP = 16,
	ZEBRA_IPV4_IMPORT_LOOKUP = 17,
	ZEBRA_IPV6_IMPORT_LOOKUP = 18,	/* not handled by zebra 1.2.4 */
	ZEBRA_INTERFACE_RENAME = 19,	/* defined, never sent */
	ZEBRA_ROUTER_ID_ADD = 20,
	ZEBRA_ROUTER_ID_DELETE = 21,
	ZEBRA_ROUTER_ID_UPDATE = 22,
	ZEBRA_HELLO = 23,
	ZEBRA_IPV4_NEXTHOP_LOOKUP_MRIB = 24,
	ZEBRA_VRF_UNREGISTER = 25,
	ZEBRA_INTERFACE_LINK_PARAMS = 26,
	ZEBRA_NEXTHOP_REGISTER = 27,
	ZEBRA_NEXTHOP_UNREGISTER = 28,
	ZEBRA_NEXTHOP_UPDATE = 29,
	ZEBRA_MESSAGE_MAX = 30,
};

/* "ZEBRA_INTERFACE_ADD", ...; "ZEBRA_UNKNOWN" for numbers Quagga never used. */
const char *zapi_command_name(uint16_t cmd);

/* ZAPI_MESSAGE_* bits of a route's message byte. */
#define ZAPI_MESSAGE_NEXTHOP 0x01
#define ZAPI_MESSAGE_IFINDEX 0x02
#define ZAPI_MESSAGE_DISTANCE 0x04
#define ZAPI_MESSAGE_METRIC 0x08
#define ZAPI_MESSAGE_MTU 0x10
#define ZAPI_MESSAGE_TAG 0x20

/* ZEBRA_FLAG_* route flags. */
#define ZEBRA_FLAG_INTERNAL 0x01
#define ZEBRA_FLAG_SELFROUTE 0x02
#define ZEBRA_FLAG_BLACKHOLE 0x04
#define ZEBRA_FLAG_IBGP 0x08
#define ZEBRA_FLAG_SELECTED 0x10
#define ZEBRA_FLAG_FIB_OVERRIDE 0x20
#define ZEBRA_FLAG_STATIC 0x40
#define ZEBRA_FLAG_REJECT 0x80

/* Nexthop types (same values as the RIB's NEXTHOP_TYPE_*). */
enum zapi_nexthop_type {
	ZEBRA_NEXTHOP_IFINDEX = 1,
	ZEBRA_NEXTHOP_IFNAME = 2,
	ZEBRA_NEXTHOP_IPV4 = 3,
	ZEBRA_NEXTHOP_IPV4_IFINDEX = 4,
	ZEBRA_NEXTHOP_IPV4_IFNAME = 5,
	ZEBRA_NEXTHOP_IPV6 = 6,
	ZEBRA_NEXTHOP_IPV6_IFINDEX = 7,
	ZEBRA_NEXTHOP_IPV6_IFNAME = 8,
	ZEBRA_NEXTHOP_BLACKHOLE = 9,
};

/* AFI / SAFI numbers (SAFI is 2 bytes on the wire, client routes only). */
#define AFI_IP 1
#define AFI_IP6 2
#define AFI_ETHER 3
#define SAFI_UNICAST 1
#define SAFI_MULTICAST 2
#define SAFI_RESERVED_3 3
#define SAFI_MPLS_VPN 4
#define SAFI_ENCAP 7
#define SAFI_MAX 8

/* Interface status byte. */
#define ZEBRA_INTERFACE_ACTIVE 0x01
#define ZEBRA_INTERFACE_SUB 0x02
#define ZEBRA_INTERFACE_LINKDETECTION 0x04

/* Address (connected) flags. */
#define ZEBRA_IFA_SECONDARY 0x01
#define ZEBRA_IFA_PEER 0x02
#define ZEBRA_IFA_UNNUMBERED 0x04

/* A few of zebra's link-layer types (ll_type); others pass through. */
#define ZEBRA_LLT_UNKNOWN 0
#define ZEBRA_LLT_ETHER 1
#define ZEBRA_LLT_EETHER 2
#define ZEBRA_LLT_LOOPBACK 30
#define ZEBRA_LLT_FDDI 32

/* Internal error codes zebra uses (ZEBRA_ERR_*); never on the wire. */
#define ZEBRA_ERR_NOERROR 0
#define ZEBRA_ERR_RTEXIST (-1)
#define ZEBRA_ERR_RTUNREACH (-2)
#define ZEBRA_ERR_EPERM (-3)
#define ZEBRA_ERR_RTNOEXIST (-4)
#define ZEBRA_ERR_KERNEL (-5)

/* ------------------------------------------------------------------ */
/* Errors                                                              */

enum zapi_error {
	ZAPI_OK = 0,
	ZAPI_ERR_TRUNCATED = -1,	/* body ends before a field */
	ZAPI_ERR_MARKER = -2,		/* marker != 255 */
	ZAPI_ERR_VERSION = -3,		/* version != 3 */
	ZAPI_ERR_LENGTH = -4,		/* < 8, > 4096 or != buffer */
	ZAPI_ERR_FAMILY = -5,		/* address family not AF_INET/AF_INET6 */
	ZAPI_ERR_PREFIXLEN = -6,	/* prefixlen beyond the family maximum */
	ZAPI_ERR_NEXTHOP_TYPE = -7,	/* type whose size is unknown here */
	ZAPI_ERR_NEXTHOP_COUNT = -8,	/* count overruns the body/storage */
	ZAPI_ERR_TRAILING = -9,		/* bytes left after the last field */
	ZAPI_ERR_VALUE = -10,		/* a field out of range (hw_addr_len...) */
	ZAPI_ERR_COMMAND = -11,		/* decoder/encoder called for another command */
	ZAPI_ERR_TOO_BIG = -12,		/* encoded message would exceed 4096 */
	ZAPI_ERR_NOSPACE = -13,		/* fixed writer full */
};
const char *zapi_strerror(int err);

/* ------------------------------------------------------------------ */
/* Header and framing                                                  */

struct zapi_header {
	uint16_t length;	/* total, header included */
	uint8_t marker;		/* 255 */
	uint8_t version;	/* 3 */
	uint16_t vrf_id;
	uint16_t command;
};

/*
 * Framing for non-blocking stream reads: look at the bytes received so far.
 *   ZAPI_FRAME_NEED_MORE: not yet a whole message (read more);
 *   ZAPI_FRAME_OK: buf starts with one whole message of *msglen bytes;
 *   ZAPI_FRAME_BAD: the header is invalid (close the connection); *msglen
 *   is untouched. Marker, version and length are checked as soon as their
 *   bytes are present, so garbage is detected without waiting for more.
 */
enum zapi_frame_result {
	ZAPI_FRAME_BAD = -1,
	ZAPI_FRAME_NEED_MORE = 0,
	ZAPI_FRAME_OK = 1,
};
enum zapi_frame_result zapi_frame(const uint8_t *buf, size_t len, size_t *msglen);
/* Like zapi_frame, but with the reason on BAD (a ZAPI_ERR_*). */
enum zapi_frame_result zapi_frame_err(const uint8_t *buf, size_t len, size_t *msglen,
				      int *err);

/* Reads and validates 8 header bytes (marker, version, 8 <= length <= 4096). */
int zapi_header_decode(struct reader *r, struct zapi_header *h);
/*
 * Opens one whole message: validates the header, checks that h->length
 * equals len, and sets *body to a reader over exactly the body.
 */
int zapi_msg_open(const void *buf, size_t len, struct zapi_header *h,
		  struct reader *body);

/*
 * Low-level encoding for new message kinds: begin writes a header with a
 * zero length and returns the offset of the message; finish patches the
 * length (0, or ZAPI_ERR_TOO_BIG / ZAPI_ERR_NOSPACE after rolling back).
 */
size_t zapi_header_begin(struct writer *w, uint16_t cmd, uint16_t vrf_id);
int zapi_header_finish(struct writer *w, size_t start);

/* ------------------------------------------------------------------ */
/* Small messages                                                      */

/*
 * Empty body: INTERFACE_ADD/DELETE (client->zebra subscribe), ROUTER_ID_ADD,
 * ROUTER_ID_DELETE, REDISTRIBUTE_DEFAULT_ADD/DELETE, VRF_UNREGISTER.
 */
int zapi_empty_encode(struct writer *w, uint16_t cmd, uint16_t vrf_id);
int zapi_empty_decode(struct reader *body);

/* One-byte route type: HELLO, REDISTRIBUTE_ADD, REDISTRIBUTE_DELETE. */
int zapi_route_type_encode(struct writer *w, uint16_t cmd, uint16_t vrf_id,
			   uint8_t route_type);
int zapi_route_type_decode(struct reader *body, uint8_t *route_type);

/* ROUTER_ID_UPDATE: family (1), address (4/16), prefixlen (1). */
int zapi_router_id_encode(struct writer *w, uint16_t vrf_id, const struct prefix *p);
int zapi_router_id_decode(struct reader *body, struct prefix *p);

/* ------------------------------------------------------------------ */
/* Interfaces and addresses (zebra -> client)                          */

#define ZAPI_MAX_CLASS_TYPE 8

/* Traffic-engineering link parameters (the "link-params" block). */
struct zapi_link_params {
	uint32_t lp_status;
	uint32_t te_metric;
	float max_bw;
	float max_rsv_bw;
	uint32_t n_unrsv;			/* class count as sent (8) */
	float unrsv_bw[ZAPI_MAX_CLASS_TYPE];
	uint32_t admin_grp;
	uint32_t rmt_as;
	struct in_addr rmt_ip;			/* network order */
	uint32_t av_delay;
	uint32_t min_delay;
	uint32_t max_delay;
	uint32_t delay_var;
	float pkt_loss;
	float res_bw;
	float ava_bw;
	float use_bw;
};

/* INTERFACE_ADD / DELETE / UP / DOWN (1, 2, 5, 6), zebra -> client. */
struct zapi_interface {
	char name[INTERFACE_NAMSIZ + 1];	/* NUL-terminated */
	uint32_t ifindex;
	uint8_t status;			/* ZEBRA_INTERFACE_* */
	uint64_t flags;			/* Linux IFF_* */
	uint32_t metric;
	uint32_t mtu;
	uint32_t mtu6;
	uint32_t bandwidth;		/* kbit/s, 0 unless configured */
	uint32_t ll_type;		/* ZEBRA_LLT_* */
	uint32_t hw_addr_len;		/* <= INTERFACE_HWADDR_MAX */
	uint8_t hw_addr[INTERFACE_HWADDR_MAX];
	bool has_link_params;
	struct zapi_link_params lp;
};
int zapi_interface_encode(struct writer *w, uint16_t cmd, uint16_t vrf_id,
			  const struct zapi_interface *ifp);
int zapi_interface_decode(struct reader *body, struct zapi_interface *ifp);

/* INTERFACE_LINK_PARAMS (26): ifindex (4) + link-params block. */
int zapi_link_params_encode(struct writer *w, uint16_t vrf_id, uint32_t ifindex,
			    const struct zapi_link_params *lp);
int zapi_link_params_decode(struct reader *body, uint32_t *ifindex,
			    struct zapi_link_params *lp);

union zapi_addr {
	struct in_addr v4;
	struct in6_addr v6;
	uint8_t bytes[16];
};

/* INTERFACE_ADDRESS_ADD / DELETE (3, 4), zebra -> client. */
struct zapi_address {
	uint32_t ifindex;
	uint8_t flags;			/* ZEBRA_IFA_* */
	struct prefix prefix;		/* address with its prefixlen (unmasked) */
	union zapi_addr dest;		/* peer or broadcast; zeroes if none */
};
int zapi_address_encode(struct writer *w, uint16_t cmd, uint16_t vrf_id,
			const struct zapi_address *a);
int zapi_address_decode(struct reader *body, struct zapi_address *a);

/* ------------------------------------------------------------------ */
/* Routes                                                              */

/*
 * One typed nexthop. Which fields are used depends on type: IPV4/IPV6 use
 * gate, IFINDEX uses ifindex, *_IFINDEX both, BLACKHOLE nothing. In
 * client routes an IFNAME nexthop (1-byte length + name) is skipped on
 * decode, as zebra does, and encoded with an empty name.
 */
struct zapi_nexthop {
	uint8_t type;			/* enum zapi_nexthop_type */
	union zapi_addr gate;
	uint32_t ifindex;
};

/*
 * Client -> zebra route (IPV4/IPV6_ROUTE_ADD/DELETE, commands 7-10).
 * The family of prefix must match the command. Nexthops are exactly as on
 * the wire (Quagga's library writes all gates first, then all ifindexes;
 * zebra pairs them for IPv6). Optional fields are present iff their
 * ZAPI_MESSAGE_* bit is set; with ZAPI_MESSAGE_NEXTHOP clear, nexthop_num
 * is ignored by the encoder and 0 after decoding. The decoder follows
 * the message bits on ADD and DELETE alike (that is how clients write
 * them); the encoder leaves MTU out of a DELETE because zebra 1.2.4 does
 * not read it there.
 */
struct zapi_route {
	uint8_t type;			/* ZEBRA_ROUTE_* */
	uint8_t flags;			/* ZEBRA_FLAG_* */
	uint8_t message;		/* ZAPI_MESSAGE_* */
	uint16_t safi;
	struct prefix prefix;
	uint8_t nexthop_num;
	uint8_t distance;
	uint32_t metric;
	uint32_t mtu;
	uint32_t tag;
	struct zapi_nexthop nexthops[ZAPI_NEXTHOP_MAX];
};
int zapi_route_encode(struct writer *w, uint16_t cmd, uint16_t vrf_id,
		      const struct zapi_route *r);
int zapi_route_decode(uint16_t cmd, struct reader *body, struct zapi_route *r);

/*
 * Zebra -> client route (redistribution, commands 7-10). Only one nexthop
 * address and one ifindex are carried; nexthop_num and ifindex_num keep
 * the count bytes as sent (1) so that re-encoding is exact. A Quagga client
 * reads exactly one address after the count, and so do we.
 */
struct zapi_redist_route {
	uint8_t type;
	uint8_t flags;
	uint8_t message;
	struct prefix prefix;
	uint8_t nexthop_num;		/* if ZAPI_MESSAGE_NEXTHOP */
	union zapi_addr nexthop;	/* 0.0.0.0 / :: for interface routes */
	uint8_t ifindex_num;		/* if ZAPI_MESSAGE_IFINDEX */
	uint32_t ifindex;
	uint8_t distance;
	uint32_t metric;
	uint32_t mtu;
	uint32_t tag;
};
/*
 * Sets r->message as zebra 1.2.4 does: ADD 0x1f (+TAG if tag != 0);
 * DELETE 0x03, or 0x00 when has_nexthop is false. Also sets the count
 * bytes to 1 when the nexthop is sent.
 */
void zapi_redist_route_set_message(struct zapi_redist_route *r, bool add,
				   bool has_nexthop);
int zapi_redist_route_encode(struct writer *w, uint16_t cmd, uint16_t vrf_id,
			     const struct zapi_redist_route *r);
int zapi_redist_route_decode(uint16_t cmd, struct reader *body,
			     struct zapi_redist_route *r);

/* True for 7..10; *family set to AF_INET / AF_INET6, *add to ADD vs DELETE. */
bool zapi_route_command(uint16_t cmd, int *family, bool *add);

/* ------------------------------------------------------------------ */
/* Nexthop lookups (15, 16, 17, 24)                                    */

/*
 * Request. IPV4_NEXTHOP_LOOKUP / _MRIB: address (4); IPV6_NEXTHOP_LOOKUP:
 * address (16); IPV4_IMPORT_LOOKUP: prefixlen (1) + address (4). For the
 * address-only forms prefix.prefixlen is the family maximum.
 */
struct zapi_lookup_request {
	uint16_t command;
	struct prefix prefix;
};
int zapi_lookup_request_encode(struct writer *w, uint16_t vrf_id,
			       const struct zapi_lookup_request *q);
int zapi_lookup_request_decode(uint16_t cmd, struct reader *body,
			       struct zapi_lookup_request *q);

/*
 * Reply: address, [distance for MRIB], metric, count, typed nexthops.
 * IPv4 replies (15, 17, 24): IPV4 4, IPV4_IFINDEX 4+4, IFINDEX/IFNAME 4,
 * other known types nothing. IPv6 replies (16): IPV6 16, IPV6_IFINDEX/
 * IPV6_IFNAME 16+4, IFINDEX/IFNAME 4, other known types nothing.
 * No match: metric 0, count 0.
 */
struct zapi_lookup_reply {
	uint16_t command;
	union zapi_addr addr;		/* the address asked for (echoed) */
	uint8_t distance;		/* MRIB (24) only */
	uint32_t metric;
	uint8_t nexthop_num;
	struct zapi_nexthop nexthops[ZAPI_NEXTHOP_MAX];
};
int zapi_lookup_reply_encode(struct writer *w, uint16_t vrf_id,
			     const struct zapi_lookup_reply *rep);
int zapi_lookup_reply_decode(uint16_t cmd, struct reader *body,
			     struct zapi_lookup_reply *rep);

/* ------------------------------------------------------------------ */
/* Nexthop tracking (27, 28, 29)                                       */

/* One NEXTHOP_REGISTER/UNREGISTER entry: connected (1), family (2),
 * prefixlen (1), PSIZE(prefixlen) address bytes. */
struct zapi_nht_entry {
	uint8_t connected;
	struct prefix prefix;
};
/* Most entries a 4096-byte message can hold (4 bytes for a /0). */
#define ZAPI_NHT_MAX_ENTRIES (ZAPI_MAX_BODY_SIZE / 4)

int zapi_nht_register_encode(struct writer *w, uint16_t cmd, uint16_t vrf_id,
			     const struct zapi_nht_entry *e, size_t n);
/* Decodes all entries into e[cap]; *n = count. An empty body gives *n = 0. */
int zapi_nht_register_decode(struct reader *body, struct zapi_nht_entry *e,
			     size_t cap, size_t *n);

/* NEXTHOP_UPDATE: family (2), prefixlen (1), prefix, metric (4), count (1),
 * typed nexthops (IPV4 4, IFINDEX/IFNAME 4, IPV4_IFINDEX/IFNAME 4+4,
 * IPV6 16, IPV6_IFINDEX/IFNAME 16+4, BLACKHOLE nothing). */
struct zapi_nexthop_update {
	struct prefix prefix;
	uint32_t metric;
	uint8_t nexthop_num;
	struct zapi_nexthop nexthops[ZAPI_NEXTHOP_MAX];
};
int zapi_nexthop_update_encode(struct writer *w, uint16_t vrf_id,
			       const struct zapi_nexthop_update *u);
int zapi_nexthop_update_decode(struct reader *body, struct zapi_nexthop_update *u);

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

/* Wire family byte (host AF_*) <-> address length; 0 for unknown families. */
static inline unsigned zapi_family_addrlen(int family)
{
	return family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
}

/* "IPV4", "IFINDEX", ... for logs; "UNKNOWN" otherwise. */
const char *zapi_nexthop_type_name(uint8_t type);

#endif
