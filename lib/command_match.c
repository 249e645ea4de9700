/*
 * Matching a line against a node's compiled paths (facts.md "Matching
 * algorithm"): word by word, each surviving path gets a match class for its
 * slot at that word, and only the paths at the best class found survive.
 * Two different literals matched by a prefix, or two different ranges
 * containing the number, make the line ambiguous.
 *
 * The candidates for the first word come from the node's first-word index
 * (a sorted array of first literals, searched by prefix), so the cost of a
 * line does not grow with the number of commands installed in the node.
 */
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "command_private.h"
#include "memory.h"

DEFINE_MTYPE_STATIC(CMD_MATCH, "Command match scratch");

void cmd_free_mem(void *p)
{
	tp_free(&MTYPE_CMD_MATCH, p);
}

/* 2 complete, 1 could still become one, 0 cannot */
static int ipv4_state(const char *w, size_t len)
{
	int dots = 0, digits = 0;
	unsigned val = 0;

	for (size_t i = 0; i < len; i++) {
		char c = w[i];

		if (isdigit((unsigned char)c)) {
			if (++digits > 3)
				return 0;
			val = val * 10 + (unsigned)(c - '0');
			if (val > 255)
				return 0;
		} else if (c == '.') {
			if (!digits || ++dots > 3)
				return 0;
			digits = 0;
			val = 0;
		} else {
			return 0;
		}
	}
	return dots == 3 && digits ? 2 : 1;
}

static int mask_state(const char *m, unsigned max)
{
	unsigned v = 0;

	if (!*m)
		return 1;
	for (int i = 0; m[i]; i++) {
		if (!isdigit((unsigned char)m[i]) || i >= 3)
			return 0;
		v = v * 10 + (unsigned)(m[i] - '0');
	}
	return v <= max ? 2 : 0;
}

static int ipv4_prefix_state(const char *w)
{
	const char *slash = strchr(w, '/');
	int a;

	if (!slash)
		return ipv4_state(w, strlen(w)) ? 1 : 0;
	a = ipv4_state(w, (size_t)(slash - w));
	if (a != 2)
		return 0;
	return mask_state(slash + 1, 32);
}

static bool ipv6_chars(const char *w, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isxdigit((unsigned char)w[i]) && !strchr(":.%", w[i]))
			return false;
	return true;
}

static int ipv6_state(const char *w, size_t len)
{
	char buf[INET6_ADDRSTRLEN + 8];
	struct in6_addr a;

	if (!ipv6_chars(w, len) || len >= sizeof(buf))
		return 0;
	memcpy(buf, w, len);
	buf[len] = '\0';
	if (inet_pton(AF_INET6, buf, &a) == 1)
		return 2;
	/* without a colon only a short hex group can still grow into one */
	if (!memchr(w, ':', len) && (memchr(w, '.', len) || len > 4))
		return 0;
	return 1;
}

static int ipv6_prefix_state(const char *w)
{
	const char *slash = strchr(w, '/');

	if (!slash)
		return ipv6_state(w, strlen(w)) ? 1 : 0;
	if (ipv6_state(w, (size_t)(slash - w)) != 2)
		return 0;
	return mask_state(slash + 1, 128);
}

static bool range_ok(const struct cmd_tok *t, const char *w)
{
	unsigned long v;
	char *end;

	if (t->signed_offset) {
		if (w[0] != '+' && w[0] != '-')
			return false;
		w++;
	}
	if (!isdigit((unsigned char)w[0]))
		return false;
	errno = 0;
	v = strtoul(w, &end, 10);
	if (*end || errno)
		return false;
	return v >= t->min && v <= t->max;
}

enum match_class cmd_tok_match(const struct cmd_tok *tok, const char *word,
			       enum match_mode mode)
{
	bool empty = !*word;
	int st;

	if (empty)	/* the word being typed, before any character */
		return mode == MM_HELP ? MC_PARTLY : MC_NONE;
	switch (tok->type) {
	case TOK_LITERAL:
		if (!strcmp(tok->text, word))
			return MC_EXACT;
		if (mode != MM_STRICT && !strncmp(tok->text, word, strlen(word)))
			return MC_PARTLY;
		return MC_NONE;
	case TOK_VARIABLE:
		return MC_EXTEND;
	case TOK_VARARG:
		return MC_VARARG;
	case TOK_RANGE:
		return empty || range_ok(tok, word) ? MC_RANGE : MC_NONE;
	case TOK_IPV4:
		st = ipv4_state(word, strlen(word));
		return st == 2 || (st == 1 && mode != MM_STRICT) ? MC_IPV4 : MC_NONE;
	case TOK_IPV4_PREFIX:
		st = ipv4_prefix_state(word);
		return st == 2 || (st == 1 && mode == MM_HELP) ? MC_IPV4_PREFIX
							      : MC_NONE;
	case TOK_IPV6:
		/* Quagga takes only a whole address here, even for `?` */
		return ipv6_state(word, strlen(word)) == 2 ? MC_IPV6 : MC_NONE;
	case TOK_IPV6_PREFIX:
		st = ipv6_prefix_state(word);
		return st == 2 || (st == 1 && mode == MM_HELP) ? MC_IPV6_PREFIX
							      : MC_NONE;
	}
	return MC_NONE;
}

int cmd_words_split(const char *line, struct cmd_words *out)
{
	size_t len = strlen(line);
	char *p;
	int cap = 8;

	memset(out, 0, sizeof(*out));
	out->buf = XMALLOC(CMD_MATCH, len + 1);
	memcpy(out->buf, line, len + 1);
	out->w = XMALLOC(CMD_MATCH, sizeof(char *) * cap);
	p = out->buf;
	for (;;) {
		while (*p && isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		if (out->n + 1 >= cap) {
			cap *= 2;
			out->w = XREALLOC(CMD_MATCH, out->w, sizeof(char *) * cap);
		}
		out->w[out->n++] = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		*p++ = '\0';
	}
	/* a trailing blank means an empty word being typed */
	if (len && isspace((unsigned char)line[len - 1]) && out->n) {
		if (out->n + 1 >= cap)
			out->w = XREALLOC(CMD_MATCH, out->w, sizeof(char *) * (cap + 1));
		out->w[out->n++] = out->buf + len;
	}
	return out->n;
}

void cmd_words_free(struct cmd_words *w)
{
	tp_free(&MTYPE_CMD_MATCH, w->buf);
	tp_free(&MTYPE_CMD_MATCH, w->w);
	memset(w, 0, sizeof(*w));
}

/* Class of path p at word i; *hit gets the best alternative. */
static enum match_class slot_match(const struct cmd_path *p, int i,
				   const char *word, enum match_mode mode,
				   const struct cmd_tok **hit)
{
	const struct cmd_slot *s;
	enum match_class best = MC_NONE;

	*hit = NULL;
	if (i >= p->nslots) {
		s = p->nslots ? &p->slots[p->nslots - 1] : NULL;
		if (!s || s->alt[0]->type != TOK_VARARG)
			return MC_NONE;
		*hit = s->alt[0];
		return (*word || mode == MM_HELP) ? MC_VARARG : MC_NONE;
	}
	s = &p->slots[i];
	for (int a = 0; a < s->nalt; a++) {
		enum match_class c = cmd_tok_match(s->alt[a], word, mode);

		if (c > best) {
			best = c;
			*hit = s->alt[a];
		}
	}
	return best;
}

struct cand_set {
	int n, cap;
	struct cmd_path **p;
};

static void cand_add(struct cand_set *cs, struct cmd_path *p)
{
	if (cs->n == cs->cap) {
		cs->cap = cs->cap ? cs->cap * 2 : 32;
		cs->p = XREALLOC(CMD_MATCH, cs->p, sizeof(*cs->p) * cs->cap);
	}
	cs->p[cs->n++] = p;
}

static int first_cmp(const void *a, const void *b)
{
	return strcmp(((const struct cmd_first *)a)->word,
		      ((const struct cmd_first *)b)->word);
}

/* Range [*lo, *hi) of entries of a sorted array matching word. */
static void first_range(struct cmd_first *arr, int n, bool *sorted,
			const char *word, bool prefix, int *plo, int *phi)
{
	size_t len = strlen(word);
	int lo = 0, hi = n;

	if (!*sorted && n > 1) {
		qsort(arr, (size_t)n, sizeof(*arr), first_cmp);
		*sorted = true;
	}
	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (strcmp(arr[mid].word, word) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*plo = lo;
	for (hi = lo; hi < n; hi++)
		if (prefix ? strncmp(arr[hi].word, word, len) != 0
			   : strcmp(arr[hi].word, word) != 0)
			break;
	*phi = hi;
}

static void add_all(struct cand_set *cs, struct cmd_first *f)
{
	for (int k = 0; k < f->npaths; k++)
		cand_add(cs, f->paths[k]);
}

/* Paths whose first two words could match the line's. */
static void gather(struct cmd_node_rec *nr, const struct cmd_words *w,
		   bool prefix, struct cand_set *cs)
{
	const char *w0 = w->n ? w->w[0] : "";
	int lo, hi;

	first_range(nr->first, nr->nfirst, &nr->sorted, w0, prefix, &lo, &hi);
	for (int i = lo; i < hi; i++) {
		struct cmd_first *f = &nr->first[i];
		int slo, shi;

		add_all(cs, f);
		if (w->n < 2) {
			for (int j = 0; j < f->nsub; j++)
				add_all(cs, &f->sub[j]);
			continue;
		}
		first_range(f->sub, f->nsub, &f->subsorted, w->w[1], prefix,
			    &slo, &shi);
		for (int j = slo; j < shi; j++)
			add_all(cs, &f->sub[j]);
	}
	for (int i = 0; i < nr->nother; i++)
		cand_add(cs, nr->other[i]);
}

/*
 * Filter cs by word i at its best class. Returns CMD_SUCCESS,
 * CMD_ERR_NO_MATCH or CMD_ERR_AMBIGUOUS.
 */
static int filter_word(struct cand_set *cs, int i, const char *word,
		       enum match_mode mode, bool check_ambiguity)
{
	enum match_class best = MC_NONE;
	enum match_class *cls;
	const struct cmd_tok **hits;
	int kept = 0, ret = CMD_SUCCESS;

	if (!cs->n)
		return CMD_ERR_NO_MATCH;
	cls = XMALLOC(CMD_MATCH, sizeof(*cls) * cs->n);
	hits = XMALLOC(CMD_MATCH, sizeof(*hits) * cs->n);
	for (int k = 0; k < cs->n; k++) {
		cls[k] = slot_match(cs->p[k], i, word, mode, &hits[k]);
		if (cls[k] > best)
			best = cls[k];
	}
	if (best == MC_NONE) {
		cs->n = 0;
		ret = CMD_ERR_NO_MATCH;
		goto out;
	}
	for (int k = 0; k < cs->n; k++) {
		if (cls[k] != best)
			continue;
		hits[kept] = hits[k];
		cs->p[kept++] = cs->p[k];
	}
	cs->n = kept;
	if (!check_ambiguity || (best != MC_PARTLY && best != MC_RANGE))
		goto out;
	for (int k = 0; k < kept; k++) {
		const struct cmd_path *p = cs->p[k];
		const struct cmd_slot *s;

		if (i >= p->nslots)
			continue;
		s = &p->slots[i];
		/* every alternative of every survivor at this class counts */
		for (int a = 0; a < s->nalt; a++) {
			const struct cmd_tok *t = s->alt[a];

			if (cmd_tok_match(t, word, mode) != best)
				continue;
			if (best == MC_PARTLY && strcmp(t->text, hits[0]->text))
				ret = CMD_ERR_AMBIGUOUS;
			if (best == MC_RANGE && (t->min != hits[0]->min ||
						 t->max != hits[0]->max))
				ret = CMD_ERR_AMBIGUOUS;
		}
	}
out:
	tp_free(&MTYPE_CMD_MATCH, cls);
	tp_free(&MTYPE_CMD_MATCH, hits);
	return ret;
}

static bool path_complete(const struct cmd_path *p, int nwords)
{
	if (p->nslots == nwords)
		return true;
	return p->nslots && p->nslots < nwords &&
	       p->slots[p->nslots - 1].alt[0]->type == TOK_VARARG;
}

struct cmd_match_result cmd_match_line(struct cmd_node_rec *nr,
				       const struct cmd_words *w, bool strict)
{
	struct cmd_match_result r = { .status = CMD_ERR_NO_MATCH };
	enum match_mode mode = strict ? MM_STRICT : MM_RELAXED;
	struct cand_set cs = { 0 };
	struct cmd_path *best = NULL;
	int n = w->n, ncomplete = 0;
	bool same_func = true;

	if (n && !*w->w[n - 1])
		n--;	/* trailing blank */
	if (!n) {
		r.status = CMD_ERR_NOTHING_TODO;
		return r;
	}
	gather(nr, w, !strict, &cs);
	for (int i = 0; i < n; i++) {
		int ret = filter_word(&cs, i, w->w[i], mode, true);

		if (ret != CMD_SUCCESS) {
			r.status = ret;
			goto out;
		}
	}
	for (int k = 0; k < cs.n; k++) {
		struct cmd_path *p = cs.p[k];

		if (!path_complete(p, n))
			continue;
		if (best && best->cmd->func != p->cmd->func)
			same_func = false;
		if (!best || p->order < best->order)
			best = p;
		ncomplete++;
	}
	if (!ncomplete)
		r.status = cs.n ? CMD_ERR_INCOMPLETE : CMD_ERR_NO_MATCH;
	else if (ncomplete > 1 && !same_func)
		r.status = CMD_ERR_AMBIGUOUS;
	else {
		r.status = CMD_SUCCESS;
		r.path = best;
	}
out:
	tp_free(&MTYPE_CMD_MATCH, cs.p);
	return r;
}

int cmd_build_argv(const struct cmd_path *p, const struct cmd_words *w,
		   const char **argv)
{
	int n = w->n, argc = p->argc;

	if (n && !*w->w[n - 1])
		n--;
	for (int i = 0; i <= CMD_ARGC_MAX; i++)
		argv[i] = NULL;
	for (int i = 0; i < p->nslots && i < n; i++) {
		const struct cmd_slot *s = &p->slots[i];
		const struct cmd_tok *hit = NULL;
		enum match_class best = MC_NONE;

		if (s->argi < 0)
			continue;
		if (s->alt[0]->type == TOK_VARARG) {
			int extra = n - i;

			if (s->argi + extra > CMD_ARGC_MAX)
				return -1;
			for (int k = 0; k < extra; k++)
				argv[s->argi + k] = w->w[i + k];
			argc = s->argi + extra;
			break;
		}
		/* a literal alternative passes its full text, as typed words
		 * may be abbreviations */
		for (int a = 0; a < s->nalt; a++) {
			enum match_class c = cmd_tok_match(s->alt[a], w->w[i], MM_RELAXED);

			if (c > best) {
				best = c;
				hit = s->alt[a];
			}
		}
		if (hit && hit->type == TOK_LITERAL)
			argv[s->argi] = hit->text;
		else
			argv[s->argi] = w->w[i];
	}
	return argc;
}

static int keep_matching(struct cand_set *cs, int i, const char *word)
{
	const struct cmd_tok *hit;
	int kept = 0;

	for (int k = 0; k < cs->n; k++)
		if (slot_match(cs->p[k], i, word, MM_HELP, &hit) != MC_NONE)
			cs->p[kept++] = cs->p[k];
	cs->n = kept;
	return kept ? CMD_SUCCESS : CMD_ERR_NO_MATCH;
}

/* Quagga sorts `?` entries by the token text as written (".LINE" too). */
static int item_cmp(const void *a, const void *b)
{
	const struct cmd_help_entry *x = a, *y = b;

	return strcmp(x->text, y->text);
}

int cmd_help_items(struct cmd_node_rec *nr, const struct cmd_words *w,
		   struct cmd_help_entry **items)
{
	struct cand_set cs = { 0 };
	struct cmd_help_entry *v = NULL;
	int n = w->n, nv = 0, cap = 0, ret;
	const char *last;
	bool cr = false;

	*items = NULL;
	if (!n) {
		/* empty line: every first token */
		gather(nr, w, true, &cs);
		last = "";
		n = 1;
	} else {
		last = w->w[n - 1];
		gather(nr, w, true, &cs);
		for (int i = 0; i < n - 1; i++) {
			ret = filter_word(&cs, i, w->w[i], MM_RELAXED, true);
			if (ret != CMD_SUCCESS)
				goto fail;
		}
	}
	if (!*last)
		for (int k = 0; k < cs.n; k++)
			if (path_complete(cs.p[k], n - 1))
				cr = true;
	/* the word being typed: every path it could still match counts, not
	 * only those at the best class ("1.2" lists A.B.C.D and WORD) */
	ret = keep_matching(&cs, n - 1, last);
	if (ret != CMD_SUCCESS && !cr)
		goto fail;
	for (int k = 0; k < cs.n; k++) {
		const struct cmd_path *p = cs.p[k];
		const struct cmd_slot *s;
		const struct cmd_tok *vt;

		/* hidden and deprecated commands still show here, as in
		 * Quagga: only `list` leaves them out */
		if (n - 1 >= p->nslots) {
			if (slot_match(p, n - 1, last, MM_HELP, &vt) == MC_NONE)
				continue;
			s = &p->slots[p->nslots - 1];
		} else {
			s = &p->slots[n - 1];
		}
		for (int a = 0; a < s->nalt; a++) {
			const struct cmd_tok *t = s->alt[a];
			bool dup = false;

			if (cmd_tok_match(t, last, MM_HELP) == MC_NONE)
				continue;
			for (int j = 0; j < nv && !dup; j++)
				dup = !strcmp(v[j].text, t->text);
			if (dup)
				continue;
			if (nv == cap) {
				cap = cap ? cap * 2 : 16;
				v = XREALLOC(CMD_MATCH, v, sizeof(*v) * (cap + 1));
			}
			v[nv].text = t->text;
			v[nv].literal = t->type == TOK_LITERAL;
			v[nv++].help = t->help;
		}
	}
	if (nv > 1)
		qsort(v, (size_t)nv, sizeof(*v), item_cmp);
	if (cr) {
		v = XREALLOC(CMD_MATCH, v, sizeof(*v) * (nv + 1));
		v[nv].text = "<cr>";
		v[nv].literal = false;
		v[nv++].help = "";
	}
	tp_free(&MTYPE_CMD_MATCH, cs.p);
	*items = v;
	return nv;
fail:
	tp_free(&MTYPE_CMD_MATCH, cs.p);
	tp_free(&MTYPE_CMD_MATCH, v);
	return -ret;
}
