/*
 * Interface node commands of ripd: `interface IFNAME`, `description`, and
 * the `ip rip ...` settings, with Quagga 1.2.4's strings and messages, and
 * the interface part of the config (written only for interfaces with a
 * non-default setting, as Quagga).
 *
 * The interface node is entered with the struct interface of ripd's
 * interface database as context (created by name if zebra has not told us
 * about it yet), so settings made before zebra connects are kept.
 */
#include <string.h>

#include "command.h"
#include "memory.h"
#include "vty.h"
#include "ripd.h"

DEFINE_MTYPE_STATIC(RIP_IF_CONF, "RIP interface string");

static int if_config_write(struct vty *vty);

static struct cmd_node interface_node = {
	.node = INTERFACE_NODE,
	.prompt = "%s(config-if)# ",
	.config_write = if_config_write,
};

static struct rip_if *vty_ri(struct vty *vty)
{
	struct interface *ifp = vty->index;

	return ifp ? rip_if_info(ifp) : NULL;
}

static char **desc_slot(struct rip_if *ri)
{
	return &ri->description;
}

DEFUN(rip_interface, rip_interface_cmd, "interface IFNAME",
      "Select an interface to configure\n" "Interface's name\n")
{
	struct interface *ifp;

	if (strlen(argv[0]) > INTERFACE_NAMSIZ) {
		vty_out(vty, "%% Interface name %s is invalid: length exceeds %d characters\n",
			argv[0], INTERFACE_NAMSIZ);
		return CMD_WARNING;
	}
	ifp = if_get_by_name(rip_get()->ifdb, argv[0]);
	if (!ifp)
		return CMD_WARNING;
	rip_if_info(ifp);
	vty_enter_node(vty, INTERFACE_NODE, ifp);
	return CMD_SUCCESS;
}

DEFUN(no_rip_interface, no_rip_interface_cmd, "no interface IFNAME",
      NO_STR "Delete a pseudo interface's configuration\n" "Interface's name\n")
{
	struct interface *ifp = if_lookup_by_name(rip_get()->ifdb, argv[0]);

	if (!ifp) {
		vty_out(vty, "%% Interface %s does not exist\n", argv[0]);
		return CMD_WARNING;
	}
	if (if_is_active(ifp)) {
		vty_out(vty, "%% Only inactive interfaces can be deleted\n");
		return CMD_WARNING;
	}
	if_delete(ifp);
	return CMD_SUCCESS;
}

DEFUN(rip_if_description, rip_if_description_cmd, "description .LINE",
      "Interface specific description\n" "Characters describing this interface\n")
{
	struct rip_if *ri = vty_ri(vty);
	size_t len = 0;
	char *s;

	for (int i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	s = XCALLOC(RIP_IF_CONF, len + 1);
	for (int i = 0; i < argc; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	XFREE(RIP_IF_CONF, *desc_slot(ri));
	*desc_slot(ri) = s;
	return CMD_SUCCESS;
}

DEFUN(no_rip_if_description, no_rip_if_description_cmd, "no description",
      NO_STR "Interface specific description\n")
{
	struct rip_if *ri = vty_ri(vty);

	XFREE(RIP_IF_CONF, *desc_slot(ri));
	return CMD_SUCCESS;
}

/* ---- versions ---- */

static int set_version(struct vty *vty, bool send, uint8_t v)
{
	struct rip_if *ri = vty_ri(vty);

	if (send)
		ri->ri_send = v;
	else
		ri->ri_receive = v;
	return CMD_SUCCESS;
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
	struct rip_if *ri = vty_ri(vty);
	uint8_t type;

	if (strncmp(argv[0], "md5", strlen(argv[0])) == 0)
		type = RIP_AUTH_MD5;
	else if (strncmp(argv[0], "text", strlen(argv[0])) == 0)
		type = RIP_AUTH_SIMPLE_PASSWORD;
	else {
		vty_out(vty, "mode should be md5 or text\n");
		return CMD_WARNING;
	}
	if (argc > 1 && argv[1] && type == RIP_AUTH_SIMPLE_PASSWORD) {
		vty_out(vty, "auth length argument only valid for md5\n");
		return CMD_WARNING;
	}
	rip_if_auth_mode_set(ri, type, (argc > 1 && argv[1] && argv[1][0] == 'r')
					       ? RIP_AUTH_MD5_SIZE : RIP_AUTH_MD5_COMPAT_SIZE);
	return CMD_SUCCESS;
}

ALIAS(ip_rip_authentication_mode, ip_rip_authentication_mode_authlen_cmd,
      "ip rip authentication mode (md5|text) auth-length (rfc|old-ripd)",
      AUTH_HELP MODE_HELP AUTHLEN_HELP);

DEFUN(no_ip_rip_authentication_mode, no_ip_rip_authentication_mode_cmd,
      "no ip rip authentication mode", NO_STR AUTH_HELP "Authentication mode\n")
{
	struct rip_if *ri = vty_ri(vty);

	ri->auth_type = RIP_NO_AUTH;
	ri->md5_auth_len = RIP_AUTH_MD5_COMPAT_SIZE;
	return CMD_SUCCESS;
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
	struct rip_if *ri = vty_ri(vty);

	if (strlen(argv[0]) > RIP_AUTH_SIMPLE_SIZE) {
		vty_out(vty, "%% RIPv2 authentication string must be shorter than 16\n");
		return CMD_WARNING;
	}
	if (ri->key_chain) {
		vty_out(vty, "%% key-chain configuration exists\n");
		return CMD_WARNING;
	}
	rip_if_auth_string_set(ri, argv[0]);
	return CMD_SUCCESS;
}

DEFUN(no_ip_rip_authentication_string, no_ip_rip_authentication_string_cmd,
      "no ip rip authentication string",
      NO_STR AUTH_HELP "Authentication string\n")
{
	XFREE(RIP_IF_CONF, vty_ri(vty)->auth_str);
	return CMD_SUCCESS;
}

ALIAS(no_ip_rip_authentication_string, no_ip_rip_authentication_string2_cmd,
      "no ip rip authentication string LINE",
      NO_STR AUTH_HELP "Authentication string\n" "Authentication string\n");

DEFUN(ip_rip_authentication_key_chain, ip_rip_authentication_key_chain_cmd,
      "ip rip authentication key-chain LINE",
      AUTH_HELP "Authentication key-chain\n" "name of key-chain\n")
{
	struct rip_if *ri = vty_ri(vty);

	if (ri->auth_str) {
		vty_out(vty, "%% authentication string configuration exists\n");
		return CMD_WARNING;
	}
	rip_if_auth_keychain_set(ri, argv[0]);
	return CMD_SUCCESS;
}

DEFUN(no_ip_rip_authentication_key_chain, no_ip_rip_authentication_key_chain_cmd,
      "no ip rip authentication key-chain",
      NO_STR AUTH_HELP "Authentication key-chain\n")
{
	XFREE(RIP_IF_CONF, vty_ri(vty)->key_chain);
	return CMD_SUCCESS;
}

ALIAS(no_ip_rip_authentication_key_chain, no_ip_rip_authentication_key_chain2_cmd,
      "no ip rip authentication key-chain LINE",
      NO_STR AUTH_HELP "Authentication key-chain\n" "name of key-chain\n");

/* ---- split horizon ---- */

#define SH_HELP IP_STR "Routing Information Protocol\n" "Perform split horizon\n"

DEFUN(ip_rip_split_horizon, ip_rip_split_horizon_cmd, "ip rip split-horizon", SH_HELP)
{
	vty_ri(vty)->split_horizon = RIP_SPLIT_HORIZON;
	return CMD_SUCCESS;
}

DEFUN(ip_rip_split_horizon_pr, ip_rip_split_horizon_pr_cmd,
      "ip rip split-horizon poisoned-reverse", SH_HELP "With poisoned-reverse\n")
{
	vty_ri(vty)->split_horizon = RIP_SPLIT_HORIZON_POISONED_REVERSE;
	return CMD_SUCCESS;
}

DEFUN(no_ip_rip_split_horizon, no_ip_rip_split_horizon_cmd,
      "no ip rip split-horizon", NO_STR SH_HELP)
{
	vty_ri(vty)->split_horizon = RIP_NO_SPLIT_HORIZON;
	return CMD_SUCCESS;
}

DEFUN(no_ip_rip_split_horizon_pr, no_ip_rip_split_horizon_pr_cmd,
      "no ip rip split-horizon poisoned-reverse", NO_STR SH_HELP
      "With poisoned-reverse\n")
{
	struct rip_if *ri = vty_ri(vty);

	if (ri->split_horizon == RIP_SPLIT_HORIZON_POISONED_REVERSE)
		ri->split_horizon = RIP_SPLIT_HORIZON;
	return CMD_SUCCESS;
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

void rip_if_conf_free(struct rip_if *ri)
{
	XFREE(RIP_IF_CONF, ri->auth_str);
	XFREE(RIP_IF_CONF, ri->key_chain);
	XFREE(RIP_IF_CONF, ri->description);
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

static bool if_has_config(const struct rip_if *ri)
{
	return ri->description || ri->split_horizon != RIP_SPLIT_HORIZON ||
	       ri->ri_send != RI_RIP_UNSPEC || ri->ri_receive != RI_RIP_UNSPEC ||
	       ri->auth_type == RIP_AUTH_MD5 || ri->md5_auth_len == RIP_AUTH_MD5_SIZE ||
	       ri->auth_type == RIP_AUTH_SIMPLE_PASSWORD || ri->auth_str || ri->key_chain;
}

static int if_config_write(struct vty *vty)
{
	struct rip *rip = rip_get();
	struct interface *ifp;

	for (ifp = if_first(rip->ifdb); ifp; ifp = if_next(ifp)) {
		struct rip_if *ri = ifp->info;

		if (!ri || !if_has_config(ri))
			continue;
		vty_out(vty, "interface %s\n", ifp->name);
		if (ri->description)
			vty_out(vty, " description %s\n", ri->description);
		if (ri->split_horizon == RIP_NO_SPLIT_HORIZON)
			vty_out(vty, " no ip rip split-horizon\n");
		else if (ri->split_horizon == RIP_SPLIT_HORIZON_POISONED_REVERSE)
			vty_out(vty, " ip rip split-horizon poisoned-reverse\n");
		if (ri->ri_send != RI_RIP_UNSPEC)
			vty_out(vty, " ip rip send version %s\n", version_str(ri->ri_send));
		if (ri->ri_receive != RI_RIP_UNSPEC)
			vty_out(vty, " ip rip receive version %s\n", version_str(ri->ri_receive));
		if (ri->auth_type == RIP_AUTH_SIMPLE_PASSWORD)
			vty_out(vty, " ip rip authentication mode text\n");
		if (ri->auth_type == RIP_AUTH_MD5)
			vty_out(vty, " ip rip authentication mode md5 auth-length %s\n",
				ri->md5_auth_len == RIP_AUTH_MD5_COMPAT_SIZE ? "old-ripd" : "rfc");
		if (ri->auth_str)
			vty_out(vty, " ip rip authentication string %s\n", ri->auth_str);
		if (ri->key_chain)
			vty_out(vty, " ip rip authentication key-chain %s\n", ri->key_chain);
		vty_out(vty, "!\n");
	}
	/* each block ends with its own "!" (Quagga): nothing more to add */
	return 0;
}

int rip_if_config_write(struct vty *vty)
{
	return if_config_write(vty);
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
	install_node(&interface_node);
	install_default(INTERFACE_NODE);
	install_element(CONFIG_NODE, &rip_interface_cmd);
	install_element(CONFIG_NODE, &no_rip_interface_cmd);
	for (size_t i = 0; i < sizeof(if_cmds) / sizeof(if_cmds[0]); i++)
		install_element(INTERFACE_NODE, if_cmds[i]);
}
