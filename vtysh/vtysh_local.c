/*
 * The shell's own commands, the ones Quagga's vtysh implements itself
 * rather than passing to the daemons: leaving (exit, quit, end), the
 * merged configuration (show running-config, write terminal, optionally
 * for one daemon), write memory, show daemons, show memory and show
 * logging per daemon, show version once, terminal length (the pager), and
 * in CONFIG the vtysh.conf commands (service integrated-vtysh-config,
 * username).
 *
 * A small word matcher of its own: keywords may be abbreviated to any
 * unique prefix as in the daemons, (a|b) picks one keyword, <lo-hi> and
 * WORD take a value. A local command is not run when a daemon finds the
 * same line ambiguous, so "sh r" stays ambiguous as in Quagga.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "vty.h"
#include "vtysh.h"

enum where {
	W_EXEC = 1,		/* VIEW and ENABLE */
	W_ENABLE = 2,		/* ENABLE, and every config node (and `do`) */
	W_CONFIG = 4,		/* CONFIG only */
	W_SUB = 8,		/* any config node */
};

typedef int (*local_fn)(struct vtysh *vs, int argc, char **argv);

struct local_cmd {
	const char *str;
	int where;
	local_fn fn;
	const char *help;	/* one "\n"-terminated line per token */
};

#define MAXW 8

/* the full keywords chosen from (a|b) groups of the current match */
static char choice[MAXW][32];

static int l_quit(struct vtysh *vs, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	vs->quit = true;
	return CMD_SUCCESS;
}

static bool any_config(const struct vtysh *vs, const struct vtysh_client *c)
{
	(void)vs;
	return c->node >= CONFIG_NODE;
}

static int l_end(struct vtysh *vs, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	for (int i = 0; i < VTYSH_NDAEMONS; i++) {
		struct vtysh_client *c = &vs->client[i];

		if (c->fd >= 0 && any_config(vs, c) &&
		    vtysh_client_run(c, "end", NULL, NULL) >= 0)
			vtysh_client_sync_node(c);
	}
	vs->node = ENABLE_NODE;
	return CMD_SUCCESS;
}

static int l_exit_config(struct vtysh *vs, int argc, char **argv)
{
	int from = vs->node;

	(void)argc;
	(void)argv;
	if (from == CONFIG_NODE)
		return l_end(vs, 0, NULL);
	for (int i = 0; i < VTYSH_NDAEMONS; i++) {
		struct vtysh_client *c = &vs->client[i];

		if (c->fd >= 0 && c->node == from &&
		    vtysh_client_run(c, "exit", NULL, NULL) >= 0)
			vtysh_client_sync_node(c);
	}
	vs->node = node_parent(from);
	return CMD_SUCCESS;
}

static int l_show_run(struct vtysh *vs, int argc, char **argv)
{
	struct vtysh_client *only = NULL;

	if (argc >= 1) {
		only = vtysh_client_by_name(vs, argv[0]);
		if (!only || only->fd < 0) {
			fprintf(vs->out, "%% %s is not running\n", argv[0]);
			return CMD_WARNING;
		}
	}
	return vtysh_show_running(vs, only);
}

static int l_write(struct vtysh *vs, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return vtysh_write_memory(vs);
}

static int l_daemons(struct vtysh *vs, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	for (int i = 0; i < VTYSH_NDAEMONS; i++)
		if (vs->client[i].fd >= 0)
			fprintf(vs->out, " %s", vs->client[i].name);
	fprintf(vs->out, "\n");
	return CMD_SUCCESS;
}

/* A command every daemon has, run on each with a heading. */
static int per_daemon(struct vtysh *vs, const char *cmd, const char *heading)
{
	int ret = CMD_SUCCESS;

	for (int i = 0; i < VTYSH_NDAEMONS; i++) {
		struct vtysh_client *c = &vs->client[i];
		int r;

		if (c->fd < 0)
			continue;
		fprintf(vs->out, "%s for %s:\n", heading, c->name);
		fflush(vs->out);
		r = vtysh_client_run_exec(c, cmd, vtysh_sink_file, vs->out);
		if (r < 0)
			fprintf(vs->out, "%% %s is not running\n", c->name);
		if (r != CMD_SUCCESS && ret == CMD_SUCCESS)
			ret = r < 0 ? CMD_WARNING : r;
		fprintf(vs->out, "\n");
	}
	return ret;
}

static int l_show_memory(struct vtysh *vs, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return per_daemon(vs, "show memory", "Memory statistics");
}

static int l_show_logging(struct vtysh *vs, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return per_daemon(vs, "show logging", "Logging configuration");
}

static int l_show_version(struct vtysh *vs, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	for (int i = 0; i < VTYSH_NDAEMONS; i++) {
		struct vtysh_client *c = &vs->client[i];

		if (c->fd >= 0)
			return vtysh_client_run_exec(c, "show version", vtysh_sink_file,
						     vs->out) == CMD_SUCCESS ? CMD_SUCCESS
									     : CMD_WARNING;
	}
	return CMD_WARNING;
}

/* `help`: the same text in every daemon, printed once. */
static int l_help(struct vtysh *vs, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	for (int i = 0; i < VTYSH_NDAEMONS; i++)
		if (vtysh_client_in_node(vs, &vs->client[i]))
			return vtysh_client_run(&vs->client[i], "help", vtysh_sink_file,
						vs->out) == CMD_SUCCESS ? CMD_SUCCESS
									: CMD_WARNING;
	return CMD_WARNING;
}

/* `list`: the commands of the node in every daemon, each line once. */
static int l_list(struct vtysh *vs, int argc, char **argv)
{
	struct vbuf all = { 0 }, one = { 0 };

	(void)argc;
	(void)argv;
	vbuf_add(&all, "\n", 1);
	for (int i = 0; i < VTYSH_NDAEMONS; i++) {
		char *save = NULL;

		if (!vtysh_client_in_node(vs, &vs->client[i]) ||
		    vtysh_client_capture(&vs->client[i], "list", &one) != CMD_SUCCESS)
			continue;
		for (char *l = strtok_r(one.p, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
			size_t n = strlen(l);
			char *key = XMALLOC(VTYSH, n + 3);

			snprintf(key, n + 3, "\n%s\n", l);
			if (!strstr(all.p, key))
				vbuf_add(&all, key + 1, n + 1);
			XFREE(VTYSH, key);
		}
	}
	fputs(all.p + 1, vs->out);
	vbuf_free(&all);
	vbuf_free(&one);
	return CMD_SUCCESS;
}

static int l_term_length(struct vtysh *vs, int argc, char **argv)
{
	vs->pager_off = argc >= 1 && atoi(argv[0]) == 0;
	return CMD_SUCCESS;
}

static int l_term_no_length(struct vtysh *vs, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	vs->pager_off = false;
	return CMD_SUCCESS;
}

static int l_integrated(struct vtysh *vs, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	vs->integrated = true;
	return CMD_SUCCESS;
}

static int l_no_integrated(struct vtysh *vs, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	vs->integrated = false;
	return CMD_SUCCESS;
}

static int l_username(struct vtysh *vs, int argc, char **argv)
{
	char line[256];

	if (argc < 1)
		return CMD_WARNING;
	snprintf(line, sizeof(line), "username %s nopassword", argv[0]);
	return vtysh_user_command(vs, line);
}

#define DAEMONS "(zebra|ripd|ospfd|bgpd|vrrpd)"
#define DAEMON_STR "For the zebra daemon\n"
#define WRITE_STR "Write running configuration to memory, network, or terminal\n"

static const struct local_cmd local_cmds[] = {
	{ "exit", W_EXEC, l_quit,
	  "Exit current mode and down to previous mode\n" },
	{ "quit", W_EXEC, l_quit,
	  "Exit current mode and down to previous mode\n" },
	{ "exit", W_SUB, l_exit_config,
	  "Exit current mode and down to previous mode\n" },
	{ "quit", W_SUB, l_exit_config,
	  "Exit current mode and down to previous mode\n" },
	{ "end", W_SUB, l_end,
	  "End current mode and change to enable mode\n" },
	{ "show running-config", W_ENABLE, l_show_run,
	  SHOW_STR "Current operating configuration\n" },
	{ "show running-config " DAEMONS, W_ENABLE, l_show_run,
	  SHOW_STR "Current operating configuration\n" DAEMON_STR },
	{ "write terminal", W_ENABLE, l_show_run,
	  WRITE_STR "Write to terminal\n" },
	{ "write terminal " DAEMONS, W_ENABLE, l_show_run,
	  WRITE_STR "Write to terminal\n" DAEMON_STR },
	{ "write", W_ENABLE, l_write,
	  WRITE_STR },
	{ "write memory", W_ENABLE, l_write,
	  WRITE_STR "Write configuration to the file (same as write file)\n" },
	{ "write file", W_ENABLE, l_write,
	  WRITE_STR "Write to configuration file\n" },
	{ "copy running-config startup-config", W_ENABLE, l_write,
	  "Copy configuration\n" "Copy running config to... \n" "Copy running config to startup config (same as write file)\n" },
	{ "show daemons", W_EXEC, l_daemons,
	  SHOW_STR "Show list of running daemons\n" },
	{ "show memory", W_EXEC, l_show_memory,
	  SHOW_STR "Memory statistics\n" },
	{ "show logging", W_EXEC, l_show_logging,
	  SHOW_STR "Show current logging configuration\n" },
	{ "show version", W_EXEC, l_show_version,
	  SHOW_STR "Displays zebra version\n" },
	{ "help", W_EXEC | W_SUB, l_help,
	  "Description of the interactive help system\n" },
	{ "list", W_EXEC | W_SUB, l_list, "Print command list\n" },
	{ "terminal length <0-512>", W_EXEC, l_term_length,
	  "Set terminal line parameters\n" "Set number of lines on a screen\n" "Number of lines on screen (0 for no pausing)\n" },
	{ "terminal no length", W_EXEC, l_term_no_length,
	  "Set terminal line parameters\n" NO_STR "Set number of lines on a screen\n" },
	{ "service integrated-vtysh-config", W_CONFIG, l_integrated,
	  "Set up miscellaneous service\n" "Write configuration into integrated file\n" },
	{ "no service integrated-vtysh-config", W_CONFIG, l_no_integrated,
	  NO_STR "Set up miscellaneous service\n" "Write configuration into integrated file\n" },
	{ "username WORD nopassword", W_CONFIG, l_username,
	  "User name\n" "User name\n" "No password\n" },
};

static int split(char *s, char **w, int max)
{
	int n = 0;

	while (*s) {
		while (isspace((unsigned char)*s))
			*s++ = '\0';
		if (!*s)
			break;
		if (n == max)
			return -1;
		w[n++] = s;
		while (*s && !isspace((unsigned char)*s))
			s++;
	}
	return n;
}

static bool prefix_of(const char *word, const char *kw, size_t kwlen)
{
	size_t n = strlen(word);

	return n && n <= kwlen && !strncmp(word, kw, n);
}

/* One token of a pattern against one word; pushes the value for non-literal
 * tokens. Returns false on no match. */
static bool tok_match(const char *tok, size_t tlen, char *word, char **args,
		      int *nargs)
{
	if (tok[0] == '(') {
		const char *p = tok + 1, *hit = NULL;
		int hits = 0;

		while (p < tok + tlen - 1) {
			size_t alen = strcspn(p, "|)");

			if (strlen(word) == alen && !strncmp(word, p, alen)) {
				hit = p;
				hits = 1;
				break;
			}
			if (prefix_of(word, p, alen)) {
				hit = p;
				hits++;
			}
			p += alen + 1;
		}
		if (hits != 1)
			return false;
		/* pass the full keyword, as the daemons do */
		snprintf(choice[*nargs], sizeof(choice[0]), "%.*s",
			 (int)strcspn(hit, "|)"), hit);
		args[*nargs] = choice[*nargs];
		(*nargs)++;
		return true;
	}
	if (tok[0] == '<') {
		char *end;
		unsigned long lo = strtoul(tok + 1, &end, 10);
		unsigned long hi = strtoul(end + 1, NULL, 10);
		unsigned long v;

		if (!isdigit((unsigned char)word[0]))
			return false;
		v = strtoul(word, &end, 10);
		if (*end || v < lo || v > hi)
			return false;
		args[(*nargs)++] = word;
		return true;
	}
	if (isupper((unsigned char)tok[0])) {
		args[(*nargs)++] = word;
		return true;
	}
	return prefix_of(word, tok, tlen);
}

static bool pattern_match(const char *pat, int nw, char **w, char **args,
			  int *nargs)
{
	const char *p = pat;
	int i = 0;

	*nargs = 0;
	while (*p) {
		size_t tlen = strcspn(p, " ");

		if (i == nw || !tok_match(p, tlen, w[i], args, nargs))
			return false;
		i++;
		p += tlen;
		while (*p == ' ')
			p++;
	}
	return i == nw;
}

static bool allowed(int where, int node, bool via_do)
{
	bool exec = node == VIEW_NODE || node == ENABLE_NODE || node == RESTRICTED_NODE;
	bool ok = false;

	if (via_do)
		return where & (W_EXEC | W_ENABLE);
	if (where & W_EXEC)
		ok |= exec;
	if (where & W_ENABLE)
		ok |= node >= ENABLE_NODE;
	if (where & W_CONFIG)
		ok |= node == CONFIG_NODE;
	if (where & W_SUB)
		ok |= node >= CONFIG_NODE;
	return ok;
}

static bool daemon_finds_ambiguous(struct vtysh *vs, const char *line)
{
	char head[48];
	struct vbuf q = { 0 };
	bool amb = false;

	snprintf(head, sizeof(head), "%cmatch %d 0 ", VTY_QUERY_BYTE, vs->node);
	vbuf_addstr(&q, head);
	vbuf_addstr(&q, line);
	for (int i = 0; i < VTYSH_NDAEMONS && !amb; i++)
		if (vtysh_client_in_node(vs, &vs->client[i]))
			amb = vtysh_client_run(&vs->client[i], q.p, NULL, NULL) ==
			      CMD_ERR_AMBIGUOUS;
	vbuf_free(&q);
	return amb;
}

int vtysh_local(struct vtysh *vs, const char *line)
{
	char *copy = XSTRDUP(VTYSH, line), *w[MAXW], *args[MAXW];
	char **words = w;
	const struct local_cmd *hit = NULL;
	char *hit_args[MAXW];
	int nw = split(copy, w, MAXW), hits = 0, hit_nargs = 0, ret = -1;
	bool via_do = false;

	if (nw > 1 && vs->node >= CONFIG_NODE && !strcmp(w[0], "do")) {
		via_do = true;
		words++;
		nw--;
	}
	for (size_t k = 0; nw > 0 && k < sizeof(local_cmds) / sizeof(local_cmds[0]); k++) {
		int nargs;

		if (!allowed(local_cmds[k].where, vs->node, via_do) ||
		    !pattern_match(local_cmds[k].str, nw, words, args, &nargs))
			continue;
		if (hit && hit->fn == local_cmds[k].fn)
			continue;	/* same command under two node classes */
		hit = &local_cmds[k];
		hits++;
		hit_nargs = nargs;
		memcpy(hit_args, args, sizeof(args));
	}
	if (hits == 1) {
		if (daemon_finds_ambiguous(vs, line)) {
			fprintf(vs->out, "%% Ambiguous command.\n");
			ret = CMD_ERR_AMBIGUOUS;
		} else {
			int saved = vs->node;

			if (via_do)
				vs->node = ENABLE_NODE;
			ret = hit->fn(vs, hit_nargs, hit_args);
			if (via_do)
				vs->node = saved;
		}
	}
	XFREE(VTYSH, copy);
	return ret;
}

/* The help line of token i of a command. */
static void help_line(const char *help, int i, char *buf, size_t size)
{
	for (; i > 0 && help && *help; i--)
		help = strchr(help, '\n') ? strchr(help, '\n') + 1 : "";
	snprintf(buf, size, "%.*s", help ? (int)strcspn(help, "\n") : 0, help ? help : "");
}

/* Candidates of token `tok` for the word being typed. */
static void token_cands(const char *tok, size_t tlen, const char *typed,
			const char *help, vtysh_cand_fn add, void *arg)
{
	char text[64];

	if (tok[0] == '(') {
		const char *p = tok + 1;

		while (p < tok + tlen - 1) {
			size_t alen = strcspn(p, "|)");

			if (!*typed || prefix_of(typed, p, alen)) {
				snprintf(text, sizeof(text), "%.*s", (int)alen, p);
				add(text, help, true, arg);
			}
			p += alen + 1;
		}
		return;
	}
	snprintf(text, sizeof(text), "%.*s", (int)tlen, tok);
	if (tok[0] == '<' || isupper((unsigned char)tok[0])) {
		if (!*typed || isdigit((unsigned char)typed[0]))
			add(text, help, false, arg);
	} else if (!*typed || prefix_of(typed, tok, tlen)) {
		add(text, help, true, arg);
	}
}

void vtysh_local_help(struct vtysh *vs, const char *line, vtysh_cand_fn add,
		      void *arg)
{
	char *copy = XSTRDUP(VTYSH, line), *w[MAXW + 1], *args[MAXW], **words = w;
	size_t len = strlen(line);
	bool trailing = len && isspace((unsigned char)line[len - 1]);
	int nw = split(copy, w, MAXW), nargs;
	bool via_do = false;

	if (nw < 0)
		goto out;
	if (trailing || !nw)
		w[nw++] = "";		/* the word being typed is empty */
	if (nw > 1 && vs->node >= CONFIG_NODE && !strcmp(w[0], "do")) {
		via_do = true;
		words++;
		nw--;
	}
	for (size_t k = 0; k < sizeof(local_cmds) / sizeof(local_cmds[0]); k++) {
		const struct local_cmd *lc = &local_cmds[k];
		const char *p = lc->str;
		char help[128];
		int i = 0;

		if (!allowed(lc->where, vs->node, via_do))
			continue;
		nargs = 0;
		while (*p && i < nw - 1) {
			size_t tlen = strcspn(p, " ");

			if (!tok_match(p, tlen, words[i], args, &nargs))
				break;
			i++;
			p += tlen;
			while (*p == ' ')
				p++;
		}
		if (i < nw - 1)
			continue;
		if (!*p) {
			if (!*words[nw - 1])
				add("<cr>", "", false, arg);
			continue;
		}
		help_line(lc->help, i, help, sizeof(help));
		token_cands(p, strcspn(p, " "), words[nw - 1], help, add, arg);
	}
out:
	XFREE(VTYSH, copy);
}
