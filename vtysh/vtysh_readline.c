/*
 * The interactive shell: GNU readline for line editing, the history in
 * ~/.history_quagga, `?` for help and TAB for completion over every daemon
 * in the shell's node, and the pager from VTYSH_PAGER.
 *
 * `?` and TAB ask each daemon in the node (queries "help" and "complete")
 * and merge the answers: one entry per token, sorted, "<cr>" last, laid
 * out as the daemons' own vty does. Readline calls back without a context
 * argument, so the shell being served is kept in one file-static pointer.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "command.h"
#include "vty.h"
#include "vtysh.h"

static struct vtysh *rl_vs;	/* the shell readline's callbacks serve */
static char *history_file;

struct cand {
	char *text;
	char *help;
	bool literal;
};

struct cands {
	struct cand *v;
	int n, cap;
	bool ambiguous;
};

static void cands_add(struct cands *cs, const char *text, const char *help,
		      bool literal)
{
	for (int i = 0; i < cs->n; i++)
		if (!strcmp(cs->v[i].text, text))
			return;
	if (cs->n == cs->cap) {
		cs->cap = cs->cap ? cs->cap * 2 : 16;
		cs->v = XREALLOC(VTYSH, cs->v, sizeof(*cs->v) * (size_t)cs->cap);
	}
	cs->v[cs->n].text = XSTRDUP(VTYSH, text);
	cs->v[cs->n].help = XSTRDUP(VTYSH, help);
	cs->v[cs->n].literal = literal;
	cs->n++;
}

static void cands_free(struct cands *cs)
{
	for (int i = 0; i < cs->n; i++) {
		XFREE(VTYSH, cs->v[i].text);
		XFREE(VTYSH, cs->v[i].help);
	}
	XFREE(VTYSH, cs->v);
	cs->n = cs->cap = 0;
}

static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	bool xcr = !strcmp(x->text, "<cr>"), ycr = !strcmp(y->text, "<cr>");

	if (xcr != ycr)
		return xcr ? 1 : -1;
	return strcmp(x->text, y->text);
}

static void local_cand(const char *text, const char *help, bool literal, void *arg)
{
	cands_add(arg, text, help, literal);
}

/* Candidates of `line` from every daemon in the shell's node, and from the
 * shell's own commands (after the daemons', whose text wins). */
static void gather(struct vtysh *vs, const char *line, struct cands *cs)
{
	struct vbuf q = { 0 }, ans = { 0 };
	char head[32];

	memset(cs, 0, sizeof(*cs));
	vtysh_connect_all(vs);
	snprintf(head, sizeof(head), "%chelp %d ", VTY_QUERY_BYTE, vs->node);
	vbuf_addstr(&q, head);
	vbuf_addstr(&q, line);
	for (int i = 0; i < VTYSH_NDAEMONS; i++) {
		struct vtysh_client *c = &vs->client[i];
		char *save = NULL;
		int st;

		if (!vtysh_client_in_node(vs, c))
			continue;
		st = vtysh_client_capture(c, q.p, &ans);
		if (st == CMD_ERR_AMBIGUOUS)
			cs->ambiguous = true;
		if (st != CMD_SUCCESS)
			continue;
		for (char *l = strtok_r(ans.p, "\n", &save); l;
		     l = strtok_r(NULL, "\n", &save)) {
			char *t1 = strchr(l, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;

			if (!t2)
				continue;
			*t1 = *t2 = '\0';
			cands_add(cs, t1 + 1, t2 + 1, l[0] == 'l');
		}
	}
	vtysh_local_help(vs, line, local_cand, cs);
	if (cs->n)
		qsort(cs->v, (size_t)cs->n, sizeof(*cs->v), cand_cmp);
	vbuf_free(&q);
	vbuf_free(&ans);
}

static const char *shown(const char *text)
{
	return text[0] == '.' ? text + 1 : text;
}

/* `?`: list what may come next, then give the line back unchanged. */
static int vtysh_rl_describe(int count, int key)
{
	struct cands cs;
	int width = 0;

	(void)count;
	(void)key;
	gather(rl_vs, rl_line_buffer, &cs);
	printf("\n");
	if (!cs.n) {
		printf(cs.ambiguous ? "%% Ambiguous command.\n"
				    : "%% There is no matched command.\n");
	}
	for (int i = 0; i < cs.n; i++)
		if ((int)strlen(shown(cs.v[i].text)) > width)
			width = (int)strlen(shown(cs.v[i].text));
	for (int i = 0; i < cs.n; i++) {
		if (!strcmp(cs.v[i].text, "<cr>") && !cs.v[i].help[0])
			printf("  <cr>\n");
		else
			printf("  %-*s  %s\n", width, shown(cs.v[i].text), cs.v[i].help);
	}
	cands_free(&cs);
	rl_on_new_line();
	return 0;
}

/* TAB: keyword candidates for the word at the cursor. */
static char **vtysh_rl_complete(const char *text, int start, int end)
{
	struct cands cs;
	char *line = strndup(rl_line_buffer, (size_t)end);
	const char **kw;
	char **m = NULL;
	int n = 0;
	size_t lcp;

	(void)start;
	rl_attempted_completion_over = 1;
	if (!line)
		return NULL;
	gather(rl_vs, line, &cs);
	free(line);
	kw = calloc((size_t)cs.n + 1, sizeof(*kw));
	for (int i = 0; kw && i < cs.n; i++)
		if (cs.v[i].literal && !strncmp(cs.v[i].text, text, strlen(text)))
			kw[n++] = cs.v[i].text;
	if (n)
		m = calloc((size_t)n + 2, sizeof(*m));
	if (m) {
		lcp = strlen(kw[0]);
		for (int i = 1; i < n; i++) {
			size_t k = 0;

			while (k < lcp && kw[i][k] == kw[0][k])
				k++;
			lcp = k;
		}
		m[0] = n == 1 ? strdup(kw[0]) : strndup(kw[0], lcp);
		for (int i = 0; n > 1 && i < n; i++)
			m[i + 1] = strdup(kw[i]);
	}
	free(kw);
	cands_free(&cs);
	return m;
}

static void on_sigint(int sig)
{
	(void)sig;
	rl_replace_line("", 0);
	rl_crlf();
	rl_on_new_line();
	rl_redisplay();
}

/*
 * Ctrl-Z ends configuration, as in Quagga's vtysh. The tty turns it into
 * SIGTSTP; the handler only notes it and readline's signal event hook runs
 * "end" from normal context and redraws the prompt.
 */
static volatile sig_atomic_t ctrl_z_pending;

static void on_sigtstp(int sig)
{
	(void)sig;
	ctrl_z_pending = 1;
}

static int on_signal_event(void)
{
	if (!ctrl_z_pending)
		return 0;
	ctrl_z_pending = 0;
	rl_replace_line("", 0);
	rl_crlf();
	vtysh_execute(rl_vs, "end", false);
	rl_set_prompt(vtysh_prompt(rl_vs));
	rl_on_new_line();
	rl_redisplay();
	return 0;
}

static void history_open(void)
{
	const char *home = getenv("HOME");

	if (!home)
		return;
	history_file = malloc(strlen(home) + sizeof("/.history_quagga"));
	if (!history_file)
		return;
	sprintf(history_file, "%s/.history_quagga", home);
	read_history(history_file);
}

static void run_with_pager(struct vtysh *vs, const char *line)
{
	FILE *pager = NULL;

	if (vs->pager && *vs->pager && !vs->pager_off)
		pager = popen(vs->pager, "w");
	vs->out = pager ? pager : stdout;
	vtysh_execute(vs, line, false);
	if (pager)
		pclose(pager);
	vs->out = stdout;
}

int vtysh_readline_loop(struct vtysh *vs)
{
	rl_vs = vs;
	rl_readline_name = "vtysh";
	rl_attempted_completion_function = vtysh_rl_complete;
	rl_bind_key('?', vtysh_rl_describe);
	history_open();
	signal(SIGINT, on_sigint);
	signal(SIGTSTP, on_sigtstp);
	rl_signal_event_hook = on_signal_event;
	signal(SIGPIPE, SIG_IGN);
	while (!vs->quit) {
		char *line = readline(vtysh_prompt(vs));

		if (!line) {
			printf("\n");
			break;
		}
		if (*line) {
			add_history(line);
			if (history_file)
				write_history(history_file);
		}
		run_with_pager(vs, line);
		free(line);
	}
	free(history_file);
	history_file = NULL;
	return 0;
}
