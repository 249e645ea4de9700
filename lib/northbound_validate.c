/*
 * Validating only what changed.
 *
 * libyang validates whole trees; on a 100,000-entry configuration that is
 * most of the cost of a one-line change. Values are already checked when an
 * edit creates or changes a node (type, range, pattern, keys); what is left
 * is mandatory nodes, choices and `must`. When those never look outside the
 * list entry they are in, validating a copy of each changed list entry
 * (with its parents) is the same as validating the whole tree. The rule, per
 * module (config nodes), checked when the module is registered:
 *
 *   - no `when`, no leafref or instance-identifier, no `unique`, no
 *     min-elements / max-elements, no choice nested in a case;
 *   - mandatory nodes and `must` only inside a list entry;
 *   - a `must` uses relative paths that climb (`..`) at most to the list
 *     entry it is in (no absolute path, no deref());
 *   - in a list that holds other lists, mandatory nodes are direct leaves
 *     of the entry (they are copied along with a nested entry) and there is
 *     no `must` outside the nested lists.
 *
 * A module that breaks the rule still works: a change to its data is
 * validated on a copy of the whole tree (and a warning says why, once).
 */
#include "config.h"

#include <ctype.h>
#include <libyang/libyang.h>
#include <stdio.h>
#include <string.h>

#include "log.h"
#include "northbound_private.h"

#define NONLOCAL_MAX 32

static const struct lys_module *nonlocal[NONLOCAL_MAX];
static size_t nnonlocal;

void nb_local_reset(void)
{
	nnonlocal = 0;
}

bool nb_module_is_local(const struct lys_module *mod)
{
	size_t i;

	for (i = 0; i < nnonlocal; i++)
		if (nonlocal[i] == mod)
			return false;
	return true;
}

static bool has_list_below(const struct lysc_node *n)
{
	const struct lysc_node *c;

	LY_LIST_FOR(lysc_node_child(n), c) {
		if (c->nodetype == LYS_LIST || has_list_below(c))
			return true;
	}
	return false;
}

static bool type_refers(const struct lysc_type *t)
{
	LY_ARRAY_COUNT_TYPE i;

	if (t->basetype == LY_TYPE_LEAFREF || t->basetype == LY_TYPE_INST)
		return true;
	if (t->basetype == LY_TYPE_UNION) {
		const struct lysc_type_union *u = (const struct lysc_type_union *)t;

		LY_ARRAY_FOR(u->types, i)
			if (type_refers(u->types[i]))
				return true;
	}
	return false;
}

/*
 * Whether a must expression stays within `depth` data levels above its
 * context node: no absolute location path, no deref(), and no run of ".."
 * steps longer than depth. String literals are skipped.
 */
static bool expr_local(const char *e, unsigned depth)
{
	char prev = 0, quote = 0;
	unsigned up = 0;
	size_t i;

	if (strstr(e, "deref("))
		return false;
	for (i = 0; e[i]; i++) {
		char ch = e[i];

		if (quote) {
			if (ch == quote)
				quote = 0;
			continue;
		}
		if (ch == '\'' || ch == '"') {
			quote = ch;
			prev = ch;
			continue;
		}
		if (ch == '.' && e[i + 1] == '.') {
			if (++up > depth)
				return false;
			i++;
			prev = '.';
			continue;
		}
		if (ch == '/') {
			if (!(isalnum((unsigned char)prev) || prev == '_' || prev == '-' ||
			      prev == '.' || prev == ']' || prev == ')' || prev == '*'))
				return false;	/* an absolute path */
			prev = ch;
			continue;
		}
		if (!isspace((unsigned char)ch)) {
			if (ch != '.')
				up = 0;	/* a name: the climb is over */
			prev = ch;
		}
	}
	return true;
}

struct walk {
	const struct lys_module *mod;
	const char *why;
};

static void check_node(struct walk *w, const struct lysc_node *n,
		       const struct lysc_node *list, unsigned depth)
{
	const struct lysc_node *c;
	struct lysc_must *musts;
	LY_ARRAY_COUNT_TYPE i;
	bool nested = list && has_list_below(list);

	if (w->why || (n->flags & LYS_CONFIG_R))
		return;
	if (lysc_node_when(n))
		w->why = "a 'when' condition";
	else if ((n->nodetype & LYD_NODE_TERM) &&
		 type_refers(((const struct lysc_node_leaf *)n)->type))
		w->why = "a leafref or instance-identifier";
	else if (n->nodetype == LYS_LIST &&
		 (((const struct lysc_node_list *)n)->uniques ||
		  ((const struct lysc_node_list *)n)->min ||
		  ((const struct lysc_node_list *)n)->max != UINT32_MAX))
		w->why = "unique or min/max-elements";
	else if (n->nodetype == LYS_LEAFLIST &&
		 (((const struct lysc_node_leaflist *)n)->min ||
		  ((const struct lysc_node_leaflist *)n)->max != UINT32_MAX))
		w->why = "min/max-elements";
	else if (n->nodetype == LYS_CHOICE && n->parent &&
		 n->parent->nodetype == LYS_CASE)
		w->why = "a choice inside a case";
	else if ((n->flags & LYS_MAND_TRUE) && n->nodetype != LYS_CONTAINER) {
		if (!list)
			w->why = "a mandatory node outside list entries";
		else if (nested && (depth > 1 || !(n->nodetype & (LYS_LEAF | LYS_CHOICE))))
			w->why = "a mandatory node deep in a list holding lists";
	}
	if (w->why)
		return;
	musts = lysc_node_musts(n);
	LY_ARRAY_FOR(musts, i) {
		if (!list || (nested && n->nodetype != LYS_LIST && depth > 0) ||
		    !expr_local(lyxp_get_expr(musts[i].cond), depth)) {
			w->why = "a 'must' that looks outside its list entry";
			return;
		}
	}
	if (n->nodetype == LYS_LIST) {
		list = n;
		depth = 0;
	}
	LY_LIST_FOR(lysc_node_child(n), c) {
		bool data = !(c->nodetype & (LYS_CHOICE | LYS_CASE));

		check_node(w, c, list, data ? depth + 1 : depth);
	}
}

void nb_module_check_local(const struct lys_module *mod)
{
	struct walk w = { mod, NULL };
	const struct lysc_node *n;

	if (!mod || !mod->compiled || !nb_module_is_local(mod))
		return;
	LY_LIST_FOR(mod->compiled->data, n)
		check_node(&w, n, NULL, 0);
	if (!w.why)
		return;
	zlog_warn("northbound: module %s has %s: every change to it validates "
		  "the whole configuration", mod->name, w.why);
	if (nnonlocal < NONLOCAL_MAX)
		nonlocal[nnonlocal++] = mod;
}

const struct lyd_node *nb_unit_of(const struct lyd_node *n)
{
	const struct lyd_node *x;

	for (x = n; x; x = lyd_parent(x))
		if (x->schema && x->schema->nodetype == LYS_LIST)
			return x;
	return n;
}

/* The non-key leaves of list entry `orig`, copied into its copy `dup`
 * (mandatory leaves of an entry that holds the changed nested entry). */
static void copy_leaves(const struct lyd_node *orig, struct lyd_node *dup,
			const struct lysc_node *s)
{
	const struct lysc_node *c;

	LY_LIST_FOR(lysc_node_child(s), c) {
		struct lyd_node *m = NULL;

		if (c->nodetype & (LYS_CHOICE | LYS_CASE)) {
			copy_leaves(orig, dup, c);
			continue;
		}
		if (c->nodetype != LYS_LEAF || lysc_is_key(c))
			continue;
		if (lyd_find_sibling_val(lyd_child(orig), c, NULL, 0, &m) == LY_SUCCESS && m)
			lyd_dup_single(m, (struct lyd_node_inner *)dup, 0, NULL);
	}
}

static int validate_unit(const struct lyd_node *unit, char *err, size_t errlen)
{
	struct lyd_node *dup = NULL, *root, *d;
	const struct lyd_node *o;
	LY_ERR r;

	if (lyd_dup_single(unit, NULL, LYD_DUP_RECURSIVE | LYD_DUP_WITH_PARENTS,
			   &dup) != LY_SUCCESS) {
		nb_validation_error(err, errlen);
		return -1;
	}
	for (o = lyd_parent(unit), d = lyd_parent(dup); o && d;
	     o = lyd_parent(o), d = lyd_parent(d))
		if (o->schema->nodetype == LYS_LIST)
			copy_leaves(o, d, o->schema);
	for (root = dup; lyd_parent(root); root = lyd_parent(root))
		;
	r = lyd_validate_all(&root, NULL, LYD_VALIDATE_NO_STATE | LYD_VALIDATE_PRESENT,
			     NULL);
	if (r != LY_SUCCESS)
		nb_validation_error(err, errlen);
	lyd_free_all(root);
	return r == LY_SUCCESS ? 0 : -1;
}

int nb_validate_units(const struct lyd_node *const *units, size_t n, char *err,
		      size_t errlen)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!nb_attached(units[i]))
			continue;
		if (validate_unit(units[i], err, errlen) < 0)
			return -1;
	}
	return 0;
}
