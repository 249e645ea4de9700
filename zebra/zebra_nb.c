/*
 * Callbacks of yang/tarpan-zebra.yang: the static routes of the tree
 * compiled into the static table (static_route.h), the router-id into
 * router_id.h's configured id.
 *
 * A route entry is keyed (prefix, nexthop), as Quagga tells static routes
 * apart; flag, tag and distance are its attributes. Any change in an entry
 * runs its apply_finish once, which (re)sets the route from the entry's
 * leaves: static_route_set() finds the route by prefix and nexthop and
 * updates it in place, so a command costs O(routes of its prefix). The
 * entry's destroy removes the route by its keys. `validate` checks what a
 * JSON file may hold that the CLI would not have let through (a prefix
 * not in zebra's canonical form, a bad address or interface name).
 */
#include <arpa/inet.h>
#include <libyang/libyang.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "log.h"
#include "rib.h"
#include "router_id.h"
#include "zebra_nb.h"

static struct static_table *nb_statics;
static struct router_id *nb_rid;
static struct zebra *nb_zebra;

struct zebra *zebra_nb_daemon(void)
{
	return nb_zebra;
}

const char *zebra_nb_route_list(int family)
{
	return family == AF_INET ? "ip-route" : "ipv6-route";
}

const char *zebra_nb_route_path(char *buf, size_t len, int family,
				const char *prefix, const char *nexthop)
{
	char qp[96], qn[128];
	int n;

	if (!nb_quote(qp, sizeof(qp), prefix) || !nb_quote(qn, sizeof(qn), nexthop))
		return NULL;
	n = snprintf(buf, len, ZEBRA_NB_XP "/%s[prefix=%s][nexthop=%s]",
		     zebra_nb_route_list(family), qp, qn);
	return n > 0 && (size_t)n < len ? buf : NULL;
}

static bool ifname_ok(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n < sizeof(((struct static_route *)0)->ifname) &&
	       !strchr(s, ' ');
}

int zebra_nb_nexthop_key(int family, const char *word, const char *ifname,
			 char *buf, size_t len, char *err, size_t errlen)
{
	union g_addr a;
	char g[INET6_ADDRSTRLEN];

	if (inet_pton(family, word, &a) == 1) {
		inet_ntop(family, &a, g, sizeof(g));
		if (ifname && !ifname_ok(ifname))
			goto badif;
		snprintf(buf, len, "%s%s%s", g, ifname ? " " : "",
			 ifname ? ifname : "");
		return 0;
	}
	if (ifname) {
		snprintf(err, errlen, "%% Malformed address");
		return -1;
	}
	if (strcasecmp(word, "null0") == 0) {
		snprintf(buf, len, "Null0");
		return 0;
	}
	if (!ifname_ok(word))
		goto badif;
	snprintf(buf, len, "%s", word);
	return 0;
badif:
	snprintf(err, errlen, "%% Invalid interface name");
	return -1;
}

int zebra_nb_route_parse(const struct lyd_node *entry, int family,
			 struct prefix *p, struct static_route *sr,
			 char *err, size_t errlen)
{
	const char *pfx = nb_child_value(entry, "prefix");
	const char *nh = nb_child_value(entry, "nexthop");
	const char *flag = nb_child_value(entry, "flag");
	char canon[PREFIX_STRLEN], word[96];
	const char *sp;
	uint32_t u;
	int rc;

	memset(sr, 0, sizeof(*sr));
	rc = !pfx ? -1 : family == AF_INET ? prefix_parse_ipv4(pfx, p) :
					    prefix_parse_ipv6(pfx, p);
	if (rc >= 0)
		apply_mask(p);
	if (rc < 0 || !prefix2str(p, canon, sizeof(canon)) ||
	    strcmp(canon, pfx) != 0) {
		snprintf(err, errlen, "%% Malformed address %s (expected masked, "
			 "as zebra writes it)", pfx ? pfx : "");
		return -1;
	}
	if (!nh)
		goto badnh;
	sp = strchr(nh, ' ');
	if (sp) {
		if (family != AF_INET6 || (size_t)(sp - nh) >= sizeof(word))
			goto badnh;
		memcpy(word, nh, sp - nh);
		word[sp - nh] = 0;
		if (inet_pton(family, word, &sr->gate) != 1 || !ifname_ok(sp + 1))
			goto badnh;
		sr->kind = STATIC_GATEWAY_IFNAME;
		snprintf(sr->ifname, sizeof(sr->ifname), "%s", sp + 1);
	} else if (inet_pton(family, nh, &sr->gate) == 1) {
		sr->kind = STATIC_GATEWAY;
	} else if (strcmp(nh, "Null0") == 0) {
		sr->kind = STATIC_BLACKHOLE;
	} else if (ifname_ok(nh) && strcasecmp(nh, "null0") != 0) {
		sr->kind = STATIC_IFNAME;
		snprintf(sr->ifname, sizeof(sr->ifname), "%s", nh);
	} else {
		goto badnh;
	}
	if (sr->kind == STATIC_GATEWAY || sr->kind == STATIC_GATEWAY_IFNAME) {
		char g[INET6_ADDRSTRLEN];

		inet_ntop(family, &sr->gate, g, sizeof(g));
		if (strncmp(g, nh, strlen(g)) != 0 ||
		    (nh[strlen(g)] != 0 && nh[strlen(g)] != ' '))
			goto badnh;
	}
	if (flag)
		sr->flags = strcmp(flag, "reject") == 0 ? ZRF_REJECT : ZRF_BLACKHOLE;
	else if (sr->kind == STATIC_BLACKHOLE)
		sr->flags = ZRF_BLACKHOLE;
	sr->tag = nb_child_u32(entry, "tag", &u) ? u : 0;
	sr->distance = nb_child_u32(entry, "distance", &u) ? (uint8_t)u : 1;
	return 0;
badnh:
	snprintf(err, errlen, "%% Invalid nexthop %s for %s", nh ? nh : "",
		 pfx);
	return -1;
}

static int entry_family(const struct lyd_node *entry)
{
	return strcmp(nb_name(entry), "ip-route") == 0 ? AF_INET : AF_INET6;
}

static void route_finish(const struct lyd_node *entry)
{
	struct static_route sr;
	struct prefix p;
	char err[160];

	if (!nb_statics)
		return;
	if (zebra_nb_route_parse(entry, entry_family(entry), &p, &sr, err,
				 sizeof(err)) < 0) {
		zlog_err("static route: %s", err);
		return;
	}
	static_route_set(nb_statics, &p, &sr, true);
}

static int route_remove(const struct lyd_node *entry)
{
	struct static_route sr;
	struct prefix p;
	char err[160];

	if (!nb_statics)
		return 0;
	if (zebra_nb_route_parse(entry, entry_family(entry), &p, &sr, err,
				 sizeof(err)) < 0)
		return -1;
	sr.distance = 0;	/* any */
	sr.tag = 0;
	static_route_set(nb_statics, &p, &sr, false);
	return 0;
}

static int route_destroy(const struct lyd_node *entry)
{
	return route_remove(entry);
}

static int route_validate(const struct lyd_node *entry, char *err,
			  size_t errlen)
{
	struct static_route sr;
	struct prefix p;

	return zebra_nb_route_parse(entry, entry_family(entry), &p, &sr, err,
				    errlen);
}

static int rid_modify(const struct lyd_node *dnode)
{
	struct in_addr a = { 0 };

	if (nb_rid && inet_pton(AF_INET, nb_value(dnode), &a) == 1)
		router_id_set_config(nb_rid, a);
	return 0;
}

static int rid_destroy(const struct lyd_node *dnode)
{
	struct in_addr z = { 0 };

	(void)dnode;
	if (nb_rid)
		router_id_set_config(nb_rid, z);
	return 0;
}

static int rid_validate(const struct lyd_node *dnode, char *err, size_t errlen)
{
	if (strcmp(nb_value(dnode), "0.0.0.0") == 0) {
		snprintf(err, errlen, "%% Malformed address");
		return -1;
	}
	return 0;
}

static const struct nb_node_cbs zebra_cbs[] = {
	{ .xpath = ZEBRA_NB_XP "/router-id", .modify = rid_modify,
	  .destroy = rid_destroy, .validate = rid_validate },
	{ .xpath = ZEBRA_NB_XP "/ip-route", .destroy = route_destroy,
	  .apply_finish = route_finish, .validate = route_validate },
	{ .xpath = ZEBRA_NB_XP "/ipv6-route", .destroy = route_destroy,
	  .apply_finish = route_finish, .validate = route_validate },
	{ .xpath = NULL },
};

const struct nb_module zebra_nb_module = {
	.name = "tarpan-zebra",
	.nodes = zebra_cbs,
};

int zebra_nb_init(struct zebra *z, struct static_table *st,
		  struct router_id *rid)
{
	nb_zebra = z;
	nb_statics = st;
	nb_rid = rid;
	nb_cli_init();
	if (nb_module_register(&zebra_nb_module) < 0)
		return -1;
	return nb_module_register(&zebra_nb_if_module);
}
