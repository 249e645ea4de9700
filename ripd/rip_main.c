/*
 * ripd's main: Quagga's options (getopt "df:i:z:hA:P:u:g:rvC"), the
 * library's start-up, ripd's commands, the zclient, then the loop.
 */
#include <linux/capability.h>
#include <stdlib.h>

#include "daemon.h"
#include "filter.h"
#include "plist.h"
#include "zclient.h"
#include "ripd.h"
#include "rip_snmp.h"

#if __has_include("keychain.h")
#include "keychain.h"
#define RIP_HAVE_KEYCHAIN 1
#endif

static const int ripd_caps[] = { CAP_NET_BIND_SERVICE, CAP_NET_RAW, CAP_NET_ADMIN };

static const struct daemon_info ripd_info = {
	.name = "ripd",
	.protoname = "RIP",
	.vty_port = RIP_VTY_PORT,
	.extra_shortopts = "r",
	.caps = ripd_caps,
	.ncaps = sizeof(ripd_caps) / sizeof(ripd_caps[0]),
	.display_name = "RIPd",
};

struct ripd_ctx {
	struct daemon *d;
	struct rip *rip;
};

static void ripd_start(void *arg)
{
	struct ripd_ctx *c = arg;

	if (!c->rip->zebra_disabled)
		zclient_start(c->rip->zc);
}

static void ripd_shutdown(void *arg)
{
	struct ripd_ctx *c = arg;

	/* without -r the learned routes leave zebra with us */
	if (!c->d->retain)
		rip_disable(c->rip);
	rip_destroy(c->rip);
}

/* Any access-list or prefix-list change may change what passes. */
static void filter_hook(const char *name)
{
	struct rip *rip = rip_get();

	(void)name;
	if (rip && rip->distributes)
		rip_filter_changed(rip);
}

int main(int argc, char **argv)
{
	static struct ripd_ctx ctx;
	struct daemon *d = daemon_new(&ripd_info, argc, argv);
	struct rip *rip = rip_create(d->loop);

	rip_set_instance(rip);
	rip->dryrun = d->dryrun;
	access_list_init();
	prefix_list_init();
	access_list_add_hook(filter_hook);
	access_list_delete_hook(filter_hook);
	prefix_list_add_hook(filter_hook);
	prefix_list_delete_hook(filter_hook);
#ifdef RIP_HAVE_KEYCHAIN
	keychain_init();
#endif
	rip_debug_init();
	rip_vty_init();
	rip_if_vty_init();
	rip_show_init();
	rip_routemap_init();
	rip_if_rmap_init();
	rip_zebra_vty_init();
	rip_snmp_init(d->loop);

	rip->zc = rip_zclient_new(d->loop, rip);
	if (d->zserv_path)
		zclient_set_unix_path(rip->zc, d->zserv_path);

	ctx.d = d;
	ctx.rip = rip;
	daemon_on_start(d, ripd_start, &ctx);
	daemon_on_shutdown(d, ripd_shutdown, &ctx);
	return daemon_run(d);
}
