/*
 * The northbound's CLI side: the change queue CLI handlers fill and apply,
 * config files as one transaction (text, or JSON/XML data), rendering the
 * running tree in Quagga syntax through the cli_show callbacks, and
 * `show running-config json|xml`.
 *
 * The queue is process-wide: a handler enqueues and applies before it
 * returns, and the event loop runs one handler at a time.
 */
#include "config.h"

#include <libyang/libyang.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "log.h"
#include "memory.h"
#include "northbound_private.h"
#include "vty.h"

DEFINE_MTYPE_STATIC(NB_QUEUE, "Northbound change queue");

#define NB_QUEUE_MAX 32

struct queued {
	enum nb_op op;
	char *xpath;
	char *value;
};

static struct queued queue[NB_QUEUE_MAX];
static int queue_len;
static bool queue_overflow;

static void queue_clear(void)
{
	int i;

	for (i = 0; i < queue_len; i++) {
		XFREE(NB_QUEUE, queue[i].xpath);
		if (queue[i].value)
			XFREE(NB_QUEUE, queue[i].value);
	}
	queue_len = 0;
	queue_overflow = false;
}

void nb_cli_enqueue_change(struct vty *vty, const char *xpath, enum nb_op op,
			   const char *value)
{
	(void)vty;
	if (queue_len == NB_QUEUE_MAX) {
		queue_overflow = true;
		return;
	}
	queue[queue_len].op = op;
	queue[queue_len].xpath = XSTRDUP(NB_QUEUE, xpath);
	queue[queue_len].value = value ? XSTRDUP(NB_QUEUE, value) : NULL;
	queue_len++;
}

int nb_cli_apply_changes(struct vty *vty)
{
	char err[512];
	bool own = !nb_txn_active();
	int i, ret = 0;

	if (queue_overflow) {
		queue_clear();
		vty_out(vty, "%% Too many changes in one command\n");
		return CMD_WARNING;
	}
	if (own)
		nb_txn_begin();
	nb_edit_mark();
	for (i = 0; i < queue_len && ret == 0; i++)
		ret = nb_edit(queue[i].xpath, queue[i].op, queue[i].value, err,
			      sizeof(err));
	queue_clear();
	if (ret < 0) {
		nb_edit_undo();
		if (own)
			nb_txn_abort();
		vty_out(vty, "%s\n", err);
		return CMD_WARNING;
	}
	nb_edit_mark();
	if (own && nb_txn_commit(err, sizeof(err)) < 0) {
		vty_out(vty, "%s\n", err);
		return CMD_WARNING;
	}
	return CMD_SUCCESS;
}

const char *nb_quote(char *buf, size_t len, const char *s)
{
	char q = strchr(s, '\'') ? '"' : '\'';
	int n;

	if (q == '"' && strchr(s, '"'))
		return NULL;
	n = snprintf(buf, len, "%c%s%c", q, s, q);
	return n < 0 || (size_t)n >= len ? NULL : buf;
}

/* ---- config files ----------------------------------------------------------- */

bool nb_cli_file_begin(void)
{
	if (nb_txn_active())
		return false;
	nb_txn_begin();
	return true;
}

int nb_cli_file_end(bool own, const char *file)
{
	char err[512];

	if (!own)
		return 0;
	if (nb_txn_commit(err, sizeof(err)) < 0) {
		fprintf(stderr, "%s: %s\n", file, err);
		zlog_err("%s: %s", file, err);
		return -1;
	}
	return 0;
}

bool nb_is_data_file(const char *path)
{
	size_t n = strlen(path);

	return (n > 5 && strcmp(path + n - 5, ".json") == 0) ||
	       (n > 4 && strcmp(path + n - 4, ".xml") == 0);
}

int nb_parse_file(const char *path, bool json, struct lyd_node **tree,
		  char *err, size_t errlen)
{
	struct ly_ctx *ctx = nb_context();

	*tree = NULL;
	if (!ctx) {
		snprintf(err, errlen, "%% No YANG context");
		return -1;
	}
	if (lyd_parse_data_path(ctx, path, json ? LYD_JSON : LYD_XML,
				LYD_PARSE_ONLY | LYD_PARSE_STRICT | LYD_PARSE_NO_STATE,
				0, tree) != LY_SUCCESS) {
		const char *where = ly_errpath(ctx);

		snprintf(err, errlen, "%% Can't parse %s: %s%s%s%s", path,
			 ly_errmsg(ctx) ? ly_errmsg(ctx) : "?",
			 where ? " (" : "", where ? where : "", where ? ")" : "");
		*tree = NULL;
		return -1;
	}
	return 0;
}

int nb_cli_load_data_file(const char *path)
{
	size_t n = strlen(path);
	bool json = n > 5 && strcmp(path + n - 5, ".json") == 0;
	struct lyd_node *tree;
	char err[1024];
	bool own;

	if (nb_parse_file(path, json, &tree, err, sizeof(err)) < 0) {
		fprintf(stderr, "%s\n", err);
		zlog_err("%s", err);
		return -1;
	}
	own = nb_cli_file_begin();
	nb_txn_replace(tree);
	if (!own)
		return 0;
	return nb_cli_file_end(true, path);
}

/* ---- rendering ----------------------------------------------------------------- */

static int render(struct vty *vty, const struct lyd_node *n);

static int render_children(struct vty *vty, const struct lyd_node *n)
{
	const struct lyd_node *c, **v;
	size_t cnt = 0, i, j;
	int lines = 0;

	for (c = lyd_child(n); c; c = c->next)
		cnt++;
	if (!cnt)
		return 0;
	v = XMALLOC(NB_QUEUE, cnt * sizeof(*v));
	for (i = 0, c = lyd_child(n); c; c = c->next)
		v[i++] = c;
	/* sort each run of instances of one list by its cli_cmp */
	for (i = 0; i < cnt; i = j) {
		const struct nb_node_cbs *cb = nb_cbs_of(v[i]);

		for (j = i + 1; j < cnt && v[j]->schema == v[i]->schema; j++)
			;
		if (cb && cb->cli_cmp)
			nb_sort_nodes(v + i, j - i, cb->cli_cmp);
	}
	for (i = 0; i < cnt; i++)
		lines += render(vty, v[i]);
	XFREE(NB_QUEUE, v);
	return lines;
}

static int render(struct vty *vty, const struct lyd_node *n)
{
	const struct nb_node_cbs *cb = nb_cbs_of(n);
	int lines = 0;

	if (cb && cb->cli_show) {
		lines = cb->cli_show(vty, n);
		if (cb->show_children)
			lines += render_children(vty, n);
		if (cb->cli_show_end)
			cb->cli_show_end(vty, n);
		return lines;
	}
	return render_children(vty, n);
}

int nb_cli_show(struct vty *vty, const char *xpath)
{
	struct ly_set *set = NULL;
	const struct lyd_node **v;
	const struct nb_node_cbs *cb;
	int lines = 0;
	uint32_t i;

	if (!nb.running || lyd_find_xpath(nb.running, xpath, &set) != LY_SUCCESS)
		return 0;
	if (!set->count) {
		ly_set_free(set, NULL);
		return 0;
	}
	v = (const struct lyd_node **)set->dnodes;
	cb = nb_cbs_of(v[0]);
	if (cb && cb->cli_cmp)
		nb_sort_nodes(v, set->count, cb->cli_cmp);
	for (i = 0; i < set->count; i++)
		lines += render(vty, v[i]);
	ly_set_free(set, NULL);
	return lines;
}

char *nb_print(bool json)
{
	char *out = NULL;

	if (!nb.running)
		return strdup("");
	if (lyd_print_mem(&out, nb.running, json ? LYD_JSON : LYD_XML,
			  LYD_PRINT_WITHSIBLINGS) != LY_SUCCESS)
		return NULL;
	return out ? out : strdup("");
}

DEFUN(show_running_config_format, show_running_config_format_cmd,
      "show running-config (json|xml)",
      SHOW_STR "running configuration\n"
      "The configuration tree as JSON (RFC 7951)\n"
      "The configuration tree as XML\n")
{
	char *text = nb_print(argv[0][0] == 'j');

	if (!text) {
		vty_out(vty, "%% Can't print the configuration\n");
		return CMD_WARNING;
	}
	vty_out(vty, "%s", text);
	if (*text && text[strlen(text) - 1] != '\n')
		vty_out(vty, "\n");
	free(text);
	return CMD_SUCCESS;
}

void nb_cli_init(void)
{
	install_element(ENABLE_NODE, &show_running_config_format_cmd);
}
