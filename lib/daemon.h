/*
 * Daemon start-up shared by every Tarpan daemon: Quagga's command-line
 * options, paths, the pid file lock, privileges, daemonizing, signals.
 *
 *	int main(int argc, char **argv)
 *	{
 *		struct daemon *d = daemon_new(&zebra_info, argc, argv);
 *		zebra_init(d->loop, ...);          // install nodes/commands
 *		return daemon_run(d);              // config, vty, pid, loop
 *	}
 */
#ifndef TARPAN_DAEMON_H
#define TARPAN_DAEMON_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

struct event_loop;

struct daemon_info {
	const char *name;		/* "zebra": file names, syslog ident */
	const char *protoname;		/* "ZEBRA": log and "% [ZEBRA] Unknown command" */
	unsigned short vty_port;	/* 2601 */
	/* daemon-specific options, appended to the common ones */
	const char *extra_shortopts;	/* e.g. "bkrs:" */
	const struct option *extra_longopts; /* terminated by a zero entry */
	const char *extra_help;		/* lines for --help */
	/* returns 0 if handled, -1 to print usage and exit 1; long-only
	 * options take values 0x100..0xfff (0x1000 and up are the library's) */
	int (*extra_opt)(int opt, const char *arg);
	/* capabilities the daemon keeps after dropping root (CAP_* numbers) */
	const int *caps;
	int ncaps;
	/* Tarpan additions */
	const char *display_name;	/* "Zebra": logs "Zebra 0.1.0 starting: vty@2601" */
};

struct daemon {
	const struct daemon_info *info;
	struct event_loop *loop;
	bool daemonize;		/* -d */
	bool dryrun;		/* -C */
	bool retain;		/* -r, for daemons that support it */
	const char *instance;	/* -N NAME */
	char *config_file;	/* -f, else SYSCONFDIR/<name>.conf */
	char *pid_file;		/* -i, else <statedir>/<name>.pid */
	char *vty_socket;	/* <statedir>/<name>.vty */
	char *zserv_path;	/* -z, NULL = default */
	char *statedir;		/* STATEDIR, or STATEDIR/NAME with -N */
	const char *vty_addr;	/* -A */
	int vty_port;		/* -P; 0 = no TCP vty */
	const char *user;	/* -u */
	const char *group;	/* -g */
	/* Tarpan additions */
	bool config_given;	/* -f was on the command line */
	char *vty_socket_dir;	/* --vty_socket DIR (as FRR), else statedir */
	int pid_fd;		/* the locked pid file, -1 before daemon_run */
	struct daemon_hooks *hooks;
};

/*
 * Option parsing alone (daemon_args.c), without side effects beyond
 * filling `d`: no files, no loop. Help and version go to `out`, usage
 * errors to `err`. Returns 0 to go on, 1 when -h or -v was handled (exit
 * 0), -1 on a usage error (exit 1). A daemon whose extra_shortopts has 'r'
 * gets d->retain set by -r/--retain without its extra_opt being called.
 * With -N NAME, statedir is STATEDIR/NAME and the pid file, the vty socket
 * and (unless -z) zserv.api live there; the config file keeps its default.
 * --vty_socket DIR puts <name>.vty in DIR. Relative -f, -i, -z and
 * --vty_socket paths are made absolute (the daemon chdirs to /).
 */
int daemon_parse_args(struct daemon *d, const struct daemon_info *info,
		      int argc, char **argv, FILE *out, FILE *err);
/* Frees what daemon_parse_args allocated. */
void daemon_args_free(struct daemon *d);
void daemon_usage(const struct daemon_info *info, FILE *out);
/* Creates d->statedir (and its parent) if missing; 0 ok, -1 with a message. */
int daemon_make_statedir(const struct daemon *d);
/*
 * Takes the pid file lock and writes our pid; -1 with a message on stderr
 * and the log if another instance holds it. Call again after a fork to
 * rewrite the pid (the lock is an open-file-description lock, so the child
 * keeps it).
 */
int daemon_lock_pidfile(struct daemon *d);

/*
 * Parse the options (exits on -h, -v and bad usage), set up logging, the
 * event loop, signal handling (SIGTERM/SIGINT stop the loop, SIGHUP and
 * SIGUSR1 call the hooks below), cmd_init() and vty_init().
 */
struct daemon *daemon_new(const struct daemon_info *info, int argc, char **argv);

/*
 * Read the config file (with -C: report every bad line, exit 0 or 1),
 * take the pid file lock (a second instance exits with a clear message),
 * open the vty listeners, drop privileges, daemonize with -d, then run the
 * loop. On return (after SIGTERM) the shutdown hook has run; the value is
 * the process exit status.
 */
int daemon_run(struct daemon *d);

void daemon_on_shutdown(struct daemon *d, void (*fn)(void *arg), void *arg);
void daemon_on_sighup(struct daemon *d, void (*fn)(void *arg), void *arg);
void daemon_on_sigusr1(struct daemon *d, void (*fn)(void *arg), void *arg);
/* Called after the config is loaded and before the loop runs. */
void daemon_on_start(struct daemon *d, void (*fn)(void *arg), void *arg);

#endif
