/*
 * The matcher over every token kind and error case, relaxed and strict;
 * argv layout; `?` help and TAB completion; the parent-node fallback and
 * `do`. Commands are installed into the real node table; handlers record
 * what they received.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "vty.h"

static char got[1024];	/* "name|argc|a0|a1|..." of the last run */

static int record(const struct cmd_element *self, struct vty *vty, int argc,
		  const char *argv[])
{
	size_t n = (size_t)snprintf(got, sizeof(got), "%s|%d", self->string, argc);

	for (int i = 0; i < argc; i++)
		n += (size_t)snprintf(got + n, sizeof(got) - n, "|%s",
				      argv[i] ? argv[i] : "NULL");
	/* argv beyond argc must be NULL */
	for (int i = argc; i <= CMD_ARGC_MAX; i++)
		cr_assert_null(argv[i]);
	return CMD_SUCCESS;
}

#define T(name, str, help)                                                     \
	static struct cmd_element name = { .string = str, .func = record,      \
					   .doc = help }

T(c_show_ip_route, "show ip route", SHOW_STR IP_STR "IP routing table\n");
T(c_show_ip_route_a, "show ip route A.B.C.D", SHOW_STR IP_STR "r\n" "Network\n");
T(c_show_ip_route_p, "show ip route A.B.C.D/M", SHOW_STR IP_STR "r\n" "Prefix\n");
T(c_show_ip_route_type, "show ip route (kernel|connected|static|rip)",
  SHOW_STR IP_STR "r\n" "k\n" "c\n" "s\n" "r\n");
T(c_show_ip_route_summary, "show ip route summary", SHOW_STR IP_STR "r\n" "Summary\n");
T(c_show_ipv6_route, "show ipv6 route X:X::X:X", SHOW_STR IPV6_STR "r\n" "addr\n");
T(c_show_ipv6_route_p, "show ipv6 route X:X::X:X/M", SHOW_STR IPV6_STR "r\n" "pfx\n");
T(c_show_interface, "show interface [IFNAME]", SHOW_STR "Interface\n" "Name\n");
T(c_timeout, "exec-timeout <0-35791> [<0-2147483>]", "t\n" "min\n" "sec\n");
T(c_desc, "description .LINE", "Description\n" "Text\n");
T(c_password, "secret (8|) WORD", "pw\n" "8\n" "dummy\n" "word\n");
T(c_password_line, "secret LINE", "pw\n" "line\n");
T(c_redist, "redistribute (kernel|static) {metric <0-16777214>|metric-type (1|2)|route-map WORD}",
  "r\n" "k\n" "s\n" "metric\n" "m\n" "metric-type\n" "1\n" "2\n" "route-map\n" "name\n");
T(c_nhs, "neighbor (A.B.C.D|WORD) next-hop-self {all}", "n\n" "a\n" "w\n" "nhs\n" "all\n");
T(c_ranges_a, "access-list <1-99> permit any", "a\n" "n\n" "p\n" "any\n");
T(c_ranges_b, "access-list <50-150> deny any", "a\n" "n\n" "d\n" "any\n");
T(c_interface, "interface IFNAME", "Interface\n" "Name\n");
T(c_router_rip, "router rip", "Router\n" "RIP\n");
T(c_network, "network A.B.C.D/M", "Network\n" "Prefix\n");
T(c_link_detect, "link-detect [default]", "ld\n" "default\n");

static int enter_if(const struct cmd_element *self, struct vty *vty, int argc,
		    const char *argv[])
{
	record(self, vty, argc, argv);
	vty_enter_node(vty, INTERFACE_NODE, NULL);
	return CMD_SUCCESS;
}

static int enter_rip(const struct cmd_element *self, struct vty *vty, int argc,
		     const char *argv[])
{
	record(self, vty, argc, argv);
	vty_enter_node(vty, RIP_NODE, NULL);
	return CMD_SUCCESS;
}

static struct cmd_node if_node = { INTERFACE_NODE, "%s(config-if)# ", NULL };
static struct cmd_node rip_node = { RIP_NODE, "%s(config-router)# ", NULL };

static struct vty *vty;

static void setup(void)
{
	cmd_init();
	install_node(&if_node);
	install_node(&rip_node);
	install_element(VIEW_NODE, &c_show_ip_route);
	install_element(VIEW_NODE, &c_show_ip_route_a);
	install_element(VIEW_NODE, &c_show_ip_route_p);
	install_element(VIEW_NODE, &c_show_ip_route_type);
	install_element(VIEW_NODE, &c_show_ip_route_summary);
	install_element(VIEW_NODE, &c_show_ipv6_route);
	install_element(VIEW_NODE, &c_show_ipv6_route_p);
	install_element(VIEW_NODE, &c_show_interface);
	install_element(CONFIG_NODE, &c_timeout);
	install_element(CONFIG_NODE, &c_password);
	install_element(CONFIG_NODE, &c_password_line);
	install_element(CONFIG_NODE, &c_redist);
	install_element(CONFIG_NODE, &c_nhs);
	install_element(CONFIG_NODE, &c_ranges_a);
	install_element(CONFIG_NODE, &c_ranges_b);
	install_element(CONFIG_NODE, &c_link_detect);
	c_interface.func = enter_if;
	c_router_rip.func = enter_rip;
	install_element(CONFIG_NODE, &c_interface);
	install_element(CONFIG_NODE, &c_router_rip);
	install_default(INTERFACE_NODE);
	install_element(INTERFACE_NODE, &c_desc);
	install_element(RIP_NODE, &c_network);
	vty = vty_new_buffer(ENABLE_NODE);
}

static void teardown(void)
{
	vty_free_buffer(vty);
	cmd_terminate();
}

TestSuite(command, .init = setup, .fini = teardown);

static int run(enum node_type node, const char *line, bool strict)
{
	got[0] = '\0';
	vty->node = node;
	vty_buffer_clear(vty);
	return cmd_execute(vty, line, strict);
}

struct exec_case {
	enum node_type node;
	const char *line;
	bool strict;
	int ret;
	const char *got;	/* NULL: handler must not run */
};

static const struct exec_case cases[] = {
	/* literals, abbreviations */
	{ ENABLE_NODE, "show ip route", false, CMD_SUCCESS, "show ip route|0" },
	{ ENABLE_NODE, "sh ip ro", false, CMD_SUCCESS, "show ip route|0" },
	{ ENABLE_NODE, "  show   ip  route  ", false, CMD_SUCCESS, "show ip route|0" },
	{ ENABLE_NODE, "sh ip ro", true, CMD_ERR_NO_MATCH, NULL },
	{ ENABLE_NODE, "s", false, CMD_ERR_INCOMPLETE, NULL },
	{ ENABLE_NODE, "show ip", false, CMD_ERR_INCOMPLETE, NULL },
	{ ENABLE_NODE, "show i", false, CMD_ERR_AMBIGUOUS, NULL },
	{ ENABLE_NODE, "show ip route s", false, CMD_ERR_AMBIGUOUS, NULL },
	{ ENABLE_NODE, "show ip route su", false, CMD_SUCCESS, "show ip route summary|0" },
	{ ENABLE_NODE, "show ip route st", false, CMD_SUCCESS,
	  "show ip route (kernel|connected|static|rip)|1|static" },
	{ ENABLE_NODE, "show ip route extra words", false, CMD_ERR_NO_MATCH, NULL },
	{ ENABLE_NODE, "bogus", false, CMD_ERR_NO_MATCH, NULL },
	{ ENABLE_NODE, "", false, CMD_SUCCESS, NULL },
	{ ENABLE_NODE, "! comment", false, CMD_SUCCESS, NULL },
	{ ENABLE_NODE, "# comment", false, CMD_SUCCESS, NULL },
	/* addresses: the more specific kind wins */
	{ ENABLE_NODE, "show ip route 10.1.2.3", false, CMD_SUCCESS,
	  "show ip route A.B.C.D|1|10.1.2.3" },
	{ ENABLE_NODE, "show ip route 10.1.2.0/24", false, CMD_SUCCESS,
	  "show ip route A.B.C.D/M|1|10.1.2.0/24" },
	{ ENABLE_NODE, "show ip route 10.1.2", false, CMD_SUCCESS,
	  "show ip route A.B.C.D|1|10.1.2" },	/* relaxed: partial address */
	{ ENABLE_NODE, "show ip route 10.1.2", true, CMD_ERR_NO_MATCH, NULL },
	{ ENABLE_NODE, "show ip route 10.1.2.0/33", false, CMD_ERR_NO_MATCH, NULL },
	{ ENABLE_NODE, "show ip route 256.1.1.1", false, CMD_ERR_NO_MATCH, NULL },
	{ ENABLE_NODE, "show ip route 10.1.2.0/", true, CMD_ERR_NO_MATCH, NULL },
	{ ENABLE_NODE, "show ipv6 route 2001:db8::1", false, CMD_SUCCESS,
	  "show ipv6 route X:X::X:X|1|2001:db8::1" },
	{ ENABLE_NODE, "show ipv6 route 2001:db8::/32", false, CMD_SUCCESS,
	  "show ipv6 route X:X::X:X/M|1|2001:db8::/32" },
	{ ENABLE_NODE, "show ipv6 route 2001:db8::/129", false, CMD_ERR_NO_MATCH, NULL },
	{ ENABLE_NODE, "show ipv6 route 2001:zz::", false, CMD_ERR_NO_MATCH, NULL },
	{ ENABLE_NODE, "show ipv6 route 2001:db8::/64", true, CMD_SUCCESS,
	  "show ipv6 route X:X::X:X/M|1|2001:db8::/64" },
	/* optional variable: absent at the end is not counted */
	{ ENABLE_NODE, "show interface", false, CMD_SUCCESS, "show interface [IFNAME]|0" },
	{ ENABLE_NODE, "show interface eth0", false, CMD_SUCCESS,
	  "show interface [IFNAME]|1|eth0" },
	/* ranges: strtoul, no sign, bounds */
	{ CONFIG_NODE, "exec-timeout 5", false, CMD_SUCCESS,
	  "exec-timeout <0-35791> [<0-2147483>]|1|5" },
	{ CONFIG_NODE, "exec-timeout 5 30", false, CMD_SUCCESS,
	  "exec-timeout <0-35791> [<0-2147483>]|2|5|30" },
	{ CONFIG_NODE, "exec-timeout 35792", false, CMD_ERR_NO_MATCH, NULL },
	{ CONFIG_NODE, "exec-timeout -1", false, CMD_ERR_NO_MATCH, NULL },
	{ CONFIG_NODE, "exec-timeout +1", false, CMD_ERR_NO_MATCH, NULL },
	{ CONFIG_NODE, "exec-timeout 1x", false, CMD_ERR_NO_MATCH, NULL },
	{ CONFIG_NODE, "exec-timeout 99999999999999999999", false, CMD_ERR_NO_MATCH, NULL },
	{ CONFIG_NODE, "access-list 10 permit any", false, CMD_SUCCESS,
	  "access-list <1-99> permit any|1|10" },
	{ CONFIG_NODE, "access-list 60 p any", false, CMD_ERR_AMBIGUOUS, NULL },
	{ CONFIG_NODE, "access-list 120 deny any", false, CMD_SUCCESS,
	  "access-list <50-150> deny any|1|120" },
	/* (8|) still wants its word (Quagga); the ALIAS takes the rest */
	{ CONFIG_NODE, "secret 8 abcdef", false, CMD_SUCCESS,
	  "secret (8|) WORD|2|8|abcdef" },
	{ CONFIG_NODE, "secret abcdef", false, CMD_SUCCESS, "secret LINE|1|abcdef" },
	/* the exact "8" beats LINE's variable, as in Quagga */
	{ CONFIG_NODE, "secret 8", false, CMD_ERR_INCOMPLETE, NULL },
	/* keyword sets: any order, NULL for the missing ones */
	{ CONFIG_NODE, "redistribute static", false, CMD_SUCCESS,
	  "redistribute (kernel|static) {metric <0-16777214>|metric-type (1|2)|route-map WORD}|4|static|NULL|NULL|NULL" },
	{ CONFIG_NODE, "redistribute kernel route-map RM metric 5", false, CMD_SUCCESS,
	  "redistribute (kernel|static) {metric <0-16777214>|metric-type (1|2)|route-map WORD}|4|kernel|5|NULL|RM" },
	{ CONFIG_NODE, "redistribute k metric-type 2", false, CMD_SUCCESS,
	  "redistribute (kernel|static) {metric <0-16777214>|metric-type (1|2)|route-map WORD}|4|kernel|NULL|2|NULL" },
	{ CONFIG_NODE, "redistribute kernel metric 5 metric 6", false, CMD_ERR_NO_MATCH, NULL },
	{ CONFIG_NODE, "redistribute kernel metric", false, CMD_ERR_INCOMPLETE, NULL },
	{ CONFIG_NODE, "neighbor 1.1.1.1 next-hop-self", false, CMD_SUCCESS,
	  "neighbor (A.B.C.D|WORD) next-hop-self {all}|2|1.1.1.1|NULL" },
	{ CONFIG_NODE, "neighbor PEERS next-hop-self all", false, CMD_SUCCESS,
	  "neighbor (A.B.C.D|WORD) next-hop-self {all}|2|PEERS|all" },
	/* [anything] is Quagga's option: any word, as typed, even in files */
	{ CONFIG_NODE, "link-detect", false, CMD_SUCCESS, "link-detect [default]|0" },
	{ CONFIG_NODE, "link-detect def", false, CMD_SUCCESS, "link-detect [default]|1|def" },
	{ CONFIG_NODE, "link-detect def", true, CMD_SUCCESS, "link-detect [default]|1|def" },
	{ CONFIG_NODE, "link-detect foo", true, CMD_SUCCESS, "link-detect [default]|1|foo" },
	{ CONFIG_NODE, "link-detect a b", false, CMD_ERR_NO_MATCH, NULL },
	/* vararg */
	{ INTERFACE_NODE, "description a b  c", false, CMD_SUCCESS,
	  "description .LINE|3|a|b|c" },
	{ INTERFACE_NODE, "description", false, CMD_ERR_INCOMPLETE, NULL },
};

Test(command, table)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct exec_case *c = &cases[i];
		int ret = run(c->node, c->line, c->strict);

		cr_expect_eq(ret, c->ret, "\"%s\" (%s): got %d, want %d", c->line,
			     c->strict ? "strict" : "relaxed", ret, c->ret);
		if (c->got)
			cr_expect_str_eq(got, c->got, "\"%s\"", c->line);
		else
			cr_expect_str_empty(got, "\"%s\" ran %s", c->line, got);
	}
}

Test(command, parent_fallback_interactive)
{
	run(CONFIG_NODE, "interface eth0", false);
	cr_assert_eq(vty->node, INTERFACE_NODE);
	/* a CONFIG command typed in a sub-node runs there and stays there */
	cr_assert_eq(cmd_execute(vty, "router rip", false), CMD_SUCCESS);
	cr_assert_eq(vty->node, RIP_NODE);
	/* nothing matches anywhere: node unchanged, first error kept */
	cr_assert_eq(cmd_execute(vty, "nonsense", false), CMD_ERR_NO_MATCH);
	cr_assert_eq(vty->node, RIP_NODE);
	cr_assert_eq(cmd_execute(vty, "network 10.0.0.0/8", false), CMD_SUCCESS);
	cr_assert_eq(vty->node, RIP_NODE);
}

Test(command, parent_fallback_strict)
{
	run(CONFIG_NODE, "interface eth0", true);
	cr_assert_eq(cmd_execute(vty, "router rip", true), CMD_SUCCESS);
	cr_assert_eq(vty->node, RIP_NODE);
	cr_assert_eq(cmd_execute(vty, "netw 10.0.0.0/8", true), CMD_ERR_NO_MATCH);
	cr_assert_eq(vty->node, RIP_NODE);
}

Test(command, do_prefix)
{
	cr_assert_eq(run(CONFIG_NODE, "do show ip route", false), CMD_SUCCESS);
	cr_assert_str_eq(got, "show ip route|0");
	cr_assert_eq(vty->node, CONFIG_NODE);
	cr_assert_eq(run(ENABLE_NODE, "do show ip route", false), CMD_ERR_NO_MATCH);
}

Test(command, exit_end_and_lock)
{
	struct vty *other = vty_new_buffer(ENABLE_NODE);

	cr_assert_eq(run(ENABLE_NODE, "configure terminal", false), CMD_SUCCESS);
	cr_assert_eq(vty->node, CONFIG_NODE);
	cr_assert_eq(cmd_execute(other, "conf t", false), CMD_WARNING);
	cr_assert_str_eq(vty_buffer_text(other), "VTY configuration is locked by other VTY\n");
	cr_assert_eq(cmd_execute(vty, "interface eth1", false), CMD_SUCCESS);
	cr_assert_eq(cmd_execute(vty, "exit", false), CMD_SUCCESS);
	cr_assert_eq(vty->node, CONFIG_NODE);
	cr_assert_eq(cmd_execute(vty, "interface eth1", false), CMD_SUCCESS);
	cr_assert_eq(cmd_execute(vty, "end", false), CMD_SUCCESS);
	cr_assert_eq(vty->node, ENABLE_NODE);
	vty_buffer_clear(other);
	cr_assert_eq(cmd_execute(other, "conf t", false), CMD_SUCCESS);
	cr_assert_eq(cmd_execute(other, "exit", false), CMD_SUCCESS);
	cr_assert_eq(other->node, ENABLE_NODE);
	vty_free_buffer(other);
}

static char *help(enum node_type node, const char *line)
{
	vty->node = node;
	vty_buffer_clear(vty);
	cmd_describe(vty, line);
	return strdup(vty_buffer_text(vty));
}

Test(command, describe)
{
	char *h = help(ENABLE_NODE, "show ip route ");

	cr_assert(strstr(h, "  A.B.C.D    Network\n"), "%s", h);
	cr_assert(strstr(h, "  A.B.C.D/M  Prefix\n"), "%s", h);
	cr_assert(strstr(h, "  kernel     k\n"), "%s", h);
	cr_assert(strstr(h, "  summary    Summary\n"), "%s", h);
	/* <cr> comes last, padded like the others (trailing blanks) */
	cr_assert_str_eq(h + strlen(h) - 14, "  <cr>       \n", "%s", h);
	free(h);

	h = help(ENABLE_NODE, "show ip route s");
	cr_assert_str_eq(h, "  static   s\n  summary  Summary\n");
	free(h);

	h = help(ENABLE_NODE, "show xyz");
	cr_assert_str_eq(h, "% There is no matched command.\n");
	free(h);

	h = help(ENABLE_NODE, "show i ");
	cr_assert_str_eq(h, "% Ambiguous command.\n");
	free(h);

	/* vararg shown without its dot; options with their brackets; `?`
	 * shows hidden commands too (Quagga: only `list` leaves them out) */
	h = help(INTERFACE_NODE, "description ");
	cr_assert_str_eq(h, "  LINE  Text\n", "%s", h);
	free(h);
	h = help(ENABLE_NODE, "show interface ");
	cr_assert_str_eq(h, "  [IFNAME]  Name\n  <cr>      \n", "%s", h);
	free(h);
	h = help(VIEW_NODE, "e");
	cr_assert_str_eq(h, "  echo    Echo a message back to the vty\n"
			    "  enable  Turn on privileged mode command\n"
			    "  exit    Exit current mode and down to previous mode\n", "%s", h);
	free(h);
	/* sorted by the token text (strcmp): "<", upper case, "[", lower case */
	h = help(CONFIG_NODE, "exec-timeout 5 ");
	cr_assert_str_eq(h, "  [<0-2147483>]  sec\n  <cr>           \n", "%s", h);
	free(h);
}

Test(command, complete)
{
	struct cmd_help_list l;
	char *w = NULL;

	cr_assert_eq(cmd_complete(ENABLE_NODE, "show ip ro", &w, &l), CMD_COMPLETE_FULL_MATCH);
	cr_assert_str_eq(w, "route");
	free(w);
	cr_assert_eq(cmd_complete(ENABLE_NODE, "show ip route su", &w, &l),
		     CMD_COMPLETE_FULL_MATCH);
	cr_assert_str_eq(w, "summary");
	free(w);
	cr_assert_eq(cmd_complete(ENABLE_NODE, "show ip route s", &w, &l),
		     CMD_COMPLETE_LIST_MATCH);
	cr_assert_null(w);
	cr_assert_eq(l.n, 2);
	cr_assert_str_eq(l.items[0].text, "static");
	cr_assert_str_eq(l.items[1].text, "summary");
	cmd_help_free(&l);
	/* the word being completed is not narrowed to its exact match */
	cr_assert_eq(cmd_complete(ENABLE_NODE, "show ip", &w, &l), CMD_COMPLETE_LIST_MATCH);
	cr_assert_eq(l.n, 2);	/* ip ipv6 */
	cmd_help_free(&l);
	/* an empty word lists, it does not complete a common prefix */
	cr_assert_eq(cmd_complete(ENABLE_NODE, "show ip route ", &w, &l),
		     CMD_COMPLETE_LIST_MATCH);
	cr_assert_eq(l.n, 5);	/* connected kernel rip static summary */
	cmd_help_free(&l);
	cr_assert_eq(cmd_complete(ENABLE_NODE, "show i", &w, &l), CMD_COMPLETE_LIST_MATCH);
	cr_assert_eq(l.n, 3);	/* interface ip ipv6 */
	cmd_help_free(&l);
	cr_assert_eq(cmd_complete(ENABLE_NODE, "show xyz", &w, &l), CMD_ERR_NO_MATCH);
}

Test(command, error_messages)
{
	vty_buffer_clear(vty);
	vty->node = CONFIG_NODE;
	cr_assert_eq(vty_command(vty, "hostnme foo"), CMD_ERR_NO_MATCH);
	cr_assert(strstr(vty_buffer_text(vty), "Unknown command: hostnme foo\n"),
		  "%s", vty_buffer_text(vty));
	vty_buffer_clear(vty);
	vty->node = ENABLE_NODE;
	vty_command(vty, "show i");
	cr_assert_str_eq(vty_buffer_text(vty), "% Ambiguous command.\n");
	vty_buffer_clear(vty);
	vty_command(vty, "s");
	cr_assert_str_eq(vty_buffer_text(vty), "% Command incomplete.\n");
}

Test(command, list_skips_hidden)
{
	vty_buffer_clear(vty);
	cmd_list(vty, VIEW_NODE);
	cr_assert(strstr(vty_buffer_text(vty), "  show version\n"));
	cr_assert_null(strstr(vty_buffer_text(vty), "echo"));
}

Test(command, running_config)
{
	vty->node = CONFIG_NODE;
	cr_assert_eq(cmd_execute(vty, "hostname r1", false), CMD_SUCCESS);
	cr_assert_eq(cmd_execute(vty, "password zebra", false), CMD_SUCCESS);
	cr_assert_eq(cmd_execute(vty, "enable password zebra", false), CMD_SUCCESS);
	vty->node = ENABLE_NODE;
	vty_buffer_clear(vty);
	cr_assert_eq(cmd_execute(vty, "show running-config", false), CMD_SUCCESS);
	cr_assert_str_eq(vty_buffer_text(vty), "\nCurrent configuration:\n!\nhostname r1\npassword zebra\n"
			 "enable password zebra\n!\nline vty\n!\nend\n");
	vty->node = CONFIG_NODE;
	cr_assert_eq(cmd_execute(vty, "service password-encryption", false), CMD_SUCCESS);
	vty->node = ENABLE_NODE;
	vty_buffer_clear(vty);
	cmd_execute(vty, "write terminal", false);
	cr_assert(strstr(vty_buffer_text(vty), "\npassword 8 "), "%s", vty_buffer_text(vty));
	cr_assert(strstr(vty_buffer_text(vty), "\nenable password 8 "));
	cr_assert(strstr(vty_buffer_text(vty), "\nservice password-encryption\n"));
	cr_assert_null(strstr(vty_buffer_text(vty), "password zebra"));
	vty->node = CONFIG_NODE;
	cr_assert_eq(cmd_execute(vty, "no service password-encryption", false), CMD_SUCCESS);
	vty->node = ENABLE_NODE;
	vty_buffer_clear(vty);
	cmd_execute(vty, "write terminal", false);
	/* the plain copies remain, the encrypted ones are gone */
	cr_assert(strstr(vty_buffer_text(vty), "\npassword zebra\n"), "%s", vty_buffer_text(vty));
	cr_assert_null(strstr(vty_buffer_text(vty), "password 8"));
	/* only encrypted passwords: none remain */
	vty->node = CONFIG_NODE;
	cmd_execute(vty, "password 8 abCDefGHijklm", false);
	cmd_execute(vty, "service password-encryption", false);
	cmd_execute(vty, "no service password-encryption", false);
	vty->node = ENABLE_NODE;
	vty_buffer_clear(vty);
	cmd_execute(vty, "write terminal", false);
	cr_assert_null(strstr(vty_buffer_text(vty), "\npassword"), "%s", vty_buffer_text(vty));
	cmd_hostname_set(NULL);
}
