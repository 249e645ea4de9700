/*
 * Access-list commands (Quagga's command strings and messages) and the
 * ACCESS_NODE / ACCESS_IPV6_NODE config-write nodes. Handlers parse their
 * arguments and edit the northbound tree (filter_nb.c compiles the changes
 * into filter.c's structures and renders the blocks from the tree); they
 * decide against the tree the edit goes to, through the list's value index
 * (duplicates, the entry to remove, the next sequence number).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "command.h"
#include "filter_nb.h"
#include "policy_util.h"
#include "vty.h"

#define ACL_STR "Add an access list entry\n"
#define STD_STR "IP standard access list\nIP standard access list (expanded range)\n"
#define EXT_STR "IP extended access list\nIP extended access list (expanded range)\n"
#define DP_STR "Specify packets to reject\nSpecify packets to forward\n"
#define ALL_ACL_STR                                                            \
	"IP standard access list\nIP extended access list\n"                   \
	"IP standard access list (expanded range)\n"                           \
	"IP extended access list (expanded range)\nIP zebra access-list name\n"
#define STD_NAMES "(<1-99>|<1300-1999>)"
#define EXT_NAMES "(<100-199>|<2000-2699>)"
#define ALL_NAMES "(<1-99>|<100-199>|<1300-1999>|<2000-2699>|WORD)"

#define ANY "0.0.0.0", "255.255.255.255"
#define HOST(a) (a), "0.0.0.0"

static int acl_result(struct vty *vty, int ret, const char *err)
{
	if (ret < 0) {
		vty_out(vty, "%s\n", err);
		return CMD_WARNING;
	}
	return CMD_SUCCESS;
}

static int name_check(struct vty *vty, const char *name)
{
	if (strlen(name) > ACL_NAMSIZ) {
		vty_out(vty, "%% ACL name %s is invalid: length exceeds %d characters\n",
			name, ACL_NAMSIZ);
		return -1;
	}
	return 0;
}

static const char *ntoa(struct in_addr a, char *buf)
{
	return inet_ntop(AF_INET, &a, buf, INET_ADDRSTRLEN);
}

/* Enqueue the leaves of a new entry at xp. */
static void enqueue_entry(struct vty *vty, const char *xp,
			  const struct filter_spec *s)
{
	char vxp[NB_XPATH_MAX + 64], buf[INET6_ADDRSTRLEN + 8];
	char len[8];

	snprintf(vxp, sizeof(vxp), "%s/action", xp);
	nb_cli_enqueue_change(vty, vxp, NB_OP_MODIFY,
			      s->type == FILTER_PERMIT ? "permit" : "deny");
	if (!s->cisco) {
		inet_ntop(s->prefix.family, s->prefix.u.bytes, buf, sizeof(buf));
		snprintf(len, sizeof(len), "/%u", s->prefix.prefixlen);
		strcat(buf, len);
		snprintf(vxp, sizeof(vxp), "%s/prefix", xp);
		nb_cli_enqueue_change(vty, vxp, NB_OP_MODIFY, buf);
		if (s->exact) {
			snprintf(vxp, sizeof(vxp), "%s/exact-match", xp);
			nb_cli_enqueue_change(vty, vxp, NB_OP_CREATE, NULL);
		}
		return;
	}
	snprintf(vxp, sizeof(vxp), "%s/source-address", xp);
	nb_cli_enqueue_change(vty, vxp, NB_OP_MODIFY, ntoa(s->addr, buf));
	snprintf(vxp, sizeof(vxp), "%s/source-wildcard", xp);
	nb_cli_enqueue_change(vty, vxp, NB_OP_MODIFY, ntoa(s->addr_wild, buf));
	if (!s->extended)
		return;
	snprintf(vxp, sizeof(vxp), "%s/destination-address", xp);
	nb_cli_enqueue_change(vty, vxp, NB_OP_MODIFY, ntoa(s->mask, buf));
	snprintf(vxp, sizeof(vxp), "%s/destination-wildcard", xp);
	nb_cli_enqueue_change(vty, vxp, NB_OP_MODIFY, ntoa(s->mask_wild, buf));
}

/*
 * Add or remove one entry by value, as Quagga: a repeated entry is
 * ignored, removing one that is not there is silent, and removing the
 * last entry of a list without a remark removes the list. The list's value
 * index finds the entry without a walk.
 */
static int entry_cmd(struct vty *vty, int afi, bool set, const char *name,
		     const struct filter_spec *s)
{
	char lxp[NB_XPATH_MAX], xp[NB_XPATH_MAX + 32], key[160];
	struct pvi *vi;
	uint32_t seq;

	if (name_check(vty, name) < 0)
		return CMD_WARNING;
	if (!filter_nb_list_xpath(lxp, sizeof(lxp), afi, name) ||
	    !(vi = filter_nb_index(afi, name))) {
		vty_out(vty, "%% Invalid access-list name\n");
		return CMD_WARNING;
	}
	filter_nb_key(s, key, sizeof(key));
	seq = pvi_find(vi, key);
	if (set) {
		if (seq)
			return CMD_SUCCESS;
		if (vi->max_seq == UINT32_MAX) {
			vty_out(vty, "%% access-list %s is full\n", name);
			return CMD_WARNING;
		}
		seq = vi->max_seq + 1;
		snprintf(xp, sizeof(xp), "%s/entry[seq='%u']", lxp, seq);
		enqueue_entry(vty, xp, s);
		if (nb_cli_apply_changes(vty) != CMD_SUCCESS)
			return CMD_WARNING;
		pvi_add(vi, key, seq);
		return CMD_SUCCESS;
	}
	if (!seq)
		return CMD_SUCCESS;
	if (vi->count == 1 && !vi->has_desc) {
		nb_cli_enqueue_change(vty, lxp, NB_OP_DESTROY, NULL);
		if (nb_cli_apply_changes(vty) != CMD_SUCCESS)
			return CMD_WARNING;
		pvi_drop(lxp);
		return CMD_SUCCESS;
	}
	snprintf(xp, sizeof(xp), "%s/entry[seq='%u']", lxp, seq);
	nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
	if (nb_cli_apply_changes(vty) != CMD_SUCCESS)
		return CMD_WARNING;
	pvi_del(vi, key);
	return CMD_SUCCESS;
}

static int cisco_cmd(struct vty *vty, bool set, bool extended, const char *name,
		     const char *type, const char *a, const char *aw,
		     const char *m, const char *mw)
{
	struct filter_spec spec;
	char err[256];

	if (filter_spec_cisco(&spec, type, a, aw, m, mw, extended, err,
			      sizeof(err)) < 0)
		return acl_result(vty, -1, err);
	return entry_cmd(vty, AFI_IP, set, name, &spec);
}

static int zebra_cmd(struct vty *vty, bool set, int afi, const char *name,
		     const char *type, const char *prefix, bool exact)
{
	struct filter_spec spec;
	char err[256];

	if (filter_spec_zebra(&spec, afi, type, prefix, exact, err, sizeof(err)) < 0)
		return acl_result(vty, -1, err);
	return entry_cmd(vty, afi, set, name, &spec);
}

/* A command and its "no" form sharing one body `expr` (uses argv, set). */
#define ACL_DEFUN(id, cmdstr, helpstr, expr)                                   \
	static int id##_do(struct vty *vty, const char *argv[], bool set)      \
	{                                                                      \
		return (expr);                                                 \
	}                                                                      \
	DEFUN(id, id##_cmd, cmdstr, helpstr)                                   \
	{                                                                      \
		return id##_do(vty, argv, true);                               \
	}                                                                      \
	DEFUN(no_##id, no_##id##_cmd, "no " cmdstr, NO_STR helpstr)            \
	{                                                                      \
		return id##_do(vty, argv, false);                              \
	}

/* ---- standard ------------------------------------------------------------ */

ACL_DEFUN(acl_std_mask, "access-list " STD_NAMES " (deny|permit) A.B.C.D A.B.C.D",
	  ACL_STR STD_STR DP_STR "Address to match\nWildcard bits\n",
	  cisco_cmd(vty, set, false, argv[0], argv[1], argv[2], argv[3], NULL, NULL))
ACL_DEFUN(acl_std_addr, "access-list " STD_NAMES " (deny|permit) A.B.C.D",
	  ACL_STR STD_STR DP_STR "Address to match\n",
	  cisco_cmd(vty, set, false, argv[0], argv[1], HOST(argv[2]), NULL, NULL))
ACL_DEFUN(acl_std_host, "access-list " STD_NAMES " (deny|permit) host A.B.C.D",
	  ACL_STR STD_STR DP_STR "A single host address\nAddress to match\n",
	  cisco_cmd(vty, set, false, argv[0], argv[1], HOST(argv[2]), NULL, NULL))
ACL_DEFUN(acl_std_any, "access-list " STD_NAMES " (deny|permit) any",
	  ACL_STR STD_STR DP_STR "Any source host\n",
	  cisco_cmd(vty, set, false, argv[0], argv[1], ANY, NULL, NULL))

/* ---- extended ------------------------------------------------------------ */

#define EXT_HEAD "access-list " EXT_NAMES " (deny|permit) ip "
#define EXT_HELP ACL_STR EXT_STR DP_STR "Any Internet Protocol\n"
#define SRC_STR "Source address\nSource wildcard bits\n"
#define DST_STR "Destination address\nDestination Wildcard bits\n"
#define SANY_STR "Any source host\n"
#define DANY_STR "Any destination host\n"
#define SHOST_STR "A single source host\nSource address\n"
#define DHOST_STR "A single destination host\nDestination address\n"

ACL_DEFUN(acl_ext_mask_mask, EXT_HEAD "A.B.C.D A.B.C.D A.B.C.D A.B.C.D",
	  EXT_HELP SRC_STR DST_STR,
	  cisco_cmd(vty, set, true, argv[0], argv[1], argv[2], argv[3], argv[4], argv[5]))
ACL_DEFUN(acl_ext_mask_any, EXT_HEAD "A.B.C.D A.B.C.D any",
	  EXT_HELP SRC_STR DANY_STR,
	  cisco_cmd(vty, set, true, argv[0], argv[1], argv[2], argv[3], ANY))
ACL_DEFUN(acl_ext_any_mask, EXT_HEAD "any A.B.C.D A.B.C.D",
	  EXT_HELP SANY_STR DST_STR,
	  cisco_cmd(vty, set, true, argv[0], argv[1], ANY, argv[2], argv[3]))
ACL_DEFUN(acl_ext_any_any, EXT_HEAD "any any",
	  EXT_HELP SANY_STR DANY_STR,
	  cisco_cmd(vty, set, true, argv[0], argv[1], ANY, ANY))
ACL_DEFUN(acl_ext_mask_host, EXT_HEAD "A.B.C.D A.B.C.D host A.B.C.D",
	  EXT_HELP SRC_STR DHOST_STR,
	  cisco_cmd(vty, set, true, argv[0], argv[1], argv[2], argv[3], HOST(argv[4])))
ACL_DEFUN(acl_ext_host_mask, EXT_HEAD "host A.B.C.D A.B.C.D A.B.C.D",
	  EXT_HELP SHOST_STR DST_STR,
	  cisco_cmd(vty, set, true, argv[0], argv[1], HOST(argv[2]), argv[3], argv[4]))
ACL_DEFUN(acl_ext_host_host, EXT_HEAD "host A.B.C.D host A.B.C.D",
	  EXT_HELP SHOST_STR DHOST_STR,
	  cisco_cmd(vty, set, true, argv[0], argv[1], HOST(argv[2]), HOST(argv[3])))
ACL_DEFUN(acl_ext_any_host, EXT_HEAD "any host A.B.C.D",
	  EXT_HELP SANY_STR DHOST_STR,
	  cisco_cmd(vty, set, true, argv[0], argv[1], ANY, HOST(argv[2])))
ACL_DEFUN(acl_ext_host_any, EXT_HEAD "host A.B.C.D any",
	  EXT_HELP SHOST_STR DANY_STR,
	  cisco_cmd(vty, set, true, argv[0], argv[1], HOST(argv[2]), ANY))

/* ---- named (zebra) -------------------------------------------------------- */

#define ZNAME_HELP ACL_STR "IP zebra access-list name\n" DP_STR
ACL_DEFUN(acl_zebra, "access-list WORD (deny|permit) A.B.C.D/M",
	  ZNAME_HELP "Prefix to match. e.g. 10.0.0.0/8\n",
	  zebra_cmd(vty, set, AFI_IP, argv[0], argv[1], argv[2], false))
ACL_DEFUN(acl_zebra_exact, "access-list WORD (deny|permit) A.B.C.D/M exact-match",
	  ZNAME_HELP "Prefix to match. e.g. 10.0.0.0/8\nExact match of the prefixes\n",
	  zebra_cmd(vty, set, AFI_IP, argv[0], argv[1], argv[2], true))
ACL_DEFUN(acl_zebra_any, "access-list WORD (deny|permit) any",
	  ZNAME_HELP "Prefix to match. e.g. 10.0.0.0/8\n",
	  zebra_cmd(vty, set, AFI_IP, argv[0], argv[1], "0.0.0.0/0", false))

#define Z6_HELP IPV6_STR ACL_STR "IPv6 zebra access-list\n" DP_STR
ACL_DEFUN(acl6_zebra, "ipv6 access-list WORD (deny|permit) X:X::X:X/M",
	  Z6_HELP "Prefix to match. e.g. 3ffe:506::/32\n",
	  zebra_cmd(vty, set, AFI_IP6, argv[0], argv[1], argv[2], false))
ACL_DEFUN(acl6_zebra_exact,
	  "ipv6 access-list WORD (deny|permit) X:X::X:X/M exact-match",
	  Z6_HELP "Prefix to match. e.g. 3ffe:506::/32\nExact match of the prefixes\n",
	  zebra_cmd(vty, set, AFI_IP6, argv[0], argv[1], argv[2], true))
ACL_DEFUN(acl6_zebra_any, "ipv6 access-list WORD (deny|permit) any",
	  Z6_HELP "Any prefix to match\n",
	  zebra_cmd(vty, set, AFI_IP6, argv[0], argv[1], "::/0", false))

/* ---- whole lists and remarks --------------------------------------------- */

static int no_such_list(struct vty *vty, const char *name)
{
	vty_out(vty, "%% access-list %s doesn't exist\n", name);
	return CMD_WARNING;
}

static int delete_name(struct vty *vty, int afi, const char *name)
{
	char lxp[NB_XPATH_MAX];

	if (!filter_nb_list_xpath(lxp, sizeof(lxp), afi, name) || !nb_find(lxp))
		return no_such_list(vty, name);
	nb_cli_enqueue_change(vty, lxp, NB_OP_DESTROY, NULL);
	if (nb_cli_apply_changes(vty) != CMD_SUCCESS)
		return CMD_WARNING;
	pvi_drop(lxp);
	return CMD_SUCCESS;
}

static int remark_set(struct vty *vty, int afi, int argc, const char *argv[])
{
	char lxp[NB_XPATH_MAX], xp[NB_XPATH_MAX + 16];
	char *remark;
	struct pvi *vi;
	int ret;

	if (name_check(vty, argv[0]) < 0)
		return CMD_WARNING;
	if (!filter_nb_list_xpath(lxp, sizeof(lxp), afi, argv[0]) ||
	    !(vi = filter_nb_index(afi, argv[0]))) {
		vty_out(vty, "%% Invalid access-list name\n");
		return CMD_WARNING;
	}
	remark = policy_argv_concat(argc, argv, 1);
	snprintf(xp, sizeof(xp), "%s/remark", lxp);
	nb_cli_enqueue_change(vty, xp, NB_OP_MODIFY, remark);
	policy_argv_free(remark);
	ret = nb_cli_apply_changes(vty);
	if (ret == CMD_SUCCESS) {
		vi->has_desc = true;
		vi->exists = true;
	}
	return ret;
}

static int remark_unset(struct vty *vty, int afi, const char *name)
{
	char lxp[NB_XPATH_MAX], xp[NB_XPATH_MAX + 16];
	struct pvi *vi;
	int ret;

	if (!filter_nb_list_xpath(lxp, sizeof(lxp), afi, name) || !nb_find(lxp) ||
	    !(vi = filter_nb_index(afi, name)))
		return no_such_list(vty, name);
	snprintf(xp, sizeof(xp), "%s/remark", lxp);
	nb_cli_enqueue_change(vty, vi->count ? xp : lxp, NB_OP_DESTROY, NULL);
	ret = nb_cli_apply_changes(vty);
	if (ret == CMD_SUCCESS) {
		vi->has_desc = false;
		if (!vi->count)
			pvi_drop(lxp);
	}
	return ret;
}

DEFUN(no_acl_all, no_acl_all_cmd, "no access-list " ALL_NAMES,
      NO_STR ACL_STR ALL_ACL_STR)
{
	return delete_name(vty, AFI_IP, argv[0]);
}

DEFUN(acl_remark, acl_remark_cmd, "access-list " ALL_NAMES " remark .LINE",
      ACL_STR ALL_ACL_STR "Access list entry comment\nComment up to 100 characters\n")
{
	return remark_set(vty, AFI_IP, argc, argv);
}

DEFUN(no_acl_remark, no_acl_remark_cmd, "no access-list " ALL_NAMES " remark",
      NO_STR ACL_STR ALL_ACL_STR "Access list entry comment\n")
{
	return remark_unset(vty, AFI_IP, argv[0]);
}

ALIAS(no_acl_remark, no_acl_remark_arg_cmd,
      "no access-list " ALL_NAMES " remark .LINE",
      NO_STR ACL_STR ALL_ACL_STR "Access list entry comment\n"
      "Comment up to 100 characters\n");

DEFUN(no_acl6_all, no_acl6_all_cmd, "no ipv6 access-list WORD",
      NO_STR IPV6_STR ACL_STR "IPv6 zebra access-list\n")
{
	return delete_name(vty, AFI_IP6, argv[0]);
}

DEFUN(acl6_remark, acl6_remark_cmd, "ipv6 access-list WORD remark .LINE",
      IPV6_STR ACL_STR "IPv6 zebra access-list\n"
      "Access list entry comment\nComment up to 100 characters\n")
{
	return remark_set(vty, AFI_IP6, argc, argv);
}

DEFUN(no_acl6_remark, no_acl6_remark_cmd, "no ipv6 access-list WORD remark",
      NO_STR IPV6_STR ACL_STR "IPv6 zebra access-list\nAccess list entry comment\n")
{
	return remark_unset(vty, AFI_IP6, argv[0]);
}

ALIAS(no_acl6_remark, no_acl6_remark_arg_cmd,
      "no ipv6 access-list WORD remark .LINE",
      NO_STR IPV6_STR ACL_STR "IPv6 zebra access-list\nAccess list entry comment\n"
      "Comment up to 100 characters\n");

/* ---- show ---------------------------------------------------------------- */

DEFUN(show_acl, show_acl_cmd, "show ip access-list",
      SHOW_STR IP_STR "List IP access lists\n")
{
	access_list_show(vty, AFI_IP, NULL);
	return CMD_SUCCESS;
}

DEFUN(show_acl_name, show_acl_name_cmd, "show ip access-list " ALL_NAMES,
      SHOW_STR IP_STR "List IP access lists\n" ALL_ACL_STR)
{
	access_list_show(vty, AFI_IP, argv[0]);
	return CMD_SUCCESS;
}

DEFUN(show_acl6, show_acl6_cmd, "show ipv6 access-list",
      SHOW_STR IPV6_STR "List IPv6 access lists\n")
{
	access_list_show(vty, AFI_IP6, NULL);
	return CMD_SUCCESS;
}

DEFUN(show_acl6_name, show_acl6_name_cmd, "show ipv6 access-list WORD",
      SHOW_STR IPV6_STR "List IPv6 access lists\nIPv6 zebra access-list\n")
{
	access_list_show(vty, AFI_IP6, argv[0]);
	return CMD_SUCCESS;
}

/* ---- nodes ---------------------------------------------------------------- */

static int write_ipv4(struct vty *vty)
{
	return access_list_config_write(vty, AFI_IP);
}

static int write_ipv6(struct vty *vty)
{
	return access_list_config_write(vty, AFI_IP6);
}

static struct cmd_node access_node = { ACCESS_NODE, "", write_ipv4 };
static struct cmd_node access_ipv6_node = { ACCESS_IPV6_NODE, "", write_ipv6 };

#define INSTALL_PAIR(id)                                                       \
	do {                                                                   \
		install_element(CONFIG_NODE, &id##_cmd);                       \
		install_element(CONFIG_NODE, &no_##id##_cmd);                  \
	} while (0)

void access_list_init(void)
{
	nb_module_register(&filter_nb_module);
	nb_cli_init();
	install_node(&access_node);
	install_node(&access_ipv6_node);
	vty_set_access_hook(access_list_vty_check);

	INSTALL_PAIR(acl_std_mask);
	INSTALL_PAIR(acl_std_addr);
	INSTALL_PAIR(acl_std_host);
	INSTALL_PAIR(acl_std_any);
	INSTALL_PAIR(acl_ext_mask_mask);
	INSTALL_PAIR(acl_ext_mask_any);
	INSTALL_PAIR(acl_ext_any_mask);
	INSTALL_PAIR(acl_ext_any_any);
	INSTALL_PAIR(acl_ext_mask_host);
	INSTALL_PAIR(acl_ext_host_mask);
	INSTALL_PAIR(acl_ext_host_host);
	INSTALL_PAIR(acl_ext_any_host);
	INSTALL_PAIR(acl_ext_host_any);
	INSTALL_PAIR(acl_zebra);
	INSTALL_PAIR(acl_zebra_exact);
	INSTALL_PAIR(acl_zebra_any);
	install_element(CONFIG_NODE, &no_acl_all_cmd);
	install_element(CONFIG_NODE, &acl_remark_cmd);
	install_element(CONFIG_NODE, &no_acl_remark_cmd);
	install_element(CONFIG_NODE, &no_acl_remark_arg_cmd);

	INSTALL_PAIR(acl6_zebra);
	INSTALL_PAIR(acl6_zebra_exact);
	INSTALL_PAIR(acl6_zebra_any);
	install_element(CONFIG_NODE, &no_acl6_all_cmd);
	install_element(CONFIG_NODE, &acl6_remark_cmd);
	install_element(CONFIG_NODE, &no_acl6_remark_cmd);
	install_element(CONFIG_NODE, &no_acl6_remark_arg_cmd);

	install_element(ENABLE_NODE, &show_acl_cmd);
	install_element(ENABLE_NODE, &show_acl_name_cmd);
	install_element(ENABLE_NODE, &show_acl6_cmd);
	install_element(ENABLE_NODE, &show_acl6_name_cmd);
}
