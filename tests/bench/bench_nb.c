/*
 * Northbound benchmark: start-up with a 100,000-line config of real
 * `ip prefix-list` commands (10 lists of 10,000 entries) read by
 * vty_read_config() as one transaction through the YANG tree into the
 * compiled prefix lists; then `show running-config` rendered from the
 * tree, `show running-config json`, and the cost of interactive commands
 * (each a transaction of its own) on top of that configuration.
 *
 *   bench_nb [LINES [load]]     (load: stop after reading the file)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "command.h"
#include "log.h"
#include "northbound.h"
#include "plist.h"
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

/* CPU time too: the figures stay comparable on a busy machine */
static double cpu(void)
{
	return clk(CLOCK_PROCESS_CPUTIME_ID);
}

/* 1,000 commands, each its own transaction; seq = base + 5 * i */
static void interactive(struct vty *v, const char *what, const char *fmt,
			unsigned long base)
{
	double t0, dt, worst = 0, sum = 0;
	char line[128];
	unsigned long i;
	int fails = 0;

	for (i = 0; i < 1000; i++) {
		snprintf(line, sizeof(line), fmt, base + 5 * i, i / 256, i % 256);
		vty_buffer_clear(v);
		t0 = now();
		if (vty_command(v, line) != CMD_SUCCESS)
			fails++;
		dt = now() - t0;
		sum += dt;
		if (dt > worst)
			worst = dt;
	}
	printf("interactive: %-34s %8.1f us mean, %8.1f us max (%d failed)\n", what,
	       sum / 1000 * 1e6, worst * 1e6, fails);
}

int main(int argc, char **argv)
{
	unsigned long lines = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000, i;
	char path[] = "/tmp/bench_nb.XXXXXX", line[128];
	struct vty *v;
	double t0, t1, c0, c1;
	size_t total = 0;
	char *json;
	FILE *f;
	int fd, bad;

	zlog_init("BENCH", "bench_nb");
	zlog_set_level(LOG_DEST_STDOUT, LOG_DISABLED);
	cmd_init();
	prefix_list_init();

	fd = mkstemp(path);
	f = fdopen(fd, "w");
	for (i = 0; i < lines; i++)
		fprintf(f, "ip prefix-list PL%lu seq %lu permit %lu.%lu.%lu.0/24 le 32\n",
			i % 10, (i / 10 + 1) * 5, (i >> 16) & 255, (i >> 8) & 255,
			i & 255);
	fclose(f);

	c0 = cpu();
	t0 = now();
	bad = vty_read_config(path);
	t1 = now();
	c1 = cpu();
	unlink(path);
	for (i = 0; i < 10; i++) {
		snprintf(line, sizeof(line), "PL%lu", i);
		total += prefix_list_count(prefix_list_lookup(AFI_IP, line));
	}
	printf("%-40s %8.3f s (%.3f s CPU; %lu lines, %d bad, %zu entries compiled)\n",
	       "read config (one transaction)", t1 - t0, c1 - c0, lines, bad, total);
	if (argc > 2 && strcmp(argv[2], "load") == 0) {
		nb_terminate();
		return 0;	/* profiling the load alone */
	}

	v = vty_new_buffer(ENABLE_NODE);
	t0 = now();
	vty_write_config_blocks(v);
	printf("%-40s %8.3f s (%zu bytes)\n", "show running-config (from the tree)",
	       now() - t0, strlen(vty_buffer_text(v)));
	vty_buffer_clear(v);
	t0 = now();
	json = nb_print(true);
	printf("%-40s %8.3f s (%zu bytes)\n", "show running-config json", now() - t0,
	       json ? strlen(json) : 0);
	free(json);

	v->node = CONFIG_NODE;
	interactive(v, "new entries in a new list", "ip prefix-list NEW seq %lu permit 1.%lu.%lu.0/24", 5);
	interactive(v, "appended to a 10,000-entry list",
		    "ip prefix-list PL3 seq %lu permit 2.%lu.%lu.0/24", 100000);
	interactive(v, "replacing entries of that list",
		    "ip prefix-list PL3 seq %lu permit 3.%lu.%lu.0/24", 1);
	interactive(v, "deleting entries of that list",
		    "no ip prefix-list PL3 seq %lu permit 3.%lu.%lu.0/24", 1);
	vty_free_buffer(v);
	nb_terminate();
	return 0;
}
