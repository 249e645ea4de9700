/*
 * Dispatch of one line to the daemons (design in vtysh.h).
 *
 * 1. Each connected daemon whose session is in the shell's node is asked
 *    (query "match") whether the line names exactly one command there.
 *    Nothing runs yet, so a daemon never falls back on its own.
 * 2. If some accept, the line runs on each of them in daemon order, their
 *    output is concatenated, and their new node becomes the shell's node.
 * 3. If none accepts and the shell is in a config sub-node, it walks up as
 *    Quagga's vtysh: the parent node is tried (daemons asked about that
 *    node), and when a daemon takes the line there, the daemons are moved
 *    up first (exit-address-family, exit, or end + configure terminal).
 * 4. If nobody takes it: the best error of the daemons ("% Ambiguous
 *    command.", "% Command incomplete.", else "% Unknown command."), or
 *    "% ripd is not running" when the line evidently belongs to a daemon
 *    that is down.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command.h"
#include "vty.h"
#include "vtysh.h"

/* The daemons take lines up to 4 KB; the queries add a short head. */
#define VTYSH_LINE_MAX 4000

bool vtysh_client_in_node(const struct vtysh *vs, const struct vtysh_client *c)
{
	return c->fd >= 0 && c->node == vs->node;
}

static int query_match(struct vtysh_client *c, int node, const char *line,
		       bool strict)
{
	struct vbuf q = { 0 };
	char head[48];
	int st;

	snprintf(head, sizeof(head), "%cmatch %d %d ", VTY_QUERY_BYTE, node,
		 strict ? 1 : 0);
	vbuf_addstr(&q, head);
	vbuf_addstr(&q, line);
	st = vtysh_client_run(c, q.p, NULL, NULL);
	vbuf_free(&q);
	return st;
}

/* Who is asked about `node`: daemons there now, or (for CONFIG, reached
 * by end + configure terminal) every daemon at the config level. */
static bool asked_about(const struct vtysh *vs, const struct vtysh_client *c,
			int node)
{
	if (c->fd < 0)
		return false;
	if (node == CONFIG_NODE && node != vs->node)
		return c->node >= CONFIG_NODE;
	return c->node == vs->node;
}

/* Ask the daemons; st[i] = status, -2 when not asked. Returns the number
 * of daemons that accept. */
static int collect(struct vtysh *vs, int node, const char *line, bool strict,
		   int st[VTYSH_NDAEMONS])
{
	int ok = 0;

	for (int i = 0; i < VTYSH_NDAEMONS; i++) {
		struct vtysh_client *c = &vs->client[i];

		st[i] = -2;
		if (!asked_about(vs, c, node))
			continue;
		st[i] = query_match(c, node, line, strict);
		if (st[i] == CMD_SUCCESS)
			ok++;
	}
	return ok;
}

static void send_to(struct vtysh *vs, const char *cmd, bool (*pick)(
			    const struct vtysh *, const struct vtysh_client *))
{
	for (int i = 0; i < VTYSH_NDAEMONS; i++) {
		struct vtysh_client *c = &vs->client[i];

		if (c->fd < 0 || !pick(vs, c))
			continue;
		if (vtysh_client_run(c, cmd, NULL, NULL) >= 0)
			vtysh_client_sync_node(c);
	}
}

static bool below_config(const struct vtysh *vs, const struct vtysh_client *c)
{
	(void)vs;
	return c->node > CONFIG_NODE;
}

static bool is_af_node(int node)
{
	return node >= BGP_VPNV4_NODE && node <= BGP_ENCAPV6_NODE;
}

/* Move the shell and the daemons up to `target`, an ancestor of the
 * shell's node. */
static void move_up(struct vtysh *vs, int target)
{
	for (int guard = 0; vs->node != target && guard < 8; guard++) {
		if (target == CONFIG_NODE) {
			send_to(vs, "end", below_config);
			for (int i = 0; i < VTYSH_NDAEMONS; i++) {
				struct vtysh_client *c = &vs->client[i];

				/* "end" took them to ENABLE; finish the trip */
				if (c->fd >= 0 && c->node == ENABLE_NODE &&
				    vtysh_client_run(c, "configure terminal",
						     NULL, NULL) >= 0)
					vtysh_client_sync_node(c);
			}
			vs->node = CONFIG_NODE;
			return;
		}
		send_to(vs, is_af_node(vs->node) ? "exit-address-family" : "exit",
			vtysh_client_in_node);
		vs->node = node_parent(vs->node);
	}
}

static void out_sink(const char *buf, size_t n, void *arg)
{
	struct vtysh *vs = arg;

	fwrite(buf, 1, n, vs->out);
}

/* Run on the accepting daemons; the shell follows the first success
 * unless keep_node (a `do` line runs at the exec level and moves nobody). */
static int run_on_mode(struct vtysh *vs, const char *line, const int st[],
		       bool keep_node)
{
	int result = CMD_SUCCESS, newnode = -1;

	for (int i = 0; i < VTYSH_NDAEMONS; i++) {
		struct vtysh_client *c = &vs->client[i];
		int r;

		if (st[i] != CMD_SUCCESS || c->fd < 0)
			continue;
		r = vtysh_client_run(c, line, out_sink, vs);
		if (r < 0) {
			fprintf(vs->out, "%% %s is not running\n", c->name);
			c->warned = true;
			result = CMD_WARNING;
			continue;
		}
		if (vtysh_client_sync_node(c) < 0)
			continue;
		if (r != CMD_SUCCESS && result == CMD_SUCCESS)
			result = r;
		if (r == CMD_SUCCESS && newnode < 0)
			newnode = c->node;
	}
	if (newnode >= 0 && !keep_node)
		vs->node = newnode;
	fflush(vs->out);
	return result;
}

static int run_on(struct vtysh *vs, const char *line, const int st[])
{
	return run_on_mode(vs, line, st, false);
}

static bool is_do_line(const struct vtysh *vs, const char *line)
{
	while (isspace((unsigned char)*line))
		line++;
	return vs->node >= CONFIG_NODE && !strncmp(line, "do", 2) &&
	       isspace((unsigned char)line[2]);
}

/* `do CMD` in a config node: every daemon at the config level may answer,
 * each in its own node, and nobody moves. */
static int run_do(struct vtysh *vs, const char *line, bool strict, int st[])
{
	int ok = 0;

	for (int i = 0; i < VTYSH_NDAEMONS; i++) {
		struct vtysh_client *c = &vs->client[i];

		st[i] = -2;
		if (c->fd < 0 || c->node < CONFIG_NODE)
			continue;
		st[i] = query_match(c, c->node, line, strict);
		ok += st[i] == CMD_SUCCESS;
	}
	return ok ? run_on_mode(vs, line, st, true) : -1;
}

/* The daemon a config node belongs to, or NULL for shared nodes. */
static const char *node_owner(int node)
{
	if (node == RIP_NODE)
		return "ripd";
	if (node == OSPF_NODE)
		return "ospfd";
	if (node >= BGP_NODE && node <= BGP_ENCAPV6_NODE)
		return "bgpd";
	if (node == VRRP_NODE)
		return "vrrpd";
	return NULL;
}

static const struct {
	const char *word;
	const char *daemon;
} word_owner[] = {
	{ "rip", "ripd" }, { "ospf", "ospfd" }, { "bgp", "bgpd" }, { "vrrp", "vrrpd" },
};

static bool say_down(struct vtysh *vs, const char *name)
{
	struct vtysh_client *c = vtysh_client_by_name(vs, name);

	if (!c || !c->wanted || c->fd >= 0)
		return false;
	fprintf(vs->out, "%% %s is not running\n", name);
	return true;
}

bool vtysh_report_down(struct vtysh *vs, const char *line)
{
	char word[64], prev[64] = "";
	const char *p = line;
	bool any = false;

	if (node_owner(vs->node) && say_down(vs, node_owner(vs->node)))
		return true;
	while (*p) {
		size_t n;

		while (isspace((unsigned char)*p))
			p++;
		n = strcspn(p, " \t");
		if (!n)
			break;
		snprintf(word, sizeof(word), "%.*s", (int)n, p);
		for (size_t k = 0; k < sizeof(word_owner) / sizeof(word_owner[0]); k++) {
			const char *kw = word_owner[k].word;
			bool after_router = prev[0] && !strncmp("router", prev, strlen(prev));

			if (!strncmp(word, kw, strlen(kw)) && strncmp(word, "ripng", 5) &&
			    strncmp(word, "ospf6", 5))
				any |= say_down(vs, word_owner[k].daemon);
			else if (after_router && !strncmp(kw, word, strlen(word)))
				any |= say_down(vs, word_owner[k].daemon);
		}
		snprintf(prev, sizeof(prev), "%s", word);
		p += n;
	}
	return any;
}

static int report_failure(struct vtysh *vs, const char *line, const int st[])
{
	bool ambiguous = false, incomplete = false, up = false;

	for (int i = 0; i < VTYSH_NDAEMONS; i++) {
		ambiguous |= st[i] == CMD_ERR_AMBIGUOUS;
		incomplete |= st[i] == CMD_ERR_INCOMPLETE;
		up |= vs->client[i].fd >= 0;
	}
	if (ambiguous) {
		fprintf(vs->out, "%% Ambiguous command.\n");
		return CMD_ERR_AMBIGUOUS;
	}
	if (incomplete) {
		fprintf(vs->out, "%% Command incomplete.\n");
		return CMD_ERR_INCOMPLETE;
	}
	if (vtysh_report_down(vs, line))
		return CMD_ERR_NO_MATCH;
	if (!up)
		fprintf(vs->out, "%% No daemon is running\n");
	else
		fprintf(vs->out, "%% Unknown command.\n");
	return CMD_ERR_NO_MATCH;
}

static bool is_blank_or_comment(const char *line)
{
	while (isspace((unsigned char)*line))
		line++;
	return !*line || *line == '!' || *line == '#';
}

int vtysh_send_in_node(struct vtysh *vs, const char *line)
{
	int st[VTYSH_NDAEMONS];

	for (int i = 0; i < VTYSH_NDAEMONS; i++)
		st[i] = vtysh_client_in_node(vs, &vs->client[i]) ? CMD_SUCCESS : -2;
	return run_on(vs, line, st);
}

int vtysh_execute(struct vtysh *vs, const char *line, bool strict)
{
	int st[VTYSH_NDAEMONS], first[VTYSH_NDAEMONS];
	int node, r;

	if (is_blank_or_comment(line))
		return CMD_SUCCESS;
	if (strlen(line) >= VTYSH_LINE_MAX) {
		fprintf(vs->out, "%% Line too long\n");
		return CMD_WARNING;
	}
	vtysh_connect_all(vs);
	r = vtysh_local(vs, line);
	if (r >= 0) {
		fflush(vs->out);
		return r;
	}
	if (is_do_line(vs, line)) {
		r = run_do(vs, line, strict, first);
		if (r >= 0)
			return r;
		r = report_failure(vs, line, first);
		fflush(vs->out);
		return r;
	}
	node = vs->node;
	if (collect(vs, node, line, strict, first))
		return run_on(vs, line, first);
	/* walk up, as far as CONFIG */
	while (node > CONFIG_NODE) {
		node = node_parent(node);
		if (collect(vs, node, line, strict, st)) {
			move_up(vs, node);
			/* ask again: the daemons are now really there */
			if (collect(vs, vs->node, line, strict, st))
				return run_on(vs, line, st);
			break;
		}
	}
	r = report_failure(vs, line, first);
	fflush(vs->out);
	return r;
}

const char *vtysh_prompt(struct vtysh *vs)
{
	static char buf[256];
	char host[128];
	const char *fmt = NULL, *pct;

	for (int i = 0; i < VTYSH_NDAEMONS && !fmt; i++)
		if (vtysh_client_in_node(vs, &vs->client[i]) &&
		    vs->client[i].prompt[0])
			fmt = vs->client[i].prompt;
	if (!fmt)
		fmt = node_prompt(vs->node);
	if (vs->hostname)
		snprintf(host, sizeof(host), "%s", vs->hostname);
	else if (gethostname(host, sizeof(host) - 1) < 0)
		snprintf(host, sizeof(host), "localhost");
	host[sizeof(host) - 1] = '\0';
	/* the format comes from a daemon: substitute %s by hand, no printf */
	pct = strstr(fmt, "%s");
	if (pct)
		snprintf(buf, sizeof(buf), "%.*s%s%s", (int)(pct - fmt), fmt, host,
			 pct + 2);
	else
		snprintf(buf, sizeof(buf), "%s", fmt);
	return buf;
}
