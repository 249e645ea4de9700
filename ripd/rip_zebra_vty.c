/*
 * `router zebra` (ZEBRA_NODE) as Quagga 1.2.4's ripd had it:
 *   no router zebra        close the zclient connection and stay away
 *   router zebra           connect again and enter ZEBRA_NODE, where
 *     no redistribute rip  stops installing RIP routes into zebra (the
 *                          routes already there are withdrawn)
 *     redistribute rip     installs them again (the default)
 * Written back only when not at the default, before `router rip`:
 * "no router zebra", or "router zebra" + " no redistribute rip".
 *
 * The commands edit /tarpan-ripd:zebra (leaves disabled and
 * no-redistribute-rip, present only when not at the default); the
 * callbacks below act on the instance, and the block is written from the
 * tree.
 */
#include <libyang/libyang.h>

#include "command.h"
#include "log.h"
#include "northbound.h"
#include "vty.h"
#include "zclient.h"
#include "ripd.h"

static int zebra_show(struct vty *vty, const struct lyd_node *dnode)
{
	if (nb_child(dnode, "disabled")) {
		vty_out(vty, "no router zebra\n");
		return 1;
	}
	if (nb_child(dnode, "no-redistribute-rip")) {
		vty_out(vty, "router zebra\n");
		vty_out(vty, " no redistribute rip\n");
		return 1;
	}
	return 0;
}

static int config_write_zebra(struct vty *vty)
{
	return nb_cli_show(vty, RIP_NB_ZEBRA_XP);
}

static struct cmd_node zebra_node = {
	.node = ZEBRA_NODE,
	.prompt = "%s(config-router)# ",
	.config_write = config_write_zebra,
};

/* Install or withdraw every live learned route (redistribute rip on/off). */
static void zebra_resync(struct rip *rip)
{
	struct route_node *rn;

	if (!rip->table)
		return;
	for (rn = route_top(rip->table); rn; rn = route_next(rip->table, rn)) {
		struct rip_route *r = rn->info;
		struct prefix p;

		if (r->type != ZEBRA_ROUTE_RIP || r->sub_type != RIP_ROUTE_RTE)
			continue;
		route_node_prefix(rn, &p);
		if (rip->zebra_no_install && r->in_zebra)
			rip_zebra_route_delete(rip, &p, r);
		else if (!rip->zebra_no_install && !r->in_zebra &&
			 r->metric < RIP_METRIC_INFINITY)
			rip_zebra_route_add(rip, &p, r);
	}
}

/* ---- northbound callbacks ---- */

static int disabled_create(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();

	(void)dnode;
	rip->zebra_disabled = true;
	if (rip->zc)
		zclient_stop(rip->zc);
	return 0;
}

static int disabled_destroy(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();

	(void)dnode;
	rip->zebra_disabled = false;
	if (rip->zc && !rip->dryrun)
		zclient_start(rip->zc);
	return 0;
}

static int no_install_create(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();

	(void)dnode;
	rip->zebra_no_install = true;
	zebra_resync(rip);
	return 0;
}

static int no_install_destroy(const struct lyd_node *dnode)
{
	struct rip *rip = rip_get();

	(void)dnode;
	rip->zebra_no_install = false;
	zebra_resync(rip);
	return 0;
}

static const struct nb_node_cbs zebra_cbs[] = {
	{ .xpath = RIP_NB_ZEBRA_XP, .cli_show = zebra_show },
	{ .xpath = RIP_NB_ZEBRA_XP "/disabled", .create = disabled_create,
	  .destroy = disabled_destroy },
	{ .xpath = RIP_NB_ZEBRA_XP "/no-redistribute-rip", .create = no_install_create,
	  .destroy = no_install_destroy },
	{ .xpath = NULL },
};

static const struct nb_module zebra_nb_module = {
	.name = "tarpan-ripd",
	.nodes = zebra_cbs,
};

void rip_zebra_nb_init(void)
{
	if (nb_module_register(&zebra_nb_module) < 0)
		zlog_err("ripd: cannot load the YANG module tarpan-ripd");
}

/* ---- commands ---- */

static int edit1(struct vty *vty, const char *xp, enum nb_op op)
{
	nb_cli_enqueue_change(vty, xp, op, NULL);
	return nb_cli_apply_changes(vty);
}

DEFUN(rip_router_zebra, rip_router_zebra_cmd, "router zebra",
      "Enable a routing process\n" "Make connection to zebra daemon\n")
{
	vty_enter_node(vty, ZEBRA_NODE, rip_get());
	return edit1(vty, RIP_NB_ZEBRA_XP "/disabled", NB_OP_DESTROY);
}

DEFUN(no_rip_router_zebra, no_rip_router_zebra_cmd, "no router zebra",
      NO_STR "Enable a routing process\n" "Make connection to zebra daemon\n")
{
	return edit1(vty, RIP_NB_ZEBRA_XP "/disabled", NB_OP_CREATE);
}

DEFUN(rip_zebra_redistribute_rip, rip_zebra_redistribute_rip_cmd, "redistribute rip",
      "Redistribute information from another routing protocol\n"
      "Routing Information Protocol (RIP)\n")
{
	return edit1(vty, RIP_NB_ZEBRA_XP "/no-redistribute-rip", NB_OP_DESTROY);
}

DEFUN(no_rip_zebra_redistribute_rip, no_rip_zebra_redistribute_rip_cmd,
      "no redistribute rip",
      NO_STR "Redistribute information from another routing protocol\n"
      "Routing Information Protocol (RIP)\n")
{
	return edit1(vty, RIP_NB_ZEBRA_XP "/no-redistribute-rip", NB_OP_CREATE);
}

void rip_zebra_vty_init(void)
{
	rip_zebra_nb_init();
	install_node(&zebra_node);
	install_default(ZEBRA_NODE);
	install_element(CONFIG_NODE, &rip_router_zebra_cmd);
	install_element(CONFIG_NODE, &no_rip_router_zebra_cmd);
	install_element(ZEBRA_NODE, &rip_zebra_redistribute_rip_cmd);
	install_element(ZEBRA_NODE, &no_rip_zebra_redistribute_rip_cmd);
}
