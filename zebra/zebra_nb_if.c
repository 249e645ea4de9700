/*
 * Callbacks of /tarpan-zebra:zebra/interface: an interface block of the
 * tree compiled into the interface record (interface.h) and, for an
 * interface the kernel has, into the kernel (addresses, up/down,
 * multicast). An interface the kernel does not have yet keeps its
 * configuration in the record; zebra_vty.c applies it when it appears.
 * Each callback touches one interface: O(1) per command.
 */
#include <libyang/libyang.h>
#include <stdio.h>
#include <string.h>

#include "interface.h"
#include "kernel.h"
#include "zebra.h"
#include "zebra_nb.h"

static struct zif *entry_if(const struct lyd_node *entry)
{
	const char *name = nb_child_value(entry, "name");

	return name && zebra_nb_daemon() ?
	       zif_get_by_name(zebra_nb_daemon()->ifdb, name) : NULL;
}

/* The interface of a node inside an interface entry. */
static struct zif *leaf_if(const struct lyd_node *dnode)
{
	const struct lyd_node *e = dnode;

	while (e && strcmp(nb_name(e), "interface") != 0)
		e = lyd_parent(e);
	return e ? entry_if(e) : NULL;
}

static int if_create(const struct lyd_node *dnode)
{
	struct zif *ifp = entry_if(dnode);

	if (ifp)
		ifp->configured = true;
	return 0;
}

static void addr_set(struct zif *ifp, const struct lyd_node *a, bool add)
{
	struct prefix p;
	const char *s = nb_child_value(a, "address");
	int rc = strcmp(nb_name(a), "ip-address") == 0 ? prefix_parse_ipv4(s, &p) :
							   prefix_parse_ipv6(s, &p);

	if (rc < 0)
		return;
	if (!add) {
		zif_addr_config(ifp, &p, false);
		if (ifp->ifindex)
			kernel_address(zebra_nb_daemon()->kernel, ifp->ifindex, &p, false);
		return;
	}
	if (!zif_addr_config(ifp, &p, true)->in_kernel && ifp->ifindex)
		kernel_address(zebra_nb_daemon()->kernel, ifp->ifindex, &p, true);
}

static void shutdown_set(struct zif *ifp, bool on)
{
	ifp->shutdown = on;
	if (ifp->ifindex)
		kernel_link_updown(zebra_nb_daemon()->kernel, ifp->ifindex, !on);
}

static int if_destroy(const struct lyd_node *dnode)
{
	struct zif *ifp = entry_if(dnode);
	const struct lyd_node *c;

	if (!ifp)
		return 0;
	LY_LIST_FOR(lyd_child(dnode), c) {
		const char *n = nb_name(c);

		if (strcmp(n, "ip-address") == 0 || strcmp(n, "ipv6-address") == 0)
			addr_set(ifp, c, false);
	}
	zif_set_desc(ifp, NULL);
	zif_set_bandwidth(zebra_nb_daemon()->ifdb, ifp, 0);
	zif_set_link_detect(zebra_nb_daemon()->ifdb, ifp,
			    zif_default_link_detect(zebra_nb_daemon()->ifdb));
	if (ifp->shutdown)
		shutdown_set(ifp, false);
	ifp->multicast = -1;
	ifp->configured = false;
	if (!ifp->ifindex)
		zif_delete_pseudo(zebra_nb_daemon()->ifdb, ifp);
	return 0;
}

static int desc_modify(const struct lyd_node *dnode)
{
	struct zif *ifp = leaf_if(dnode);

	if (ifp)
		zif_set_desc(ifp, nb_value(dnode));
	return 0;
}

static int desc_destroy(const struct lyd_node *dnode)
{
	struct zif *ifp = leaf_if(dnode);

	if (ifp)
		zif_set_desc(ifp, NULL);
	return 0;
}

static int shut_modify(const struct lyd_node *dnode)
{
	struct zif *ifp = leaf_if(dnode);

	if (ifp)
		shutdown_set(ifp, true);
	return 0;
}

static int shut_destroy(const struct lyd_node *dnode)
{
	struct zif *ifp = leaf_if(dnode);

	if (ifp)
		shutdown_set(ifp, false);
	return 0;
}

static int bw_modify(const struct lyd_node *dnode)
{
	struct zif *ifp = leaf_if(dnode);
	uint32_t v = 0;

	sscanf(nb_value(dnode), "%u", &v);
	if (ifp)
		zif_set_bandwidth(zebra_nb_daemon()->ifdb, ifp, v);
	return 0;
}

static int bw_destroy(const struct lyd_node *dnode)
{
	struct zif *ifp = leaf_if(dnode);

	if (ifp)
		zif_set_bandwidth(zebra_nb_daemon()->ifdb, ifp, 0);
	return 0;
}

static int ld_modify(const struct lyd_node *dnode)
{
	struct zif *ifp = leaf_if(dnode);

	if (ifp)
		zif_set_link_detect(zebra_nb_daemon()->ifdb, ifp,
				    strcmp(nb_value(dnode), "true") == 0);
	return 0;
}

static int ld_destroy(const struct lyd_node *dnode)
{
	struct zif *ifp = leaf_if(dnode);

	if (ifp)
		zif_set_link_detect(zebra_nb_daemon()->ifdb, ifp,
				    zif_default_link_detect(zebra_nb_daemon()->ifdb));
	return 0;
}

static int mc_modify(const struct lyd_node *dnode)
{
	struct zif *ifp = leaf_if(dnode);
	bool on = strcmp(nb_value(dnode), "true") == 0;

	if (!ifp)
		return 0;
	ifp->multicast = on;
	if (ifp->ifindex)
		kernel_link_multicast(zebra_nb_daemon()->kernel, ifp->ifindex, on);
	return 0;
}

static int mc_destroy(const struct lyd_node *dnode)
{
	struct zif *ifp = leaf_if(dnode);

	if (ifp)
		ifp->multicast = -1;
	return 0;
}

static int addr_create(const struct lyd_node *dnode)
{
	struct zif *ifp = leaf_if(dnode);

	if (ifp)
		addr_set(ifp, dnode, true);
	return 0;
}

static int addr_destroy(const struct lyd_node *dnode)
{
	struct zif *ifp = leaf_if(dnode);

	if (ifp)
		addr_set(ifp, dnode, false);
	return 0;
}

static int addr_validate(const struct lyd_node *dnode, char *err, size_t errlen)
{
	const char *s = nb_child_value(dnode, "address");
	struct prefix p;
	int rc = strcmp(nb_name(dnode), "ip-address") == 0 ? prefix_parse_ipv4(s, &p) :
							       prefix_parse_ipv6(s, &p);
	char canon[PREFIX_STRLEN];

	if (rc < 0 || !prefix2str(&p, canon, sizeof(canon)) || strcmp(canon, s) != 0) {
		snprintf(err, errlen, "%% Malformed address %s", s ? s : "");
		return -1;
	}
	return 0;
}

#define IF_XP ZEBRA_NB_XP "/interface"

const struct nb_node_cbs zebra_nb_if_cbs[] = {
	{ .xpath = IF_XP, .create = if_create, .destroy = if_destroy },
	{ .xpath = IF_XP "/description", .modify = desc_modify,
	  .destroy = desc_destroy },
	{ .xpath = IF_XP "/shutdown", .modify = shut_modify,
	  .destroy = shut_destroy },
	{ .xpath = IF_XP "/bandwidth", .modify = bw_modify, .destroy = bw_destroy },
	{ .xpath = IF_XP "/link-detect", .modify = ld_modify,
	  .destroy = ld_destroy },
	{ .xpath = IF_XP "/multicast", .modify = mc_modify, .destroy = mc_destroy },
	{ .xpath = IF_XP "/ip-address", .create = addr_create,
	  .destroy = addr_destroy, .validate = addr_validate },
	{ .xpath = IF_XP "/ipv6-address", .create = addr_create,
	  .destroy = addr_destroy, .validate = addr_validate },
	{ .xpath = NULL },
};

const struct nb_module zebra_nb_if_module = {
	.name = "tarpan-zebra",
	.nodes = zebra_nb_if_cbs,
};
