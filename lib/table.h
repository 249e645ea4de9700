/*
 * Route table: prefixes of one address family mapped to a caller's `info`.
 *
 * A path-compressed binary trie. Each node holds a prefix (its address bits
 * and length) and the caller's `info` pointer; nodes that only join two
 * branches ("glue") carry no info and are invisible to lookups and walks.
 * Nodes live in a per-table slab and link to each other by 32-bit slot
 * numbers, and IPv4 nodes store 4 address bytes, not 16: an IPv4 node is
 * 24 bytes (IPv6: 40). Big tables are cut into subtries indexed by their
 * first bits, so a lookup skips the upper levels. A table of 1M random
 * IPv4 prefixes takes about 37 bytes per prefix in all (glue and index
 * included) and builds in about half a second (tests/bench/bench_table).
 * Node pointers stay valid until the node is deleted (slab chunks never
 * move, not even when the table re-cuts itself).
 *
 * There are no parent links (they would cost a third of the node): delete
 * and "next" re-descend from the top by prefix, O(depth).
 *
 * Usage:
 *	rn = route_node_get(t, &p);		find or create
 *	rn->info = my_route;
 *	...
 *	rn = route_node_lookup(t, &p);		exact; NULL if absent or no info
 *	rn = route_node_match(t, &p);		longest prefix with info
 *	free(rn->info);
 *	route_node_delete(t, rn);		info cleared, node dropped
 *
 * Walking in prefix order (address, then length: 10.0.0.0/8, 10.0.0.0/16,
 * 10.1.0.0/16), visiting only nodes with info:
 *	for (rn = route_top(t); rn; rn = route_next(t, rn))
 * route_next() finds the successor by prefix, so any change to the table
 * during the walk is fine; deleting the node the walk stands on is fine
 * too: the table remembers the node last returned by route_top/route_next
 * (its "cursor") and route_node_delete() on it only clears it, deferring
 * the unlinking until the walk moves on. Do not hold other node pointers
 * across deletions. For walks that span events (work done in slices), or
 * nested walks of one table, use struct route_iter, which keeps a copy of
 * the last prefix and re-seeks by it, so it survives anything.
 *
 * Subtree ("longer-prefixes") walks visit every node with info that lies
 * inside a prefix, which need not exist in the table:
 *	for (rn = route_subtree_top(t, &p); rn; rn = route_subtree_next(t, rn, &p))
 */
#ifndef TARPAN_TABLE_H
#define TARPAN_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "prefix.h"

struct route_table;

struct route_node {
	void *info;		/* the caller's; NULL = no route here */
	uint32_t child[2];	/* private: slab slots, 0 = none */
	uint8_t prefixlen;
	uint8_t flags;		/* private */
	uint16_t reserved;
	uint8_t key[];		/* private: 4 or 16 address bytes */
};

/* family: AF_INET or AF_INET6. */
struct route_table *route_table_new(int family);
/* Calls del(info) for every node with info (del may be NULL), frees all. */
void route_table_free(struct route_table *t, void (*del)(void *info));
int route_table_family(const struct route_table *t);
/* Nodes obtained with route_node_get() and not deleted since. */
size_t route_table_count(const struct route_table *t);

/* The node's prefix, written to *out; returns out. */
struct prefix *route_node_prefix(const struct route_node *rn, struct prefix *out);

/*
 * Find or create the node for p (host bits are ignored). NULL only if p's
 * family is not the table's or its length is out of range.
 */
struct route_node *route_node_get(struct route_table *t, const struct prefix *p);
/* Exact match with info, else NULL. */
struct route_node *route_node_lookup(struct route_table *t, const struct prefix *p);
/* Longest prefix with info that contains p, else NULL. */
struct route_node *route_node_match(struct route_table *t, const struct prefix *p);
struct route_node *route_node_match_ipv4(struct route_table *t, struct in_addr a);
struct route_node *route_node_match_ipv6(struct route_table *t, const struct in6_addr *a);
/*
 * Drop a node: its info is cleared (free it first) and the node unlinked,
 * with any glue left with one branch. rn is invalid afterwards, except as
 * the argument of route_next() when it was the walk's current node.
 */
void route_node_delete(struct route_table *t, struct route_node *rn);

/* Ordered walk over nodes with info (see the top of this file). */
struct route_node *route_top(struct route_table *t);
struct route_node *route_next(struct route_table *t, struct route_node *rn);
/* Walk of the nodes with info inside `limit` (including limit itself). */
struct route_node *route_subtree_top(struct route_table *t, const struct prefix *limit);
struct route_node *route_subtree_next(struct route_table *t, struct route_node *rn,
				      const struct prefix *limit);

/*
 * A walk that holds no node: it keeps a copy of the last prefix returned
 * and seeks past it on each call. Survives any insertion or deletion,
 * including of the node it returned, and can be resumed from a later event.
 *	struct route_iter it;
 *	route_iter_init(&it, t, NULL);
 *	while ((rn = route_iter_next(&it)))
 *		...
 */
struct route_iter {
	struct route_table *t;
	struct prefix last;
	struct prefix limit;
	bool has_limit;
	bool started;
	bool done;
};
/* limit: NULL for the whole table, else only prefixes inside it. */
void route_iter_init(struct route_iter *it, struct route_table *t, const struct prefix *limit);
struct route_node *route_iter_next(struct route_iter *it);

#endif
