/*
 * Validating only what changed.
 *
 * libyang validates whole trees; on a 100,000-entry configuration that is
 * most of the cost of a one-line change. Values are already checked when an
 * edit creates or changes a node (type, range, pattern, keys; choice cases
 * are settled by the edit), so what is left is mandatory nodes and `must`.
 * When those never look outside the list entry they are in, checking each
 * changed list entry is the same as validating the whole tree. The rule,
 * per module (config nodes), checked when the module is registered:
 *
 *   - no `when`, no leafref or instance-identifier, no `unique`, no
 *     min-elements / max-elements, no choice nested in a case;
 *   - mandatory nodes and `must` only inside a list entry;
 *   - a `must` uses relative paths that climb (`..`) at most to the list
 *     entry it is in (no absolute path, no deref()), and does not depend on
 *     default values (they are not instantiated in running);
 *   - in a list that holds other lists, mandatory nodes are direct leaves
 *     of the entry and there is no `must` outside the nested lists.
 *
 * The check runs on running itself, read-only: for each unit (the nearest
 * list entry at or above a change, see nb_unit_of) its mandatory children
 * must exist and its `must`s hold (libyang's XPath evaluator), recursively
 * through its containers; the entries of lists inside it are skipped unless
 * the unit is new as a whole (a changed nested entry is a unit of its own,
 * and by the rule nothing in the outer entry depends on them). So deleting
 * one entry of a 10,000-entry list checks the list's own leaves only. The
 * messages are libyang's wording.
 *
 * A module that breaks the rule still works: a change to its data is
 * validated by libyang on a copy of the whole tree (and a warning at
 * registration says why).
 */
#include "config.h"

#include <ctype.h>
#include <libyang/libyang.h>
#include <stdio.h>
#include <stdlib.h>
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

bool nb_module_local(const char *name)
{
	struct ly_ctx *ctx = nb_context();
	const struct lys_module *mod = ctx ? ly_ctx_get_module_implemented(ctx, name)
					   : NULL;

	return mod && nb_module_is_local(mod);
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

/* ---- checking a changed entry in place -------------------------------------- */

static int fail_at(const struct lyd_node *n, const struct lysc_node *s,
		   char *err, size_t errlen, const char *fmt, const char *what)
{
	char *path = lyd_path(n, LYD_PATH_STD, NULL, 0);
	char msg[256];

	snprintf(msg, sizeof(msg), fmt, what);
	if (s)
		snprintf(err, errlen, "%% Configuration is invalid: %s (%s/%s)", msg,
			 path ? path : "", s->name);
	else
		snprintf(err, errlen, "%% Configuration is invalid: %s (%s)", msg,
			 path ? path : "");
	free(path);
	return -1;
}

static int check_musts(const struct lyd_node *n, char *err, size_t errlen)
{
	struct lysc_must *musts = lysc_node_musts(n->schema);
	LY_ARRAY_COUNT_TYPE i;

	LY_ARRAY_FOR(musts, i) {
		const char *expr = lyxp_get_expr(musts[i].cond);
		ly_bool ok = 0;

		if (lyd_eval_xpath3(n, n->schema->module, expr, LY_VALUE_SCHEMA_RESOLVED,
				    musts[i].prefixes, NULL, &ok) != LY_SUCCESS) {
			nb_validation_error(err, errlen);
			return -1;
		}
		if (!ok) {
			if (musts[i].emsg)
				return fail_at(n, NULL, err, errlen, "%s", musts[i].emsg);
			return fail_at(n, NULL, err, errlen,
				       "Must condition \"%s\" not satisfied.", expr);
		}
	}
	return 0;
}

static bool case_present(const struct lyd_node *d, const struct lysc_node *cs);

static bool choice_present(const struct lyd_node *d, const struct lysc_node *ch)
{
	const struct lysc_node *cs;

	LY_LIST_FOR(lysc_node_child(ch), cs)
		if (case_present(d, cs))
			return true;
	return false;
}

static bool case_present(const struct lyd_node *d, const struct lysc_node *cs)
{
	const struct lysc_node *s;
	struct lyd_node *m;

	LY_LIST_FOR(lysc_node_child(cs), s) {
		m = NULL;
		if (s->nodetype == LYS_CHOICE) {
			if (choice_present(d, s))
				return true;
		} else if (lyd_find_sibling_val(lyd_child(d), s, NULL, 0, &m) == LY_SUCCESS &&
			   m) {
			return true;
		}
	}
	return false;
}

static int check_data(const struct lyd_node *n, bool deep, char *err, size_t errlen);

/* The children of data node d that schema node `sp` (d's schema, or a
 * choice/case below it) has: mandatory ones present, each one checked.
 * Without `deep`, list entries are skipped (changed ones are units). */
static int check_children(const struct lyd_node *d, const struct lysc_node *sp,
			  bool deep, char *err, size_t errlen)
{
	const struct lysc_node *sc;

	LY_LIST_FOR(lysc_node_child(sp), sc) {
		struct lyd_node *m = NULL;

		if (sc->flags & LYS_CONFIG_R)
			continue;
		if (sc->nodetype == LYS_CHOICE) {
			const struct lysc_node *cs;

			if (!choice_present(d, sc)) {
				if (sc->flags & LYS_MAND_TRUE)
					return fail_at(d, NULL, err, errlen,
						       "Mandatory choice \"%s\" data do not exist.",
						       sc->name);
				continue;
			}
			LY_LIST_FOR(lysc_node_child(sc), cs)
				if (case_present(d, cs) &&
				    check_children(d, cs, deep, err, errlen) < 0)
					return -1;
			continue;
		}
		if (sc->nodetype & (LYS_LIST | LYS_LEAFLIST)) {
			if (sc->nodetype == LYS_LIST && !deep)
				continue;
			LYD_LIST_FOR_INST(lyd_child(d), sc, m)
				if (check_data(m, true, err, errlen) < 0)
					return -1;
			continue;
		}
		if (lyd_find_sibling_val(lyd_child(d), sc, NULL, 0, &m) != LY_SUCCESS || !m) {
			if (sc->flags & LYS_MAND_TRUE)	/* or an NP container holding one */
				return fail_at(d, NULL, err, errlen,
					       "Mandatory node \"%s\" instance does not exist.",
					       sc->name);
			continue;
		}
		if (check_data(m, deep, err, errlen) < 0)
			return -1;
	}
	return 0;
}

static int check_data(const struct lyd_node *n, bool deep, char *err, size_t errlen)
{
	if (check_musts(n, err, errlen) < 0)
		return -1;
	if (!(n->schema->nodetype & LYD_NODE_INNER))
		return 0;
	if (!deep && !has_list_below(n->schema))
		deep = true;
	return check_children(n, n->schema, deep, err, errlen);
}

static int validate_unit(const struct lyd_node *unit, char *err, size_t errlen)
{
	bool deep = (nb_marks(unit) & NB_MARK_NEW) || !has_list_below(unit->schema);

	return check_data(unit, deep, err, errlen);
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
