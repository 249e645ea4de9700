/*
 * The command-node library: the node table, installing commands, and
 * executing a line in a node with Quagga's node rules (facts.md §c):
 * the `do` prefix, the parent-node fallback, strict matching for files.
 *
 * Each node keeps its commands in install order (for `list`) and an index
 * of compiled paths by their first literal (for matching). A command
 * string is compiled once, the first time it is installed anywhere.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command_private.h"
#include "log.h"
#include "memory.h"
#include "vty.h"

DEFINE_MTYPE_STATIC(CMD_NODE, "Command node");

static struct cmd_node_rec nodes[NODE_TYPE_MAX];
static unsigned path_order;
static char *hostname;

/* Prompts of Quagga's nodes, used when a daemon installs a node without
 * one (and for nodes nobody installs, such as AUTH). */
static const char *const default_prompt[NODE_TYPE_MAX] = {
	[AUTH_NODE] = "Password: ",
	[RESTRICTED_NODE] = "%s$ ",
	[VIEW_NODE] = "%s> ",
	[AUTH_ENABLE_NODE] = "Password: ",
	[ENABLE_NODE] = "%s# ",
	[CONFIG_NODE] = "%s(config)# ",
	[KEYCHAIN_NODE] = "%s(config-keychain)# ",
	[KEYCHAIN_KEY_NODE] = "%s(config-keychain-key)# ",
	[INTERFACE_NODE] = "%s(config-if)# ",
	[RIP_NODE] = "%s(config-router)# ",
	[RIPNG_NODE] = "%s(config-router)# ",
	[BGP_NODE] = "%s(config-router)# ",
	[BGP_VPNV4_NODE] = "%s(config-router-af)# ",
	[BGP_VPNV6_NODE] = "%s(config-router-af-vpnv6)# ",
	[BGP_IPV4_NODE] = "%s(config-router-af)# ",
	[BGP_IPV4M_NODE] = "%s(config-router-af)# ",
	[BGP_IPV6_NODE] = "%s(config-router-af)# ",
	[BGP_IPV6M_NODE] = "%s(config-router-af)# ",
	[BGP_ENCAP_NODE] = "%s(config-router-af-encap)# ",
	[BGP_ENCAPV6_NODE] = "%s(config-router-af-encapv6)# ",
	[OSPF_NODE] = "%s(config-router)# ",
	[OSPF6_NODE] = "%s(config-ospf6)# ",
	[RMAP_NODE] = "%s(config-route-map)# ",
	[VTY_NODE] = "%s(config-line)# ",
	[LINK_PARAMS_NODE] = "%s(config-link-params)# ",
	[VRRP_NODE] = "%s(config-vrrp)# ",
};

struct cmd_node_rec *cmd_node_rec(enum node_type node)
{
	if ((unsigned)node >= NODE_TYPE_MAX)
		return NULL;
	return &nodes[node];
}

void install_node(struct cmd_node *node)
{
	if ((unsigned)node->node >= NODE_TYPE_MAX)
		return;
	nodes[node->node].node = node;
}

struct cmd_node *cmd_node_get(enum node_type node)
{
	struct cmd_node_rec *nr = cmd_node_rec(node);

	return nr ? nr->node : NULL;
}

static struct cmd_first *first_find(struct cmd_first **arr, int *n, int *cap,
				     bool *sorted, const char *word)
{
	struct cmd_first *f = NULL;

	if (*sorted) {
		int lo = 0, hi = *n;

		while (lo < hi) {
			int mid = (lo + hi) / 2;
			int c = strcmp((*arr)[mid].word, word);

			if (!c)
				return &(*arr)[mid];
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
	} else {
		for (int i = *n - 1; i >= 0; i--)
			if (!strcmp((*arr)[i].word, word))
				return &(*arr)[i];
	}
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*arr = XREALLOC(CMD_NODE, *arr, sizeof(**arr) * (size_t)*cap);
	}
	f = &(*arr)[(*n)++];
	memset(f, 0, sizeof(*f));
	f->word = (char *)word;
	*sorted = false;
	return f;
}

static void first_add(struct cmd_first *f, struct cmd_path *p)
{
	if (f->npaths == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 4;
		f->paths = XREALLOC(CMD_NODE, f->paths, sizeof(*f->paths) * f->cap);
	}
	f->paths[f->npaths++] = p;
}

static bool single_literal(const struct cmd_slot *s)
{
	return s->nalt == 1 && s->alt[0]->type == TOK_LITERAL;
}

static void index_path(struct cmd_node_rec *nr, struct cmd_path *p)
{
	struct cmd_first *f;

	if (!p->nslots)
		return;
	if (!single_literal(&p->slots[0])) {
		if (nr->nother == nr->capother) {
			nr->capother = nr->capother ? nr->capother * 2 : 8;
			nr->other = XREALLOC(CMD_NODE, nr->other,
					     sizeof(*nr->other) * nr->capother);
		}
		nr->other[nr->nother++] = p;
		return;
	}
	f = first_find(&nr->first, &nr->nfirst, &nr->capfirst, &nr->sorted,
		       p->slots[0].alt[0]->text);
	if (p->nslots > 1 && single_literal(&p->slots[1]))
		f = first_find(&f->sub, &f->nsub, &f->capsub, &f->subsorted,
			       p->slots[1].alt[0]->text);
	first_add(f, p);
}

static int compiled_count;
static struct cmd_element **compiled_list;

void install_element(enum node_type node, struct cmd_element *cmd)
{
	struct cmd_node_rec *nr = cmd_node_rec(node);
	struct cmd_compiled *cc;

	if (!nr || !cmd || !cmd->string)
		return;
	for (int i = 0; i < nr->ncmds; i++)
		if (nr->cmds[i] == cmd)
			goto view;
	if (!cmd->compiled) {
		cmd->compiled = cmd_compile(cmd, &path_order);
		if (!cmd->compiled)
			return;
		compiled_list = XREALLOC(CMD_NODE, compiled_list,
					 sizeof(*compiled_list) * (compiled_count + 1));
		compiled_list[compiled_count++] = cmd;
	}
	cc = cmd->compiled;
	if (nr->ncmds == nr->capcmds) {
		nr->capcmds = nr->capcmds ? nr->capcmds * 2 : 32;
		nr->cmds = XREALLOC(CMD_NODE, nr->cmds, sizeof(*nr->cmds) * nr->capcmds);
	}
	nr->cmds[nr->ncmds++] = cmd;
	for (int i = 0; i < cc->npaths; i++)
		index_path(nr, &cc->paths[i]);
view:
	if (node == VIEW_NODE)
		install_element(ENABLE_NODE, cmd);
}

enum node_type node_parent(enum node_type node)
{
	switch (node) {
	case BGP_VPNV4_NODE:
	case BGP_VPNV6_NODE:
	case BGP_IPV4_NODE:
	case BGP_IPV4M_NODE:
	case BGP_IPV6_NODE:
	case BGP_IPV6M_NODE:
	case BGP_ENCAP_NODE:
	case BGP_ENCAPV6_NODE:
		return BGP_NODE;
	case KEYCHAIN_KEY_NODE:
		return KEYCHAIN_NODE;
	case LINK_PARAMS_NODE:
		return INTERFACE_NODE;
	case AUTH_NODE:
	case RESTRICTED_NODE:
	case VIEW_NODE:
	case AUTH_ENABLE_NODE:
		return node;
	case ENABLE_NODE:
		return VIEW_NODE;
	case CONFIG_NODE:
		return ENABLE_NODE;
	default:
		return CONFIG_NODE;
	}
}

const char *node_prompt(enum node_type node)
{
	struct cmd_node_rec *nr = cmd_node_rec(node);

	if (!nr)
		return "%s> ";
	if (nr->node && nr->node->prompt && *nr->node->prompt)
		return nr->node->prompt;
	return default_prompt[node] ? default_prompt[node] : "%s(config)# ";
}

const char *cmd_hostname_get(void)
{
	static char uts[256];

	if (hostname)
		return hostname;
	if (!uts[0] && gethostname(uts, sizeof(uts) - 1) < 0)
		strcpy(uts, "localhost");
	return uts;
}

void cmd_hostname_set(const char *name)
{
	tp_free(&MTYPE_CMD_NODE, hostname);
	hostname = name ? XSTRDUP(CMD_NODE, name) : NULL;
}

bool cmd_hostname_is_set(void)
{
	return hostname != NULL;
}

/* Nodes where `do` is not needed (or not allowed). */
static bool node_is_exec(enum node_type node)
{
	return node == AUTH_NODE || node == VIEW_NODE || node == AUTH_ENABLE_NODE ||
	       node == ENABLE_NODE || node == RESTRICTED_NODE;
}

static int run_in_node(struct vty *vty, enum node_type node,
		       const struct cmd_words *w, bool strict)
{
	const char *argv[CMD_ARGC_MAX + 1];
	struct cmd_match_result r;
	int argc;

	r = cmd_match_line(cmd_node_rec(node), w, strict);
	if (r.status != CMD_SUCCESS)
		return r.status;
	argc = cmd_build_argv(r.path, w, argv);
	if (argc < 0)
		return CMD_ERR_EXEED_ARGC_MAX;
	return r.path->cmd->func(r.path->cmd, vty, argc, argv);
}

static bool is_comment(const char *line)
{
	while (isspace((unsigned char)*line))
		line++;
	return *line == '!' || *line == '#' || *line == '\0';
}

int cmd_execute(struct vty *vty, const char *line, bool strict)
{
	struct cmd_words w;
	enum node_type onode = vty->node, try;
	int ret, saved;

	if (is_comment(line))
		return CMD_SUCCESS;
	cmd_words_split(line, &w);
	if (w.n && !*w.w[w.n - 1])
		w.n--;		/* execution ignores a trailing blank */
	if (!w.n) {
		cmd_words_free(&w);
		return CMD_SUCCESS;
	}

	if (!node_is_exec(onode) && !strcmp(w.w[0], "do") && w.n > 1) {
		struct cmd_words shifted = w;

		shifted.w = w.w + 1;
		shifted.n = w.n - 1;
		vty->node = ENABLE_NODE;
		ret = run_in_node(vty, ENABLE_NODE, &shifted, false);
		if (vty->node == ENABLE_NODE)
			vty->node = onode;
		cmd_words_free(&w);
		return ret;
	}

	saved = ret = run_in_node(vty, onode, &w, strict);
	try = onode;
	/* parent-node fallback: walk up while nothing matched */
	while (ret != CMD_SUCCESS && ret != CMD_WARNING && try > CONFIG_NODE &&
	       vty->node == onode) {
		try = node_parent(try);
		vty->node = try;
		ret = run_in_node(vty, try, &w, strict);
		if (ret == CMD_SUCCESS || ret == CMD_WARNING) {
			cmd_words_free(&w);
			return ret;
		}
		vty->node = onode;
	}
	cmd_words_free(&w);
	return saved;
}

int cmd_help(struct vty *vty, enum node_type node, const char *line,
	     struct cmd_help_list *out)
{
	struct cmd_words w;
	struct cmd_help_entry *items;
	int n;

	memset(out, 0, sizeof(*out));
	cmd_words_split(line, &w);
	if (!node_is_exec(node) && w.n > 1 && !strcmp(w.w[0], "do")) {
		struct cmd_words shifted = w;

		shifted.w = w.w + 1;
		shifted.n = w.n - 1;
		n = cmd_help_items(cmd_node_rec(ENABLE_NODE), &shifted, &items);
	} else {
		n = cmd_help_items(cmd_node_rec(node), &w, &items);
	}
	(void)vty;
	cmd_words_free(&w);
	if (n < 0)
		return -n;
	out->n = n;
	out->items = items;
	return n ? CMD_SUCCESS : CMD_ERR_NO_MATCH;
}

void cmd_help_free(struct cmd_help_list *l)
{
	cmd_free_mem(l->items);
	l->items = NULL;
	l->n = 0;
}

void cmd_list(struct vty *vty, enum node_type node)
{
	struct cmd_node_rec *nr = cmd_node_rec(node);

	for (int i = 0; nr && i < nr->ncmds; i++)
		if (!(nr->cmds[i]->attr & (CMD_ATTR_HIDDEN | CMD_ATTR_DEPRECATED)))
			vty_out(vty, "  %s\n", nr->cmds[i]->string);
}

void cmd_walk_nodes(void (*fn)(enum node_type node, struct cmd_node *cn,
			       void *arg), void *arg)
{
	for (int i = 0; i < NODE_TYPE_MAX; i++)
		if (nodes[i].node)
			fn((enum node_type)i, nodes[i].node, arg);
}

void cmd_walk_commands(enum node_type node,
		       void (*fn)(const struct cmd_element *cmd, void *arg),
		       void *arg)
{
	struct cmd_node_rec *nr = cmd_node_rec(node);

	for (int i = 0; nr && i < nr->ncmds; i++)
		fn(nr->cmds[i], arg);
}

static bool cmd_inited;

void cmd_init(void)
{
	if (cmd_inited)
		return;
	cmd_inited = true;
	cmd_common_init_nodes();
}

void cmd_terminate(void)
{
	for (int i = 0; i < NODE_TYPE_MAX; i++) {
		struct cmd_node_rec *nr = &nodes[i];

		for (int k = 0; k < nr->nfirst; k++) {
			struct cmd_first *f = &nr->first[k];

			for (int j = 0; j < f->nsub; j++)
				tp_free(&MTYPE_CMD_NODE, f->sub[j].paths);
			tp_free(&MTYPE_CMD_NODE, f->sub);
			tp_free(&MTYPE_CMD_NODE, f->paths);
		}
		tp_free(&MTYPE_CMD_NODE, nr->first);
		tp_free(&MTYPE_CMD_NODE, nr->other);
		tp_free(&MTYPE_CMD_NODE, nr->cmds);
		memset(nr, 0, sizeof(*nr));
	}
	for (int i = 0; i < compiled_count; i++) {
		cmd_compiled_free(compiled_list[i]->compiled);
		compiled_list[i]->compiled = NULL;
	}
	tp_free(&MTYPE_CMD_NODE, compiled_list);
	compiled_list = NULL;
	compiled_count = 0;
	cmd_hostname_set(NULL);
	cmd_common_terminate_nodes();
	cmd_inited = false;
}
