/*
 * What the operator sees of the matcher: `?` help in Quagga's layout, TAB
 * completion of keywords, and the error lines of a failed command.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "command_private.h"
#include "log.h"
#include "vty.h"

static const char *shown(const char *text)
{
	return text[0] == '.' ? text + 1 : text;
}

/*
 * One `?` entry: "  TOKEN  help", the token padded to the widest. When the
 * terminal width is known and the help does not fit, Quagga folds it at
 * blanks, the token shown on the first line only.
 */
static void describe_one(struct vty *vty, int width, long room, const char *tok,
			 const char *help)
{
	char buf[1024];

	while (room > 0 && (long)strlen(help) > room) {
		long pos = room;

		while (pos > 0 && help[pos] != ' ')
			pos--;
		if (pos == 0 || pos >= (long)sizeof(buf))
			break;
		memcpy(buf, help, (size_t)pos);
		buf[pos] = '\0';
		vty_out(vty, "  %-*s  %s\n", width, tok, buf);
		tok = "";
		help += pos + 1;
	}
	vty_out(vty, "  %-*s  %s\n", width, tok, help);
}

void cmd_describe(struct vty *vty, const char *line)
{
	struct cmd_help_list l;
	int ret = cmd_help(vty, vty->node, line, &l);
	int cols = cmd_vty_width(vty);
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
	/* "<cr>" comes last and, like every entry, is padded */
	for (int i = 0; i < l.n; i++)
		describe_one(vty, (int)width, cols ? cols - (long)width - 6 : 0,
			     shown(l.items[i].text), l.items[i].help);
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
	if (*typed && lcp > strlen(typed)) {
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
