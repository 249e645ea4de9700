/*
 * What the operator sees of the matcher: `?` help in Quagga's layout, TAB
 * completion of keywords, and the error lines of a failed command.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "log.h"
#include "vty.h"

static const char *shown(const char *text)
{
	return text[0] == '.' ? text + 1 : text;
}

void cmd_describe(struct vty *vty, const char *line)
{
	struct cmd_help_list l;
	int ret = cmd_help(vty, vty->node, line, &l);
	size_t width = 0;

	if (ret == CMD_ERR_AMBIGUOUS) {
		vty_out(vty, "%% Ambiguous command.\n");
		return;
	}
	if (ret != CMD_SUCCESS) {
		vty_out(vty, "%% There is no matched command.\n");
		return;
	}
	for (int i = 0; i < l.n; i++)
		if (strlen(shown(l.items[i].text)) > width)
			width = strlen(shown(l.items[i].text));
	for (int i = 0; i < l.n; i++) {
		const struct cmd_help_entry *e = &l.items[i];

		if (!strcmp(e->text, "<cr>") && !*e->help)
			vty_out(vty, "  <cr>\n");
		else
			vty_out(vty, "  %-*s  %s\n", (int)width, shown(e->text), e->help);
	}
	cmd_help_free(&l);
}

static const char *last_word(const char *line)
{
	size_t n = strlen(line);

	while (n && line[n - 1] != ' ' && line[n - 1] != '\t')
		n--;
	return line + n;
}

int cmd_complete(enum node_type node, const char *line, char **word,
		 struct cmd_help_list *list)
{
	struct cmd_help_list l;
	const char *typed = last_word(line);
	size_t lcp = 0;
	int nlit = 0, ret;

	*word = NULL;
	memset(list, 0, sizeof(*list));
	ret = cmd_help(NULL, node, line, &l);
	if (ret != CMD_SUCCESS)
		return ret;
	/* keep only the keywords */
	for (int i = 0; i < l.n; i++)
		if (l.items[i].literal)
			l.items[nlit++] = l.items[i];
	l.n = nlit;
	if (!nlit) {
		cmd_help_free(&l);
		return CMD_ERR_NO_MATCH;
	}
	if (nlit == 1) {
		*word = strdup(l.items[0].text);
		cmd_help_free(&l);
		return *word ? CMD_COMPLETE_FULL_MATCH : CMD_ERR_NO_MATCH;
	}
	lcp = strlen(l.items[0].text);
	for (int i = 1; i < nlit; i++) {
		size_t k = 0;

		while (k < lcp && l.items[i].text[k] == l.items[0].text[k])
			k++;
		lcp = k;
	}
	if (lcp > strlen(typed)) {
		*word = strndup(l.items[0].text, lcp);
		cmd_help_free(&l);
		return *word ? CMD_COMPLETE_MATCH : CMD_ERR_NO_MATCH;
	}
	*list = l;
	return CMD_COMPLETE_LIST_MATCH;
}

void cmd_print_complete_list(struct vty *vty, const struct cmd_help_list *l)
{
	for (int i = 0; i < l->n; i++) {
		if (i && i % 6 == 0)
			vty_out(vty, "\n");
		vty_out(vty, "%-10s ", l->items[i].text);
	}
	vty_out(vty, "\n");
}

void cmd_print_error(struct vty *vty, int status, const char *line)
{
	switch (status) {
	case CMD_ERR_AMBIGUOUS:
		vty_out(vty, "%% Ambiguous command.\n");
		break;
	case CMD_ERR_NO_MATCH:
		vty_out(vty, "%% [%s] Unknown command: %s\n", zlog_protoname(), line);
		break;
	case CMD_ERR_INCOMPLETE:
		vty_out(vty, "%% Command incomplete.\n");
		break;
	case CMD_ERR_EXEED_ARGC_MAX:
		vty_out(vty, "%% Too many arguments.\n");
		break;
	default:
		break;
	}
}
