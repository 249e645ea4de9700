/*
 * The shell's own commands (vtysh/vtysh_local.c) and vtysh.conf
 * (vtysh/vtysh_user.c), with no daemon connected: abbreviations, the node
 * each command belongs to, `do`, their effect on the shell's settings, the
 * `?` candidates they add, and vtysh.conf lines good and bad.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command.h"
#include "vtysh.h"

static struct vtysh vs;
static char *text;
static size_t len;

static void setup(void)
{
	memset(&vs, 0, sizeof(vs));
	vtysh_clients_init(&vs);
	vs.node = ENABLE_NODE;
	vs.out = open_memstream(&text, &len);
}

static void teardown(void)
{
	fclose(vs.out);
	free(text);
	vtysh_users_free(&vs);
	XFREE(VTYSH, vs.hostname);
}

TestSuite(vtysh_local, .init = setup, .fini = teardown);

static int run(const char *line)
{
	int r = vtysh_local(&vs, line);

	fflush(vs.out);
	return r;
}

Test(vtysh_local, abbreviations_and_nodes)
{
	cr_assert_eq(run("sh daem"), CMD_SUCCESS);
	cr_assert_str_eq(text, "\n");	/* nobody connected */
	cr_assert_eq(run("terminal length 0"), CMD_SUCCESS);
	cr_assert(vs.pager_off);
	cr_assert_eq(run("ter no len"), CMD_SUCCESS);
	cr_assert(!vs.pager_off);
	cr_assert_eq(run("terminal length 513"), -1);	/* out of range: not ours */
	cr_assert_eq(run("service integrated-vtysh-config"), -1);	/* CONFIG only */
	cr_assert_eq(run("show ip route"), -1);		/* the daemons' */
	cr_assert_eq(run("one two three four five six seven eight nine"), -1);
	vs.node = CONFIG_NODE;
	cr_assert_eq(run("serv integrated-vtysh-config"), CMD_SUCCESS);
	cr_assert(vs.integrated);
	cr_assert_eq(run("no service integrated-vtysh-config"), CMD_SUCCESS);
	cr_assert(!vs.integrated);
	cr_assert_eq(run("sh daemons"), -1);		/* exec command, not in CONFIG */
	cr_assert_eq(run("do sh daemons"), CMD_SUCCESS);
	cr_assert_eq(vs.node, CONFIG_NODE);		/* `do` moves nobody */
}

Test(vtysh_local, leaving)
{
	vs.node = RIP_NODE;
	cr_assert_eq(run("exit"), CMD_SUCCESS);
	cr_assert_eq(vs.node, CONFIG_NODE);
	cr_assert(!vs.quit);
	vs.node = BGP_IPV6_NODE;
	cr_assert_eq(run("quit"), CMD_SUCCESS);
	cr_assert_eq(vs.node, BGP_NODE);
	cr_assert_eq(run("end"), CMD_SUCCESS);
	cr_assert_eq(vs.node, ENABLE_NODE);
	cr_assert_eq(run("exit"), CMD_SUCCESS);
	cr_assert(vs.quit);
}

Test(vtysh_local, one_daemon_that_is_down)
{
	cr_assert_eq(run("write terminal rip"), CMD_WARNING);
	cr_assert_str_eq(text, "% ripd is not running\n");
}

static void collect(const char *t, const char *help, bool literal, void *arg)
{
	(void)help;
	fprintf(arg, "%s%s,", literal ? "" : "=", t);
}

Test(vtysh_local, help_candidates)
{
	char *got = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&got, &n);

	vtysh_local_help(&vs, "show d", collect, f);
	fflush(f);
	cr_assert_str_eq(got, "daemons,");
	rewind(f);
	vtysh_local_help(&vs, "show running-config ", collect, f);
	fputc('\0', f);
	fflush(f);
	cr_assert_str_eq(got, "=<cr>,zebra,ripd,ospfd,bgpd,vrrpd,");
	rewind(f);
	vtysh_local_help(&vs, "terminal length ", collect, f);
	fputc('\0', f);
	fflush(f);
	cr_assert_str_eq(got, "=<0-512>,");
	fclose(f);
	free(got);
}

Test(vtysh_local, vtysh_conf_lines)
{
	char path[] = "/tmp/vtysh-conf-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");

	fputs("! comment\n\nusername root nopassword\nusername root nopassword\n"
	      "service integrated-vtysh-config\nhostname shell1\n"
	      "username\nbogus line\nhostname\n", f);
	fclose(f);
	cr_assert_eq(vtysh_read_own_config(&vs, path), 3);
	unlink(path);
	cr_assert(vs.integrated);
	cr_assert_str_eq(vs.hostname, "shell1");
	cr_assert_not_null(vs.users);
	cr_assert_str_eq(vs.users->name, "root");
	cr_assert_null(vs.users->next);
	cr_assert_eq(vtysh_read_own_config(&vs, "/nonexistent/vtysh.conf"), -1);
}
