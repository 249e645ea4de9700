/*
 * The northbound: transactions (a validation failure leaves running and
 * the compiled structures untouched; the undo log drives create / modify /
 * destroy / apply_finish exactly once per change; must and mandatory
 * nodes checked per changed entry; choice cases; the cost of one command
 * on a big configuration), `show running-config
 * json|xml`, starting from a JSON file, and the round trip load -> write
 * -> reload -> same tree, with the prefix lists as the real module and a
 * counting module bound to the access-list schema.
 */
#include <criterion/criterion.h>
#include <libyang/libyang.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command.h"
#include "log.h"
#include "northbound.h"
#include "plist.h"
#include "vty.h"

static struct vty *tv;

/* ---- a counting module on the access-list schema ------------------------- */

static struct {
	int list_create, list_destroy, entry_create, entry_destroy, finish,
		remark_modify, remark_destroy, validate;
	char last_remark[64], destroyed_in[64];
} cnt;

static int c_list_create(const struct lyd_node *d) { (void)d; cnt.list_create++; return 0; }
static int c_list_destroy(const struct lyd_node *d) { (void)d; cnt.list_destroy++; return 0; }
static int c_entry_create(const struct lyd_node *d) { (void)d; cnt.entry_create++; return 0; }
static int c_entry_destroy(const struct lyd_node *d)
{
	/* the old entry still shows the list it was in */
	snprintf(cnt.destroyed_in, sizeof(cnt.destroyed_in), "%s",
		 nb_child_value(lyd_parent(d), "name"));
	cnt.entry_destroy++;
	return 0;
}
static void c_finish(const struct lyd_node *d) { (void)d; cnt.finish++; }
static int c_remark_modify(const struct lyd_node *d)
{
	cnt.remark_modify++;
	snprintf(cnt.last_remark, sizeof(cnt.last_remark), "%s", nb_value(d));
	return 0;
}
static int c_remark_destroy(const struct lyd_node *d) { (void)d; cnt.remark_destroy++; return 0; }
static int c_validate(const struct lyd_node *d, char *err, size_t len)
{
	cnt.validate++;
	if (nb_child(d, "prefix") && strcmp(nb_child_value(d, "prefix"), "bad") == 0) {
		snprintf(err, len, "%% bad prefix");
		return -1;
	}
	return 0;
}

#define ACL "/tarpan-filter:access-lists/access-list"
static const struct nb_node_cbs counting[] = {
	{ .xpath = ACL, .create = c_list_create, .destroy = c_list_destroy },
	{ .xpath = ACL "/remark", .modify = c_remark_modify, .destroy = c_remark_destroy },
	{ .xpath = ACL "/entry", .create = c_entry_create, .destroy = c_entry_destroy,
	  .apply_finish = c_finish, .validate = c_validate },
	{ .xpath = NULL },
};
static const struct nb_module counting_module = { "tarpan-filter", counting };

static void setup(void)
{
	zlog_init("TEST", "test");
	cmd_init();
	prefix_list_init();
	cr_assert_eq(nb_module_register(&counting_module), 0);
	tv = vty_new_buffer(CONFIG_NODE);
	memset(&cnt, 0, sizeof(cnt));
}

static void teardown(void)
{
	vty_free_buffer(tv);
	prefix_list_reset();
	nb_terminate();
}

TestSuite(nb, .init = setup, .fini = teardown);

static const char *run(const char *line)
{
	static char out[8192];

	vty_buffer_clear(tv);
	vty_command(tv, line);
	snprintf(out, sizeof(out), "%s", vty_buffer_text(tv));
	return out;
}

static char *json(void)
{
	char *s = nb_print(true);

	cr_assert_not_null(s);
	return s;
}

static const char *pl_text(void)
{
	static char out[8192];

	vty_buffer_clear(tv);
	prefix_list_config_write(tv, AFI_IP);
	snprintf(out, sizeof(out), "%s", vty_buffer_text(tv));
	return out;
}

static int edit(const char *xp, enum nb_op op, const char *val)
{
	char err[256];

	return nb_edit(xp, op, val, err, sizeof(err));
}

/* ---- transactions ---------------------------------------------------------- */

Test(nb, invalid_candidate_leaves_running_untouched)
{
	char err[512], *before, *after;

	cr_assert_str_empty(run("ip prefix-list A seq 5 permit 10.0.0.0/8"));
	before = json();
	nb_txn_begin();
	/* an entry with an action but neither prefix nor any */
	cr_assert_eq(edit("/tarpan-filter:prefix-lists/ipv4[name='A']/entry[seq='10']/action",
			  NB_OP_MODIFY, "deny"), 0);
	cr_assert_eq(edit("/tarpan-filter:prefix-lists/ipv4[name='A']/entry[seq='5']",
			  NB_OP_DESTROY, NULL), 0);
	cr_assert_eq(nb_txn_commit(err, sizeof(err)), -1);
	cr_assert(strstr(err, "% Configuration is invalid"), "err: %s", err);
	cr_assert_not(nb_txn_active());
	after = json();
	cr_assert_str_eq(before, after);
	/* nor did the compiled list change */
	cr_assert_eq(prefix_list_count(prefix_list_lookup(AFI_IP, "A")), 1);
	free(before);
	free(after);
}

Test(nb, validate_callback_rejects_transaction)
{
	char err[512];

	nb_txn_begin();
	edit("/tarpan-filter:prefix-lists/ipv4[name='B']/entry[seq='5']/action",
	     NB_OP_MODIFY, "permit");
	edit("/tarpan-filter:prefix-lists/ipv4[name='B']/entry[seq='5']/prefix",
	     NB_OP_MODIFY, "10.0.0.0/8");
	edit("/tarpan-filter:prefix-lists/ipv4[name='B']/entry[seq='5']/ge",
	     NB_OP_MODIFY, "4");
	cr_assert_eq(nb_txn_commit(err, sizeof(err)), -1);
	cr_assert(strstr(err, "Invalid prefix range"), "err: %s", err);
	cr_assert_null(prefix_list_lookup(AFI_IP, "B"));
	cr_assert_null(nb_find_running("/tarpan-filter:prefix-lists/ipv4[name='B']"));
}

Test(nb, bad_value_rejected_at_edit_and_line_undone)
{
	nb_txn_begin();
	cr_assert_eq(edit("/tarpan-filter:prefix-lists/ipv4[name='C']/entry[seq='5']/action",
			  NB_OP_MODIFY, "maybe"), -1);
	nb_txn_abort();
	/* through a handler: the message, and nothing changed */
	cr_assert_str_eq(run("ip prefix-list C seq 5 permit 10.0.0.0/8 ge 4"),
			 "% Invalid prefix range for 10.0.0.0/8, make sure: len < ge-value <= le-value\n");
	cr_assert_null(nb_find_running("/tarpan-filter:prefix-lists/ipv4[name='C']"));
}

Test(nb, diff_drives_callbacks_once_per_change)
{
	char err[256];

	nb_txn_begin();
	edit(ACL "[name='7']/remark", NB_OP_MODIFY, "first");
	edit(ACL "[name='7']/entry[seq='1']/action", NB_OP_MODIFY, "permit");
	edit(ACL "[name='7']/entry[seq='1']/prefix", NB_OP_MODIFY, "10.0.0.0/8");
	edit(ACL "[name='7']/entry[seq='2']/action", NB_OP_MODIFY, "deny");
	edit(ACL "[name='7']/entry[seq='2']/prefix", NB_OP_MODIFY, "0.0.0.0/0");
	cr_assert_eq(nb_txn_commit(err, sizeof(err)), 0, "%s", err);
	cr_assert_eq(cnt.list_create, 1);
	cr_assert_eq(cnt.entry_create, 2);
	cr_assert_eq(cnt.finish, 2);
	cr_assert_eq(cnt.validate, 2);
	cr_assert_eq(cnt.remark_modify, 1);
	cr_assert_str_eq(cnt.last_remark, "first");

	/* one leaf of one entry changes: one apply_finish, nothing else */
	memset(&cnt, 0, sizeof(cnt));
	nb_txn_begin();
	edit(ACL "[name='7']/entry[seq='2']/action", NB_OP_MODIFY, "permit");
	cr_assert_eq(nb_txn_commit(err, sizeof(err)), 0, "%s", err);
	cr_assert_eq(cnt.finish, 1);
	cr_assert_eq(cnt.entry_create + cnt.entry_destroy + cnt.list_create, 0);

	/* an edit that nets to nothing runs nothing */
	memset(&cnt, 0, sizeof(cnt));
	nb_txn_begin();
	edit(ACL "[name='7']/entry[seq='2']", NB_OP_DESTROY, NULL);
	edit(ACL "[name='7']/entry[seq='2']/action", NB_OP_MODIFY, "permit");
	edit(ACL "[name='7']/entry[seq='2']/prefix", NB_OP_MODIFY, "0.0.0.0/0");
	cr_assert_eq(nb_txn_commit(err, sizeof(err)), 0, "%s", err);
	cr_assert_eq(cnt.finish + cnt.entry_create + cnt.entry_destroy, 0);

	/* destroying one entry: its destroy sees the old node in its list */
	memset(&cnt, 0, sizeof(cnt));
	nb_txn_begin();
	edit(ACL "[name='7']/entry[seq='1']", NB_OP_DESTROY, NULL);
	cr_assert_eq(nb_txn_commit(err, sizeof(err)), 0, "%s", err);
	cr_assert_eq(cnt.entry_destroy, 1);
	cr_assert_str_eq(cnt.destroyed_in, "7");
	cr_assert_eq(cnt.list_destroy + cnt.entry_create + cnt.finish, 0);

	/* destroying the list: one destroy for the subtree */
	memset(&cnt, 0, sizeof(cnt));
	nb_txn_begin();
	edit(ACL "[name='7']", NB_OP_DESTROY, NULL);
	cr_assert_eq(nb_txn_commit(err, sizeof(err)), 0, "%s", err);
	cr_assert_eq(cnt.list_destroy, 1);
	cr_assert_eq(cnt.entry_destroy, 0);
	cr_assert_eq(cnt.remark_destroy, 0);
}

Test(nb, validate_failure_runs_no_apply_callback)
{
	char err[256];

	nb_txn_begin();
	edit(ACL "[name='8']/entry[seq='1']/action", NB_OP_MODIFY, "permit");
	edit(ACL "[name='8']/entry[seq='1']/prefix", NB_OP_MODIFY, "bad");
	cr_assert_eq(nb_txn_commit(err, sizeof(err)), -1);
	cr_assert_str_eq(err, "% bad prefix");
	cr_assert_eq(cnt.validate, 1);
	cr_assert_eq(cnt.list_create + cnt.entry_create + cnt.finish, 0);
	cr_assert_null(nb_find_running(ACL "[name='8']"));
}

/* ---- output ------------------------------------------------------------------ */

Test(nb, show_running_config_json_and_xml)
{
	const char *out;

	run("ip prefix-list P description edge pools");
	run("ip prefix-list P seq 5 permit 192.0.2.0/24 le 28");
	tv->node = ENABLE_NODE;
	out = run("show running-config json");
	cr_assert(strstr(out, "\"tarpan-filter:prefix-lists\""), "%s", out);
	cr_assert(strstr(out, "\"description\": \"edge pools\""), "%s", out);
	cr_assert(strstr(out, "\"prefix\": \"192.0.2.0/24\""), "%s", out);
	cr_assert(strstr(out, "\"le\": 28"), "%s", out);
	out = run("show running-config xml");
	cr_assert(strstr(out, "<prefix-lists xmlns=\"urn:tarpan:params:xml:ns:yang:tarpan-filter\">"),
		  "%s", out);
	cr_assert(strstr(out, "<seq>5</seq>"), "%s", out);
}

/* ---- files ----------------------------------------------------------------- */

static char *write_tmp(const char *suffix, const char *text)
{
	static char path[64];
	int fd;

	snprintf(path, sizeof(path), "/tmp/test_nb_XXXXXX%s", suffix);
	fd = mkstemps(path, (int)strlen(suffix));
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return strdup(path);
}

static const char *conf =
	"!\n"
	"ip prefix-list 10 seq 5 permit 10.0.0.0/8 le 24\n"
	"ip prefix-list ABC description customer pools\n"
	"ip prefix-list ABC seq 10 deny any\n"
	"ip prefix-list ABC seq 5 permit 192.168.0.0/16 ge 24\n"
	"ip prefix-list ABC seq 7 permit 172.16.0.0/12 bogus\n"
	"ipv6 prefix-list V6 seq 5 permit 2001:db8::/32 le 64\n"
	"no ip prefix-list sequence-number\n";

Test(nb, config_file_is_one_transaction_and_round_trips)
{
	char *f1 = write_tmp(".conf", conf), *f2;
	struct lyd_node *t1, *t2;
	char text1[8192];

	/* the bad line is reported and skipped, the rest loads */
	cr_assert_eq(vty_read_config(f1), 1);
	cr_assert_eq(prefix_list_count(prefix_list_lookup(AFI_IP, "ABC")), 2);
	snprintf(text1, sizeof(text1), "%s", pl_text());
	cr_assert_str_eq(text1,
		"no ip prefix-list sequence-number\n"
		"!\n"
		"ip prefix-list 10 permit 10.0.0.0/8 le 24\n"
		"ip prefix-list ABC description customer pools\n"
		"ip prefix-list ABC permit 192.168.0.0/16 ge 24\n"
		"ip prefix-list ABC deny any\n");

	/* write (with sequence numbers, so the reload keeps them), reload */
	run("ip prefix-list sequence-number");
	vty_buffer_clear(tv);
	vty_write_config_blocks(tv);
	f2 = write_tmp(".conf", vty_buffer_text(tv));
	run("no ip prefix-list sequence-number");
	t1 = nb_running_copy();
	nb_reset();
	prefix_list_reset();
	cr_assert_null(prefix_list_lookup(AFI_IP, "ABC"));
	cr_assert_eq(vty_read_config(f2), 0);
	run("no ip prefix-list sequence-number");
	t2 = nb_running_copy();
	cr_assert(nb_same_config(t1, t2));
	cr_assert_str_eq(pl_text(), text1);
	/* and a real difference is seen */
	run("ip prefix-list ABC seq 5 permit 192.168.0.0/16 ge 25");
	nb_tree_release(t2);
	t2 = nb_running_copy();
	cr_assert_not(nb_same_config(t1, t2));
	nb_tree_release(t1);
	nb_tree_release(t2);
	unlink(f1);
	unlink(f2);
	free(f1);
	free(f2);
}

Test(nb, start_from_json_file)
{
	char *f1 = write_tmp(".conf", conf), *fj, *j1, *j2;
	char text1[8192];

	cr_assert_eq(vty_read_config(f1), 1);
	snprintf(text1, sizeof(text1), "%s", pl_text());
	j1 = json();
	fj = write_tmp(".json", j1);

	nb_reset();
	prefix_list_reset();
	cr_assert_eq(vty_read_config(fj), 0);
	j2 = json();
	cr_assert_str_eq(j1, j2);
	cr_assert_str_eq(pl_text(), text1);
	/* the compiled form follows: lookups work */
	{
		struct prefix p;

		prefix_parse("192.168.7.0/24", &p);
		cr_assert_eq(prefix_list_apply(prefix_list_lookup(AFI_IP, "ABC"), &p),
			     PREFIX_PERMIT);
	}
	unlink(f1);
	unlink(fj);
	free(f1);
	free(fj);
	free(j1);
	free(j2);
}

Test(nb, bad_json_file_changes_nothing)
{
	char *fj = write_tmp(".json",
		"{\"tarpan-filter:prefix-lists\": {\"ipv4\": [{\"name\": \"X\", "
		"\"entry\": [{\"seq\": 5, \"action\": \"sometimes\", \"any\": [null]}]}]}}");

	run("ip prefix-list KEEP seq 5 permit any");
	cr_assert_eq(vty_read_config(fj), 1);
	cr_assert_not_null(prefix_list_lookup(AFI_IP, "KEEP"));
	cr_assert_null(prefix_list_lookup(AFI_IP, "X"));
	unlink(fj);
	free(fj);
}

/* ---- in-place transactions ------------------------------------------------ */

Test(nb, filter_module_is_validated_per_entry)
{
	cr_assert(nb_module_local("tarpan-filter"));
	cr_assert_not(nb_module_local("no-such-module"));
}

Test(nb, must_is_checked_on_the_changed_entry)
{
	char err[512], *before, *after;

	cr_assert_str_empty(run("ip prefix-list KEEP seq 5 permit any"));
	before = json();
	nb_txn_begin();
	/* a wildcard for a destination that is not there: the module's must */
	cr_assert_eq(edit(ACL "[name='101']/entry[seq='1']/action", NB_OP_MODIFY,
			  "permit"), 0);
	cr_assert_eq(edit(ACL "[name='101']/entry[seq='1']/source-address",
			  NB_OP_MODIFY, "10.0.0.0"), 0);
	cr_assert_eq(edit(ACL "[name='101']/entry[seq='1']/source-wildcard",
			  NB_OP_MODIFY, "0.0.0.255"), 0);
	cr_assert_eq(edit(ACL "[name='101']/entry[seq='1']/destination-wildcard",
			  NB_OP_MODIFY, "0.0.0.0"), 0);
	cr_assert_eq(nb_txn_commit(err, sizeof(err)), -1);
	cr_assert(strstr(err, "Must condition"), "err: %s", err);
	cr_assert_eq(cnt.entry_create + cnt.list_create + cnt.finish, 0);
	after = json();
	cr_assert_str_eq(before, after);
	free(before);
	free(after);

	/* with the destination it holds */
	nb_txn_begin();
	edit(ACL "[name='101']/entry[seq='1']/action", NB_OP_MODIFY, "permit");
	edit(ACL "[name='101']/entry[seq='1']/source-address", NB_OP_MODIFY, "10.0.0.0");
	edit(ACL "[name='101']/entry[seq='1']/source-wildcard", NB_OP_MODIFY, "0.0.0.255");
	edit(ACL "[name='101']/entry[seq='1']/destination-address", NB_OP_MODIFY, "0.0.0.0");
	edit(ACL "[name='101']/entry[seq='1']/destination-wildcard", NB_OP_MODIFY,
	     "255.255.255.255");
	cr_assert_eq(nb_txn_commit(err, sizeof(err)), 0, "%s", err);
	cr_assert_eq(cnt.entry_create, 1);
}

Test(nb, deleting_a_mandatory_leaf_is_rejected_and_reverted)
{
	char err[512];

	cr_assert_str_empty(run("ip prefix-list D seq 5 permit 10.0.0.0/8"));
	cr_assert_str_empty(run("ip prefix-list D seq 10 deny any"));
	nb_txn_begin();
	edit("/tarpan-filter:prefix-lists/ipv4[name='D']/entry[seq='5']/action",
	     NB_OP_DESTROY, NULL);
	cr_assert_eq(nb_txn_commit(err, sizeof(err)), -1);
	cr_assert(strstr(err, "Mandatory node \"action\""), "err: %s", err);
	cr_assert_str_eq(pl_text(), "ip prefix-list D seq 5 permit 10.0.0.0/8\n"
				    "ip prefix-list D seq 10 deny any\n");
	cr_assert_eq(prefix_list_count(prefix_list_lookup(AFI_IP, "D")), 2);
}

Test(nb, creating_a_case_replaces_the_other_case)
{
	char err[512];
	struct prefix p;

	cr_assert_str_empty(run("ip prefix-list S seq 5 permit 10.0.0.0/8 le 24"));
	nb_txn_begin();
	cr_assert_eq(edit("/tarpan-filter:prefix-lists/ipv4[name='S']/entry[seq='5']/any",
			  NB_OP_CREATE, NULL), 0);
	cr_assert_eq(nb_txn_commit(err, sizeof(err)), 0, "%s", err);
	cr_assert_str_eq(pl_text(), "ip prefix-list S seq 5 permit any\n");
	prefix_parse("192.0.2.0/24", &p);
	cr_assert_eq(prefix_list_apply(prefix_list_lookup(AFI_IP, "S"), &p),
		     PREFIX_PERMIT);
	/* and back, through the command */
	cr_assert_str_empty(run("ip prefix-list S seq 5 deny 10.0.0.0/8"));
	cr_assert_str_eq(pl_text(), "ip prefix-list S seq 5 deny 10.0.0.0/8\n");
	cr_assert_eq(prefix_list_apply(prefix_list_lookup(AFI_IP, "S"), &p),
		     PREFIX_DENY);
}

static double mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A command on a big configuration costs what it changes, not the size of
 * the configuration: 20,000 entries loaded, then 200 commands (add,
 * replace, delete) well under the 5 ms an operator would notice (about
 * 20 us each here; 0.5 s when every command copied and validated the
 * whole tree). */
Test(nb, interactive_cost_does_not_follow_config_size, .timeout = 60)
{
	char line[128], *f;
	FILE *fp;
	double t0, sum = 0;
	int i;

	f = strdup("/tmp/test_nb_bigXXXXXX");
	fp = fdopen(mkstemp(f), "w");
	cr_assert_not_null(fp);
	for (i = 0; i < 20000; i++)
		fprintf(fp, "ip prefix-list BIG seq %d permit 10.%d.%d.0/24\n",
			(i + 1) * 5, i / 256, i % 256);
	fclose(fp);
	cr_assert_eq(vty_read_config(f), 0);
	unlink(f);
	free(f);
	cr_assert_eq(prefix_list_count(prefix_list_lookup(AFI_IP, "BIG")), 20000);
	for (i = 0; i < 200; i++) {
		double dt;

		if (i % 3 == 0)
			snprintf(line, sizeof(line),
				 "ip prefix-list BIG seq %d permit 11.0.%d.0/24",
				 200000 + i, i);
		else if (i % 3 == 1)
			snprintf(line, sizeof(line),
				 "ip prefix-list BIG seq %d permit 12.0.%d.0/24",
				 (i + 1) * 5, i);
		else
			snprintf(line, sizeof(line), "no ip prefix-list BIG seq %d "
				 "permit 12.0.%d.0/24", i * 5, i - 1);
		t0 = mono();
		cr_assert_str_empty(run(line), "%s", line);
		dt = mono() - t0;
		sum += dt;
	}
	cr_assert_eq(prefix_list_count(prefix_list_lookup(AFI_IP, "BIG")), 20000 + 67 - 66);
	/* the mean: a busy test machine may preempt any single command */
	cr_assert_lt(sum / 200, 0.005, "mean %.2f ms per command", sum / 200 * 1e3);
}
