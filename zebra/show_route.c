/*
 * `show ip route` and `show ipv6 route` in Quagga 1.2.4's layout, their
 * filters (address, prefix, longer-prefixes, supernets-only, protocol,
 * summary) and an additive `json` form.
 *
 * The RIB is walked in prefix order straight from its trie; a full table
 * is produced incrementally (vty_produce): SHOW_NODES_PER_STEP nodes per
 * call, the next call when the session's output has drained, so that a
 * million-route `show ip route` neither stalls the loop nor buffers the
 * whole text. The walk keeps only the last prefix shown (struct rib_iter)
 * and so survives any RIB change between steps. Entries of a node are
 * listed newest first, as Quagga keeps them.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "command.h"
#include "memory.h"
#include "vty.h"
#include "interface.h"
#include "rib.h"
#include "zebra_vty.h"

DEFINE_MTYPE_STATIC(SHOW_ROUTE, "show route walk");

#define SHOW_NODES_PER_STEP 256

#define SHOW_V4_HEADER                                                         \
	"Codes: K - kernel route, C - connected, S - static, R - RIP,\n"       \
	"       O - OSPF, I - IS-IS, B - BGP, P - PIM, A - Babel, N - NHRP,\n" \
	"       > - selected route, * - FIB route\n\n"
#define SHOW_V6_HEADER                                                         \
	"Codes: K - kernel route, C - connected, S - static, R - RIPng,\n"     \
	"       O - OSPFv6, I - IS-IS, B - BGP, A - Babel, N - NHRP,\n"        \
	"       > - selected route, * - FIB route\n\n"

static struct zif_db *ifdb(void)
{
	return zebra_ctx->ifdb;
}

static bool nh_fib(const struct rentry *re, const struct nexthop *nh)
{
	return (re->status & RES_FIB) && (nh->flags & NHF_ACTIVE) &&
	       !(nh->flags & NHF_RECURSIVE);
}

static bool shows_uptime(int type)
{
	return type == ZRT_RIP || type == ZRT_RIPNG || type == ZRT_OSPF ||
	       type == ZRT_OSPF6 || type == ZRT_BABEL || type == ZRT_ISIS ||
	       type == ZRT_BGP;
}

static void uptime_str(uint32_t since, char *buf, size_t n)
{
	uint32_t d = rib_now() - since;

	if (d < 86400)
		snprintf(buf, n, "%02u:%02u:%02u", d / 3600, (d / 60) % 60, d % 60);
	else if (d < 7 * 86400)
		snprintf(buf, n, "%ud%02uh%02um", d / 86400, (d / 3600) % 24,
			 (d / 60) % 60);
	else
		snprintf(buf, n, "%02uw%ud%02uh", d / (7 * 86400),
			 (d / 86400) % 7, (d / 3600) % 24);
}

static const struct nhg *display_nhg(const struct rentry *re)
{
	return re->rnhg ? re->rnhg : re->nhg;
}

static void show_entry(struct vty *vty, struct rnode *rn, struct rentry *re)
{
	const struct nhg *g = display_nhg(re);
	char pfx[PREFIX_STRLEN], line[128];
	struct prefix p;
	int len = 0;

	rnode_prefix(rn, &p);
	prefix2str(&p, pfx, sizeof(pfx));
	for (unsigned i = 0; g && i < g->count; i++) {
		const struct nexthop *nh = &g->nh[i];
		char abuf[INET6_ADDRSTRLEN];
		int fam = nh_is_v4gate(nh) ? AF_INET : AF_INET6;

		if (i == 0) {
			len = snprintf(line, sizeof(line), "%c%c%c %s",
				       zrt_char(re->type),
				       (re->status & RES_SELECTED) ? '>' : ' ',
				       nh_fib(re, nh) ? '*' : ' ', pfx);
			if (re->type != ZRT_CONNECT && re->type != ZRT_KERNEL)
				len += snprintf(line + len, sizeof(line) - len,
						" [%u/%u]", re->distance, re->metric);
			vty_out(vty, "%s", line);
		} else {
			int pad = len - 3 + ((nh->flags & NHF_CHILD) ? 2 : 0);

			vty_out(vty, "  %c%*c", nh_fib(re, nh) ? '*' : ' ',
				pad > 0 ? pad : 1, ' ');
		}
		switch (nh->type) {
		case NH_IPV4:
		case NH_IPV4_IFINDEX:
		case NH_IPV4_IFNAME:
		case NH_IPV6:
		case NH_IPV6_IFINDEX:
		case NH_IPV6_IFNAME:
			inet_ntop(fam, &nh->gate, abuf, sizeof(abuf));
			vty_out(vty, " via %s", abuf);
			if (nh->ifindex)
				vty_out(vty, ", %s", zif_name(ifdb(), nh->ifindex));
			break;
		case NH_IFINDEX:
		case NH_IFNAME:
			vty_out(vty, " is directly connected, %s",
				zif_name(ifdb(), nh->ifindex));
			break;
		case NH_BLACKHOLE:
			vty_out(vty, " is directly connected, Null0");
			break;
		default:
			break;
		}
		if (!(nh->flags & NHF_ACTIVE))
			vty_out(vty, " inactive");
		if (nh->flags & NHF_ONLINK)
			vty_out(vty, " onlink");
		if (nh->flags & NHF_RECURSIVE)
			vty_out(vty, " (recursive)");
		if (re->flags & ZRF_BLACKHOLE)
			vty_out(vty, ", bh");
		if (re->flags & ZRF_REJECT)
			vty_out(vty, ", rej");
		if (shows_uptime(re->type)) {
			char ubuf[32];

			uptime_str(re->uptime, ubuf, sizeof(ubuf));
			vty_out(vty, ", %s", ubuf);
		}
		vty_out(vty, "\n");
	}
}

/* Entries newest first (Quagga's order). */
static unsigned entries_newest_first(struct rnode *rn, struct rentry **v,
				     unsigned max)
{
	unsigned n = 0;

	for (struct rentry *re = rn->entries; re && n < max; re = re->next)
		if (!(re->status & RES_REMOVED))
			v[n++] = re;
	for (unsigned i = 0; i < n / 2; i++) {
		struct rentry *t = v[i];

		v[i] = v[n - 1 - i];
		v[n - 1 - i] = t;
	}
	return n;
}

void show_route_entry_lines(struct vty *vty, struct rnode *rn, int type_filter)
{
	struct rentry *v[64];
	unsigned n = entries_newest_first(rn, v, 64);

	for (unsigned i = 0; i < n; i++)
		if (type_filter < 0 || v[i]->type == type_filter)
			show_entry(vty, rn, v[i]);
}

static bool node_has_type(struct rnode *rn, int type)
{
	for (struct rentry *re = rn->entries; re; re = re->next)
		if (!(re->status & RES_REMOVED) && (type < 0 || re->type == type))
			return true;
	return false;
}

enum show_filter {
	SF_ALL,
	SF_LONGER,
	SF_SUPERNETS,
};

static void json_entry(struct vty *vty, struct rnode *rn, struct rentry *re,
		       bool *first)
{
	const struct nhg *g = display_nhg(re);
	char pfx[PREFIX_STRLEN];
	struct prefix p;

	rnode_prefix(rn, &p);
	prefix2str(&p, pfx, sizeof(pfx));
	vty_out(vty, "%s\n  {\"prefix\": \"%s\", \"protocol\": \"%s\", "
		"\"selected\": %s, \"fib\": %s, \"distance\": %u, \"metric\": %u, "
		"\"tag\": %u, \"blackhole\": %s, \"reject\": %s, \"nexthops\": [",
		*first ? "" : ",", pfx, zrt_name(re->type),
		(re->status & RES_SELECTED) ? "true" : "false",
		(re->status & RES_FIB) ? "true" : "false", re->distance,
		re->metric, re->tag, (re->flags & ZRF_BLACKHOLE) ? "true" : "false",
		(re->flags & ZRF_REJECT) ? "true" : "false");
	*first = false;
	for (unsigned i = 0; g && i < g->count; i++) {
		const struct nexthop *nh = &g->nh[i];
		char abuf[INET6_ADDRSTRLEN] = "";

		if (nh_is_v4gate(nh))
			inet_ntop(AF_INET, &nh->gate, abuf, sizeof(abuf));
		else if (nh_is_v6gate(nh))
			inet_ntop(AF_INET6, &nh->gate, abuf, sizeof(abuf));
		vty_out(vty, "%s{\"ip\": \"%s\", \"interfaceName\": \"%s\", "
			"\"active\": %s, \"fib\": %s, \"recursive\": %s, "
			"\"resolver\": %s, \"blackhole\": %s}",
			i ? ", " : "", abuf,
			nh->ifindex ? zif_name(ifdb(), nh->ifindex) : "",
			(nh->flags & NHF_ACTIVE) ? "true" : "false",
			nh_fib(re, nh) ? "true" : "false",
			(nh->flags & NHF_RECURSIVE) ? "true" : "false",
			(nh->flags & NHF_CHILD) ? "true" : "false",
			nh->type == NH_BLACKHOLE ? "true" : "false");
	}
	vty_out(vty, "]}");
}

static bool supernet(struct rnode *rn)
{
	uint8_t a = rn->addr[0];
	unsigned cls = a < 128 ? 8 : a < 192 ? 16 : 24;

	return rn->plen < cls;
}

struct show_walk {
	struct rib_iter it;
	int family;
	int type;
	enum show_filter f;
	bool json;
	bool first;
	/* summary */
	bool summary;
	size_t rib_cnt[ZRT_MAX + 1], fib_cnt[ZRT_MAX + 1];
};

static void show_node(struct vty *vty, struct show_walk *w, struct rnode *rn)
{
	if (!node_has_type(rn, w->type))
		return;
	if (w->f == SF_SUPERNETS && !supernet(rn))
		return;
	if (w->json) {
		struct rentry *e[64];
		unsigned m = entries_newest_first(rn, e, 64);

		for (unsigned j = 0; j < m; j++)
			if (w->type < 0 || e[j]->type == w->type)
				json_entry(vty, rn, e[j], &w->first);
		return;
	}
	if (w->first) {
		vty_out(vty, "%s", w->family == AF_INET ? SHOW_V4_HEADER :
							  SHOW_V6_HEADER);
		w->first = false;
	}
	show_route_entry_lines(vty, rn, w->type);
}

static void summary_node(struct show_walk *w, struct rnode *rn)
{
	for (struct rentry *re = rn->entries; re; re = re->next) {
		int t = re->type;

		if (re->status & RES_REMOVED)
			continue;
		if (t == ZRT_BGP && (re->flags & ZRF_IBGP))
			t = ZRT_MAX;	/* ibgp line */
		w->rib_cnt[t]++;
		if ((re->status & RES_FIB) && (re->status & RES_SELECTED))
			w->fib_cnt[t]++;
	}
}

static void summary_print(struct vty *vty, struct show_walk *w)
{
	size_t tot_r = 0, tot_f = 0;

	for (int t = 0; t <= ZRT_MAX; t++) {
		tot_r += w->rib_cnt[t];
		tot_f += w->fib_cnt[t];
	}
	vty_out(vty, "%-20s %-20s %s  (vrf %u)\n", "Route Source", "Routes",
		"FIB", 0);
	for (int t = 0; t < ZRT_MAX; t++) {
		if (t == ZRT_BGP) {
			if (w->rib_cnt[ZRT_BGP] || w->rib_cnt[ZRT_MAX]) {
				vty_out(vty, "%-20s %-20zu %-20zu \n", "ebgp",
					w->rib_cnt[ZRT_BGP], w->fib_cnt[ZRT_BGP]);
				vty_out(vty, "%-20s %-20zu %-20zu \n", "ibgp",
					w->rib_cnt[ZRT_MAX], w->fib_cnt[ZRT_MAX]);
			}
			continue;
		}
		if (w->rib_cnt[t])
			vty_out(vty, "%-20s %-20zu %-20zu \n", zrt_name(t),
				w->rib_cnt[t], w->fib_cnt[t]);
	}
	vty_out(vty, "------\n");
	vty_out(vty, "%-20s %-20zu %-20zu \n", "Totals", tot_r, tot_f);
	vty_out(vty, "\n");
}

static void show_walk_release(void *arg)
{
	struct show_walk *w = arg;

	XFREE(SHOW_ROUTE, w);
}

/* One step of the walk; true when done (and the walk freed). */
static bool show_step(struct vty *vty, void *arg)
{
	struct show_walk *w = arg;

	for (unsigned n = 0; n < SHOW_NODES_PER_STEP; n++) {
		struct rnode *rn = rib_iter_next(&w->it);

		if (!rn) {
			if (w->summary)
				summary_print(vty, w);
			else if (w->json)
				vty_out(vty, "\n]\n");
			show_walk_release(w);
			return true;
		}
		if (w->summary)
			summary_node(w, rn);
		else
			show_node(vty, w, rn);
	}
	return false;
}

static struct show_walk *show_walk_new(int family, const struct prefix *under)
{
	struct show_walk *w = XCALLOC(SHOW_ROUTE, sizeof(*w));

	rib_iter_init(&w->it, zebra_ctx->rib, family, under);
	w->family = family;
	w->first = true;
	return w;
}

static int show_routes(struct vty *vty, int family, int type, enum show_filter f,
		       const struct prefix *under, bool json)
{
	struct show_walk *w = show_walk_new(family, f == SF_LONGER ? under : NULL);

	w->type = type;
	w->f = f;
	w->json = json;
	if (json)
		vty_out(vty, "[");
	vty_produce_release(vty, show_step, show_walk_release, w);
	return CMD_SUCCESS;
}

static void show_detail(struct vty *vty, struct rnode *rn)
{
	struct rentry *e[64];
	unsigned m = entries_newest_first(rn, e, 64);
	char pfx[PREFIX_STRLEN];
	struct prefix p;

	rnode_prefix(rn, &p);
	prefix2str(&p, pfx, sizeof(pfx));
	for (unsigned j = 0; j < m; j++) {
		struct rentry *re = e[j];
		const struct nhg *g = display_nhg(re);

		vty_out(vty, "Routing entry for %s\n", pfx);
		vty_out(vty, "  Known via \"%s\", distance %u, metric %u",
			zrt_name(re->type), re->distance, re->metric);
		if (re->tag)
			vty_out(vty, ", tag %u", re->tag);
		if (re->status & RES_SELECTED)
			vty_out(vty, ", best");
		if (re->flags & ZRF_BLACKHOLE)
			vty_out(vty, ", blackhole");
		if (re->flags & ZRF_REJECT)
			vty_out(vty, ", reject");
		vty_out(vty, "\n");
		if (shows_uptime(re->type)) {
			char ubuf[32];

			uptime_str(re->uptime, ubuf, sizeof(ubuf));
			vty_out(vty, "  Last update %s ago\n", ubuf);
		}
		for (unsigned i = 0; g && i < g->count; i++) {
			const struct nexthop *nh = &g->nh[i];
			char abuf[INET6_ADDRSTRLEN];

			vty_out(vty, "  %c%s", nh_fib(re, nh) ? '*' : ' ',
				(nh->flags & NHF_CHILD) ? "  " : "");
			switch (nh->type) {
			case NH_IPV4:
			case NH_IPV4_IFINDEX:
			case NH_IPV4_IFNAME:
			case NH_IPV6:
			case NH_IPV6_IFINDEX:
			case NH_IPV6_IFNAME:
				inet_ntop(nh_is_v4gate(nh) ? AF_INET : AF_INET6,
					  &nh->gate, abuf, sizeof(abuf));
				vty_out(vty, " %s", abuf);
				if (nh->ifindex)
					vty_out(vty, ", via %s",
						zif_name(ifdb(), nh->ifindex));
				break;
			case NH_IFINDEX:
			case NH_IFNAME:
				vty_out(vty, " directly connected, %s",
					zif_name(ifdb(), nh->ifindex));
				break;
			case NH_BLACKHOLE:
				vty_out(vty, " directly connected, Null0");
				break;
			}
			if (!(nh->flags & NHF_ACTIVE))
				vty_out(vty, " inactive");
			if (nh->flags & NHF_ONLINK)
				vty_out(vty, " onlink");
			if (nh->flags & NHF_RECURSIVE)
				vty_out(vty, " (recursive)");
			vty_out(vty, "\n");
		}
		vty_out(vty, "\n");
	}
}

static int show_addr(struct vty *vty, int family, const char *s, bool json)
{
	struct prefix p;
	struct rnode *rn;
	int rc = prefix_parse_host(s, &p);

	if (rc < 0 || p.family != family) {
		vty_out(vty, "%% Malformed address\n");
		return CMD_WARNING;
	}
	/* longest match among nodes that have entries */
	rn = rib_match(zebra_ctx->rib, family, p.u.bytes, NULL, 0);
	if (!rn) {
		vty_out(vty, "%% Network not in table\n");
		return CMD_WARNING;
	}
	show_detail(vty, rn);
	return CMD_SUCCESS;
}

static int show_prefix(struct vty *vty, int family, const char *s, bool longer,
		       bool json)
{
	struct prefix p;
	struct rnode *rn;
	int rc = family == AF_INET ? prefix_parse_ipv4(s, &p) :
				     prefix_parse_ipv6(s, &p);

	if (rc < 0) {
		vty_out(vty, "%% Malformed address\n");
		return CMD_WARNING;
	}
	apply_mask(&p);
	if (longer)
		return show_routes(vty, family, -1, SF_LONGER, &p, json);
	rn = rib_node_get(zebra_ctx->rib, &p);
	if (!rn || !node_has_type(rn, -1)) {
		vty_out(vty, "%% Network not in table\n");
		return CMD_WARNING;
	}
	show_detail(vty, rn);
	return CMD_SUCCESS;
}

static int show_summary(struct vty *vty, int family)
{
	struct show_walk *w = show_walk_new(family, NULL);

	w->summary = true;
	vty_produce_release(vty, show_step, show_walk_release, w);
	return CMD_SUCCESS;
}

/* ---- commands ---- */

#define JSON_STR "JavaScript Object Notation\n"

DEFUN(show_ip_route, show_ip_route_cmd, "show ip route",
      SHOW_STR IP_STR "IP routing table\n")
{
	return show_routes(vty, AF_INET, -1, SF_ALL, NULL, false);
}

DEFUN(show_ip_route_json, show_ip_route_json_cmd, "show ip route json",
      SHOW_STR IP_STR "IP routing table\n" JSON_STR)
{
	return show_routes(vty, AF_INET, -1, SF_ALL, NULL, true);
}

DEFUN(show_ip_route_addr, show_ip_route_addr_cmd, "show ip route A.B.C.D",
      SHOW_STR IP_STR "IP routing table\n" "Network in the IP routing table to display\n")
{
	return show_addr(vty, AF_INET, argv[0], false);
}

DEFUN(show_ip_route_prefix, show_ip_route_prefix_cmd, "show ip route A.B.C.D/M",
      SHOW_STR IP_STR "IP routing table\n" "IP prefix <network>/<length>, e.g., 35.0.0.0/8\n")
{
	return show_prefix(vty, AF_INET, argv[0], false, false);
}

DEFUN(show_ip_route_prefix_longer, show_ip_route_prefix_longer_cmd,
      "show ip route A.B.C.D/M longer-prefixes",
      SHOW_STR IP_STR "IP routing table\n" "IP prefix <network>/<length>, e.g., 35.0.0.0/8\n"
      "Show route matching the specified Network/Mask pair only\n")
{
	return show_prefix(vty, AF_INET, argv[0], true, false);
}

DEFUN(show_ip_route_supernets, show_ip_route_supernets_cmd,
      "show ip route supernets-only",
      SHOW_STR IP_STR "IP routing table\n" "Show supernet entries only\n")
{
	return show_routes(vty, AF_INET, -1, SF_SUPERNETS, NULL, false);
}

DEFUN(show_ip_route_protocol, show_ip_route_protocol_cmd,
      "show ip route (kernel|connected|static|rip|ospf|isis|bgp|pim|babel|nhrp)",
      SHOW_STR IP_STR "IP routing table\n" "Kernel routes (not installed via the zebra RIB)\n"
      "Connected routes (directly attached subnet or host)\n"
      "Statically configured routes\n" "Routing Information Protocol (RIP)\n"
      "Open Shortest Path First (OSPFv2)\n" "Intermediate System to Intermediate System (IS-IS)\n"
      "Border Gateway Protocol (BGP)\n" "Protocol Independent Multicast (PIM)\n"
      "Babel routing protocol (Babel)\n" "Next Hop Resolution Protocol (NHRP)\n")
{
	int t = zrt_from_name(argv[0]);

	return show_routes(vty, AF_INET, t, SF_ALL, NULL, false);
}

DEFUN(show_ip_route_summary, show_ip_route_summary_cmd, "show ip route summary",
      SHOW_STR IP_STR "IP routing table\n" "Summary of all routes\n")
{
	return show_summary(vty, AF_INET);
}

DEFUN(show_ipv6_route, show_ipv6_route_cmd, "show ipv6 route",
      SHOW_STR IP6_STR "IPv6 routing table\n")
{
	return show_routes(vty, AF_INET6, -1, SF_ALL, NULL, false);
}

DEFUN(show_ipv6_route_json, show_ipv6_route_json_cmd, "show ipv6 route json",
      SHOW_STR IP6_STR "IPv6 routing table\n" JSON_STR)
{
	return show_routes(vty, AF_INET6, -1, SF_ALL, NULL, true);
}

DEFUN(show_ipv6_route_addr, show_ipv6_route_addr_cmd, "show ipv6 route X:X::X:X",
      SHOW_STR IP6_STR "IPv6 routing table\n" "IPv6 Address\n")
{
	return show_addr(vty, AF_INET6, argv[0], false);
}

DEFUN(show_ipv6_route_prefix, show_ipv6_route_prefix_cmd,
      "show ipv6 route X:X::X:X/M",
      SHOW_STR IP6_STR "IPv6 routing table\n" "IPv6 prefix\n")
{
	return show_prefix(vty, AF_INET6, argv[0], false, false);
}

DEFUN(show_ipv6_route_prefix_longer, show_ipv6_route_prefix_longer_cmd,
      "show ipv6 route X:X::X:X/M longer-prefixes",
      SHOW_STR IP6_STR "IPv6 routing table\n" "IPv6 prefix\n"
      "Show route matching the specified Network/Mask pair only\n")
{
	return show_prefix(vty, AF_INET6, argv[0], true, false);
}

DEFUN(show_ipv6_route_protocol, show_ipv6_route_protocol_cmd,
      "show ipv6 route (kernel|connected|static|ripng|ospf6|isis|bgp|babel|nhrp)",
      SHOW_STR IP6_STR "IPv6 routing table\n" "Kernel routes (not installed via the zebra RIB)\n"
      "Connected routes (directly attached subnet or host)\n"
      "Statically configured routes\n" "Routing Information Protocol next-generation (IPv6) (RIPng)\n"
      "Open Shortest Path First (IPv6) (OSPFv3)\n" "Intermediate System to Intermediate System (IS-IS)\n"
      "Border Gateway Protocol (BGP)\n" "Babel routing protocol (Babel)\n"
      "Next Hop Resolution Protocol (NHRP)\n")
{
	return show_routes(vty, AF_INET6, zrt_from_name(argv[0]), SF_ALL, NULL, false);
}

DEFUN(show_ipv6_route_summary, show_ipv6_route_summary_cmd,
      "show ipv6 route summary",
      SHOW_STR IP6_STR "IPv6 routing table\n" "Summary of all IPv6 routes\n")
{
	return show_summary(vty, AF_INET6);
}

void show_route_vty_init(void)
{
	install_element(VIEW_NODE, &show_ip_route_cmd);
	install_element(VIEW_NODE, &show_ip_route_json_cmd);
	install_element(VIEW_NODE, &show_ip_route_addr_cmd);
	install_element(VIEW_NODE, &show_ip_route_prefix_cmd);
	install_element(VIEW_NODE, &show_ip_route_prefix_longer_cmd);
	install_element(VIEW_NODE, &show_ip_route_supernets_cmd);
	install_element(VIEW_NODE, &show_ip_route_protocol_cmd);
	install_element(VIEW_NODE, &show_ip_route_summary_cmd);
	install_element(VIEW_NODE, &show_ipv6_route_cmd);
	install_element(VIEW_NODE, &show_ipv6_route_json_cmd);
	install_element(VIEW_NODE, &show_ipv6_route_addr_cmd);
	install_element(VIEW_NODE, &show_ipv6_route_prefix_cmd);
	install_element(VIEW_NODE, &show_ipv6_route_prefix_longer_cmd);
	install_element(VIEW_NODE, &show_ipv6_route_protocol_cmd);
	install_element(VIEW_NODE, &show_ipv6_route_summary_cmd);
}
