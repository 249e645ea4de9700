/*
 * Prefix-list commands (Quagga's strings and messages), `show` and
 * `clear ip prefix-list`. The IPv4 and IPv6 command sets are the same
 * shapes, generated once per family by PL_COMMANDS.
 *
 * Config commands are edits of the northbound tree (plist_nb.c compiles
 * them into plist.c's structures and renders the config blocks): a handler
 * checks the line against the tree the edit goes to (duplicates, the next
 * automatic sequence number, through the list's value index) and enqueues
 * the edits.
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "log.h"
#include "plist_nb.h"
#include "plist_private.h"
#include "vty.h"

/* ---- text ---------------------------------------------------------------- */

static void print_body(struct vty *vty, const struct prefix_list_entry *e)
{
	char buf[INET6_ADDRSTRLEN];

	vty_out(vty, "%s ", plist_type_str(e->type));
	if (e->any) {
		vty_out(vty, "any");
		return;
	}
	vty_out(vty, "%s/%u",
		inet_ntop(e->prefix.family, e->prefix.u.bytes, buf, sizeof(buf)),
		e->prefix.prefixlen);
	if (e->ge)
		vty_out(vty, " ge %u", e->ge);
	if (e->le)
		vty_out(vty, " le %u", e->le);
}

static const char *v6(int afi)
{
	return afi == AFI_IP ? "" : "v6";
}

static void show_list(struct vty *vty, const struct plist_master *m,
		      const struct prefix_list *pl, enum plist_display d,
		      uint32_t seq)
{
	const struct prefix_list_entry *e;
	/* lookups that reached the current entry: see plist_private.h */
	uint64_t reached = pl->misses + pl->hit_total;

	vty_out(vty, "%s: ", zlog_protoname());
	if (d == PLIST_NORMAL) {
		vty_out(vty, "ip%s prefix-list %s: %zu entries\n", v6(pl->afi),
			pl->name, pl->count);
		if (pl->desc)
			vty_out(vty, "   Description: %s\n", pl->desc);
	} else if (d == PLIST_SUMMARY || d == PLIST_DETAIL) {
		vty_out(vty, "ip%s prefix-list %s:\n", v6(pl->afi), pl->name);
		if (pl->desc)
			vty_out(vty, "   Description: %s\n", pl->desc);
		vty_out(vty, "   count: %zu, range entries: %zu, sequences: %u - %u\n",
			pl->count, pl->rangecount,
			plist_first(pl) ? plist_first(pl)->seq : 0,
			pl->tail ? pl->tail->seq : 0);
	}
	if (d == PLIST_SUMMARY)
		return;
	for (e = plist_first(pl); e; e = plist_next(e)) {
		uint64_t refcnt = reached - e->ref_base;

		reached -= e->hits + e->ghost;
		if (d == PLIST_SEQUENTIAL && e->seq != seq)
			continue;
		vty_out(vty, "   ");
		if (m->seqnum)
			vty_out(vty, "seq %u ", e->seq);
		print_body(vty, e);
		if (d == PLIST_DETAIL || d == PLIST_SEQUENTIAL)
			vty_out(vty, " (hit count: %" PRIu64 ", refcount: %" PRIu64 ")",
				e->hits - e->hits_cleared, refcnt);
		vty_out(vty, "\n");
	}
}

int prefix_list_show(struct vty *vty, int afi, const char *name,
		     const char *seq, enum plist_display d)
{
	struct plist_master *m = plist_master_get(afi);
	uint32_t seqnum = seq ? (uint32_t)strtoul(seq, NULL, 10) : 0;
	size_t i;

	if (!m)
		return CMD_WARNING;
	if (name) {
		const struct prefix_list *pl = prefix_list_lookup(afi, name);

		if (!pl) {
			vty_out(vty, "%% Can't find specified prefix-list\n");
			return CMD_WARNING;
		}
		show_list(vty, m, pl, d, seqnum);
		return CMD_SUCCESS;
	}
	if ((d == PLIST_DETAIL || d == PLIST_SUMMARY) && m->recent)
		vty_out(vty, "Prefix-list with the last deletion/insertion: %s\n",
			m->recent->name);
	for (i = 0; i < m->lists.count; i++)
		show_list(vty, m, m->lists.items[i], d, seqnum);
	return CMD_SUCCESS;
}

int prefix_list_show_prefix(struct vty *vty, int afi, const char *name,
			    const char *prefix, enum plist_display d)
{
	const struct prefix_list *pl = prefix_list_lookup(afi, name);
	const struct prefix_list_entry *e;
	struct prefix p;
	uint64_t reached;

	if (!pl) {
		vty_out(vty, "%% Can't find specified prefix-list\n");
		return CMD_WARNING;
	}
	if (prefix_parse(prefix, &p) < 0) {
		vty_out(vty, "%% prefix is malformed\n");
		return CMD_WARNING;
	}
	reached = pl->misses + pl->hit_total;
	for (e = plist_first(pl); e; e = plist_next(e)) {
		uint64_t refcnt = reached - e->ref_base;
		bool match;

		reached -= e->hits + e->ghost;
		if (d == PLIST_LONGER)
			match = prefix_match(&p, &e->prefix);
		else if (d == PLIST_FIRST_MATCH)
			match = plist_entry_match(e, &p);
		else
			match = prefix_same(&p, &e->prefix);
		if (!match)
			continue;
		vty_out(vty, "   seq %u ", e->seq);
		print_body(vty, e);
		if (d != PLIST_LONGER)
			vty_out(vty, " (hit count: %" PRIu64 ", refcount: %" PRIu64 ")",
				e->hits - e->hits_cleared, refcnt);
		vty_out(vty, "\n");
		if (d == PLIST_FIRST_MATCH)
			break;
	}
	return CMD_SUCCESS;
}

static void clear_list(struct prefix_list *pl, const struct prefix *p)
{
	struct prefix_list_entry *e;

	for (e = plist_first(pl); e; e = plist_next(e))
		if (!p || prefix_match(&e->prefix, p))
			e->hits_cleared = e->hits;
}

int prefix_list_clear(struct vty *vty, int afi, const char *name,
		      const char *prefix)
{
	struct plist_master *m = plist_master_get(afi);
	struct prefix_list *pl;
	struct prefix p;
	size_t i;

	if (!m)
		return CMD_WARNING;
	if (!name) {
		for (i = 0; i < m->lists.count; i++)
			clear_list(m->lists.items[i], NULL);
		return CMD_SUCCESS;
	}
	pl = prefix_list_lookup(afi, name);
	if (!pl) {
		vty_out(vty, "%% Can't find specified prefix-list\n");
		return CMD_WARNING;
	}
	if (prefix && prefix_parse(prefix, &p) < 0) {
		vty_out(vty, "%% prefix is malformed\n");
		return CMD_WARNING;
	}
	clear_list(pl, prefix ? &p : NULL);
	return CMD_SUCCESS;
}

/* ---- command bodies ------------------------------------------------------- */

static int pl_fail(struct vty *vty, const char *msg)
{
	vty_out(vty, "%s\n", msg);
	return CMD_WARNING;
}

static void pl_key(const struct plist_spec *s, char *key, size_t len)
{
	plist_nb_key(s, key, len);
}

static int pl_set(struct vty *vty, int afi, const char *name, struct plist_spec *s,
		  struct pvi *vi, const char *lxp)
{
	char key[160], okey[160], xp[NB_XPATH_MAX + 32], vxp[NB_XPATH_MAX + 48];
	char addr[INET6_ADDRSTRLEN], num[16], err[512];
	const struct lyd_node *old;
	uint32_t seq = s->seq, dup;
	struct plist_spec os;
	bool had_old = false;

	if (!seq) {
		uint64_t next = vi->max_seq ? (uint64_t)vi->max_seq / 5 * 5 + 5 : 5;

		if (next > UINT32_MAX) {
			snprintf(err, sizeof(err),
				 "%% No sequence number left after %u", vi->max_seq);
			return pl_fail(vty, err);
		}
		seq = (uint32_t)next;
	}
	pl_key(s, key, sizeof(key));
	dup = pvi_find(vi, key);
	inet_ntop(s->prefix.family, s->prefix.u.bytes, addr, sizeof(addr));
	if (dup && dup != seq) {
		snprintf(err, sizeof(err),
			 "%% Insertion failed - prefix-list entry exists:\n"
			 "   seq %u %s %s/%u", dup, plist_type_str(s->type), addr,
			 s->prefix.prefixlen);
		return pl_fail(vty, err);
	}
	if (dup)
		return CMD_SUCCESS;	/* the same entry again */
	snprintf(xp, sizeof(xp), "%s/entry[seq='%u']", lxp, seq);
	/* appending past the highest seq (a config file's usual order) can't
	 * replace anything: skip the lookup */
	old = seq > vi->max_seq ? NULL : nb_find(xp);
	if (old && plist_nb_spec(old, afi, &os, err, sizeof(err)) == 0) {
		pl_key(&os, okey, sizeof(okey));
		had_old = true;
	}
	if (old)
		nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
	snprintf(vxp, sizeof(vxp), "%s/action", xp);
	nb_cli_enqueue_change(vty, vxp, NB_OP_MODIFY, plist_type_str(s->type));
	if (s->any) {
		snprintf(vxp, sizeof(vxp), "%s/any", xp);
		nb_cli_enqueue_change(vty, vxp, NB_OP_CREATE, NULL);
	} else {
		snprintf(vxp, sizeof(vxp), "%s/prefix", xp);
		snprintf(num, sizeof(num), "/%u", s->prefix.prefixlen);
		strncat(addr, num, sizeof(addr) - strlen(addr) - 1);
		nb_cli_enqueue_change(vty, vxp, NB_OP_MODIFY, addr);
		if (s->ge) {
			snprintf(vxp, sizeof(vxp), "%s/ge", xp);
			snprintf(num, sizeof(num), "%u", s->ge);
			nb_cli_enqueue_change(vty, vxp, NB_OP_MODIFY, num);
		}
		if (s->le) {
			snprintf(vxp, sizeof(vxp), "%s/le", xp);
			snprintf(num, sizeof(num), "%u", s->le);
			nb_cli_enqueue_change(vty, vxp, NB_OP_MODIFY, num);
		}
	}
	(void)name;
	if (nb_cli_apply_changes(vty) != CMD_SUCCESS)
		return CMD_WARNING;
	if (had_old)
		pvi_del(vi, okey);
	pvi_add(vi, key, seq);
	return CMD_SUCCESS;
}

static int pl_unset(struct vty *vty, const struct plist_spec *s, struct pvi *vi,
		    const char *lxp)
{
	char key[160], xp[NB_XPATH_MAX + 32];
	uint32_t seq;

	pl_key(s, key, sizeof(key));
	seq = pvi_find(vi, key);
	if (!seq || (s->seq && s->seq != seq))
		return pl_fail(vty, "% Can't find specified prefix-list");
	if (vi->count == 1 && !vi->has_desc) {
		nb_cli_enqueue_change(vty, lxp, NB_OP_DESTROY, NULL);
		if (nb_cli_apply_changes(vty) != CMD_SUCCESS)
			return CMD_WARNING;
		pvi_drop(lxp);
		return CMD_SUCCESS;
	}
	snprintf(xp, sizeof(xp), "%s/entry[seq='%u']", lxp, seq);
	nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
	if (nb_cli_apply_changes(vty) != CMD_SUCCESS)
		return CMD_WARNING;
	pvi_del(vi, key);
	if (seq == vi->max_seq)
		pvi_rescan_max(vi);
	return CMD_SUCCESS;
}

static int pl_cmd(struct vty *vty, int afi, bool set, const char *name,
		  const char *seq, const char *type, const char *prefix,
		  const char *ge, const char *le)
{
	struct plist_spec s;
	char err[512], lxp[NB_XPATH_MAX];
	struct pvi *vi;
	int ret;

	ret = plist_spec_parse(&s, afi, seq, type, prefix, ge, le, err, sizeof(err));
	if (ret < 0 && !set && strncmp(err, "% Invalid prefix range", 22) == 0)
		snprintf(err, sizeof(err), "%% Can't find specified prefix-list");
	if (ret < 0)
		return pl_fail(vty, err);
	if (!plist_nb_list_xpath(lxp, sizeof(lxp), afi, name) ||
	    !(vi = plist_nb_index(afi, name)))
		return pl_fail(vty, "% Invalid prefix-list name");
	return set ? pl_set(vty, afi, name, &s, vi, lxp) : pl_unset(vty, &s, vi, lxp);
}

static int pl_delete(struct vty *vty, int afi, const char *name)
{
	char lxp[NB_XPATH_MAX];

	if (!plist_nb_list_xpath(lxp, sizeof(lxp), afi, name) || !nb_find(lxp))
		return pl_fail(vty, "% Can't find specified prefix-list");
	nb_cli_enqueue_change(vty, lxp, NB_OP_DESTROY, NULL);
	if (nb_cli_apply_changes(vty) != CMD_SUCCESS)
		return CMD_WARNING;
	pvi_drop(lxp);
	return CMD_SUCCESS;
}

static int pl_desc(struct vty *vty, int afi, int argc, const char *argv[])
{
	char *desc = policy_argv_concat(argc, argv, 1);
	char lxp[NB_XPATH_MAX], xp[NB_XPATH_MAX + 16];
	struct pvi *vi;
	int ret;

	if (!plist_nb_list_xpath(lxp, sizeof(lxp), afi, argv[0]) ||
	    !(vi = plist_nb_index(afi, argv[0]))) {
		policy_argv_free(desc);
		return pl_fail(vty, "% Invalid prefix-list name");
	}
	snprintf(xp, sizeof(xp), "%s/description", lxp);
	nb_cli_enqueue_change(vty, xp, NB_OP_MODIFY, desc);
	policy_argv_free(desc);
	ret = nb_cli_apply_changes(vty);
	if (ret == CMD_SUCCESS) {
		vi->has_desc = true;
		vi->exists = true;
	}
	return ret;
}

static int pl_desc_unset(struct vty *vty, int afi, const char *name)
{
	char lxp[NB_XPATH_MAX], xp[NB_XPATH_MAX + 16];
	struct pvi *vi;
	int ret;

	if (!plist_nb_list_xpath(lxp, sizeof(lxp), afi, name) || !nb_find(lxp) ||
	    !(vi = plist_nb_index(afi, name)))
		return pl_fail(vty, "% Can't find specified prefix-list");
	snprintf(xp, sizeof(xp), "%s/description", lxp);
	nb_cli_enqueue_change(vty, vi->count ? xp : lxp, NB_OP_DESTROY, NULL);
	ret = nb_cli_apply_changes(vty);
	if (ret == CMD_SUCCESS) {
		vi->has_desc = false;
		if (!vi->count)
			pvi_drop(lxp);
	}
	return ret;
}

static int pl_seqnum(struct vty *vty, int afi, bool on)
{
	nb_cli_enqueue_change(vty, plist_nb_seqnum_xpath(afi), NB_OP_MODIFY,
			      on ? "true" : "false");
	return nb_cli_apply_changes(vty);
}

/* An entry command and its "no" form. */
#define PL_PAIR(id, afi, cmdstr, helpstr, ...)                                 \
	static int id##_do(struct vty *vty, const char *argv[], bool set)      \
	{                                                                      \
		return pl_cmd(vty, afi, set, __VA_ARGS__);                     \
	}                                                                      \
	DEFUN(id, id##_cmd, cmdstr, helpstr)                                   \
	{                                                                      \
		return id##_do(vty, argv, true);                               \
	}                                                                      \
	DEFUN(no_##id, no_##id##_cmd, "no " cmdstr, NO_STR helpstr)            \
	{                                                                      \
		return id##_do(vty, argv, false);                              \
	}

#define NAME_H "Name of a prefix list\n"
#define SEQ_H "sequence number of an entry\nSequence number\n"
#define DP_H "Specify packets to reject\nSpecify packets to forward\n"
#define GE_H "Minimum prefix length to be matched\nMinimum prefix length\n"
#define LE_H "Maximum prefix length to be matched\nMaximum prefix length\n"

/*
 * Every command of one family. tag: identifier prefix; W: "ip"/"ipv6";
 * P: the prefix token; M: the maximum length; WH, PH, AH: help strings of
 * the family word, the prefix and "any".
 */
#define PL_COMMANDS(tag, AFI, W, P, M, WH, PH, AH)                             \
	PL_PAIR(tag##_base, AFI, W " prefix-list WORD (deny|permit) (" P "|any)", \
		WH PREFIX_LIST_STR NAME_H DP_H PH AH,                          \
		argv[0], NULL, argv[1], argv[2], NULL, NULL)                   \
	PL_PAIR(tag##_ge, AFI, W " prefix-list WORD (deny|permit) " P " ge <0-" M ">", \
		WH PREFIX_LIST_STR NAME_H DP_H PH GE_H,                        \
		argv[0], NULL, argv[1], argv[2], argv[3], NULL)                \
	PL_PAIR(tag##_ge_le, AFI,                                              \
		W " prefix-list WORD (deny|permit) " P " ge <0-" M "> le <0-" M ">", \
		WH PREFIX_LIST_STR NAME_H DP_H PH GE_H LE_H,                   \
		argv[0], NULL, argv[1], argv[2], argv[3], argv[4])             \
	PL_PAIR(tag##_le, AFI, W " prefix-list WORD (deny|permit) " P " le <0-" M ">", \
		WH PREFIX_LIST_STR NAME_H DP_H PH LE_H,                        \
		argv[0], NULL, argv[1], argv[2], NULL, argv[3])                \
	PL_PAIR(tag##_le_ge, AFI,                                              \
		W " prefix-list WORD (deny|permit) " P " le <0-" M "> ge <0-" M ">", \
		WH PREFIX_LIST_STR NAME_H DP_H PH LE_H GE_H,                   \
		argv[0], NULL, argv[1], argv[2], argv[4], argv[3])             \
	PL_PAIR(tag##_seq, AFI,                                                \
		W " prefix-list WORD seq <1-4294967295> (deny|permit) (" P "|any)", \
		WH PREFIX_LIST_STR NAME_H SEQ_H DP_H PH AH,                    \
		argv[0], argv[1], argv[2], argv[3], NULL, NULL)                \
	PL_PAIR(tag##_seq_ge, AFI,                                             \
		W " prefix-list WORD seq <1-4294967295> (deny|permit) " P " ge <0-" M ">", \
		WH PREFIX_LIST_STR NAME_H SEQ_H DP_H PH GE_H,                  \
		argv[0], argv[1], argv[2], argv[3], argv[4], NULL)             \
	PL_PAIR(tag##_seq_ge_le, AFI,                                          \
		W " prefix-list WORD seq <1-4294967295> (deny|permit) " P      \
		" ge <0-" M "> le <0-" M ">",                                  \
		WH PREFIX_LIST_STR NAME_H SEQ_H DP_H PH GE_H LE_H,             \
		argv[0], argv[1], argv[2], argv[3], argv[4], argv[5])          \
	PL_PAIR(tag##_seq_le, AFI,                                             \
		W " prefix-list WORD seq <1-4294967295> (deny|permit) " P " le <0-" M ">", \
		WH PREFIX_LIST_STR NAME_H SEQ_H DP_H PH LE_H,                  \
		argv[0], argv[1], argv[2], argv[3], NULL, argv[4])             \
	PL_PAIR(tag##_seq_le_ge, AFI,                                          \
		W " prefix-list WORD seq <1-4294967295> (deny|permit) " P      \
		" le <0-" M "> ge <0-" M ">",                                  \
		WH PREFIX_LIST_STR NAME_H SEQ_H DP_H PH LE_H GE_H,             \
		argv[0], argv[1], argv[2], argv[3], argv[5], argv[4])          \
	DEFUN(no_##tag##_all, no_##tag##_all_cmd, "no " W " prefix-list WORD", \
	      NO_STR WH PREFIX_LIST_STR NAME_H)                                \
	{                                                                      \
		return pl_delete(vty, AFI, argv[0]);                           \
	}                                                                      \
	DEFUN(tag##_seqnum, tag##_seqnum_cmd, W " prefix-list sequence-number", \
	      WH PREFIX_LIST_STR "Include/exclude sequence numbers in NVGEN\n") \
	{                                                                      \
		return pl_seqnum(vty, AFI, true);                              \
	}                                                                      \
	DEFUN(no_##tag##_seqnum, no_##tag##_seqnum_cmd,                        \
	      "no " W " prefix-list sequence-number",                          \
	      NO_STR WH PREFIX_LIST_STR "Include/exclude sequence numbers in NVGEN\n") \
	{                                                                      \
		return pl_seqnum(vty, AFI, false);                             \
	}                                                                      \
	DEFUN(tag##_desc, tag##_desc_cmd, W " prefix-list WORD description .LINE", \
	      WH PREFIX_LIST_STR NAME_H "Prefix-list specific description\n"   \
	      "Up to 80 characters describing this prefix-list\n")             \
	{                                                                      \
		return pl_desc(vty, AFI, argc, argv);                          \
	}                                                                      \
	DEFUN(no_##tag##_desc, no_##tag##_desc_cmd,                            \
	      "no " W " prefix-list WORD description",                         \
	      NO_STR WH PREFIX_LIST_STR NAME_H "Prefix-list specific description\n") \
	{                                                                      \
		return pl_desc_unset(vty, AFI, argv[0]);                       \
	}                                                                      \
	ALIAS(no_##tag##_desc, no_##tag##_desc_arg_cmd,                        \
	      "no " W " prefix-list WORD description .LINE",                   \
	      NO_STR WH PREFIX_LIST_STR NAME_H "Prefix-list specific description\n" \
	      "Up to 80 characters describing this prefix-list\n");            \
	DEFUN(show_##tag, show_##tag##_cmd, "show " W " prefix-list",          \
	      SHOW_STR WH PREFIX_LIST_STR)                                     \
	{                                                                      \
		return prefix_list_show(vty, AFI, NULL, NULL, PLIST_NORMAL);   \
	}                                                                      \
	DEFUN(show_##tag##_name, show_##tag##_name_cmd,                        \
	      "show " W " prefix-list WORD", SHOW_STR WH PREFIX_LIST_STR NAME_H) \
	{                                                                      \
		return prefix_list_show(vty, AFI, argv[0], NULL, PLIST_NORMAL); \
	}                                                                      \
	DEFUN(show_##tag##_seq, show_##tag##_seq_cmd,                          \
	      "show " W " prefix-list WORD seq <1-4294967295>",                \
	      SHOW_STR WH PREFIX_LIST_STR NAME_H SEQ_H)                        \
	{                                                                      \
		return prefix_list_show(vty, AFI, argv[0], argv[1],            \
					PLIST_SEQUENTIAL);                     \
	}                                                                      \
	DEFUN(show_##tag##_prefix, show_##tag##_prefix_cmd,                    \
	      "show " W " prefix-list WORD " P,                                \
	      SHOW_STR WH PREFIX_LIST_STR NAME_H PH)                           \
	{                                                                      \
		return prefix_list_show_prefix(vty, AFI, argv[0], argv[1],     \
					       PLIST_NORMAL);                  \
	}                                                                      \
	DEFUN(show_##tag##_longer, show_##tag##_longer_cmd,                    \
	      "show " W " prefix-list WORD " P " longer",                      \
	      SHOW_STR WH PREFIX_LIST_STR NAME_H PH "Lookup longer prefix\n")  \
	{                                                                      \
		return prefix_list_show_prefix(vty, AFI, argv[0], argv[1],     \
					       PLIST_LONGER);                  \
	}                                                                      \
	DEFUN(show_##tag##_first, show_##tag##_first_cmd,                      \
	      "show " W " prefix-list WORD " P " first-match",                 \
	      SHOW_STR WH PREFIX_LIST_STR NAME_H PH "First matched prefix\n")  \
	{                                                                      \
		return prefix_list_show_prefix(vty, AFI, argv[0], argv[1],     \
					       PLIST_FIRST_MATCH);             \
	}                                                                      \
	DEFUN(show_##tag##_summary, show_##tag##_summary_cmd,                  \
	      "show " W " prefix-list summary",                                \
	      SHOW_STR WH PREFIX_LIST_STR "Summary of prefix lists\n")         \
	{                                                                      \
		return prefix_list_show(vty, AFI, NULL, NULL, PLIST_SUMMARY);  \
	}                                                                      \
	DEFUN(show_##tag##_summary_name, show_##tag##_summary_name_cmd,        \
	      "show " W " prefix-list summary WORD",                           \
	      SHOW_STR WH PREFIX_LIST_STR "Summary of prefix lists\n" NAME_H)  \
	{                                                                      \
		return prefix_list_show(vty, AFI, argv[0], NULL, PLIST_SUMMARY); \
	}                                                                      \
	DEFUN(show_##tag##_detail, show_##tag##_detail_cmd,                    \
	      "show " W " prefix-list detail",                                 \
	      SHOW_STR WH PREFIX_LIST_STR "Detail of prefix lists\n")          \
	{                                                                      \
		return prefix_list_show(vty, AFI, NULL, NULL, PLIST_DETAIL);   \
	}                                                                      \
	DEFUN(show_##tag##_detail_name, show_##tag##_detail_name_cmd,          \
	      "show " W " prefix-list detail WORD",                            \
	      SHOW_STR WH PREFIX_LIST_STR "Detail of prefix lists\n" NAME_H)   \
	{                                                                      \
		return prefix_list_show(vty, AFI, argv[0], NULL, PLIST_DETAIL); \
	}                                                                      \
	DEFUN(clear_##tag, clear_##tag##_cmd, "clear " W " prefix-list",       \
	      CLEAR_STR WH PREFIX_LIST_STR)                                    \
	{                                                                      \
		return prefix_list_clear(vty, AFI, NULL, NULL);                \
	}                                                                      \
	DEFUN(clear_##tag##_name, clear_##tag##_name_cmd,                      \
	      "clear " W " prefix-list WORD", CLEAR_STR WH PREFIX_LIST_STR NAME_H) \
	{                                                                      \
		return prefix_list_clear(vty, AFI, argv[0], NULL);             \
	}                                                                      \
	DEFUN(clear_##tag##_prefix, clear_##tag##_prefix_cmd,                  \
	      "clear " W " prefix-list WORD " P,                               \
	      CLEAR_STR WH PREFIX_LIST_STR NAME_H PH)                          \
	{                                                                      \
		return prefix_list_clear(vty, AFI, argv[0], argv[1]);          \
	}                                                                      \
	static void tag##_install(void)                                        \
	{                                                                      \
		static struct cmd_element *config[] = {                        \
			&tag##_base_cmd, &no_##tag##_base_cmd,                 \
			&tag##_ge_cmd, &no_##tag##_ge_cmd,                     \
			&tag##_ge_le_cmd, &no_##tag##_ge_le_cmd,               \
			&tag##_le_cmd, &no_##tag##_le_cmd,                     \
			&tag##_le_ge_cmd, &no_##tag##_le_ge_cmd,               \
			&tag##_seq_cmd, &no_##tag##_seq_cmd,                   \
			&tag##_seq_ge_cmd, &no_##tag##_seq_ge_cmd,             \
			&tag##_seq_ge_le_cmd, &no_##tag##_seq_ge_le_cmd,       \
			&tag##_seq_le_cmd, &no_##tag##_seq_le_cmd,             \
			&tag##_seq_le_ge_cmd, &no_##tag##_seq_le_ge_cmd,       \
			&no_##tag##_all_cmd,                                   \
			&tag##_seqnum_cmd, &no_##tag##_seqnum_cmd,             \
			&tag##_desc_cmd, &no_##tag##_desc_cmd,                 \
			&no_##tag##_desc_arg_cmd,                              \
		};                                                             \
		static struct cmd_element *view[] = {                          \
			&show_##tag##_cmd, &show_##tag##_name_cmd,             \
			&show_##tag##_seq_cmd, &show_##tag##_prefix_cmd,       \
			&show_##tag##_longer_cmd, &show_##tag##_first_cmd,     \
			&show_##tag##_summary_cmd,                             \
			&show_##tag##_summary_name_cmd,                        \
			&show_##tag##_detail_cmd,                              \
			&show_##tag##_detail_name_cmd,                         \
		};                                                             \
		size_t i;                                                      \
                                                                               \
		for (i = 0; i < sizeof(config) / sizeof(config[0]); i++)       \
			install_element(CONFIG_NODE, config[i]);               \
		for (i = 0; i < sizeof(view) / sizeof(view[0]); i++)           \
			install_element(VIEW_NODE, view[i]);                   \
		install_element(ENABLE_NODE, &clear_##tag##_cmd);              \
		install_element(ENABLE_NODE, &clear_##tag##_name_cmd);         \
		install_element(ENABLE_NODE, &clear_##tag##_prefix_cmd);       \
	}

PL_COMMANDS(plist4, AFI_IP, "ip", "A.B.C.D/M", "32", IP_STR,
	    "IP prefix <network>/<length>, e.g., 35.0.0.0/8\n",
	    "Any prefix match. Same as \"0.0.0.0/0 le 32\"\n")
PL_COMMANDS(plist6, AFI_IP6, "ipv6", "X:X::X:X/M", "128", IPV6_STR,
	    "IPv6 prefix <network>/<length>, e.g., 3ffe::/16\n",
	    "Any prefix match.  Same as \"::0/0 le 128\"\n")

static int write_ipv4(struct vty *vty)
{
	return prefix_list_config_write(vty, AFI_IP);
}

static int write_ipv6(struct vty *vty)
{
	return prefix_list_config_write(vty, AFI_IP6);
}

static struct cmd_node prefix_node = { PREFIX_NODE, "", write_ipv4 };
static struct cmd_node prefix_ipv6_node = { PREFIX_IPV6_NODE, "", write_ipv6 };

void prefix_list_init(void)
{
	nb_module_register(&plist_nb_module);
	nb_cli_init();
	install_node(&prefix_node);
	install_node(&prefix_ipv6_node);
	plist4_install();
	plist6_install();
}
