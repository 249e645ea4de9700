/*
 * Prefix-list internals shared by plist.c (storage, evaluation) and
 * plist_vty.c (commands, show, config write). Not for daemons.
 */
#ifndef TARPAN_PLIST_PRIVATE_H
#define TARPAN_PLIST_PRIVATE_H

#include "plist.h"
#include "policy_util.h"
#include "ptrie.h"

#define PLIST_SL_MAX 24

struct prefix_list_entry {
	struct prefix_list *pl;
	struct prefix_list_entry *prev;		/* lower seq */
	struct prefix_list_entry *chain;	/* same trie node, by seq */
	struct prefix_list_entry *hnext;	/* value hash chain */
	struct ptrie_node *node;
	uint32_t hash;
	uint32_t seq;
	enum prefix_list_type type;
	uint8_t ge, le;
	bool any;
	uint8_t level;				/* skiplist height */
	struct prefix prefix;
	/*
	 * Counters. `hits` never goes back (clear moves `hits_cleared`).
	 * Quagga's refcount is the number of lookups that examined an entry:
	 * misses plus the hits of every entry at or after it, counted since
	 * the entry was added (`ref_base`). `ghost` keeps the hits of deleted
	 * entries that followed this one.
	 */
	uint64_t hits, hits_cleared, ghost, ref_base;
	struct prefix_list_entry *fwd[];	/* skiplist forward pointers */
};

struct prefix_list {
	char *name;
	int afi;
	char *desc;
	size_t count;
	size_t rangecount;
	struct prefix_list_entry *head[PLIST_SL_MAX];
	struct prefix_list_entry *tail;
	uint32_t rng;
	struct ptrie trie;
	struct prefix_list_entry **htab;
	size_t hsize;
	uint64_t misses, hit_total;
};

struct plist_master {
	struct namevec lists;
	bool seqnum;
	struct prefix_list *recent;
};

struct plist_master *plist_master_get(int afi);
const char *plist_type_str(enum prefix_list_type t);

static inline struct prefix_list_entry *plist_first(const struct prefix_list *pl)
{
	return pl->head[0];
}

static inline struct prefix_list_entry *plist_next(const struct prefix_list_entry *e)
{
	return e->fwd[0];
}

/* Whether entry e accepts p (Quagga's prefix_list_entry_match). */
bool plist_entry_match(const struct prefix_list_entry *e, const struct prefix *p);

#endif
