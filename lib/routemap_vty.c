/*
 * Route-map commands: `route-map WORD (deny|permit) <1-65535>` (entering
 * RMAP_NODE), `no route-map ...`, and the RMAP_NODE commands of the
 * library (on-match, continue, call, description); `show route-map`; the
 * helpers the daemons' match/set commands call; the RMAP_NODE
 * config-write block.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "policy_util.h"
#include "routemap.h"
#include "vty.h"

#define RMAP_STR "Create route-map or enter route-map command mode\n"
#define RMAP_NAME_STR "Route map tag\n"
#define RMAP_DP_STR "Route map denies set operations\nRoute map permits set operations\n"
#define RMAP_SEQ_STR "Sequence to insert to/delete from existing route-map entry\n"

/* Parse "permit"/"deny" (or an abbreviation) and the preference. */
static int parse_entry(struct vty *vty, const char *type_str, const char *pref_str,
		       enum route_map_type *type, unsigned *pref)
{
	size_t len = strlen(type_str);
	unsigned long v;
	char *end;

	if (len && strncmp(type_str, "permit", len) == 0) {
		*type = RMAP_PERMIT;
	} else if (len && strncmp(type_str, "deny", len) == 0) {
		*type = RMAP_DENY;
	} else {
		vty_out(vty, "the third field must be [permit|deny]\n");
		return CMD_WARNING;
	}
	errno = 0;
	v = strtoul(pref_str, &end, 10);
	if (errno || *end || *pref_str == '-') {
		vty_out(vty, "the fourth field must be positive integer\n");
		return CMD_WARNING;
	}
	if (v == 0 || v > 65535) {
		vty_out(vty, "the fourth field must be <1-65535>\n");
		return CMD_WARNING;
	}
	*pref = (unsigned)v;
	return CMD_SUCCESS;
}

DEFUN(rmap_entry, rmap_entry_cmd, "route-map WORD (deny|permit) <1-65535>",
      RMAP_STR RMAP_NAME_STR RMAP_DP_STR RMAP_SEQ_STR)
{
	enum route_map_type type;
	unsigned pref;
	struct route_map_index *index;

	if (parse_entry(vty, argv[1], argv[2], &type, &pref) != CMD_SUCCESS)
		return CMD_WARNING;
	index = route_map_index_get(argv[0], type, pref);
	vty_enter_node(vty, RMAP_NODE, index);
	return CMD_SUCCESS;
}

DEFUN(no_rmap_all, no_rmap_all_cmd, "no route-map WORD",
      NO_STR RMAP_STR RMAP_NAME_STR)
{
	if (!route_map_lookup_by_name(argv[0])) {
		vty_out(vty, "%% Could not find route-map %s\n", argv[0]);
		return CMD_WARNING;
	}
	route_map_delete_name(argv[0]);
	return CMD_SUCCESS;
}

DEFUN(no_rmap_entry, no_rmap_entry_cmd, "no route-map WORD (deny|permit) <1-65535>",
      NO_STR RMAP_STR RMAP_NAME_STR RMAP_DP_STR RMAP_SEQ_STR)
{
	enum route_map_type type;
	struct route_map_index *index;
	unsigned pref;

	if (parse_entry(vty, argv[1], argv[2], &type, &pref) != CMD_SUCCESS)
		return CMD_WARNING;
	if (!route_map_lookup_by_name(argv[0])) {
		vty_out(vty, "%% Could not find route-map %s\n", argv[0]);
		return CMD_WARNING;
	}
	index = route_map_index_lookup(argv[0], type, pref);
	if (!index) {
		vty_out(vty, "%% Could not find route-map entry %s %s\n", argv[0],
			argv[2]);
		return CMD_WARNING;
	}
	route_map_index_delete(index);
	return CMD_SUCCESS;
}

/* The entry this vty is in, or NULL (with a message) if it was deleted. */
static struct route_map_index *current(struct vty *vty)
{
	if (!route_map_index_valid(vty->index)) {
		vty_out(vty, "%% The route-map entry was deleted\n");
		return NULL;
	}
	return vty->index;
}

DEFUN(rmap_onmatch_next, rmap_onmatch_next_cmd, "on-match next",
      "Exit policy on matches\nNext clause\n")
{
	struct route_map_index *index = current(vty);

	if (!index)
		return CMD_WARNING;
	route_map_exit_set(index, RMAP_NEXT, 0);
	return CMD_SUCCESS;
}

DEFUN(no_rmap_onmatch_next, no_rmap_onmatch_next_cmd, "no on-match next",
      NO_STR "Exit policy on matches\nNext clause\n")
{
	struct route_map_index *index = current(vty);

	if (!index)
		return CMD_WARNING;
	route_map_exit_set(index, RMAP_EXIT, 0);
	return CMD_SUCCESS;
}

DEFUN(rmap_onmatch_goto, rmap_onmatch_goto_cmd, "on-match goto <1-65535>",
      "Exit policy on matches\nGoto Clause number\nNumber\n")
{
	struct route_map_index *index = current(vty);
	unsigned long d;
	char *end;

	if (!index)
		return CMD_WARNING;
	if (argc >= 1 && argv[0]) {
		errno = 0;
		d = strtoul(argv[0], &end, 10);
		if (errno || *end || *argv[0] == '-' || d < 1 || d > 65536) {
			vty_out(vty, "%% Invalid route-map index value\n");
			return CMD_WARNING;
		}
	} else {
		d = route_map_index_pref(index) + 1;
	}
	if (d <= route_map_index_pref(index)) {
		vty_out(vty, "can't jump backwards in route-maps\n");
		return CMD_WARNING;
	}
	route_map_exit_set(index, RMAP_GOTO, (unsigned)d);
	return CMD_SUCCESS;
}

DEFUN(no_rmap_onmatch_goto, no_rmap_onmatch_goto_cmd, "no on-match goto",
      NO_STR "Exit policy on matches\nGoto Clause number\n")
{
	struct route_map_index *index = current(vty);

	if (!index)
		return CMD_WARNING;
	route_map_exit_set(index, RMAP_EXIT, 0);
	return CMD_SUCCESS;
}

ALIAS(rmap_onmatch_goto, rmap_continue_cmd, "continue",
      "Continue on a different entry within the route-map\n");
ALIAS(no_rmap_onmatch_goto, no_rmap_continue_cmd, "no continue",
      NO_STR "Continue on a different entry within the route-map\n");
ALIAS(rmap_onmatch_goto, rmap_continue_index_cmd, "continue <1-65536>",
      "Continue on a different entry within the route-map\n"
      "Route-map entry sequence number\n");

DEFUN(rmap_call, rmap_call_cmd, "call WORD",
      "Jump to another Route-Map after match+set\nTarget route-map name\n")
{
	struct route_map_index *index = current(vty);

	if (!index)
		return CMD_WARNING;
	route_map_call_set(index, argv[0]);
	return CMD_SUCCESS;
}

DEFUN(no_rmap_call, no_rmap_call_cmd, "no call",
      NO_STR "Jump to another Route-Map after match+set\n")
{
	struct route_map_index *index = current(vty);

	if (!index)
		return CMD_WARNING;
	route_map_call_set(index, NULL);
	return CMD_SUCCESS;
}

DEFUN(rmap_description, rmap_description_cmd, "description .LINE",
      "Route-map comment\nComment describing this route-map rule\n")
{
	struct route_map_index *index = current(vty);
	char *desc;

	if (!index)
		return CMD_WARNING;
	desc = policy_argv_concat(argc, argv, 0);
	route_map_description_set(index, desc);
	policy_argv_free(desc);
	return CMD_SUCCESS;
}

DEFUN(no_rmap_description, no_rmap_description_cmd, "no description",
      NO_STR "Route-map comment\n")
{
	struct route_map_index *index = current(vty);

	if (!index)
		return CMD_WARNING;
	route_map_description_set(index, NULL);
	return CMD_SUCCESS;
}

DEFUN(rmap_show, rmap_show_cmd, "show route-map [WORD]",
      SHOW_STR "route-map information\nroute-map name\n")
{
	return route_map_show(vty, argc > 0 ? argv[0] : NULL) ? CMD_WARNING
							      : CMD_SUCCESS;
}

/* ---- helpers for the daemons' match/set commands -------------------------- */

static int vty_result(struct vty *vty, int ret)
{
	switch (ret) {
	case 0:
		return CMD_SUCCESS;
	case RMAP_COMPILE_ERROR:
		vty_out(vty, "%% Argument is malformed.\n");
		return CMD_WARNING;
	default:
		vty_out(vty, "%% Can't find rule.\n");
		return CMD_WARNING;
	}
}

int route_map_vty_match_add(struct vty *vty, const char *name, const char *arg)
{
	struct route_map_index *index = current(vty);

	return index ? vty_result(vty, route_map_add_match(index, name, arg))
		     : CMD_WARNING;
}

int route_map_vty_match_delete(struct vty *vty, const char *name, const char *arg)
{
	struct route_map_index *index = current(vty);

	return index ? vty_result(vty, route_map_delete_match(index, name, arg))
		     : CMD_WARNING;
}

int route_map_vty_set_add(struct vty *vty, const char *name, const char *arg)
{
	struct route_map_index *index = current(vty);

	return index ? vty_result(vty, route_map_add_set(index, name, arg))
		     : CMD_WARNING;
}

int route_map_vty_set_delete(struct vty *vty, const char *name, const char *arg)
{
	struct route_map_index *index = current(vty);

	return index ? vty_result(vty, route_map_delete_set(index, name, arg))
		     : CMD_WARNING;
}

static struct cmd_node rmap_node = { RMAP_NODE, "%s(config-route-map)# ",
				     route_map_config_write };

void route_map_init(void)
{
	install_node(&rmap_node);
	install_default(RMAP_NODE);
	install_element(CONFIG_NODE, &rmap_entry_cmd);
	install_element(CONFIG_NODE, &no_rmap_all_cmd);
	install_element(CONFIG_NODE, &no_rmap_entry_cmd);
	install_element(RMAP_NODE, &rmap_entry_cmd);
	install_element(RMAP_NODE, &rmap_onmatch_next_cmd);
	install_element(RMAP_NODE, &no_rmap_onmatch_next_cmd);
	install_element(RMAP_NODE, &rmap_onmatch_goto_cmd);
	install_element(RMAP_NODE, &no_rmap_onmatch_goto_cmd);
	install_element(RMAP_NODE, &rmap_continue_cmd);
	install_element(RMAP_NODE, &no_rmap_continue_cmd);
	install_element(RMAP_NODE, &rmap_continue_index_cmd);
	install_element(RMAP_NODE, &rmap_call_cmd);
	install_element(RMAP_NODE, &no_rmap_call_cmd);
	install_element(RMAP_NODE, &rmap_description_cmd);
	install_element(RMAP_NODE, &no_rmap_description_cmd);
	install_element(ENABLE_NODE, &rmap_show_cmd);
}
