/*
 * Route maps (Quagga's lib/routemap): `route-map WORD (deny|permit) N`
 * entries with match and set clauses, `on-match next|goto`, `continue`,
 * `call` and `description`.
 *
 * The library knows no match or set clause itself: each daemon registers
 * the clauses it understands (route_map_install_match/set) with compile,
 * apply and free callbacks, and installs the matching commands, which call
 * route_map_vty_match_add() and friends.
 *
 * Evaluation (route_map_apply): entries in sequence order; an entry
 * matches when all its match clauses do. A matching deny entry denies. A
 * matching permit entry runs its set clauses, then its `call`ed map (a
 * deny there denies), then its exit policy: exit (permit), next entry
 * (on-match next / continue) or the first entry at or after the goto
 * target. Falling off the end denies unless a permit entry already matched
 * on the way (Cisco's continue semantics; see routemap.c).
 */
#ifndef TARPAN_ROUTEMAP_H
#define TARPAN_ROUTEMAP_H

#include <stdbool.h>
#include <stdint.h>

#include "prefix.h"

struct vty;
struct route_map;
struct route_map_index;

typedef enum {
	RMAP_MATCH,
	RMAP_DENYMATCH,
	RMAP_NOMATCH,
	RMAP_ERROR,
	RMAP_OKAY,
} route_map_result_t;

enum route_map_type {
	RMAP_PERMIT,
	RMAP_DENY,
	RMAP_ANY,
};

enum route_map_exit {
	RMAP_EXIT,
	RMAP_GOTO,
	RMAP_NEXT,
};

/* Errors of route_map_add_match/set and the delete functions. */
enum {
	RMAP_RULE_MISSING = 1,
	RMAP_COMPILE_ERROR = 2,
};

/* Nesting limit of `call`. */
#define RMAP_RECURSION_LIMIT 10

struct route_map_rule_cmd {
	const char *str;	/* "metric", "ip address prefix-list", ... */
	/* RMAP_MATCH / RMAP_NOMATCH for match clauses; set clauses change
	 * `object` and return RMAP_OKAY. */
	route_map_result_t (*func_apply)(void *rule, const struct prefix *p,
					 void *object);
	/* Argument string to compiled rule; NULL = malformed. Optional. */
	void *(*func_compile)(const char *arg);
	void (*func_free)(void *rule);
};

/* Events for route_map_event_hook(). */
enum route_map_event {
	RMAP_EVENT_SET_ADDED,
	RMAP_EVENT_SET_DELETED,
	RMAP_EVENT_SET_REPLACED,
	RMAP_EVENT_MATCH_ADDED,
	RMAP_EVENT_MATCH_DELETED,
	RMAP_EVENT_MATCH_REPLACED,
	RMAP_EVENT_INDEX_ADDED,
	RMAP_EVENT_INDEX_DELETED,
};

/* Installs RMAP_NODE and the route-map commands. */
void route_map_init(void);
void route_map_reset(void);

void route_map_install_match(const struct route_map_rule_cmd *cmd);
void route_map_install_set(const struct route_map_rule_cmd *cmd);

/* Called with the map's name. Several callbacks may be registered. */
void route_map_add_hook(void (*func)(const char *name));
void route_map_delete_hook(void (*func)(const char *name));
void route_map_event_hook(void (*func)(enum route_map_event ev, const char *name));

struct route_map *route_map_lookup_by_name(const char *name);
const char *route_map_name(const struct route_map *map);
route_map_result_t route_map_apply(struct route_map *map,
				   const struct prefix *p, void *object);

/* ---- typed setters (commands, tests) ------------------------------------ */
struct route_map_index *route_map_index_get(const char *name,
					    enum route_map_type type,
					    unsigned pref);
struct route_map_index *route_map_index_lookup(const char *name,
					       enum route_map_type type,
					       unsigned pref);
void route_map_index_delete(struct route_map_index *index);
void route_map_delete_name(const char *name);
/* False when `index` was deleted since it was obtained (by another vty). */
bool route_map_index_valid(const struct route_map_index *index);
unsigned route_map_index_pref(const struct route_map_index *index);
int route_map_add_match(struct route_map_index *index, const char *name,
			const char *arg);
int route_map_delete_match(struct route_map_index *index, const char *name,
			   const char *arg);
int route_map_add_set(struct route_map_index *index, const char *name,
		      const char *arg);
int route_map_delete_set(struct route_map_index *index, const char *name,
			 const char *arg);
void route_map_exit_set(struct route_map_index *index, enum route_map_exit e,
			unsigned nextpref);
void route_map_call_set(struct route_map_index *index, const char *name);
void route_map_description_set(struct route_map_index *index, const char *desc);

/*
 * For the daemons' match/set commands in RMAP_NODE: apply to vty->index
 * and print Quagga's messages ("% Can't find rule.", "% Argument is
 * malformed."). Return CMD_SUCCESS or CMD_WARNING.
 */
int route_map_vty_match_add(struct vty *vty, const char *name, const char *arg);
int route_map_vty_match_delete(struct vty *vty, const char *name, const char *arg);
int route_map_vty_set_add(struct vty *vty, const char *name, const char *arg);
int route_map_vty_set_delete(struct vty *vty, const char *name, const char *arg);

/* Text (routemap.c), used by routemap_vty.c. */
int route_map_config_write(struct vty *vty);
int route_map_show(struct vty *vty, const char *name);

#endif
