/*
 * Daemon start-up tests that need neither the CLI nor the vty: option
 * parsing and default paths (daemon_args.c), the pid file lock
 * (daemon_pidfile.c) and dropping privileges (privs.c).
 */
#include "config.h"

#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <linux/capability.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "daemon.h"
#include "privs.h"

static int extra_seen, extra_arg_val;
static int extra(int opt, const char *arg)
{
	if (opt == 'b') {
		extra_seen++;
		return 0;
	}
	if (opt == 's') {
		extra_arg_val = atoi(arg);
		return extra_arg_val > 0 ? 0 : -1;
	}
	return -1;
}

static const struct option zebra_longopts[] = {
	{ "batch", no_argument, NULL, 'b' },
	{ "nl-bufsize", required_argument, NULL, 's' },
	{ 0 },
};

static const struct daemon_info zinfo = {
	.name = "zebra",
	.protoname = "ZEBRA",
	.vty_port = 2601,
	.extra_shortopts = "bs:r",
	.extra_longopts = zebra_longopts,
	.extra_help = "  -b, --batch         Read the configuration and exit\n",
	.extra_opt = extra,
};

/* Parses a NULL-terminated list of arguments; output captured in memstreams. */
struct result {
	struct daemon d;
	int ret;
	char out[4096], err[4096];
};

static void parse(struct result *r, const char *const *args)
{
	char *argv[32];
	int argc = 0;
	FILE *out = fmemopen(r->out, sizeof(r->out), "w");
	FILE *err = fmemopen(r->err, sizeof(r->err), "w");

	memset(&r->d, 0, sizeof(r->d));
	argv[argc++] = (char *)"zebra";
	while (*args && argc < 31)
		argv[argc++] = (char *)*args++;
	argv[argc] = NULL;
	r->ret = daemon_parse_args(&r->d, &zinfo, argc, argv, out, err);
	fclose(out);
	fclose(err);
}

#define PARSE(r, ...) parse((r), (const char *const[]){ __VA_ARGS__, NULL })

Test(daemon_args, defaults)
{
	struct result r;

	parse(&r, (const char *const[]){ NULL });
	cr_assert_eq(r.ret, 0);
	cr_assert_str_eq(r.d.config_file, SYSCONFDIR "/zebra.conf");
	cr_assert_str_eq(r.d.pid_file, STATEDIR "/zebra.pid");
	cr_assert_str_eq(r.d.vty_socket, STATEDIR "/zebra.vty");
	cr_assert_str_eq(r.d.statedir, STATEDIR);
	cr_assert_null(r.d.zserv_path);
	cr_assert_eq(r.d.vty_port, 2601);
	cr_assert_not(r.d.daemonize);
	cr_assert_not(r.d.dryrun);
	cr_assert_not(r.d.config_given);
	cr_assert_not(r.d.retain);
	daemon_args_free(&r.d);
}

Test(daemon_args, instance_paths)
{
	struct result r;

	PARSE(&r, "-N", "r1", "-P", "0");
	cr_assert_eq(r.ret, 0);
	cr_assert_str_eq(r.d.instance, "r1");
	cr_assert_str_eq(r.d.statedir, STATEDIR "/r1");
	cr_assert_str_eq(r.d.pid_file, STATEDIR "/r1/zebra.pid");
	cr_assert_str_eq(r.d.vty_socket, STATEDIR "/r1/zebra.vty");
	cr_assert_str_eq(r.d.zserv_path, STATEDIR "/r1/zserv.api");
	cr_assert_str_eq(r.d.config_file, SYSCONFDIR "/zebra.conf");
	cr_assert_eq(r.d.vty_port, 0, "-P 0 disables the TCP vty");
	daemon_args_free(&r.d);
}

Test(daemon_args, explicit_paths_and_long_options)
{
	struct result r;

	PARSE(&r, "--config_file", "/tmp/x/zebra.conf", "-i", "/tmp/x/z.pid",
	      "--socket=/tmp/x/zs.api", "-d", "--dryrun", "-A", "127.0.0.1",
	      "--vty_port", "2700", "-u", "quagga", "--group", "quaggavty", "-N", "r2");
	cr_assert_eq(r.ret, 0);
	cr_assert_str_eq(r.d.config_file, "/tmp/x/zebra.conf");
	cr_assert(r.d.config_given);
	cr_assert_str_eq(r.d.pid_file, "/tmp/x/z.pid");
	cr_assert_str_eq(r.d.zserv_path, "/tmp/x/zs.api", "-z wins over -N");
	cr_assert_str_eq(r.d.vty_socket, STATEDIR "/r2/zebra.vty");
	cr_assert(r.d.daemonize);
	cr_assert(r.d.dryrun);
	cr_assert_str_eq(r.d.vty_addr, "127.0.0.1");
	cr_assert_eq(r.d.vty_port, 2700);
	cr_assert_str_eq(r.d.user, "quagga");
	cr_assert_str_eq(r.d.group, "quaggavty");
	daemon_args_free(&r.d);
}

Test(daemon_args, vty_socket_directory)
{
	struct result r;

	PARSE(&r, "--vty_socket", "/tmp/vtys", "-N", "r3");
	cr_assert_eq(r.ret, 0);
	cr_assert_str_eq(r.d.vty_socket, "/tmp/vtys/zebra.vty");
	cr_assert_str_eq(r.d.pid_file, STATEDIR "/r3/zebra.pid");
	daemon_args_free(&r.d);
}

Test(daemon_args, relative_config_becomes_absolute)
{
	struct result r;
	char cwd[512], want[600];

	cr_assert_not_null(getcwd(cwd, sizeof(cwd)));
	snprintf(want, sizeof(want), "%s/conf/zebra.conf", cwd);
	PARSE(&r, "-f", "conf/zebra.conf");
	cr_assert_eq(r.ret, 0);
	cr_assert_str_eq(r.d.config_file, want);
	daemon_args_free(&r.d);
}

Test(daemon_args, bad_port_falls_back_to_default)
{
	struct result r;

	PARSE(&r, "-P", "99999");
	cr_assert_eq(r.ret, 0);
	cr_assert_eq(r.d.vty_port, 2601);
	daemon_args_free(&r.d);
	PARSE(&r, "-P", "abc");
	cr_assert_eq(r.d.vty_port, 2601);
	daemon_args_free(&r.d);
}

Test(daemon_args, unknown_option_is_a_usage_error)
{
	struct result r;

	PARSE(&r, "-x");
	cr_assert_eq(r.ret, -1);
	cr_assert_str_eq(r.err, "zebra: unknown option -x\n"
				"Try 'zebra --help' for more information.\n");
	PARSE(&r, "--bogus");
	cr_assert_eq(r.ret, -1);
	cr_assert_not_null(strstr(r.err, "unknown option --bogus"), "%s", r.err);
	PARSE(&r, "-f");
	cr_assert_eq(r.ret, -1);
	cr_assert_not_null(strstr(r.err, "missing argument for -f"), "%s", r.err);
	PARSE(&r, "stray");
	cr_assert_eq(r.ret, -1);
	cr_assert_not_null(strstr(r.err, "unexpected argument stray"), "%s", r.err);
	PARSE(&r, "-N", "../etc");
	cr_assert_eq(r.ret, -1);
	cr_assert_not_null(strstr(r.err, "invalid argument for option -N"), "%s", r.err);
}

Test(daemon_args, extra_options_reach_the_daemon)
{
	struct result r;

	extra_seen = extra_arg_val = 0;
	PARSE(&r, "-b", "--nl-bufsize", "4096", "-r");
	cr_assert_eq(r.ret, 0);
	cr_assert_eq(extra_seen, 1);
	cr_assert_eq(extra_arg_val, 4096);
	cr_assert(r.d.retain);
	daemon_args_free(&r.d);
	PARSE(&r, "--retain");
	cr_assert(r.d.retain);
	daemon_args_free(&r.d);
	PARSE(&r, "-s", "0");
	cr_assert_eq(r.ret, -1, "the daemon rejected the value");
}

Test(daemon_args, version_and_help)
{
	struct result r;

	PARSE(&r, "-v");
	cr_assert_eq(r.ret, 1);
	cr_assert_str_eq(r.out, "zebra version " PACKAGE_VERSION " (Tarpan)\n");
	PARSE(&r, "--help");
	cr_assert_eq(r.ret, 1);
	cr_assert_not_null(strstr(r.out, "Usage: zebra [OPTION...]"));
	cr_assert_not_null(strstr(r.out, "-f, --config_file"));
	cr_assert_not_null(strstr(r.out, "-r, --retain"));
	cr_assert_not_null(strstr(r.out, "-b, --batch"));
}

/* ---- pid file ------------------------------------------------------------------ */

Test(daemon_pidfile, second_instance_is_refused, .init = cr_redirect_stderr)
{
	char path[] = "/tmp/test_pid.XXXXXX";
	struct daemon a = { .info = &zinfo, .pid_fd = -1 };
	struct daemon b = { .info = &zinfo, .pid_fd = -1 };
	char want[256], buf[64];
	struct stat st;
	FILE *fp;
	int fd = mkstemp(path);

	cr_assert_geq(fd, 0);
	close(fd);
	unlink(path);
	a.pid_file = b.pid_file = path;
	cr_assert_eq(daemon_lock_pidfile(&a), 0);
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0644);
	fp = fopen(path, "r");
	cr_assert_not_null(fgets(buf, sizeof(buf), fp));
	fclose(fp);
	cr_assert_eq(atol(buf), (long)getpid());

	cr_assert_eq(daemon_lock_pidfile(&b), -1);
	fflush(stderr);
	snprintf(want, sizeof(want),
		 "zebra: could not lock pid file %s: another instance is running (pid %ld)\n",
		 path, (long)getpid());
	cr_assert_stderr_eq_str(want);
	close(a.pid_fd);
	unlink(path);
}

/* ---- privileges ----------------------------------------------------------------- */

Test(privs, drop_to_nobody_keeping_net_admin)
{
	pid_t pid;
	int status;

	if (geteuid() != 0)
		cr_skip_test("needs root");
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		static const int caps[] = { CAP_NET_ADMIN, CAP_NET_RAW };
		int ok = privs_drop("nobody", "nogroup", caps, 2) == 0 &&
			 getuid() != 0 && geteuid() != 0 &&
			 privs_have_cap(CAP_NET_ADMIN) && privs_have_cap(CAP_NET_RAW) &&
			 !privs_have_cap(CAP_SYS_ADMIN) && setuid(0) != 0;

		_exit(ok ? 0 : 1);
	}
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

Test(privs, unknown_user_stays_root)
{
	if (geteuid() != 0)
		cr_skip_test("needs root");
	cr_assert_eq(privs_drop("no-such-user-tarpan", NULL, NULL, 0), 1);
	cr_assert_eq(geteuid(), 0);
	cr_assert_eq(privs_drop("root", "root", NULL, 0), 0);
	cr_assert_eq(geteuid(), 0);
}
