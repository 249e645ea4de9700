/*
 * State shared by the northbound's files (northbound.c: context, trees,
 * edits; northbound_apply.c: commit; northbound_cli.c: CLI glue and
 * rendering). Not for daemons.
 */
#ifndef TARPAN_NORTHBOUND_PRIVATE_H
#define TARPAN_NORTHBOUND_PRIVATE_H

#include "northbound.h"

/* A set of strings that also remembers insertion order. */
struct nb_strset {
	char **slots;
	size_t size, count;
	char **order;
	size_t alloc;
};

bool nb_strset_has(const struct nb_strset *set, const char *s, size_t n);
bool nb_strset_add(struct nb_strset *set, const char *s, size_t n);
void nb_strset_clear(struct nb_strset *set);

struct nb_undo;

struct nb_state {
	struct ly_ctx *ctx;
	struct lyd_node *running;	/* first top-level sibling, or NULL */
	struct lyd_node *candidate;
	bool txn;
	bool full;		/* compare whole top-level nodes at commit */
	uint64_t generation;
	struct nb_strset records;	/* data paths edited in this txn */
	struct nb_undo *undo;
	size_t undo_count, undo_alloc;
};

extern struct nb_state nb;

const struct nb_node_cbs *nb_cbs_of(const struct lyd_node *dnode);
void nb_tree_free(struct lyd_node **root);
void nb_sort_nodes(const struct lyd_node **v, size_t n,
		   int (*cmp)(const struct lyd_node *, const struct lyd_node *));

#endif
