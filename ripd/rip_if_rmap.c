/*
 * `route-map NAME (in|out) IFNAME` in the `router rip` node (Quagga's
 * if-rmap, which its lib offered to ripd and ripngd): a route-map applied
 * to the updates received (in) or sent (out) on one interface.
 *
 * The commands edit the tree (RIP_NB_XP/interface-route-map[interface],
 * leaves in and out); rip_nb.c calls rip_if_rmap_set() from there. The
 * bindings are kept by interface name in rip->if_rmaps, so they may name
 * interfaces that do not exist yet; the maps are looked up by name when
 * used (rip_routemap.c). Written back after the distribute-lists
 * (rip_nb_show.c), as " route-map NAME in IFNAME" then the out binding,
 * per interface in the order they were first configured.
 */
#include <stdio.h>
#include <string.h>

#include "command.h"
#include "memory.h"
#include "northbound.h"
#include "vty.h"
#include "ripd.h"

DEFINE_MTYPE_STATIC(RIP_IF_RMAP, "RIP interface route-map");

static struct rip_if_rmap *if_rmap_find(const struct rip *rip, const char *ifname)
{
	struct rip_if_rmap *m;

	for (m = rip->if_rmaps; m; m = m->next)
		if (strcmp(m->ifname, ifname) == 0)
			return m;
	return NULL;
}

const char *rip_if_rmap_name(const struct rip *rip, const char *ifname, int dir)
{
	const struct rip_if_rmap *m;

	if (!rip->if_rmaps || !ifname)
		return NULL;
	m = if_rmap_find(rip, ifname);
	return m ? m->name[dir ? 1 : 0] : NULL;
}

static void if_rmap_free(struct rip_if_rmap *m)
{
	XFREE(RIP_IF_RMAP, m->name[0]);
	XFREE(RIP_IF_RMAP, m->name[1]);
	XFREE(RIP_IF_RMAP, m->ifname);
	XFREE(RIP_IF_RMAP, m);
}

int rip_if_rmap_set(struct rip *rip, const char *ifname, int dir, const char *name,
		    bool set)
{
	struct rip_if_rmap *m = if_rmap_find(rip, ifname), **pp;
	char **slot;

	dir = dir ? 1 : 0;
	if (!set) {
		if (!m || !m->name[dir] || strcmp(m->name[dir], name) != 0)
			return -1;
		XFREE(RIP_IF_RMAP, m->name[dir]);
		if (m->name[!dir])
			return 0;
		for (pp = &rip->if_rmaps; *pp != m; pp = &(*pp)->next)
			;
		*pp = m->next;
		if_rmap_free(m);
		return 0;
	}
	if (!m) {
		m = XCALLOC(RIP_IF_RMAP, sizeof(*m));
		m->ifname = XSTRDUP(RIP_IF_RMAP, ifname);
		for (pp = &rip->if_rmaps; *pp; pp = &(*pp)->next)
			;
		*pp = m;
	}
	slot = &m->name[dir];
	XFREE(RIP_IF_RMAP, *slot);
	*slot = XSTRDUP(RIP_IF_RMAP, name);
	return 0;
}

void rip_if_rmap_clean(struct rip *rip)
{
	while (rip->if_rmaps) {
		struct rip_if_rmap *m = rip->if_rmaps;

		rip->if_rmaps = m->next;
		if_rmap_free(m);
	}
}

static int if_rmap_cmd(struct vty *vty, const char *argv[], bool set)
{
	char entry[NB_XPATH_MAX], leaf[NB_XPATH_MAX + 8];
	const struct lyd_node *old;
	int dir;

	/* the keyword as typed: may be abbreviated interactively */
	if (strncmp(argv[1], "in", strlen(argv[1])) == 0) {
		dir = 0;
	} else if (strncmp(argv[1], "out", strlen(argv[1])) == 0) {
		dir = 1;
	} else {
		vty_out(vty, "route-map direction must be [in|out]\n");
		return CMD_WARNING;
	}
	if (!rip_nb_entry(entry, sizeof(entry), RIP_NB_XP, "interface-route-map",
			  "interface", argv[2])) {
		vty_out(vty, "%% Invalid interface name %s\n", argv[2]);
		return CMD_WARNING;
	}
	snprintf(leaf, sizeof(leaf), "%s/%s", entry, dir ? "out" : "in");
	if (set) {
		nb_cli_enqueue_change(vty, leaf, NB_OP_MODIFY, argv[0]);
		return nb_cli_apply_changes(vty);
	}
	old = nb_find(leaf);
	if (!old || strcmp(nb_value(old), argv[0]) != 0) {
		vty_out(vty, "route-map doesn't exist\n");
		return CMD_WARNING;
	}
	rip_nb_unset(vty, entry, leaf);
	return nb_cli_apply_changes(vty);
}

DEFUN(rip_if_rmap, rip_if_rmap_cmd, "route-map RMAP_NAME (in|out) IFNAME",
      "Route map set\n" "Route map name\n" "Route map set for input filtering\n"
      "Route map set for output filtering\n" "Route map interface name\n")
{
	return if_rmap_cmd(vty, argv, true);
}

DEFUN(no_rip_if_rmap, no_rip_if_rmap_cmd, "no route-map ROUTEMAP_NAME (in|out) IFNAME",
      NO_STR "Route map unset\n" "Route map name\n" "Route map for input filtering\n"
      "Route map for output filtering\n" "Route map interface name\n")
{
	return if_rmap_cmd(vty, argv, false);
}

void rip_if_rmap_init(void)
{
	install_element(RIP_NODE, &rip_if_rmap_cmd);
	install_element(RIP_NODE, &no_rip_if_rmap_cmd);
}
