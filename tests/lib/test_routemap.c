/*
 * Route maps: entries in preference order, permit/deny, the match/set
 * registry (compile errors, replacement, deletion), on-match next/goto,
 * continue, call (and its recursion limit), config write and
 * `show route-map` text, and the messages of the commands.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "northbound.h"
#include "policy_helpers.h"
#include "routemap.h"

/* A test object: a metric and a tag. */
struct route {
	unsigned metric, tag;
};

/* match metric N */
static route_map_result_t match_metric(void *rule, const struct prefix *p, void *obj)
{
	return ((struct route *)obj)->metric == *(unsigned *)rule ? RMAP_MATCH
								  : RMAP_NOMATCH;
}

static void *compile_num(const char *arg)
{
	char *end;
	unsigned long v = strtoul(arg, &end, 10);
	unsigned *r;

	if (*end || !*arg)
		return NULL;
	r = malloc(sizeof(*r));
	*r = (unsigned)v;
	return r;
}

static void free_num(void *rule)
{
	free(rule);
}

/* match prefix-len-max N */
static route_map_result_t match_plen(void *rule, const struct prefix *p, void *obj)
{
	return p->prefixlen <= *(unsigned *)rule ? RMAP_MATCH : RMAP_NOMATCH;
}

/* set tag N (adds, so that we can see every set that ran) */
static route_map_result_t set_tag(void *rule, const struct prefix *p, void *obj)
{
	((struct route *)obj)->tag += *(unsigned *)rule;
	return RMAP_OKAY;
}

static const struct route_map_rule_cmd metric_cmd = { "metric", match_metric,
						      compile_num, free_num };
static const struct route_map_rule_cmd plen_cmd = { "plen", match_plen,
						    compile_num, free_num };
static const struct route_map_rule_cmd tag_cmd = { "tag", set_tag, compile_num,
						   free_num };

DEFUN(t_match_metric, t_match_metric_cmd, "match metric WORD",
      MATCH_STR "metric\nvalue\n")
{
	return route_map_vty_match_add(vty, "metric", argv[0]);
}

DEFUN(t_no_match_metric, t_no_match_metric_cmd, "no match metric [WORD]",
      NO_STR MATCH_STR "metric\nvalue\n")
{
	return route_map_vty_match_delete(vty, "metric", argv[0]);
}

DEFUN(t_match_plen, t_match_plen_cmd, "match plen WORD", MATCH_STR "plen\nvalue\n")
{
	return route_map_vty_match_add(vty, "plen", argv[0]);
}

DEFUN(t_match_unknown, t_match_unknown_cmd, "match unknown WORD",
      MATCH_STR "unknown\nvalue\n")
{
	return route_map_vty_match_add(vty, "unknown", argv[0]);
}

DEFUN(t_set_tag, t_set_tag_cmd, "set tag WORD", SET_STR "tag\nvalue\n")
{
	return route_map_vty_set_add(vty, "tag", argv[0]);
}

static void init(void)
{
	route_map_init();
	route_map_install_match(&metric_cmd);
	route_map_install_match(&plen_cmd);
	route_map_install_set(&tag_cmd);
	install_element(RMAP_NODE, &t_match_metric_cmd);
	install_element(RMAP_NODE, &t_no_match_metric_cmd);
	install_element(RMAP_NODE, &t_match_plen_cmd);
	install_element(RMAP_NODE, &t_match_unknown_cmd);
	install_element(RMAP_NODE, &t_set_tag_cmd);
}

static void setup(void)
{
	zlog_init("ZEBRA", "test");
	policy_cli_setup(init);
}

static void teardown(void)
{
	route_map_reset();
	policy_cli_teardown();
}

TestSuite(routemap, .init = setup, .fini = teardown);

static route_map_result_t apply(const char *map, const char *pfx, unsigned metric,
				unsigned *tag)
{
	struct route r = { .metric = metric };
	struct prefix p;
	route_map_result_t ret;

	cr_assert_eq(prefix_parse(pfx, &p), 0);
	ret = route_map_apply(route_map_lookup_by_name(map), &p, &r);
	if (tag)
		*tag = r.tag;
	return ret;
}

static void config(const char *const *lines)
{
	tvty->node = CONFIG_NODE;
	run_ok(lines);
	tvty->node = CONFIG_NODE;
}

Test(routemap, permit_deny_and_implicit_deny)
{
	const char *lines[] = {
		"route-map RM deny 10", "match metric 5",
		"route-map RM permit 20", "match plen 16", "set tag 100",
		NULL,
	};
	unsigned tag;

	config(lines);
	cr_assert_eq(apply("RM", "10.0.0.0/8", 5, &tag), RMAP_DENYMATCH);
	cr_assert_eq(apply("RM", "10.0.0.0/8", 1, &tag), RMAP_MATCH);
	cr_assert_eq(tag, 100);
	cr_assert_eq(apply("RM", "10.0.0.0/24", 1, &tag), RMAP_DENYMATCH);
	cr_assert_eq(apply("NOMAP", "10.0.0.0/8", 1, NULL), RMAP_DENYMATCH);
}

Test(routemap, entry_without_match_matches_all)
{
	const char *lines[] = { "route-map ALL permit 10", "set tag 1", NULL };
	unsigned tag;

	config(lines);
	cr_assert_eq(apply("ALL", "1.0.0.0/8", 9, &tag), RMAP_MATCH);
	cr_assert_eq(tag, 1);
}

Test(routemap, on_match_next_and_goto_and_continue)
{
	const char *lines[] = {
		"route-map C permit 10", "set tag 1", "on-match next",
		"route-map C permit 20", "set tag 10", "on-match goto 40",
		"route-map C permit 30", "set tag 100",
		"route-map C permit 40", "match metric 7", "set tag 1000", "continue",
		"route-map C permit 50", "match metric 8", "set tag 10000",
		NULL,
	};
	unsigned tag;

	config(lines);
	/* 10 -> 20 -> goto 40 (matches) -> continue to 50 (no match): permit */
	cr_assert_eq(apply("C", "1.0.0.0/8", 7, &tag), RMAP_MATCH);
	cr_assert_eq(tag, 1011);
	/* 40 does not match, 50 does not either: permitted by 20 */
	cr_assert_eq(apply("C", "1.0.0.0/8", 3, &tag), RMAP_MATCH);
	cr_assert_eq(tag, 11);
}

Test(routemap, continue_then_deny_denies)
{
	const char *lines[] = {
		"route-map CD permit 10", "set tag 1", "continue 30",
		"route-map CD permit 20", "set tag 5",
		"route-map CD deny 30", "match metric 4",
		NULL,
	};

	config(lines);
	cr_assert_eq(apply("CD", "1.0.0.0/8", 4, NULL), RMAP_DENYMATCH);
	cr_assert_eq(apply("CD", "1.0.0.0/8", 5, NULL), RMAP_MATCH);
}

Test(routemap, call)
{
	const char *lines[] = {
		"route-map SUB permit 10", "match metric 1", "set tag 50",
		"route-map TOP permit 10", "set tag 5", "call SUB",
		"route-map LOOP permit 10", "set tag 1", "call LOOP",
		NULL,
	};
	unsigned tag;

	config(lines);
	cr_assert_eq(apply("TOP", "1.0.0.0/8", 1, &tag), RMAP_MATCH);
	cr_assert_eq(tag, 55);
	/* the called map denies: the route is denied */
	cr_assert_eq(apply("TOP", "1.0.0.0/8", 2, &tag), RMAP_DENYMATCH);
	/* a map calling itself stops at the recursion limit */
	cr_assert_eq(apply("LOOP", "1.0.0.0/8", 2, &tag), RMAP_DENYMATCH);
	cr_assert_eq(tag, RMAP_RECURSION_LIMIT + 1);
}

Test(routemap, clause_replacement_and_errors)
{
	const char *lines[] = { "route-map E permit 10", "match metric 1", NULL };

	config(lines);
	tvty->node = RMAP_NODE;
	cr_assert_str_empty(run("match metric 2"));	/* replaces */
	cr_assert_str_eq(run("match metric x"), "% Argument is malformed.\n");
	cr_assert_str_eq(run("match unknown 1"), "% Can't find rule.\n");
	cr_assert_str_eq(run("no match metric 3"), "% Can't find rule.\n");
	cr_assert_eq(apply("E", "1.0.0.0/8", 2, NULL), RMAP_MATCH);
	cr_assert_eq(apply("E", "1.0.0.0/8", 1, NULL), RMAP_DENYMATCH);
	cr_assert_str_empty(run("no match metric"));
	cr_assert_eq(apply("E", "1.0.0.0/8", 1, NULL), RMAP_MATCH);
	cr_assert_str_eq(run("on-match goto 5"), "can't jump backwards in route-maps\n");
	cr_assert_str_eq(run("continue 10"), "can't jump backwards in route-maps\n");
	tvty->node = CONFIG_NODE;
	cr_assert_str_eq(run("no route-map NOPE"), "% Could not find route-map NOPE\n");
	cr_assert_str_eq(run("no route-map E deny 10"),
			 "% Could not find route-map entry E 10\n");
}

Test(routemap, type_change_replaces_entry)
{
	const char *lines[] = {
		"route-map T permit 10", "match metric 1",
		"route-map T deny 10",
		NULL,
	};

	config(lines);
	cr_assert_eq(apply("T", "1.0.0.0/8", 5, NULL), RMAP_DENYMATCH);
	cr_assert_null(route_map_index_lookup("T", RMAP_PERMIT, 10));
	cr_assert_not_null(route_map_index_lookup("T", RMAP_DENY, 10));
}

Test(routemap, deleting_last_entry_deletes_map)
{
	const char *lines[] = { "route-map D permit 10", "route-map D permit 20", NULL };

	config(lines);
	cr_assert_str_empty(run("no route-map D permit 10"));
	cr_assert_not_null(route_map_lookup_by_name("D"));
	cr_assert_str_empty(run("no route-map D permit 20"));
	cr_assert_null(route_map_lookup_by_name("D"));
}

Test(routemap, stale_vty_index_is_refused)
{
	const char *lines[] = { "route-map S permit 10", NULL };
	struct vty *other = vty_new_buffer(CONFIG_NODE);

	tvty->node = CONFIG_NODE;
	run_ok(lines);
	cr_assert_eq(tvty->node, RMAP_NODE);
	/* another session deletes the map this one is in */
	cr_assert_eq(vty_command(other, "no route-map S"), CMD_SUCCESS);
	vty_free_buffer(other);
	cr_assert(strstr(run("on-match next"), "deleted"));
	cr_assert(strstr(run("match metric 1"), "deleted"));
	cr_assert_null(route_map_lookup_by_name("S"));
}

static int wr(struct vty *vty)
{
	return route_map_config_write(vty);
}

Test(routemap, config_write_and_show)
{
	const char *lines[] = {
		"route-map ZZ permit 20",
		"description second  map",
		"match metric 3", "set tag 7", "call AA", "on-match next",
		"route-map ZZ deny 10",
		"route-map AA permit 5", "match plen 24", "continue",
		"route-map AA permit 65535", "continue 65536",
		NULL,
	};

	config(lines);
	cr_assert_str_eq(block(wr),
		"route-map ZZ deny 10\n"
		"!\n"
		"route-map ZZ permit 20\n"
		" description second map\n"
		" match metric 3\n"
		" set tag 7\n"
		" call AA\n"
		" on-match next\n"
		"!\n"
		"route-map AA permit 5\n"
		" match plen 24\n"
		" on-match goto 6\n"
		"!\n"
		"route-map AA permit 65535\n"
		" on-match goto 65536\n");
	tvty->node = ENABLE_NODE;
	cr_assert_str_eq(run("show route-map ZZ"),
		"ZEBRA:\n"
		"route-map ZZ, deny, sequence 10\n"
		"  Match clauses:\n"
		"  Set clauses:\n"
		"  Call clause:\n"
		"  Action:\n"
		"    Exit routemap\n"
		"route-map ZZ, permit, sequence 20\n"
		"  Description:\n"
		"    second map\n"
		"  Match clauses:\n"
		"    metric 3\n"
		"  Set clauses:\n"
		"    tag 7\n"
		"  Call clause:\n"
		"    Call AA\n"
		"  Action:\n"
		"    Continue to next entry\n");
	cr_assert(strstr(run("show route-map"), "    Goto 6\n"));
	cr_assert_str_eq(run("show route-map NONE"), "%route-map NONE not found\n");
}

static int events;
static void count_event(const char *name)
{
	(void)name;
	events++;
}

Test(routemap, hooks)
{
	const char *lines[] = { "route-map H permit 10", "set tag 1", NULL };

	route_map_add_hook(count_event);
	route_map_delete_hook(count_event);
	events = 0;
	config(lines);
	cr_assert_geq(events, 2);
	events = 0;
	route_map_delete_name("H");
	cr_assert_eq(events, 1);
}

/* ---- round trip through the tree ------------------------------------------ */

/* tmp_file(), feed() and round_trip() are in policy_helpers.h */

static void rm_check(void)
{
	unsigned tag;

	cr_assert_eq(apply("RT", "10.0.0.0/8", 5, &tag), RMAP_DENYMATCH);
	cr_assert_eq(apply("RT", "10.0.0.0/8", 7, &tag), RMAP_MATCH);
	cr_assert_eq(tag, 1011);
	cr_assert_eq(apply("SUB", "10.0.0.0/8", 7, &tag), RMAP_MATCH);
}

static void rm_reset(void)
{
	route_map_reset();
}

Test(routemap, round_trip_json_and_text)
{
	const char *lines[] = {
		"route-map RT deny 5", "match metric 5",
		"route-map RT permit 10", "description first permit",
		"set tag 1", "call SUB", "on-match next",
		"route-map RT permit 20", "match plen 16", "set tag 10",
		"continue 40",
		"route-map RT permit 40", "match metric 7", "set tag 1000",
		"route-map SUB permit 1", "match plen 8",
		NULL,
	};

	config(lines);
	rm_check();
	round_trip(wr, rm_reset, rm_check);
}

Test(routemap, replaced_clause_moves_to_the_end_as_quagga)
{
	const char *lines[] = {
		"route-map O permit 10", "match metric 1", "match plen 8",
		"match metric 2", NULL,
	};

	config(lines);
	cr_assert_str_eq(block(wr), "route-map O permit 10\n"
				    " match plen 8\n"
				    " match metric 2\n");
}

Test(routemap, json_shows_the_tree)
{
	const char *lines[] = {
		"route-map J permit 10", "match metric 3", "set tag 4", "continue",
		NULL,
	};
	char *js;

	config(lines);
	js = nb_print(true);
	cr_assert(strstr(js, "\"tarpan-route-map:route-maps\""), "%s", js);
	cr_assert(strstr(js, "\"action\": \"permit\""), "%s", js);
	cr_assert(strstr(js, "\"on-match-goto\": 11"), "%s", js);
	cr_assert(strstr(js, "\"name\": \"metric\""), "%s", js);
	cr_assert(strstr(js, "\"argument\": \"3\""), "%s", js);
	free(js);
}

Test(routemap, json_with_unknown_or_bad_clause_is_rejected)
{
	const char *bad[] = {
		"{\"tarpan-route-map:route-maps\": {\"route-map\": [{\"name\": \"B\","
		" \"entry\": [{\"seq\": 10, \"action\": \"permit\","
		" \"match\": [{\"name\": \"nosuch\", \"argument\": \"1\"}]}]}]}}",
		"{\"tarpan-route-map:route-maps\": {\"route-map\": [{\"name\": \"B\","
		" \"entry\": [{\"seq\": 10, \"action\": \"permit\","
		" \"set\": [{\"name\": \"tag\", \"argument\": \"x\"}]}]}]}}",
		"{\"tarpan-route-map:route-maps\": {\"route-map\": [{\"name\": \"B\","
		" \"entry\": [{\"seq\": 10, \"action\": \"permit\","
		" \"on-match-goto\": 5}]}]}}",
	};
	const char *lines[] = { "route-map KEEP permit 1", NULL };
	size_t i;

	config(lines);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *path = tmp_file(bad[i], ".json");

		cr_assert_neq(nb_cli_load_data_file(path), 0, "%s", bad[i]);
		unlink(path);
		cr_assert_null(route_map_lookup_by_name("B"));
		cr_assert_not_null(route_map_lookup_by_name("KEEP"));
	}
}

Test(routemap, entry_context_is_a_data_path)
{
	tvty->node = CONFIG_NODE;
	cr_assert_str_empty(run("route-map P permit 10"));
	cr_assert_eq(tvty->node, RMAP_NODE);
	cr_assert_str_eq((const char *)tvty->index,
			 "/tarpan-route-map:route-maps/route-map[name='P']/entry[seq='10']");
	cr_assert_not_null(nb_find(tvty->index));
}

/* One command on a map of 10,000 entries (20,000 lines) costs what it changes, not the
 * size of the map. */
Test(routemap, interactive_cost_does_not_follow_map_size, .timeout = 120)
{
	struct timespec t0, t1;
	char line[128];
	double ms;
	int i;

	/* build the map as one transaction (a config file) */
	cr_assert(nb_cli_file_begin());
	tvty->node = CONFIG_NODE;
	for (i = 1; i <= 10000; i++) {
		snprintf(line, sizeof(line), "route-map BIG permit %d", i);
		vty_command(tvty, line);
		snprintf(line, sizeof(line), "match metric %d", i);
		vty_command(tvty, line);
	}
	cr_assert_eq(nb_cli_file_end(true, "test"), 0);
	tvty->node = CONFIG_NODE;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	cr_assert_str_empty(run("route-map BIG permit 5000"));
	cr_assert_str_empty(run("set tag 9"));
	cr_assert_str_empty(run("match metric 77"));
	tvty->node = CONFIG_NODE;
	cr_assert_str_empty(run("no route-map BIG permit 7000"));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	cr_assert_lt(ms, 50.0, "4 commands took %.1f ms", ms);
	cr_assert_null(route_map_index_lookup("BIG", RMAP_ANY, 7000));
	cr_assert_eq(apply("BIG", "1.0.0.0/8", 77, NULL), RMAP_MATCH);
}
