/*
 * Prefix lists on the northbound (yang/tarpan-filter.yang, container
 * prefix-lists): the callbacks that compile tree changes into plist.c's
 * structures, the semantic check of an entry (ge/le rules), and the
 * rendering of the PREFIX_NODE / PREFIX_IPV6_NODE blocks from the tree.
 *
 * Tree layout: prefix-lists/{ipv4,ipv6}[name]/description and
 * entry[seq]/{action, any | prefix, ge, le}; the prefix is the text
 * inet_ntop() gives for what the operator typed (not masked, as Quagga),
 * ge/le as normalised by plist_spec_parse() ("ge N le max" is "ge N").
 */
#include "config.h"

#include <arpa/inet.h>
#include <libyang/libyang.h>
#include <stdio.h>
#include <string.h>

#include "log.h"
#include "northbound.h"
#include "plist_private.h"
#include "plist_nb.h"
#include "policy_util.h"
#include "vty.h"

#define PL_XP "/tarpan-filter:prefix-lists"

static int afi_of_list(const struct lyd_node *list)
{
	return strcmp(nb_name(list), "ipv6") == 0 ? AFI_IP6 : AFI_IP;
}

const char *plist_nb_list_xpath(char *buf, size_t len, int afi, const char *name)
{
	char q[NB_XPATH_MAX];
	int n;

	if (!nb_quote(q, sizeof(q), name))
		return NULL;
	n = snprintf(buf, len, PL_XP "/%s[name=%s]", afi == AFI_IP ? "ipv4" : "ipv6", q);
	return n < 0 || (size_t)n >= len ? NULL : buf;
}

const char *plist_nb_seqnum_xpath(int afi)
{
	return afi == AFI_IP ? PL_XP "/ipv4-sequence-number"
			     : PL_XP "/ipv6-sequence-number";
}

/* The spec an entry node stands for; -1 with Quagga's message in err. */
int plist_nb_spec(const struct lyd_node *entry, int afi, struct plist_spec *s,
		  char *err, size_t errlen)
{
	const char *prefix = nb_child(entry, "any") ? "any"
						    : nb_child_value(entry, "prefix");

	return plist_spec_parse(s, afi, nb_child_value(entry, "seq"),
				nb_child_value(entry, "action"), prefix,
				nb_child_value(entry, "ge"), nb_child_value(entry, "le"),
				err, errlen);
}

void plist_nb_key(const struct plist_spec *s, char *buf, size_t len)
{
	char addr[INET6_ADDRSTRLEN];

	inet_ntop(s->prefix.family, s->prefix.u.bytes, addr, sizeof(addr));
	snprintf(buf, len, "%d %s/%u %u %u", (int)s->type, addr,
		 s->prefix.prefixlen, s->ge, s->le);
}

static bool key_of4(const struct lyd_node *entry, char *buf, size_t len)
{
	struct plist_spec s;
	char err[256];

	if (plist_nb_spec(entry, afi_of_list(lyd_parent(entry)), &s, err,
			  sizeof(err)) < 0)
		return false;
	plist_nb_key(&s, buf, len);
	return true;
}

struct pvi *plist_nb_index(int afi, const char *name)
{
	char xp[NB_XPATH_MAX];

	if (!plist_nb_list_xpath(xp, sizeof(xp), afi, name))
		return NULL;
	return pvi_get(xp, key_of4);
}

/* ---- callbacks ------------------------------------------------------------ */

static const char *list_name(const struct lyd_node *list)
{
	return nb_child_value(list, "name");
}

static int list_destroy(const struct lyd_node *dnode)
{
	char err[256];

	prefix_list_delete_name(afi_of_list(dnode), list_name(dnode), err,
				sizeof(err));
	return 0;
}

static int desc_modify(const struct lyd_node *dnode)
{
	const struct lyd_node *list = lyd_parent(dnode);

	return prefix_list_description_set(afi_of_list(list), list_name(list),
					   nb_value(dnode));
}

static int desc_destroy(const struct lyd_node *dnode)
{
	const struct lyd_node *list = lyd_parent(dnode);
	char err[256];

	prefix_list_description_unset(afi_of_list(list), list_name(list), err,
				      sizeof(err));
	return 0;
}

static int entry_destroy(const struct lyd_node *dnode)
{
	const struct lyd_node *list = lyd_parent(dnode);
	int afi = afi_of_list(list);
	struct plist_spec s;
	char err[256];

	if (plist_nb_spec(dnode, afi, &s, err, sizeof(err)) < 0)
		return -1;
	return prefix_list_entry_unset(afi, list_name(list), &s, err, sizeof(err));
}

static void entry_finish(const struct lyd_node *dnode)
{
	const struct lyd_node *list = lyd_parent(dnode);
	int afi = afi_of_list(list);
	struct plist_spec s;
	char err[512];

	if (plist_nb_spec(dnode, afi, &s, err, sizeof(err)) < 0 ||
	    prefix_list_entry_set(afi, list_name(list), &s, err, sizeof(err)) < 0)
		zlog_err("prefix-list %s: %s", list_name(list), err);
}

static int entry_validate(const struct lyd_node *dnode, char *err, size_t errlen)
{
	struct plist_spec s;

	return plist_nb_spec(dnode, afi_of_list(lyd_parent(dnode)), &s, err, errlen);
}

static int seqnum_modify(const struct lyd_node *dnode)
{
	prefix_list_seqnum_set(strstr(nb_name(dnode), "ipv6") ? AFI_IP6 : AFI_IP,
			       strcmp(nb_value(dnode), "true") == 0);
	return 0;
}

/* ---- rendering ------------------------------------------------------------ */

static int name_cmp(const struct lyd_node *a, const struct lyd_node *b)
{
	return policy_name_cmp(list_name(a), list_name(b));
}

static bool seqnum_on(int afi)
{
	const struct lyd_node *n = nb_find_running(plist_nb_seqnum_xpath(afi));

	return !n || strcmp(nb_value(n), "true") == 0;
}

static int list_show(struct vty *vty, const struct lyd_node *list)
{
	int afi = afi_of_list(list);
	const char *w = afi == AFI_IP ? "ip" : "ipv6";
	const char *name = list_name(list), *desc = nb_child_value(list, "description");
	const struct lyd_node **v;
	bool seqnum = seqnum_on(afi);
	size_t n, i;
	int lines = 0;

	if (desc) {
		vty_out(vty, "%s prefix-list %s description %s\n", w, name, desc);
		lines++;
	}
	n = nb_children_sorted(list, "entry", nb_cmp_u32_key, &v);
	for (i = 0; i < n; i++) {
		const struct lyd_node *e = v[i];
		const char *ge = nb_child_value(e, "ge"), *le = nb_child_value(e, "le");

		vty_out(vty, "%s prefix-list %s ", w, name);
		if (seqnum)
			vty_out(vty, "seq %s ", nb_child_value(e, "seq"));
		vty_out(vty, "%s ", nb_child_value(e, "action"));
		if (nb_child(e, "any")) {
			vty_out(vty, "any\n");
			continue;
		}
		vty_out(vty, "%s", nb_child_value(e, "prefix"));
		if (ge)
			vty_out(vty, " ge %s", ge);
		if (le)
			vty_out(vty, " le %s", le);
		vty_out(vty, "\n");
	}
	nb_nodes_free(v);
	return lines + (int)n;
}

int prefix_list_config_write(struct vty *vty, int afi)
{
	if (afi != AFI_IP && afi != AFI_IP6)
		return 0;
	if (!seqnum_on(afi))
		vty_out(vty, "no ip%s prefix-list sequence-number\n!\n",
			afi == AFI_IP ? "" : "v6");
	return nb_cli_show(vty, afi == AFI_IP ? PL_XP "/ipv4" : PL_XP "/ipv6");
}

#define LIST_CBS(fam)                                                          \
	{ .xpath = PL_XP "/" fam, .destroy = list_destroy,                     \
	  .cli_show = list_show, .cli_cmp = name_cmp },                        \
	{ .xpath = PL_XP "/" fam "/description", .modify = desc_modify,        \
	  .destroy = desc_destroy },                                           \
	{ .xpath = PL_XP "/" fam "/entry", .destroy = entry_destroy,           \
	  .apply_finish = entry_finish, .validate = entry_validate }

static const struct nb_node_cbs plist_cbs[] = {
	{ .xpath = PL_XP "/ipv4-sequence-number", .modify = seqnum_modify },
	{ .xpath = PL_XP "/ipv6-sequence-number", .modify = seqnum_modify },
	LIST_CBS("ipv4"),
	LIST_CBS("ipv6"),
	{ .xpath = NULL },
};

const struct nb_module plist_nb_module = {
	.name = "tarpan-filter",
	.nodes = plist_cbs,
};
