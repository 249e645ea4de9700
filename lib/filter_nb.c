/*
 * Access lists on the northbound (yang/tarpan-filter.yang, container
 * access-lists): the callbacks that compile tree changes into filter.c's
 * structures, the check of an entry, and the rendering of the ACCESS_NODE
 * / ACCESS_IPV6_NODE blocks from the tree.
 *
 * Tree layout: access-lists/{access-list,ipv6-access-list}[name]/remark
 * and entry[seq]/{action, prefix + exact-match | source-address +
 * source-wildcard [+ destination-address + destination-wildcard]}. Quagga's
 * lists have no sequence numbers: the CLI gives each new entry the list's
 * highest seq + 1, so seq order is the order the entries were added in.
 * Values are stored as config-write prints them (Cisco addresses with the
 * wildcard bits cleared, prefixes as typed), so rendering is a reprint.
 */
#include "config.h"

#include <arpa/inet.h>
#include <libyang/libyang.h>
#include <stdio.h>
#include <string.h>

#include "filter_nb.h"
#include "log.h"
#include "northbound.h"
#include "policy_util.h"
#include "vty.h"

#define ACL_XP "/tarpan-filter:access-lists"

static int afi_of_list(const struct lyd_node *list)
{
	return strcmp(nb_name(list), "ipv6-access-list") == 0 ? AFI_IP6 : AFI_IP;
}

static const char *list_name(const struct lyd_node *list)
{
	return nb_child_value(list, "name");
}

const char *filter_nb_list_xpath(char *buf, size_t len, int afi, const char *name)
{
	char q[NB_XPATH_MAX];
	int n;

	if (!nb_quote(q, sizeof(q), name))
		return NULL;
	n = snprintf(buf, len, ACL_XP "/%s[name=%s]",
		     afi == AFI_IP ? "access-list" : "ipv6-access-list", q);
	return n < 0 || (size_t)n >= len ? NULL : buf;
}

int filter_nb_spec(const struct lyd_node *entry, int afi, struct filter_spec *s,
		   char *err, size_t errlen)
{
	const char *action = nb_child_value(entry, "action");
	const char *prefix = nb_child_value(entry, "prefix");
	const char *sa, *sw, *da, *dw;

	if (prefix)
		return filter_spec_zebra(s, afi, action, prefix,
					 nb_child(entry, "exact-match") != NULL, err,
					 errlen);
	if (afi != AFI_IP) {
		snprintf(err, errlen, "%% An IPv6 access-list entry takes a prefix");
		return -1;
	}
	sa = nb_child_value(entry, "source-address");
	sw = nb_child_value(entry, "source-wildcard");
	da = nb_child_value(entry, "destination-address");
	dw = nb_child_value(entry, "destination-wildcard");
	if (!sa || !sw || !da != !dw) {
		snprintf(err, errlen, "%%Inconsistent address and mask");
		return -1;
	}
	return filter_spec_cisco(s, action, sa, sw, da, dw, da != NULL, err, errlen);
}

void filter_nb_key(const struct filter_spec *s, char *buf, size_t len)
{
	char a[INET6_ADDRSTRLEN], b[INET_ADDRSTRLEN], c[INET_ADDRSTRLEN],
		d[INET_ADDRSTRLEN];

	if (!s->cisco) {
		inet_ntop(s->prefix.family, s->prefix.u.bytes, a, sizeof(a));
		snprintf(buf, len, "z%d %s/%u%s", (int)s->type, a, s->prefix.prefixlen,
			 s->exact ? " x" : "");
		return;
	}
	inet_ntop(AF_INET, &s->addr, a, sizeof(a));
	inet_ntop(AF_INET, &s->addr_wild, b, sizeof(b));
	inet_ntop(AF_INET, &s->mask, c, sizeof(c));
	inet_ntop(AF_INET, &s->mask_wild, d, sizeof(d));
	if (s->extended)
		snprintf(buf, len, "e%d %s %s %s %s", (int)s->type, a, b, c, d);
	else
		snprintf(buf, len, "s%d %s %s", (int)s->type, a, b);
}

static bool key_of(const struct lyd_node *entry, char *buf, size_t len)
{
	struct filter_spec s;
	char err[256];

	if (filter_nb_spec(entry, afi_of_list(lyd_parent(entry)), &s, err,
			   sizeof(err)) < 0)
		return false;
	filter_nb_key(&s, buf, len);
	return true;
}

struct pvi *filter_nb_index(int afi, const char *name)
{
	char xp[NB_XPATH_MAX];

	if (!filter_nb_list_xpath(xp, sizeof(xp), afi, name))
		return NULL;
	return pvi_get(xp, key_of);
}

/* ---- callbacks ------------------------------------------------------------ */

static int list_destroy(const struct lyd_node *dnode)
{
	char err[256];

	access_list_delete_name(afi_of_list(dnode), list_name(dnode), err,
				sizeof(err));
	return 0;
}

static int remark_modify(const struct lyd_node *dnode)
{
	const struct lyd_node *list = lyd_parent(dnode);

	return access_list_remark_set(afi_of_list(list), list_name(list),
				      nb_value(dnode));
}

static int remark_destroy(const struct lyd_node *dnode)
{
	const struct lyd_node *list = lyd_parent(dnode);
	char err[256];

	access_list_remark_unset(afi_of_list(list), list_name(list), err,
				 sizeof(err));
	return 0;
}

static int entry_destroy(const struct lyd_node *dnode)
{
	const struct lyd_node *list = lyd_parent(dnode);
	int afi = afi_of_list(list);
	struct filter_spec s;
	char err[256];
	uint32_t seq;

	if (filter_nb_spec(dnode, afi, &s, err, sizeof(err)) < 0 ||
	    !nb_child_u32(dnode, "seq", &seq))
		return -1;
	access_list_entry_del_seq(afi, list_name(list), &s, seq);
	return 0;
}

static void entry_finish(const struct lyd_node *dnode)
{
	const struct lyd_node *list = lyd_parent(dnode);
	int afi = afi_of_list(list);
	struct filter_spec s;
	char err[256];
	uint32_t seq;

	if (filter_nb_spec(dnode, afi, &s, err, sizeof(err)) < 0 ||
	    !nb_child_u32(dnode, "seq", &seq)) {
		zlog_err("access-list %s: %s", list_name(list), err);
		return;
	}
	access_list_entry_add_seq(afi, list_name(list), &s, seq);
}

static int name_check(const struct lyd_node *list, char *err, size_t errlen)
{
	const char *name = list_name(list);

	if (name && strlen(name) > ACL_NAMSIZ) {
		snprintf(err, errlen,
			 "%% ACL name %s is invalid: length exceeds %d characters",
			 name, ACL_NAMSIZ);
		return -1;
	}
	return 0;
}

static int entry_validate(const struct lyd_node *dnode, char *err, size_t errlen)
{
	const struct lyd_node *list = lyd_parent(dnode);
	struct filter_spec s;

	if (name_check(list, err, errlen) < 0)
		return -1;
	return filter_nb_spec(dnode, afi_of_list(list), &s, err, errlen);
}

static int remark_validate(const struct lyd_node *dnode, char *err, size_t errlen)
{
	return name_check(lyd_parent(dnode), err, errlen);
}

/* ---- rendering ------------------------------------------------------------ */

static int name_cmp(const struct lyd_node *a, const struct lyd_node *b)
{
	return policy_name_cmp(list_name(a), list_name(b));
}

static int list_show(struct vty *vty, const struct lyd_node *list)
{
	int afi = afi_of_list(list);
	const char *v6 = afi == AFI_IP6 ? "ipv6 " : "";
	const char *name = list_name(list), *remark = nb_child_value(list, "remark");
	const struct lyd_node **v;
	struct filter_spec s;
	char err[256];
	size_t n, i;
	int lines = 0;

	if (remark) {
		vty_out(vty, "%saccess-list %s remark %s\n", v6, name, remark);
		lines++;
	}
	n = nb_children_sorted(list, "entry", nb_cmp_u32_key, &v);
	for (i = 0; i < n; i++) {
		if (filter_nb_spec(v[i], afi, &s, err, sizeof(err)) < 0)
			continue;
		vty_out(vty, "%saccess-list %s", v6, name);
		filter_spec_write(vty, &s);
		lines++;
	}
	nb_nodes_free(v);
	return lines;
}

int access_list_config_write(struct vty *vty, int afi)
{
	if (afi != AFI_IP && afi != AFI_IP6)
		return 0;
	return nb_cli_show(vty, afi == AFI_IP ? ACL_XP "/access-list"
					      : ACL_XP "/ipv6-access-list");
}

#define ACL_CBS(list)                                                          \
	{ .xpath = ACL_XP "/" list, .destroy = list_destroy,                   \
	  .cli_show = list_show, .cli_cmp = name_cmp },                        \
	{ .xpath = ACL_XP "/" list "/remark", .modify = remark_modify,         \
	  .destroy = remark_destroy, .validate = remark_validate },            \
	{ .xpath = ACL_XP "/" list "/entry", .destroy = entry_destroy,         \
	  .apply_finish = entry_finish, .validate = entry_validate }

static const struct nb_node_cbs filter_cbs[] = {
	ACL_CBS("access-list"),
	ACL_CBS("ipv6-access-list"),
	{ .xpath = NULL },
};

const struct nb_module filter_nb_module = {
	.name = "tarpan-filter",
	.nodes = filter_cbs,
};
