/*
 * The RIP instance: creation, `router rip` / `no router rip`, and the
 * parts of the configuration that originate routes (static `route`,
 * `default-information originate`, redistribution subscriptions).
 *
 * The struct exists for the daemon's whole life (it owns the interface
 * database that zclient keeps current); `router rip` turns it on and
 * `no router rip` turns it off and returns every setting to its default.
 * rip_get() serves the CLI handlers, which Quagga's command model gives no
 * context pointer.
 */
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "log.h"
#include "memory.h"
#include "zclient.h"
#include "ripd.h"

DEFINE_MTYPE_STATIC(RIP, "RIP structure");
DEFINE_MTYPE_STATIC(RIP_NAME, "RIP name list");

static struct rip *the_rip;

struct rip *rip_get(void)
{
	return the_rip;
}

void rip_set_instance(struct rip *rip)
{
	the_rip = rip;
}

static void config_defaults(struct rip *rip)
{
	rip->version_send = RI_RIP_VERSION_2;
	rip->version_recv = RI_RIP_VERSION_1_AND_2;
	rip->update_time = RIP_UPDATE_TIMER_DEFAULT;
	rip->timeout_time = RIP_TIMEOUT_TIMER_DEFAULT;
	rip->garbage_time = RIP_GARBAGE_TIMER_DEFAULT;
	rip->default_metric = RIP_DEFAULT_METRIC_DEFAULT;
	rip->distance = 0;
	rip->default_information = false;
	rip->ecmp = false;
	rip->passive_default = false;
}

static void tables_new(struct rip *rip)
{
	rip->table = route_table_new(AF_INET);
	rip->networks = route_table_new(AF_INET);
	rip->neighbors = route_table_new(AF_INET);
	rip->static_routes = route_table_new(AF_INET);
	rip->distances = route_table_new(AF_INET);
}

struct rip *rip_create(struct event_loop *loop)
{
	struct rip *rip = XCALLOC(RIP, sizeof(*rip));

	rip->loop = loop;
	rip->sock = -1;
	rip->ifdb = if_db_new();
	config_defaults(rip);
	tables_new(rip);
	if (!the_rip)
		the_rip = rip;
	rip_if_init(rip);
	srandom((unsigned)monotime_us());
	return rip;
}

void rip_name_list_free(struct rip_name **l)
{
	while (*l) {
		struct rip_name *n = *l;

		*l = n->next;
		XFREE(RIP_NAME, n->name);
		XFREE(RIP_NAME, n);
	}
}

bool rip_name_list_set(struct rip_name **l, const char *name, bool set)
{
	struct rip_name **pp, *n;

	for (pp = l; *pp; pp = &(*pp)->next)
		if (strcmp((*pp)->name, name) == 0)
			break;
	if (set) {
		if (*pp)
			return false;
		n = XCALLOC(RIP_NAME, sizeof(*n));
		n->name = XSTRDUP(RIP_NAME, name);
		*pp = n;
		return true;
	}
	if (!*pp)
		return false;
	n = *pp;
	*pp = n->next;
	XFREE(RIP_NAME, n->name);
	XFREE(RIP_NAME, n);
	return true;
}

static void flag_free(void *info)
{
	(void)info;
}

static void config_clean(struct rip *rip)
{
	rip_redistribute_clean(rip);
	rip_name_list_free(&rip->network_ifnames);
	rip_name_list_free(&rip->passive_names);
	rip_offset_clean(rip);
	rip_distribute_clean(rip);
	rip_distance_clean(rip);
	rip_if_rmap_clean(rip);
	route_table_free(rip->networks, flag_free);
	route_table_free(rip->neighbors, flag_free);
	route_table_free(rip->static_routes, flag_free);
	route_table_free(rip->distances, NULL);
	rip->networks = route_table_new(AF_INET);
	rip->neighbors = route_table_new(AF_INET);
	rip->static_routes = route_table_new(AF_INET);
	rip->distances = route_table_new(AF_INET);
	config_defaults(rip);
}

void rip_apply_config(struct rip *rip)
{
	struct route_node *rn;
	struct in_addr none = { 0 };
	struct prefix def;

	if (!rip->enabled)
		return;
	for (rn = route_top(rip->static_routes); rn; rn = route_next(rip->static_routes, rn)) {
		struct prefix p;

		rip_redistribute_add(rip, ZEBRA_ROUTE_RIP, RIP_ROUTE_STATIC,
				     route_node_prefix(rn, &p), 0, none, 0, 0, 0);
	}
	prefix_from_ipv4(&def, none, 0);
	if (rip->default_information)
		rip_redistribute_add(rip, ZEBRA_ROUTE_RIP, RIP_ROUTE_DEFAULT, &def, 0,
				     none, 0, 0, 0);
	else
		rip_redistribute_delete(rip, ZEBRA_ROUTE_RIP, RIP_ROUTE_DEFAULT, &def, 0);
}

int rip_enable(struct rip *rip)
{
	if (rip->enabled)
		return 0;
	if (!rip->dryrun && rip_socket_open(rip) < 0)
		return -1;
	rip->enabled = true;
	rip_output_init(rip);
	rip_apply_config(rip);
	rip_if_update_all(rip);
	return 0;
}

void rip_disable(struct rip *rip)
{
	if (!rip->enabled)
		return;
	rip_output_stop(rip);
	event_cancel(&rip->t_rmap_changed);
	rip->enabled = false;
	rip_rib_clean(rip);
	rip_peer_clean(rip);
	config_clean(rip);
	rip_if_update_all(rip);
	rip_socket_close(rip);
}

void rip_destroy(struct rip *rip)
{
	rip_disable(rip);
	rip_distance_clean(rip);
	event_cancel(&rip->t_ifupdate);
	if (rip->zc)
		zclient_free(&rip->zc);
	if_db_free(&rip->ifdb);
	route_table_free(rip->table, rip_route_free);
	route_table_free(rip->networks, flag_free);
	route_table_free(rip->neighbors, flag_free);
	route_table_free(rip->static_routes, flag_free);
	route_table_free(rip->distances, NULL);
	if (the_rip == rip)
		the_rip = NULL;
	XFREE(RIP, rip);
}
