/*
 * Links and addresses over RTNETLINK: reading them into the interface
 * database, and the requests zebra makes (add/remove an address, set a
 * link up or down, multicast on or off). Attribute sizes are checked by
 * libnl's nlmsg_parse() with the policies below.
 */
#include <net/if.h>
#include <string.h>

#include <netlink/msg.h>
#include <netlink/attr.h>

#include "log.h"
#include "interface.h"
#include "kernel_priv.h"

static struct nla_policy link_policy[IFLA_MAX + 1] = {
	[IFLA_IFNAME] = { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[IFLA_MTU] = { .type = NLA_U32 },
	[IFLA_ADDRESS] = { .maxlen = ZIF_HWADDR_MAX },
};

static struct nla_policy addr_policy[IFA_MAX + 1] = {
	[IFA_ADDRESS] = { .minlen = 4, .maxlen = 16 },
	[IFA_LOCAL] = { .minlen = 4, .maxlen = 16 },
	[IFA_BROADCAST] = { .minlen = 4, .maxlen = 4 },
	[IFA_FLAGS] = { .type = NLA_U32 },
};

void if_netlink_link_msg(struct kernel *k, struct nlmsghdr *h)
{
	struct nlattr *tb[IFLA_MAX + 1];
	struct ifinfomsg *ifi;
	struct zif_link_info li;
	char name[IFNAMSIZ + 1];

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*ifi)))
		return;
	ifi = NLMSG_DATA(h);
	/* bridge port notifications repeat the link under AF_BRIDGE */
	if (ifi->ifi_family != AF_UNSPEC || ifi->ifi_index <= 0)
		return;
	if (h->nlmsg_type == RTM_DELLINK) {
		zif_link_delete(k->ifdb, ifi->ifi_index);
		return;
	}
	if (nlmsg_parse(h, sizeof(*ifi), tb, IFLA_MAX, link_policy) < 0)
		return;
	memset(&li, 0, sizeof(li));
	li.ifindex = ifi->ifi_index;
	if (tb[IFLA_IFNAME]) {
		nla_strlcpy(name, tb[IFLA_IFNAME], sizeof(name));
		li.name = name;
	}
	li.flags = ifi->ifi_flags;
	li.arptype = ifi->ifi_type;
	if (tb[IFLA_MTU])
		li.mtu = nla_get_u32(tb[IFLA_MTU]);
	if (tb[IFLA_ADDRESS]) {
		const uint8_t *hw = nla_data(tb[IFLA_ADDRESS]);
		int n = nla_len(tb[IFLA_ADDRESS]);

		/* an all-zero address (lo) counts as none, as Quagga */
		for (int i = 0; i < n; i++) {
			if (hw[i]) {
				li.hw_len = n;
				li.hw_addr = hw;
				break;
			}
		}
	}
	zif_link_update(k->ifdb, &li);
}

void if_netlink_addr_msg(struct kernel *k, struct nlmsghdr *h)
{
	struct nlattr *tb[IFA_MAX + 1];
	struct ifaddrmsg *ifa;
	struct prefix p, dest;
	struct nlattr *local, *addr;
	unsigned alen;
	uint32_t flags;
	uint8_t zflags = 0;
	bool has_dest = false;

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*ifa)))
		return;
	ifa = NLMSG_DATA(h);
	if (ifa->ifa_family != AF_INET && ifa->ifa_family != AF_INET6)
		return;
	if (nlmsg_parse(h, sizeof(*ifa), tb, IFA_MAX, addr_policy) < 0)
		return;
	alen = ifa->ifa_family == AF_INET ? 4 : 16;
	if (ifa->ifa_prefixlen > alen * 8)
		return;
	flags = tb[IFA_FLAGS] ? nla_get_u32(tb[IFA_FLAGS]) : ifa->ifa_flags;
	local = tb[IFA_LOCAL];
	addr = tb[IFA_ADDRESS];
	if (!local)
		local = addr;
	if (!local || nla_len(local) != (int)alen)
		return;
	memset(&p, 0, sizeof(p));
	p.family = ifa->ifa_family;
	p.prefixlen = ifa->ifa_prefixlen;
	nla_memcpy(p.u.bytes, local, alen);
	memset(&dest, 0, sizeof(dest));
	if (addr && local != addr && nla_len(addr) == (int)alen &&
	    memcmp(nla_data(addr), nla_data(local), alen) != 0) {
		dest.family = p.family;
		dest.prefixlen = p.prefixlen;
		nla_memcpy(dest.u.bytes, addr, alen);
		zflags |= ZIFA_PEER;
		has_dest = true;
	} else if (tb[IFA_BROADCAST] && ifa->ifa_family == AF_INET) {
		dest.family = AF_INET;
		dest.prefixlen = p.prefixlen;
		nla_memcpy(dest.u.bytes, tb[IFA_BROADCAST], 4);
		has_dest = true;
	}
	if (flags & IFA_F_SECONDARY)
		zflags |= ZIFA_SECONDARY;
	zif_addr_update(k->ifdb, ifa->ifa_index, h->nlmsg_type == RTM_NEWADDR,
			&p, has_dest ? &dest : NULL, zflags);
}

int kernel_address(struct kernel *k, uint32_t ifindex, const struct prefix *p,
		   bool add)
{
	uint8_t buf[256];
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	struct ifaddrmsg *ifa;
	unsigned alen = p->family == AF_INET ? 4 : 16;

	if (k->opts.no_kernel || k->cmd_fd < 0 || !ifindex)
		return -1;
	memset(buf, 0, sizeof(buf));
	h->nlmsg_len = NLMSG_LENGTH(sizeof(*ifa));
	h->nlmsg_type = add ? RTM_NEWADDR : RTM_DELADDR;
	h->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	if (add)
		h->nlmsg_flags |= NLM_F_CREATE | NLM_F_EXCL;
	h->nlmsg_seq = kernel_next_seq(k);
	ifa = NLMSG_DATA(h);
	ifa->ifa_family = p->family;
	ifa->ifa_prefixlen = p->prefixlen;
	ifa->ifa_index = ifindex;
	nl_attr_put(h, sizeof(buf), IFA_LOCAL, p->u.bytes, alen);
	nl_attr_put(h, sizeof(buf), IFA_ADDRESS, p->u.bytes, alen);
	if (p->family == AF_INET && add && p->prefixlen < 31) {
		struct in_addr b = p->u.v4;
		struct in_addr m = masklen2ip(p->prefixlen);

		b.s_addr |= ~m.s_addr;
		nl_attr_put(h, sizeof(buf), IFA_BROADCAST, &b, 4);
	}
	kernel_enqueue(k, h, add ? KOP_ADDR_ADD : KOP_ADDR_DEL, p);
	return 0;
}

static int link_flag(struct kernel *k, uint32_t ifindex, unsigned flag, bool on)
{
	uint8_t buf[128];
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	struct ifinfomsg *ifi;

	if (k->opts.no_kernel || k->cmd_fd < 0 || !ifindex)
		return -1;
	memset(buf, 0, sizeof(buf));
	h->nlmsg_len = NLMSG_LENGTH(sizeof(*ifi));
	h->nlmsg_type = RTM_NEWLINK;
	h->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	h->nlmsg_seq = kernel_next_seq(k);
	ifi = NLMSG_DATA(h);
	ifi->ifi_family = AF_UNSPEC;
	ifi->ifi_index = ifindex;
	ifi->ifi_change = flag;
	ifi->ifi_flags = on ? flag : 0;
	kernel_enqueue(k, h, KOP_LINK, NULL);
	return 0;
}

int kernel_link_updown(struct kernel *k, uint32_t ifindex, bool up)
{
	return link_flag(k, ifindex, IFF_UP, up);
}

int kernel_link_multicast(struct kernel *k, uint32_t ifindex, bool on)
{
	return link_flag(k, ifindex, IFF_MULTICAST, on);
}
