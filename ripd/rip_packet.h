/*
 * RIP wire format: a pure parser and encoder (RFC 1058, RFC 2453, RFC 2082).
 *
 * rip_packet_parse() takes the bytes of one UDP payload and either fills a
 * struct rip_packet or returns an error code with a short reason; it never
 * touches sockets, routes or global state, so the unit tests and the fuzz
 * target call it directly. Checks run in layers: size, version, command,
 * RIPv1 must-be-zero fields, the shape of the authentication entry (first
 * entry with AFI 0xFFFF) and of the keyed-MD5 trailer. A packet that fails
 * any of them is dropped as a whole and counted as a bad packet.
 *
 * Individual route entries are judged separately by rip_rte_check(): a bad
 * family, metric, address or mask makes that one entry a "bad route" while
 * the rest of the packet is still used (RFC 2453 3.9.2 "ignore the entry").
 *
 * The encoder writes through a struct writer: a header, then entries, then
 * (for keyed MD5) rip_md5_finish() fills in the packet length and appends
 * the trailer with the digest.
 */
#ifndef TARPAN_RIP_PACKET_H
#define TARPAN_RIP_PACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

#include "prefix.h"
#include "stream.h"

#define RIP_PORT 520
#define RIP_GROUP_ADDR 0xe0000009u	/* 224.0.0.9, host order */
#define RIP_PACKET_MAX 512
#define RIP_HEADER_SIZE 4
#define RIP_RTE_SIZE 20
#define RIP_MAX_RTE ((RIP_PACKET_MAX - RIP_HEADER_SIZE) / RIP_RTE_SIZE) /* 25 */
#define RIP_METRIC_INFINITY 16

#define RIPv1 1
#define RIPv2 2

enum rip_command {
	RIP_REQUEST = 1,
	RIP_RESPONSE = 2,
	RIP_TRACEON = 3,	/* obsolete, ignored */
	RIP_TRACEOFF = 4,	/* obsolete, ignored */
	RIP_POLL = 5,		/* Sun's extension, ignored */
	RIP_POLL_ENTRY = 6,
};

#define RIP_AFI_INET 2
#define RIP_AFI_AUTH 0xffff

/* Authentication types in the auth entry (RFC 2453 5.2, RFC 2082). */
enum rip_auth_type {
	RIP_NO_AUTH = 0,
	RIP_AUTH_DATA = 1,		/* type of the MD5 trailer entry */
	RIP_AUTH_SIMPLE_PASSWORD = 2,
	RIP_AUTH_MD5 = 3,
};

#define RIP_AUTH_SIMPLE_SIZE 16
#define RIP_AUTH_MD5_SIZE 16		/* digest; `auth-length rfc` */
#define RIP_AUTH_MD5_COMPAT_SIZE 20	/* `auth-length old-ripd` (default) */

/* One route entry as on the wire, in host order except the addresses. */
struct rip_rte {
	uint16_t afi;
	uint16_t tag;
	struct in_addr addr;
	struct in_addr mask;
	struct in_addr nexthop;
	uint32_t metric;
};

struct rip_auth {
	uint16_t type;			/* enum rip_auth_type; 0 = none */
	char password[RIP_AUTH_SIMPLE_SIZE + 1]; /* simple: NUL-padded */
	/* keyed MD5 */
	uint16_t md5_offset;		/* "packet length": where the trailer starts */
	uint8_t key_id;
	uint8_t auth_len;		/* 16 or 20 */
	uint32_t seq;
	uint8_t digest[RIP_AUTH_MD5_SIZE];
};

struct rip_packet {
	uint8_t command;
	uint8_t version;
	struct rip_auth auth;
	unsigned nrte;			/* route entries, auth entries excluded */
	struct rip_rte rte[RIP_MAX_RTE];
};

enum rip_parse_result {
	RIP_PARSE_OK = 0,
	RIP_PARSE_SHORT,		/* fewer than 4 bytes */
	RIP_PARSE_LONG,			/* more than 512 bytes */
	RIP_PARSE_SIZE,			/* not 4 + n * 20 */
	RIP_PARSE_VERSION,		/* version 0 or above 2 */
	RIP_PARSE_COMMAND,		/* not a command we know */
	RIP_PARSE_MBZ,			/* RIPv1 must-be-zero field set (header or entry) */
	RIP_PARSE_AUTH,			/* malformed authentication */
};

/*
 * Parse one RIP datagram. On success returns RIP_PARSE_OK; otherwise the
 * error and, if why != NULL, a static description for the log.
 */
enum rip_parse_result rip_packet_parse(const uint8_t *buf, size_t len,
				       struct rip_packet *pkt, const char **why);
const char *rip_parse_result_str(enum rip_parse_result r);
const char *rip_command_str(uint8_t command);

enum rip_rte_result {
	RIP_RTE_OK = 0,
	RIP_RTE_AFI,			/* not AF_INET */
	RIP_RTE_METRIC,			/* not 1..16 */
	RIP_RTE_ADDRESS,		/* 0/8 but not default, 127/8, class D/E */
	RIP_RTE_MASK,			/* non-contiguous mask or host bits set */
	RIP_RTE_NEXTHOP,		/* martian next hop: 0/8, 127/8, class D/E */
};

/*
 * Judge one route entry of a Response and turn it into a prefix. For RIPv1
 * (and a RIPv2 entry with mask 0, as RFC 2453 4.3 allows) the mask is
 * derived: classful, or the receiving subnet's mask when the address lies
 * in the same classful network as `ifaddr` (may be NULL), or /32 when host
 * bits are left over.
 */
enum rip_rte_result rip_rte_check(const struct rip_rte *rte, uint8_t version,
				  const struct prefix *ifaddr, struct prefix *p);
const char *rip_rte_result_str(enum rip_rte_result r);

/* True if this is a request for the whole table (RFC 2453 3.9.1). */
bool rip_request_is_whole_table(const struct rip_packet *pkt);

/* The classful mask length of an address (8, 16, 24; 32 for class D/E). */
unsigned rip_classful_len(struct in_addr a);

/* ---- encoder ---- */

void rip_put_header(struct writer *w, uint8_t command, uint8_t version);
void rip_put_rte(struct writer *w, const struct rip_rte *rte);
/* A RIPv2 simple-password auth entry; the password is cut at 16 bytes. */
void rip_put_auth_simple(struct writer *w, const char *password);
/* The keyed-MD5 auth entry; rip_md5_finish() completes it. */
void rip_put_auth_md5(struct writer *w, uint8_t key_id, uint8_t auth_len,
		      uint32_t seq);
/*
 * Finish a keyed-MD5 packet in w (which must start with a header and an
 * auth entry made by rip_put_auth_md5): set the packet length, append the
 * trailer and the digest over packet + trailer header + key padded to 16.
 */
void rip_md5_finish(struct writer *w, const char *key);
/* Verify a parsed MD5 packet against `key`; buf/len as given to parse. */
bool rip_md5_verify(const uint8_t *buf, size_t len,
		    const struct rip_packet *pkt, const char *key);

#endif
