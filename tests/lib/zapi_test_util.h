/*
 * Shared by the zapi tests: hex helpers, the golden fixture loader (the
 * zserv messages Quagga 1.2.4 exchanged, extracted from the reference
 * pcaps into the .hex files of tests/lib/fixtures) and a generic "decode this message
 * as its direction says, then encode it again" used by the round-trip and
 * malformed-input tests.
 */
#ifndef TARPAN_TESTS_ZAPI_TEST_UTIL_H
#define TARPAN_TESTS_ZAPI_TEST_UTIL_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zapi.h"

#ifndef ZAPI_FIXTURE_DIR
#define ZAPI_FIXTURE_DIR "tests/lib/fixtures"
#endif

struct golden_msg {
	bool c2z;		/* client -> zebra */
	size_t len;
	uint8_t data[ZAPI_MAX_PACKET_SIZE];
};

/* Hex string (spaces allowed) to bytes; returns the count, or -1. */
static inline int hex2bin(const char *hex, uint8_t *out, size_t cap)
{
	size_t n = 0;

	while (*hex) {
		unsigned v;

		if (*hex == ' ' || *hex == '\n' || *hex == '\r') {
			hex++;
			continue;
		}
		if (n >= cap || sscanf(hex, "%2x", &v) != 1)
			return -1;
		out[n++] = (uint8_t)v;
		hex += 2;
	}
	return (int)n;
}

/* Loads a fixture; returns the number of messages (into msgs[cap]). */
static inline size_t golden_load(const char *name, struct golden_msg *msgs, size_t cap)
{
	char path[512], line[2 * ZAPI_MAX_PACKET_SIZE + 16];
	size_t n = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", ZAPI_FIXTURE_DIR, name);
	f = fopen(path, "r");
	if (!f)
		return 0;
	while (n < cap && fgets(line, sizeof(line), f)) {
		int len;

		if (strncmp(line, "c2z ", 4) != 0 && strncmp(line, "z2c ", 4) != 0)
			continue;	/* comments and blank lines */
		len = hex2bin(line + 4, msgs[n].data, sizeof(msgs[n].data));
		if (len < 0)
			continue;
		msgs[n].len = (size_t)len;
		msgs[n].c2z = line[0] == 'c';
		n++;
	}
	fclose(f);
	return n;
}

/* Large decode targets (static: tests are single-threaded). */
static struct zapi_route tu_route;
static struct zapi_lookup_reply tu_lookup;
static struct zapi_nexthop_update tu_nhu;
static struct zapi_nht_entry tu_nht[ZAPI_NHT_MAX_ENTRIES];

/*
 * Decodes msg as sent in the given direction and re-encodes it into w.
 * Returns the first error (decode or encode), or 0.
 */
static inline int decode_reencode(bool c2z, const uint8_t *msg, size_t len,
				  struct writer *w)
{
	struct zapi_header h;
	struct reader body;
	int rc = zapi_msg_open(msg, len, &h, &body);

	if (rc < 0)
		return rc;
	switch (h.command) {
	case ZEBRA_HELLO:
	case ZEBRA_REDISTRIBUTE_ADD:
	case ZEBRA_REDISTRIBUTE_DELETE: {
		uint8_t t;

		rc = zapi_route_type_decode(&body, &t);
		return rc < 0 ? rc : zapi_route_type_encode(w, h.command, h.vrf_id, t);
	}
	case ZEBRA_ROUTER_ID_ADD:
	case ZEBRA_ROUTER_ID_DELETE:
	case ZEBRA_REDISTRIBUTE_DEFAULT_ADD:
	case ZEBRA_REDISTRIBUTE_DEFAULT_DELETE:
	case ZEBRA_VRF_UNREGISTER:
		rc = zapi_empty_decode(&body);
		return rc < 0 ? rc : zapi_empty_encode(w, h.command, h.vrf_id);
	case ZEBRA_ROUTER_ID_UPDATE: {
		struct prefix p;

		rc = zapi_router_id_decode(&body, &p);
		return rc < 0 ? rc : zapi_router_id_encode(w, h.vrf_id, &p);
	}
	case ZEBRA_INTERFACE_ADD:
	case ZEBRA_INTERFACE_DELETE:
	case ZEBRA_INTERFACE_UP:
	case ZEBRA_INTERFACE_DOWN: {
		struct zapi_interface zi;

		if (c2z) {
			rc = zapi_empty_decode(&body);
			return rc < 0 ? rc : zapi_empty_encode(w, h.command, h.vrf_id);
		}
		rc = zapi_interface_decode(&body, &zi);
		return rc < 0 ? rc : zapi_interface_encode(w, h.command, h.vrf_id, &zi);
	}
	case ZEBRA_INTERFACE_LINK_PARAMS: {
		struct zapi_link_params lp;
		uint32_t ifindex;

		rc = zapi_link_params_decode(&body, &ifindex, &lp);
		return rc < 0 ? rc : zapi_link_params_encode(w, h.vrf_id, ifindex, &lp);
	}
	case ZEBRA_INTERFACE_ADDRESS_ADD:
	case ZEBRA_INTERFACE_ADDRESS_DELETE: {
		struct zapi_address a;

		rc = zapi_address_decode(&body, &a);
		return rc < 0 ? rc : zapi_address_encode(w, h.command, h.vrf_id, &a);
	}
	case ZEBRA_IPV4_ROUTE_ADD:
	case ZEBRA_IPV4_ROUTE_DELETE:
	case ZEBRA_IPV6_ROUTE_ADD:
	case ZEBRA_IPV6_ROUTE_DELETE:
		if (c2z) {
			rc = zapi_route_decode(h.command, &body, &tu_route);
			return rc < 0 ? rc : zapi_route_encode(w, h.command, h.vrf_id, &tu_route);
		} else {
			struct zapi_redist_route r;

			rc = zapi_redist_route_decode(h.command, &body, &r);
			return rc < 0 ? rc
				      : zapi_redist_route_encode(w, h.command, h.vrf_id, &r);
		}
	case ZEBRA_IPV4_NEXTHOP_LOOKUP:
	case ZEBRA_IPV6_NEXTHOP_LOOKUP:
	case ZEBRA_IPV4_IMPORT_LOOKUP:
	case ZEBRA_IPV4_NEXTHOP_LOOKUP_MRIB:
		if (c2z) {
			struct zapi_lookup_request q;

			rc = zapi_lookup_request_decode(h.command, &body, &q);
			return rc < 0 ? rc : zapi_lookup_request_encode(w, h.vrf_id, &q);
		}
		rc = zapi_lookup_reply_decode(h.command, &body, &tu_lookup);
		return rc < 0 ? rc : zapi_lookup_reply_encode(w, h.vrf_id, &tu_lookup);
	case ZEBRA_NEXTHOP_REGISTER:
	case ZEBRA_NEXTHOP_UNREGISTER: {
		size_t n;

		rc = zapi_nht_register_decode(&body, tu_nht, ZAPI_NHT_MAX_ENTRIES, &n);
		return rc < 0 ? rc
			      : zapi_nht_register_encode(w, h.command, h.vrf_id, tu_nht, n);
	}
	case ZEBRA_NEXTHOP_UPDATE:
		rc = zapi_nexthop_update_decode(&body, &tu_nhu);
		return rc < 0 ? rc : zapi_nexthop_update_encode(w, h.vrf_id, &tu_nhu);
	}
	return ZAPI_ERR_COMMAND;
}

#endif
