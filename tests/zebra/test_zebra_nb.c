/*
 * zebra's static routes on the northbound tree: edits of
 * /tarpan-zebra:zebra/ip-route reach the static table (and the RIB), a
 * rejected transaction leaves running and the table as they were, and the
 * key helpers give the canonical forms the CLI and the renderer share.
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "interface.h"
#include "northbound.h"
#include "rib.h"
#include "static_route.h"
#include "zebra_nb.h"

static struct zif_db *db;
static struct rib *rib;
static struct static_table *st;

static void setup(void)
{
	db = zif_db_new();
	rib = rib_new(NULL, db);
	st = static_table_new(rib, db);
	cr_assert_eq(zebra_nb_init(NULL, st, NULL), 0);
}

static void teardown(void)
{
	nb_terminate();
	static_table_free(st);
	rib_free(rib);
	zif_db_free(db);
	nhg_table_fini();
}

static int commit(const char *xp[], const char *val[], size_t n, char *err,
		  size_t len)
{
	nb_txn_begin();
	for (size_t i = 0; i < n; i++)
		if (nb_edit(xp[i], val[i] ? NB_OP_MODIFY : NB_OP_CREATE, val[i],
			    err, len) < 0) {
			nb_txn_abort();
			return -1;
		}
	return nb_txn_commit(err, len);
}

static const char *route(int family, const char *pfx, const char *nh)
{
	static char buf[4][NB_XPATH_MAX];
	static int k;

	k = (k + 1) % 4;
	cr_assert_not_null(zebra_nb_route_path(buf[k], sizeof(buf[k]), family,
					       pfx, nh));
	return buf[k];
}

TestSuite(zebra_nb, .init = setup, .fini = teardown);

Test(zebra_nb, nexthop_keys_are_canonical)
{
	char nh[96], err[128];

	cr_assert_eq(zebra_nb_nexthop_key(AF_INET, "NULL0", NULL, nh, sizeof(nh),
					  err, sizeof(err)), 0);
	cr_assert_str_eq(nh, "Null0");
	cr_assert_eq(zebra_nb_nexthop_key(AF_INET6, "2001:DB8:0::1", "eth0", nh,
					  sizeof(nh), err, sizeof(err)), 0);
	cr_assert_str_eq(nh, "2001:db8::1 eth0");
	cr_assert_eq(zebra_nb_nexthop_key(AF_INET, "eth0", NULL, nh, sizeof(nh),
					  err, sizeof(err)), 0);
	cr_assert_str_eq(nh, "eth0");
	cr_assert_eq(zebra_nb_nexthop_key(AF_INET, "averyveryverylonginterfacename",
					  NULL, nh, sizeof(nh), err, sizeof(err)), -1);
	cr_assert_str_eq(err, "% Invalid interface name");
}

Test(zebra_nb, routes_reach_the_table)
{
	const char *xp[] = { route(AF_INET, "10.1.0.0/16", "10.0.0.2"),
			     route(AF_INET, "10.2.0.0/16", "Null0"),
			     route(AF_INET6, "2001:db8::/32", "eth0") };
	const char *val[] = { NULL, NULL, NULL };
	char err[256] = "";
	char d[NB_XPATH_MAX + 16];

	cr_assert_eq(commit(xp, val, 3, err, sizeof(err)), 0, "%s", err);
	cr_assert_eq(static_count(st), 3);
	rib_run_slice(rib, 0);
	{
		struct prefix p;

		cr_assert_eq(prefix_parse_ipv4("10.2.0.0/16", &p), 0);
		cr_assert_not_null(rib_node_get(rib, &p));
	}

	/* a distance change is an update of the same route */
	snprintf(d, sizeof(d), "%s/distance", xp[0]);
	{
		const char *x2[] = { d };
		const char *v2[] = { "20" };

		cr_assert_eq(commit(x2, v2, 1, err, sizeof(err)), 0, "%s", err);
	}
	cr_assert_eq(static_count(st), 3);

	nb_txn_begin();
	cr_assert_eq(nb_edit(xp[1], NB_OP_DESTROY, NULL, err, sizeof(err)), 0);
	cr_assert_eq(nb_txn_commit(err, sizeof(err)), 0, "%s", err);
	cr_assert_eq(static_count(st), 2);
	cr_assert_null(nb_find_running(xp[1]));
}

Test(zebra_nb, rejected_change_leaves_running)
{
	const char *good[] = { route(AF_INET, "10.1.0.0/16", "10.0.0.2") };
	const char *bad[] = { route(AF_INET, "10.9.0.0/16", "10.0.0.3"),
			      route(AF_INET, "10.1.2.3/16", "10.0.0.2") };
	const char *val[] = { NULL, NULL };
	char err[256] = "";

	cr_assert_eq(commit(good, val, 1, err, sizeof(err)), 0, "%s", err);
	cr_assert_eq(commit(bad, val, 2, err, sizeof(err)), -1);
	cr_assert(strstr(err, "Malformed address 10.1.2.3/16"), "%s", err);
	cr_assert_eq(static_count(st), 1, "nothing of the failed change applied");
	cr_assert_null(nb_find_running(bad[0]));
	cr_assert_not_null(nb_find_running(good[0]));
}
