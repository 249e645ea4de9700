/*
 * Daemon command line (see daemon.h): Quagga's common options, the
 * daemon's own ones appended, and the default paths derived from them.
 *
 * This file only fills struct daemon. It opens no file and creates no
 * loop, so tests can drive it with any argv; daemon.c does the rest.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon.h"
#include "memory.h"

DEFINE_MTYPE_STATIC(DAEMON_ARGS, "Daemon options");

#define COMMON_SHORTOPTS "df:i:z:A:P:u:g:N:Cvh"
#define OPT_VTY_SOCKET 0x1001	/* long only */

static const struct option common_longopts[] = {
	{ "daemon", no_argument, NULL, 'd' },
	{ "config_file", required_argument, NULL, 'f' },
	{ "pid_file", required_argument, NULL, 'i' },
	{ "socket", required_argument, NULL, 'z' },
	{ "vty_addr", required_argument, NULL, 'A' },
	{ "vty_port", required_argument, NULL, 'P' },
	{ "user", required_argument, NULL, 'u' },
	{ "group", required_argument, NULL, 'g' },
	{ "pathspace", required_argument, NULL, 'N' },
	{ "dryrun", no_argument, NULL, 'C' },
	{ "version", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "vty_socket", required_argument, NULL, OPT_VTY_SOCKET },
};
#define N_COMMON (sizeof(common_longopts) / sizeof(common_longopts[0]))

static char *join(const char *a, const char *sep, const char *b)
{
	size_t n = strlen(a) + strlen(sep) + strlen(b) + 1;
	char *p = XMALLOC(DAEMON_ARGS, n);

	snprintf(p, n, "%s%s%s", a, sep, b);
	return p;
}

/* Absolute version of `path`, relative to the current directory. */
static char *absolute(const char *path)
{
	char cwd[PATH_MAX];

	if (path[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		return XSTRDUP(DAEMON_ARGS, path);
	return join(cwd, "/", path);
}

static void replace(char **slot, char *val)
{
	if (*slot)
		XFREE(DAEMON_ARGS, *slot);
	*slot = val;
}

static bool has_retain(const struct daemon_info *info)
{
	return info->extra_shortopts && strchr(info->extra_shortopts, 'r');
}

/* Common + extra long options, plus --retain for daemons with -r. */
static struct option *build_longopts(const struct daemon_info *info)
{
	size_t next = 0, i = 0, n;
	struct option *lo;
	bool retain_named = false;

	while (info->extra_longopts && info->extra_longopts[next].name) {
		if (!strcmp(info->extra_longopts[next].name, "retain"))
			retain_named = true;
		next++;
	}
	n = N_COMMON + next + 2;
	lo = XCALLOC(DAEMON_ARGS, n * sizeof(*lo));
	memcpy(lo, common_longopts, sizeof(common_longopts));
	i = N_COMMON;
	if (next) {
		memcpy(lo + i, info->extra_longopts, next * sizeof(*lo));
		i += next;
	}
	if (has_retain(info) && !retain_named)
		lo[i++] = (struct option){ "retain", no_argument, NULL, 'r' };
	return lo;
}

void daemon_usage(const struct daemon_info *info, FILE *out)
{
	fprintf(out,
		"Usage: %s [OPTION...]\n\n"
		"  -d, --daemon        Run in the background\n"
		"  -f, --config_file   Configuration file (default %s/%s.conf)\n"
		"  -i, --pid_file      Process id file (default %s/%s.pid)\n"
		"  -z, --socket        Path of the zserv socket\n"
		"  -A, --vty_addr      Address the vty listens on (default: all)\n"
		"  -P, --vty_port      TCP port of the vty, 0 for none (default %u)\n"
		"  -u, --user          Run as this user (default %s)\n"
		"  -g, --group         Run as this group (default %s)\n"
		"  -N, --pathspace     Keep pid file and sockets in %s/NAME\n"
		"      --vty_socket    Directory of the vty socket (default: state dir)\n"
		"  -C, --dryrun        Check the configuration file and exit\n"
		"  -v, --version       Print the version and exit\n"
		"  -h, --help          Print this help and exit\n",
		info->name, SYSCONFDIR, info->name, STATEDIR, info->name,
		info->vty_port, DAEMON_USER, DAEMON_GROUP, STATEDIR);
	if (has_retain(info))
		fprintf(out, "  -r, --retain        Keep this daemon's routes when it exits\n");
	if (info->extra_help)
		fprintf(out, "%s", info->extra_help);
}

/* Quagga: a -P value that is not a port number means the default port. */
static int parse_port(const char *arg, int dflt)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < 0 || v > 65535)
		return dflt;
	return (int)v;
}

static void usage_error(const struct daemon_info *info, FILE *err,
			const char *what, const char *opt)
{
	fprintf(err, "%s: %s %s\nTry '%s --help' for more information.\n",
		info->name, what, opt, info->name);
}

static void set_default_paths(struct daemon *d, const struct daemon_info *info)
{
	char *tmp;

	if (d->instance)
		replace(&d->statedir, join(STATEDIR, "/", d->instance));
	else
		replace(&d->statedir, XSTRDUP(DAEMON_ARGS, STATEDIR));
	if (!d->config_file) {
		tmp = join(SYSCONFDIR, "/", info->name);
		replace(&d->config_file, join(tmp, "", ".conf"));
		XFREE(DAEMON_ARGS, tmp);
	}
	if (!d->pid_file) {
		tmp = join(d->statedir, "/", info->name);
		replace(&d->pid_file, join(tmp, "", ".pid"));
		XFREE(DAEMON_ARGS, tmp);
	}
	tmp = join(d->vty_socket_dir ? d->vty_socket_dir : d->statedir, "/",
		   info->name);
	replace(&d->vty_socket, join(tmp, "", ".vty"));
	XFREE(DAEMON_ARGS, tmp);
	if (!d->zserv_path && d->instance)
		d->zserv_path = join(d->statedir, "/", "zserv.api");
}

/* One option; returns 0, 1 (exit 0) or -1 (usage error). */
static int handle_opt(struct daemon *d, const struct daemon_info *info, int opt,
		      const char *arg, FILE *out)
{
	switch (opt) {
	case 'd':
		d->daemonize = true;
		return 0;
	case 'f':
		replace(&d->config_file, absolute(arg));
		d->config_given = true;
		return 0;
	case 'i':
		replace(&d->pid_file, absolute(arg));
		return 0;
	case 'z':
		replace(&d->zserv_path, absolute(arg));
		return 0;
	case 'A':
		d->vty_addr = arg;
		return 0;
	case 'P':
		d->vty_port = parse_port(arg, info->vty_port);
		return 0;
	case 'u':
		d->user = arg;
		return 0;
	case 'g':
		d->group = arg;
		return 0;
	case 'N':
		if (!*arg || strchr(arg, '/') || !strcmp(arg, ".") || !strcmp(arg, ".."))
			return -1;
		d->instance = arg;
		return 0;
	case 'C':
		d->dryrun = true;
		return 0;
	case OPT_VTY_SOCKET:
		replace(&d->vty_socket_dir, absolute(arg));
		return 0;
	case 'v':
		fprintf(out, "%s version %s (Tarpan)\n", info->name, PACKAGE_VERSION);
		return 1;
	case 'h':
		daemon_usage(info, out);
		return 1;
	case 'r':
		if (has_retain(info)) {
			d->retain = true;
			return 0;
		}
		break;
	}
	if (info->extra_opt && info->extra_shortopts && strchr(info->extra_shortopts, opt))
		return info->extra_opt(opt, arg) == 0 ? 0 : -1;
	if (info->extra_opt && opt > 255)	/* a long-only extra option */
		return info->extra_opt(opt, arg) == 0 ? 0 : -1;
	return -1;
}

int daemon_parse_args(struct daemon *d, const struct daemon_info *info,
		      int argc, char **argv, FILE *out, FILE *err)
{
	struct option *longopts = build_longopts(info);
	char *shortopts = join(":" COMMON_SHORTOPTS, "",
			       info->extra_shortopts ? info->extra_shortopts : "");
	int ret = 0;

	d->info = info;
	d->vty_port = info->vty_port;
	d->user = DAEMON_USER;
	d->group = DAEMON_GROUP;
	d->pid_fd = -1;

	optind = 0;	/* glibc: full re-initialisation, so tests can call twice */
	opterr = 0;
	while (ret == 0) {
		int opt = getopt_long(argc, argv, shortopts, longopts, NULL);
		const char *bad = optind > 0 && optind <= argc ? argv[optind - 1] : "?";
		char optname[3] = { '-', (char)optopt, '\0' };

		if (opt == -1)
			break;
		if (opt == '?') {
			usage_error(info, err, "unknown option", optopt ? optname : bad);
			ret = -1;
		} else if (opt == ':') {
			usage_error(info, err, "missing argument for",
				    optopt ? optname : bad);
			ret = -1;
		} else {
			ret = handle_opt(d, info, opt, optarg, out);
			if (ret < 0 && optarg)
				usage_error(info, err, "invalid argument for option",
					    optind >= 2 && argv[optind - 1] == optarg
						    ? argv[optind - 2] : bad);
			else if (ret < 0)
				usage_error(info, err, "unknown option", bad);
		}
	}
	if (ret == 0 && optind < argc) {
		usage_error(info, err, "unexpected argument", argv[optind]);
		ret = -1;
	}
	if (ret == 0)
		set_default_paths(d, info);
	XFREE(DAEMON_ARGS, shortopts);
	XFREE(DAEMON_ARGS, longopts);
	return ret;
}

void daemon_args_free(struct daemon *d)
{
	if (d->config_file)
		XFREE(DAEMON_ARGS, d->config_file);
	if (d->pid_file)
		XFREE(DAEMON_ARGS, d->pid_file);
	if (d->vty_socket)
		XFREE(DAEMON_ARGS, d->vty_socket);
	if (d->zserv_path)
		XFREE(DAEMON_ARGS, d->zserv_path);
	if (d->statedir)
		XFREE(DAEMON_ARGS, d->statedir);
	if (d->vty_socket_dir)
		XFREE(DAEMON_ARGS, d->vty_socket_dir);
}
