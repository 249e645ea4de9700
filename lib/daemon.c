/*
 * Daemon start-up and shutdown (see daemon.h).
 *
 * daemon_new: umask, options (daemon_args.c), logging, the loop, signals,
 * the command and vty layers. daemon_run, in this order: read the config
 * (dry run stops here), state directory, pid file lock (before the start
 * hooks, so that a second instance touches nothing), start hooks, vty
 * listeners, privileges, fork into the background, the loop. Signals come
 * through the loop's signalfd: SIGTERM/SIGINT run the shutdown hooks once
 * and stop the loop; SIGHUP runs its hooks; SIGUSR1 reopens the log file
 * and runs its hooks.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "command.h"
#include "daemon.h"
#include "event.h"
#include "log.h"
#include "memory.h"
#include "privs.h"
#include "vty.h"

DEFINE_MTYPE_STATIC(DAEMON, "Daemon");

enum hook_kind { HOOK_START, HOOK_SHUTDOWN, HOOK_SIGHUP, HOOK_SIGUSR1, HOOK_COUNT };

struct hook {
	void (*fn)(void *arg);
	void *arg;
};

struct daemon_hooks {
	struct hook *h[HOOK_COUNT];
	size_t n[HOOK_COUNT];
	bool shutting_down;
};

static void hook_add(struct daemon *d, enum hook_kind k, void (*fn)(void *), void *arg)
{
	struct daemon_hooks *hs = d->hooks;

	hs->h[k] = XREALLOC(DAEMON, hs->h[k], (hs->n[k] + 1) * sizeof(struct hook));
	hs->h[k][hs->n[k]++] = (struct hook){ fn, arg };
}

static void hooks_run(struct daemon *d, enum hook_kind k)
{
	size_t i;

	for (i = 0; i < d->hooks->n[k]; i++)
		d->hooks->h[k][i].fn(d->hooks->h[k][i].arg);
}

void daemon_on_shutdown(struct daemon *d, void (*fn)(void *arg), void *arg)
{
	hook_add(d, HOOK_SHUTDOWN, fn, arg);
}

void daemon_on_sighup(struct daemon *d, void (*fn)(void *arg), void *arg)
{
	hook_add(d, HOOK_SIGHUP, fn, arg);
}

void daemon_on_sigusr1(struct daemon *d, void (*fn)(void *arg), void *arg)
{
	hook_add(d, HOOK_SIGUSR1, fn, arg);
}

void daemon_on_start(struct daemon *d, void (*fn)(void *arg), void *arg)
{
	hook_add(d, HOOK_START, fn, arg);
}

static void on_terminate(int signo, void *arg)
{
	struct daemon *d = arg;

	if (d->hooks->shutting_down)
		return;
	d->hooks->shutting_down = true;
	zlog_notice("Terminating on signal %d", signo);
	hooks_run(d, HOOK_SHUTDOWN);
	event_loop_stop(d->loop);
}

static void on_sighup(int signo, void *arg)
{
	zlog_info("SIGHUP received");
	hooks_run(arg, HOOK_SIGHUP);
}

static void on_sigusr1(int signo, void *arg)
{
	zlog_rotate();
	hooks_run(arg, HOOK_SIGUSR1);
}

struct daemon *daemon_new(const struct daemon_info *info, int argc, char **argv)
{
	struct daemon *d = XCALLOC(DAEMON, sizeof(*d));
	int r;

	umask(0027);
	d->hooks = XCALLOC(DAEMON, sizeof(*d->hooks));
	zlog_init(info->protoname, info->name);
	r = daemon_parse_args(d, info, argc, argv, stdout, stderr);
	if (r != 0)
		exit(r > 0 ? 0 : 1);
	zlog_set_daemon_mode(d->daemonize);

	signal(SIGPIPE, SIG_IGN);
	d->loop = event_loop_new(info->name);
	event_add_signal(d->loop, SIGTERM, on_terminate, d);
	event_add_signal(d->loop, SIGINT, on_terminate, d);
	event_add_signal(d->loop, SIGHUP, on_sighup, d);
	event_add_signal(d->loop, SIGUSR1, on_sigusr1, d);

	cmd_init();
	vty_init(d->loop, info->name);
	return d;
}

/* -1 to go on; otherwise the exit status (dry run, or a bad -f). */
static int load_config(struct daemon *d)
{
	int r = vty_read_config(d->config_file);

	if (r < 0) {
		if (d->config_given || d->dryrun) {
			fprintf(stderr, "%s: cannot read configuration file %s: %s\n",
				d->info->name, d->config_file, strerror(errno));
			zlog_err("cannot read configuration file %s", d->config_file);
			return 1;
		}
		zlog_warn("configuration file %s not found; starting without one",
			  d->config_file);
		vty_set_config_file(d->config_file);
	}
	if (d->dryrun)
		return r == 0 ? 0 : 1;
	return -1;
}

static int redirect_stdio(void)
{
	int fd = open("/dev/null", O_RDWR);

	if (fd < 0)
		return -1;
	dup2(fd, STDIN_FILENO);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	if (fd > STDERR_FILENO)
		close(fd);
	return 0;
}

/* fork; the parent exits 0, the child leads a new session. */
static int go_background(void)
{
	pid_t pid = fork();

	if (pid < 0) {
		zlog_err("fork: %s", strerror(errno));
		return -1;
	}
	if (pid > 0)
		_exit(0);
	if (setsid() < 0)
		zlog_warn("setsid: %s", strerror(errno));
	if (chdir("/") < 0)
		zlog_warn("chdir /: %s", strerror(errno));
	return redirect_stdio();
}

int daemon_run(struct daemon *d)
{
	const struct daemon_info *info = d->info;
	int r = load_config(d);

	if (r >= 0)
		return r;
	/* the lock first: a second instance must not run any start hook */
	if (daemon_make_statedir(d) < 0 || daemon_lock_pidfile(d) < 0)
		return 1;
	hooks_run(d, HOOK_START);
	if (vty_serve(d->vty_addr, (unsigned short)d->vty_port, d->vty_socket) < 0)
		zlog_err("vty: could not open every listener (port %d, socket %s)",
			 d->vty_port, d->vty_socket);
	if (privs_drop(d->user, d->group, info->caps, info->ncaps) < 0)
		return 1;
	if (d->daemonize) {
		if (go_background() < 0)
			return 1;
		daemon_lock_pidfile(d);	/* the child's pid */
	}
	if (info->display_name)
		zlog_notice("%s %s starting: vty@%d", info->display_name,
			    PACKAGE_VERSION, d->vty_port);
	event_loop_run(d->loop);
	if (!d->hooks->shutting_down)
		hooks_run(d, HOOK_SHUTDOWN);
	vty_terminate();
	return 0;
}
