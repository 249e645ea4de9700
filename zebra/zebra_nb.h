/*
 * zebra's configuration on the northbound tree (yang/tarpan-zebra.yang):
 * the static routes and the router-id. The static table (static_route.h) is the compiled
 * form of /tarpan-zebra:zebra/ip-route and ipv6-route; the vty edits the
 * tree and the callbacks of zebra_nb.c bring the table along, one entry at
 * a time. zebra_nb_show.c renders the tree in Quagga's syntax and order.
 */
#ifndef ZEBRA_ZEBRA_NB_H
#define ZEBRA_ZEBRA_NB_H

#include <stddef.h>

#include "northbound.h"
#include "prefix.h"
#include "static_route.h"

#define ZEBRA_NB_XP "/tarpan-zebra:zebra"

extern const struct nb_module zebra_nb_module;
/* zebra_nb_if.c: the interface blocks. */
extern const struct nb_module zebra_nb_if_module;

#define ZEBRA_NB_IF_XP ZEBRA_NB_XP "/interface"

struct router_id;
struct zebra;

/* Register the module and bind it to the daemon (interfaces, kernel; NULL
 * in unit tests: interface blocks then change only the tree), its static
 * table and router id (NULL: not applied). */
int zebra_nb_init(struct zebra *z, struct static_table *st,
		  struct router_id *rid);
/* The daemon given to zebra_nb_init(). */
struct zebra *zebra_nb_daemon(void);

/* "ip-route" or "ipv6-route". */
const char *zebra_nb_route_list(int family);
/* The data path of the static route (prefix, nexthop) of `family`; NULL if
 * a value cannot be quoted or does not fit. */
const char *zebra_nb_route_path(char *buf, size_t len, int family,
				const char *prefix, const char *nexthop);
/* The nexthop key from the words of the command (gateway, interface or
 * null0, and the IPv6 gateway's interface or NULL): canonical addresses,
 * "Null0". -1 with "% ..." in err if a word is not valid. */
int zebra_nb_nexthop_key(int family, const char *word, const char *ifname,
			 char *buf, size_t len, char *err, size_t errlen);
/* A static route entry of the tree as the table's object. 0, or -1 with
 * "% ..." in err. */
int zebra_nb_route_parse(const struct lyd_node *entry, int family,
			 struct prefix *p, struct static_route *sr,
			 char *err, size_t errlen);

/* zebra_nb_show.c: the `ip route` (AF_INET) / `ipv6 route` lines from
 * running, ordered by prefix, then as configured. Returns lines. */
int zebra_nb_static_write(struct vty *vty, int family);
/* The configuration lines of the interface `name` (without the
 * `interface` line and the "!"); 0 if it has no block in the tree. */
int zebra_nb_if_write(struct vty *vty, const char *name);
/* The `router-id` line, if configured. */
int zebra_nb_router_id_write(struct vty *vty);

#endif
