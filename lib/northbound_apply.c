/*
 * Committing a transaction (see northbound.h): work out what changed,
 * validate, run the validate callbacks, then the apply callbacks.
 *
 * In place (the usual case) what changed is read from the undo log
 * (northbound_private.h), so the cost follows the size of the change:
 *   - a created subtree still in the tree, not under another created node:
 *     walked as created;
 *   - a held (unlinked) node that existed before the transaction and
 *     whose parent is still in the tree: destroyed, unless a node created
 *     in this transaction took its place (same path): then the two are
 *     compared, so "delete the entry, create it again" runs only the
 *     callbacks of what really differs;
 *   - a leaf whose value differs from the logged original: modified.
 * Validation then covers only the changed list entries (see
 * northbound_validate.c) when every module involved allows it; otherwise,
 * at start-up (running was empty) and for big changes, the whole tree.
 * A failure reverts the log: running is as before, and no callback ran.
 *
 * A replacement tree (JSON/XML file) is validated whole and compared with
 * running top-level node by top-level node, the same way.
 *
 * Destroy callbacks see the old node: for a held subtree its parent link
 * is pointed at its former (live) parent while the callbacks run, so that
 * lyd_parent() and lyd_path() work on it; values changed inside it in this
 * transaction are put back first.
 */
#include "config.h"

#include <libyang/libyang.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "memory.h"
#include "northbound_private.h"

DEFINE_MTYPE_STATIC(NB_PLAN, "Northbound commit plan");

/* More changed entries than this: validate the whole tree instead. */
#define UNIT_MAX 256

enum change_op { CH_DESTROY, CH_CREATE, CH_MODIFY };

struct change {
	enum change_op op;
	const struct lyd_node *node;
};

struct nodevec {
	const struct lyd_node **v;
	size_t n, alloc;
};

struct plan {
	struct change *ch;
	size_t nch, ach;
	struct nodevec fin, val, units, marked;
	size_t *held;		/* undo entries whose node is a held root */
	size_t nheld, aheld;
};

static void nodevec_push(struct nodevec *nv, const struct lyd_node *n)
{
	if (nv->n == nv->alloc) {
		nv->alloc = nv->alloc ? nv->alloc * 2 : 64;
		nv->v = XREALLOC(NB_PLAN, nv->v, nv->alloc * sizeof(*nv->v));
	}
	nv->v[nv->n++] = n;
}

static void nodevec_free(struct nodevec *nv)
{
	if (nv->v)
		XFREE(NB_PLAN, nv->v);
	memset(nv, 0, sizeof(*nv));
}

static void change_push(struct plan *p, enum change_op op,
			const struct lyd_node *n)
{
	if (p->nch == p->ach) {
		p->ach = p->ach ? p->ach * 2 : 64;
		p->ch = XREALLOC(NB_PLAN, p->ch, p->ach * sizeof(*p->ch));
	}
	p->ch[p->nch].op = op;
	p->ch[p->nch].node = n;
	p->nch++;
}

static void held_push(struct plan *p, size_t idx)
{
	if (p->nheld == p->aheld) {
		p->aheld = p->aheld ? p->aheld * 2 : 16;
		p->held = XREALLOC(NB_PLAN, p->held, p->aheld * sizeof(*p->held));
	}
	p->held[p->nheld++] = idx;
}

/* Queue the nearest node at or above n that has the callback of kind
 * `bit` (NB_MARK_FIN: apply_finish, NB_MARK_VAL: validate). */
static void queue_up(struct plan *p, const struct lyd_node *n, uintptr_t bit)
{
	for (; n; n = lyd_parent(n)) {
		const struct nb_node_cbs *cb = nb_cbs_of(n);
		bool has = cb && (bit == NB_MARK_FIN ? cb->apply_finish != NULL
						     : cb->validate != NULL);

		if (!has)
			continue;
		if (!(nb_marks(n) & bit)) {
			nb_mark(n, bit);
			nodevec_push(bit == NB_MARK_FIN ? &p->fin : &p->val, n);
		}
		return;
	}
}

static void queue_both(struct plan *p, const struct lyd_node *n)
{
	queue_up(p, n, NB_MARK_FIN);
	queue_up(p, n, NB_MARK_VAL);
}

static void queue_self(struct plan *p, const struct lyd_node *n)
{
	const struct nb_node_cbs *cb = nb_cbs_of(n);

	if (!cb)
		return;
	if (cb->apply_finish && !(nb_marks(n) & NB_MARK_FIN)) {
		nb_mark(n, NB_MARK_FIN);
		nodevec_push(&p->fin, n);
	}
	if (cb->validate && !(nb_marks(n) & NB_MARK_VAL)) {
		nb_mark(n, NB_MARK_VAL);
		nodevec_push(&p->val, n);
	}
}

static void add_unit(struct plan *p, const struct lyd_node *n)
{
	const struct lyd_node *u = nb_unit_of(n);

	if (!(nb_marks(u) & NB_MARK_UNIT)) {
		nb_mark(u, NB_MARK_UNIT);
		nodevec_push(&p->units, u);
	}
}

/* A subtree that is new. */
static void walk_create(struct plan *p, const struct lyd_node *n, bool top)
{
	const struct nb_node_cbs *cb = nb_cbs_of(n);
	const struct lyd_node *c;

	if (cb && (cb->create || cb->modify))
		change_push(p, CH_CREATE, n);
	if (top)
		queue_both(p, n);
	else
		queue_self(p, n);
	for (c = lyd_child(n); c; c = c->next)
		walk_create(p, c, false);
}

/* A subtree that went away: a destroy callback stands for its subtree. */
static void walk_destroy(struct plan *p, const struct lyd_node *n)
{
	const struct nb_node_cbs *cb = nb_cbs_of(n);
	const struct lyd_node *c;

	if (cb && cb->destroy) {
		change_push(p, CH_DESTROY, n);
		return;
	}
	for (c = lyd_child(n); c; c = c->next)
		walk_destroy(p, c);
}

static const struct lyd_node *find_like(const struct lyd_node *siblings,
					const struct lyd_node *like)
{
	struct lyd_node *m = NULL;

	if (!siblings || lyd_find_sibling_first(siblings, like, &m) != LY_SUCCESS)
		return NULL;
	return m;
}

/* o (old) and n (new) are the same node on both sides: what differs. */
static void compare(struct plan *p, const struct lyd_node *o,
		    const struct lyd_node *n)
{
	const struct lyd_node *c, *m;

	if (n->schema && (n->schema->nodetype & LYD_NODE_TERM)) {
		const struct nb_node_cbs *cb = nb_cbs_of(n);

		if (strcmp(lyd_get_value(o), lyd_get_value(n)) == 0)
			return;
		if (cb && (cb->modify || cb->create))
			change_push(p, CH_MODIFY, n);
		queue_both(p, n);
		return;
	}
	for (c = lyd_child(n); c; c = c->next) {
		if ((m = find_like(lyd_child(o), c)))
			compare(p, m, c);
		else
			walk_create(p, c, true);
	}
	for (c = lyd_child(o); c; c = c->next) {
		if (!find_like(lyd_child(n), c)) {
			walk_destroy(p, c);
			queue_both(p, n);
		}
	}
}

/* ---- planning from the undo log ---------------------------------------------- */

static void plan_reinsert(struct plan *p, size_t idx)
{
	const struct nb_undo *u = &nb.undo[idx];
	const struct lyd_node *x = u->node, *y;

	if (nb_marks(x) & NB_MARK_NEW)
		return;		/* created and removed again in this txn */
	if (u->parent && !nb_attached(u->parent))
		return;		/* an ancestor went too: its destroy covers it */
	held_push(p, idx);
	y = find_like(u->parent ? lyd_child(u->parent) : nb.running, x);
	if (y && (nb_marks(y) & NB_MARK_NEW) && !(nb_marks(y) & NB_MARK_DONE)) {
		nb_mark(y, NB_MARK_DONE);
		compare(p, x, y);
		add_unit(p, y);
		return;
	}
	walk_destroy(p, x);
	if (u->parent) {
		queue_both(p, u->parent);
		add_unit(p, u->parent);
	}
}

static void plan_value(struct plan *p, const struct nb_undo *u)
{
	const struct lyd_node *n = u->node;
	const struct nb_node_cbs *cb;

	if ((nb_marks(n) & (NB_MARK_NEW | NB_MARK_DONE)) || !nb_attached(n))
		return;
	nb_mark(n, NB_MARK_DONE);
	nodevec_push(&p->marked, n);
	if (strcmp(u->value, lyd_get_value(n)) == 0)
		return;
	cb = nb_cbs_of(n);
	if (cb && (cb->modify || cb->create))
		change_push(p, CH_MODIFY, n);
	queue_both(p, n);
	add_unit(p, n);
}

static void plan_free_entry(struct plan *p, const struct nb_undo *u)
{
	const struct lyd_node *t = u->node, *parent;

	if ((nb_marks(t) & NB_MARK_DONE) || !nb_attached(t))
		return;
	parent = lyd_parent(t);
	if (parent && (nb_marks(parent) & NB_MARK_NEW))
		return;		/* inside a created subtree: walked with it */
	nb_mark(t, NB_MARK_DONE);
	walk_create(p, t, true);
	add_unit(p, t);
}

static void plan_log(struct plan *p)
{
	const struct lyd_node *c;
	size_t i;

	if (nb.startup) {
		/* nothing was configured: everything there is new */
		for (c = nb.running; c; c = c->next)
			walk_create(p, c, true);
		return;
	}
	for (i = 0; i < nb.undo_count; i++) {
		const struct nb_undo *u = &nb.undo[i];

		switch (u->kind) {
		case UNDO_REINSERT:
			plan_reinsert(p, i);
			break;
		case UNDO_VALUE:
			plan_value(p, u);
			break;
		case UNDO_FREE:
			plan_free_entry(p, u);
			break;
		}
	}
}

/* A replacement tree against running, top-level node by top-level node. */
static void plan_replace(struct plan *p)
{
	const struct lyd_node *c, *m;

	for (c = nb.candidate; c; c = c->next) {
		if ((m = find_like(nb.running, c)))
			compare(p, m, c);
		else
			walk_create(p, c, true);
	}
	for (c = nb.running; c; c = c->next)
		if (!find_like(nb.candidate, c))
			walk_destroy(p, c);
}

/* Clear every mark the transaction left on nodes still in a tree. Runs
 * before the held subtrees are freed or reinserted. */
static void plan_free(struct plan *p)
{
	size_t i;

	for (i = 0; i < nb.undo_count; i++) {
		struct lyd_node *t = nb.undo[i].node, *elem;

		if (nb.undo[i].kind != UNDO_FREE || !(nb_marks(t) & NB_MARK_NEW))
			continue;
		LYD_TREE_DFS_BEGIN(t, elem) {
			elem->priv = NULL;
			LYD_TREE_DFS_END(t, elem);
		}
	}
	for (i = 0; i < p->fin.n; i++)
		((struct lyd_node *)p->fin.v[i])->priv = NULL;
	for (i = 0; i < p->val.n; i++)
		((struct lyd_node *)p->val.v[i])->priv = NULL;
	for (i = 0; i < p->units.n; i++)
		((struct lyd_node *)p->units.v[i])->priv = NULL;
	for (i = 0; i < p->marked.n; i++)
		((struct lyd_node *)p->marked.v[i])->priv = NULL;
	nodevec_free(&p->fin);
	nodevec_free(&p->val);
	nodevec_free(&p->units);
	nodevec_free(&p->marked);
	if (p->ch)
		XFREE(NB_PLAN, p->ch);
	if (p->held)
		XFREE(NB_PLAN, p->held);
	memset(p, 0, sizeof(*p));
}

/* ---- validation ---------------------------------------------------------------- */

void nb_validation_error(char *err, size_t errlen)
{
	const char *msg = ly_errmsg(nb.ctx);
	const char *path = ly_errpath(nb.ctx);

	if (path && *path)
		snprintf(err, errlen, "%% Configuration is invalid: %s (%s)",
			 msg ? msg : "?", path);
	else
		snprintf(err, errlen, "%% Configuration is invalid: %s",
			 msg ? msg : "?");
}

static int validate_tree(struct lyd_node **root, char *err, size_t errlen)
{
	nb_edit_forget_parent();	/* libyang may add or remove nodes */
	if (lyd_validate_all(root, nb.ctx, LYD_VALIDATE_NO_STATE, NULL) != LY_SUCCESS) {
		nb_validation_error(err, errlen);
		return -1;
	}
	if (*root)
		*root = lyd_first_sibling(*root);
	return 0;
}

/* A copy of running, validated and dropped: for modules whose rules
 * libyang may act on (when: it deletes nodes) rather than only check. */
static int validate_copy(char *err, size_t errlen)
{
	struct lyd_node *dup = NULL;
	int ret;

	if (nb.running && lyd_dup_siblings(nb.running, NULL, LYD_DUP_RECURSIVE,
					   &dup) != LY_SUCCESS) {
		nb_validation_error(err, errlen);
		return -1;
	}
	ret = validate_tree(&dup, err, errlen);
	nb_tree_free(&dup);
	return ret;
}

static int validate_in_place(const struct plan *p, char *err, size_t errlen)
{
	bool local = true;
	size_t i;

	for (i = 0; i < p->units.n && local; i++)
		local = nb_module_is_local(lyd_owner_module(p->units.v[i]));
	if (!local)
		return validate_copy(err, errlen);
	if (nb.startup || p->units.n > UNIT_MAX)
		return validate_tree(&nb.running, err, errlen);
	return nb_validate_units(p->units.v, p->units.n, err, errlen);
}

static int run_validate_cbs(const struct plan *p, char *err, size_t errlen)
{
	size_t i;

	for (i = 0; i < p->val.n; i++)
		if (nb_cbs_of(p->val.v[i])->validate(p->val.v[i], err, errlen) < 0)
			return -1;
	return 0;
}

/* ---- applying ------------------------------------------------------------------- */

static void run_change(const struct change *c)
{
	const struct nb_node_cbs *cb = nb_cbs_of(c->node);
	int ret = 0;

	switch (c->op) {
	case CH_DESTROY:
		ret = cb->destroy(c->node);
		break;
	case CH_CREATE:
		ret = cb->create ? cb->create(c->node) : cb->modify(c->node);
		break;
	case CH_MODIFY:
		ret = cb->modify ? cb->modify(c->node) : cb->create(c->node);
		break;
	}
	if (ret < 0) {
		char *path = lyd_path(c->node, LYD_PATH_STD, NULL, 0);

		zlog_err("northbound: applying %s failed", path ? path : "?");
		free(path);
	}
}

/* Held subtrees as they were: old values back, parent link to the former
 * parent (set = true), or unlinked again (set = false). */
static void held_view(const struct plan *p, bool set)
{
	size_t i;

	if (set) {
		for (i = nb.undo_count; i-- > 0;) {
			struct nb_undo *u = &nb.undo[i];

			if (u->kind == UNDO_VALUE && !nb_attached(u->node))
				lyd_change_term(u->node, u->value);
		}
	}
	for (i = 0; i < p->nheld; i++) {
		struct nb_undo *u = &nb.undo[p->held[i]];

		u->node->parent = set ? (struct lyd_node_inner *)u->parent : NULL;
	}
}

static void apply(const struct plan *p)
{
	size_t i;

	held_view(p, true);
	for (i = 0; i < p->nch; i++)
		if (p->ch[i].op == CH_DESTROY)
			run_change(&p->ch[i]);
	held_view(p, false);
	for (i = 0; i < p->nch; i++)
		if (p->ch[i].op != CH_DESTROY)
			run_change(&p->ch[i]);
	for (i = 0; i < p->fin.n; i++)
		nb_cbs_of(p->fin.v[i])->apply_finish(p->fin.v[i]);
}

/* ---- commit ----------------------------------------------------------------------- */

static double mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void txn_close(void)
{
	nb_undo_release();
	nb.txn = false;
	nb.replace = false;
}

static int fail(struct plan *p)
{
	plan_free(p);
	nb_txn_abort();
	return -1;
}

static int commit_replace(struct plan *p, char *err, size_t errlen)
{
	if (validate_tree(&nb.candidate, err, errlen) < 0)
		return fail(p);
	plan_replace(p);
	if (run_validate_cbs(p, err, errlen) < 0)
		return fail(p);
	apply(p);
	plan_free(p);
	nb_tree_free(&nb.running);
	nb.running = nb.candidate;
	nb.candidate = NULL;
	nb.generation++;
	txn_close();
	return 0;
}

static int commit_in_place(struct plan *p, char *err, size_t errlen, double *t)
{
	plan_log(p);
	t[1] = mono();
	if (validate_in_place(p, err, errlen) < 0 ||
	    run_validate_cbs(p, err, errlen) < 0)
		return fail(p);
	t[2] = mono();
	apply(p);
	plan_free(p);
	txn_close();
	return 0;
}

int nb_txn_commit(char *err, size_t errlen)
{
	bool timing = getenv("TARPAN_NB_TIMING") != NULL;
	double t[3] = { timing ? mono() : 0, 0, 0 };
	struct plan p;
	size_t nch;
	int ret;

	if (!nb.txn)
		return 0;
	memset(&p, 0, sizeof(p));
	if (nb.replace)
		return commit_replace(&p, err, errlen);
	ret = commit_in_place(&p, err, errlen, t);
	nch = p.nch;
	if (timing && ret == 0)
		fprintf(stderr, "nb commit: plan %.6f s, validate %.6f s, callbacks "
			"%.6f s\n", t[1] - t[0], t[2] - t[1], mono() - t[2]);
	(void)nch;
	return ret;
}
