/*
 * Routes over RTNETLINK: encoding zebra's installs and removals, and
 * reading the kernel's routes (dumps and notifications) into K entries.
 *
 * zebra installs into the main table with protocol zebra (11) and
 * priority 20, replacing whatever it had there; one nexthop is written as
 * RTA_GATEWAY/RTA_OIF, several as RTA_MULTIPATH; blackhole and reject
 * routes become RTN_BLACKHOLE / RTN_UNREACHABLE. Incoming messages are
 * checked against a size policy by libnl's nlmsg_parse().
 */
#include <string.h>

#include <netlink/msg.h>
#include <netlink/attr.h>

#include "log.h"
#include "interface.h"
#include "kernel_priv.h"
#include "rib.h"

static struct nla_policy rt_policy[RTA_MAX + 1] = {
	[RTA_DST] = { .minlen = 4, .maxlen = 16 },
	[RTA_GATEWAY] = { .minlen = 4, .maxlen = 16 },
	[RTA_OIF] = { .type = NLA_U32 },
	[RTA_PRIORITY] = { .type = NLA_U32 },
	[RTA_TABLE] = { .type = NLA_U32 },
	[RTA_MULTIPATH] = { .minlen = sizeof(struct rtnexthop) },
};

static void put_nexthop_attrs(struct nlmsghdr *h, size_t cap, int family,
			      const struct nexthop *nh)
{
	unsigned alen = family == AF_INET ? 4 : 16;

	if (nh_is_v4gate(nh) || nh_is_v6gate(nh))
		nl_attr_put(h, cap, RTA_GATEWAY, &nh->gate, alen);
	if (nh->ifindex)
		nl_attr_put(h, cap, RTA_OIF, &nh->ifindex, 4);
}

size_t rt_netlink_encode(struct kernel *k, uint8_t *buf, size_t cap,
			 const struct prefix *p, const struct rentry *re,
			 bool del)
{
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	struct rtmsg *rtm;
	uint32_t prio = ZEBRA_KERNEL_METRIC;
	unsigned alen = p->family == AF_INET ? 4 : 16;
	const struct nexthop *leaf[MULTIPATH_NUM];
	unsigned nleaf = 0;

	memset(buf, 0, NLMSG_SPACE(sizeof(*rtm)));
	h->nlmsg_len = NLMSG_LENGTH(sizeof(*rtm));
	h->nlmsg_type = del ? RTM_DELROUTE : RTM_NEWROUTE;
	h->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	if (!del)
		h->nlmsg_flags |= NLM_F_CREATE | NLM_F_REPLACE;
	h->nlmsg_seq = kernel_next_seq(k);
	rtm = NLMSG_DATA(h);
	rtm->rtm_family = p->family;
	rtm->rtm_dst_len = p->prefixlen;
	rtm->rtm_table = RT_TABLE_MAIN;
	rtm->rtm_protocol = ZEBRA_RTPROT;
	rtm->rtm_scope = RT_SCOPE_UNIVERSE;
	rtm->rtm_type = RTN_UNICAST;
	nl_attr_put(h, cap, RTA_DST, p->u.bytes, alen);
	nl_attr_put(h, cap, RTA_PRIORITY, &prio, 4);
	if (del) {
		/* match any type (blackhole, unreachable, unicast) */
		rtm->rtm_type = RTN_UNSPEC;
		rtm->rtm_scope = RT_SCOPE_NOWHERE;
		return h->nlmsg_len;
	}

	if (re->flags & (ZRF_BLACKHOLE | ZRF_REJECT)) {
		rtm->rtm_type = (re->flags & ZRF_REJECT) ? RTN_UNREACHABLE :
							   RTN_BLACKHOLE;
		rtm->rtm_scope = p->family == AF_INET ? RT_SCOPE_LINK :
							RT_SCOPE_UNIVERSE;
		return h->nlmsg_len;
	}
	for (unsigned i = 0; re->rnhg && i < re->rnhg->count; i++) {
		const struct nexthop *nh = &re->rnhg->nh[i];

		if (!(nh->flags & NHF_ACTIVE) || (nh->flags & NHF_RECURSIVE))
			continue;
		if (nh->type == NH_BLACKHOLE) {
			rtm->rtm_type = RTN_BLACKHOLE;
			rtm->rtm_scope = p->family == AF_INET ? RT_SCOPE_LINK :
								RT_SCOPE_UNIVERSE;
			return h->nlmsg_len;
		}
		if (nleaf < MULTIPATH_NUM)
			leaf[nleaf++] = nh;
	}
	if (nleaf == 0)
		return 0;
	if (nleaf == 1) {
		put_nexthop_attrs(h, cap, p->family, leaf[0]);
		if (!nh_is_v4gate(leaf[0]) && !nh_is_v6gate(leaf[0]))
			rtm->rtm_scope = RT_SCOPE_LINK;
		return h->nlmsg_len;
	}
	{
		struct rtattr *mp = nl_attr_nest_begin(h, cap, RTA_MULTIPATH);

		for (unsigned i = 0; i < nleaf; i++) {
			size_t off = NLMSG_ALIGN(h->nlmsg_len);
			struct rtnexthop *rtnh = (struct rtnexthop *)(buf + off);

			if (off + RTNH_SPACE(0) + RTA_SPACE(16) > cap)
				break;
			memset(rtnh, 0, sizeof(*rtnh));
			rtnh->rtnh_ifindex = leaf[i]->ifindex;
			h->nlmsg_len = off + RTNH_ALIGN(sizeof(*rtnh));
			if (nh_is_v4gate(leaf[i]) || nh_is_v6gate(leaf[i]))
				nl_attr_put(h, cap, RTA_GATEWAY, &leaf[i]->gate,
					    alen);
			rtnh->rtnh_len = buf + h->nlmsg_len - (uint8_t *)rtnh;
		}
		nl_attr_nest_end(h, mp);
	}
	return h->nlmsg_len;
}

static void delete_leftover(struct kernel *k, struct nlmsghdr *h,
			    struct rtmsg *rtm, struct nlattr **tb)
{
	struct prefix p;
	uint8_t buf[512];
	struct nlmsghdr *d = (struct nlmsghdr *)buf;
	struct rtmsg *drtm;
	uint32_t prio;

	memset(&p, 0, sizeof(p));
	p.family = rtm->rtm_family;
	p.prefixlen = rtm->rtm_dst_len;
	if (tb[RTA_DST])
		nla_memcpy(p.u.bytes, tb[RTA_DST], sizeof(p.u.bytes));
	memset(buf, 0, NLMSG_SPACE(sizeof(*drtm)));
	d->nlmsg_len = NLMSG_LENGTH(sizeof(*drtm));
	d->nlmsg_type = RTM_DELROUTE;
	d->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	d->nlmsg_seq = kernel_next_seq(k);
	drtm = NLMSG_DATA(d);
	*drtm = *rtm;
	drtm->rtm_table = rtm->rtm_table;
	if (tb[RTA_DST])
		nl_attr_put(d, sizeof(buf), RTA_DST, p.u.bytes,
			    p.family == AF_INET ? 4 : 16);
	if (tb[RTA_PRIORITY]) {
		prio = nla_get_u32(tb[RTA_PRIORITY]);
		nl_attr_put(d, sizeof(buf), RTA_PRIORITY, &prio, 4);
	}
	if (tb[RTA_TABLE]) {
		uint32_t t = nla_get_u32(tb[RTA_TABLE]);

		nl_attr_put(d, sizeof(buf), RTA_TABLE, &t, 4);
	}
	(void)h;
	kernel_enqueue(k, d, KOP_ROUTE_DEL, &p);
}

static unsigned parse_multipath(int family, struct nlattr *mp,
				struct nexthop *nh, unsigned max)
{
	int len = nla_len(mp);
	struct rtnexthop *rtnh = nla_data(mp);
	unsigned n = 0;
	unsigned alen = family == AF_INET ? 4 : 16;

	while (len >= (int)sizeof(*rtnh) && rtnh->rtnh_len >= sizeof(*rtnh) &&
	       rtnh->rtnh_len <= len && n < max) {
		struct rtattr *a = RTNH_DATA(rtnh);
		int alen_left = rtnh->rtnh_len - sizeof(*rtnh);

		memset(&nh[n], 0, sizeof(nh[n]));
		nh[n].ifindex = rtnh->rtnh_ifindex;
		nh[n].type = NH_IFINDEX;
		for (; RTA_OK(a, alen_left); a = RTA_NEXT(a, alen_left)) {
			if (a->rta_type == RTA_GATEWAY &&
			    RTA_PAYLOAD(a) >= alen) {
				memcpy(&nh[n].gate, RTA_DATA(a), alen);
				nh[n].type = family == AF_INET ? NH_IPV4_IFINDEX :
								 NH_IPV6_IFINDEX;
			}
		}
		n++;
		len -= RTNH_ALIGN(rtnh->rtnh_len);
		rtnh = RTNH_NEXT(rtnh);
	}
	return n;
}

void rt_netlink_route_msg(struct kernel *k, struct nlmsghdr *h, bool from_dump)
{
	bool startup = from_dump && k->startup;
	struct nlattr *tb[RTA_MAX + 1];
	struct rtmsg *rtm;
	struct prefix p;
	struct nexthop nh[MULTIPATH_NUM];
	unsigned nnh = 0;
	uint32_t table, prio = 0;
	struct rib_route r;

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*rtm)))
		return;
	rtm = NLMSG_DATA(h);
	if (rtm->rtm_family != AF_INET && rtm->rtm_family != AF_INET6)
		return;
	if (nlmsg_parse(h, sizeof(*rtm), tb, RTA_MAX, rt_policy) < 0)
		return;
	table = tb[RTA_TABLE] ? nla_get_u32(tb[RTA_TABLE]) : rtm->rtm_table;
	if (table != RT_TABLE_MAIN)
		return;
	if (rtm->rtm_flags & RTM_F_CLONED)
		return;
	if (rtm->rtm_protocol == RTPROT_KERNEL ||
	    rtm->rtm_protocol == RTPROT_REDIRECT)
		return;
	if (rtm->rtm_dst_len > (rtm->rtm_family == AF_INET ? 32 : 128))
		return;
	memset(&p, 0, sizeof(p));
	p.family = rtm->rtm_family;
	p.prefixlen = rtm->rtm_dst_len;
	if (tb[RTA_DST]) {
		if (nla_len(tb[RTA_DST]) != (rtm->rtm_family == AF_INET ? 4 : 16))
			return;
		nla_memcpy(p.u.bytes, tb[RTA_DST], sizeof(p.u.bytes));
	}
	if (tb[RTA_PRIORITY])
		prio = nla_get_u32(tb[RTA_PRIORITY]);

	if (rtm->rtm_protocol == ZEBRA_RTPROT) {
		if (startup && h->nlmsg_type == RTM_NEWROUTE) {
			/* -b touches no route, as Quagga's batch mode */
			if (!k->opts.keep_kernel && !k->opts.batch) {
				delete_leftover(k, h, rtm, tb);
				return;
			}
			/* -k: keep it, known as a kernel route */
		} else if (from_dump) {
			/* resync: is it one the RIB has installed? */
			struct rnode *rn = rib_node_get(k->rib, &p);

			if (h->nlmsg_type == RTM_NEWROUTE &&
			    prio == ZEBRA_KERNEL_METRIC && rn && rn->selected &&
			    rentry_zebra_fib(rn->selected)) {
				rn->nflags |= RN_SEEN | RN_INSTALLED;
				return;
			}
			if (!k->opts.keep_kernel) {
				delete_leftover(k, h, rtm, tb);
				return;
			}
			/* -k: a kept leftover, still a kernel route */
		} else {
			/* someone removed one of ours (e.g. link down) */
			if (h->nlmsg_type == RTM_DELROUTE &&
			    prio == ZEBRA_KERNEL_METRIC) {
				struct rnode *rn = rib_node_get(k->rib, &p);

				if (rn && (rn->nflags & RN_INSTALLED)) {
					rn->nflags &= ~RN_INSTALLED;
					if (rn->selected)
						rn->selected->status &= ~RES_FIB;
				}
			}
			return;
		}
	}
	if (h->nlmsg_type == RTM_DELROUTE) {
		rib_delete(k->rib, &p, ZRT_KERNEL, prio);
		return;
	}
	memset(&r, 0, sizeof(r));
	r.type = ZRT_KERNEL;
	r.key = prio;
	r.metric = 0;
	switch (rtm->rtm_type) {
	case RTN_UNICAST:
		break;
	case RTN_BLACKHOLE:
		r.flags |= ZRF_BLACKHOLE;
		break;
	case RTN_UNREACHABLE:
	case RTN_PROHIBIT:
		r.flags |= ZRF_REJECT;
		break;
	default:
		return;
	}
	if (tb[RTA_MULTIPATH]) {
		nnh = parse_multipath(p.family, tb[RTA_MULTIPATH], nh, MULTIPATH_NUM);
	} else if (!(r.flags & (ZRF_BLACKHOLE | ZRF_REJECT))) {
		memset(&nh[0], 0, sizeof(nh[0]));
		if (tb[RTA_OIF])
			nh[0].ifindex = nla_get_u32(tb[RTA_OIF]);
		if (tb[RTA_GATEWAY] &&
		    nla_len(tb[RTA_GATEWAY]) == (p.family == AF_INET ? 4 : 16)) {
			nla_memcpy(&nh[0].gate, tb[RTA_GATEWAY], sizeof(nh[0].gate));
			nh[0].type = p.family == AF_INET ?
					     (nh[0].ifindex ? NH_IPV4_IFINDEX : NH_IPV4) :
					     (nh[0].ifindex ? NH_IPV6_IFINDEX : NH_IPV6);
		} else {
			nh[0].type = NH_IFINDEX;
		}
		nnh = 1;
	}
	if (r.flags & (ZRF_BLACKHOLE | ZRF_REJECT)) {
		memset(&nh[0], 0, sizeof(nh[0]));
		nh[0].type = NH_BLACKHOLE;
		nnh = 1;
	}
	r.nh = nh;
	r.nh_count = nnh;
	rib_add(k->rib, &p, &r);
}
