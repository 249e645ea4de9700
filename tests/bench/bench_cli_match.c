/*
 * Start-up with a big config, in-process: 100,000 `ip prefix-list` lines
 * (10 lists of 10,000 entries) read by vty_read_config() with strict
 * matching into a node that also holds 1,500 other commands, then
 * `show running-config` of the result. Prints seconds.
 *
 * Then, with a node of real bgpd size (every command string of Quagga's
 * bgpd, commands/effective/bgpd.txt, given as the second argument; a
 * synthetic set of 1,500 otherwise): install time, `list`, interactive
 * matching of one instance of every command, and `?` after common
 * prefixes. Prints microseconds per operation.
 *
 *   bench_cli_match [LINES [BGPD_COMMANDS_FILE]]
 */
#include "config.h"

#include <stdbool.h>
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

/* One line that the command string accepts: each variable token gets a
 * value of its kind, optional parts are left out. */
static void instantiate(const char *cmd, char *out, size_t size)
{
	size_t n = 0;
	const char *p = cmd;

	out[0] = '\0';
	while (*p && n + 40 < size) {
		const char *e;
		char tok[256];
		size_t len;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		if (*p == '[' || *p == '{') {	/* optional: leave out */
			char close = *p == '[' ? ']' : '}';

			e = strchr(p, close);
			p = e ? e + 1 : p + strlen(p);
			continue;
		}
		if (*p == '(') {
			e = strchr(p, ')');
			len = (size_t)(strcspn(p + 1, "|)"));
			snprintf(tok, sizeof(tok), "%.*s", (int)len, p + 1);
			p = e ? e + 1 : p + strlen(p);
		} else {
			len = strcspn(p, " ");
			snprintf(tok, sizeof(tok), "%.*s", (int)len, p);
			p += len;
		}
		if (!strcmp(tok, "A.B.C.D"))
			strcpy(tok, "10.1.2.3");
		else if (!strcmp(tok, "A.B.C.D/M"))
			strcpy(tok, "10.1.0.0/16");
		else if (!strcmp(tok, "X:X::X:X"))
			strcpy(tok, "2001:db8::1");
		else if (!strcmp(tok, "X:X::X:X/M"))
			strcpy(tok, "2001:db8::/32");
		else if (tok[0] == '<')
			snprintf(tok, sizeof(tok), "%lu", strtoul(tok + 1, NULL, 10));
		else if (tok[0] == '.' || (tok[0] >= 'A' && tok[0] <= 'Z'))
			strcpy(tok, "x1");
		n += (size_t)snprintf(out + n, size - n, "%s%s", n ? " " : "", tok);
	}
}

static int bench_big_node(const char *file)
{
	enum { MAXC = 4000 };
	static char *strs[MAXC];
	static struct cmd_element cmds[MAXC];
	char line[1024];
	int n = 0, ok = 0, err[8] = { 0 };
	double t0, t1, t2, t3, t4;
	struct vty *v;
	FILE *f = file ? fopen(file, "r") : NULL;

	if (f) {
		/* "command<TAB>NODE", every node: keep each string once */
		while (n < MAXC && fgets(line, sizeof(line), f)) {
			char *tab = strchr(line, '\t');
			bool dup = false;

			if (tab)
				*tab = '\0';
			for (int i = 0; i < n && !dup; i++)
				dup = !strcmp(strs[i], line);
			if (!dup)
				strs[n++] = strdup(line);
		}
		fclose(f);
	} else {
		for (; n < 1500; n++) {
			snprintf(line, sizeof(line), "show word%d (a|b) A.B.C.D [WORD]", n);
			strs[n] = strdup(line);
		}
	}
	cmd_terminate();
	cmd_init();
	t0 = now();
	for (int i = 0; i < n; i++) {
		cmds[i].string = strs[i];
		cmds[i].func = nop;
		install_element(CONFIG_NODE, &cmds[i]);
	}
	t1 = now();
	v = vty_new_buffer(CONFIG_NODE);
	cmd_list(v, CONFIG_NODE);
	t2 = now();
	printf("\nnode with %d commands (%s)\n", n, file ? file : "synthetic");
	printf("install:                %.3f ms (%.2f us/command)\n", (t1 - t0) * 1e3,
	       (t1 - t0) * 1e6 / n);
	printf("list:                   %.3f ms (%zu bytes)\n", (t2 - t1) * 1e3,
	       strlen(vty_buffer_text(v)));
	vty_buffer_clear(v);
	t2 = now();
	for (int r = 0; r < 10; r++)
		for (int i = 0; i < n; i++) {
			int ret;

			instantiate(strs[i], line, sizeof(line));
			v->node = CONFIG_NODE;
			ret = cmd_execute(v, line, false);
			if (ret >= 0 && ret < 8)
				err[ret]++;
			ok += ret == CMD_SUCCESS;
			vty_buffer_clear(v);
		}
	t3 = now();
	printf("match+run (relaxed):    %.2f us/line over %d lines "
	       "(ok %d, ambiguous %d, incomplete %d, unknown %d)\n",
	       (t3 - t2) * 1e6 / (10.0 * n), 10 * n, ok, err[CMD_ERR_AMBIGUOUS],
	       err[CMD_ERR_INCOMPLETE], err[CMD_ERR_NO_MATCH]);
	{
		static const char *const q[] = { "", "show ", "show ip bgp ", "neighbor ",
						  "no neighbor 10.1.2.3 ", "show ip bgp neighbors " };
		int reps = 200;

		t3 = now();
		for (int r = 0; r < reps; r++)
			for (size_t k = 0; k < sizeof(q) / sizeof(q[0]); k++) {
				cmd_describe(v, q[k]);
				vty_buffer_clear(v);
			}
		t4 = now();
		printf("`?` (6 prefixes):       %.2f us/request\n",
		       (t4 - t3) * 1e6 / (reps * 6.0));
	}
	vty_free_buffer(v);
	return 0;
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
	bench_big_node(argc > 2 ? argv[2] : NULL);
	return bad ? 1 : 0;
}
