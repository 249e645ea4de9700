/*
 * zebra's main(): options, the modules wired together, start and stop.
 *
 * Order matters: the kernel's state is read before the config file (so
 * that `interface` and `ip address` lines find real links), but leftover
 * routes of an earlier zebra are only removed once this instance holds the
 * pid file lock (the deletes sit in the netlink batch until the loop runs).
 *
 * -b (batch): as Quagga, read the config and exit. What the config did to
 * interfaces (addresses, shutdown) is flushed to the kernel first; no
 * route is installed or removed, and the pid file goes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "daemon.h"
#include "event.h"
#include "log.h"
#include "zapi.h"
#include "connected.h"
#include "debug.h"
#include "interface.h"
#include "kernel.h"
#include "rib.h"
#include "router_id.h"
#include "static_route.h"
#include "zserv.h"
#include "zebra_vty.h"
#include "zebra_snmp.h"
#include "zebra.h"

struct zebra *zebra_ctx;
static struct zebra zebra_instance;
static struct zebra_opts zopts;

static int zebra_opt(int opt, const char *arg)
{
	switch (opt) {
	case 'b':
		zopts.batch = true;
		return 0;
	case 'k':
		zopts.keep_kernel = true;
		return 0;
	case 's':
		zopts.nl_bufsize = (unsigned)strtoul(arg, NULL, 10);
		return 0;
	default:
		return -1;
	}
}

static const struct option zebra_longopts[] = {
	{ "batch", no_argument, NULL, 'b' },
	{ "keep_kernel", no_argument, NULL, 'k' },
	{ "nl-bufsize", required_argument, NULL, 's' },
	{ "retain", no_argument, NULL, 'r' },
	{ NULL, 0, NULL, 0 },
};

static const struct daemon_info zebra_info = {
	.name = "zebra",
	.protoname = "ZEBRA",
	.vty_port = 2601,
	.extra_shortopts = "bkrs:",
	.extra_longopts = zebra_longopts,
	/* -r is printed by lib/daemon_args.c for every daemon that has it */
	.extra_help = "  -b, --batch         Read the configuration, apply it and exit\n"
		      "  -k, --keep_kernel   Keep routes an earlier zebra left in the kernel\n"
		      "  -s, --nl-bufsize N  Netlink receive buffer size in bytes\n",
	.extra_opt = zebra_opt,
};

static void rib_fib_hook(void *arg, struct rnode *rn, struct rentry *re)
{
	struct zebra *z = arg;

	kernel_route_update(z->kernel, rn, re);
}

static void rib_redist_hook(void *arg, struct rnode *rn, struct rentry *old,
			    struct rentry *new)
{
	struct zebra *z = arg;

	zserv_rib_redist(z->zserv, rn, old, new);
}

static void rib_slice_end_hook(void *arg)
{
	struct zebra *z = arg;

	kernel_flush(z->kernel);
	zserv_nht_evaluate(z->zserv);
}

static bool rib_backlog_hook(void *arg)
{
	struct zebra *z = arg;

	return kernel_backlogged(z->kernel);
}

static void rid_changed(void *arg, struct in_addr id)
{
	struct zebra *z = arg;

	if (z->zserv)
		zserv_router_id_changed(z->zserv, id);
}

static struct daemon *the_daemon;

static void on_start(void *arg)
{
	struct zebra *z = arg;
	struct daemon *d = the_daemon;
	char path[4096];
	const char *upath = d->zserv_path;

	if (z->opts.batch) {
		/* as Quagga: what the config did to interfaces (addresses,
		 * shutdown) reaches the kernel; routes are not installed */
		kernel_sync(z->kernel, 10000);
		if (d->pid_file)
			unlink(d->pid_file);
		zlog_notice("batch mode: configuration read and applied, exiting");
		exit(0);
	}
	if (!upath) {
		snprintf(path, sizeof(path), "%s/%s", d->statedir, ZSERV_SOCKET_NAME);
		upath = path;
	}
	if (zserv_listen(z->zserv, ZEBRA_TCP_ADDR, ZEBRA_TCP_PORT, upath) < 0)
		zlog_err("zserv: not every listener could be opened");
	zlog_notice("Zebra %s starting: vty@%d", PACKAGE_VERSION, d->vty_port);
}

static void on_shutdown(void *arg)
{
	struct zebra *z = arg;

	zlog_notice("Terminating on signal");
	kernel_stop(z->kernel);
}

int main(int argc, char **argv)
{
	struct daemon *d = daemon_new(&zebra_info, argc, argv);
	struct zebra *z = &zebra_instance;
	struct router_id *rid;
	struct static_table *st;
	struct rib_hooks hooks;

	the_daemon = d;
	zebra_ctx = z;
	z->loop = d->loop;
	z->opts = zopts;
	z->opts.retain = d->retain;
	z->ifdb = zif_db_new();
	z->rib = rib_new(z->loop, z->ifdb);
	connected_init(z->ifdb, z->rib);
	z->kernel = kernel_new(z->loop, z->ifdb, z->rib, &z->opts);
	rid = router_id_new(z->ifdb, rid_changed, z);
	z->zserv = zserv_new(z->loop, z->rib, z->ifdb, rid);
	zserv_if_listen(z->zserv);
	st = static_table_new(z->rib, z->ifdb);

	memset(&hooks, 0, sizeof(hooks));
	hooks.fib = rib_fib_hook;
	hooks.redist = rib_redist_hook;
	hooks.slice_end = rib_slice_end_hook;
	hooks.backlog = rib_backlog_hook;
	hooks.arg = z;
	rib_set_hooks(z->rib, &hooks);

	zebra_vty_init(z, st, rid);
	debug_vty_init();
	zebra_snmp_init(z);

	if (!d->dryrun && kernel_start(z->kernel) < 0) {
		fprintf(stderr, "zebra: cannot talk to the kernel over netlink\n");
		return 1;
	}
	daemon_on_start(d, on_start, z);
	daemon_on_shutdown(d, on_shutdown, z);
	return daemon_run(d);
}
