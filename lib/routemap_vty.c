/*
 * Route-map commands: `route-map WORD (deny|permit) <1-65535>` (entering
 * RMAP_NODE), `no route-map ...`, and the RMAP_NODE commands of the
 * library (on-match, continue, call, description); `show route-map`; the
 * helpers the daemons' match/set commands call; the RMAP_NODE node.
 *
 * Config commands edit the northbound tree (routemap_nb.c compiles the
 * changes into routemap.c's structures and writes the block from the
 * tree). In RMAP_NODE, vty->index is the entry's data path (interned by
 * nb_path_intern), not a pointer into the structures: inside a config file
 * the structures only change when the whole file is applied, and an entry
 * deleted by another session is simply no longer found.
 */
#include "config.h"

#include <errno.h>
#include <libyang/libyang.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "policy_util.h"
#include "routemap_nb.h"
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

/* The action leaf value for a type. */
static const char *type_word(enum route_map_type type)
{
	return type == RMAP_DENY ? "deny" : "permit";
}

DEFUN(rmap_entry, rmap_entry_cmd, "route-map WORD (deny|permit) <1-65535>",
      RMAP_STR RMAP_NAME_STR RMAP_DP_STR RMAP_SEQ_STR)
{
	char xp[NB_XPATH_MAX], axp[NB_XPATH_MAX + 16];
	const struct lyd_node *old;
	enum route_map_type type;
	unsigned pref;
	const char *action;

	if (parse_entry(vty, argv[1], argv[2], &type, &pref) != CMD_SUCCESS)
		return CMD_WARNING;
	if (!route_map_nb_entry_xpath(xp, sizeof(xp), argv[0], pref)) {
		vty_out(vty, "%% Invalid route-map name\n");
		return CMD_WARNING;
	}
	old = nb_find(xp);
	action = old ? nb_child_value(old, "action") : NULL;
	if (!action || strcmp(action, type_word(type)) != 0) {
		/* a new entry, or the same sequence with the other type:
		 * Quagga replaces the entry, clauses and all */
		if (old)
			nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
		snprintf(axp, sizeof(axp), "%s/action", xp);
		nb_cli_enqueue_change(vty, axp, NB_OP_MODIFY, type_word(type));
		if (nb_cli_apply_changes(vty) != CMD_SUCCESS)
			return CMD_WARNING;
	}
	vty_enter_node(vty, RMAP_NODE, (void *)nb_path_intern(xp));
	return CMD_SUCCESS;
}

DEFUN(no_rmap_all, no_rmap_all_cmd, "no route-map WORD",
      NO_STR RMAP_STR RMAP_NAME_STR)
{
	char xp[NB_XPATH_MAX];

	if (!route_map_nb_map_xpath(xp, sizeof(xp), argv[0]) || !nb_find(xp)) {
		vty_out(vty, "%% Could not find route-map %s\n", argv[0]);
		return CMD_WARNING;
	}
	nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
	return nb_cli_apply_changes(vty);
}

/* Whether the map holds no entry but `entry` (children are in schema
 * order: the key, then the entries; O(1)). */
static bool only_entry(const struct lyd_node *entry)
{
	const struct lyd_node *c = lyd_child(lyd_parent(entry));

	while (c && strcmp(nb_name(c), "entry") != 0)
		c = c->next;
	if (c != entry)
		return false;
	return !c->next || strcmp(nb_name(c->next), "entry") != 0;
}

DEFUN(no_rmap_entry, no_rmap_entry_cmd, "no route-map WORD (deny|permit) <1-65535>",
      NO_STR RMAP_STR RMAP_NAME_STR RMAP_DP_STR RMAP_SEQ_STR)
{
	char mxp[NB_XPATH_MAX], xp[NB_XPATH_MAX];
	enum route_map_type type;
	const struct lyd_node *entry;
	const char *action;
	unsigned pref;

	if (parse_entry(vty, argv[1], argv[2], &type, &pref) != CMD_SUCCESS)
		return CMD_WARNING;
	if (!route_map_nb_map_xpath(mxp, sizeof(mxp), argv[0]) || !nb_find(mxp) ||
	    !route_map_nb_entry_xpath(xp, sizeof(xp), argv[0], pref)) {
		vty_out(vty, "%% Could not find route-map %s\n", argv[0]);
		return CMD_WARNING;
	}
	entry = nb_find(xp);
	action = entry ? nb_child_value(entry, "action") : NULL;
	if (!action || strcmp(action, type_word(type)) != 0) {
		vty_out(vty, "%% Could not find route-map entry %s %s\n", argv[0],
			argv[2]);
		return CMD_WARNING;
	}
	/* the last entry takes the map with it, as Quagga */
	nb_cli_enqueue_change(vty, only_entry(entry) ? mxp : xp, NB_OP_DESTROY, NULL);
	return nb_cli_apply_changes(vty);
}

/* The entry this vty is in (its node in the edit tree), or NULL with a
 * message if it was deleted since. */
static const struct lyd_node *current(struct vty *vty)
{
	const struct lyd_node *entry = vty->index ? nb_find(vty->index) : NULL;

	if (!entry)
		vty_out(vty, "%% The route-map entry was deleted\n");
	return entry;
}

/* Apply one edit of a leaf of the current entry (value NULL: delete). */
static int entry_edit(struct vty *vty, const char *leaf, enum nb_op op,
		      const char *value)
{
	char xp[NB_XPATH_MAX + 32];

	if (!current(vty))
		return CMD_WARNING;
	snprintf(xp, sizeof(xp), "%s/%s", (const char *)vty->index, leaf);
	nb_cli_enqueue_change(vty, xp, op, value);
	return nb_cli_apply_changes(vty);
}

/* Back to the default exit policy (exit on match). */
static int exit_clear(struct vty *vty)
{
	char xp[NB_XPATH_MAX + 32];

	if (!current(vty))
		return CMD_WARNING;
	snprintf(xp, sizeof(xp), "%s/on-match-next", (const char *)vty->index);
	nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
	snprintf(xp, sizeof(xp), "%s/on-match-goto", (const char *)vty->index);
	nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
	return nb_cli_apply_changes(vty);
}

DEFUN(rmap_onmatch_next, rmap_onmatch_next_cmd, "on-match next",
      "Exit policy on matches\nNext clause\n")
{
	return entry_edit(vty, "on-match-next", NB_OP_CREATE, NULL);
}

DEFUN(no_rmap_onmatch_next, no_rmap_onmatch_next_cmd, "no on-match next",
      NO_STR "Exit policy on matches\nNext clause\n")
{
	return exit_clear(vty);
}

DEFUN(rmap_onmatch_goto, rmap_onmatch_goto_cmd, "on-match goto <1-65535>",
      "Exit policy on matches\nGoto Clause number\nNumber\n")
{
	const struct lyd_node *entry = current(vty);
	unsigned long d;
	uint32_t pref;
	char *end, num[16];

	if (!entry || !nb_child_u32(entry, "seq", &pref))
		return CMD_WARNING;
	if (argc >= 1 && argv[0]) {
		errno = 0;
		d = strtoul(argv[0], &end, 10);
		if (errno || *end || *argv[0] == '-' || d < 1 || d > 65536) {
			vty_out(vty, "%% Invalid route-map index value\n");
			return CMD_WARNING;
		}
	} else {
		d = pref + 1;
	}
	if (d <= pref) {
		vty_out(vty, "can't jump backwards in route-maps\n");
		return CMD_WARNING;
	}
	snprintf(num, sizeof(num), "%lu", d);
	return entry_edit(vty, "on-match-goto", NB_OP_MODIFY, num);
}

DEFUN(no_rmap_onmatch_goto, no_rmap_onmatch_goto_cmd, "no on-match goto",
      NO_STR "Exit policy on matches\nGoto Clause number\n")
{
	return exit_clear(vty);
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
	return entry_edit(vty, "call", NB_OP_MODIFY, argv[0]);
}

DEFUN(no_rmap_call, no_rmap_call_cmd, "no call",
      NO_STR "Jump to another Route-Map after match+set\n")
{
	return entry_edit(vty, "call", NB_OP_DESTROY, NULL);
}

DEFUN(rmap_description, rmap_description_cmd, "description .LINE",
      "Route-map comment\nComment describing this route-map rule\n")
{
	char *desc = policy_argv_concat(argc, argv, 0);
	int ret = entry_edit(vty, "description", NB_OP_MODIFY, desc);

	policy_argv_free(desc);
	return ret;
}

DEFUN(no_rmap_description, no_rmap_description_cmd, "no description",
      NO_STR "Route-map comment\n")
{
	return entry_edit(vty, "description", NB_OP_DESTROY, NULL);
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

/* "<entry>/match[name='N']" into buf; false if it does not fit. */
static bool clause_xpath(char *buf, size_t len, const char *entry,
			 const char *kind, const char *name)
{
	char q[256];
	int n;

	if (!nb_quote(q, sizeof(q), name))
		return false;
	n = snprintf(buf, len, "%s/%s[name=%s]", entry, kind, q);
	return n >= 0 && (size_t)n < len;
}

/*
 * Add a clause to the entry of vty->index: the registry checks it first
 * (Quagga's messages); an existing clause of that name is replaced and
 * moves to the end, where Quagga writes it.
 */
static int clause_add(struct vty *vty, bool set, const char *name, const char *arg)
{
	const char *kind = set ? "set" : "match";
	char xp[NB_XPATH_MAX + 300], axp[NB_XPATH_MAX + 320];
	int ret;

	if (!current(vty))
		return CMD_WARNING;
	ret = route_map_rule_check(set, name, arg);
	if (ret)
		return vty_result(vty, ret);
	if (!clause_xpath(xp, sizeof(xp), vty->index, kind, name))
		return vty_result(vty, RMAP_RULE_MISSING);
	if (nb_find(xp))
		nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
	if (arg) {
		snprintf(axp, sizeof(axp), "%s/argument", xp);
		nb_cli_enqueue_change(vty, axp, NB_OP_MODIFY, arg);
	} else {
		nb_cli_enqueue_change(vty, xp, NB_OP_CREATE, NULL);
	}
	return nb_cli_apply_changes(vty);
}

/* Delete a clause; with arg, only if its argument is arg. */
static int clause_delete(struct vty *vty, bool set, const char *name,
			 const char *arg)
{
	const char *kind = set ? "set" : "match";
	char xp[NB_XPATH_MAX + 300];
	const struct lyd_node *c;
	const char *cur;

	if (!current(vty))
		return CMD_WARNING;
	if (!route_map_rule_known(set, name) ||
	    !clause_xpath(xp, sizeof(xp), vty->index, kind, name) ||
	    !(c = nb_find(xp)))
		return vty_result(vty, RMAP_RULE_MISSING);
	cur = nb_child_value(c, "argument");
	if (arg && !(cur && strcmp(cur, arg) == 0))
		return vty_result(vty, RMAP_RULE_MISSING);
	nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
	return nb_cli_apply_changes(vty);
}

int route_map_vty_match_add(struct vty *vty, const char *name, const char *arg)
{
	return clause_add(vty, false, name, arg);
}

int route_map_vty_match_delete(struct vty *vty, const char *name, const char *arg)
{
	return clause_delete(vty, false, name, arg);
}

int route_map_vty_set_add(struct vty *vty, const char *name, const char *arg)
{
	return clause_add(vty, true, name, arg);
}

int route_map_vty_set_delete(struct vty *vty, const char *name, const char *arg)
{
	return clause_delete(vty, true, name, arg);
}

static struct cmd_node rmap_node = { RMAP_NODE, "%s(config-route-map)# ",
				     route_map_config_write };

void route_map_init(void)
{
	nb_module_register(&routemap_nb_module);
	nb_cli_init();
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
