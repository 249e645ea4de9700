/*
 * Start-up with a big config, in-process: 100,000 `ip prefix-list` lines
 * (10 lists of 10,000 entries) read by vty_read_config() with strict
 * matching into a node that also holds 1,500 other commands, then
 * `show running-config` of the result. Prints seconds.
 *
 *   bench_cli_match [LINES]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "command.h"
#include "vty.h"

static unsigned long count;
static char **saved;

static int pl_add(const struct cmd_element *self, struct vty *vty, int argc,
		  const char *argv[])
{
	char buf[160];

	snprintf(buf, sizeof(buf), "ip prefix-list %s seq %s %s %s le %s", argv[0],
		 argv[1], argv[2], argv[3], argv[4]);
	saved[count++] = strdup(buf);
	return CMD_SUCCESS;
}

static int nop(const struct cmd_element *self, struct vty *vty, int argc,
	       const char *argv[])
{
	return CMD_SUCCESS;
}

static struct cmd_element pl_cmd = {
	.string = "ip prefix-list WORD seq <1-4294967295> (deny|permit) A.B.C.D/M le <0-32>",
	.func = pl_add,
};

static int pl_write(struct vty *vty)
{
	for (unsigned long i = 0; i < count; i++)
		vty_out(vty, "%s\n", saved[i]);
	return count > 0;
}

static struct cmd_node prefix_node = { PREFIX_NODE, "", pl_write };

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	unsigned long lines = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
	char path[] = "/tmp/bench_cli.XXXXXX";
	static char strs[1500][64];
	struct vty *v;
	double t0, t1, t2;
	FILE *f;
	int fd, bad;

	saved = calloc(lines + 1, sizeof(*saved));
	cmd_init();
	install_node(&prefix_node);
	/* bgpd-sized node: 1,500 more commands sharing first words */
	for (int i = 0; i < 1500; i++) {
		struct cmd_element *c = calloc(1, sizeof(*c));
		static const char *const first[] = { "ip", "neighbor", "no", "bgp", "show" };

		snprintf(strs[i], sizeof(strs[i]), "%s word%d (a|b) A.B.C.D [WORD]",
			 first[i % 5], i);
		c->string = strs[i];
		c->func = nop;
		install_element(CONFIG_NODE, c);
	}
	install_element(CONFIG_NODE, &pl_cmd);

	fd = mkstemp(path);
	f = fdopen(fd, "w");
	for (unsigned long i = 0; i < lines; i++)
		fprintf(f, "ip prefix-list PL%lu seq %lu permit %lu.%lu.%lu.0/24 le 32\n",
			i % 10, i / 10 + 1, (i >> 16) & 255, (i >> 8) & 255, i & 255);
	fclose(f);

	t0 = now();
	bad = vty_read_config(path);
	t1 = now();
	v = vty_new_buffer(ENABLE_NODE);
	cmd_execute(v, "show running-config", false);
	t2 = now();
	printf("config lines:           %lu (bad %d, applied %lu)\n", lines, bad, count);
	printf("read config:            %.3f s (%.2f us/line)\n", t1 - t0,
	       (t1 - t0) * 1e6 / (double)lines);
	printf("show running-config:    %.3f s (%zu bytes)\n", t2 - t1,
	       strlen(vty_buffer_text(v)));
	vty_free_buffer(v);
	unlink(path);
	return bad ? 1 : 0;
}
