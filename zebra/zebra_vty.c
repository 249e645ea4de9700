/*
 * zebra's own vty commands besides routes: interfaces and their config,
 * router-id, forwarding, `show interface`, `show ip forwarding`,
 * `show router-id`, `show zebra client`, and the config writers of the
 * interface, IP (static routes), forwarding and protocol nodes.
 *
 * Configuration commands edit the tree (zebra_nb.h): in INTERFACE_NODE
 * vty->index is the interned data path of the interface's entry, and the
 * callbacks of zebra_nb_if.c apply the changes. The config writers render
 * the tree; `ip forwarding` is written from the kernel's state, as Quagga.
 */
#include <arpa/inet.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "command.h"
#include "vty.h"
#include "interface.h"
#include "kernel.h"
#include "rib.h"
#include "router_id.h"
#include "static_route.h"
#include "zebra_nb.h"
#include "zserv.h"
#include "zebra_vty.h"

static struct static_table *vty_statics;
static struct router_id *vty_rid;

struct static_table *zebra_vty_statics(void)
{
	return vty_statics;
}

static struct kernel *kern(void)
{
	return zebra_ctx->kernel;
}

/* ---- interface node ---- */

static int interface_config_write(struct vty *vty);
static struct cmd_node interface_node = { INTERFACE_NODE, "%s(config-if)# ",
					  interface_config_write };

/* The entered interface's data path (vty->index, interned), and a
 * sub-command's edit of one of its nodes. */
static const char *if_path(const char *name)
{
	char xp[NB_XPATH_MAX], q[64];

	if (!nb_quote(q, sizeof(q), name))
		return NULL;
	snprintf(xp, sizeof(xp), ZEBRA_NB_IF_XP "[name=%s]", q);
	return nb_path_intern(xp);
}

static int if_edit(struct vty *vty, const char *node, enum nb_op op,
		   const char *value)
{
	char xp[NB_XPATH_MAX + 128];

	if (!nb_find(vty->index)) {
		vty_out(vty, "%% The interface's configuration was deleted\n");
		return CMD_WARNING;
	}
	snprintf(xp, sizeof(xp), "%s/%s", (const char *)vty->index, node);
	nb_cli_enqueue_change(vty, xp, op, value);
	return nb_cli_apply_changes(vty);
}

DEFUN(zinterface, zinterface_cmd, "interface IFNAME",
      "Select an interface to configure\n" "Interface's name\n")
{
	const char *path;
	int rc;

	if (strlen(argv[0]) > ZIF_NAMSIZ) {
		vty_out(vty, "%% Interface name %s is invalid: length exceeds %d characters\n",
			argv[0], ZIF_NAMSIZ);
		return CMD_WARNING;
	}
	path = if_path(argv[0]);
	if (!path) {
		vty_out(vty, "%% Interface name %s is invalid\n", argv[0]);
		return CMD_WARNING;
	}
	nb_cli_enqueue_change(vty, path, NB_OP_CREATE, NULL);
	rc = nb_cli_apply_changes(vty);
	if (rc != CMD_SUCCESS)
		return rc;
	vty_enter_node(vty, INTERFACE_NODE, (void *)path);
	return CMD_SUCCESS;
}

DEFUN(no_zinterface, no_zinterface_cmd, "no interface IFNAME",
      NO_STR "Delete a pseudo interface's configuration\n" "Interface's name\n")
{
	struct zif *ifp = zif_by_name(zebra_ctx->ifdb, argv[0]);
	const char *path = if_path(argv[0]);

	if (!path || (!ifp && !nb_find(path))) {
		vty_out(vty, "%% Interface %s does not exist\n", argv[0]);
		return CMD_WARNING;
	}
	if (ifp && ifp->ifindex) {
		vty_out(vty, "%% Only inactive interfaces can be deleted\n");
		return CMD_WARNING;
	}
	if (!nb_find(path)) {
		zif_delete_pseudo(zebra_ctx->ifdb, ifp);
		return CMD_SUCCESS;
	}
	nb_cli_enqueue_change(vty, path, NB_OP_DESTROY, NULL);
	return nb_cli_apply_changes(vty);
}

DEFUN(if_description, if_description_cmd, "description .LINE",
      "Interface specific description\n" "Characters describing this interface\n")
{
	char buf[1024];
	size_t off = 0;

	buf[0] = 0;
	for (int i = 0; i < argc && off < sizeof(buf) - 1; i++)
		off += snprintf(buf + off, sizeof(buf) - off, "%s%s", i ? " " : "",
				argv[i]);
	return if_edit(vty, "description", NB_OP_MODIFY, buf);
}

DEFUN(no_if_description, no_if_description_cmd, "no description",
      NO_STR "Interface specific description\n")
{
	return if_edit(vty, "description", NB_OP_DESTROY, NULL);
}

DEFUN(if_shutdown, if_shutdown_cmd, "shutdown", "Shutdown the selected interface\n")
{
	return if_edit(vty, "shutdown", NB_OP_CREATE, NULL);
}

DEFUN(no_if_shutdown, no_if_shutdown_cmd, "no shutdown",
      NO_STR "Shutdown the selected interface\n")
{
	return if_edit(vty, "shutdown", NB_OP_DESTROY, NULL);
}

static int if_address(struct vty *vty, int family, const char *s, bool add)
{
	const char *list = family == AF_INET ? "ip-address" : "ipv6-address";
	char node[PREFIX_STRLEN + 64], q[PREFIX_STRLEN + 8], canon[PREFIX_STRLEN];
	char xp[NB_XPATH_MAX + 128];
	struct prefix p;
	int rc = family == AF_INET ? prefix_parse_ipv4(s, &p) :
				     prefix_parse_ipv6(s, &p);

	if (rc < 0) {
		vty_out(vty, "%% Malformed address \n");
		return CMD_WARNING;
	}
	prefix2str(&p, canon, sizeof(canon));
	nb_quote(q, sizeof(q), canon);
	snprintf(node, sizeof(node), "%s[address=%s]", list, q);
	if (!add) {
		snprintf(xp, sizeof(xp), "%s/%s", (const char *)vty->index, node);
		if (!nb_find(xp)) {
			vty_out(vty, "%% Can't find address\n");
			return CMD_WARNING;
		}
		return if_edit(vty, node, NB_OP_DESTROY, NULL);
	}
	return if_edit(vty, node, NB_OP_CREATE, NULL);
}

DEFUN(if_ip_address, if_ip_address_cmd, "ip address A.B.C.D/M",
      "Interface Internet Protocol config commands\n" "Set the IP address of an interface\n"
      "IP address (e.g. 10.0.0.1/8)\n")
{
	return if_address(vty, AF_INET, argv[0], true);
}

DEFUN(no_if_ip_address, no_if_ip_address_cmd, "no ip address A.B.C.D/M",
      NO_STR "Interface Internet Protocol config commands\n"
      "Set the IP address of an interface\n" "IP Address (e.g. 10.0.0.1/8)\n")
{
	return if_address(vty, AF_INET, argv[0], false);
}

DEFUN(if_ipv6_address, if_ipv6_address_cmd, "ipv6 address X:X::X:X/M",
      "Interface IPv6 config commands\n" "Set the IP address of an interface\n"
      "IPv6 address (e.g. 3ffe:506::1/48)\n")
{
	return if_address(vty, AF_INET6, argv[0], true);
}

DEFUN(no_if_ipv6_address, no_if_ipv6_address_cmd, "no ipv6 address X:X::X:X/M",
      NO_STR "Interface IPv6 config commands\n" "Set the IP address of an interface\n"
      "IPv6 address (e.g. 3ffe:506::1/48)\n")
{
	return if_address(vty, AF_INET6, argv[0], false);
}

DEFUN(if_bandwidth, if_bandwidth_cmd, "bandwidth <1-10000000>",
      "Set bandwidth informational parameter\n" "Bandwidth in kilobits\n")
{
	char v[16];

	snprintf(v, sizeof(v), "%lu", strtoul(argv[0], NULL, 10));
	return if_edit(vty, "bandwidth", NB_OP_MODIFY, v);
}

DEFUN(no_if_bandwidth, no_if_bandwidth_cmd, "no bandwidth",
      NO_STR "Set bandwidth informational parameter\n")
{
	return if_edit(vty, "bandwidth", NB_OP_DESTROY, NULL);
}

ALIAS(no_if_bandwidth, no_if_bandwidth_val_cmd, "no bandwidth <1-10000000>",
      NO_STR "Set bandwidth informational parameter\n" "Bandwidth in kilobits\n");

DEFUN(if_link_detect, if_link_detect_cmd, "link-detect", "Enable link detection on interface\n")
{
	if (zif_default_link_detect(zebra_ctx->ifdb))
		return if_edit(vty, "link-detect", NB_OP_DESTROY, NULL);
	return if_edit(vty, "link-detect", NB_OP_MODIFY, "true");
}

DEFUN(no_if_link_detect, no_if_link_detect_cmd, "no link-detect",
      NO_STR "Disable link detection on interface\n")
{
	if (!zif_default_link_detect(zebra_ctx->ifdb))
		return if_edit(vty, "link-detect", NB_OP_DESTROY, NULL);
	return if_edit(vty, "link-detect", NB_OP_MODIFY, "false");
}

DEFUN(if_multicast, if_multicast_cmd, "multicast", "Set multicast flag to interface\n")
{
	return if_edit(vty, "multicast", NB_OP_MODIFY, "true");
}

DEFUN(no_if_multicast, no_if_multicast_cmd, "no multicast",
      NO_STR "Unset multicast flag to interface\n")
{
	return if_edit(vty, "multicast", NB_OP_MODIFY, "false");
}

static int interface_config_write(struct vty *vty)
{
	size_t n;
	struct zif **v = zif_sorted(zebra_ctx->ifdb, &n);

	for (size_t i = 0; i < n; i++) {
		vty_out(vty, "interface %s\n", v[i]->name);
		zebra_nb_if_write(vty, v[i]->name);
		vty_out(vty, "!\n");
	}
	free(v);
	return 0;
}

/* Config that waits for its interface: applied when the kernel shows it. */
static void vty_if_added(void *arg, struct zif *ifp)
{
	for (struct zif_addr *a = ifp->addrs; a; a = a->next)
		if (a->configured && !a->in_kernel)
			kernel_address(kern(), ifp->ifindex, &a->p, true);
	if (ifp->shutdown && (ifp->flags & IFF_UP))
		kernel_link_updown(kern(), ifp->ifindex, false);
}

/* ---- show interface ---- */

static void fmt_time(time_t t, char *buf, size_t n)
{
	struct tm tm;

	if (!t) {
		snprintf(buf, n, "(never)");
		return;
	}
	localtime_r(&t, &tm);
	strftime(buf, n, "%a, %d %b %Y %T %z", &tm);
}

static const char *if_type_str(const struct zif *ifp)
{
	switch (ifp->arptype) {
	case ARPHRD_ETHER:
		return "Ethernet";
	case ARPHRD_LOOPBACK:
		return "Loopback";
	case ARPHRD_PPP:
		return "PPP";
	case ARPHRD_TUNNEL:
		return "IPIP Tunnel";
	case ARPHRD_IPGRE:
		return "GRE over IP";
	case ARPHRD_SIT:
		return "IPv6-in-IPv4";
	case ARPHRD_NONE:
		return "None";
	default:
		return "Unknown";
	}
}

static void flag_dump(struct vty *vty, uint64_t f)
{
	static const struct {
		uint64_t bit;
		const char *name;
	} names[] = {
		{ IFF_UP, "UP" },	      { IFF_BROADCAST, "BROADCAST" },
		{ IFF_DEBUG, "DEBUG" },	      { IFF_LOOPBACK, "LOOPBACK" },
		{ IFF_POINTOPOINT, "POINTOPOINT" },
		{ IFF_NOTRAILERS, "NOTRAILERS" },
		{ IFF_RUNNING, "RUNNING" },   { IFF_NOARP, "NOARP" },
		{ IFF_PROMISC, "PROMISC" },   { IFF_ALLMULTI, "ALLMULTI" },
		{ IFF_MULTICAST, "MULTICAST" },
	};
	bool first = true;

	vty_out(vty, "  flags: <");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (f & names[i].bit) {
			vty_out(vty, "%s%s", first ? "" : ",", names[i].name);
			first = false;
		}
	}
	vty_out(vty, ">\n");
}

static void if_dump(struct vty *vty, struct zif *ifp)
{
	char t1[64], t2[64], buf[PREFIX_STRLEN];

	vty_out(vty, "Interface %s is ", ifp->name);
	if (zif_is_up(ifp)) {
		vty_out(vty, "up, line protocol ");
		if (ifp->link_detect)
			vty_out(vty, "is %s\n", (ifp->flags & IFF_RUNNING) ? "up" : "down");
		else
			vty_out(vty, "detection is disabled\n");
	} else {
		vty_out(vty, "down\n");
	}
	fmt_time(ifp->last_up, t1, sizeof(t1));
	fmt_time(ifp->last_down, t2, sizeof(t2));
	vty_out(vty, "  Link ups:   %5u  last: %s\n", ifp->link_ups, t1);
	vty_out(vty, "  Link downs: %5u  last: %s\n", ifp->link_downs, t2);
	vty_out(vty, "  vrf: 0\n");
	if (ifp->desc)
		vty_out(vty, "  Description: %s\n", ifp->desc);
	if (!ifp->ifindex) {
		vty_out(vty, "  pseudo interface\n");
		return;
	}
	vty_out(vty, "  index %u metric %u mtu %u ", ifp->ifindex, ifp->metric,
		ifp->mtu);
	if (ifp->mtu6 != ifp->mtu)
		vty_out(vty, "mtu6 %u ", ifp->mtu6);
	vty_out(vty, "\n");
	if (ifp->bandwidth)
		vty_out(vty, "  bandwidth %u kbps\n", ifp->bandwidth);
	flag_dump(vty, ifp->flags);
	vty_out(vty, "  Type: %s\n", if_type_str(ifp));
	if (ifp->hw_len && ifp->arptype != ARPHRD_LOOPBACK) {
		vty_out(vty, "  HWaddr: ");
		for (unsigned i = 0; i < ifp->hw_len; i++)
			vty_out(vty, "%s%02x", i ? ":" : "", ifp->hw_addr[i]);
		vty_out(vty, "\n");
	}
	for (struct zif_addr *a = ifp->addrs; a; a = a->next) {
		if (!a->in_kernel)
			continue;
		vty_out(vty, "  %s %s", a->p.family == AF_INET ? "inet" : "inet6",
			prefix2str(&a->p, buf, sizeof(buf)));
		if (a->dest.family) {
			vty_out(vty, "%s%s", (a->flags & ZIFA_PEER) ? " peer " : " broadcast ",
				prefix2str(&a->dest, buf, sizeof(buf)));
		}
		if (a->flags & ZIFA_SECONDARY)
			vty_out(vty, " secondary");
		vty_out(vty, "\n");
	}
}

static void if_json(struct vty *vty, struct zif *ifp, bool first)
{
	char buf[PREFIX_STRLEN];
	bool afirst = true;

	vty_out(vty, "%s\n  {\"name\": \"%s\", \"ifindex\": %u, \"up\": %s, "
		"\"operative\": %s, \"mtu\": %u, \"bandwidth\": %u, \"flags\": %llu, "
		"\"description\": \"%s\", \"pseudo\": %s, \"addresses\": [",
		first ? "" : ",", ifp->name, ifp->ifindex,
		zif_is_up(ifp) ? "true" : "false",
		zif_is_operative(ifp) ? "true" : "false", ifp->mtu, ifp->bandwidth,
		(unsigned long long)ifp->flags, ifp->desc ? ifp->desc : "",
		ifp->ifindex ? "false" : "true");
	for (struct zif_addr *a = ifp->addrs; a; a = a->next) {
		if (!a->in_kernel)
			continue;
		vty_out(vty, "%s\"%s\"", afirst ? "" : ", ",
			prefix2str(&a->p, buf, sizeof(buf)));
		afirst = false;
	}
	vty_out(vty, "]}");
}

static int show_interfaces(struct vty *vty, const char *name, bool json)
{
	size_t n;
	struct zif **v;
	bool first = true;

	if (name) {
		struct zif *ifp = zif_by_name(zebra_ctx->ifdb, name);

		if (!ifp) {
			vty_out(vty, "%% Can't find interface %s\n", name);
			return CMD_WARNING;
		}
		if (json) {
			vty_out(vty, "[");
			if_json(vty, ifp, true);
			vty_out(vty, "\n]\n");
		} else {
			if_dump(vty, ifp);
		}
		return CMD_SUCCESS;
	}
	v = zif_sorted(zebra_ctx->ifdb, &n);
	if (json)
		vty_out(vty, "[");
	for (size_t i = 0; i < n; i++) {
		if (json)
			if_json(vty, v[i], first);
		else
			if_dump(vty, v[i]);
		first = false;
	}
	if (json)
		vty_out(vty, "\n]\n");
	free(v);
	return CMD_SUCCESS;
}

DEFUN(show_interface, show_interface_cmd, "show interface",
      SHOW_STR "Interface status and configuration\n")
{
	return show_interfaces(vty, NULL, false);
}

DEFUN(show_interface_json, show_interface_json_cmd, "show interface json",
      SHOW_STR "Interface status and configuration\n" "JavaScript Object Notation\n")
{
	return show_interfaces(vty, NULL, true);
}

DEFUN(show_interface_name, show_interface_name_cmd, "show interface IFNAME",
      SHOW_STR "Interface status and configuration\n" "Inteface name\n")
{
	return show_interfaces(vty, argv[0], false);
}

DEFUN(show_interface_name_json, show_interface_name_json_cmd,
      "show interface IFNAME json",
      SHOW_STR "Interface status and configuration\n" "Inteface name\n"
      "JavaScript Object Notation\n")
{
	return show_interfaces(vty, argv[0], true);
}

/* ---- router-id ---- */

DEFUN(router_id, router_id_cmd, "router-id A.B.C.D",
      "Manually set the router-id\n" "IP address to use for router-id\n")
{
	struct in_addr a;
	char buf[INET_ADDRSTRLEN];

	if (inet_pton(AF_INET, argv[0], &a) != 1 || !a.s_addr) {
		vty_out(vty, "%% Malformed address\n");
		return CMD_WARNING;
	}
	inet_ntop(AF_INET, &a, buf, sizeof(buf));
	nb_cli_enqueue_change(vty, ZEBRA_NB_XP "/router-id", NB_OP_MODIFY, buf);
	return nb_cli_apply_changes(vty);
}

DEFUN(no_router_id, no_router_id_cmd, "no router-id",
      NO_STR "Remove the manually configured router-id\n")
{
	nb_cli_enqueue_change(vty, ZEBRA_NB_XP "/router-id", NB_OP_DESTROY, NULL);
	return nb_cli_apply_changes(vty);
}

ALIAS(no_router_id, no_router_id_val_cmd, "no router-id A.B.C.D",
      NO_STR "Remove the manually configured router-id\n"
      "IP address to use for router-id\n");

DEFUN(show_router_id, show_router_id_cmd, "show router-id",
      SHOW_STR "Show the configured router-id\n")
{
	struct in_addr a = router_id_get(vty_rid);
	char buf[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &a, buf, sizeof(buf));
	vty_out(vty, "router-id %s\n", buf);
	return CMD_SUCCESS;
}

/* ---- forwarding ---- */

DEFUN(ip_forwarding, ip_forwarding_cmd, "ip forwarding",
      IP_STR "Turn on IP forwarding\n")
{
	if (kernel_forwarding_set(AF_INET, true) < 0) {
		vty_out(vty, "Can't turn on IP forwarding\n");
		return CMD_WARNING;
	}
	return CMD_SUCCESS;
}

DEFUN(no_ip_forwarding, no_ip_forwarding_cmd, "no ip forwarding",
      NO_STR IP_STR "Turn off IP forwarding\n")
{
	if (kernel_forwarding_set(AF_INET, false) < 0) {
		vty_out(vty, "Can't turn off IP forwarding\n");
		return CMD_WARNING;
	}
	return CMD_SUCCESS;
}

DEFUN(ipv6_forwarding, ipv6_forwarding_cmd, "ipv6 forwarding",
      IPV6_STR "Turn on IPv6 forwarding\n")
{
	if (kernel_forwarding_set(AF_INET6, true) < 0) {
		vty_out(vty, "Can't turn on IPv6 forwarding\n");
		return CMD_WARNING;
	}
	return CMD_SUCCESS;
}

DEFUN(no_ipv6_forwarding, no_ipv6_forwarding_cmd, "no ipv6 forwarding",
      NO_STR IPV6_STR "Turn off IPv6 forwarding\n")
{
	if (kernel_forwarding_set(AF_INET6, false) < 0) {
		vty_out(vty, "Can't turn off IPv6 forwarding\n");
		return CMD_WARNING;
	}
	return CMD_SUCCESS;
}

DEFUN(show_ip_forwarding, show_ip_forwarding_cmd, "show ip forwarding",
      SHOW_STR IP_STR "IP forwarding status\n")
{
	int r = kernel_forwarding_get(AF_INET);

	if (r < 0)
		vty_out(vty, "IP forwarding status is unknown\n");
	else
		vty_out(vty, "IP forwarding is %s\n", r ? "on" : "off");
	return CMD_SUCCESS;
}

DEFUN(show_ipv6_forwarding, show_ipv6_forwarding_cmd, "show ipv6 forwarding",
      SHOW_STR "IPv6 information\n" "Forwarding status\n")
{
	int r = kernel_forwarding_get(AF_INET6);

	if (r < 0)
		vty_out(vty, "ipv6 forwarding is unknown\n");
	else
		vty_out(vty, "ipv6 forwarding is %s\n", r ? "on" : "off");
	return CMD_SUCCESS;
}

/* ---- zebra clients ---- */

DEFUN(show_zebra_client, show_zebra_client_cmd, "show zebra client",
      SHOW_STR "Zebra information\n" "Client information\n")
{
	zserv_show_clients(zebra_ctx->zserv, vty, false);
	return CMD_SUCCESS;
}

DEFUN(show_zebra_client_summary, show_zebra_client_summary_cmd,
      "show zebra client summary",
      SHOW_STR "Zebra information\n" "Client information\n" "Brief Summary\n")
{
	zserv_show_clients(zebra_ctx->zserv, vty, true);
	return CMD_SUCCESS;
}

/* ---- config writers ---- */

static int ip_config_write(struct vty *vty)
{
	return zebra_nb_static_write(vty, AF_INET) +
	       zebra_nb_static_write(vty, AF_INET6);
}

static int forwarding_config_write(struct vty *vty)
{
	zebra_nb_router_id_write(vty);
	if (kernel_forwarding_get(AF_INET) == 1)
		vty_out(vty, "ip forwarding\n");
	if (kernel_forwarding_get(AF_INET6) == 1)
		vty_out(vty, "ipv6 forwarding\n");
	vty_out(vty, "!\n");
	return 0;
}

static int protocol_config_write(struct vty *vty)
{
	vty_out(vty, "!\n");
	return 0;
}

static struct cmd_node ip_node = { IP_NODE, "", ip_config_write };
static struct cmd_node forwarding_node = { FORWARDING_NODE, "",
					   forwarding_config_write };
static struct cmd_node protocol_node = { PROTOCOL_NODE, "", protocol_config_write };

void zebra_vty_init(struct zebra *z, struct static_table *st,
		    struct router_id *rid)
{
	struct zif_listener l = { .added = vty_if_added };

	vty_statics = st;
	vty_rid = rid;
	zebra_nb_init(z, st, rid);
	zif_add_listener(z->ifdb, &l);

	install_node(&interface_node);
	install_node(&ip_node);
	install_node(&forwarding_node);
	install_node(&protocol_node);
	install_default(INTERFACE_NODE);

	install_element(CONFIG_NODE, &zinterface_cmd);
	install_element(CONFIG_NODE, &no_zinterface_cmd);
	install_element(INTERFACE_NODE, &if_description_cmd);
	install_element(INTERFACE_NODE, &no_if_description_cmd);
	install_element(INTERFACE_NODE, &if_shutdown_cmd);
	install_element(INTERFACE_NODE, &no_if_shutdown_cmd);
	install_element(INTERFACE_NODE, &if_ip_address_cmd);
	install_element(INTERFACE_NODE, &no_if_ip_address_cmd);
	install_element(INTERFACE_NODE, &if_ipv6_address_cmd);
	install_element(INTERFACE_NODE, &no_if_ipv6_address_cmd);
	install_element(INTERFACE_NODE, &if_bandwidth_cmd);
	install_element(INTERFACE_NODE, &no_if_bandwidth_cmd);
	install_element(INTERFACE_NODE, &no_if_bandwidth_val_cmd);
	install_element(INTERFACE_NODE, &if_link_detect_cmd);
	install_element(INTERFACE_NODE, &no_if_link_detect_cmd);
	install_element(INTERFACE_NODE, &if_multicast_cmd);
	install_element(INTERFACE_NODE, &no_if_multicast_cmd);

	install_element(CONFIG_NODE, &router_id_cmd);
	install_element(CONFIG_NODE, &no_router_id_cmd);
	install_element(CONFIG_NODE, &no_router_id_val_cmd);
	install_element(CONFIG_NODE, &ip_forwarding_cmd);
	install_element(CONFIG_NODE, &no_ip_forwarding_cmd);
	install_element(CONFIG_NODE, &ipv6_forwarding_cmd);
	install_element(CONFIG_NODE, &no_ipv6_forwarding_cmd);

	install_element(VIEW_NODE, &show_interface_cmd);
	install_element(VIEW_NODE, &show_interface_json_cmd);
	install_element(VIEW_NODE, &show_interface_name_cmd);
	install_element(VIEW_NODE, &show_interface_name_json_cmd);
	install_element(VIEW_NODE, &show_router_id_cmd);
	install_element(VIEW_NODE, &show_ip_forwarding_cmd);
	install_element(VIEW_NODE, &show_ipv6_forwarding_cmd);
	install_element(VIEW_NODE, &show_zebra_client_cmd);
	install_element(VIEW_NODE, &show_zebra_client_summary_cmd);

	static_vty_init();
	show_route_vty_init();
}
