/*
 * Interface node commands of ripd: `interface IFNAME`, `description`, and
 * the `ip rip ...` settings, with Quagga 1.2.4's strings and messages; the
 * northbound callbacks of /tarpan-ripd:interfaces/interface[name] that
 * apply them to the struct rip_if, and the interface part of the config
 * rendered from the tree (written only for interfaces with a non-default
 * setting, as Quagga, sorted by name as Quagga's interface list).
 *
 * `interface IFNAME` makes sure the struct interface exists in ripd's
 * interface database (created by name if zebra has not told us about it
 * yet) and enters the node with the data path of the interface's tree
 * entry as context (interned); the handlers edit that entry. An entry
 * holds only settings that differ from the defaults: the command that
 * removes the last one removes the entry.
 */
#include <ctype.h>
#include <libyang/libyang.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "memory.h"
#include "log.h"
#include "northbound.h"
#include "vty.h"
#include "ripd.h"

DEFINE_MTYPE_STATIC(RIP_IF_CONF, "RIP interface string");

static int if_config_write(struct vty *vty);

static struct cmd_node interface_node = {
	.node = INTERFACE_NODE,
	.prompt = "%s(config-if)# ",
	.config_write = if_config_write,
};

/* The tree entry of the vty's interface (the data path the node was
 * entered with); NULL after printing an error. */
static const char *if_entry(struct vty *vty, char *buf, size_t len)
{
	const char *path = vty->index;

	if (path && snprintf(buf, len, "%s", path) < (int)len)
		return buf;
	vty_out(vty, "%% No interface selected\n");
	return NULL;
}

/* Set (value) or remove (NULL) a node below the vty's interface entry. */
static int if_edit(struct vty *vty, const char *rel, const char *value)
{
	char e[NB_XPATH_MAX], xp[NB_XPATH_MAX + 64];

	if (!if_entry(vty, e, sizeof(e)))
		return CMD_WARNING;
	snprintf(xp, sizeof(xp), "%s/%s", e, rel);
	if (value)
		nb_cli_enqueue_change(vty, xp, NB_OP_MODIFY, value);
	else
		rip_nb_unset(vty, e, xp);
	return nb_cli_apply_changes(vty);
}

/* The current value of a node below the vty's interface entry. */
static const char *if_get(struct vty *vty, const char *rel)
{
	char xp[NB_XPATH_MAX + 64];

	if (!vty->index)
		return NULL;
	snprintf(xp, sizeof(xp), "%s/%s", (const char *)vty->index, rel);
	return nb_value(nb_find(xp));
}

DEFUN(rip_interface, rip_interface_cmd, "interface IFNAME",
      "Select an interface to configure\n" "Interface's name\n")
{
	struct interface *ifp;
	char e[NB_XPATH_MAX];

	if (strlen(argv[0]) > INTERFACE_NAMSIZ) {
		vty_out(vty, "%% Interface name %s is invalid: length exceeds %d characters\n",
			argv[0], INTERFACE_NAMSIZ);
		return CMD_WARNING;
	}
	ifp = if_get_by_name(rip_get()->ifdb, argv[0]);
	if (!ifp || !rip_nb_entry(e, sizeof(e), "/tarpan-ripd:interfaces", "interface", "name",
				  argv[0]))
		return CMD_WARNING;
	rip_if_info(ifp);
	/* the entry is created by the first setting made in the node */
	vty_enter_node(vty, INTERFACE_NODE, (void *)nb_path_intern(e));
	return CMD_SUCCESS;
}

DEFUN(no_rip_interface, no_rip_interface_cmd, "no interface IFNAME",
      NO_STR "Delete a pseudo interface's configuration\n" "Interface's name\n")
{
	struct interface *ifp = if_lookup_by_name(rip_get()->ifdb, argv[0]);
	char e[NB_XPATH_MAX];

	if (!ifp) {
		vty_out(vty, "%% Interface %s does not exist\n", argv[0]);
		return CMD_WARNING;
	}
	if (if_is_active(ifp)) {
		vty_out(vty, "%% Only inactive interfaces can be deleted\n");
		return CMD_WARNING;
	}
	if (rip_nb_entry(e, sizeof(e), "/tarpan-ripd:interfaces", "interface", "name",
			 argv[0])) {
		nb_cli_enqueue_change(vty, e, NB_OP_DESTROY, NULL);
		if (nb_cli_apply_changes(vty) != CMD_SUCCESS)
			return CMD_WARNING;
	}
	if_delete(ifp);
	return CMD_SUCCESS;
}

DEFUN(rip_if_description, rip_if_description_cmd, "description .LINE",
      "Interface specific description\n" "Characters describing this interface\n")
{
	size_t len = 0;
	char *s;
	int ret;

	for (int i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	s = XCALLOC(RIP_IF_CONF, len + 1);
	for (int i = 0; i < argc; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	ret = if_edit(vty, "description", s);
	XFREE(RIP_IF_CONF, s);
	return ret;
}

DEFUN(no_rip_if_description, no_rip_if_description_cmd, "no description",
      NO_STR "Interface specific description\n")
{
	return if_edit(vty, "description", NULL);
}

/* ---- versions ---- */

static int set_version(struct vty *vty, bool send, uint8_t v)
{
	return if_edit(vty, send ? "send-version" : "receive-version",
		       v == RI_RIP_UNSPEC ? NULL : rip_version_str(v));
}

static uint8_t version_arg(const char *s)
{
	return s[0] == '1' ? RI_RIP_VERSION_1 : RI_RIP_VERSION_2;
}

DEFUN(ip_rip_send_version, ip_rip_send_version_cmd, "ip rip send version (1|2)",
      IP_STR "Routing Information Protocol\n" "Advertisement transmission\n"
      "Version control\n" "RIP version 1\n" "RIP version 2\n")
{
	return set_version(vty, true, version_arg(argv[0]));
}

DEFUN(ip_rip_send_version_1, ip_rip_send_version_1_cmd, "ip rip send version 1 2",
      IP_STR "Routing Information Protocol\n" "Advertisement transmission\n"
      "Version control\n" "RIP version 1\n" "RIP version 2\n")
{
	return set_version(vty, true, RI_RIP_VERSION_1_AND_2);
}

ALIAS(ip_rip_send_version_1, ip_rip_send_version_2_cmd, "ip rip send version 2 1",
      IP_STR "Routing Information Protocol\n" "Advertisement transmission\n"
      "Version control\n" "RIP version 2\n" "RIP version 1\n");

DEFUN(no_ip_rip_send_version, no_ip_rip_send_version_cmd, "no ip rip send version",
      NO_STR IP_STR "Routing Information Protocol\n" "Advertisement transmission\n"
      "Version control\n")
{
	return set_version(vty, true, RI_RIP_UNSPEC);
}

ALIAS(no_ip_rip_send_version, no_ip_rip_send_version_num_cmd,
      "no ip rip send version (1|2)",
      NO_STR IP_STR "Routing Information Protocol\n" "Advertisement transmission\n"
      "Version control\n" "Version 1\n" "Version 2\n");

DEFUN(ip_rip_receive_version, ip_rip_receive_version_cmd,
      "ip rip receive version (1|2)",
      IP_STR "Routing Information Protocol\n" "Advertisement reception\n"
      "Version control\n" "RIP version 1\n" "RIP version 2\n")
{
	return set_version(vty, false, version_arg(argv[0]));
}

DEFUN(ip_rip_receive_version_1, ip_rip_receive_version_1_cmd,
      "ip rip receive version 1 2",
      IP_STR "Routing Information Protocol\n" "Advertisement reception\n"
      "Version control\n" "RIP version 1\n" "RIP version 2\n")
{
	return set_version(vty, false, RI_RIP_VERSION_1_AND_2);
}

ALIAS(ip_rip_receive_version_1, ip_rip_receive_version_2_cmd,
      "ip rip receive version 2 1",
      IP_STR "Routing Information Protocol\n" "Advertisement reception\n"
      "Version control\n" "RIP version 2\n" "RIP version 1\n");

DEFUN(no_ip_rip_receive_version, no_ip_rip_receive_version_cmd,
      "no ip rip receive version",
      NO_STR IP_STR "Routing Information Protocol\n" "Advertisement reception\n"
      "Version control\n")
{
	return set_version(vty, false, RI_RIP_UNSPEC);
}

ALIAS(no_ip_rip_receive_version, no_ip_rip_receive_version_num_cmd,
      "no ip rip receive version (1|2)",
      NO_STR IP_STR "Routing Information Protocol\n" "Advertisement reception\n"
      "Version control\n" "Version 1\n" "Version 2\n");

/* ---- authentication ---- */

#define AUTH_HELP IP_STR "Routing Information Protocol\n" \
	"Authentication control\n"
#define MODE_HELP "Authentication mode\n" "Keyed message digest\n" \
	"Clear text authentication\n"
#define AUTHLEN_HELP "MD5 authentication data length\n" "RFC compatible\n" \
	"Old ripd compatible\n"

DEFUN(ip_rip_authentication_mode, ip_rip_authentication_mode_cmd,
      "ip rip authentication mode (md5|text)", AUTH_HELP MODE_HELP)
{
	char e[NB_XPATH_MAX], xp[NB_XPATH_MAX + 64];
	bool md5;

	if (strncmp(argv[0], "md5", strlen(argv[0])) == 0)
		md5 = true;
	else if (strncmp(argv[0], "text", strlen(argv[0])) == 0)
		md5 = false;
	else {
		vty_out(vty, "mode should be md5 or text\n");
		return CMD_WARNING;
	}
	if (argc > 1 && argv[1] && !md5) {
		vty_out(vty, "auth length argument only valid for md5\n");
		return CMD_WARNING;
	}
	if (!if_entry(vty, e, sizeof(e)))
		return CMD_WARNING;
	snprintf(xp, sizeof(xp), "%s/authentication/md5-auth-length", e);
	if (md5)
		nb_cli_enqueue_change(vty, xp, NB_OP_MODIFY,
				      argc > 1 && argv[1] && argv[1][0] == 'r' ? "rfc"
									       : "old-ripd");
	else
		nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
	snprintf(xp, sizeof(xp), "%s/authentication/mode", e);
	nb_cli_enqueue_change(vty, xp, NB_OP_MODIFY, md5 ? "md5" : "text");
	return nb_cli_apply_changes(vty);
}

ALIAS(ip_rip_authentication_mode, ip_rip_authentication_mode_authlen_cmd,
      "ip rip authentication mode (md5|text) auth-length (rfc|old-ripd)",
      AUTH_HELP MODE_HELP AUTHLEN_HELP);

DEFUN(no_ip_rip_authentication_mode, no_ip_rip_authentication_mode_cmd,
      "no ip rip authentication mode", NO_STR AUTH_HELP "Authentication mode\n")
{
	char e[NB_XPATH_MAX], xp[NB_XPATH_MAX + 64];

	if (!if_entry(vty, e, sizeof(e)))
		return CMD_WARNING;
	if (if_get(vty, "authentication/string") || if_get(vty, "authentication/key-chain")) {
		snprintf(xp, sizeof(xp), "%s/authentication/md5-auth-length", e);
		nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
		snprintf(xp, sizeof(xp), "%s/authentication/mode", e);
		nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
	} else {
		snprintf(xp, sizeof(xp), "%s/authentication", e);
		rip_nb_unset(vty, e, xp);
	}
	return nb_cli_apply_changes(vty);
}

ALIAS(no_ip_rip_authentication_mode, no_ip_rip_authentication_mode_type_cmd,
      "no ip rip authentication mode (md5|text)", NO_STR AUTH_HELP MODE_HELP);
ALIAS(no_ip_rip_authentication_mode, no_ip_rip_authentication_mode_type_authlen_cmd,
      "no ip rip authentication mode (md5|text) auth-length (rfc|old-ripd)",
      NO_STR AUTH_HELP MODE_HELP AUTHLEN_HELP);

DEFUN(ip_rip_authentication_string, ip_rip_authentication_string_cmd,
      "ip rip authentication string LINE",
      AUTH_HELP "Authentication string\n" "Authentication string\n")
{
	if (strlen(argv[0]) > RIP_AUTH_SIMPLE_SIZE) {
		vty_out(vty, "%% RIPv2 authentication string must be shorter than 16\n");
		return CMD_WARNING;
	}
	if (if_get(vty, "authentication/key-chain")) {
		vty_out(vty, "%% key-chain configuration exists\n");
		return CMD_WARNING;
	}
	return if_edit(vty, "authentication/string", argv[0]);
}

DEFUN(no_ip_rip_authentication_string, no_ip_rip_authentication_string_cmd,
      "no ip rip authentication string",
      NO_STR AUTH_HELP "Authentication string\n")
{
	return if_edit(vty, "authentication/string", NULL);
}

ALIAS(no_ip_rip_authentication_string, no_ip_rip_authentication_string2_cmd,
      "no ip rip authentication string LINE",
      NO_STR AUTH_HELP "Authentication string\n" "Authentication string\n");

DEFUN(ip_rip_authentication_key_chain, ip_rip_authentication_key_chain_cmd,
      "ip rip authentication key-chain LINE",
      AUTH_HELP "Authentication key-chain\n" "name of key-chain\n")
{
	if (if_get(vty, "authentication/string")) {
		vty_out(vty, "%% authentication string configuration exists\n");
		return CMD_WARNING;
	}
	return if_edit(vty, "authentication/key-chain", argv[0]);
}

DEFUN(no_ip_rip_authentication_key_chain, no_ip_rip_authentication_key_chain_cmd,
      "no ip rip authentication key-chain",
      NO_STR AUTH_HELP "Authentication key-chain\n")
{
	return if_edit(vty, "authentication/key-chain", NULL);
}

ALIAS(no_ip_rip_authentication_key_chain, no_ip_rip_authentication_key_chain2_cmd,
      "no ip rip authentication key-chain LINE",
      NO_STR AUTH_HELP "Authentication key-chain\n" "name of key-chain\n");

/* ---- split horizon ---- */

#define SH_HELP IP_STR "Routing Information Protocol\n" "Perform split horizon\n"

DEFUN(ip_rip_split_horizon, ip_rip_split_horizon_cmd, "ip rip split-horizon", SH_HELP)
{
	return if_edit(vty, "split-horizon", NULL);
}

DEFUN(ip_rip_split_horizon_pr, ip_rip_split_horizon_pr_cmd,
      "ip rip split-horizon poisoned-reverse", SH_HELP "With poisoned-reverse\n")
{
	return if_edit(vty, "split-horizon", "poisoned-reverse");
}

DEFUN(no_ip_rip_split_horizon, no_ip_rip_split_horizon_cmd,
      "no ip rip split-horizon", NO_STR SH_HELP)
{
	return if_edit(vty, "split-horizon", "disabled");
}

DEFUN(no_ip_rip_split_horizon_pr, no_ip_rip_split_horizon_pr_cmd,
      "no ip rip split-horizon poisoned-reverse", NO_STR SH_HELP
      "With poisoned-reverse\n")
{
	const char *sh = if_get(vty, "split-horizon");

	if (!sh || strcmp(sh, "poisoned-reverse") != 0)
		return CMD_SUCCESS;
	return if_edit(vty, "split-horizon", NULL);
}

int rip_if_auth_mode_set(struct rip_if *ri, uint8_t type, uint8_t md5_len)
{
	ri->auth_type = type;
	ri->md5_auth_len = md5_len;
	return 0;
}

int rip_if_auth_string_set(struct rip_if *ri, const char *s)
{
	if (s && (strlen(s) > RIP_AUTH_SIMPLE_SIZE || ri->key_chain))
		return -1;
	XFREE(RIP_IF_CONF, ri->auth_str);
	if (s)
		ri->auth_str = XSTRDUP(RIP_IF_CONF, s);
	return 0;
}

int rip_if_auth_keychain_set(struct rip_if *ri, const char *name)
{
	if (name && ri->auth_str)
		return -1;
	XFREE(RIP_IF_CONF, ri->key_chain);
	if (name)
		ri->key_chain = XSTRDUP(RIP_IF_CONF, name);
	return 0;
}

int rip_if_description_set(struct rip_if *ri, const char *s)
{
	XFREE(RIP_IF_CONF, ri->description);
	if (s)
		ri->description = XSTRDUP(RIP_IF_CONF, s);
	return 0;
}

void rip_if_conf_free(struct rip_if *ri)
{
	XFREE(RIP_IF_CONF, ri->auth_str);
	XFREE(RIP_IF_CONF, ri->key_chain);
	XFREE(RIP_IF_CONF, ri->description);
}

void rip_if_conf_reset(struct rip_if *ri)
{
	rip_if_conf_free(ri);
	ri->split_horizon = RIP_SPLIT_HORIZON;
	ri->ri_send = RI_RIP_UNSPEC;
	ri->ri_receive = RI_RIP_UNSPEC;
	ri->auth_type = RIP_NO_AUTH;
	ri->md5_auth_len = RIP_AUTH_MD5_COMPAT_SIZE;
}

/* ---- config write ---- */

static const char *version_str(uint8_t v)
{
	switch (v) {
	case RI_RIP_VERSION_1:
		return "1";
	case RI_RIP_VERSION_2:
		return "2";
	case RI_RIP_VERSION_1_AND_2:
		return "1 2";
	}
	return "";
}

const char *rip_version_str(uint8_t v)
{
	return version_str(v);
}

/* ---- northbound callbacks -------------------------------------------------- */

static uint8_t version_of(const char *s)
{
	if (!s)
		return RI_RIP_UNSPEC;
	if (strcmp(s, "1 2") == 0)
		return RI_RIP_VERSION_1_AND_2;
	return s[0] == '1' ? RI_RIP_VERSION_1 : RI_RIP_VERSION_2;
}

static uint8_t split_horizon_of(const char *s)
{
	if (!s)
		return RIP_SPLIT_HORIZON;
	return strcmp(s, "disabled") == 0 ? RIP_NO_SPLIT_HORIZON
					  : RIP_SPLIT_HORIZON_POISONED_REVERSE;
}

/* The entry's settings replace the interface's, all at once. */
static void if_finish(const struct lyd_node *dnode)
{
	struct interface *ifp = if_get_by_name(rip_get()->ifdb, nb_child_value(dnode, "name"));
	const struct lyd_node *auth = nb_child(dnode, "authentication");
	const char *mode = nb_child_value(auth, "mode");
	const char *len = nb_child_value(auth, "md5-auth-length");
	struct rip_if *ri;

	if (!ifp)
		return;
	ri = rip_if_info(ifp);
	rip_if_conf_reset(ri);
	rip_if_description_set(ri, nb_child_value(dnode, "description"));
	ri->split_horizon = split_horizon_of(nb_child_value(dnode, "split-horizon"));
	ri->ri_send = version_of(nb_child_value(dnode, "send-version"));
	ri->ri_receive = version_of(nb_child_value(dnode, "receive-version"));
	if (mode)
		rip_if_auth_mode_set(ri, strcmp(mode, "md5") == 0 ? RIP_AUTH_MD5
								  : RIP_AUTH_SIMPLE_PASSWORD,
				     len && strcmp(len, "rfc") == 0 ? RIP_AUTH_MD5_SIZE
								    : RIP_AUTH_MD5_COMPAT_SIZE);
	rip_if_auth_string_set(ri, nb_child_value(auth, "string"));
	rip_if_auth_keychain_set(ri, nb_child_value(auth, "key-chain"));
}

static int if_destroy(const struct lyd_node *dnode)
{
	struct interface *ifp = if_lookup_by_name(rip_get()->ifdb,
						  nb_child_value(dnode, "name"));

	if (ifp && ifp->info)
		rip_if_conf_reset(ifp->info);
	return 0;
}

/* ---- config write ---------------------------------------------------------- */

/* Natural order of interface names, as Quagga's sorted interface list:
 * runs of digits compare by value ("eth2" before "eth10"). */
static int ifname_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			char *ea, *eb;
			unsigned long x = strtoul(a, &ea, 10), y = strtoul(b, &eb, 10);

			if (x != y)
				return x < y ? -1 : 1;
			if (ea - a != eb - b)
				return (ea - a) < (eb - b) ? -1 : 1;
			a = ea;
			b = eb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

static int if_cmp(const struct lyd_node *a, const struct lyd_node *b)
{
	return ifname_cmp(nb_child_value(a, "name"), nb_child_value(b, "name"));
}

static int if_show(struct vty *vty, const struct lyd_node *dnode)
{
	const struct lyd_node *auth = nb_child(dnode, "authentication");
	const char *desc = nb_child_value(dnode, "description");
	const char *sh = nb_child_value(dnode, "split-horizon");
	const char *send = nb_child_value(dnode, "send-version");
	const char *recv = nb_child_value(dnode, "receive-version");
	const char *mode = nb_child_value(auth, "mode");
	const char *len = nb_child_value(auth, "md5-auth-length");
	const char *str = nb_child_value(auth, "string");
	const char *kc = nb_child_value(auth, "key-chain");

	if (!desc && !sh && !send && !recv && !mode && !str && !kc)
		return 0;
	vty_out(vty, "interface %s\n", nb_child_value(dnode, "name"));
	if (desc)
		vty_out(vty, " description %s\n", desc);
	if (sh)
		vty_out(vty, " %sip rip split-horizon%s\n",
			strcmp(sh, "disabled") == 0 ? "no " : "",
			strcmp(sh, "disabled") == 0 ? "" : " poisoned-reverse");
	if (send)
		vty_out(vty, " ip rip send version %s\n", send);
	if (recv)
		vty_out(vty, " ip rip receive version %s\n", recv);
	if (mode && strcmp(mode, "text") == 0)
		vty_out(vty, " ip rip authentication mode text\n");
	if (mode && strcmp(mode, "md5") == 0)
		vty_out(vty, " ip rip authentication mode md5 auth-length %s\n",
			len ? len : "old-ripd");
	if (str)
		vty_out(vty, " ip rip authentication string %s\n", str);
	if (kc)
		vty_out(vty, " ip rip authentication key-chain %s\n", kc);
	vty_out(vty, "!\n");
	return 1;
}

static int if_config_write(struct vty *vty)
{
	nb_cli_show(vty, RIP_NB_IF_XP);
	/* each block ends with its own "!" (Quagga): nothing more to add */
	return 0;
}

static const struct nb_node_cbs if_cbs[] = {
	{ .xpath = RIP_NB_IF_XP, .destroy = if_destroy, .apply_finish = if_finish,
	  .cli_show = if_show, .cli_cmp = if_cmp },
	{ .xpath = NULL },
};

static const struct nb_module if_nb_module = {
	.name = "tarpan-ripd",
	.nodes = if_cbs,
};

void rip_if_nb_init(void)
{
	if (nb_module_register(&if_nb_module) < 0)
		zlog_err("ripd: cannot load the YANG module tarpan-ripd");
}

static struct cmd_element *const if_cmds[] = {
	&rip_if_description_cmd, &no_rip_if_description_cmd,
	&ip_rip_send_version_cmd, &ip_rip_send_version_1_cmd, &ip_rip_send_version_2_cmd,
	&no_ip_rip_send_version_cmd, &no_ip_rip_send_version_num_cmd,
	&ip_rip_receive_version_cmd, &ip_rip_receive_version_1_cmd,
	&ip_rip_receive_version_2_cmd, &no_ip_rip_receive_version_cmd,
	&no_ip_rip_receive_version_num_cmd,
	&ip_rip_authentication_mode_cmd, &ip_rip_authentication_mode_authlen_cmd,
	&no_ip_rip_authentication_mode_cmd, &no_ip_rip_authentication_mode_type_cmd,
	&no_ip_rip_authentication_mode_type_authlen_cmd,
	&ip_rip_authentication_string_cmd, &no_ip_rip_authentication_string_cmd,
	&no_ip_rip_authentication_string2_cmd,
	&ip_rip_authentication_key_chain_cmd, &no_ip_rip_authentication_key_chain_cmd,
	&no_ip_rip_authentication_key_chain2_cmd,
	&ip_rip_split_horizon_cmd, &ip_rip_split_horizon_pr_cmd,
	&no_ip_rip_split_horizon_cmd, &no_ip_rip_split_horizon_pr_cmd,
};

void rip_if_vty_init(void)
{
	rip_if_nb_init();
	install_node(&interface_node);
	install_default(INTERFACE_NODE);
	install_element(CONFIG_NODE, &rip_interface_cmd);
	install_element(CONFIG_NODE, &no_rip_interface_cmd);
	for (size_t i = 0; i < sizeof(if_cmds) / sizeof(if_cmds[0]); i++)
		install_element(INTERFACE_NODE, if_cmds[i]);
}
