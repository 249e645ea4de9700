/*
 * `show ip rip`, `show ip rip status` in Quagga 1.2.4's layout (runs.md
 * section 3), and `clear ip rip`.
 *
 * The Time column of `show ip rip` is the time left on the route's timeout
 * timer, or on its garbage-collection timer once it is poisoned, as mm:ss.
 */
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>

#include "command.h"
#include "event.h"
#include "vty.h"
#include "ripd.h"

static const char *sub_type_str(uint8_t st)
{
	switch (st) {
	case RIP_ROUTE_RTE:
		return "n";
	case RIP_ROUTE_STATIC:
		return "s";
	case RIP_ROUTE_DEFAULT:
		return "d";
	case RIP_ROUTE_REDISTRIBUTE:
		return "r";
	case RIP_ROUTE_INTERFACE:
		return "i";
	}
	return "?";
}

static void out_timer(struct vty *vty, const struct rip_route *r)
{
	const struct event *t = r->t_timeout ? r->t_timeout : r->t_garbage;
	long s;

	if (!t)
		return;
	s = event_timer_remain_msec(t);
	s = s < 0 ? 0 : s / 1000;
	vty_out(vty, "%02ld:%02ld", (s / 60) % 60, s % 60);
}

static void show_route(struct vty *vty, const struct prefix *p, const struct rip_route *r)
{
	char line[64], nh[INET_ADDRSTRLEN], from[INET_ADDRSTRLEN], pbuf[PREFIX_STRLEN];
	int len;

	len = snprintf(line, sizeof(line), "%c(%s) %s", zebra_route_char(r->type),
		       sub_type_str(r->sub_type), prefix2str(p, pbuf, sizeof(pbuf)));
	vty_out(vty, "%s%*s", line, len < 24 ? 24 - len : 0, "");
	inet_ntop(AF_INET, &r->nexthop, nh, sizeof(nh));
	vty_out(vty, "%-20s %2d ", nh, r->metric);
	if (r->type == ZEBRA_ROUTE_RIP && r->sub_type == RIP_ROUTE_RTE) {
		inet_ntop(AF_INET, &r->from, from, sizeof(from));
		vty_out(vty, "%-15s %3u ", from, r->tag);
		out_timer(vty, r);
	} else if (r->metric == RIP_METRIC_INFINITY) {
		vty_out(vty, "self            %3u ", r->tag);
		out_timer(vty, r);
	} else {
		if (r->external_metric) {
			len = snprintf(line, sizeof(line), "self (%s:%u)",
				       zebra_route_string(r->type), r->external_metric);
			vty_out(vty, "%s%*s", line, len < 16 ? 16 - len : 0, "");
		} else {
			vty_out(vty, "self            ");
		}
		vty_out(vty, "%3u", r->tag);
	}
	vty_out(vty, "\n");
}

/* " X" for each redistributed route type. */
static void status_redistribute(struct vty *vty, struct rip *rip)
{
	for (int t = 0; t < ZEBRA_ROUTE_MAX; t++)
		if (rip->redist[t].enabled)
			vty_out(vty, " %s", zebra_route_string(t));
}

/* The networks, interface names and neighbours RIP is configured for. */
static void status_networks(struct vty *vty, struct rip *rip)
{
	struct route_node *rn;
	struct rip_name *n;
	char buf[PREFIX_STRLEN];
	struct prefix p;

	for (rn = route_top(rip->networks); rn; rn = route_next(rip->networks, rn))
		vty_out(vty, "    %s\n", prefix2str(route_node_prefix(rn, &p), buf, sizeof(buf)));
	for (n = rip->network_ifnames; n; n = n->next)
		vty_out(vty, "    %s\n", n->name);
	for (rn = route_top(rip->neighbors); rn; rn = route_next(rip->neighbors, rn)) {
		inet_ntop(AF_INET, &route_node_prefix(rn, &p)->u.v4, buf, sizeof(buf));
		vty_out(vty, "    %s\n", buf);
	}
}

DEFUN(show_ip_rip, show_ip_rip_cmd, "show ip rip",
      SHOW_STR IP_STR "Show RIP routes\n")
{
	struct rip *rip = rip_get();
	struct route_node *rn;

	if (!rip || !rip->enabled)
		return CMD_SUCCESS;
	vty_out(vty, "Codes: R - RIP, C - connected, S - Static, O - OSPF, B - BGP\n"
		     "Sub-codes:\n"
		     "      (n) - normal, (s) - static, (d) - default, (r) - redistribute,\n"
		     "      (i) - interface\n\n"
		     "     Network            Next Hop         Metric From            Tag Time\n");
	for (rn = route_top(rip->table); rn; rn = route_next(rip->table, rn)) {
		const struct rip_route *r;
		struct prefix p;

		route_node_prefix(rn, &p);
		for (r = rn->info; r; r = r->next)	/* ECMP: a line per path */
			show_route(vty, &p, r);
	}
	return CMD_SUCCESS;
}

static void show_interfaces(struct vty *vty, struct rip *rip)
{
	struct interface *ifp;
	bool passive_header = false;

	vty_out(vty, "    Interface        Send  Recv   Key-chain\n");
	for (ifp = if_first(rip->ifdb); ifp; ifp = if_next(ifp)) {
		struct rip_if *ri = ifp->info;

		if (!ri || !ri->running || !(ri->enable_network || ri->enable_interface))
			continue;
		vty_out(vty, "    %-17s%-3s   %-3s    %s\n", ifp->name,
			rip_version_str(rip_if_send_version(ri)),
			rip_version_str(rip_if_recv_version(ri)),
			ri->key_chain ? ri->key_chain : "");
	}
	vty_out(vty, "  Routing for Networks:\n");
	status_networks(vty, rip);
	for (ifp = if_first(rip->ifdb); ifp; ifp = if_next(ifp)) {
		struct rip_if *ri = ifp->info;

		if (!ri || !(ri->enable_network || ri->enable_interface) || !ri->passive)
			continue;
		if (!passive_header) {
			vty_out(vty, "  Passive Interface(s):\n");
			passive_header = true;
		}
		vty_out(vty, "    %s\n", ifp->name);
	}
}

DEFUN(show_ip_rip_status, show_ip_rip_status_cmd, "show ip rip status",
      SHOW_STR IP_STR "Show RIP routes\n" "IP routing protocol process parameters and statistics\n")
{
	struct rip *rip = rip_get();
	struct rip_peer *peer;

	if (!rip || !rip->enabled)
		return CMD_SUCCESS;
	vty_out(vty, "Routing Protocol is \"rip\"\n");
	vty_out(vty, "  Sending updates every %lu seconds with +/-50%%,", rip->update_time);
	vty_out(vty, " next due in %ld seconds\n", rip_update_remain_sec(rip));
	vty_out(vty, "  Timeout after %lu seconds,", rip->timeout_time);
	vty_out(vty, " garbage collect after %lu seconds\n", rip->garbage_time);
	rip_distribute_show(vty, rip);
	vty_out(vty, "  Default redistribution metric is %d\n", rip->default_metric);
	vty_out(vty, "  Redistributing:");
	status_redistribute(vty, rip);
	vty_out(vty, "\n");
	vty_out(vty, "  Default version control: send version %s,",
		rip_version_str(rip->version_send));
	if (rip->version_recv == RI_RIP_VERSION_1_AND_2)
		vty_out(vty, " receive any version \n");
	else
		vty_out(vty, " receive version %s \n", rip_version_str(rip->version_recv));
	show_interfaces(vty, rip);
	vty_out(vty, "  Routing Information Sources:\n");
	vty_out(vty, "    Gateway          BadPackets BadRoutes  Distance Last Update\n");
	for (peer = rip->peers; peer; peer = peer->next) {
		char abuf[INET_ADDRSTRLEN], tbuf[32];

		vty_out(vty, "    %-16s %9u %9u %9d   %s\n",
			inet_ntop(AF_INET, &peer->addr, abuf, sizeof(abuf)),
			peer->bad_packets, peer->bad_routes, ZEBRA_RIP_DISTANCE_DEFAULT,
			rip_peer_uptime(peer, tbuf, sizeof(tbuf)));
	}
	rip_distance_show(vty, rip);
	return CMD_SUCCESS;
}

/* Tarpan extension (FRR has it): forget every learned route now. */
DEFUN(clear_ip_rip, clear_ip_rip_cmd, "clear ip rip",
      CLEAR_STR IP_STR "Clear IP RIP database\n")
{
	struct rip *rip = rip_get();
	struct route_node *rn;

	if (!rip || !rip->enabled)
		return CMD_SUCCESS;
	for (rn = route_top(rip->table); rn; rn = route_next(rip->table, rn)) {
		struct rip_route *r = rn->info;
		struct prefix p;

		if (r->type != ZEBRA_ROUTE_RIP || r->sub_type != RIP_ROUTE_RTE)
			continue;
		if (r->in_zebra)
			rip_zebra_route_delete(rip, route_node_prefix(rn, &p), r);
		rip_route_free(r);
		rn->info = NULL;
		route_node_delete(rip->table, rn);
	}
	rip_send_request_all(rip);
	return CMD_SUCCESS;
}

void rip_show_init(void)
{
	install_element(VIEW_NODE, &show_ip_rip_cmd);
	install_element(VIEW_NODE, &show_ip_rip_status_cmd);
	install_element(ENABLE_NODE, &clear_ip_rip_cmd);
}
