/*
 * State shared by the northbound's files (northbound.c: context, trees,
 * transactions; northbound_edit.c: edits and their undo log;
 * northbound_apply.c: commit; northbound_validate.c: which modules may be
 * validated per changed list entry, and that validation;
 * northbound_cli.c: CLI glue and rendering). Not for daemons.
 */
#ifndef TARPAN_NORTHBOUND_PRIVATE_H
#define TARPAN_NORTHBOUND_PRIVATE_H

#include "northbound.h"

/*
 * The undo log of the open transaction. Edits go to running itself (or,
 * after nb_txn_replace(), to the replacement candidate); every change to
 * the tree is logged so that a line (back to line_mark) or the whole
 * transaction can be reverted, and at commit the log is the list of what
 * changed:
 *   UNDO_FREE      `node` (with its subtree) was created: undo frees it
 *   UNDO_VALUE     a leaf's value changed; `value` is the old one
 *   UNDO_REINSERT  `node` was unlinked from `parent` (NULL: top level) and
 *                  is held here: undo puts it back; it is the "old" node
 *                  the destroy callbacks see, and is freed at the end
 */
enum undo_kind { UNDO_FREE, UNDO_VALUE, UNDO_REINSERT };

struct nb_undo {
	enum undo_kind kind;
	struct lyd_node *node;
	struct lyd_node *parent;
	char *value;
	bool was_default;
};

struct nb_state {
	struct ly_ctx *ctx;
	struct lyd_node *running;	/* first top-level sibling, or NULL */
	struct lyd_node *candidate;	/* replace mode only */
	bool txn;
	bool replace;		/* candidate replaces running at commit */
	bool startup;		/* running had no explicit config at begin */
	uint64_t generation;
	struct nb_undo *undo;
	size_t undo_count, undo_alloc, line_mark;
};

extern struct nb_state nb;

/* Marks kept in lyd_node.priv during a transaction / commit. */
#define NB_MARK_FIN	1u	/* queued for apply_finish */
#define NB_MARK_VAL	2u	/* queued for the validate callback */
#define NB_MARK_NEW	4u	/* created in this transaction (in place) */
#define NB_MARK_DONE	8u	/* handled by the commit plan */
#define NB_MARK_UNIT	16u	/* queued for validation */

static inline uintptr_t nb_marks(const struct lyd_node *n)
{
	return (uintptr_t)n->priv;
}

static inline void nb_mark(const struct lyd_node *n, uintptr_t bits)
{
	((struct lyd_node *)n)->priv = (void *)(nb_marks(n) | bits);
}

const struct nb_node_cbs *nb_cbs_of(const struct lyd_node *dnode);
/* The root pointer edits go to (running, or the replacement). */
struct lyd_node **nb_edit_root(void);
/* Whether n is part of the edit tree (not an unlinked, held subtree). */
bool nb_attached(const struct lyd_node *n);
/* Revert the log back to entry `to` (line mark or 0). */
void nb_undo_to(size_t to);
/* Drop the log: held subtrees are freed, creation marks cleared. */
void nb_undo_release(void);
/* Forget the cached parents of edit paths (after a destroy or undo). */
void nb_edit_forget_parent(void);
/* lyd_find_path() without libyang formatting a "not found" error (which
 * costs more than the lookup). */
struct lyd_node *nb_lookup(const struct lyd_node *root, const char *xpath);
void nb_tree_free(struct lyd_node **root);
void nb_sort_nodes(const struct lyd_node **v, size_t n,
		   int (*cmp)(const struct lyd_node *, const struct lyd_node *));

/* northbound_validate.c */
/* Check a newly loaded module against the rules of local validation. */
void nb_module_check_local(const struct lys_module *mod);
/* Whether data of this module can be validated per changed entry. */
bool nb_module_is_local(const struct lys_module *mod);
/* The node whose subtree is validated for a change at n: the nearest list
 * entry at or above n, else n. */
const struct lyd_node *nb_unit_of(const struct lyd_node *n);
/* Check the units in place (mandatory nodes, must): 0, or -1 with
 * "% ..." in err. */
int nb_validate_units(const struct lyd_node *const *units, size_t n,
		      char *err, size_t errlen);
void nb_validation_error(char *err, size_t errlen);
void nb_local_reset(void);

#endif
