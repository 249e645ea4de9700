/*
 * The northbound: a daemon's configuration as one libyang data tree.
 *
 * One libyang context per daemon process holds the YANG modules the daemon
 * registered (nb_module_register(), usually from the module's *_init()).
 * Modules are searched in $TARPAN_YANG_PATH (colon-separated), then the
 * source tree's yang/ (YANG_SRCDIR), then $(datadir)/tarpan/yang.
 *
 * The `running` tree is the configuration in force. Changes are made in a
 * transaction, in place, each change logged so it can be undone:
 *
 *	nb_txn_begin()             open a transaction on running
 *	nb_edit(xpath, op, value)  edit (any number of times)
 *	nb_txn_commit(err)         work out what changed from the log, check it
 *	                           (per changed list entry when the modules
 *	                           allow, else libyang on the whole tree) and
 *	                           the per-node `validate` callbacks; on error
 *	                           every edit is reverted; else run the
 *	                           callbacks: all destroys, then creates and
 *	                           modifies (tree order), then apply_finish
 *	                           once per node. Cost: O(size of the change).
 *	nb_txn_abort()             revert every edit
 *	nb_txn_replace(tree)       a whole new tree instead (JSON/XML files):
 *	                           validated whole, compared with running
 *
 * CLI handlers do not call these directly: they enqueue changes and apply
 * them (northbound_cli.h); a config file is one transaction around all its
 * lines. The callbacks turn tree changes into the daemon's typed fast
 * structures (tries, tables), which `show` commands and lookups use: the
 * tree is the source of truth, the structures are its compiled form.
 *
 * Callback rules: create/modify/destroy get the node (the new one for
 * create/modify; for destroy the old one, unlinked but still showing its
 * former parent through lyd_parent()). A destroy callback
 * stands for its whole subtree: the descendants of a destroyed node with a
 * destroy callback get none. apply_finish runs once for the nearest node at
 * or above each change that has one and still exists. Apply callbacks
 * cannot fail the transaction (the checks belong in `validate`); they
 * return 0 or -1, and -1 is logged.
 */
#ifndef TARPAN_NORTHBOUND_H
#define TARPAN_NORTHBOUND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct lyd_node;
struct ly_ctx;
struct vty;

enum nb_op {
	NB_OP_CREATE,	/* create the node (and its parents); value for leaves */
	NB_OP_MODIFY,	/* create or change a leaf */
	NB_OP_DESTROY,	/* delete the node and its subtree; no error if absent */
};

struct nb_node_cbs {
	const char *xpath;	/* schema path: "/tarpan-filter:prefix-lists/ipv4" */
	int (*create)(const struct lyd_node *dnode);
	int (*modify)(const struct lyd_node *dnode);
	int (*destroy)(const struct lyd_node *dnode);
	void (*apply_finish)(const struct lyd_node *dnode);
	/* Semantic check of a changed node (or of the nearest ancestor with a
	 * validate callback); -1 with a "% ..." message rejects the
	 * transaction. */
	int (*validate)(const struct lyd_node *dnode, char *err, size_t errlen);
	/* Quagga-syntax rendering: returns the lines printed. Children are
	 * rendered after it only with show_children; cli_show_end follows
	 * them (route-map's "!"). */
	int (*cli_show)(struct vty *vty, const struct lyd_node *dnode);
	void (*cli_show_end)(struct vty *vty, const struct lyd_node *dnode);
	bool show_children;
	/* Order of list instances when rendering (default: tree order). */
	int (*cli_cmp)(const struct lyd_node *a, const struct lyd_node *b);
};

struct nb_module {
	const char *name;		/* YANG module name */
	const struct nb_node_cbs *nodes;	/* ends with { .xpath = NULL } */
};

/* Load the module into the daemon's context (created on first use) and
 * bind its callbacks; idempotent. 0, or -1 with a message on stderr. */
int nb_module_register(const struct nb_module *m);
/* Whether a loaded module's data is validated per changed list entry (it
 * follows the rule in northbound_validate.c) rather than whole. */
bool nb_module_local(const char *name);
/* Free both trees and the context (tests, daemon exit); no callbacks. */
void nb_terminate(void);
/* Forget the configuration without running callbacks (tests). */
void nb_reset(void);

struct ly_ctx *nb_context(void);
const struct lyd_node *nb_running(void);
/* Counter bumped whenever the tree that edits go to is replaced or edits
 * are reverted (abort, failed commit, load): caches derived from the tree
 * check it. A successful in-place commit keeps it. */
uint64_t nb_generation(void);

/* ---- transactions ------------------------------------------------------- */
bool nb_txn_active(void);
void nb_txn_begin(void);
/* Returns 0, or -1 with "% ..." in err (running untouched). Without an
 * open transaction it does nothing and returns 0. */
int nb_txn_commit(char *err, size_t errlen);
void nb_txn_abort(void);
/* Replace the whole configuration with `tree` at commit (ownership passes;
 * a JSON/XML file); edits so far are reverted. */
void nb_txn_replace(struct lyd_node *tree);

/*
 * Edit the tree of the open transaction. 0, or -1 with "% ..." in err
 * (the tree is as before this call). nb_edit_undo() reverts every edit
 * since the last nb_edit_mark() (one CLI line's edits are all or nothing).
 * Creating a node in one case of a choice removes the other cases' data.
 */
int nb_edit(const char *xpath, enum nb_op op, const char *value,
	    char *err, size_t errlen);
void nb_edit_mark(void);
void nb_edit_undo(void);

/* ---- reading ------------------------------------------------------------- */
/* The tree edits go to: running (edited in place), or the replacement. */
const struct lyd_node *nb_edit_tree(void);
/* Find a node by data path in the edit tree / in running. */
const struct lyd_node *nb_find(const char *xpath);
const struct lyd_node *nb_find_running(const char *xpath);
/* Child of an inner node by schema name (first instance); NULL if none. */
const struct lyd_node *nb_child(const struct lyd_node *dnode, const char *name);
/* Value of a child leaf, or NULL. */
const char *nb_child_value(const struct lyd_node *dnode, const char *name);
bool nb_child_u32(const struct lyd_node *dnode, const char *name, uint32_t *v);
const char *nb_value(const struct lyd_node *dnode);
const char *nb_name(const struct lyd_node *dnode);	/* schema name */
/* The instances of list `name` under dnode, sorted by cmp (NULL = tree
 * order); *out is XFREE'd by the caller with nb_nodes_free(). */
size_t nb_children_sorted(const struct lyd_node *dnode, const char *name,
			  int (*cmp)(const struct lyd_node *, const struct lyd_node *),
			  const struct lyd_node ***out);
void nb_nodes_free(const struct lyd_node **nodes);
int nb_cmp_u32_key(const struct lyd_node *a, const struct lyd_node *b);

/* A stable copy of a data path, for a sub-node's context (vty->index of
 * `route-map X permit 10`): the same string gives the same pointer, which
 * stays valid until nb_terminate(). The entered object is found again by
 * nb_find(path), so a vty never holds a pointer into freed structures. */
const char *nb_path_intern(const char *xpath);

/* A copy of running (free with nb_tree_release), and whether two trees hold
 * the same configuration (order of system-ordered lists aside). */
struct lyd_node *nb_running_copy(void);
void nb_tree_release(struct lyd_node *tree);
bool nb_same_config(const struct lyd_node *a, const struct lyd_node *b);

/* ---- rendering and export ----------------------------------------------- */
/* Render running's nodes matching xpath (e.g. every instance of a list) in
 * Quagga syntax through the cli_show callbacks; returns lines printed. */
int nb_cli_show(struct vty *vty, const char *xpath);
/* Running as JSON or XML (malloc'd, free()); NULL on error. "" if empty. */
char *nb_print(bool json);
/* Parse a JSON/XML file against the context: tree (NULL if empty) or -1
 * with "% ..." in err. */
int nb_parse_file(const char *path, bool json, struct lyd_node **tree,
		  char *err, size_t errlen);

/* ---- CLI glue (northbound_cli.c) ------------------------------------------
 * A handler parses its arguments, enqueues the edits and applies them:
 *
 *	nb_cli_enqueue_change(vty, xpath, NB_OP_MODIFY, "permit");
 *	return nb_cli_apply_changes(vty);
 *
 * Interactively that is one transaction; while a config file is read
 * (nb_cli_file_begin/end around its lines) the edits go into the file's
 * transaction, a line's edits all or none. On error "% ..." is printed and
 * CMD_WARNING returned, and the configuration is as before the line.
 */
#define NB_XPATH_MAX 1024
void nb_cli_enqueue_change(struct vty *vty, const char *xpath, enum nb_op op,
			   const char *value);
int nb_cli_apply_changes(struct vty *vty);
/* Write `s` as an XPath string literal ('s' or "s") into buf; NULL if it
 * holds both quote characters or does not fit. */
const char *nb_quote(char *buf, size_t len, const char *s);
/* Installs `show running-config (json|xml)`; idempotent. */
void nb_cli_init(void);
/* Around reading a config file: open the file's transaction (unless one is
 * open) / commit it, printing a failure as "FILE: % ...". Returns 0 or -1. */
bool nb_cli_file_begin(void);
int nb_cli_file_end(bool own, const char *file);
/* A JSON (.json) or XML (.xml) config file: parsed against the context and
 * applied as one transaction. 0, or -1 after printing the error. */
bool nb_is_data_file(const char *path);
int nb_cli_load_data_file(const char *path);

#endif
