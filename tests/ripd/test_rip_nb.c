/*
 * ripd's configuration on the northbound (yang/tarpan-ripd.yang): a
 * config file with every kind of ripd setting, typed in a scrambled order
 * and with values Quagga normalises, is written back in Quagga's block
 * order and syntax; the round trip (load, write, reload) gives the same
 * tree and the same text; `show running-config json` and a daemon
 * starting from that JSON give the same configuration; interactive
 * commands keep Quagga's messages and remove what they set back to the
 * default; a change the YANG model rejects leaves running and the
 * instance as they were.
 *
 * The instance is a real struct rip in dry-run mode (no socket) with a
 * real event loop; the commands are ripd's own, run through the real
 * command matcher and config-file reader.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "command.h"
#include "event.h"
#include "log.h"
#include "northbound.h"
#include "vty.h"
#include "ripd/ripd.h"

static struct event_loop *loop;
static struct rip *rip;
static struct vty *tv;
static char dir[64];

static void new_instance(void)
{
	rip = rip_create(loop);
	rip_set_instance(rip);
	rip->dryrun = true;
}

static void setup(void)
{
	zlog_init("RIP", "ripd");
	cmd_init();
	loop = event_loop_new("test");
	new_instance();
	rip_vty_init();
	rip_if_vty_init();
	rip_if_rmap_init();
	rip_zebra_vty_init();
	tv = vty_new_buffer(CONFIG_NODE);
	snprintf(dir, sizeof(dir), "/tmp/test_rip_nb.XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];

	vty_free_buffer(tv);
	rip_destroy(rip);
	nb_terminate();
	event_loop_free(loop);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(rip_nb, .init = setup, .fini = teardown, .timeout = 30);

/* ---- helpers ------------------------------------------------------------------- */

static const char *file(const char *name, const char *text)
{
	static char path[4][128];
	static int slot;
	char *p = path[slot++ % 4];
	FILE *f;

	snprintf(p, 128, "%s/%s", dir, name);
	f = fopen(p, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	return p;
}

/* ripd's blocks as `show running-config` prints them. */
static char *running(void)
{
	static const enum node_type nodes[] = { INTERFACE_NODE, ZEBRA_NODE, RIP_NODE };

	vty_buffer_clear(tv);
	for (size_t i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++) {
		struct cmd_node *cn = cmd_node_get(nodes[i]);

		if (cn->config_write(tv) > 0)
			vty_out(tv, "!\n");
	}
	return strdup(vty_buffer_text(tv));
}

static char *json(void)
{
	char *s = nb_print(true);

	cr_assert_not_null(s);
	return s;
}

/* Run lines at the vty from CONFIG_NODE; the output of the last one. */
static const char *run(const char *line)
{
	static char out[4096];

	vty_buffer_clear(tv);
	vty_command(tv, line);
	snprintf(out, sizeof(out), "%s", vty_buffer_text(tv));
	return out;
}

/* Forget everything: a fresh instance and an empty tree (a new daemon). */
static void restart(void)
{
	rip_destroy(rip);
	nb_reset();
	new_instance();
	tv->node = CONFIG_NODE;
	tv->index = NULL;
}

/* ---- the configuration ------------------------------------------------------------ */

/* Every kind of setting, not in Quagga's order, some values to normalise. */
static const char conf_in[] =

	"router rip\n"
	" route 172.17.0.0/24\n"
	" allow-ecmp\n"
	" distance 80 10.1.2.3/16 ACL1\n"
	" distance 90 10.0.0.0/8\n"
	" distance 100\n"
	" route-map RI in eth0\n"
	" route-map RO out eth0\n"
	" distribute-list prefix P1 in eth0\n"
	" distribute-list D2 out eth0\n"
	" distribute-list D1 in\n"
	" default-metric 5\n"
	" passive-interface default\n"
	" no passive-interface eth0\n"
	" neighbor 10.0.0.10\n"
	" neighbor 10.0.0.9\n"
	" network eth5\n"
	" network 192.168.1.7/24\n"
	" network 10.1.0.0/16\n"
	" network 10.0.0.0/8\n"
	" offset-list A1 in 2 eth0\n"
	" offset-list A3 in 1\n"
	" offset-list A2 out 3 eth0\n"
	" redistribute ospf\n"
	" redistribute static route-map RM\n"
	" redistribute connected metric 3\n"
	" default-information originate\n"
	" timers basic 10 60 40\n"
	" version 2\n"
	" route 172.16.0.0/16\n"
	"!\n"
	"interface eth10\n"
	" ip rip send version 2\n"
	"interface eth2\n"
	" ip rip authentication string secret\n"
	" ip rip authentication mode text\n"
	" ip rip split-horizon poisoned-reverse\n"
	"interface eth0\n"
	" ip rip authentication key-chain KC\n"
	" ip rip authentication mode md5 auth-length rfc\n"
	" ip rip receive version 2 1\n"
	" ip rip send version 1\n"
	" no ip rip split-horizon\n"
	" description uplink to core\n"
	"interface eth3\n"
	" ip rip split-horizon\n"
	"router zebra\n"
	" no redistribute rip\n";

/* What Quagga 1.2.4 writes for it (the ripd blocks, in node order). */
static const char conf_out[] =
	"interface eth0\n"
	" description uplink to core\n"
	" no ip rip split-horizon\n"
	" ip rip send version 1\n"
	" ip rip receive version 1 2\n"
	" ip rip authentication mode md5 auth-length rfc\n"
	" ip rip authentication key-chain KC\n"
	"!\n"
	"interface eth2\n"
	" ip rip split-horizon poisoned-reverse\n"
	" ip rip authentication mode text\n"
	" ip rip authentication string secret\n"
	"!\n"
	"interface eth10\n"
	" ip rip send version 2\n"
	"!\n"
	"router zebra\n"
	" no redistribute rip\n"
	"!\n"
	"router rip\n"
	" version 2\n"
	" timers basic 10 60 40\n"
	" default-information originate\n"
	" redistribute connected metric 3\n"
	" redistribute static route-map RM\n"
	" redistribute ospf\n"
	" offset-list A1 in 2 eth0\n"
	" offset-list A2 out 3 eth0\n"
	" offset-list A3 in 1\n"
	" network 10.0.0.0/8\n"
	" network 10.1.0.0/16\n"
	" network 192.168.1.0/24\n"
	" network eth5\n"
	" neighbor 10.0.0.9\n"
	" neighbor 10.0.0.10\n"
	" passive-interface default\n"
	" no passive-interface eth0\n"
	" default-metric 5\n"
	" distribute-list D1 in \n"
	" distribute-list D2 out eth0\n"
	" distribute-list prefix P1 in eth0\n"
	" route-map RI in eth0\n"
	" route-map RO out eth0\n"
	" distance 100\n"
	" distance 90 10.0.0.0/8 \n"
	" distance 80 10.1.0.0/16 ACL1\n"
	" allow-ecmp\n"
	" route 172.16.0.0/16\n"
	" route 172.17.0.0/24\n"
	"!\n";

/* The instance holds what the tree says. */
static void check_instance(void)
{
	struct interface *ifp;
	struct rip_if *ri;

	cr_assert(rip->enabled);
	cr_assert_eq(rip->version_send, RI_RIP_VERSION_2);
	cr_assert_eq(rip->version_recv, RI_RIP_VERSION_2);
	cr_assert_eq(rip->update_time, 10);
	cr_assert_eq(rip->timeout_time, 60);
	cr_assert_eq(rip->garbage_time, 40);
	cr_assert_eq(rip->default_metric, 5);
	cr_assert_eq(rip->distance, 100);
	cr_assert(rip->default_information);
	cr_assert(rip->ecmp);
	cr_assert(rip->passive_default);
	cr_assert(rip->zebra_no_install);
	cr_assert(!rip->zebra_disabled);
	cr_assert(rip->redist[ZEBRA_ROUTE_CONNECT].enabled);
	cr_assert(rip->redist[ZEBRA_ROUTE_CONNECT].metric_config);
	cr_assert_eq(rip->redist[ZEBRA_ROUTE_CONNECT].metric, 3);
	cr_assert_str_eq(rip->redist[ZEBRA_ROUTE_STATIC].route_map, "RM");
	cr_assert(rip->redist[ZEBRA_ROUTE_OSPF].enabled);
	cr_assert_str_eq(rip_offset_get(rip, "eth0", 1), "A2");
	cr_assert_str_eq(rip_offset_get(rip, NULL, 0), "A3");
	cr_assert_str_eq(rip_distribute_get(rip, NULL, 0, false), "D1");
	cr_assert_str_eq(rip_distribute_get(rip, "eth0", 0, true), "P1");
	cr_assert_str_eq(rip_if_rmap_name(rip, "eth0", 1), "RO");
	cr_assert_not_null(rip->network_ifnames);
	cr_assert_str_eq(rip->network_ifnames->name, "eth5");
	cr_assert_str_eq(rip->passive_names->name, "eth0");
	ifp = if_lookup_by_name(rip->ifdb, "eth0");
	cr_assert_not_null(ifp);
	ri = rip_if_info(ifp);
	cr_assert_eq(ri->split_horizon, RIP_NO_SPLIT_HORIZON);
	cr_assert_eq(ri->ri_send, RI_RIP_VERSION_1);
	cr_assert_eq(ri->ri_receive, RI_RIP_VERSION_1_AND_2);
	cr_assert_eq(ri->auth_type, RIP_AUTH_MD5);
	cr_assert_eq(ri->md5_auth_len, RIP_AUTH_MD5_SIZE);
	cr_assert_str_eq(ri->key_chain, "KC");
	cr_assert_str_eq(ri->description, "uplink to core");
	ri = rip_if_info(if_lookup_by_name(rip->ifdb, "eth2"));
	cr_assert_str_eq(ri->auth_str, "secret");
	cr_assert_eq(ri->split_horizon, RIP_SPLIT_HORIZON_POISONED_REVERSE);
}

Test(rip_nb, file_written_in_quagga_order)
{
	char *text;

	cr_assert_eq(vty_read_config(file("ripd.conf", conf_in)), 0);
	text = running();
	cr_assert_str_eq(text, conf_out, "got:\n%s", text);
	check_instance();
	free(text);
}

Test(rip_nb, round_trip_same_tree_same_text)
{
	struct lyd_node *tree1;
	char *text1, *text2;

	cr_assert_eq(vty_read_config(file("ripd.conf", conf_in)), 0);
	text1 = running();
	tree1 = nb_running_copy();
	cr_assert_not_null(tree1);
	restart();
	cr_assert_eq(vty_read_config(file("written.conf", text1)), 0);
	text2 = running();
	cr_assert_str_eq(text2, text1);
	/* the same configuration; only the order of lists Quagga sorted by
	 * key differs (the file had them sorted) */
	cr_assert(nb_same_config(tree1, nb_running()));
	check_instance();
	nb_tree_release(tree1);
	free(text1);
	free(text2);
}

Test(rip_nb, json_export_and_start_from_json)
{
	char *j, *text;

	cr_assert_eq(vty_read_config(file("ripd.conf", conf_in)), 0);
	j = json();
	cr_assert_not_null(strstr(j, "\"tarpan-ripd:rip\""));
	cr_assert_not_null(strstr(j, "\"prefix\": \"10.1.0.0/16\""), "%s", j);
	cr_assert_not_null(strstr(j, "\"receive-version\": \"1 2\""), "%s", j);
	vty_buffer_clear(tv);
	tv->node = ENABLE_NODE;
	cr_assert_eq(vty_command(tv, "show running-config json"), CMD_SUCCESS);
	cr_assert_str_eq(vty_buffer_text(tv), j);

	restart();
	cr_assert_eq(vty_read_config(file("ripd.json", j)), 0);
	text = running();
	cr_assert_str_eq(text, conf_out, "got:\n%s", text);
	check_instance();
	free(text);
	free(j);
}

Test(rip_nb, rejected_change_leaves_running_untouched)
{
	char err[512], *before, *after, *text;

	cr_assert_eq(vty_read_config(file("ripd.conf", conf_in)), 0);
	before = json();
	nb_txn_begin();
	/* an offset-list without its metric: mandatory in the model */
	cr_assert_eq(nb_edit(RIP_NB_XP "/offset-list[interface='eth9']/in/access-list",
			     NB_OP_MODIFY, "X", err, sizeof(err)), 0);
	cr_assert_eq(nb_edit(RIP_NB_XP "/default-metric", NB_OP_MODIFY, "9", err,
			     sizeof(err)), 0);
	cr_assert_eq(nb_txn_commit(err, sizeof(err)), -1);
	cr_assert_not_null(strstr(err, "metric"), "%s", err);
	after = json();
	cr_assert_str_eq(after, before);
	cr_assert_null(rip_offset_get(rip, "eth9", 0));
	cr_assert_eq(rip->default_metric, 5, "no callback ran");
	free(after);

	/* a value out of the model's range is refused at the edit */
	nb_txn_begin();
	cr_assert_eq(nb_edit(RIP_NB_XP "/distance", NB_OP_MODIFY, "300", err, sizeof(err)), -1);
	nb_txn_abort();

	/* the passive lists must go with passive-interface default */
	nb_txn_begin();
	cr_assert_eq(nb_edit(RIP_NB_XP "/passive-interface[name='eth7']", NB_OP_CREATE, NULL,
			     err, sizeof(err)), 0);
	cr_assert_eq(nb_txn_commit(err, sizeof(err)), -1);
	cr_assert_not_null(strstr(err, "passive-interface default"), "%s", err);

	/* a JSON file the model rejects changes nothing either */
	cr_assert_neq(vty_read_config(file("bad.json",
		"{\"tarpan-ripd:rip\": {\"distance-source\": [{\"prefix\": \"10.9.0.0/16\"}]}}")),
		0);
	after = json();
	cr_assert_str_eq(after, before);
	text = running();
	cr_assert_str_eq(text, conf_out);
	check_instance();
	free(text);
	free(after);
	free(before);
}

/* ---- interactive commands ---------------------------------------------------------- */

Test(rip_nb, messages_and_defaults)
{
	char *text;

	cr_assert_str_empty(run("router rip"));
	cr_assert_eq(tv->node, RIP_NODE);
	cr_assert_str_empty(run("network 10.0.0.0/8"));
	cr_assert_str_eq(run("network 10.2.3.4/8"), "There is a same network configuration 10.2.3.4/8\n");
	cr_assert_str_eq(run("no network 11.0.0.0/8"), "Can't find network configuration 11.0.0.0/8\n");
	cr_assert_str_empty(run("route 1.2.3.0/24"));
	cr_assert_str_eq(run("route 1.2.3.4/24"), "There is already same static route.\n");
	cr_assert_str_eq(run("no route 1.2.4.0/24"), "Can't find route 1.2.4.0/24.\n");
	cr_assert_str_empty(run("allow-ecmp"));
	cr_assert_str_eq(run("allow-ecmp"), "ECMP is already enabled.\n");
	cr_assert_str_empty(run("no allow-ecmp"));
	cr_assert_str_eq(run("no allow-ecmp"), "ECMP is already disabled.\n");
	cr_assert_str_eq(run("no distance 10 1.0.0.0/8"), "Can't find specified source\n");
	cr_assert_str_empty(run("offset-list A in 3 eth0"));
	cr_assert_str_eq(run("no offset-list B in 3 eth0"), "Can't find offset-list\n");
	cr_assert_str_eq(run("no distribute-list D in"), "distribute list doesn't exist\n");
	cr_assert_str_eq(run("no route-map R in eth0"), "route-map doesn't exist\n");

	/* back to the defaults: nothing left of them in the tree */
	cr_assert_str_empty(run("default-metric 4"));
	cr_assert_str_empty(run("default-metric 1"));
	cr_assert_str_empty(run("timers basic 30 180 120"));
	cr_assert_str_empty(run("no offset-list A in 3 eth0"));
	cr_assert_null(nb_find(RIP_NB_XP "/offset-list[interface='eth0']"));
	cr_assert_null(nb_find(RIP_NB_XP "/default-metric"));
	cr_assert_str_empty(run("distribute-list D in eth1"));
	cr_assert_str_empty(run("distribute-list prefix P out eth1"));
	cr_assert_str_empty(run("no distribute-list D in eth1"));
	cr_assert_null(nb_find(RIP_NB_XP "/distribute-list[interface='eth1']/in"));
	cr_assert_str_eq(rip_distribute_get(rip, "eth1", 1, true), "P");
	cr_assert_null(rip_distribute_get(rip, "eth1", 0, false));

	/* passive-interface default drops the names listed before */
	cr_assert_str_empty(run("passive-interface eth1"));
	cr_assert(rip_if_is_passive(rip, if_get_by_name(rip->ifdb, "eth1")));
	cr_assert_str_empty(run("passive-interface default"));
	cr_assert_null(nb_find(RIP_NB_XP "/passive-interface[name='eth1']"));
	cr_assert_str_empty(run("no passive-interface eth2"));
	cr_assert(!rip_if_is_passive(rip, if_get_by_name(rip->ifdb, "eth2")));
	cr_assert(rip_if_is_passive(rip, if_get_by_name(rip->ifdb, "eth1")));

	run("exit");
	cr_assert_str_empty(run("interface eth4"));
	cr_assert_str_empty(run("ip rip authentication string abc"));
	cr_assert_str_eq(run("ip rip authentication key-chain K"),
			 "% authentication string configuration exists\n");
	cr_assert_str_eq(run("ip rip authentication string 0123456789abcdefX"),
			 "% RIPv2 authentication string must be shorter than 16\n");
	cr_assert_str_empty(run("no ip rip authentication string"));
	cr_assert_null(nb_find(RIP_NB_IF_XP "[name='eth4']"), "no setting left: no entry");
	cr_assert_str_empty(run("ip rip split-horizon poisoned-reverse"));
	cr_assert_str_empty(run("no ip rip split-horizon poisoned-reverse"));
	cr_assert_null(nb_find(RIP_NB_IF_XP "[name='eth4']"));
	run("exit");

	text = running();
	cr_assert_str_eq(text,
			 "router rip\n"
			 " network 10.0.0.0/8\n"
			 " passive-interface default\n"
			 " no passive-interface eth2\n"
			 " distribute-list prefix P out eth1\n"
			 " route 1.2.3.0/24\n"
			 "!\n", "got:\n%s", text);
	free(text);

	cr_assert_str_empty(run("no router rip"));
	cr_assert(!rip->enabled);
	cr_assert_null(nb_find(RIP_NB_XP));
	cr_assert_null(rip->passive_names);
	text = running();
	cr_assert_str_empty(text);
	free(text);
}

Test(rip_nb, router_zebra)
{
	char *text;

	cr_assert_str_empty(run("no router zebra"));
	cr_assert(rip->zebra_disabled);
	text = running();
	cr_assert_str_eq(text, "no router zebra\n!\n");
	free(text);
	cr_assert_str_empty(run("router zebra"));
	cr_assert_eq(tv->node, ZEBRA_NODE);
	cr_assert(!rip->zebra_disabled);
	cr_assert_str_empty(run("no redistribute rip"));
	cr_assert(rip->zebra_no_install);
	cr_assert_str_empty(run("redistribute rip"));
	cr_assert(!rip->zebra_no_install);
	text = running();
	cr_assert_str_empty(text);
	free(text);
}

Test(rip_nb, module_is_local)
{
	cr_assert(nb_module_local("tarpan-ripd"),
		  "per-entry validation keeps a command O(change)");
}

/* ---- cost -------------------------------------------------------------------------- */

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One command on a big `router rip` costs about the same as on a small one:
 * no whole-tree validation, no walk of the lists per command. */
Test(rip_nb, command_cost_does_not_grow_with_config)
{
	enum { N = 10000, CMDS = 500 };
	size_t cap = (size_t)N * 64, len = 0;
	char *conf = malloc(cap), line[64];
	double t0, load, per;

	len += (size_t)snprintf(conf + len, cap - len, "router rip\n");
	for (int i = 0; i < N; i++)
		len += (size_t)snprintf(conf + len, cap - len, " network 10.%d.%d.0/24\n",
					i / 256, i % 256);
	t0 = now_s();
	cr_assert_eq(vty_read_config(file("big.conf", conf)), 0);
	load = now_s() - t0;
	cr_assert_not_null(nb_find(RIP_NB_XP "/network[prefix='10.39.15.0/24']"));

	tv->node = RIP_NODE;
	t0 = now_s();
	for (int i = 0; i < CMDS; i++) {
		snprintf(line, sizeof(line), "default-metric %d", 2 + i % 14);
		cr_assert_str_empty(run(line));
		snprintf(line, sizeof(line), "network 11.%d.%d.0/24", i / 256, i % 256);
		cr_assert_str_empty(run(line));
	}
	per = (now_s() - t0) / (2 * CMDS);
	fprintf(stderr, "%d networks: file %.3f s; one command %.1f us\n", N, load, per * 1e6);
	cr_assert_lt(per, 0.002, "one command took %.1f us", per * 1e6);
	free(conf);
}
