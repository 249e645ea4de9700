/*
 * Route-map benchmark: start-up with a config of LINES route-map lines
 * (default 20,000: entries of `route-map`, `match metric`, `set tag`,
 * `on-match next`, in 4 maps) read by vty_read_config() as one transaction
 * through the YANG tree into the compiled maps; `show running-config` from
 * the tree and as JSON; then interactive commands (each a transaction of
 * its own) on top of it: entering an entry, changing a clause, adding and
 * deleting entries. The figure: one command < 5 ms.
 *
 *   bench_routemap [LINES]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "command.h"
#include "log.h"
#include "northbound.h"
#include "routemap.h"
#include "vty.h"

static double clk(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void)
{
	return clk(CLOCK_MONOTONIC);
}

static double cpu(void)
{
	return clk(CLOCK_PROCESS_CPUTIME_ID);
}

/* A daemon's route and clauses: match metric N, set tag N (adds). */
struct route {
	unsigned long metric, tag;
};

static route_map_result_t match_metric(void *rule, const struct prefix *p, void *obj)
{
	(void)p;
	return ((struct route *)obj)->metric == *(unsigned long *)rule ? RMAP_MATCH
								       : RMAP_NOMATCH;
}

static route_map_result_t set_tag(void *rule, const struct prefix *p, void *obj)
{
	(void)p;
	((struct route *)obj)->tag += *(unsigned long *)rule;
	return RMAP_OKAY;
}

static void *compile_num(const char *arg)
{
	unsigned long *v;
	char *end;

	if (!arg || !*arg)
		return NULL;
	v = malloc(sizeof(*v));
	*v = strtoul(arg, &end, 10);
	if (*end) {
		free(v);
		return NULL;
	}
	return v;
}

static const struct route_map_rule_cmd metric_cmd = { "metric", match_metric,
						      compile_num, free };
static const struct route_map_rule_cmd tag_cmd = { "tag", set_tag, compile_num, free };

DEFUN(b_match_metric, b_match_metric_cmd, "match metric WORD", "Match\nmetric\nvalue\n")
{
	return route_map_vty_match_add(vty, "metric", argv[0]);
}

DEFUN(b_set_tag, b_set_tag_cmd, "set tag WORD", "Set\ntag\nvalue\n")
{
	return route_map_vty_set_add(vty, "tag", argv[0]);
}

/* n commands made by fmt(i); prints mean and worst time per command. */
static void interactive(struct vty *v, const char *what, int node,
			const char *fmt, unsigned long base, unsigned long step)
{
	double t0, dt, worst = 0, sum = 0;
	char line[128];
	unsigned long i;
	int fails = 0;

	for (i = 0; i < 1000; i++) {
		snprintf(line, sizeof(line), fmt, base + step * i, i);
		vty_buffer_clear(v);
		if (node)
			v->node = (enum node_type)node;
		t0 = now();
		if (vty_command(v, line) != CMD_SUCCESS)
			fails++;
		dt = now() - t0;
		sum += dt;
		if (dt > worst)
			worst = dt;
	}
	printf("interactive: %-38s %8.1f us mean, %8.1f us max (%d failed)\n", what,
	       sum / 1000 * 1e6, worst * 1e6, fails);
}

int main(int argc, char **argv)
{
	unsigned long lines = argc > 1 ? strtoul(argv[1], NULL, 10) : 20000, i;
	unsigned long entries = lines / 4, per_map = (entries + 3) / 4;
	char path[] = "/tmp/bench_rmap.XXXXXX";
	struct route r = { .metric = 3 };
	struct vty *v;
	double t0, t1, c0, c1;
	char *json;
	FILE *f;
	int fd, bad;

	zlog_init("BENCH", "bench_routemap");
	zlog_set_level(LOG_DEST_STDOUT, LOG_DISABLED);
	cmd_init();
	route_map_init();
	route_map_install_match(&metric_cmd);
	route_map_install_set(&tag_cmd);
	install_element(RMAP_NODE, &b_match_metric_cmd);
	install_element(RMAP_NODE, &b_set_tag_cmd);

	fd = mkstemp(path);
	f = fdopen(fd, "w");
	for (i = 0; i < entries; i++)
		fprintf(f, "route-map RM%lu permit %lu\n match metric %lu\n"
			" set tag 1\n on-match next\n!\n",
			i / per_map, (i % per_map + 1) * 5, i);
	fclose(f);

	c0 = cpu();
	t0 = now();
	bad = vty_read_config(path);
	t1 = now();
	c1 = cpu();
	unlink(path);
	printf("%-44s %8.3f s (%.3f s CPU; %lu lines, %d bad)\n",
	       "read config (one transaction)", t1 - t0, c1 - c0, entries * 4, bad);
	t0 = now();
	route_map_apply(route_map_lookup_by_name("RM0"), NULL, &r);
	printf("%-44s %8.3f ms (tag %lu, expect 1)\n",
	       "apply RM0 (walks every entry) to metric 3", (now() - t0) * 1e3, r.tag);

	v = vty_new_buffer(ENABLE_NODE);
	t0 = now();
	vty_write_config_blocks(v);
	printf("%-44s %8.3f s (%zu bytes)\n", "show running-config (from the tree)",
	       now() - t0, strlen(vty_buffer_text(v)));
	vty_buffer_clear(v);
	t0 = now();
	json = nb_print(true);
	printf("%-44s %8.3f s (%zu bytes)\n", "show running-config json", now() - t0,
	       json ? strlen(json) : 0);
	free(json);

	v->node = CONFIG_NODE;
	interactive(v, "enter an existing entry", CONFIG_NODE,
		    "route-map RM1 permit %lu", 5, 5);
	interactive(v, "change a clause of an entry", RMAP_NODE, "set tag %lu", 2, 1);
	interactive(v, "append entries to a big map", CONFIG_NODE,
		    "route-map RM2 permit %lu", per_map * 5 + 1, 1);
	interactive(v, "delete entries of a big map", CONFIG_NODE,
		    "no route-map RM3 permit %lu", 5, 5);
	vty_free_buffer(v);
	nb_terminate();
	return 0;
}
