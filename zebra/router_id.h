/*
 * The router id zebra hands to clients: the configured `router-id`, else
 * the highest address on a loopback interface, else the highest IPv4
 * address; 127/8 (and 0/8, multicast) never counts. A callback hears
 * every change of the chosen id.
 */
#ifndef ZEBRA_ROUTER_ID_H
#define ZEBRA_ROUTER_ID_H

#include <netinet/in.h>

struct zif_db;
struct vty;
struct router_id;

struct router_id *router_id_new(struct zif_db *db,
				void (*changed)(void *arg, struct in_addr id),
				void *arg);
void router_id_free(struct router_id *rid);
struct in_addr router_id_get(const struct router_id *rid);
/* 0.0.0.0 clears the configured id. */
void router_id_set_config(struct router_id *rid, struct in_addr id);
int router_id_config_write(const struct router_id *rid, struct vty *vty);

#endif
