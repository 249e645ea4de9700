/*
 * Connected routes: one C route per address of an operative interface
 * (the address's network, or the peer prefix of a point-to-point address),
 * keyed by the ifindex. When an interface goes down its connected routes
 * are withdrawn and every route is re-resolved (statics through it become
 * inactive); when it comes up they return.
 */
#include <string.h>

#include "connected.h"
#include "interface.h"
#include "rib.h"

static void connected_prefix(const struct zif_addr *a, struct prefix *p)
{
	if ((a->flags & ZIFA_PEER) && a->dest.family)
		*p = a->dest;
	else
		*p = a->p;
	apply_mask(p);
}

static void connected_add(struct rib *rib, struct zif *ifp,
			  const struct zif_addr *a)
{
	struct nexthop nh;
	struct rib_route r;
	struct prefix p;

	if (!a->in_kernel || !zif_is_operative(ifp))
		return;
	connected_prefix(a, &p);
	memset(&nh, 0, sizeof(nh));
	nh.type = NH_IFINDEX;
	nh.ifindex = ifp->ifindex;
	memset(&r, 0, sizeof(r));
	r.type = ZRT_CONNECT;
	r.key = ifp->ifindex;
	r.nh = &nh;
	r.nh_count = 1;
	rib_add(rib, &p, &r);
}

static void connected_del(struct rib *rib, struct zif *ifp,
			  const struct zif_addr *a)
{
	struct prefix p;

	connected_prefix(a, &p);
	/* another address of the same network keeps the route */
	for (struct zif_addr *o = ifp->addrs; o; o = o->next) {
		struct prefix q;

		if (o == a || !o->in_kernel)
			continue;
		connected_prefix(o, &q);
		if (prefix_same(&p, &q))
			return;
	}
	rib_delete(rib, &p, ZRT_CONNECT, ifp->ifindex);
}

static void c_addr_added(void *arg, struct zif *ifp, struct zif_addr *a)
{
	struct rib *rib = arg;

	connected_add(rib, ifp, a);
	rib_requeue_all(rib);
}

static void c_addr_deleted(void *arg, struct zif *ifp, struct zif_addr *a)
{
	struct rib *rib = arg;

	connected_del(rib, ifp, a);
	rib_requeue_all(rib);
}

static void c_up(void *arg, struct zif *ifp)
{
	struct rib *rib = arg;

	for (struct zif_addr *a = ifp->addrs; a; a = a->next)
		connected_add(rib, ifp, a);
	rib_requeue_all(rib);
}

static void c_down(void *arg, struct zif *ifp)
{
	struct rib *rib = arg;

	for (struct zif_addr *a = ifp->addrs; a; a = a->next) {
		struct prefix p;

		connected_prefix(a, &p);
		rib_delete(rib, &p, ZRT_CONNECT, ifp->ifindex);
	}
	rib_requeue_all(rib);
}

void connected_init(struct zif_db *db, struct rib *rib)
{
	struct zif_listener l = {
		.addr_added = c_addr_added,
		.addr_deleted = c_addr_deleted,
		.up = c_up,
		.down = c_down,
		.arg = rib,
	};

	zif_add_listener(db, &l);
}
