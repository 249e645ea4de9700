/*
 * Client interface database: creation from zebra's messages, lookups by
 * name and ifindex, natural name order, renames, delete-and-retain,
 * connected addresses and subnet lookups, hooks, and a few thousand VLAN
 * interfaces to exercise the growing hashes.
 */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <net/if.h>
#include <stdio.h>

#include "if.h"

static struct zapi_interface zif(const char *name, uint32_t ifindex, uint64_t flags)
{
	struct zapi_interface zi;

	memset(&zi, 0, sizeof(zi));
	snprintf(zi.name, sizeof(zi.name), "%s", name);
	zi.ifindex = ifindex;
	zi.status = ZEBRA_INTERFACE_ACTIVE | ZEBRA_INTERFACE_LINKDETECTION;
	zi.flags = flags;
	zi.mtu = zi.mtu6 = 1500;
	zi.ll_type = ZEBRA_LLT_ETHER;
	zi.hw_addr_len = 6;
	zi.hw_addr[5] = (uint8_t)ifindex;
	return zi;
}

static struct zapi_address zaddr(uint32_t ifindex, const char *pfx, const char *dest)
{
	struct zapi_address za;

	memset(&za, 0, sizeof(za));
	za.ifindex = ifindex;
	cr_assert_eq(prefix_parse(pfx, &za.prefix), 0, "%s", pfx);
	if (dest)
		inet_pton(za.prefix.family, dest, za.dest.bytes);
	return za;
}

static struct prefix host(const char *s)
{
	struct prefix p;

	cr_assert_eq(prefix_parse_host(s, &p), 0);
	return p;
}

#define UP_RUNNING (IFF_UP | IFF_RUNNING | IFF_BROADCAST | IFF_MULTICAST)

Test(if_db, add_lookup_iterate_in_natural_order)
{
	struct if_db *db = if_db_new();
	const char *names[] = { "eth10", "eth2", "lo", "eth1", "br0.100", "br0.20" };
	const char *sorted[] = { "br0.20", "br0.100", "eth1", "eth2", "eth10", "lo" };
	struct interface *ifp;
	size_t i = 0;

	for (size_t k = 0; k < 6; k++) {
		struct zapi_interface zi = zif(names[k], (uint32_t)(k + 1), UP_RUNNING);

		cr_assert_not_null(if_update_from_zapi(db, &zi));
	}
	cr_assert_eq(if_db_count(db), 6);
	for (ifp = if_first(db); ifp; ifp = if_next(ifp), i++)
		cr_assert_str_eq(ifp->name, sorted[i]);
	cr_assert_eq(i, 6);

	ifp = if_lookup_by_name(db, "eth2");
	cr_assert_not_null(ifp);
	cr_assert_eq(ifp->ifindex, 2);
	cr_assert_eq(if_lookup_by_index(db, 2), ifp);
	cr_assert_eq(ifp->hw_addr[5], 2);
	cr_assert(if_is_up(ifp));
	cr_assert(if_is_operative(ifp));
	cr_assert(if_is_broadcast(ifp));
	cr_assert(if_is_active(ifp));
	cr_assert_null(if_lookup_by_name(db, "eth3"));
	cr_assert_null(if_lookup_by_index(db, 99));
	cr_assert_null(if_lookup_by_index(db, IFINDEX_INTERNAL));
	if_db_free(&db);
	cr_assert_null(db);
}

Test(if_db, configured_before_zebra_then_learned)
{
	struct if_db *db = if_db_new();
	struct interface *cfg = if_get_by_name(db, "eth0");
	struct zapi_interface zi = zif("eth0", 5, UP_RUNNING);

	cr_assert_not_null(cfg);
	cr_assert_eq(cfg->ifindex, IFINDEX_INTERNAL);
	cr_assert_not(if_is_active(cfg));
	cr_assert_eq(if_get_by_name(db, "eth0"), cfg, "found, not created twice");
	cr_assert_null(if_get_by_name(db, ""));
	cr_assert_null(if_get_by_name(db, "a-name-longer-than-twenty"));

	cr_assert_eq(if_update_from_zapi(db, &zi), cfg, "the same struct is reused");
	cr_assert_eq(cfg->ifindex, 5);
	cr_assert_eq(if_lookup_by_index(db, 5), cfg);
	if_db_free(&db);
}

Test(if_db, rename_by_ifindex)
{
	struct if_db *db = if_db_new();
	struct zapi_interface zi = zif("eth0", 4, UP_RUNNING);
	struct interface *ifp = if_update_from_zapi(db, &zi);

	zi = zif("wan0", 4, UP_RUNNING);
	cr_assert_eq(if_update_from_zapi(db, &zi), ifp);
	cr_assert_str_eq(ifp->name, "wan0");
	cr_assert_null(if_lookup_by_name(db, "eth0"));
	cr_assert_eq(if_lookup_by_name(db, "wan0"), ifp);
	cr_assert_eq(if_db_count(db), 1);
	if_db_free(&db);
}

Test(if_db, delete_retains_struct_and_drops_addresses)
{
	struct if_db *db = if_db_new();
	struct zapi_interface zi = zif("eth0", 4, UP_RUNNING);
	struct interface *ifp = if_update_from_zapi(db, &zi);
	struct zapi_address za = zaddr(4, "10.0.0.1/24", "10.0.0.255");

	cr_assert_not_null(connected_add_from_zapi(db, &za));
	if_retain_deleted(ifp);
	cr_assert_eq(if_lookup_by_name(db, "eth0"), ifp);
	cr_assert_null(if_lookup_by_index(db, 4));
	cr_assert_eq(ifp->n_connected, 0);
	cr_assert_null(ifp->connected);
	cr_assert_not(if_is_active(ifp));

	/* the ifindex can go to a new interface */
	zi = zif("eth9", 4, UP_RUNNING);
	cr_assert_neq(if_update_from_zapi(db, &zi), ifp);
	if_delete(ifp);
	cr_assert_null(if_lookup_by_name(db, "eth0"));
	cr_assert_eq(if_db_count(db), 1);
	if_db_free(&db);
}

Test(if_db, index_moves_to_new_name)
{
	struct if_db *db = if_db_new();
	struct zapi_interface a = zif("a0", 7, UP_RUNNING);
	struct zapi_interface b = zif("b0", 8, UP_RUNNING);
	struct interface *ia = if_update_from_zapi(db, &a);
	struct interface *ib = if_update_from_zapi(db, &b);

	/* b0 now announced with a0's old index: a0 gives it up */
	b.ifindex = 7;
	cr_assert_eq(if_update_from_zapi(db, &b), ib);
	cr_assert_eq(if_lookup_by_index(db, 7), ib);
	cr_assert_eq(ia->ifindex, IFINDEX_INTERNAL);
	cr_assert_null(if_lookup_by_index(db, 8));
	if_db_free(&db);
}

Test(if_db, connected_addresses)
{
	struct if_db *db = if_db_new();
	struct zapi_interface zi = zif("eth0", 2, UP_RUNNING);
	struct interface *ifp = if_update_from_zapi(db, &zi);
	struct zapi_address a1 = zaddr(2, "10.0.0.1/24", "10.0.0.255");
	struct zapi_address a2 = zaddr(2, "fe80::1/64", NULL);
	struct zapi_address a3 = zaddr(2, "10.0.1.1/24", NULL);
	struct zapi_address unknown = zaddr(9, "192.0.2.1/24", NULL);
	struct connected *c1, *c2;

	c1 = connected_add_from_zapi(db, &a1);
	c2 = connected_add_from_zapi(db, &a2);
	cr_assert_not_null(c1);
	cr_assert_not_null(c2);
	cr_assert_eq(c1->ifp, ifp);
	cr_assert_eq(ifp->n_connected, 2);
	cr_assert_eq(ifp->connected, c1, "arrival order");
	cr_assert_eq(c1->next, c2);
	cr_assert_eq(c1->destination.family, AF_INET);
	cr_assert_eq(c2->destination.family, 0, "all-zero destination means none");
	cr_assert_null(connected_add_from_zapi(db, &unknown));

	/* the same address again updates, does not duplicate */
	a1.flags = ZEBRA_IFA_SECONDARY;
	cr_assert_eq(connected_add_from_zapi(db, &a1), c1);
	cr_assert_eq(c1->flags, ZEBRA_IFA_SECONDARY);
	cr_assert_eq(ifp->n_connected, 2);

	connected_add_from_zapi(db, &a3);
	cr_assert_eq(connected_find_from_zapi(db, &a2), c2);
	connected_delete(c2);
	cr_assert_null(connected_find_from_zapi(db, &a2));
	cr_assert_eq(ifp->n_connected, 2);
	if_db_free(&db);
}

Test(if_db, address_lookups)
{
	struct if_db *db = if_db_new();
	struct zapi_interface e0 = zif("eth0", 2, UP_RUNNING);
	struct zapi_interface e1 = zif("eth1", 3, UP_RUNNING);
	struct zapi_interface pp = zif("ppp0", 4, IFF_UP | IFF_RUNNING | IFF_POINTOPOINT);
	struct interface *i0 = if_update_from_zapi(db, &e0);
	struct interface *i1 = if_update_from_zapi(db, &e1);
	struct interface *ip = if_update_from_zapi(db, &pp);
	struct zapi_address a;
	struct prefix h;

	a = zaddr(2, "10.0.0.1/16", NULL);
	connected_add_from_zapi(db, &a);
	a = zaddr(3, "10.0.5.1/24", NULL);
	connected_add_from_zapi(db, &a);
	a = zaddr(4, "192.0.2.1/32", "198.51.100.7");
	a.flags = ZEBRA_IFA_PEER;
	connected_add_from_zapi(db, &a);

	h = host("10.0.5.77");
	cr_assert_eq(if_lookup_address(db, &h), i1, "longest match wins");
	h = host("10.0.9.9");
	cr_assert_eq(if_lookup_address(db, &h), i0);
	h = host("198.51.100.7");
	cr_assert_eq(if_lookup_address(db, &h), ip, "peer of a point-to-point link");
	cr_assert(if_is_pointopoint(ip));
	h = host("172.16.0.1");
	cr_assert_null(if_lookup_address(db, &h));
	h = host("10.0.5.1");
	cr_assert_eq(if_lookup_exact_address(db, &h), i1);
	cr_assert_not_null(connected_lookup_subnet(i0, &(struct prefix){ .family = AF_INET,
									 .prefixlen = 32,
									 .u.bytes = { 10, 0, 200, 1 } }));
	if_db_free(&db);
}

static int hook_new, hook_del;

static void on_new(struct interface *ifp, void *arg)
{
	hook_new++;
	ifp->info = arg;
}

static void on_del(struct interface *ifp, void *arg)
{
	cr_assert_eq(ifp->info, arg);
	hook_del++;
}

Test(if_db, hooks_and_many_interfaces)
{
	struct if_db *db = if_db_new();
	int marker;
	char name[INTERFACE_NAMSIZ + 1];

	hook_new = hook_del = 0;
	if_db_set_hooks(db, on_new, on_del, &marker);
	for (uint32_t i = 0; i < 4000; i++) {
		struct zapi_interface zi;

		snprintf(name, sizeof(name), "vlan%u", 4000 - i);
		zi = zif(name, 1000 + i, UP_RUNNING);
		cr_assert_not_null(if_update_from_zapi(db, &zi));
	}
	cr_assert_eq(hook_new, 4000);
	cr_assert_eq(if_db_count(db), 4000);
	for (uint32_t i = 0; i < 4000; i += 97) {
		struct interface *ifp = if_lookup_by_index(db, 1000 + i);

		snprintf(name, sizeof(name), "vlan%u", 4000 - i);
		cr_assert_not_null(ifp);
		cr_assert_str_eq(ifp->name, name);
		cr_assert_eq(if_lookup_by_name(db, name), ifp);
	}
	cr_assert_str_eq(if_first(db)->name, "vlan1");
	cr_assert_str_eq(if_next(if_first(db))->name, "vlan2");
	if_db_free(&db);
	cr_assert_eq(hook_del, 4000);
}
