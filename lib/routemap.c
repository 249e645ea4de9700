/*
 * Route maps: storage, the match/set registry, evaluation and text (see
 * routemap.h).
 *
 * Maps are kept in creation order (Quagga writes and shows them in that
 * order) and in a sorted name index for lookup. A map's entries form a
 * list sorted by preference; a new entry is found by scanning back from
 * the tail, so the usual increasing order costs O(1). Every live entry is
 * also in a pointer set so that a vty holding one in vty->index can tell
 * that another session deleted it.
 *
 * These structures are the compiled form of the northbound tree
 * (routemap_nb.c rebuilds an entry from its node with
 * route_map_index_load); config-write renders from the tree. The typed
 * setters still work on the structures directly (daemons' unit tests).
 *
 * One deliberate difference from Quagga 1.2.4: when a permit entry matched
 * and sent evaluation on (on-match next / continue / goto) and no later
 * entry matches, the route is permitted with the sets applied so far, as
 * on Cisco; Quagga 1.2.4 denied it.
 */
#include <stdio.h>
#include <string.h>

#include "log.h"
#include "memory.h"
#include "policy_util.h"
#include "routemap.h"
#include "routemap_nb.h"
#include "vty.h"

DEFINE_MTYPE_STATIC(ROUTE_MAP, "Route map");
DEFINE_MTYPE_STATIC(ROUTE_MAP_NAME, "Route map name");
DEFINE_MTYPE_STATIC(ROUTE_MAP_INDEX, "Route map index");
DEFINE_MTYPE_STATIC(ROUTE_MAP_RULE, "Route map rule");
DEFINE_MTYPE_STATIC(ROUTE_MAP_RULE_STR, "Route map rule str");
DEFINE_MTYPE_STATIC(ROUTE_MAP_REG, "Route map registry");

struct route_map_rule {
	const struct route_map_rule_cmd *cmd;
	char *rule_str;
	void *value;
	struct route_map_rule *next;
};

struct rule_list {
	struct route_map_rule *head;
};

struct route_map_index {
	struct route_map *map;
	struct route_map_index *prev, *next;
	unsigned pref;
	enum route_map_type type;
	enum route_map_exit exitpolicy;
	unsigned nextpref;
	char *nextrm;
	char *description;
	struct rule_list match_list, set_list;
};

struct route_map {
	char *name;
	struct route_map *prev, *next;		/* creation order */
	struct route_map_index *head, *tail;
};

struct registry {
	const struct route_map_rule_cmd **cmds;
	size_t count;
};

#define MAX_HOOKS 8
static struct {
	struct route_map *head, *tail;
	struct namevec names;
	struct ptrset live;
	struct registry match, set;
	void (*add_hook[MAX_HOOKS])(const char *name);
	void (*del_hook[MAX_HOOKS])(const char *name);
	void (*event_hook[MAX_HOOKS])(enum route_map_event ev, const char *name);
} rm;

static const char *map_name_of(const void *item)
{
	return ((const struct route_map *)item)->name;
}

/* ---- registry and hooks --------------------------------------------------- */

static void registry_add(struct registry *r, const struct route_map_rule_cmd *cmd)
{
	r->cmds = XREALLOC(ROUTE_MAP_REG, r->cmds, (r->count + 1) * sizeof(*r->cmds));
	r->cmds[r->count++] = cmd;
}

static const struct route_map_rule_cmd *registry_find(const struct registry *r,
						      const char *name)
{
	size_t i;

	for (i = 0; i < r->count; i++)
		if (strcmp(r->cmds[i]->str, name) == 0)
			return r->cmds[i];
	return NULL;
}

void route_map_install_match(const struct route_map_rule_cmd *cmd)
{
	registry_add(&rm.match, cmd);
}

void route_map_install_set(const struct route_map_rule_cmd *cmd)
{
	registry_add(&rm.set, cmd);
}

#define HOOK_ADD(arr, func)                                                    \
	do {                                                                   \
		int i_;                                                        \
		for (i_ = 0; i_ < MAX_HOOKS; i_++) {                           \
			if ((arr)[i_] == (func))                               \
				break;                                         \
			if (!(arr)[i_]) {                                      \
				(arr)[i_] = (func);                            \
				break;                                         \
			}                                                      \
		}                                                              \
	} while (0)

void route_map_add_hook(void (*func)(const char *name))
{
	HOOK_ADD(rm.add_hook, func);
}

void route_map_delete_hook(void (*func)(const char *name))
{
	HOOK_ADD(rm.del_hook, func);
}

void route_map_event_hook(void (*func)(enum route_map_event ev, const char *name))
{
	HOOK_ADD(rm.event_hook, func);
}

/* A map changed: the event hooks, then the add hooks. */
static void notify(enum route_map_event ev, const char *name)
{
	int i;

	for (i = 0; i < MAX_HOOKS && rm.event_hook[i]; i++)
		rm.event_hook[i](ev, name);
	for (i = 0; i < MAX_HOOKS && rm.add_hook[i]; i++)
		rm.add_hook[i](name);
}

/* ---- maps and entries ----------------------------------------------------- */

struct route_map *route_map_lookup_by_name(const char *name)
{
	if (!name)
		return NULL;
	return namevec_find(&rm.names, name);
}

const char *route_map_name(const struct route_map *map)
{
	return map->name;
}

static struct route_map *map_get(const char *name)
{
	struct route_map *map = route_map_lookup_by_name(name);

	if (map)
		return map;
	rm.names.name_of = map_name_of;
	map = XCALLOC(ROUTE_MAP, sizeof(*map));
	map->name = XSTRDUP(ROUTE_MAP_NAME, name);
	map->prev = rm.tail;
	if (rm.tail)
		rm.tail->next = map;
	else
		rm.head = map;
	rm.tail = map;
	namevec_insert(&rm.names, map);
	return map;
}

static void rule_free(struct route_map_rule *r)
{
	if (r->cmd->func_free && r->value)
		r->cmd->func_free(r->value);
	if (r->rule_str)
		XFREE(ROUTE_MAP_RULE_STR, r->rule_str);
	XFREE(ROUTE_MAP_RULE, r);
}

static void rules_free(struct rule_list *l)
{
	struct route_map_rule *r, *nx;

	for (r = l->head; r; r = nx) {
		nx = r->next;
		rule_free(r);
	}
	l->head = NULL;
}

/* Unlink and free an entry without notifying anyone. */
static void index_free(struct route_map_index *index)
{
	struct route_map *map = index->map;

	if (index->prev)
		index->prev->next = index->next;
	else
		map->head = index->next;
	if (index->next)
		index->next->prev = index->prev;
	else
		map->tail = index->prev;
	ptrset_del(&rm.live, index);
	rules_free(&index->match_list);
	rules_free(&index->set_list);
	if (index->nextrm)
		XFREE(ROUTE_MAP_NAME, index->nextrm);
	if (index->description)
		XFREE(ROUTE_MAP_NAME, index->description);
	XFREE(ROUTE_MAP_INDEX, index);
}

static void map_free(struct route_map *map)
{
	while (map->head)
		index_free(map->head);
	if (map->prev)
		map->prev->next = map->next;
	else
		rm.head = map->next;
	if (map->next)
		map->next->prev = map->prev;
	else
		rm.tail = map->prev;
	namevec_remove(&rm.names, map);
	XFREE(ROUTE_MAP_NAME, map->name);
	XFREE(ROUTE_MAP, map);
}

static void map_delete(struct route_map *map)
{
	char *name = XSTRDUP(ROUTE_MAP_NAME, map->name);
	int i;

	map_free(map);
	for (i = 0; i < MAX_HOOKS && rm.del_hook[i]; i++)
		rm.del_hook[i](name);
	XFREE(ROUTE_MAP_NAME, name);
}

void route_map_delete_name(const char *name)
{
	struct route_map *map = route_map_lookup_by_name(name);

	if (map)
		map_delete(map);
}

static struct route_map_index *find_pref(const struct route_map *map,
					 unsigned pref)
{
	struct route_map_index *index;

	for (index = map->tail; index && index->pref > pref; index = index->prev)
		;
	return index && index->pref == pref ? index : NULL;
}

struct route_map_index *route_map_index_lookup(const char *name,
					       enum route_map_type type,
					       unsigned pref)
{
	struct route_map *map = route_map_lookup_by_name(name);
	struct route_map_index *index = map ? find_pref(map, pref) : NULL;

	if (index && type != RMAP_ANY && index->type != type)
		return NULL;
	return index;
}

struct route_map_index *route_map_index_get(const char *name,
					    enum route_map_type type,
					    unsigned pref)
{
	struct route_map *map = map_get(name);
	struct route_map_index *index = find_pref(map, pref), *after;

	if (index && index->type == type)
		return index;
	if (index)	/* same preference, other type: replaced */
		index_free(index);
	index = XCALLOC(ROUTE_MAP_INDEX, sizeof(*index));
	index->map = map;
	index->type = type;
	index->pref = pref;
	index->exitpolicy = RMAP_EXIT;
	for (after = map->tail; after && after->pref > pref; after = after->prev)
		;
	index->prev = after;
	index->next = after ? after->next : map->head;
	if (index->next)
		index->next->prev = index;
	else
		map->tail = index;
	if (after)
		after->next = index;
	else
		map->head = index;
	ptrset_add(&rm.live, index);
	notify(RMAP_EVENT_INDEX_ADDED, map->name);
	return index;
}

bool route_map_index_valid(const struct route_map_index *index)
{
	return ptrset_has(&rm.live, index);
}

unsigned route_map_index_pref(const struct route_map_index *index)
{
	return index->pref;
}

void route_map_index_delete(struct route_map_index *index)
{
	struct route_map *map = index->map;

	index_free(index);
	if (!map->head) {
		map_delete(map);
		return;
	}
	notify(RMAP_EVENT_INDEX_DELETED, map->name);
}

/* ---- clauses -------------------------------------------------------------- */

static int rule_add(struct route_map_index *index, struct rule_list *list,
		    const struct registry *reg, const char *name,
		    const char *arg, bool *replaced)
{
	const struct route_map_rule_cmd *cmd = registry_find(reg, name);
	struct route_map_rule *r, **pp;
	void *value = NULL;

	if (!cmd)
		return RMAP_RULE_MISSING;
	if (cmd->func_compile) {
		value = cmd->func_compile(arg);
		if (!value)
			return RMAP_COMPILE_ERROR;
	}
	*replaced = false;
	for (pp = &list->head; *pp;) {
		if ((*pp)->cmd == cmd) {
			r = *pp;
			*pp = r->next;
			rule_free(r);
			*replaced = true;
		} else {
			pp = &(*pp)->next;
		}
	}
	r = XCALLOC(ROUTE_MAP_RULE, sizeof(*r));
	r->cmd = cmd;
	r->value = value;
	r->rule_str = arg ? XSTRDUP(ROUTE_MAP_RULE_STR, arg) : NULL;
	*pp = r;
	(void)index;
	return 0;
}

static int rule_delete(struct rule_list *list, const struct registry *reg,
		       const char *name, const char *arg)
{
	const struct route_map_rule_cmd *cmd = registry_find(reg, name);
	struct route_map_rule **pp, *r;

	if (!cmd)
		return RMAP_RULE_MISSING;
	for (pp = &list->head; *pp; pp = &(*pp)->next) {
		r = *pp;
		if (r->cmd != cmd)
			continue;
		if (arg && !(r->rule_str && strcmp(r->rule_str, arg) == 0))
			continue;
		*pp = r->next;
		rule_free(r);
		return 0;
	}
	return RMAP_RULE_MISSING;
}

int route_map_add_match(struct route_map_index *index, const char *name,
			const char *arg)
{
	bool replaced;
	int ret = rule_add(index, &index->match_list, &rm.match, name, arg,
			   &replaced);

	if (!ret)
		notify(replaced ? RMAP_EVENT_MATCH_REPLACED : RMAP_EVENT_MATCH_ADDED,
		       index->map->name);
	return ret;
}

int route_map_delete_match(struct route_map_index *index, const char *name,
			   const char *arg)
{
	int ret = rule_delete(&index->match_list, &rm.match, name, arg);

	if (!ret)
		notify(RMAP_EVENT_MATCH_DELETED, index->map->name);
	return ret;
}

int route_map_add_set(struct route_map_index *index, const char *name,
		      const char *arg)
{
	bool replaced;
	int ret = rule_add(index, &index->set_list, &rm.set, name, arg, &replaced);

	if (!ret)
		notify(replaced ? RMAP_EVENT_SET_REPLACED : RMAP_EVENT_SET_ADDED,
		       index->map->name);
	return ret;
}

int route_map_delete_set(struct route_map_index *index, const char *name,
			 const char *arg)
{
	int ret = rule_delete(&index->set_list, &rm.set, name, arg);

	if (!ret)
		notify(RMAP_EVENT_SET_DELETED, index->map->name);
	return ret;
}

void route_map_exit_set(struct route_map_index *index, enum route_map_exit e,
			unsigned nextpref)
{
	index->exitpolicy = e;
	index->nextpref = e == RMAP_GOTO ? nextpref : 0;
	notify(RMAP_EVENT_INDEX_ADDED, index->map->name);
}

void route_map_call_set(struct route_map_index *index, const char *name)
{
	if (index->nextrm)
		XFREE(ROUTE_MAP_NAME, index->nextrm);
	if (name)
		index->nextrm = XSTRDUP(ROUTE_MAP_NAME, name);
	notify(RMAP_EVENT_INDEX_ADDED, index->map->name);
}

void route_map_description_set(struct route_map_index *index, const char *desc)
{
	if (index->description)
		XFREE(ROUTE_MAP_NAME, index->description);
	if (desc)
		index->description = XSTRDUP(ROUTE_MAP_NAME, desc);
}

/* ---- the northbound's entry points (routemap_nb.h) ----------------------- */

bool route_map_rule_known(bool set, const char *name)
{
	return registry_find(set ? &rm.set : &rm.match, name) != NULL;
}

int route_map_rule_check(bool set, const char *name, const char *arg)
{
	const struct route_map_rule_cmd *cmd =
		registry_find(set ? &rm.set : &rm.match, name);
	void *value;

	if (!cmd)
		return RMAP_RULE_MISSING;
	if (!cmd->func_compile)
		return 0;
	value = cmd->func_compile(arg);
	if (!value)
		return RMAP_COMPILE_ERROR;
	if (cmd->func_free)
		cmd->func_free(value);
	return 0;
}

/* Compile a list of clauses; one that no longer compiles is logged. */
static void rules_load(struct route_map_index *index, struct rule_list *list,
		       const struct registry *reg,
		       const struct route_map_rule_spec *v, size_t n)
{
	bool replaced;
	size_t i;

	for (i = 0; i < n; i++)
		if (rule_add(index, list, reg, v[i].name, v[i].arg, &replaced))
			zlog_err("route-map %s %u: can't compile %s %s",
				 index->map->name, index->pref, v[i].name,
				 v[i].arg ? v[i].arg : "");
}

void route_map_index_load(struct route_map_index *index,
			  const struct route_map_entry_spec *e)
{
	rules_free(&index->match_list);
	rules_free(&index->set_list);
	rules_load(index, &index->match_list, &rm.match, e->match, e->nmatch);
	rules_load(index, &index->set_list, &rm.set, e->set, e->nset);
	index->exitpolicy = e->exit;
	index->nextpref = e->exit == RMAP_GOTO ? e->nextpref : 0;
	if (index->nextrm)
		XFREE(ROUTE_MAP_NAME, index->nextrm);
	if (e->call)
		index->nextrm = XSTRDUP(ROUTE_MAP_NAME, e->call);
	if (index->description)
		XFREE(ROUTE_MAP_NAME, index->description);
	if (e->description)
		index->description = XSTRDUP(ROUTE_MAP_NAME, e->description);
	notify(RMAP_EVENT_INDEX_ADDED, index->map->name);
}

void route_map_reset(void)
{
	while (rm.head)
		map_free(rm.head);
	namevec_free(&rm.names);
	ptrset_free(&rm.live);
}

/* ---- evaluation ----------------------------------------------------------- */

static route_map_result_t match_all(const struct route_map_index *index,
				    const struct prefix *p, void *object)
{
	const struct route_map_rule *r;

	for (r = index->match_list.head; r; r = r->next) {
		route_map_result_t ret = r->cmd->func_apply(r->value, p, object);

		if (ret != RMAP_MATCH)
			return ret;
	}
	return RMAP_MATCH;
}

static route_map_result_t apply_depth(struct route_map *map,
				      const struct prefix *p, void *object,
				      int depth)
{
	const struct route_map_index *index;
	const struct route_map_rule *r;
	bool permitted = false;

	if (depth > RMAP_RECURSION_LIMIT) {
		zlog_warn("route-map recursion limit (%d) reached, discarding route",
			  RMAP_RECURSION_LIMIT);
		return RMAP_DENYMATCH;
	}
	if (!map)
		return RMAP_DENYMATCH;
	for (index = map->head; index; index = index->next) {
		if (match_all(index, p, object) != RMAP_MATCH)
			continue;
		if (index->type == RMAP_DENY)
			return RMAP_DENYMATCH;
		for (r = index->set_list.head; r; r = r->next)
			r->cmd->func_apply(r->value, p, object);
		if (index->nextrm) {
			struct route_map *called = route_map_lookup_by_name(index->nextrm);

			if (called && apply_depth(called, p, object, depth + 1) ==
					      RMAP_DENYMATCH)
				return RMAP_DENYMATCH;
		}
		permitted = true;
		if (index->exitpolicy == RMAP_EXIT)
			return RMAP_MATCH;
		if (index->exitpolicy == RMAP_GOTO) {
			while (index->next && index->next->pref < index->nextpref)
				index = index->next;
		}
	}
	return permitted ? RMAP_MATCH : RMAP_DENYMATCH;
}

route_map_result_t route_map_apply(struct route_map *map,
				   const struct prefix *p, void *object)
{
	return apply_depth(map, p, object, 0);
}

/* ---- text ----------------------------------------------------------------- */

static const char *type_str(enum route_map_type t)
{
	return t == RMAP_PERMIT ? "permit" : t == RMAP_DENY ? "deny" : "";
}

static void show_map(struct vty *vty, const struct route_map *map)
{
	const struct route_map_index *index;
	const struct route_map_rule *r;

	vty_out(vty, "%s:\n", zlog_protoname());
	for (index = map->head; index; index = index->next) {
		vty_out(vty, "route-map %s, %s, sequence %u\n", map->name,
			type_str(index->type), index->pref);
		if (index->description)
			vty_out(vty, "  Description:\n    %s\n", index->description);
		vty_out(vty, "  Match clauses:\n");
		for (r = index->match_list.head; r; r = r->next)
			vty_out(vty, "    %s %s\n", r->cmd->str,
				r->rule_str ? r->rule_str : "");
		vty_out(vty, "  Set clauses:\n");
		for (r = index->set_list.head; r; r = r->next)
			vty_out(vty, "    %s %s\n", r->cmd->str,
				r->rule_str ? r->rule_str : "");
		vty_out(vty, "  Call clause:\n");
		if (index->nextrm)
			vty_out(vty, "    Call %s\n", index->nextrm);
		vty_out(vty, "  Action:\n");
		if (index->exitpolicy == RMAP_GOTO)
			vty_out(vty, "    Goto %u\n", index->nextpref);
		else if (index->exitpolicy == RMAP_NEXT)
			vty_out(vty, "    Continue to next entry\n");
		else
			vty_out(vty, "    Exit routemap\n");
	}
}

int route_map_show(struct vty *vty, const char *name)
{
	const struct route_map *map;

	if (name) {
		map = route_map_lookup_by_name(name);
		if (!map) {
			vty_out(vty, "%%route-map %s not found\n", name);
			return 1;
		}
		show_map(vty, map);
		return 0;
	}
	for (map = rm.head; map; map = map->next)
		show_map(vty, map);
	return 0;
}
