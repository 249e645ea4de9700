/*
 * Edits of the tree of the open transaction (running itself, or the
 * replacement candidate) and their undo log (see northbound_private.h).
 *
 * Every change is logged: a created subtree (undo frees it), a changed
 * leaf value (undo restores the old one), an unlinked subtree (held in the
 * log; undo links it back). A CLI line reverts back to its mark; a failed
 * commit reverts the whole transaction; a successful one reads the log to
 * know what changed (northbound_apply.c) and then frees the held subtrees.
 *
 * Nodes created in place are marked NB_MARK_NEW (lyd_node.priv) until the
 * commit, so that it can tell a replaced node from the original one.
 *
 * Choice cases: creating a node in one case of a choice removes the data of
 * the other cases (as a NETCONF edit does), logged like any unlink, so a
 * handler can switch "any" to a prefix without destroying the entry first.
 *
 * Paths are resolved step by step from the nodes of the previous edit's
 * path (see "resolving paths" below).
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
DEFINE_MTYPE_STATIC(NB_UNDO_STR, "Northbound undo value");

/* ---- the edit tree's root ------------------------------------------------ */

/* Unlink a subtree, keeping the root pointer on the first top-level node. */
static void root_unlink(struct lyd_node *node)
{
	struct lyd_node **root = nb_edit_root();

	if (node == *root)
		*root = node->next;
	lyd_unlink_tree(node);
}

static void root_fix(void)
{
	struct lyd_node **root = nb_edit_root();

	if (*root)
		*root = lyd_first_sibling(*root);
}

bool nb_attached(const struct lyd_node *n)
{
	const struct lyd_node *root = *nb_edit_root();

	if (!n || !root)
		return false;
	while (lyd_parent(n))
		n = lyd_parent(n);
	return lyd_first_sibling(n) == root;
}

/* ---- the log ------------------------------------------------------------- */

static struct nb_undo *undo_push(enum undo_kind kind, struct lyd_node *node)
{
	struct nb_undo *u;

	if (nb.undo_count == nb.undo_alloc) {
		nb.undo_alloc = nb.undo_alloc ? nb.undo_alloc * 2 : 64;
		nb.undo = XREALLOC(NB_UNDO, nb.undo, nb.undo_alloc * sizeof(*nb.undo));
	}
	u = &nb.undo[nb.undo_count++];
	memset(u, 0, sizeof(*u));
	u->kind = kind;
	u->node = node;
	return u;
}

void nb_undo_to(size_t to)
{
	struct lyd_node **root = nb_edit_root();

	nb_edit_forget_parent();
	while (nb.undo_count > to) {
		struct nb_undo *u = &nb.undo[--nb.undo_count];

		switch (u->kind) {
		case UNDO_FREE:
			root_unlink(u->node);
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
			else if (*root)
				lyd_insert_sibling(*root, u->node, NULL);
			else
				*root = u->node;
			root_fix();
			break;
		}
		if (u->value)
			XFREE(NB_UNDO_STR, u->value);
	}
	if (nb.line_mark > to)
		nb.line_mark = to;
}

void nb_undo_release(void)
{
	size_t i;

	/* held subtrees were forgotten when they were unlinked */
	for (i = 0; i < nb.undo_count; i++) {
		struct nb_undo *u = &nb.undo[i];

		if (u->kind == UNDO_REINSERT)
			lyd_free_tree(u->node);
		if (u->value)
			XFREE(NB_UNDO_STR, u->value);
	}
	nb.undo_count = 0;
	nb.line_mark = 0;
	if (nb.undo && nb.undo_alloc > 4096) {
		XFREE(NB_UNDO, nb.undo);	/* after a big file: give it back */
		nb.undo_alloc = 0;
	}
}

void nb_edit_mark(void)
{
	nb.line_mark = nb.undo_count;
}

void nb_edit_undo(void)
{
	nb_undo_to(nb.line_mark);
}

/* ---- resolving paths step by step ------------------------------------------
 *
 * A data path "/mod:a/b[k='v']/c" is split into steps; the nodes of the
 * previous edit's steps are cached, so the next edit starts below the
 * longest prefix they share (the edits of one CLI line, and consecutive
 * lines of one list, share most of it). The remaining steps are looked up
 * by schema node and key (libyang's per-parent hash) and created with
 * lyd_new_inner/list2/term, which spares libyang parsing and compiling the
 * whole path per edit. Anything unusual (leaf-list predicates, unknown
 * names) goes through lyd_new_path2() instead. Any unlink, undo or free of
 * a tree drops the cache; it outlives transactions (running stays).
 */
#define STEPS_MAX 16

struct step {
	const char *mod;	/* prefix, or NULL */
	size_t modlen;
	const char *name;
	size_t namelen;
	const char *pred;	/* "[k='v']..." or NULL */
	size_t predlen;
	size_t end;		/* offset after the step in the path */
};

/* The nodes along recent edit paths: a few chains, each replaced by the
 * next path that shares most with it (a config file alternating between
 * lists keeps one chain per list). Nodes stay valid until something is
 * unlinked or freed: every such path calls nb_edit_forget_parent(). */
#define CHAINS 16

struct chain {
	char path[NB_XPATH_MAX];
	size_t ends[STEPS_MAX];
	struct lyd_node *nodes[STEPS_MAX];
	int depth;
	unsigned age;
};

static struct chain chains[CHAINS];
static unsigned chain_clock;

void nb_edit_forget_parent(void)
{
	int i;

	for (i = 0; i < CHAINS; i++)
		chains[i].depth = 0;
}

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

/* Split an absolute path; -1 if it is not a plain path of keyed steps. */
static int parse_steps(const char *xp, struct step *st)
{
	size_t i = 0;
	int n = 0;

	while (xp[i] == '/') {
		struct step *s = &st[n];

		if (n == STEPS_MAX)
			return -1;
		memset(s, 0, sizeof(*s));
		s->name = xp + ++i;
		while (name_char(xp[i]))
			i++;
		if (xp[i] == ':') {
			s->mod = s->name;
			s->modlen = (size_t)(xp + i - s->name);
			s->name = xp + ++i;
			while (name_char(xp[i]))
				i++;
		}
		s->namelen = (size_t)(xp + i - s->name);
		if (!s->namelen)
			return -1;
		if (xp[i] == '[') {
			s->pred = xp + i;
			while (xp[i] == '[') {
				char q;

				while (name_char(xp[++i]))
					;
				if (xp[i] != '=' || (xp[i + 1] != '\'' && xp[i + 1] != '"'))
					return -1;	/* [.='v'], [1], ... */
				q = xp[i + 1];
				i += 2;
				while (xp[i] && xp[i] != q)
					i++;
				if (xp[i] != q || xp[i + 1] != ']')
					return -1;
				i += 2;
			}
			s->predlen = (size_t)(xp + i - s->pred);
		}
		s->end = i;
		n++;
	}
	return xp[i] == '\0' && n > 0 ? n : -1;
}

/* Steps of xpath whose nodes chain c has (the same text up to a step end). */
static int chain_match(const struct chain *c, const char *xpath)
{
	int i;

	for (i = c->depth; i > 0; i--) {
		size_t e = c->ends[i - 1];

		if (strncmp(c->path, xpath, e) == 0 &&
		    (xpath[e] == '/' || xpath[e] == '\0'))
			break;
	}
	return i;
}

/* The chain sharing most steps with xpath (*have of them), else the
 * least recently used one (*have = 0). */
static struct chain *chain_best(const char *xpath, int *have)
{
	struct chain *best = NULL, *old = &chains[0];
	int i, n, most = 0;

	for (i = 0; i < CHAINS; i++) {
		struct chain *c = &chains[i];

		if (c->depth && (n = chain_match(c, xpath)) > most) {
			most = n;
			best = c;
		}
		if (old->depth && (!c->depth || c->age < old->age))
			old = c;
	}
	*have = most;
	return best ? best : old;
}

static void chain_store(struct chain *c, const char *xpath, const struct step *st,
			int n, struct lyd_node **nodes)
{
	size_t len = strlen(xpath);
	int i;

	if (len >= sizeof(c->path)) {
		c->depth = 0;
		return;
	}
	memcpy(c->path, xpath, len + 1);
	for (i = 0; i < n; i++) {
		c->ends[i] = st[i].end;
		c->nodes[i] = nodes[i];
	}
	c->depth = n;
	c->age = ++chain_clock;
}

static const struct lysc_node *step_schema(const struct step *s,
					   const struct lysc_node *parent)
{
	const struct lys_module *mod;
	char buf[128];

	if (s->mod) {
		if (s->modlen >= sizeof(buf))
			return NULL;
		memcpy(buf, s->mod, s->modlen);
		buf[s->modlen] = '\0';
		mod = ly_ctx_get_module_implemented(nb.ctx, buf);
	} else {
		mod = parent ? parent->module : NULL;
	}
	if (!mod)
		return NULL;
	return lys_find_child(parent, mod, s->name, s->namelen, 0, 0);
}

enum fast { FAST_DONE, FAST_EXISTS, FAST_FALLBACK, FAST_ERROR };

static LY_ERR create_step(const struct step *s, const struct lysc_node *sn,
			  struct lyd_node *parent, const char *value,
			  struct lyd_node **out)
{
	char pred[NB_XPATH_MAX];

	switch (sn->nodetype) {
	case LYS_CONTAINER:
		return lyd_new_inner(parent, sn->module, sn->name, 0, out);
	case LYS_LIST:
		memcpy(pred, s->pred, s->predlen);
		pred[s->predlen] = '\0';
		return lyd_new_list2(parent, sn->module, sn->name, pred, 0, out);
	default:
		return lyd_new_term(parent, sn->module, sn->name, value ? value : "",
				    0, out);
	}
}

/*
 * Find or create the nodes of xpath. FAST_DONE: *top is the first node
 * created (with its subtree, all new), *node the target; FAST_EXISTS: the
 * target was there (*node); FAST_FALLBACK: use lyd_new_path2();
 * FAST_ERROR: libyang refused a value (nothing created).
 */
static enum fast fast_set(const char *xpath, const char *value,
			  struct lyd_node **top, struct lyd_node **node)
{
	struct lyd_node **root = nb_edit_root(), *nodes[STEPS_MAX], *parent, *m;
	const struct lysc_node *sn[STEPS_MAX];
	struct step st[STEPS_MAX];
	int n = parse_steps(xpath, st), have, i, j;
	struct chain *c;

	*top = *node = NULL;
	if (n < 0)
		return FAST_FALLBACK;
	c = chain_best(xpath, &have);
	memcpy(nodes, c->nodes, (size_t)have * sizeof(*nodes));
	for (i = have; i < n; i++) {
		parent = i ? nodes[i - 1] : NULL;
		sn[i] = step_schema(&st[i], parent ? parent->schema : NULL);
		if (!sn[i] || !(sn[i]->nodetype & (LYS_CONTAINER | LYS_LIST | LYS_LEAF)) ||
		    (sn[i]->nodetype == LYS_LIST) != (st[i].pred != NULL) ||
		    (sn[i]->nodetype == LYS_LEAF && i != n - 1))
			return FAST_FALLBACK;
		m = NULL;
		if (lyd_find_sibling_val(parent ? lyd_child(parent) : *root, sn[i],
					 st[i].pred, st[i].predlen, &m) != LY_SUCCESS || !m)
			break;
		nodes[i] = m;
	}
	if (i == n) {
		chain_store(c, xpath, st, n, nodes);
		*node = nodes[n - 1];
		return FAST_EXISTS;
	}
	for (j = i + 1; j < n; j++) {
		sn[j] = step_schema(&st[j], sn[j - 1]);
		if (!sn[j] || !(sn[j]->nodetype & (LYS_CONTAINER | LYS_LIST | LYS_LEAF)) ||
		    (sn[j]->nodetype == LYS_LIST) != (st[j].pred != NULL) ||
		    (sn[j]->nodetype == LYS_LEAF && j != n - 1))
			return FAST_FALLBACK;
	}
	for (j = i; j < n; j++) {
		parent = j ? nodes[j - 1] : NULL;
		if (create_step(&st[j], sn[j], parent, value, &nodes[j]) != LY_SUCCESS) {
			if (*top)
				lyd_free_tree(*top);
			*top = NULL;
			return FAST_ERROR;
		}
		if (j == i)
			*top = nodes[j];
	}
	if (!lyd_parent(*top)) {
		if (*root)
			lyd_insert_sibling(*root, *top, root);
		else
			*root = *top;
	}
	chain_store(c, xpath, st, n, nodes);
	*node = nodes[n - 1];
	return FAST_DONE;
}

/* ---- edits ------------------------------------------------------------------ */

static void set_err(char *err, size_t errlen, const char *what, const char *xpath)
{
	const char *msg = nb.ctx ? ly_errmsg(nb.ctx) : NULL;

	snprintf(err, errlen, "%% %s %s: %s", what, xpath, msg ? msg : "failed");
}

static void unlink_logged(struct lyd_node *node)
{
	struct nb_undo *u = undo_push(UNDO_REINSERT, node);

	nb_edit_forget_parent();
	u->parent = lyd_parent(node);
	root_unlink(node);
}

static void mark_new(struct lyd_node *top)
{
	struct lyd_node *elem;

	LYD_TREE_DFS_BEGIN(top, elem) {
		nb_mark(elem, NB_MARK_NEW);
		LYD_TREE_DFS_END(top, elem);
	}
}

/* The case of choice `choice` that schema node s is in, or NULL. */
static const struct lysc_node *case_in(const struct lysc_node *s,
				       const struct lysc_node *choice)
{
	for (; s && s->parent; s = s->parent)
		if (s->parent == choice)
			return s;
	return NULL;
}

/* `top` was just created: remove its siblings of the other cases of the
 * choice it is in. */
static void drop_other_cases(struct lyd_node *top)
{
	const struct lysc_node *cas = top->schema ? top->schema->parent : NULL;
	const struct lysc_node *choice, *other, *s;

	if (!cas || cas->nodetype != LYS_CASE)
		return;
	choice = cas->parent;
	LY_LIST_FOR(lysc_node_child(choice), other) {
		if (other == cas)
			continue;
		LY_LIST_FOR(lysc_node_child(other), s) {
			struct lyd_node *m = NULL;

			if (s->nodetype & (LYS_CHOICE | LYS_CASE))
				continue;	/* nested choices: left to validation */
			while (lyd_find_sibling_val(lyd_first_sibling(top), s, NULL, 0,
						    &m) == LY_SUCCESS && m) {
				if (case_in(m->schema, choice) != other)
					break;
				unlink_logged(m);
				m = NULL;
			}
		}
	}
}

static int change_value(struct lyd_node *node, const char *value, char *err,
			size_t errlen, const char *xpath)
{
	char *old = XSTRDUP(NB_UNDO_STR, lyd_get_value(node));
	bool was_default = node->flags & LYD_DEFAULT;
	struct nb_undo *u;
	LY_ERR r;

	r = lyd_change_term(node, value);
	if (r != LY_SUCCESS && r != LY_EEXIST && r != LY_ENOT) {
		XFREE(NB_UNDO_STR, old);
		set_err(err, errlen, "Invalid value for", xpath);
		return -1;
	}
	if (r == LY_EEXIST && !was_default) {
		XFREE(NB_UNDO_STR, old);	/* the same value: nothing to log */
		return 0;
	}
	u = undo_push(UNDO_VALUE, node);
	u->value = old;
	u->was_default = was_default;
	return 0;
}

/* The node was created: log it, mark it, settle the choice it is in. */
static void created(struct lyd_node *top)
{
	root_fix();
	if (!top)
		return;
	undo_push(UNDO_FREE, top);
	if (!nb.replace && !nb.startup)
		mark_new(top);
	drop_other_cases(top);
}

static int edit_set(const char *xpath, const char *value, char *err, size_t errlen)
{
	struct lyd_node **root = nb_edit_root();
	struct lyd_node *top = NULL, *node = NULL;
	LY_ERR r;

	switch (fast_set(xpath, value, &top, &node)) {
	case FAST_DONE:
		created(top);
		return 0;
	case FAST_EXISTS:
		break;
	case FAST_ERROR:
		set_err(err, errlen, "Invalid value for", xpath);
		return -1;
	case FAST_FALLBACK:
		nb_edit_forget_parent();
		r = lyd_new_path2(*root, nb.ctx, xpath, value, value ? strlen(value) : 0,
				  LYD_ANYDATA_STRING, 0, &top, &node);
		if (r == LY_SUCCESS) {
			if (!*root)
				*root = top;
			created(top);
			return 0;
		}
		if (r != LY_EEXIST) {
			set_err(err, errlen, "Invalid value for", xpath);
			return -1;
		}
		node = nb_lookup(*root, xpath);
		break;
	}
	if (!node || !value || !(node->schema->nodetype & LYD_NODE_TERM))
		return 0;	/* an existing inner node: nothing to do */
	return change_value(node, value, err, errlen, xpath);
}

static void edit_destroy(const char *xpath)
{
	struct lyd_node *node;

	nb_edit_forget_parent();
	node = nb_lookup(*nb_edit_root(), xpath);
	if (node)
		unlink_logged(node);
}

int nb_edit(const char *xpath, enum nb_op op, const char *value,
	    char *err, size_t errlen)
{
	if (!nb.txn) {
		snprintf(err, errlen, "%% No configuration transaction open");
		return -1;
	}
	if (!nb_context()) {
		snprintf(err, errlen, "%% No YANG context");
		return -1;
	}
	if (op == NB_OP_DESTROY) {
		edit_destroy(xpath);
		return 0;
	}
	return edit_set(xpath, value, err, errlen);
}
