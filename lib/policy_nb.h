/*
 * Helpers for the policy modules' northbound glue (filter_nb.c,
 * plist_nb.c): a per-list index of the entries' values in the tree that
 * edits go to, so that a CLI handler can find a duplicate entry or the
 * next automatic sequence number without walking a 10,000-entry list for
 * every line of a config file.
 *
 * An index is built from the tree on first use and kept for the current
 * nb_generation(); handlers update it after their edits were accepted. A
 * new generation (commit, abort) drops every index.
 */
#ifndef TARPAN_POLICY_NB_H
#define TARPAN_POLICY_NB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct lyd_node;

struct pvi {
	char *xpath;		/* the list instance's data path */
	struct pvi_slot *slots;
	size_t size, used, live;
	uint32_t max_seq;	/* highest entry seq (0: none) */
	size_t count;		/* entries */
	bool exists;		/* the list instance exists */
	bool has_desc;		/* description / remark set */
};

/* The index of the list at xpath; `key_of` writes an entry's value key
 * (returns false to skip the entry). */
struct pvi *pvi_get(const char *xpath,
		    bool (*key_of)(const struct lyd_node *entry, char *buf,
				   size_t len));
/* seq of the entry with this value, 0 if none */
uint32_t pvi_find(const struct pvi *vi, const char *key);
void pvi_add(struct pvi *vi, const char *key, uint32_t seq);
void pvi_del(struct pvi *vi, const char *key);
/* Forget the index of xpath (the list was deleted or rebuilt). */
void pvi_drop(const char *xpath);
/* Recompute max_seq from the tree after the highest entry went away. */
void pvi_rescan_max(struct pvi *vi);

#endif
