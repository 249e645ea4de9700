/*
 * Access-list commands (Quagga's command strings and messages) and the
 * ACCESS_NODE / ACCESS_IPV6_NODE config-write blocks. Handlers only parse
 * arguments and call the typed setters of filter.c.
 */
#include <stdio.h>
#include <string.h>

#include "command.h"
#include "filter.h"
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

static int cisco_cmd(struct vty *vty, bool set, bool extended, const char *name,
		     const char *type, const char *a, const char *aw,
		     const char *m, const char *mw)
{
	struct filter_spec spec;
	char err[256];
	int ret;

	ret = filter_spec_cisco(&spec, type, a, aw, m, mw, extended, err,
				sizeof(err));
	if (ret == 0)
		ret = access_list_entry_set(AFI_IP, name, &spec, set, err,
					    sizeof(err));
	return acl_result(vty, ret, err);
}

static int zebra_cmd(struct vty *vty, bool set, int afi, const char *name,
		     const char *type, const char *prefix, bool exact)
{
	struct filter_spec spec;
	char err[256];
	int ret;

	ret = filter_spec_zebra(&spec, afi, type, prefix, exact, err, sizeof(err));
	if (ret == 0)
		ret = access_list_entry_set(afi, name, &spec, set, err, sizeof(err));
	return acl_result(vty, ret, err);
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

static int delete_name(struct vty *vty, int afi, const char *name)
{
	char err[256];

	return acl_result(vty, access_list_delete_name(afi, name, err, sizeof(err)),
			  err);
}

static int remark_set(struct vty *vty, int afi, int argc, const char *argv[])
{
	char *remark = policy_argv_concat(argc, argv, 1);

	access_list_remark_set(afi, argv[0], remark);
	policy_argv_free(remark);
	return CMD_SUCCESS;
}

static int remark_unset(struct vty *vty, int afi, const char *name)
{
	char err[256];

	return acl_result(vty, access_list_remark_unset(afi, name, err, sizeof(err)),
			  err);
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
