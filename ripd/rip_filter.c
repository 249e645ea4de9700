/*
 * Route filters of ripd: `distribute-list [prefix] NAME (in|out) [IFNAME]`
 * and the administrative distance (`distance <1-255> [A.B.C.D/M [ACL]]`).
 *
 * A distribute-list names an access-list or a prefix-list. For a route to
 * pass in one direction on an interface, both the lists for all interfaces
 * and the interface's own lists must permit it; a list that is named but
 * does not exist denies everything (Quagga's behaviour).
 *
 * The distance of a learned route is the first `distance N PREFIX [ACL]`
 * whose prefix holds the sender (longest match) and whose access-list, if
 * any, permits the route; else `distance N`; else 0 (zebra's default 120).
 */
#include <string.h>

#include "filter.h"
#include "memory.h"
#include "plist.h"
#include "vty.h"
#include "ripd.h"

DEFINE_MTYPE_STATIC(RIP_DISTRIBUTE, "RIP distribute list");
DEFINE_MTYPE_STATIC(RIP_DISTANCE, "RIP distance");

static struct rip_distribute *dist_find(struct rip *rip, const char *ifname)
{
	struct rip_distribute *d;

	for (d = rip->distributes; d; d = d->next)
		if ((!d->ifname && !ifname) ||
		    (d->ifname && ifname && strcmp(d->ifname, ifname) == 0))
			return d;
	return NULL;
}

static bool dist_permit(const struct rip_distribute *d, int dir, const struct prefix *p)
{
	if (!d)
		return true;
	if (d->list[dir]) {
		struct access_list *acl = access_list_lookup(AFI_IP, d->list[dir]);

		if (!acl || access_list_apply(acl, p) == FILTER_DENY)
			return false;
	}
	if (d->prefix[dir]) {
		struct prefix_list *pl = prefix_list_lookup(AFI_IP, d->prefix[dir]);

		if (!pl || prefix_list_apply(pl, p) == PREFIX_DENY)
			return false;
	}
	return true;
}

bool rip_distribute_permit(struct rip *rip, int dir, const struct prefix *p,
			   const struct interface *ifp)
{
	if (!rip->distributes)
		return true;
	if (!dist_permit(dist_find(rip, NULL), dir, p))
		return false;
	return !ifp || dist_permit(dist_find(rip, ifp->name), dir, p);
}

static void dist_free(struct rip_distribute *d)
{
	for (int i = 0; i < 2; i++) {
		XFREE(RIP_DISTRIBUTE, d->list[i]);
		XFREE(RIP_DISTRIBUTE, d->prefix[i]);
	}
	XFREE(RIP_DISTRIBUTE, d->ifname);
	XFREE(RIP_DISTRIBUTE, d);
}

int rip_distribute_set(struct rip *rip, const char *ifname, int dir,
		       bool prefix_list, const char *name, bool set)
{
	struct rip_distribute *d = dist_find(rip, ifname), **pp;
	char **slot;

	if (!d) {
		if (!set)
			return -1;
		d = XCALLOC(RIP_DISTRIBUTE, sizeof(*d));
		if (ifname)
			d->ifname = XSTRDUP(RIP_DISTRIBUTE, ifname);
		for (pp = &rip->distributes; *pp; pp = &(*pp)->next)
			;
		*pp = d;
	}
	slot = prefix_list ? &d->prefix[dir] : &d->list[dir];
	if (set) {
		XFREE(RIP_DISTRIBUTE, *slot);
		*slot = XSTRDUP(RIP_DISTRIBUTE, name);
		return 0;
	}
	if (!*slot || strcmp(*slot, name) != 0)
		return -1;
	XFREE(RIP_DISTRIBUTE, *slot);
	if (!d->list[0] && !d->list[1] && !d->prefix[0] && !d->prefix[1]) {
		for (pp = &rip->distributes; *pp; pp = &(*pp)->next)
			if (*pp == d) {
				*pp = d->next;
				break;
			}
		dist_free(d);
	}
	return 0;
}

void rip_distribute_clean(struct rip *rip)
{
	while (rip->distributes) {
		struct rip_distribute *d = rip->distributes;

		rip->distributes = d->next;
		dist_free(d);
	}
}

const char *rip_distribute_get(struct rip *rip, const char *ifname, int dir,
			       bool prefix_list)
{
	const struct rip_distribute *d = dist_find(rip, ifname);

	dir = dir ? 1 : 0;
	return !d ? NULL : prefix_list ? d->prefix[dir] : d->list[dir];
}

/* One direction's lists, as `show ip rip status` prints them. */
static void show_dir(struct vty *vty, struct rip *rip, int dir)
{
	static const char *const what[2] = { "Incoming", "Outgoing" };
	struct rip_distribute *d = dist_find(rip, NULL);

	if (d && (d->list[dir] || d->prefix[dir])) {
		vty_out(vty, "  %s update filter list for all interface is", what[dir]);
		if (d->list[dir])
			vty_out(vty, " %s", d->list[dir]);
		if (d->prefix[dir])
			vty_out(vty, "%s (prefix-list) %s", d->list[dir] ? "," : "",
				d->prefix[dir]);
		vty_out(vty, "\n");
	} else {
		vty_out(vty, "  %s update filter list for all interface is not set\n",
			what[dir]);
	}
	for (d = rip->distributes; d; d = d->next) {
		if (!d->ifname || (!d->list[dir] && !d->prefix[dir]))
			continue;
		vty_out(vty, "    %s filtered by", d->ifname);
		if (d->list[dir])
			vty_out(vty, " %s", d->list[dir]);
		if (d->prefix[dir])
			vty_out(vty, "%s (prefix-list) %s", d->list[dir] ? "," : "",
				d->prefix[dir]);
		vty_out(vty, "\n");
	}
}

void rip_distribute_show(struct vty *vty, struct rip *rip)
{
	show_dir(vty, rip, 1);
	show_dir(vty, rip, 0);
}

uint8_t rip_distance_apply(struct rip *rip, struct in_addr from,
			   const struct prefix *p)
{
	struct route_node *rn;
	struct prefix src;

	if (rip->distances) {
		prefix_from_ipv4(&src, from, 32);
		rn = route_node_match(rip->distances, &src);
		if (rn) {
			struct rip_distance *d = rn->info;

			if (!d->access_list)
				return d->distance;
			struct access_list *acl = access_list_lookup(AFI_IP, d->access_list);

			if (acl && access_list_apply(acl, p) == FILTER_PERMIT)
				return d->distance;
		}
	}
	return rip->distance;
}

static void distance_free(void *info)
{
	struct rip_distance *d = info;

	XFREE(RIP_DISTANCE, d->access_list);
	XFREE(RIP_DISTANCE, d);
}

int rip_distance_set(struct rip *rip, uint8_t distance, const struct prefix *p,
		     const char *acl, bool set)
{
	struct route_node *rn;

	if (set) {
		struct rip_distance *d;

		rn = route_node_get(rip->distances, p);
		if (!rn)
			return -1;
		if (rn->info)
			distance_free(rn->info);
		d = XCALLOC(RIP_DISTANCE, sizeof(*d));
		d->distance = distance;
		if (acl)
			d->access_list = XSTRDUP(RIP_DISTANCE, acl);
		rn->info = d;
		return 0;
	}
	rn = route_node_lookup(rip->distances, p);
	if (!rn)
		return -1;
	distance_free(rn->info);
	rn->info = NULL;
	route_node_delete(rip->distances, rn);
	return 0;
}

void rip_distance_clean(struct rip *rip)
{
	struct route_node *rn;

	if (!rip->distances)
		return;
	for (rn = route_top(rip->distances); rn; rn = route_next(rip->distances, rn)) {
		distance_free(rn->info);
		rn->info = NULL;
		route_node_delete(rip->distances, rn);
	}
}

void rip_distance_show(struct vty *vty, struct rip *rip)
{
	struct route_node *rn;
	bool header = true;

	vty_out(vty, "  Distance: (default is %d)\n",
		rip->distance ? rip->distance : ZEBRA_RIP_DISTANCE_DEFAULT);
	for (rn = route_top(rip->distances); rn; rn = route_next(rip->distances, rn)) {
		struct rip_distance *d = rn->info;
		char buf[PREFIX_STRLEN];
		struct prefix p;

		if (header) {
			vty_out(vty, "    Address           Distance  List\n");
			header = false;
		}
		prefix2str(route_node_prefix(rn, &p), buf, sizeof(buf));
		vty_out(vty, "    %-20s  %4d  %s\n", buf, d->distance,
			d->access_list ? d->access_list : "");
	}
}
