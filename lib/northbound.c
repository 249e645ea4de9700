/*
 * The northbound core (see northbound.h): the libyang context and the
 * modules of this daemon, the running tree and transactions on it, and
 * reading the tree.
 *
 * A transaction edits running in place (northbound_edit.c), logging every
 * change so that it can be reverted; the commit (northbound_apply.c) reads
 * what changed from that log, so a small change costs the same on a
 * 100-entry and on a 100,000-entry configuration. Only a whole replacement
 * tree (a JSON/XML file) is built beside running and compared with it.
 */
#include "config.h"

#include <libyang/libyang.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "memory.h"
#include "northbound_private.h"

DEFINE_MTYPE_STATIC(NB_STR, "Northbound string");
DEFINE_MTYPE_STATIC(NB_SET, "Northbound node vector");

struct nb_state nb;

#ifndef YANG_SRCDIR
#define YANG_SRCDIR "yang"
#endif
#ifndef YANG_INSTALLDIR
#define YANG_INSTALLDIR "/usr/share/tarpan/yang"
#endif

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
	nb_module_check_local(mod);
	return 0;
}

const struct nb_node_cbs *nb_cbs_of(const struct lyd_node *dnode)
{
	return dnode && dnode->schema ? dnode->schema->priv : NULL;
}

/* ---- trees ---------------------------------------------------------------- */

void nb_tree_free(struct lyd_node **root)
{
	nb_edit_forget_parent();
	if (*root)
		lyd_free_all(*root);
	*root = NULL;
}

void nb_reset(void)
{
	if (nb.txn)
		nb_txn_abort();
	nb_tree_free(&nb.running);
	nb.generation++;
}

/* ---- interned paths --------------------------------------------------------- */

DEFINE_MTYPE_STATIC(NB_PATH, "Northbound interned path");

static struct {
	char **slots;
	size_t size, used;
} paths;

static uint32_t path_hash(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (uint8_t)*s++) * 16777619u;
	return h;
}

static void paths_grow(void)
{
	char **old = paths.slots;
	size_t osize = paths.size, i, j;

	paths.size = osize ? osize * 2 : 64;
	paths.slots = XCALLOC(NB_PATH, paths.size * sizeof(*paths.slots));
	for (i = 0; i < osize; i++) {
		if (!old[i])
			continue;
		for (j = path_hash(old[i]) & (paths.size - 1); paths.slots[j];
		     j = (j + 1) & (paths.size - 1))
			;
		paths.slots[j] = old[i];
	}
	if (old)
		XFREE(NB_PATH, old);
}

const char *nb_path_intern(const char *xpath)
{
	size_t i;

	if ((paths.used + 1) * 2 > paths.size)
		paths_grow();
	for (i = path_hash(xpath) & (paths.size - 1); paths.slots[i];
	     i = (i + 1) & (paths.size - 1))
		if (strcmp(paths.slots[i], xpath) == 0)
			return paths.slots[i];
	paths.slots[i] = XSTRDUP(NB_PATH, xpath);
	paths.used++;
	return paths.slots[i];
}

static void paths_free(void)
{
	size_t i;

	for (i = 0; i < paths.size; i++)
		if (paths.slots[i])
			XFREE(NB_PATH, paths.slots[i]);
	if (paths.slots)
		XFREE(NB_PATH, paths.slots);
	paths.size = paths.used = 0;
}

void nb_terminate(void)
{
	paths_free();
	nb_reset();
	nb_undo_release();
	nb_local_reset();
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

struct lyd_node **nb_edit_root(void)
{
	return nb.replace ? &nb.candidate : &nb.running;
}

const struct lyd_node *nb_edit_tree(void)
{
	return *nb_edit_root();
}

static bool has_explicit(const struct lyd_node *root)
{
	for (; root; root = root->next)
		if (!(root->flags & LYD_DEFAULT))
			return true;
	return false;
}

/* Editing running in place: nothing to copy, and the tree edits go to is
 * the same object before and after, so caches derived from it (policy_nb.c)
 * stay valid across commits; only a revert or a replacement bumps the
 * generation. */
void nb_txn_begin(void)
{
	if (nb.txn)
		return;
	ctx_get();
	nb_undo_release();
	nb.candidate = NULL;
	nb.replace = false;
	nb.startup = !has_explicit(nb.running);
	nb.txn = true;
}

void nb_txn_abort(void)
{
	if (!nb.txn)
		return;
	nb_undo_to(0);
	nb_undo_release();
	nb_tree_free(&nb.candidate);
	nb.replace = false;
	nb.txn = false;
	nb.generation++;
}

void nb_txn_replace(struct lyd_node *tree)
{
	if (!nb.txn)
		nb_txn_begin();
	nb_undo_to(0);
	nb_undo_release();
	nb_tree_free(&nb.candidate);
	nb.candidate = tree ? lyd_first_sibling(tree) : NULL;
	nb.replace = true;
	nb.generation++;
}

/* ---- reading -------------------------------------------------------------- */

struct lyd_node *nb_lookup(const struct lyd_node *root, const char *xpath)
{
	static uint32_t silent;	/* no logging, no storing */
	struct lyd_node *node = NULL;
	LY_ERR r;

	if (!root)
		return NULL;
	ly_temp_log_options(&silent);
	r = lyd_find_path(root, xpath, 0, &node);
	ly_temp_log_options(NULL);
	return r == LY_SUCCESS ? node : NULL;
}

static const struct lyd_node *find_in(const struct lyd_node *root, const char *xpath)
{
	return nb_lookup(root, xpath);
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

struct lyd_node *nb_running_copy(void)
{
	struct lyd_node *dup = NULL;

	if (nb.running &&
	    lyd_dup_siblings(nb.running, NULL, LYD_DUP_RECURSIVE | LYD_DUP_WITH_FLAGS,
			     &dup) != LY_SUCCESS)
		return NULL;
	return dup;
}

void nb_tree_release(struct lyd_node *tree)
{
	if (tree)
		lyd_free_all(tree);
}

bool nb_same_config(const struct lyd_node *a, const struct lyd_node *b)
{
	struct lyd_node *diff = NULL;
	bool same;

	if (lyd_diff_siblings(a, b, 0, &diff) != LY_SUCCESS)
		return false;
	same = diff == NULL;
	lyd_free_all(diff);
	return same;
}
