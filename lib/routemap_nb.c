/*
 * Route maps on the northbound (yang/tarpan-route-map.yang): the callbacks
 * that compile tree changes into routemap.c's structures, the check of an
 * entry against the daemon's match/set registry, and the RMAP_NODE
 * config-write block rendered from the tree.
 *
 * Tree layout: route-maps/route-map[name]/entry[seq]/{action, description,
 * call, on-match-next | on-match-goto, match[name]/argument,
 * set[name]/argument}. Any change inside an entry runs the entry's
 * apply_finish once, which rebuilds the compiled entry from the entry's
 * node: O(size of the entry), whatever the size of the map. Maps are kept
 * (and written) in the order they were created, entries by sequence
 * number, clauses in the order they were added.
 */
#include "config.h"

#include <libyang/libyang.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "memory.h"
#include "routemap_nb.h"
#include "vty.h"

DEFINE_MTYPE_STATIC(ROUTE_MAP_NB, "Route map northbound");

const char *route_map_nb_map_xpath(char *buf, size_t len, const char *name)
{
	char q[NB_XPATH_MAX];
	int n;

	if (!nb_quote(q, sizeof(q), name))
		return NULL;
	n = snprintf(buf, len, RMAP_NB_XP "[name=%s]", q);
	return n < 0 || (size_t)n >= len ? NULL : buf;
}

const char *route_map_nb_entry_xpath(char *buf, size_t len, const char *name,
				     unsigned seq)
{
	char q[NB_XPATH_MAX];
	int n;

	if (!nb_quote(q, sizeof(q), name))
		return NULL;
	n = snprintf(buf, len, RMAP_NB_XP "[name=%s]/entry[seq='%u']", q, seq);
	return n < 0 || (size_t)n >= len ? NULL : buf;
}

static const char *map_name(const struct lyd_node *map)
{
	return nb_child_value(map, "name");
}

static enum route_map_type entry_type(const struct lyd_node *entry)
{
	const char *a = nb_child_value(entry, "action");

	return a && strcmp(a, "deny") == 0 ? RMAP_DENY : RMAP_PERMIT;
}

/* The clauses of one kind ("match" / "set") in tree order; *out is
 * XFREE'd by the caller. */
static size_t clauses(const struct lyd_node *entry, const char *kind,
		      struct route_map_rule_spec **out)
{
	const struct lyd_node *c;
	size_t n = 0;

	*out = NULL;
	for (c = lyd_child(entry); c; c = c->next)
		if (strcmp(nb_name(c), kind) == 0)
			n++;
	if (!n)
		return 0;
	*out = XCALLOC(ROUTE_MAP_NB, n * sizeof(**out));
	n = 0;
	for (c = lyd_child(entry); c; c = c->next) {
		if (strcmp(nb_name(c), kind) != 0)
			continue;
		(*out)[n].name = nb_child_value(c, "name");
		(*out)[n].arg = nb_child_value(c, "argument");
		n++;
	}
	return n;
}

/* ---- callbacks ------------------------------------------------------------ */

static int map_destroy(const struct lyd_node *dnode)
{
	route_map_delete_name(map_name(dnode));
	return 0;
}

static int entry_destroy(const struct lyd_node *dnode)
{
	struct route_map_index *index;
	uint32_t seq;

	if (!nb_child_u32(dnode, "seq", &seq))
		return -1;
	index = route_map_index_lookup(map_name(lyd_parent(dnode)), RMAP_ANY, seq);
	if (index)
		route_map_index_delete(index);
	return 0;
}

static void entry_finish(const struct lyd_node *dnode)
{
	struct route_map_entry_spec e = { 0 };
	struct route_map_rule_spec *m, *s;
	struct route_map_index *index;
	uint32_t seq, go;

	if (!nb_child_u32(dnode, "seq", &seq))
		return;
	index = route_map_index_get(map_name(lyd_parent(dnode)), entry_type(dnode),
				    seq);
	e.description = nb_child_value(dnode, "description");
	e.call = nb_child_value(dnode, "call");
	e.exit = RMAP_EXIT;
	if (nb_child(dnode, "on-match-next")) {
		e.exit = RMAP_NEXT;
	} else if (nb_child_u32(dnode, "on-match-goto", &go)) {
		e.exit = RMAP_GOTO;
		e.nextpref = go;
	}
	e.nmatch = clauses(dnode, "match", &m);
	e.nset = clauses(dnode, "set", &s);
	e.match = m;
	e.set = s;
	route_map_index_load(index, &e);
	if (m)
		XFREE(ROUTE_MAP_NB, m);
	if (s)
		XFREE(ROUTE_MAP_NB, s);
}

static int clause_error(int ret, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s", ret == RMAP_COMPILE_ERROR
			      ? "% Argument is malformed."
			      : "% Can't find rule.");
	return -1;
}

static int entry_validate(const struct lyd_node *dnode, char *err, size_t errlen)
{
	const struct lyd_node *c;
	uint32_t seq, go;
	int ret;

	if (nb_child_u32(dnode, "seq", &seq) &&
	    nb_child_u32(dnode, "on-match-goto", &go) && go <= seq) {
		snprintf(err, errlen, "can't jump backwards in route-maps");
		return -1;
	}
	for (c = lyd_child(dnode); c; c = c->next) {
		bool set = strcmp(nb_name(c), "set") == 0;

		if (!set && strcmp(nb_name(c), "match") != 0)
			continue;
		ret = route_map_rule_check(set, nb_child_value(c, "name"),
					   nb_child_value(c, "argument"));
		if (ret)
			return clause_error(ret, err, errlen);
	}
	return 0;
}

/* ---- rendering ------------------------------------------------------------ */

static void write_clauses(struct vty *vty, const struct lyd_node *entry,
			  const char *kind)
{
	const struct lyd_node *c;
	const char *arg;

	for (c = lyd_child(entry); c; c = c->next) {
		if (strcmp(nb_name(c), kind) != 0)
			continue;
		arg = nb_child_value(c, "argument");
		vty_out(vty, " %s %s %s\n", kind, nb_child_value(c, "name"),
			arg ? arg : "");
	}
}

static void write_entry(struct vty *vty, const char *name,
			const struct lyd_node *e)
{
	const char *desc = nb_child_value(e, "description");
	const char *call = nb_child_value(e, "call");
	const char *go = nb_child_value(e, "on-match-goto");

	vty_out(vty, "route-map %s %s %s\n", name, nb_child_value(e, "action"),
		nb_child_value(e, "seq"));
	if (desc)
		vty_out(vty, " description %s\n", desc);
	write_clauses(vty, e, "match");
	write_clauses(vty, e, "set");
	if (call)
		vty_out(vty, " call %s\n", call);
	if (go)
		vty_out(vty, " on-match goto %s\n", go);
	if (nb_child(e, "on-match-next"))
		vty_out(vty, " on-match next\n");
}

/* Quagga's block: every entry, "!" between entries; the caller adds the
 * last "!" when something was written. */
int route_map_config_write(struct vty *vty)
{
	const struct lyd_node *top = nb_find_running("/tarpan-route-map:route-maps");
	const struct lyd_node *map, **v;
	size_t n, i;
	int lines = 0;

	for (map = top ? lyd_child(top) : NULL; map; map = map->next) {
		n = nb_children_sorted(map, "entry", nb_cmp_u32_key, &v);
		for (i = 0; i < n; i++) {
			if (lines)
				vty_out(vty, "!\n");
			write_entry(vty, map_name(map), v[i]);
			lines++;
		}
		nb_nodes_free(v);
	}
	return lines;
}

static const struct nb_node_cbs routemap_cbs[] = {
	{ .xpath = RMAP_NB_XP, .destroy = map_destroy },
	{ .xpath = RMAP_NB_XP "/entry", .destroy = entry_destroy,
	  .apply_finish = entry_finish, .validate = entry_validate },
	{ .xpath = NULL },
};

const struct nb_module routemap_nb_module = {
	.name = "tarpan-route-map",
	.nodes = routemap_cbs,
};
