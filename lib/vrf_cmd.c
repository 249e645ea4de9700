/*
 * `vrf <1-65535> netns NAME`: Quagga 1.2.4 let every daemon bind a VRF id
 * to a network namespace. Tarpan's daemons run one instance per namespace
 * instead (-N), so the binding has no effect yet; the lines are accepted,
 * kept and written back so that a Quagga configuration loads unchanged and
 * survives `write memory`, and the operator is told once that they are
 * inert.
 */
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "log.h"
#include "memory.h"
#include "vty.h"
#include "cmd_common.h"

DEFINE_MTYPE_STATIC(VRF_NETNS, "VRF netns binding");

struct vrf_netns {
	unsigned long vrf_id;
	char *netns;
	struct vrf_netns *next;
};

/* Kept sorted by VRF id, the order the configuration is written in. */
static struct vrf_netns *bindings;
static bool told_inert;

static struct vrf_netns **find_slot(unsigned long id)
{
	struct vrf_netns **pp = &bindings;

	while (*pp && (*pp)->vrf_id < id)
		pp = &(*pp)->next;
	return pp;
}

DEFUN(vrf_netns, vrf_netns_cmd, "vrf <1-65535> netns NAME",
      "Enable a VRF\n"
      "Specify the VRF identifier\n"
      "Associate with a NETNS\n"
      "The file name in /var/run/netns (or the full path)\n")
{
	unsigned long id = strtoul(argv[0], NULL, 10);
	struct vrf_netns **pp = find_slot(id), *b = *pp;

	if (b && b->vrf_id == id) {
		if (strcmp(b->netns, argv[1])) {
			vty_out(vty, "%% VRF %lu is already associated with netns %s\n",
				id, b->netns);
			return CMD_WARNING;
		}
		return CMD_SUCCESS;
	}
	b = XCALLOC(VRF_NETNS, sizeof(*b));
	b->vrf_id = id;
	b->netns = XSTRDUP(VRF_NETNS, argv[1]);
	b->next = *pp;
	*pp = b;
	if (!told_inert) {
		told_inert = true;
		zlog_warn("vrf %lu netns %s: VRF namespaces are kept in the configuration but not used; run one daemon instance per namespace (-N)",
			  id, argv[1]);
	}
	return CMD_SUCCESS;
}

DEFUN(no_vrf_netns, no_vrf_netns_cmd, "no vrf <1-65535> netns NAME",
      NO_STR
      "Enable a VRF\n"
      "Specify the VRF identifier\n"
      "Associate with a NETNS\n"
      "The file name in /var/run/netns (or the full path)\n")
{
	unsigned long id = strtoul(argv[0], NULL, 10);
	struct vrf_netns **pp = find_slot(id), *b = *pp;

	if (!b || b->vrf_id != id || strcmp(b->netns, argv[1])) {
		vty_out(vty, "%% VRF %lu is not associated with netns %s\n", id, argv[1]);
		return CMD_WARNING;
	}
	*pp = b->next;
	XFREE(VRF_NETNS, b->netns);
	XFREE(VRF_NETNS, b);
	return CMD_SUCCESS;
}

static int vrf_config_write(struct vty *vty)
{
	int lines = 0;

	for (struct vrf_netns *b = bindings; b; b = b->next, lines++)
		vty_out(vty, "vrf %lu netns %s\n", b->vrf_id, b->netns);
	return lines;
}

static struct cmd_node vrf_node = {
	.node = VRF_NODE,
	.prompt = "",
	.config_write = vrf_config_write,
};

void cmd_vrf_install(void)
{
	install_node(&vrf_node);
	install_element(CONFIG_NODE, &vrf_netns_cmd);
	install_element(CONFIG_NODE, &no_vrf_netns_cmd);
}
