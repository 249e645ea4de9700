/*
 * Committing a transaction (see northbound.h): validate the candidate,
 * work out what changed, run the validate callbacks, then the apply
 * callbacks, then make the candidate the running tree.
 *
 * What changed is found per "unit": for each edited data path, the
 * shallowest node on it that exists on one side only (created or deleted
 * subtree, walked directly), or, when the path exists on both sides, the
 * edited node itself, compared with lyd_diff_tree(). Paths under a unit
 * already handled are skipped, so a config file that creates a 10,000-entry
 * list is one created subtree. In "full" mode (running had no explicit
 * configuration, or the candidate was replaced) the top-level nodes are the
 * units.
 *
 * Nodes queued for apply_finish / validate are marked through their
 * lyd_node.priv (bit 0 / bit 1) so each is queued once; the marks are
 * cleared before the commit returns.
 */
#include "config.h"

#include <libyang/libyang.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "memory.h"
#include "northbound_private.h"

DEFINE_MTYPE_STATIC(NB_PLAN, "Northbound commit plan");

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
	struct nodevec fin, val;
	struct nb_strset done;
};

#define MARK_FIN 1u
#define MARK_VAL 2u

static void nodevec_push(struct nodevec *nv, const struct lyd_node *n)
{
	if (nv->n == nv->alloc) {
		nv->alloc = nv->alloc ? nv->alloc * 2 : 64;
		nv->v = XREALLOC(NB_PLAN, nv->v, nv->alloc * sizeof(*nv->v));
	}
	nv->v[nv->n++] = n;
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

static uintptr_t marks(const struct lyd_node *n)
{
	return (uintptr_t)n->priv;
}

static void mark(const struct lyd_node *n, uintptr_t bit)
{
	((struct lyd_node *)n)->priv = (void *)(marks(n) | bit);
}

/* Queue the nearest node at or above n (in the candidate) that has the
 * callback of kind `bit`. */
static void queue_up(struct plan *p, const struct lyd_node *n, uintptr_t bit)
{
	for (; n; n = lyd_parent(n)) {
		const struct nb_node_cbs *cb = nb_cbs_of(n);
		bool has = cb && (bit == MARK_FIN ? cb->apply_finish != NULL
						  : cb->validate != NULL);

		if (!has)
			continue;
		if (!(marks(n) & bit)) {
			mark(n, bit);
			nodevec_push(bit == MARK_FIN ? &p->fin : &p->val, n);
		}
		return;
	}
}

static void queue_self(struct plan *p, const struct lyd_node *n)
{
	const struct nb_node_cbs *cb = nb_cbs_of(n);

	if (!cb)
		return;
	if (cb->apply_finish && !(marks(n) & MARK_FIN)) {
		mark(n, MARK_FIN);
		nodevec_push(&p->fin, n);
	}
	if (cb->validate && !(marks(n) & MARK_VAL)) {
		mark(n, MARK_VAL);
		nodevec_push(&p->val, n);
	}
}

/* A subtree of the candidate that running does not have. */
static void walk_create(struct plan *p, const struct lyd_node *n, bool top)
{
	const struct nb_node_cbs *cb = nb_cbs_of(n);
	const struct lyd_node *c;

	if (cb && (cb->create || cb->modify))
		change_push(p, CH_CREATE, n);
	if (top) {
		queue_up(p, n, MARK_FIN);
		queue_up(p, n, MARK_VAL);
	} else {
		queue_self(p, n);
	}
	for (c = lyd_child(n); c; c = c->next)
		walk_create(p, c, false);
}

static const struct lyd_node *find_in(const struct lyd_node *root,
				      const struct lyd_node *like)
{
	struct lyd_node *match = NULL;
	char *path;

	if (!root)
		return NULL;
	path = lyd_path(like, LYD_PATH_STD, NULL, 0);
	if (!path)
		return NULL;
	if (lyd_find_path(root, path, 0, &match) != LY_SUCCESS)
		match = NULL;
	free(path);
	return match;
}

static void queue_parent_of_deleted(struct plan *p, const struct lyd_node *n)
{
	const struct lyd_node *parent = lyd_parent(n);
	const struct lyd_node *cp = parent ? find_in(nb.candidate, parent) : NULL;

	if (cp) {
		queue_up(p, cp, MARK_FIN);
		queue_up(p, cp, MARK_VAL);
	}
}

/* A subtree of running that the candidate does not have. */
static void walk_destroy_r(struct plan *p, const struct lyd_node *n)
{
	const struct nb_node_cbs *cb = nb_cbs_of(n);
	const struct lyd_node *c;

	if (cb && cb->destroy) {
		change_push(p, CH_DESTROY, n);
		return;
	}
	for (c = lyd_child(n); c; c = c->next)
		walk_destroy_r(p, c);
}

static void walk_destroy(struct plan *p, const struct lyd_node *n)
{
	walk_destroy_r(p, n);
	queue_parent_of_deleted(p, n);
}

static const char *diff_op(const struct lyd_node *d)
{
	for (; d; d = lyd_parent(d)) {
		struct lyd_meta *m = lyd_find_meta(d->meta, NULL, "yang:operation");

		if (m)
			return lyd_get_meta_value(m);
	}
	return "none";
}

static void walk_diff(struct plan *p, const struct lyd_node *d)
{
	const char *op = diff_op(d);
	const struct lyd_node *c, *n;

	if (strcmp(op, "create") == 0) {
		if ((n = find_in(nb.candidate, d)))
			walk_create(p, n, true);
		return;
	}
	if (strcmp(op, "delete") == 0) {
		if ((n = find_in(nb.running, d)))
			walk_destroy(p, n);
		return;
	}
	if (strcmp(op, "replace") == 0 && (d->schema->nodetype & LYD_NODE_TERM)) {
		if ((n = find_in(nb.candidate, d))) {
			const struct nb_node_cbs *cb = nb_cbs_of(n);

			if (cb && (cb->modify || cb->create))
				change_push(p, CH_MODIFY, n);
			queue_up(p, n, MARK_FIN);
			queue_up(p, n, MARK_VAL);
		}
		return;
	}
	for (c = lyd_child(d); c; c = c->next)
		walk_diff(p, c);
}

static void diff_unit(struct plan *p, const struct lyd_node *a,
		      const struct lyd_node *b)
{
	struct lyd_node *diff = NULL;

	if (lyd_diff_tree(a, b, LYD_DIFF_DEFAULTS, &diff) != LY_SUCCESS) {
		zlog_err("northbound: diff failed: %s", ly_errmsg(nb.ctx));
		return;
	}
	if (diff) {
		walk_diff(p, diff);
		lyd_free_all(diff);
	}
}

/* Whether a proper ancestor of xpath (or xpath itself) was handled. */
static bool under_done(const struct plan *p, const char *xpath)
{
	size_t i, len = strlen(xpath);
	int depth = 0;
	char quote = 0;

	for (i = 1; i < len; i++) {
		char ch = xpath[i];

		if (quote) {
			if (ch == quote)
				quote = 0;
		} else if (ch == '\'' || ch == '"') {
			quote = ch;
		} else if (ch == '[') {
			depth++;
		} else if (ch == ']') {
			depth--;
		} else if (ch == '/' && depth == 0 &&
			   nb_strset_has(&p->done, xpath, i)) {
			return true;
		}
	}
	return nb_strset_has(&p->done, xpath, len);
}

static void done_add(struct plan *p, const struct lyd_node *n)
{
	char *path = lyd_path(n, LYD_PATH_STD, NULL, 0);

	if (path) {
		nb_strset_add(&p->done, path, strlen(path));
		free(path);
	}
}

/* Climb from n (in `tree`) while the parent is missing in `other`. */
static const struct lyd_node *unit_top(const struct lyd_node *n,
				       const struct lyd_node *other)
{
	const struct lyd_node *parent;

	while ((parent = lyd_parent(n)) && !find_in(other, parent))
		n = parent;
	return n;
}

static void plan_record(struct plan *p, const char *xpath)
{
	struct lyd_node *a = NULL, *b = NULL;

	if (under_done(p, xpath))
		return;
	if (nb.running)
		lyd_find_path(nb.running, xpath, 0, &a);
	if (nb.candidate)
		lyd_find_path(nb.candidate, xpath, 0, &b);
	if (a && b) {
		diff_unit(p, a, b);
		nb_strset_add(&p->done, xpath, strlen(xpath));
	} else if (b) {
		const struct lyd_node *top = unit_top(b, nb.running);

		walk_create(p, top, true);
		done_add(p, top);
	} else if (a) {
		const struct lyd_node *top = unit_top(a, nb.candidate);

		walk_destroy(p, top);
		done_add(p, top);
	}
}

static bool only_defaults(const struct lyd_node *n)
{
	return n->flags & LYD_DEFAULT;
}

static void plan_full(struct plan *p)
{
	const struct lyd_node *c;
	struct lyd_node *match;

	for (c = nb.candidate; c; c = c->next) {
		match = NULL;
		if (nb.running)
			lyd_find_sibling_first(nb.running, c, &match);
		if (match && !only_defaults(match))
			diff_unit(p, match, c);
		else
			walk_create(p, c, true);
	}
	for (c = nb.running; c; c = c->next) {
		match = NULL;
		if (nb.candidate)
			lyd_find_sibling_first(nb.candidate, c, &match);
		if (!match)
			walk_destroy(p, c);
	}
}

static void plan_free(struct plan *p)
{
	size_t i;

	for (i = 0; i < p->fin.n; i++)
		((struct lyd_node *)p->fin.v[i])->priv = NULL;
	for (i = 0; i < p->val.n; i++)
		((struct lyd_node *)p->val.v[i])->priv = NULL;
	if (p->fin.v)
		XFREE(NB_PLAN, p->fin.v);
	if (p->val.v)
		XFREE(NB_PLAN, p->val.v);
	if (p->ch)
		XFREE(NB_PLAN, p->ch);
	nb_strset_clear(&p->done);
}

static void validation_error(char *err, size_t errlen)
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

static bool has_explicit(const struct lyd_node *root)
{
	for (; root; root = root->next)
		if (!only_defaults(root))
			return true;
	return false;
}

int nb_txn_commit(char *err, size_t errlen)
{
	struct plan p;
	size_t i;

	if (!nb.txn)
		return 0;
	memset(&p, 0, sizeof(p));
	nb_edit_mark();
	if (lyd_validate_all(&nb.candidate, nb.ctx, LYD_VALIDATE_NO_STATE, NULL)
	    != LY_SUCCESS) {
		validation_error(err, errlen);
		nb_txn_abort();
		return -1;
	}
	if (nb.candidate)
		nb.candidate = lyd_first_sibling(nb.candidate);
	if (nb.full || !has_explicit(nb.running))
		plan_full(&p);
	else
		for (i = 0; i < nb.records.count; i++)
			plan_record(&p, nb.records.order[i]);

	for (i = 0; i < p.val.n; i++) {
		const struct nb_node_cbs *cb = nb_cbs_of(p.val.v[i]);

		if (cb->validate(p.val.v[i], err, errlen) < 0) {
			plan_free(&p);
			nb_txn_abort();
			return -1;
		}
	}
	for (i = 0; i < p.nch; i++)
		if (p.ch[i].op == CH_DESTROY)
			run_change(&p.ch[i]);
	for (i = 0; i < p.nch; i++)
		if (p.ch[i].op != CH_DESTROY)
			run_change(&p.ch[i]);
	for (i = 0; i < p.fin.n; i++)
		nb_cbs_of(p.fin.v[i])->apply_finish(p.fin.v[i]);
	plan_free(&p);

	nb_tree_free(&nb.running);
	nb.running = nb.candidate;
	nb.candidate = NULL;
	nb_strset_clear(&nb.records);
	nb.txn = false;
	nb.generation++;
	return 0;
}
