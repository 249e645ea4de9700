/*
 * Router-id selection (see router_id.h). The choice is recomputed from the
 * interface database when an address comes or goes; with thousands of
 * interfaces that is a scan per address change, done only for IPv4
 * addresses that could matter (higher than the current id, or the id
 * itself going away).
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "memory.h"
#include "vty.h"
#include "interface.h"
#include "router_id.h"

DEFINE_MTYPE_STATIC(ROUTER_ID, "Router id");

struct router_id {
	struct zif_db *db;
	struct in_addr configured;
	struct in_addr current;
	bool current_lo;
	void (*changed)(void *arg, struct in_addr id);
	void *arg;
};

static bool usable(struct in_addr a)
{
	uint32_t h = ntohl(a.s_addr);

	return h != 0 && (h >> 24) != 127 && (h >> 24) != 0 && (h >> 28) != 14 &&
	       (h >> 28) != 15;
}

static struct in_addr compute(struct router_id *rid, bool *is_lo)
{
	struct in_addr best_lo = { 0 }, best = { 0 };
	size_t n;
	struct zif **v;

	*is_lo = false;
	if (rid->configured.s_addr)
		return rid->configured;
	v = zif_sorted(rid->db, &n);
	for (size_t i = 0; i < n; i++) {
		bool lo = zif_is_loopback(v[i]);

		for (struct zif_addr *a = v[i]->addrs; a; a = a->next) {
			struct in_addr x = a->p.u.v4;

			if (a->p.family != AF_INET || !a->in_kernel || !usable(x))
				continue;
			if (lo && ntohl(x.s_addr) > ntohl(best_lo.s_addr))
				best_lo = x;
			if (ntohl(x.s_addr) > ntohl(best.s_addr))
				best = x;
		}
	}
	free(v);
	*is_lo = best_lo.s_addr != 0;
	return best_lo.s_addr ? best_lo : best;
}

static void recompute(struct router_id *rid)
{
	bool lo;
	struct in_addr id = compute(rid, &lo);

	rid->current_lo = lo;
	if (id.s_addr == rid->current.s_addr)
		return;
	rid->current = id;
	if (rid->changed)
		rid->changed(rid->arg, id);
}

static void set_current(struct router_id *rid, struct in_addr id, bool lo)
{
	rid->current_lo = lo;
	if (id.s_addr == rid->current.s_addr)
		return;
	rid->current = id;
	if (rid->changed)
		rid->changed(rid->arg, id);
}

static void rid_addr_added(void *arg, struct zif *ifp, struct zif_addr *a)
{
	struct router_id *rid = arg;
	struct in_addr x = a->p.u.v4;
	bool lo = zif_is_loopback(ifp);

	if (a->p.family != AF_INET || rid->configured.s_addr || !usable(x))
		return;
	/* only a better candidate changes the choice */
	if (lo && (!rid->current_lo ||
		   ntohl(x.s_addr) > ntohl(rid->current.s_addr)))
		set_current(rid, x, true);
	else if (!lo && !rid->current_lo &&
		 ntohl(x.s_addr) > ntohl(rid->current.s_addr))
		set_current(rid, x, false);
}

static void rid_addr_deleted(void *arg, struct zif *ifp, struct zif_addr *a)
{
	struct router_id *rid = arg;

	if (a->p.family != AF_INET || rid->configured.s_addr)
		return;
	if (a->p.u.v4.s_addr == rid->current.s_addr)
		recompute(rid);
}

struct router_id *router_id_new(struct zif_db *db,
				void (*changed)(void *arg, struct in_addr id),
				void *arg)
{
	struct router_id *rid = XCALLOC(ROUTER_ID, sizeof(*rid));
	struct zif_listener l = { .addr_added = rid_addr_added,
				  .addr_deleted = rid_addr_deleted,
				  .arg = rid };

	rid->db = db;
	rid->changed = changed;
	rid->arg = arg;
	zif_add_listener(db, &l);
	return rid;
}

void router_id_free(struct router_id *rid)
{
	if (rid)
		XFREE(ROUTER_ID, rid);
}

struct in_addr router_id_get(const struct router_id *rid)
{
	return rid->current;
}

void router_id_set_config(struct router_id *rid, struct in_addr id)
{
	rid->configured = id;
	recompute(rid);
}

int router_id_config_write(const struct router_id *rid, struct vty *vty)
{
	char buf[INET_ADDRSTRLEN];

	if (!rid->configured.s_addr)
		return 0;
	inet_ntop(AF_INET, &rid->configured, buf, sizeof(buf));
	vty_out(vty, "router-id %s\n", buf);
	return 1;
}
