/*
 * Static routes (`ip route`, `ipv6 route`): the configuration objects and
 * their projection into the RIB. The vty parses a line and calls
 * static_route_set(); that edits the config and re-applies one prefix,
 * which only queues RIB work, so 100,000 lines load in well under seconds.
 *
 * In the RIB, the statics of a prefix with the same distance form one
 * entry (several nexthops = ECMP), keyed by that distance.
 */
#ifndef ZEBRA_STATIC_ROUTE_H
#define ZEBRA_STATIC_ROUTE_H

#include <stdbool.h>
#include <stdint.h>

#include "prefix.h"
#include "nexthop.h"

struct rib;
struct zif_db;
struct vty;

enum static_kind {
	STATIC_GATEWAY,
	STATIC_IFNAME,
	STATIC_BLACKHOLE,	/* Null0, or no nexthop with reject/blackhole */
	STATIC_GATEWAY_IFNAME,	/* ipv6 route X/M X:X::X:X INTERFACE */
};

struct static_route {
	struct static_route *next;	/* same prefix, config order */
	enum static_kind kind;
	union g_addr gate;
	char ifname[21];
	uint8_t flags;		/* ZRF_BLACKHOLE / ZRF_REJECT */
	uint8_t distance;
	uint32_t tag;
};

struct static_table;

struct static_table *static_table_new(struct rib *rib, struct zif_db *ifdb);
void static_table_free(struct static_table *st);

/*
 * Add (or update the distance/tag of) a static route; with add == false
 * remove it (distance 0 and tag 0 match any). Returns 0, or -1 when a
 * removal found nothing (the vty prints Quagga's message).
 */
int static_route_set(struct static_table *st, const struct prefix *p,
		     const struct static_route *sr, bool add);
/* Parse the nexthop word of `ip route`: an address, null0 or an ifname. */
void static_parse_nexthop(int family, const char *word, struct static_route *sr);
/* Write the `ip route` (family AF_INET) or `ipv6 route` lines. */
int static_config_write(struct static_table *st, struct vty *vty, int family);
size_t static_count(const struct static_table *st);

#endif
