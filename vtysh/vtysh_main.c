/*
 * vtysh: options and start-up (Quagga 1.2.4's options, facts.md §b).
 *
 *   -b          apply the integrated Quagga.conf to the running daemons, exit
 *   -c CMD      run CMD (repeatable; a CMD may hold several lines), exit
 *   -d DAEMON   connect to that daemon only
 *   -E          echo each -c command after the prompt
 *   -C          dry run: read vtysh.conf (and with -b Quagga.conf), exit
 *   -N NAME     the daemons' -N instance: sockets in STATEDIR/NAME
 *   --vty_socket DIR, env VTYSH_VTY_DIR: where the <daemon>.vty sockets are
 *   --config_dir DIR, env VTYSH_CONF_DIR: where vtysh.conf and Quagga.conf are
 *
 * vtysh.conf is read first, then every daemon's socket is tried; with none
 * up the shell exits with Quagga's "Exiting: failed to connect to any
 * daemons.". `enable` runs before anything else. With -c the shell stops
 * at the first failing command and exits 1, so scripts can rely on it.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "vtysh.h"

enum { OPT_VTY_SOCKET = 0x100, OPT_CONFIG_DIR };

static const struct option longopts[] = {
	{ "boot", no_argument, NULL, 'b' },
	{ "command", required_argument, NULL, 'c' },
	{ "daemon", required_argument, NULL, 'd' },
	{ "echo", no_argument, NULL, 'E' },
	{ "dryrun", no_argument, NULL, 'C' },
	{ "pathspace", required_argument, NULL, 'N' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'v' },
	{ "vty_socket", required_argument, NULL, OPT_VTY_SOCKET },
	{ "config_dir", required_argument, NULL, OPT_CONFIG_DIR },
	{ NULL, 0, NULL, 0 },
};

struct opts {
	bool boot, dryrun, echo;
	const char *daemon, *instance, *vty_dir, *conf_dir;
	int ncmd;
	char **cmd;
};

static void usage(FILE *f, const char *prog)
{
	fprintf(f,
		"Usage : %s [OPTION...]\n\n"
		"Integrated shell for Tarpan (a Quagga 1.2.4 replacement).\n\n"
		"-b, --boot               Execute boot startup configuration\n"
		"-c, --command            Execute argument as command\n"
		"-d, --daemon             Connect only to the specified daemon\n"
		"-E, --echo               Echo prompt and command in -c mode\n"
		"-C, --dryrun             Check configuration for validity and exit\n"
		"-N, --pathspace          Use the daemons' -N NAME socket directory\n"
		"    --vty_socket DIR     Directory of the daemons' vty sockets\n"
		"                         (default %s, or $VTYSH_VTY_DIR)\n"
		"    --config_dir DIR     Directory of vtysh.conf and Quagga.conf\n"
		"                         (default %s, or $VTYSH_CONF_DIR)\n"
		"-h, --help               Display this help and exit\n"
		"-v, --version            Print the version and exit\n\n"
		"Note that multiple commands may be executed from the command\n"
		"line by passing multiple -c args, or by embedding linefeed\n"
		"characters in one or more of the commands.\n",
		prog, STATEDIR, SYSCONFDIR);
}

static int parse(struct opts *o, int argc, char **argv)
{
	int c;

	while ((c = getopt_long(argc, argv, "bc:d:ECN:hv", longopts, NULL)) != -1) {
		switch (c) {
		case 'b':
			o->boot = true;
			break;
		case 'c':
			o->cmd = XREALLOC(VTYSH, o->cmd, sizeof(*o->cmd) * (size_t)(o->ncmd + 1));
			o->cmd[o->ncmd++] = optarg;
			break;
		case 'd':
			o->daemon = optarg;
			break;
		case 'E':
			o->echo = true;
			break;
		case 'C':
			o->dryrun = true;
			break;
		case 'N':
			o->instance = optarg;
			break;
		case OPT_VTY_SOCKET:
			o->vty_dir = optarg;
			break;
		case OPT_CONFIG_DIR:
			o->conf_dir = optarg;
			break;
		case 'h':
			usage(stdout, argv[0]);
			return 1;
		case 'v':
			printf("vtysh version %s (Tarpan)\n", PACKAGE_VERSION);
			return 1;
		default:
			usage(stderr, argv[0]);
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "%s: unexpected argument: %s\n", argv[0], argv[optind]);
		return -1;
	}
	return 0;
}

static char *dir_join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *s = XMALLOC(VTYSH, n);

	snprintf(s, n, "%s%s%s", a, *b ? "/" : "", b);
	return s;
}

static void setup_paths(struct vtysh *vs, const struct opts *o)
{
	const char *env;

	if (o->vty_dir)
		vs->vty_dir = XSTRDUP(VTYSH, o->vty_dir);
	else if ((env = getenv("VTYSH_VTY_DIR")) && *env)
		vs->vty_dir = XSTRDUP(VTYSH, env);
	else
		vs->vty_dir = dir_join(STATEDIR, o->instance ? o->instance : "");
	if (o->conf_dir)
		vs->conf_dir = XSTRDUP(VTYSH, o->conf_dir);
	else if ((env = getenv("VTYSH_CONF_DIR")) && *env)
		vs->conf_dir = XSTRDUP(VTYSH, env);
	else
		vs->conf_dir = XSTRDUP(VTYSH, SYSCONFDIR);
}

/* -c: each argument may hold several lines; stop at the first failure. */
static int run_commands(struct vtysh *vs, const struct opts *o)
{
	for (int i = 0; i < o->ncmd && !vs->quit; i++) {
		char *copy = XSTRDUP(VTYSH, o->cmd[i]), *save = NULL;
		int failed = 0;

		for (char *l = strtok_r(copy, "\n", &save); l && !vs->quit;
		     l = strtok_r(NULL, "\n", &save)) {
			int r;

			if (vs->echo)
				printf("%s%s\n", vtysh_prompt(vs), l);
			r = vtysh_execute(vs, l, false);
			if (r != CMD_SUCCESS) {
				failed = 1;
				break;
			}
		}
		XFREE(VTYSH, copy);
		if (failed)
			return 1;
	}
	return 0;
}

static void vtysh_free(struct vtysh *vs, struct opts *o)
{
	vtysh_clients_close(vs);
	vtysh_users_free(vs);
	XFREE(VTYSH, vs->vty_dir);
	XFREE(VTYSH, vs->conf_dir);
	XFREE(VTYSH, vs->hostname);
	XFREE(VTYSH, o->cmd);
}

int main(int argc, char **argv)
{
	struct vtysh vs = { 0 };
	struct opts o = { 0 };
	char path[4096];
	int r, ret = 0;

	r = parse(&o, argc, argv);
	if (r)
		return r > 0 ? 0 : 1;
	vs.echo = o.echo;
	vs.out = stdout;
	vs.node = ENABLE_NODE;	/* vtysh runs `enable` as it connects */
	vs.pager = getenv("VTYSH_PAGER");
	vtysh_clients_init(&vs);
	setup_paths(&vs, &o);
	if (o.daemon && vtysh_clients_only(&vs, o.daemon) < 0) {
		fprintf(stderr, "No such daemon: %s\n", o.daemon);
		vtysh_free(&vs, &o);
		return 1;
	}
	snprintf(path, sizeof(path), "%s/vtysh.conf", vs.conf_dir);
	r = vtysh_read_own_config(&vs, path);
	if (o.dryrun) {
		if (o.boot && vtysh_boot(&vs, NULL, true) != 0)
			r = 1;
		vtysh_free(&vs, &o);
		return r > 0 ? 1 : 0;
	}
	if (!vtysh_connect_all(&vs)) {
		fprintf(stderr, "Exiting: failed to connect to any daemons.\n");
		vtysh_free(&vs, &o);
		return 1;
	}
	if (o.ncmd)
		ret = run_commands(&vs, &o);
	else if (o.boot)
		ret = vtysh_boot(&vs, NULL, false) != 0;
	else {
		vs.interactive = true;
		ret = vtysh_readline_loop(&vs);
	}
	fflush(stdout);
	vtysh_free(&vs, &o);
	return ret;
}
