/*
 * Compiling a Quagga command string (facts.md "Command-string grammar")
 * into linear paths, once, at install time.
 *
 *   show ip route A.B.C.D/M       plain tokens, one slot each
 *   (a|b|A.B.C.D)                 one slot, several alternatives, pushed
 *   (8|)                          as (8): Quagga's matcher still wants a
 *                                 word there ("password zebra" is matched
 *                                 by "password LINE", not by this)
 *   [WORD] [key] [A.B.C.D]        Quagga's option: one token, shown with
 *                                 its brackets, that takes ANY word (as a
 *                                 variable, whatever is inside) and may be
 *                                 left out only at the end of the line;
 *                                 an absent one is not counted in argc.
 *                                 "[ WORD ]" is three tokens, as Quagga
 *                                 reads it: "[" (an option), WORD, "]".
 *   {kw1 ARG|kw2|kw3 (x|y)}       one path per ordered subset of keywords;
 *                                 a keyword with arguments pushes them,
 *                                 one without pushes itself; absent ones
 *                                 push NULLs, in the order of definition
 *   .LINE                         vararg, last slot, one arg per word
 *
 * Help strings are taken one line per atom, in textual order (an empty
 * alternative consumes a line too, as in Quagga).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "command_private.h"
#include "log.h"
#include "memory.h"

DEFINE_MTYPE_STATIC(CMD_TOKEN, "Command token");
DEFINE_MTYPE_STATIC(CMD_PATH, "Command path");

#define MAX_PATHS_PER_CMD 4096

enum elem_kind { E_TOK, E_ALT, E_OPT, E_KWSET };

struct kwgroup;

struct elem {
	enum elem_kind kind;
	int ntok;
	struct cmd_tok *tok[32];	/* E_TOK/E_OPT: tok[0]; E_ALT: all */
	bool has_empty;			/* E_ALT: (x|) */
	int argi;			/* E_TOK non-literal, E_ALT, E_OPT */
	int ngroups;			/* E_KWSET */
	struct kwgroup *groups;
};

struct kwgroup {
	struct cmd_tok *kw;
	int argi;			/* when nsub == 0 */
	int nsub;
	struct elem sub[8];
};

struct parse_state {
	struct cmd_compiled *cc;
	const char *doc;		/* help cursor */
	int nargs;
	bool error;
};

static char *next_help(struct parse_state *ps)
{
	const char *s = ps->doc, *e;
	char *h;

	if (!s || !*s)
		return XSTRDUP(CMD_TOKEN, "");
	e = strchr(s, '\n');
	if (!e)
		e = s + strlen(s);
	h = XMALLOC(CMD_TOKEN, (size_t)(e - s) + 1);
	memcpy(h, s, (size_t)(e - s));
	h[e - s] = '\0';
	ps->doc = *e ? e + 1 : e;
	return h;
}

static bool parse_range(const char *t, unsigned long *min, unsigned long *max)
{
	char *end;

	if (t[0] != '<' || !isdigit((unsigned char)t[1]))
		return false;
	*min = strtoul(t + 1, &end, 10);
	if (*end != '-' || !isdigit((unsigned char)end[1]))
		return false;
	*max = strtoul(end + 1, &end, 10);
	return end[0] == '>' && end[1] == '\0';
}

static struct cmd_tok *new_tok(struct parse_state *ps, const char *s, size_t len)
{
	struct cmd_compiled *cc = ps->cc;
	struct cmd_tok *t = XCALLOC(CMD_TOKEN, sizeof(*t));

	t->text = XMALLOC(CMD_TOKEN, len + 1);
	memcpy(t->text, s, len);
	t->text[len] = '\0';
	t->help = next_help(ps);

	if (t->text[0] == '.')
		t->type = TOK_VARARG;
	else if (!strcmp(t->text, "<+/-metric>")) {
		/* Quagga's one signed range: an adjustment such as +5 or -2 */
		t->type = TOK_RANGE;
		t->signed_offset = true;
		t->min = 0;
		t->max = 4294967295UL;
	} else if (parse_range(t->text, &t->min, &t->max))
		t->type = TOK_RANGE;
	else if (!strcmp(t->text, "A.B.C.D"))
		t->type = TOK_IPV4;
	else if (!strcmp(t->text, "A.B.C.D/M"))
		t->type = TOK_IPV4_PREFIX;
	else if (!strcmp(t->text, "X:X::X:X"))
		t->type = TOK_IPV6;
	else if (!strcmp(t->text, "X:X::X:X/M"))
		t->type = TOK_IPV6_PREFIX;
	else if (isupper((unsigned char)t->text[0]))
		t->type = TOK_VARIABLE;
	else
		t->type = TOK_LITERAL;

	cc->toks = XREALLOC(CMD_PATH, cc->toks, sizeof(*cc->toks) * (cc->ntoks + 1));
	cc->toks[cc->ntoks++] = t;
	return t;
}

/* Length of one top-level element starting at s (brackets balanced). */
static size_t elem_len(const char *s)
{
	int depth = 0;
	size_t i;

	for (i = 0; s[i]; i++) {
		if (s[i] == '(' || s[i] == '{')
			depth++;
		else if (s[i] == ')' || s[i] == '}')
			depth--;
		else if (isspace((unsigned char)s[i]) && depth <= 0)
			break;
	}
	return i;
}

/* "(a|b|)" body between the parens; blanks around the alternatives are
 * allowed ("( a|b)", "(a | b|c)"), as Quagga's parser allows them. */
static void parse_alt(struct parse_state *ps, struct elem *e, const char *s,
		      size_t len)
{
	size_t i = 0, start = 0;

	e->kind = E_ALT;
	for (i = 0; i <= len; i++) {
		size_t b, end;

		if (i < len && s[i] != '|')
			continue;
		b = start;
		end = i;
		while (b < end && isspace((unsigned char)s[b]))
			b++;
		while (end > b && isspace((unsigned char)s[end - 1]))
			end--;
		if (b == end) {
			char *h = next_help(ps);

			e->has_empty = true;
			tp_free(&MTYPE_CMD_TOKEN, h);
		} else if (e->ntok < (int)(sizeof(e->tok) / sizeof(e->tok[0]))) {
			e->tok[e->ntok++] = new_tok(ps, s + b, end - b);
		} else {
			ps->error = true;
		}
		start = i + 1;
	}
}

static void parse_simple(struct parse_state *ps, struct elem *e, const char *s,
			 size_t len)
{
	if (len >= 2 && s[0] == '(' && s[len - 1] == ')') {
		parse_alt(ps, e, s + 1, len - 2);
		return;
	}
	e->kind = E_TOK;
	e->ntok = 1;
	e->tok[0] = new_tok(ps, s, len);
}

static void parse_kwset(struct parse_state *ps, struct elem *e, const char *s,
			size_t len)
{
	size_t i = 0;

	e->kind = E_KWSET;
	while (i < len) {
		struct kwgroup *g;
		size_t gend = i;
		int depth = 0;

		while (gend < len && (s[gend] != '|' || depth > 0)) {
			if (s[gend] == '(')
				depth++;
			else if (s[gend] == ')')
				depth--;
			gend++;
		}
		e->groups = XREALLOC(CMD_PATH, e->groups,
				     sizeof(*e->groups) * (e->ngroups + 1));
		g = &e->groups[e->ngroups++];
		memset(g, 0, sizeof(*g));
		/* words of the group */
		while (i < gend) {
			size_t wl;

			while (i < gend && isspace((unsigned char)s[i]))
				i++;
			if (i >= gend)
				break;
			wl = elem_len(s + i);
			if (i + wl > gend)
				wl = gend - i;
			if (!g->kw) {
				g->kw = new_tok(ps, s + i, wl);
			} else if (g->nsub < 8) {
				parse_simple(ps, &g->sub[g->nsub++], s + i, wl);
			} else {
				ps->error = true;
			}
			i += wl;
		}
		if (!g->kw)
			ps->error = true;
		i = gend + 1;
	}
}

static int parse_elems(struct parse_state *ps, const char *str, struct elem **out)
{
	struct elem *v = NULL;
	int n = 0;
	const char *s = str;

	while (*s) {
		size_t len;
		struct elem *e;

		while (isspace((unsigned char)*s))
			s++;
		if (!*s)
			break;
		len = elem_len(s);
		v = XREALLOC(CMD_PATH, v, sizeof(*v) * (n + 1));
		e = &v[n++];
		memset(e, 0, sizeof(*e));
		if (s[0] == '[') {
			e->kind = E_OPT;
			e->ntok = 1;
			e->tok[0] = new_tok(ps, s, len);
			e->tok[0]->type = TOK_VARIABLE;
		} else if (s[0] == '{' && s[len - 1] == '}') {
			parse_kwset(ps, e, s + 1, len - 2);
		} else {
			parse_simple(ps, e, s, len);
		}
		s += len;
	}
	*out = v;
	return n;
}

static void assign_args(struct parse_state *ps, struct elem *v, int n)
{
	for (int i = 0; i < n; i++) {
		struct elem *e = &v[i];

		switch (e->kind) {
		case E_TOK:
			e->argi = e->tok[0]->type == TOK_LITERAL ? -1 : ps->nargs++;
			break;
		case E_ALT:
		case E_OPT:
			e->argi = ps->nargs++;
			break;
		case E_KWSET:
			for (int g = 0; g < e->ngroups; g++) {
				struct kwgroup *kg = &e->groups[g];

				if (kg->nsub == 0)
					kg->argi = ps->nargs++;
				else
					assign_args(ps, kg->sub, kg->nsub);
			}
			break;
		}
	}
}

/* Path generation: depth-first over the elements. */
struct gen {
	struct parse_state *ps;
	struct cmd_element *cmd;
	struct elem *v;
	int n;
	struct cmd_slot slots[64];
	int nslots;
	bool absent[64];	/* per top-level element: optional left out */
	unsigned *order;
};

static void push_slot(struct gen *g, struct cmd_tok **alt, int nalt, int argi)
{
	if (g->nslots >= 64) {
		g->ps->error = true;
		return;
	}
	g->slots[g->nslots].alt = alt;
	g->slots[g->nslots].nalt = nalt;
	g->slots[g->nslots].argi = argi;
	g->nslots++;
}

static void emit_path(struct gen *g)
{
	struct cmd_compiled *cc = g->ps->cc;
	struct cmd_path *p;
	int argc = g->ps->nargs;

	if (cc->npaths >= MAX_PATHS_PER_CMD) {
		g->ps->error = true;
		return;
	}
	/* absent optionals at the end of the line are not counted */
	for (int i = g->n - 1; i >= 0; i--) {
		if (g->v[i].kind != E_OPT || !g->absent[i])
			break;
		argc = g->v[i].argi;
	}
	cc->paths = XREALLOC(CMD_PATH, cc->paths, sizeof(*cc->paths) * (cc->npaths + 1));
	p = &cc->paths[cc->npaths++];
	p->cmd = g->cmd;
	p->nslots = g->nslots;
	p->slots = XMALLOC(CMD_PATH, sizeof(*p->slots) * (g->nslots ? g->nslots : 1));
	memcpy(p->slots, g->slots, sizeof(*p->slots) * g->nslots);
	/* the alternatives live in the parse elements: copy them */
	for (int i = 0; i < g->nslots; i++) {
		size_t sz = sizeof(struct cmd_tok *) * g->slots[i].nalt;

		p->slots[i].alt = XMALLOC(CMD_PATH, sz);
		memcpy(p->slots[i].alt, g->slots[i].alt, sz);
	}
	p->argc = argc;
	p->order = (*g->order)++;
}

static void gen_from(struct gen *g, int i);

/* An option may be left out only when no words are left (Quagga), that
 * is when everything after it may be left out too. */
static bool only_options_after(const struct gen *g, int i)
{
	for (int k = i + 1; k < g->n; k++)
		if (g->v[k].kind != E_OPT)
			return false;
	return true;
}

static void gen_sub(struct gen *g, struct kwgroup *kg)
{
	push_slot(g, &kg->kw, 1, kg->nsub ? -1 : kg->argi);
	for (int s = 0; s < kg->nsub; s++) {
		struct elem *e = &kg->sub[s];

		push_slot(g, e->tok, e->ntok, e->kind == E_TOK &&
			  e->tok[0]->type == TOK_LITERAL ? -1 : e->argi);
	}
}

static void gen_kwset(struct gen *g, int i, unsigned used)
{
	struct elem *e = &g->v[i];
	int saved = g->nslots;

	for (int k = 0; k < e->ngroups && k < 16; k++) {
		if (used & (1u << k))
			continue;
		gen_sub(g, &e->groups[k]);
		gen_kwset(g, i, used | (1u << k));
		g->nslots = saved;
	}
	gen_from(g, i + 1);
}

static void gen_from(struct gen *g, int i)
{
	struct elem *e;
	int saved = g->nslots;

	if (g->ps->error)
		return;
	if (i == g->n) {
		emit_path(g);
		return;
	}
	e = &g->v[i];
	switch (e->kind) {
	case E_TOK:
		push_slot(g, e->tok, 1, e->argi);
		gen_from(g, i + 1);
		break;
	case E_ALT:
		if (e->ntok) {
			push_slot(g, e->tok, e->ntok, e->argi);
			gen_from(g, i + 1);
			g->nslots = saved;
		}
		/* Quagga's (x|) still wants a word there, one that matches x:
		 * "pat b" with "pat b (a|)" is incomplete (testcli.refout) */
		if (!e->ntok)
			gen_from(g, i + 1);
		break;
	case E_OPT:
		push_slot(g, e->tok, 1, e->argi);
		g->absent[i] = false;
		gen_from(g, i + 1);
		g->nslots = saved;
		if (!only_options_after(g, i))
			break;
		g->absent[i] = true;
		gen_from(g, i + 1);
		g->absent[i] = false;
		break;
	case E_KWSET:
		gen_kwset(g, i, 0);
		break;
	}
	g->nslots = saved;
}

static void free_elems(struct elem *v, int n)
{
	for (int i = 0; i < n; i++)
		if (v[i].kind == E_KWSET)
			tp_free(&MTYPE_CMD_PATH, v[i].groups);
	tp_free(&MTYPE_CMD_PATH, v);
}

struct cmd_compiled *cmd_compile(struct cmd_element *cmd, unsigned *order)
{
	struct parse_state ps = { 0 };
	struct gen g = { 0 };
	struct elem *v = NULL;
	int n;

	ps.cc = XCALLOC(CMD_PATH, sizeof(*ps.cc));
	ps.doc = cmd->doc;
	n = parse_elems(&ps, cmd->string, &v);
	if (n > 64)
		ps.error = true;
	assign_args(&ps, v, n);
	if (ps.nargs > CMD_ARGC_MAX)
		ps.error = true;
	g.ps = &ps;
	g.cmd = cmd;
	g.v = v;
	g.n = n;
	g.order = order;
	if (!ps.error)
		gen_from(&g, 0);
	free_elems(v, n);
	if (ps.error) {
		zlog_err("command \"%s\": cannot compile", cmd->string);
		cmd_compiled_free(ps.cc);
		return NULL;
	}
	/* vararg must be the last slot of a path */
	for (int p = 0; p < ps.cc->npaths; p++) {
		struct cmd_path *cp = &ps.cc->paths[p];

		for (int s = 0; s + 1 < cp->nslots; s++)
			if (cp->slots[s].alt[0]->type == TOK_VARARG) {
				zlog_err("command \"%s\": vararg not last", cmd->string);
				cmd_compiled_free(ps.cc);
				return NULL;
			}
	}
	return ps.cc;
}

void cmd_compiled_free(struct cmd_compiled *cc)
{
	if (!cc)
		return;
	for (int i = 0; i < cc->npaths; i++) {
		for (int s = 0; s < cc->paths[i].nslots; s++)
			tp_free(&MTYPE_CMD_PATH, cc->paths[i].slots[s].alt);
		tp_free(&MTYPE_CMD_PATH, cc->paths[i].slots);
	}
	tp_free(&MTYPE_CMD_PATH, cc->paths);
	for (int i = 0; i < cc->ntoks; i++) {
		tp_free(&MTYPE_CMD_TOKEN, cc->toks[i]->text);
		tp_free(&MTYPE_CMD_TOKEN, cc->toks[i]->help);
		tp_free(&MTYPE_CMD_TOKEN, cc->toks[i]);
	}
	tp_free(&MTYPE_CMD_PATH, cc->toks);
	tp_free(&MTYPE_CMD_PATH, cc);
}
