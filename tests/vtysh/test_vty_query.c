/*
 * The daemon side of vtysh's query extension (lib/vty_query.c): node,
 * match, help and complete answers, and a table of malformed queries that
 * must fail cleanly without running anything or moving the session.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "command.h"
#include "vty.h"

static int ran;

DEFUN(t_router_rip, t_router_rip_cmd, "router rip", "Enable a routing process\nRIP\n")
{
	ran++;
	vty->node = RIP_NODE;
	return CMD_SUCCESS;
}

DEFUN(t_network, t_network_cmd, "network A.B.C.D/M", "Enable routing\nPrefix\n")
{
	ran++;
	return CMD_SUCCESS;
}

DEFUN(t_show_rip, t_show_rip_cmd, "show ip rip", SHOW_STR IP_STR "RIP routes\n")
{
	ran++;
	return CMD_SUCCESS;
}

DEFUN(t_show_route, t_show_route_cmd, "show ip route", SHOW_STR IP_STR "Routes\n")
{
	ran++;
	return CMD_SUCCESS;
}

static struct cmd_node rip_node = { RIP_NODE, "%s(config-router)# ", NULL };
static struct vty *vty;

static void setup(void)
{
	cmd_init();
	install_node(&rip_node);
	install_element(CONFIG_NODE, &t_router_rip_cmd);
	install_element(RIP_NODE, &t_network_cmd);
	install_element(VIEW_NODE, &t_show_rip_cmd);
	install_element(VIEW_NODE, &t_show_route_cmd);
	vty = vty_new_buffer(ENABLE_NODE);
	ran = 0;
}

static void teardown(void)
{
	vty_free_buffer(vty);
	cmd_terminate();
}

TestSuite(vty_query, .init = setup, .fini = teardown);

static int q(const char *req)
{
	vty_buffer_clear(vty);
	return vty_query(vty, req);
}

Test(vty_query, node_reports_number_and_prompt)
{
	cr_assert_eq(q("node"), CMD_SUCCESS);
	cr_assert_str_eq(vty_buffer_text(vty), "4\t%s# \n");
	vty->node = RIP_NODE;
	cr_assert_eq(q("node"), CMD_SUCCESS);
	cr_assert_str_eq(vty_buffer_text(vty), "15\t%s(config-router)# \n");
}

Test(vty_query, match_runs_nothing_and_keeps_node)
{
	cr_assert_eq(q("match 5 0 router rip"), CMD_SUCCESS);
	cr_assert_eq(q("match 5 0 ro r"), CMD_SUCCESS);	/* relaxed: prefixes */
	cr_assert_eq(q("match 5 1 ro r"), CMD_ERR_NO_MATCH);	/* strict: files */
	cr_assert_eq(q("match 15 0 network 10.0.0.0/8"), CMD_SUCCESS);
	cr_assert_eq(q("match 15 0 router rip"), CMD_ERR_NO_MATCH); /* no walk-up */
	cr_assert_eq(q("match 4 0 show ip r"), CMD_ERR_AMBIGUOUS);
	cr_assert_eq(q("match 4 0 show ip"), CMD_ERR_INCOMPLETE);
	cr_assert_eq(q("match 2 0 show ip rip"), CMD_SUCCESS);
	cr_assert_eq(q("match 15 0 do show ip rip"), CMD_SUCCESS);
	cr_assert_eq(ran, 0);
	cr_assert_eq(vty->node, ENABLE_NODE);
	cr_assert_str_eq(vty_buffer_text(vty), "");
}

Test(vty_query, help_lists_tokens_with_kind)
{
	cr_assert_eq(q("help 4 show ip "), CMD_SUCCESS);
	cr_assert_str_eq(vty_buffer_text(vty),
			 "l\trip\tRIP routes\nl\troute\tRoutes\n");
	cr_assert_eq(q("help 15 network "), CMD_SUCCESS);
	cr_assert(strstr(vty_buffer_text(vty), "v\tA.B.C.D/M\tPrefix\n"));
	cr_assert_eq(q("help 4 zzz"), CMD_ERR_NO_MATCH);
}

Test(vty_query, complete_lists_keywords_only)
{
	cr_assert_eq(q("complete 4 show ip r"), CMD_SUCCESS);
	cr_assert_str_eq(vty_buffer_text(vty), "rip\nroute\n");
	cr_assert_eq(q("complete 15 network "), CMD_SUCCESS);
	cr_assert_str_eq(vty_buffer_text(vty), "");
}

Test(vty_query, malformed_queries_fail_cleanly)
{
	static const char *const bad[] = {
		"", "nodes", "match", "match x 0 show ip rip", "match 4", "match 4 2 show",
		"match 4 00 show ip rip", "match 99999 0 show ip rip", "match -1 0 show",
		"match 4x 0 show ip rip", "help", "help x show", "help 1000 show",
		"complete", "complete 4x", "match 4 0 ", "match 4 0",
		"match 18446744073709551617 0 show ip rip",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int r = q(bad[i]);

		cr_assert_neq(r, CMD_SUCCESS, "query \"%s\" answered success", bad[i]);
	}
	cr_assert_eq(ran, 0);
	cr_assert_eq(vty->node, ENABLE_NODE);
	cr_assert_eq(q("frobnicate"), CMD_ERR_NO_MATCH);
	cr_assert_str_eq(vty_buffer_text(vty), "% Unknown query\n");
}
