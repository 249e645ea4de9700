/*
 * Nexthops and interned nexthop groups.
 *
 * A route's nexthops live in a struct nhg that is shared by every route
 * with the same nexthop set: a million routes learned from one peer point
 * at one group, which keeps per-route memory small. Groups are immutable
 * once interned; nhg_intern() returns a counted reference, nhg_unref()
 * drops it. The resolved form of a group (what the kernel gets) is a group
 * too, where a recursive nexthop is followed by its resolving children.
 */
#ifndef ZEBRA_NEXTHOP_H
#define ZEBRA_NEXTHOP_H

#include <stdbool.h>
#include <stdint.h>
#include <netinet/in.h>

/* Quagga's NEXTHOP_TYPE_* (the same numbers as on the zserv wire). */
enum nh_type {
	NH_IFINDEX = 1,
	NH_IFNAME = 2,
	NH_IPV4 = 3,
	NH_IPV4_IFINDEX = 4,
	NH_IPV4_IFNAME = 5,
	NH_IPV6 = 6,
	NH_IPV6_IFINDEX = 7,
	NH_IPV6_IFNAME = 8,
	NH_BLACKHOLE = 9,
};

/* nexthop flags */
#define NHF_ACTIVE 0x01		/* usable */
#define NHF_RECURSIVE 0x02	/* resolved through a non-connected route */
#define NHF_ONLINK 0x04
#define NHF_CHILD 0x08		/* resolves the previous recursive nexthop */

/* A resolved group holds at most this many nexthops. */
#define MULTIPATH_MAX_INTERN 128

union g_addr {
	struct in_addr v4;
	struct in6_addr v6;
};

struct nexthop {
	uint8_t type;
	uint8_t flags;
	uint16_t pad;
	uint32_t ifindex;
	union g_addr gate;
};

struct nhg {
	struct nhg *hnext;
	uint32_t refcnt;
	uint32_t hash;
	uint16_t count;
	uint16_t nactive;	/* nexthops with NHF_ACTIVE (not counting parents of children) */
	/* the RIB's resolution of this group, valid while res_gen is current
	 * (see rib.h); a counted reference */
	uint32_t res_gen;
	bool res_dep;
	struct nhg *res;
	struct nexthop nh[];
};

static inline bool nh_is_v4gate(const struct nexthop *nh)
{
	return nh->type == NH_IPV4 || nh->type == NH_IPV4_IFINDEX ||
	       nh->type == NH_IPV4_IFNAME;
}
static inline bool nh_is_v6gate(const struct nexthop *nh)
{
	return nh->type == NH_IPV6 || nh->type == NH_IPV6_IFINDEX ||
	       nh->type == NH_IPV6_IFNAME;
}
bool nexthop_same(const struct nexthop *a, const struct nexthop *b);

/* Intern a group of `count` nexthops (copied). count 0 is allowed. */
struct nhg *nhg_intern(const struct nexthop *nh, unsigned count);
struct nhg *nhg_ref(struct nhg *g);
void nhg_unref(struct nhg **g);
size_t nhg_table_count(void);
/* Free everything (at exit, after all references are dropped). */
void nhg_table_fini(void);

#endif
