/*
 * Route maps on the northbound (routemap_nb.c, yang/tarpan-route-map.yang),
 * for routemap_vty.c, and the entry points of routemap.c the callbacks use.
 */
#ifndef TARPAN_ROUTEMAP_NB_H
#define TARPAN_ROUTEMAP_NB_H

#include <stdbool.h>
#include <stddef.h>

#include "northbound.h"
#include "routemap.h"

struct lyd_node;

extern const struct nb_module routemap_nb_module;

#define RMAP_NB_XP "/tarpan-route-map:route-maps/route-map"

/* Data paths of a map / an entry into buf; NULL if the name can't be
 * quoted or the path does not fit. */
const char *route_map_nb_map_xpath(char *buf, size_t len, const char *name);
const char *route_map_nb_entry_xpath(char *buf, size_t len, const char *name,
				     unsigned seq);

/* routemap.c: whether the daemon's registry knows the clause and its
 * argument compiles: 0, RMAP_RULE_MISSING or RMAP_COMPILE_ERROR. */
int route_map_rule_check(bool set, const char *name, const char *arg);
bool route_map_rule_known(bool set, const char *name);

/* An entry as the tree holds it: routemap.c's entry is rebuilt from it. */
struct route_map_rule_spec {
	const char *name, *arg;		/* arg NULL: none */
};

struct route_map_entry_spec {
	const char *description, *call;	/* NULL: none */
	enum route_map_exit exit;
	unsigned nextpref;
	const struct route_map_rule_spec *match, *set;
	size_t nmatch, nset;
};

/* Replace the entry's clauses, exit policy, call and description; the
 * hooks hear of it once. */
void route_map_index_load(struct route_map_index *index,
			  const struct route_map_entry_spec *e);

#endif
