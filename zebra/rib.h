/*
 * The RIB: every route zebra knows, per prefix, from every source.
 *
 * Two tables (IPv4, IPv6) of route nodes keyed by prefix in lib/table.h's
 * path-compressed trie: ordered walks (`show ip route`, SNMP GETNEXT) and
 * longest-prefix match come from the trie, with no sorted copies. A node
 * holds the entries of each source (kernel, connected, static, each client
 * protocol) and the selected one; nodes and entries come from slabs, so a
 * route costs the trie's ~36 bytes plus a 24-byte node and a 48-byte entry.
 * Sources call rib_add()/rib_delete(); these only edit the node and queue
 * it. The queue is worked off in slices (rib_run_slice) from the event loop
 * so that 100,000 config lines or a million client routes never stall the
 * loop; at the end of each slice the hooks flush the kernel batch and the
 * redistribution messages.
 *
 * Selection (rib_select.c) follows Quagga 1.2.4: distance 255 never wins,
 * connected beats everything, then lower distance, then lower metric, and
 * on a tie the older entry. Nexthops are resolved in nh_resolve.c, which
 * caches the resolution of each interned group until a route that could
 * change it (one whose prefix covers a gateway in use) changes.
 */
#ifndef ZEBRA_RIB_H
#define ZEBRA_RIB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "prefix.h"
#include "zebra.h"
#include "nexthop.h"

/* rentry->status */
#define RES_SELECTED 0x01	/* the node's selected entry */
#define RES_FIB 0x02		/* installed (or, for K/C, present) in the kernel */
#define RES_REMOVED 0x04	/* deleted, freed when the node is processed */
#define RES_CHANGED 0x08	/* edited since the node was last processed */
#define RES_FIB_FAILED 0x10	/* the kernel refused it */
#define RES_STALE 0x20		/* not seen in the last kernel dump */

struct rentry {
	struct rentry *next;
	struct nhg *nhg;	/* nexthops as the source gave them */
	struct nhg *rnhg;	/* resolved nexthops (NULL until processed) */
	uint32_t metric;
	uint32_t tag;
	uint32_t key;		/* per-type instance, see rib_add() */
	uint32_t uptime;	/* monotonic seconds at last change */
	uint8_t type;
	uint8_t distance;
	uint8_t flags;		/* ZRF_* */
	uint8_t status;		/* RES_* */
};

/* Does zebra put this entry into the kernel (not a K or C route)? */
static inline bool rentry_zebra_fib(const struct rentry *re)
{
	return re->type != ZRT_KERNEL && re->type != ZRT_CONNECT;
}

/* rnode->nflags */
#define RN_QUEUED 0x01
#define RN_INSTALLED 0x02	/* zebra has a route for it in the kernel */
#define RN_DEPENDENT 0x04	/* has recursive or unresolved gateways */
#define RN_SEEN 0x08		/* kernel: our route was in the resync dump */

struct rnode {
	struct rentry *entries;
	struct rentry *selected;
	uint8_t family;
	uint8_t plen;
	uint8_t nflags;
	uint8_t spare;
	uint8_t addr[];		/* 4 or 16 bytes */
};

struct rib;

/*
 * What the rest of zebra hears from the RIB. `fib` is called when the route
 * to program into the kernel changes (new == NULL: remove); `redist` when
 * the selected entry changes or is edited in place (old == new then;
 * either may be NULL; old may be marked
 * RES_REMOVED but is still valid during the call); `slice_end` after each
 * slice (flush batches).
 */
struct rib_hooks {
	void (*fib)(void *arg, struct rnode *rn, struct rentry *newfib);
	void (*redist)(void *arg, struct rnode *rn, struct rentry *old,
		       struct rentry *new);
	void (*slice_end)(void *arg);
	bool (*backlog)(void *arg);	/* true: pause the slice */
	void *arg;
};

struct zif_db;
struct event_loop;

struct rib *rib_new(struct event_loop *loop, struct zif_db *ifdb);
void rib_free(struct rib *rib);
void rib_set_hooks(struct rib *rib, const struct rib_hooks *hooks);
void rib_set_multipath(struct rib *rib, unsigned n);
unsigned rib_get_multipath(const struct rib *rib);

/*
 * Add or replace the entry of (type, key) at prefix p. `key` tells apart
 * several entries of one type: the ifindex for connected routes, the
 * distance for static routes, the kernel metric for kernel routes, 0 for
 * client protocols. The nexthops are copied (interned). distance 0 means
 * the type's default. Returns 0, or -1 for an invalid prefix.
 */
struct rib_route {
	uint8_t type;
	uint8_t flags;
	uint8_t distance;
	uint32_t metric;
	uint32_t tag;
	uint32_t key;
	const struct nexthop *nh;
	unsigned nh_count;
};
int rib_add(struct rib *rib, const struct prefix *p, const struct rib_route *r);
/* Remove the entry of (type, key); returns 0 if found, -1 if not. */
int rib_delete(struct rib *rib, const struct prefix *p, uint8_t type,
	       uint32_t key);
/* Remove every entry of a type (a client went away); returns how many.
 * The nodes are queued last prefix first (see rib_walk_reverse). */
size_t rib_delete_type(struct rib *rib, uint8_t type);
/* Resync: mark every entry of a type, then drop those not re-added. */
void rib_mark_stale(struct rib *rib, uint8_t type);
void rib_sweep_stale(struct rib *rib, uint8_t type);
/* Re-evaluate every route (interface state or address changed). */
void rib_requeue_all(struct rib *rib);

/* Work the queue: for at most budget_us (0 = until empty). */
void rib_run_slice(struct rib *rib, unsigned budget_us);
size_t rib_queue_len(const struct rib *rib);

/* Lookups. */
struct rnode *rib_node_get(struct rib *rib, const struct prefix *p);
/* Longest match of a host address among nodes with a selected entry;
 * `skip` (may be NULL) is never returned; skip_type != 0 skips nodes whose
 * selected entry has that type (Quagga's lookup skips BGP). */
struct rnode *rib_match(struct rib *rib, int family, const void *addr,
			const struct rnode *skip, int skip_type);
void rnode_prefix(const struct rnode *rn, struct prefix *p);

/*
 * Ordered access, in (address, length) order: 10.0.0.0/8, 10.0.0.0/16,
 * 10.1.0.0/16. rib_node_seek() gives the first node at (inclusive) or
 * after p; rib_node_next() the one after rn. Every node returned has at
 * least one entry or a route in the kernel; callers filter on ->selected.
 * Node pointers are valid until the RIB processes its queue (the event
 * loop runs); walks that span events keep the last prefix (rnode_prefix)
 * and seek past it, or use struct rib_iter.
 */
struct rnode *rib_node_seek(struct rib *rib, const struct prefix *p,
			    bool inclusive);
struct rnode *rib_node_next(struct rib *rib, const struct rnode *rn);
struct rnode *rib_node_first(struct rib *rib, int family);

/* A walk that survives any change to the RIB between calls. limit: only
 * prefixes inside it (longer-prefixes), NULL for all of the family. */
struct rib_iter {
	struct rib *rib;
	int family;
	struct prefix last;
	struct prefix limit;
	bool has_limit;
	bool started;
	bool done;
};
void rib_iter_init(struct rib_iter *it, struct rib *rib, int family,
		   const struct prefix *limit);
struct rnode *rib_iter_next(struct rib_iter *it);

/* Every node of a family in prefix order; fn must not free nodes. */
typedef void (*rib_walk_fn)(struct rnode *rn, void *arg);
void rib_walk(struct rib *rib, int family, rib_walk_fn fn, void *arg);
/* Both families, last prefix first (the order to withdraw in). */
void rib_walk_reverse(struct rib *rib, rib_walk_fn fn, void *arg);
size_t rib_count(const struct rib *rib, int family);

/* Used by the resolver and the FIB. */
struct zif_db *rib_ifdb(struct rib *rib);
void rib_mark_fib(struct rib *rib, const struct prefix *p, bool ok);

/* Statistics for `show ip route summary` and the benchmark. */
struct rib_stats {
	size_t nodes[2];
	size_t entries[2];
	size_t processed;
	size_t bytes;		/* nodes and entries (slabs) */
	size_t resolve_hits;	/* nexthop resolutions served from the cache */
	size_t resolve_misses;
};
void rib_get_stats(const struct rib *rib, struct rib_stats *st);

/* rib_select.c / nh_resolve.c (internal) */
struct rentry *rib_select_best(struct rnode *rn);
struct nhg *rib_resolve(struct rib *rib, struct rnode *rn,
			const struct rentry *re, bool *dependent);
bool rentry_usable(const struct rentry *re);
/*
 * The resolution cache (nh_resolve.c): a group's resolution is kept on the
 * group with the generation it was made in. The generation changes when a
 * route whose prefix covers a registered gateway changes, and on interface
 * or ECMP-limit changes; every gateway ever resolved is registered.
 */
uint32_t rib_resolve_gen(const struct rib *rib);
void rib_gateway_register(struct rib *rib, const struct nexthop *nh);
void rib_count_resolve(struct rib *rib, bool hit);

/* monotonic seconds, for entry uptimes */
uint32_t rib_now(void);

#endif
