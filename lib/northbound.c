/*
 * The northbound core (see northbound.h): the libyang context and the
 * modules of this daemon, the running and candidate trees, and edits of the
 * candidate with their undo log.
 *
 * What changed in a transaction is worked out at commit time
 * (northbound_apply.c) without diffing whole trees, which libyang does in
 * time that grows faster than the tree: every edit records its data path,
 * and only the subtrees around those paths are compared. When running was
 * empty at the start (a daemon loading its config file) or the candidate
 * was replaced wholesale, the top-level nodes are compared instead.
 */
#include "config.h"

#include <libyang/libyang.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "memory.h"
#include "northbound_private.h"

DEFINE_MTYPE_STATIC(NB_UNDO, "Northbound undo log");
DEFINE_MTYPE_STATIC(NB_STR, "Northbound string");
DEFINE_MTYPE_STATIC(NB_SET, "Northbound string set");

struct nb_state nb;

#ifndef YANG_SRCDIR
#define YANG_SRCDIR "yang"
#endif
#ifndef YANG_INSTALLDIR
#define YANG_INSTALLDIR "/usr/share/tarpan/yang"
#endif

/* ---- string set ---------------------------------------------------------- */

static uint32_t str_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--)
		h = (h ^ (uint8_t)*s++) * 16777619u;
	return h;
}

bool nb_strset_has(const struct nb_strset *set, const char *s, size_t n)
{
	size_t i;

	if (!set->size)
		return false;
	for (i = str_hash(s, n) & (set->size - 1); set->slots[i];
	     i = (i + 1) & (set->size - 1))
		if (strncmp(set->slots[i], s, n) == 0 && set->slots[i][n] == '\0')
			return true;
	return false;
}

static void strset_grow(struct nb_strset *set)
{
	size_t nsize = set->size ? set->size * 2 : 64, i, j;
	char **nslots = XCALLOC(NB_SET, nsize * sizeof(*nslots));

	for (i = 0; i < set->size; i++) {
		if (!set->slots[i])
			continue;
		j = str_hash(set->slots[i], strlen(set->slots[i])) & (nsize - 1);
		while (nslots[j])
			j = (j + 1) & (nsize - 1);
		nslots[j] = set->slots[i];
	}
	if (set->slots)
		XFREE(NB_SET, set->slots);
	set->slots = nslots;
	set->size = nsize;
}

/* Adds s[0..n); false if it was there. Insertion order is kept in `order`. */
bool nb_strset_add(struct nb_strset *set, const char *s, size_t n)
{
	size_t i;
	char *copy;

	if (nb_strset_has(set, s, n))
		return false;
	if ((set->count + 1) * 2 > set->size)
		strset_grow(set);
	copy = XMALLOC(NB_STR, n + 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	for (i = str_hash(s, n) & (set->size - 1); set->slots[i];
	     i = (i + 1) & (set->size - 1))
		;
	set->slots[i] = copy;
	if (set->count == set->alloc) {
		set->alloc = set->alloc ? set->alloc * 2 : 64;
		set->order = XREALLOC(NB_SET, set->order,
				      set->alloc * sizeof(*set->order));
	}
	set->order[set->count++] = copy;
	return true;
}

void nb_strset_clear(struct nb_strset *set)
{
	size_t i;

	for (i = 0; i < set->count; i++)
		XFREE(NB_STR, set->order[i]);
	if (set->slots)
		XFREE(NB_SET, set->slots);
	if (set->order)
		XFREE(NB_SET, set->order);
	memset(set, 0, sizeof(*set));
}

/* ---- context and modules -------------------------------------------------- */

static void add_searchdirs(struct ly_ctx *ctx)
{
	const char *env = getenv("TARPAN_YANG_PATH");

	if (env && *env) {
		char *copy = XSTRDUP(NB_STR, env), *save = NULL, *dir;

		for (dir = strtok_r(copy, ":", &save); dir;
		     dir = strtok_r(NULL, ":", &save))
			ly_ctx_set_searchdir(ctx, dir);
		XFREE(NB_STR, copy);
	}
	ly_ctx_set_searchdir(ctx, YANG_SRCDIR);
	ly_ctx_set_searchdir(ctx, YANG_INSTALLDIR);
}

static int ctx_get(void)
{
	if (nb.ctx)
		return 0;
	ly_log_options(LY_LOSTORE_LAST);
	if (ly_ctx_new(NULL, LY_CTX_DISABLE_SEARCHDIR_CWD, &nb.ctx) != LY_SUCCESS) {
		fprintf(stderr, "northbound: can't create the libyang context\n");
		return -1;
	}
	add_searchdirs(nb.ctx);
	return 0;
}

struct ly_ctx *nb_context(void)
{
	return ctx_get() == 0 ? nb.ctx : NULL;
}

int nb_module_register(const struct nb_module *m)
{
	const struct lys_module *mod;
	const struct nb_node_cbs *cb;

	if (ctx_get() < 0)
		return -1;
	mod = ly_ctx_get_module_implemented(nb.ctx, m->name);
	if (!mod)
		mod = ly_ctx_load_module(nb.ctx, m->name, NULL, NULL);
	if (!mod) {
		fprintf(stderr, "northbound: can't load YANG module %s: %s\n",
			m->name, ly_errmsg(nb.ctx));
		zlog_err("northbound: can't load YANG module %s: %s", m->name,
			 ly_errmsg(nb.ctx));
		return -1;
	}
	for (cb = m->nodes; cb && cb->xpath; cb++) {
		const struct lysc_node *sn = lys_find_path(nb.ctx, NULL, cb->xpath, 0);

		if (!sn) {
			zlog_err("northbound: %s: no schema node %s", m->name,
				 cb->xpath);
			continue;
		}
		((struct lysc_node *)sn)->priv = (void *)cb;
	}
	return 0;
}

const struct nb_node_cbs *nb_cbs_of(const struct lyd_node *dnode)
{
	return dnode && dnode->schema ? dnode->schema->priv : NULL;
}

/* ---- trees ---------------------------------------------------------------- */

void nb_tree_free(struct lyd_node **root)
{
	if (*root)
		lyd_free_all(*root);
	*root = NULL;
}

static void undo_clear(bool free_held);

void nb_reset(void)
{
	if (nb.txn)
		nb_txn_abort();
	nb_tree_free(&nb.running);
	nb.generation++;
}

void nb_terminate(void)
{
	nb_reset();
	undo_clear(true);
	if (nb.undo)
		XFREE(NB_UNDO, nb.undo);
	nb.undo_alloc = 0;
	nb_strset_clear(&nb.records);
	if (nb.ctx)
		ly_ctx_destroy(nb.ctx);
	nb.ctx = NULL;
}

const struct lyd_node *nb_running(void)
{
	return nb.running;
}

uint64_t nb_generation(void)
{
	return nb.generation;
}

bool nb_txn_active(void)
{
	return nb.txn;
}

const struct lyd_node *nb_edit_tree(void)
{
	return nb.txn ? nb.candidate : nb.running;
}

void nb_txn_begin(void)
{
	if (nb.txn)
		return;
	ctx_get();
	nb.candidate = NULL;
	if (nb.running &&
	    lyd_dup_siblings(nb.running, NULL, LYD_DUP_RECURSIVE | LYD_DUP_WITH_FLAGS,
			     &nb.candidate) != LY_SUCCESS) {
		zlog_err("northbound: can't copy the running tree: %s",
			 ly_errmsg(nb.ctx));
		nb.candidate = NULL;
	}
	nb.full = (nb.running == NULL);
	nb.txn = true;
	nb.generation++;
	nb_strset_clear(&nb.records);
	undo_clear(true);
}

void nb_txn_abort(void)
{
	if (!nb.txn)
		return;
	undo_clear(true);
	nb_tree_free(&nb.candidate);
	nb_strset_clear(&nb.records);
	nb.txn = false;
	nb.generation++;
}

void nb_txn_replace(struct lyd_node *tree)
{
	if (!nb.txn)
		nb_txn_begin();
	undo_clear(true);
	nb_tree_free(&nb.candidate);
	nb.candidate = tree ? lyd_first_sibling(tree) : NULL;
	nb.full = true;
	nb.generation++;
}

/* ---- edits and their undo log --------------------------------------------- */

enum undo_kind { UNDO_FREE, UNDO_VALUE, UNDO_REINSERT };

struct nb_undo {
	enum undo_kind kind;
	struct lyd_node *node;
	struct lyd_node *parent;	/* REINSERT: NULL = top level */
	char *value;			/* VALUE: old value */
	bool was_default;
};

static struct nb_undo *undo_push(void)
{
	if (nb.undo_count == nb.undo_alloc) {
		nb.undo_alloc = nb.undo_alloc ? nb.undo_alloc * 2 : 16;
		nb.undo = XREALLOC(NB_UNDO, nb.undo,
				   nb.undo_alloc * sizeof(*nb.undo));
	}
	memset(&nb.undo[nb.undo_count], 0, sizeof(nb.undo[0]));
	return &nb.undo[nb.undo_count++];
}

/* Unlink a subtree from the candidate, keeping `candidate` the first
 * top-level sibling. */
static void cand_unlink(struct lyd_node *node)
{
	if (node == nb.candidate)
		nb.candidate = node->next;
	lyd_unlink_tree(node);
}

static void cand_fix_root(void)
{
	if (nb.candidate)
		nb.candidate = lyd_first_sibling(nb.candidate);
}

static void undo_clear(bool free_held)
{
	size_t i;

	for (i = 0; i < nb.undo_count; i++) {
		struct nb_undo *u = &nb.undo[i];

		if (u->kind == UNDO_REINSERT && free_held)
			lyd_free_tree(u->node);
		if (u->value)
			XFREE(NB_STR, u->value);
	}
	nb.undo_count = 0;
}

void nb_edit_mark(void)
{
	undo_clear(true);
}

void nb_edit_undo(void)
{
	while (nb.undo_count) {
		struct nb_undo *u = &nb.undo[--nb.undo_count];

		switch (u->kind) {
		case UNDO_FREE:
			cand_unlink(u->node);
			lyd_free_tree(u->node);
			break;
		case UNDO_VALUE:
			lyd_change_term(u->node, u->value);
			if (u->was_default)
				u->node->flags |= LYD_DEFAULT;
			break;
		case UNDO_REINSERT:
			if (u->parent)
				lyd_insert_child(u->parent, u->node);
			else if (nb.candidate)
				lyd_insert_sibling(nb.candidate, u->node, NULL);
			else
				nb.candidate = u->node;
			cand_fix_root();
			break;
		}
		if (u->value)
			XFREE(NB_STR, u->value);
	}
}

static void set_err(char *err, size_t errlen, const char *what, const char *xpath)
{
	const char *msg = nb.ctx ? ly_errmsg(nb.ctx) : NULL;

	snprintf(err, errlen, "%% %s %s: %s", what, xpath, msg ? msg : "failed");
}

static int edit_set(const char *xpath, const char *value, char *err, size_t errlen)
{
	struct lyd_node *top = NULL, *node = NULL;
	LY_ERR r;

	r = lyd_new_path2(nb.candidate, nb.ctx, xpath, value, value ? strlen(value) : 0,
			  LYD_ANYDATA_STRING, 0, &top, &node);
	if (r == LY_SUCCESS) {
		if (!nb.candidate)
			nb.candidate = top;
		cand_fix_root();
		if (top)
			undo_push()->node = top;	/* UNDO_FREE */
		return 0;
	}
	if (r != LY_EEXIST) {
		set_err(err, errlen, "Invalid value for", xpath);
		return -1;
	}
	if (lyd_find_path(nb.candidate, xpath, 0, &node) != LY_SUCCESS)
		return 0;
	if (!value || !(node->schema->nodetype & LYD_NODE_TERM))
		return 0;	/* an existing inner node: nothing to do */
	{
		char *old = XSTRDUP(NB_STR, lyd_get_value(node));
		bool was_default = node->flags & LYD_DEFAULT;

		r = lyd_change_term(node, value);
		if (r != LY_SUCCESS && r != LY_EEXIST && r != LY_ENOT) {
			XFREE(NB_STR, old);
			set_err(err, errlen, "Invalid value for", xpath);
			return -1;
		}
		struct nb_undo *u = undo_push();

		u->kind = UNDO_VALUE;
		u->node = node;
		u->value = old;
		u->was_default = was_default;
	}
	return 0;
}

static void edit_destroy(const char *xpath)
{
	struct lyd_node *node = NULL;
	struct nb_undo *u;

	if (!nb.candidate || lyd_find_path(nb.candidate, xpath, 0, &node) != LY_SUCCESS)
		return;
	u = undo_push();
	u->kind = UNDO_REINSERT;
	u->parent = lyd_parent(node);
	u->node = node;
	cand_unlink(node);
}

int nb_edit(const char *xpath, enum nb_op op, const char *value,
	    char *err, size_t errlen)
{
	if (!nb.txn) {
		snprintf(err, errlen, "%% No configuration transaction open");
		return -1;
	}
	if (ctx_get() < 0) {
		snprintf(err, errlen, "%% No YANG context");
		return -1;
	}
	if (op == NB_OP_DESTROY)
		edit_destroy(xpath);
	else if (edit_set(xpath, value, err, errlen) < 0)
		return -1;
	if (!nb.full)
		nb_strset_add(&nb.records, xpath, strlen(xpath));
	return 0;
}

/* ---- reading -------------------------------------------------------------- */

static const struct lyd_node *find_in(const struct lyd_node *root, const char *xpath)
{
	struct lyd_node *node = NULL;

	if (!root || lyd_find_path(root, xpath, 0, &node) != LY_SUCCESS)
		return NULL;
	return node;
}

const struct lyd_node *nb_find(const char *xpath)
{
	return find_in(nb_edit_tree(), xpath);
}

const struct lyd_node *nb_find_running(const char *xpath)
{
	return find_in(nb.running, xpath);
}

const struct lyd_node *nb_child(const struct lyd_node *dnode, const char *name)
{
	const struct lyd_node *c;

	if (!dnode)
		return NULL;
	for (c = lyd_child(dnode); c; c = c->next)
		if (c->schema && strcmp(c->schema->name, name) == 0)
			return c;
	return NULL;
}

const char *nb_child_value(const struct lyd_node *dnode, const char *name)
{
	const struct lyd_node *c = nb_child(dnode, name);

	return c ? lyd_get_value(c) : NULL;
}

bool nb_child_u32(const struct lyd_node *dnode, const char *name, uint32_t *v)
{
	const char *s = nb_child_value(dnode, name);

	if (!s)
		return false;
	*v = (uint32_t)strtoul(s, NULL, 10);
	return true;
}

const char *nb_value(const struct lyd_node *dnode)
{
	return lyd_get_value(dnode);
}

const char *nb_name(const struct lyd_node *dnode)
{
	return dnode && dnode->schema ? dnode->schema->name : "";
}

int nb_cmp_u32_key(const struct lyd_node *a, const struct lyd_node *b)
{
	uint32_t x = (uint32_t)strtoul(lyd_get_value(lyd_child(a)), NULL, 10);
	uint32_t y = (uint32_t)strtoul(lyd_get_value(lyd_child(b)), NULL, 10);

	return x < y ? -1 : x > y;
}

static int (*sort_cmp)(const struct lyd_node *, const struct lyd_node *);

static int sort_tramp(const void *a, const void *b)
{
	return sort_cmp(*(const struct lyd_node *const *)a,
			*(const struct lyd_node *const *)b);
}

void nb_sort_nodes(const struct lyd_node **v, size_t n,
		   int (*cmp)(const struct lyd_node *, const struct lyd_node *))
{
	size_t i;

	if (!cmp || n < 2)
		return;
	for (i = 1; i < n && cmp(v[i - 1], v[i]) <= 0; i++)
		;
	if (i == n)
		return;		/* already in order: the common case */
	sort_cmp = cmp;
	qsort(v, n, sizeof(*v), sort_tramp);
}

size_t nb_children_sorted(const struct lyd_node *dnode, const char *name,
			  int (*cmp)(const struct lyd_node *, const struct lyd_node *),
			  const struct lyd_node ***out)
{
	const struct lyd_node *c;
	size_t n = 0, alloc = 0;
	const struct lyd_node **v = NULL;

	for (c = lyd_child(dnode); c; c = c->next) {
		if (!c->schema || strcmp(c->schema->name, name) != 0)
			continue;
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			v = XREALLOC(NB_SET, v, alloc * sizeof(*v));
		}
		v[n++] = c;
	}
	nb_sort_nodes(v, n, cmp);
	*out = v;
	return n;
}

void nb_nodes_free(const struct lyd_node **nodes)
{
	if (nodes)
		XFREE(NB_SET, nodes);
}
