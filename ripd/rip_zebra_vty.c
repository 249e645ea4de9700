/*
 * `router zebra` (ZEBRA_NODE) as Quagga 1.2.4's ripd had it:
 *   no router zebra        close the zclient connection and stay away
 *   router zebra           connect again and enter ZEBRA_NODE, where
 *     no redistribute rip  stops installing RIP routes into zebra (the
 *                          routes already there are withdrawn)
 *     redistribute rip     installs them again (the default)
 * Written back only when not at the default, before `router rip`:
 * "no router zebra", or "router zebra" + " no redistribute rip".
 */
#include "command.h"
#include "vty.h"
#include "zclient.h"
#include "ripd.h"

static int config_write_zebra(struct vty *vty)
{
	struct rip *rip = rip_get();

	if (!rip)
		return 0;
	if (rip->zebra_disabled) {
		vty_out(vty, "no router zebra\n");
		return 1;
	}
	if (rip->zebra_no_install) {
		vty_out(vty, "router zebra\n");
		vty_out(vty, " no redistribute rip\n");
		return 1;
	}
	return 0;
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

DEFUN(rip_router_zebra, rip_router_zebra_cmd, "router zebra",
      "Enable a routing process\n" "Make connection to zebra daemon\n")
{
	struct rip *rip = rip_get();

	vty_enter_node(vty, ZEBRA_NODE, rip);
	if (rip->zebra_disabled) {
		rip->zebra_disabled = false;
		if (rip->zc && !rip->dryrun)
			zclient_start(rip->zc);
	}
	return CMD_SUCCESS;
}

DEFUN(no_rip_router_zebra, no_rip_router_zebra_cmd, "no router zebra",
      NO_STR "Enable a routing process\n" "Make connection to zebra daemon\n")
{
	struct rip *rip = rip_get();

	rip->zebra_disabled = true;
	if (rip->zc)
		zclient_stop(rip->zc);
	return CMD_SUCCESS;
}

DEFUN(rip_zebra_redistribute_rip, rip_zebra_redistribute_rip_cmd, "redistribute rip",
      "Redistribute information from another routing protocol\n"
      "Routing Information Protocol (RIP)\n")
{
	struct rip *rip = rip_get();

	if (rip->zebra_no_install) {
		rip->zebra_no_install = false;
		zebra_resync(rip);
	}
	return CMD_SUCCESS;
}

DEFUN(no_rip_zebra_redistribute_rip, no_rip_zebra_redistribute_rip_cmd,
      "no redistribute rip",
      NO_STR "Redistribute information from another routing protocol\n"
      "Routing Information Protocol (RIP)\n")
{
	struct rip *rip = rip_get();

	if (!rip->zebra_no_install) {
		rip->zebra_no_install = true;
		zebra_resync(rip);
	}
	return CMD_SUCCESS;
}

void rip_zebra_vty_init(void)
{
	install_node(&zebra_node);
	install_default(ZEBRA_NODE);
	install_element(CONFIG_NODE, &rip_router_zebra_cmd);
	install_element(CONFIG_NODE, &no_rip_router_zebra_cmd);
	install_element(ZEBRA_NODE, &rip_zebra_redistribute_rip_cmd);
	install_element(ZEBRA_NODE, &no_rip_zebra_redistribute_rip_cmd);
}
