/*
 * Queries on the vtysh socket: Tarpan's additive extension of Quagga's
 * Unix vty protocol, used only by Tarpan's vtysh so that it needs no copy
 * of the daemons' command tables.
 *
 * A query is a request line whose first byte is VTY_QUERY_BYTE (0x01, a
 * byte Quagga's vtysh never sends); the rest is "VERB [ARGS]". The answer
 * uses the normal framing (output, then 0 0 0 status). Verbs:
 *
 *   node                 "<node number>\t<prompt format>\n" of the session
 *   match N S LINE       no output; status is what executing LINE in node N
 *                        would find (0 = exactly one complete command), S = 1
 *                        for strict (config file) matching, 0 relaxed;
 *                        nothing runs and the session's node is unchanged
 *   help N LINE          the `?` candidates of LINE in node N, one per line
 *                        as "l|v <TAB> token <TAB> help" (l = keyword)
 *   complete N LINE      the keyword candidates for TAB, one per line
 *
 * N is a node number (enum node_type). LINE is everything after the single
 * blank that follows the last argument, so a trailing blank is kept (it
 * matters for `?`). A `do` prefix is honoured as cmd_execute() does.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "command_private.h"
#include "vty.h"

static bool node_is_exec(enum node_type node)
{
	return node == AUTH_NODE || node == VIEW_NODE || node == AUTH_ENABLE_NODE ||
	       node == ENABLE_NODE || node == RESTRICTED_NODE;
}

/* Parse "N rest" (N decimal, then one blank); NULL on bad input. */
static const char *parse_node(const char *args, enum node_type *node)
{
	char *end;
	unsigned long n = strtoul(args, &end, 10);

	if (end == args || n >= NODE_TYPE_MAX)
		return NULL;
	if (*end == ' ')
		end++;
	else if (*end)
		return NULL;
	*node = (enum node_type)n;
	return end;
}

static int query_match(const char *args)
{
	struct cmd_words w;
	struct cmd_match_result r;
	enum node_type node;
	const char *line = parse_node(args, &node);
	bool strict;

	if (!line || (line[0] != '0' && line[0] != '1') ||
	    (line[1] != ' ' && line[1] != '\0'))
		return CMD_ERR_NO_MATCH;
	strict = line[0] == '1';
	line += line[1] ? 2 : 1;
	cmd_words_split(line, &w);
	if (w.n && !*w.w[w.n - 1])
		w.n--;
	if (!w.n) {
		cmd_words_free(&w);
		return CMD_ERR_NO_MATCH;
	}
	if (!node_is_exec(node) && w.n > 1 && !strcmp(w.w[0], "do")) {
		struct cmd_words shifted = w;

		shifted.w = w.w + 1;
		shifted.n = w.n - 1;
		r = cmd_match_line(cmd_node_rec(ENABLE_NODE), &shifted, strict);
	} else {
		r = cmd_match_line(cmd_node_rec(node), &w, strict);
	}
	cmd_words_free(&w);
	return r.status;
}

static int query_help(struct vty *vty, const char *args, bool keywords)
{
	struct cmd_help_list l;
	enum node_type node;
	const char *line = parse_node(args, &node);
	int ret;

	if (!line)
		return CMD_ERR_NO_MATCH;
	ret = cmd_help(vty, node, line, &l);
	if (ret != CMD_SUCCESS)
		return ret;
	for (int i = 0; i < l.n; i++) {
		const struct cmd_help_entry *e = &l.items[i];

		if (keywords && e->literal)
			vty_out(vty, "%s\n", e->text);
		else if (!keywords)
			vty_out(vty, "%c\t%s\t%s\n", e->literal ? 'l' : 'v',
				e->text, e->help ? e->help : "");
	}
	cmd_help_free(&l);
	return CMD_SUCCESS;
}

int vty_query(struct vty *vty, const char *req)
{
	size_t vlen = strcspn(req, " ");
	const char *args = req[vlen] ? req + vlen + 1 : req + vlen;

	if (vlen == 4 && !strncmp(req, "node", 4)) {
		vty_out(vty, "%d\t%s\n", (int)vty->node, node_prompt(vty->node));
		return CMD_SUCCESS;
	}
	if (vlen == 5 && !strncmp(req, "match", 5))
		return query_match(args);
	if (vlen == 4 && !strncmp(req, "help", 4))
		return query_help(vty, args, false);
	if (vlen == 8 && !strncmp(req, "complete", 8))
		return query_help(vty, args, true);
	vty_out(vty, "%% Unknown query\n");
	return CMD_ERR_NO_MATCH;
}
