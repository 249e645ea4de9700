/*
 * A path-compressed binary trie keyed by bit strings of up to 128 bits,
 * used by the policy lists (access-list, prefix-list) to find every entry
 * whose prefix contains an address without walking the whole list.
 *
 * A node stands for one (key, len) pair; its `data` belongs to the user
 * (the lists hang a short chain of entries there). Glue nodes with no data
 * exist only where two branches split and disappear again when they are no
 * longer needed (ptrie_release). A walk along a key visits at most len+1
 * nodes, in order of increasing length.
 *
 *	for (n = ptrie_first(t, key, maxlen); n; n = ptrie_next(n, key, maxlen))
 *		if (n->data) ...;
 */
#ifndef TARPAN_PTRIE_H
#define TARPAN_PTRIE_H

#include <stddef.h>
#include <stdint.h>

struct ptrie_node {
	struct ptrie_node *parent;
	struct ptrie_node *child[2];
	void *data;
	uint8_t len;
	uint8_t key[16];	/* bits past len are zero */
};

struct ptrie {
	struct ptrie_node *root;
	size_t nodes;
};

/* Bit `i` (0 = most significant bit of key[0]). */
static inline unsigned ptrie_bit(const uint8_t *key, unsigned i)
{
	return (key[i >> 3] >> (7 - (i & 7))) & 1;
}

/* Find or create the node for (key, len); key bits past len are ignored. */
struct ptrie_node *ptrie_get(struct ptrie *t, const uint8_t *key, unsigned len);
/* The node for exactly (key, len), or NULL. */
struct ptrie_node *ptrie_lookup(const struct ptrie *t, const uint8_t *key,
				unsigned len);
/* Call after clearing n->data: drops n and any glue it leaves behind. */
void ptrie_release(struct ptrie *t, struct ptrie_node *n);
/* Free every node (data is the caller's). */
void ptrie_clear(struct ptrie *t);

/* Walk the nodes whose (key, len) contains `key` up to length maxlen. */
struct ptrie_node *ptrie_first(const struct ptrie *t, const uint8_t *key,
			       unsigned maxlen);
struct ptrie_node *ptrie_next(const struct ptrie_node *n, const uint8_t *key,
			      unsigned maxlen);

#endif
