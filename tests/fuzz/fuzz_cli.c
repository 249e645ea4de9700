/*
 * libFuzzer target for the command matcher, `?` help and TAB completion,
 * over a realistic command set: the library's own commands (cmd_init) plus
 * every command string Quagga 1.2.4's zebra, ripd, ospfd and bgpd list in
 * their nodes (fuzz_cli_cmds.h, ~3,800 node/command pairs, installed as
 * no-op commands that check the argv they get).
 *
 * Input: byte 0 picks the node, the rest is lines split at '\n'. Each line
 * is executed in strict (config file) and relaxed (interactive) mode, then
 * asked for help, described as `?` prints it, and completed as TAB does.
 * Besides "no crash, no leak, no over-read", it checks what a user relies
 * on: statuses are CMD_* codes, help entries are complete, a completion
 * extends the word typed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "vty.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static const struct {
	const char *string;
	enum node_type node;
} quagga_cmds[] = {
#include "fuzz_cli_cmds.h"
};

#define NCMDS (sizeof(quagga_cmds) / sizeof(quagga_cmds[0]))

static const enum node_type fuzz_nodes[] = {
	VIEW_NODE, ENABLE_NODE, CONFIG_NODE, INTERFACE_NODE, RIP_NODE,
	OSPF_NODE, BGP_NODE, BGP_IPV4_NODE, BGP_IPV6_NODE, BGP_VPNV4_NODE,
	RMAP_NODE, KEYCHAIN_NODE, KEYCHAIN_KEY_NODE, VTY_NODE,
	LINK_PARAMS_NODE, BGP_ENCAP_NODE,
};

/* One help line per token is more than any of these strings has. */
#define H "help text for this token\n"
#define H8 H H H H H H H H
static const char dummy_doc[] = H8 H8 H8 H8 H8 H8 H8 H8;

static struct cmd_element *elems;
static struct vty *vty;

struct find_arg {
	const char *string;
	bool found;
};

static void find_cmd(const struct cmd_element *cmd, void *arg)
{
	struct find_arg *fa = arg;

	if (!strcmp(cmd->string, fa->string))
		fa->found = true;
}

/* The element for a string, shared by every node that lists it. */
static struct cmd_element *elem_for(size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (!strcmp(quagga_cmds[k].string, quagga_cmds[i].string))
			return &elems[k];
	elems[i].string = quagga_cmds[i].string;
	elems[i].func = fuzz_stub_cmd;
	elems[i].doc = dummy_doc;
	return &elems[i];
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet_logs();
	cmd_init();
	fuzz_defuse_commands();
	elems = calloc(NCMDS, sizeof(*elems));
	for (size_t i = 0; i < NCMDS; i++) {
		struct find_arg fa = { quagga_cmds[i].string, false };

		/* the library's own commands are real: skip their copies */
		cmd_walk_commands(quagga_cmds[i].node, find_cmd, &fa);
		if (fa.found)
			continue;
		install_element(quagga_cmds[i].node, elem_for(i));
	}
	vty = vty_new_buffer(VIEW_NODE);
	return 0;
}

static bool valid_status(int r)
{
	return r >= CMD_SUCCESS && r <= CMD_SUCCESS_DAEMON;
}

static void check_help(enum node_type node, const char *line)
{
	struct cmd_help_list l;
	int r = cmd_help(vty, node, line, &l);

	if (!valid_status(r))
		abort();
	if (r == CMD_SUCCESS && l.n <= 0)
		abort();
	for (int i = 0; i < l.n; i++)
		if (!l.items[i].text || !l.items[i].help || !*l.items[i].text)
			abort();
	cmd_help_free(&l);
}

static void check_complete(enum node_type node, const char *line)
{
	struct cmd_help_list l = { 0 };
	const char *last = line;
	char *word = NULL;
	int r = cmd_complete(node, line, &word, &l);

	/* the word being completed: after the last blank or tab (a terminal
	 * sends no other white space; \v \f \r are not checked here) */
	for (const char *p = line; *p; p++)
		if (*p == ' ' || *p == '\t')
			last = p + 1;
	if (!valid_status(r))
		abort();
	if (word) {
		if (r != CMD_COMPLETE_FULL_MATCH && r != CMD_COMPLETE_MATCH)
			abort();
		/* a completion extends what was typed */
		if (!strpbrk(line, "\v\f\r") && strncmp(word, last, strlen(last)))
			abort();
	} else if (r == CMD_COMPLETE_FULL_MATCH || r == CMD_COMPLETE_MATCH) {
		abort();
	}
	if (r == CMD_COMPLETE_LIST_MATCH) {
		cmd_print_complete_list(vty, &l);
		cmd_help_free(&l);
	}
	free(word);
}

static void one_line(enum node_type node, const char *line)
{
	int strict, relaxed;

	vty->node = node;
	strict = cmd_execute(vty, line, true);
	vty->node = node;
	relaxed = cmd_execute(vty, line, false);
	if (!valid_status(strict) || !valid_status(relaxed))
		abort();
	/* (strict success does not imply relaxed success: "match ip address
	 * prefix-l" is WORD in a file but an incomplete prefix-list typed) */
	cmd_print_error(vty, relaxed, line);
	vty->node = node;
	check_help(node, line);
	cmd_describe(vty, line);
	check_complete(node, line);
	vty_buffer_clear(vty);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum node_type node;
	char *text, *line, *save = NULL;

	if (size < 1)
		return 0;
	node = fuzz_nodes[data[0] % (sizeof(fuzz_nodes) / sizeof(fuzz_nodes[0]))];
	text = malloc(size);
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	/* an embedded NUL ends the text, as it ends a C string line */
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		one_line(node, line);
	free(text);
	return 0;
}
