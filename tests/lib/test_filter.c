/*
 * Access lists: first-match semantics, implicit deny, Cisco wildcards
 * (standard and extended), exact-match, remarks, duplicate and deletion
 * rules, the access-class check, and the exact text of config write and
 * `show ip access-list` — all through the real commands.
 */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <stdlib.h>
#include <unistd.h>
#include <stdio.h>

#include "filter.h"
#include "log.h"
#include "northbound.h"
#include "policy_helpers.h"

static void setup(void)
{
	zlog_init("RIP", "test");
	policy_cli_setup(access_list_init);
}

static void teardown(void)
{
	access_list_reset();
	policy_cli_teardown();
}

TestSuite(filter, .init = setup, .fini = teardown);

static int w4(struct vty *vty)
{
	return access_list_config_write(vty, AFI_IP);
}

static int w6(struct vty *vty)
{
	return access_list_config_write(vty, AFI_IP6);
}

static enum filter_type apply(int afi, const char *name, const char *pfx)
{
	struct prefix p;

	cr_assert_eq(prefix_parse(pfx, &p), 0, "bad test prefix %s", pfx);
	return access_list_apply(access_list_lookup(afi, name), &p);
}

Test(filter, standard_first_match_and_implicit_deny)
{
	const char *lines[] = {
		"access-list 1 deny 10.1.0.0 0.0.255.255",
		"access-list 1 permit 10.0.0.0 0.255.255.255",
		"access-list 1 permit host 192.168.1.1",
		NULL,
	};

	run_ok(lines);
	cr_assert_eq(apply(AFI_IP, "1", "10.1.2.0/24"), FILTER_DENY);
	cr_assert_eq(apply(AFI_IP, "1", "10.2.0.0/16"), FILTER_PERMIT);
	/* standard lists look at the address only, not the length */
	cr_assert_eq(apply(AFI_IP, "1", "10.2.0.0/8"), FILTER_PERMIT);
	cr_assert_eq(apply(AFI_IP, "1", "192.168.1.1/32"), FILTER_PERMIT);
	cr_assert_eq(apply(AFI_IP, "1", "192.168.1.2/32"), FILTER_DENY);
	cr_assert_eq(apply(AFI_IP, "1", "11.0.0.0/8"), FILTER_DENY);
	/* a missing list denies */
	cr_assert_eq(apply(AFI_IP, "2", "10.0.0.0/8"), FILTER_DENY);
}

Test(filter, later_broader_entry_does_not_win)
{
	const char *lines[] = {
		"access-list 5 permit any",
		"access-list 5 deny 10.0.0.0 0.255.255.255",
		NULL,
	};

	run_ok(lines);
	cr_assert_eq(apply(AFI_IP, "5", "10.1.0.0/16"), FILTER_PERMIT);
}

Test(filter, noncontiguous_wildcard)
{
	const char *lines[] = {
		"access-list 10 permit 10.0.0.1 0.255.0.0",
		NULL,
	};

	run_ok(lines);
	cr_assert_eq(apply(AFI_IP, "10", "10.77.0.1/32"), FILTER_PERMIT);
	cr_assert_eq(apply(AFI_IP, "10", "10.77.0.2/32"), FILTER_DENY);
	cr_assert_str_eq(block(w4), "access-list 10 permit 10.0.0.1 0.255.0.0\n");
}

Test(filter, extended_matches_address_and_mask)
{
	const char *lines[] = {
		"access-list 100 permit ip 10.0.0.0 0.255.255.255 host 255.255.0.0",
		"access-list 100 deny ip any any",
		NULL,
	};

	run_ok(lines);
	cr_assert_eq(apply(AFI_IP, "100", "10.1.0.0/16"), FILTER_PERMIT);
	cr_assert_eq(apply(AFI_IP, "100", "10.1.1.0/24"), FILTER_DENY);
}

Test(filter, zebra_prefix_and_exact_match)
{
	const char *lines[] = {
		"access-list NET permit 10.0.0.0/8 exact-match",
		"access-list NET deny 10.0.0.0/8",
		"access-list NET permit any",
		NULL,
	};

	run_ok(lines);
	cr_assert_eq(apply(AFI_IP, "NET", "10.0.0.0/8"), FILTER_PERMIT);
	cr_assert_eq(apply(AFI_IP, "NET", "10.1.0.0/16"), FILTER_DENY);
	cr_assert_eq(apply(AFI_IP, "NET", "9.0.0.0/8"), FILTER_PERMIT);
}

Test(filter, config_write_text)
{
	const char *lines[] = {
		"access-list WORDY remark a named list",
		"access-list WORDY permit 10.1.2.3/8",
		"access-list WORDY deny any",
		"access-list WORDY permit 0.0.0.0/0 exact-match",
		"access-list 1300 permit 1.2.3.4",
		"access-list 1 deny host 1.1.1.1",
		"access-list 1 permit 2.0.0.0 0.255.255.255",
		"access-list 1 permit any",
		"access-list 101 permit ip host 1.1.1.1 any",
		"access-list 101 deny ip 10.0.0.0 0.0.0.255 20.0.0.0 0.0.0.255",
		"access-list 101 permit ip any host 255.255.255.0",
		"access-list 99 remark only a remark",
		NULL,
	};

	run_ok(lines);
	cr_assert_str_eq(block(w4),
		"access-list 1 deny 1.1.1.1\n"
		"access-list 1 permit 2.0.0.0 0.255.255.255\n"
		"access-list 1 permit any\n"
		"access-list 99 remark only a remark\n"
		"access-list 101 permit ip host 1.1.1.1 any\n"
		"access-list 101 deny ip 10.0.0.0 0.0.0.255 20.0.0.0 0.0.0.255\n"
		"access-list 101 permit ip any host 255.255.255.0\n"
		"access-list 1300 permit 1.2.3.4\n"
		"access-list WORDY remark a named list\n"
		"access-list WORDY permit 10.1.2.3/8\n"
		"access-list WORDY deny any\n"
		"access-list WORDY permit 0.0.0.0/0 exact-match\n");
}

Test(filter, show_text)
{
	const char *lines[] = {
		"access-list 1 deny host 1.1.1.1",
		"access-list 1 permit 2.0.0.0 0.255.255.255",
		"access-list 1 permit any",
		"access-list 100 permit ip any any",
		"access-list N permit 10.0.0.0/8",
		"access-list N deny any",
		NULL,
	};

	run_ok(lines);
	tvty->node = ENABLE_NODE;
	cr_assert_str_eq(run("show ip access-list"),
		"RIP:\n"
		"Standard IP access list 1\n"
		"    deny   1.1.1.1\n"
		"    permit 2.0.0.0, wildcard bits 0.255.255.255\n"
		"    permit any\n"
		"Extended IP access list 100\n"
		"    permit ip any any\n"
		"Zebra IP access list N\n"
		"    permit 10.0.0.0/8\n"
		"    deny   any\n");
	cr_assert_str_eq(run("show ip access-list N"),
		"RIP:\n"
		"Zebra IP access list N\n"
		"    permit 10.0.0.0/8\n"
		"    deny   any\n");
}

Test(filter, duplicates_ignored_and_delete_by_value)
{
	const char *lines[] = {
		"access-list 1 permit 1.0.0.0 0.255.255.255",
		"access-list 1 permit 1.0.0.0 0.255.255.255",
		"access-list 1 deny 2.0.0.0 0.255.255.255",
		"no access-list 1 permit 1.0.0.0 0.255.255.255",
		NULL,
	};

	run_ok(lines);
	cr_assert_eq(access_list_count(access_list_lookup(AFI_IP, "1")), 1);
	cr_assert_str_eq(block(w4), "access-list 1 deny 2.0.0.0 0.255.255.255\n");
	/* removing the last entry removes the list */
	cr_assert_str_empty(run("no access-list 1 deny 2.0.0.0 0.255.255.255"));
	cr_assert_null(access_list_lookup(AFI_IP, "1"));
}

Test(filter, remark_keeps_list_alive)
{
	const char *lines[] = {
		"access-list 7 remark keep me",
		"access-list 7 permit any",
		"no access-list 7 permit any",
		NULL,
	};

	run_ok(lines);
	cr_assert_not_null(access_list_lookup(AFI_IP, "7"));
	cr_assert_str_empty(run("no access-list 7 remark"));
	cr_assert_null(access_list_lookup(AFI_IP, "7"));
}

Test(filter, errors)
{
	cr_assert_str_eq(run("no access-list 42"), "% access-list 42 doesn't exist\n");
	cr_assert_str_eq(run("no access-list 42 remark"),
			 "% access-list 42 doesn't exist\n");
	cr_assert_str_eq(run("no ipv6 access-list X"),
			 "% access-list X doesn't exist\n");
}

Test(filter, long_name_rejected)
{
	char line[400];

	snprintf(line, sizeof(line), "access-list %0129d permit 10.0.0.0/8", 0);
	line[12] = 'x';	/* a 129-character name */
	cr_assert(strstr(run(line), "length exceeds 128 characters"));
}

Test(filter, ipv6)
{
	const char *lines[] = {
		"ipv6 access-list V6 remark six",
		"ipv6 access-list V6 deny 2001:db8:1::/48",
		"ipv6 access-list V6 permit 2001:db8::/32",
		"ipv6 access-list V6 permit ::/0 exact-match",
		"ipv6 access-list V6 deny any",
		NULL,
	};

	run_ok(lines);
	cr_assert_eq(apply(AFI_IP6, "V6", "2001:db8:1:2::/64"), FILTER_DENY);
	cr_assert_eq(apply(AFI_IP6, "V6", "2001:db8:2::/48"), FILTER_PERMIT);
	cr_assert_eq(apply(AFI_IP6, "V6", "::/0"), FILTER_PERMIT);
	cr_assert_eq(apply(AFI_IP6, "V6", "2002::/16"), FILTER_DENY);
	cr_assert_str_eq(block(w6),
		"ipv6 access-list V6 remark six\n"
		"ipv6 access-list V6 deny 2001:db8:1::/48\n"
		"ipv6 access-list V6 permit 2001:db8::/32\n"
		"ipv6 access-list V6 permit ::/0 exact-match\n"
		"ipv6 access-list V6 deny any\n");
	/* an IPv4 prefix never matches an IPv6 list */
	cr_assert_eq(apply(AFI_IP6, "V6", "10.0.0.0/8"), FILTER_DENY);
}

Test(filter, access_class_check)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	const char *lines[] = { "access-list VTY permit 127.0.0.0/8", NULL };

	run_ok(lines);
	inet_pton(AF_INET, "127.0.0.1", &sin.sin_addr);
	cr_assert(access_list_vty_check("VTY", (struct sockaddr *)&sin));
	inet_pton(AF_INET, "192.0.2.1", &sin.sin_addr);
	cr_assert_not(access_list_vty_check("VTY", (struct sockaddr *)&sin));
	cr_assert(access_list_vty_check("NOSUCH", (struct sockaddr *)&sin));
}

/* The index must agree with a plain first-match walk on a random list. */
Test(filter, index_agrees_with_linear_walk)
{
	enum { N = 3000, Q = 20000 };
	static struct filter_spec specs[N];
	char err[128];
	unsigned seed = 12345, i, j;

	for (i = 0; i < N; i++) {
		struct filter_spec *s = &specs[i];
		unsigned len = (seed = seed * 1103515245 + 12345) % 25 + 8;
		uint32_t a = (seed = seed * 1103515245 + 12345) & 0x0fffffff;

		memset(s, 0, sizeof(*s));
		s->type = (seed >> 7) & 1 ? FILTER_PERMIT : FILTER_DENY;
		if (i % 3) {
			prefix_from_ipv4(&s->prefix, (struct in_addr){ htonl(a) }, len);
			apply_mask(&s->prefix);
			s->exact = i % 7 == 0;
		} else {
			s->cisco = true;
			s->addr_wild.s_addr = htonl(len >= 32 ? 0 : 0xffffffffu >> len);
			s->addr.s_addr = htonl(a) & ~s->addr_wild.s_addr;
		}
		cr_assert_eq(access_list_entry_set(AFI_IP, "R", s, true, err,
						   sizeof(err)), 0);
	}
	for (j = 0; j < Q; j++) {
		struct prefix p;
		uint32_t a = (seed = seed * 1103515245 + 12345) & 0x0fffffff;
		enum filter_type want = FILTER_DENY;

		prefix_from_ipv4(&p, (struct in_addr){ htonl(a) }, 8 + j % 25);
		apply_mask(&p);
		for (i = 0; i < N; i++) {
			const struct filter_spec *s = &specs[i];
			bool m;

			if (s->cisco)
				m = (p.u.v4.s_addr & ~s->addr_wild.s_addr) == s->addr.s_addr;
			else
				m = prefix_match(&s->prefix, &p) &&
				    (!s->exact || s->prefix.prefixlen == p.prefixlen);
			if (m) {
				/* duplicates were ignored: first copy decides */
				want = s->type;
				break;
			}
		}
		cr_assert_eq(access_list_apply(access_list_lookup(AFI_IP, "R"), &p),
			     want, "query %u", j);
	}
}

/* ---- round trip through the tree ------------------------------------------ */

/* tmp_file(), feed() and round_trip() are in policy_helpers.h */

static void filter_check(void)
{
	cr_assert_eq(apply(AFI_IP, "1", "1.1.1.1/32"), FILTER_DENY);
	cr_assert_eq(apply(AFI_IP, "1", "2.3.0.0/16"), FILTER_PERMIT);
	cr_assert_eq(apply(AFI_IP, "101", "10.0.0.0/24"), FILTER_DENY);
	cr_assert_eq(apply(AFI_IP, "101", "1.1.1.1/8"), FILTER_PERMIT);
	cr_assert_eq(apply(AFI_IP, "NET", "10.0.0.0/8"), FILTER_PERMIT);
	cr_assert_eq(apply(AFI_IP, "NET", "10.1.0.0/16"), FILTER_DENY);
	cr_assert_eq(apply(AFI_IP6, "V6", "2001:db8:1::/48"), FILTER_DENY);
	cr_assert_eq(apply(AFI_IP6, "V6", "2001:db8:2::/48"), FILTER_PERMIT);
}

static int w46(struct vty *vty)
{
	return w4(vty) + w6(vty);
}

static void filter_reset(void)
{
	access_list_reset();
}

Test(filter, round_trip_json_and_text)
{
	const char *lines[] = {
		"access-list 1 remark standard",
		"access-list 1 deny host 1.1.1.1",
		"access-list 1 permit 2.0.0.0 0.255.255.255",
		"access-list 101 deny ip 10.0.0.0 0.0.0.255 any",
		"access-list 101 permit ip any any",
		"access-list NET permit 10.0.0.0/8 exact-match",
		"access-list NET deny any",
		"ipv6 access-list V6 deny 2001:db8:1::/48",
		"ipv6 access-list V6 permit any",
		NULL,
	};

	run_ok(lines);
	filter_check();
	round_trip(w46, filter_reset, filter_check);
}

Test(filter, json_shows_the_tree)
{
	const char *lines[] = {
		"access-list 7 permit 10.0.0.0 0.0.0.255",
		"access-list 7 permit 10.0.0.0 0.0.0.255",	/* ignored */
		"access-list N remark hello",
		"access-list N permit 192.0.2.0/24 exact-match",
		NULL,
	};
	char *js;

	run_ok(lines);
	js = nb_print(true);
	cr_assert(strstr(js, "\"tarpan-filter:access-lists\""), "%s", js);
	cr_assert(strstr(js, "\"source-address\": \"10.0.0.0\""), "%s", js);
	cr_assert(strstr(js, "\"source-wildcard\": \"0.0.0.255\""), "%s", js);
	cr_assert(strstr(js, "\"remark\": \"hello\""), "%s", js);
	cr_assert(strstr(js, "\"prefix\": \"192.0.2.0/24\""), "%s", js);
	cr_assert(strstr(js, "\"exact-match\": [null]"), "%s", js);
	/* the repeated entry is not in the tree */
	cr_assert_null(strstr(js, "\"seq\": 2,\n          \"action\": \"permit\",\n          \"source-address\": \"10.0.0.0\""));
	free(js);
	cr_assert_eq(access_list_count(access_list_lookup(AFI_IP, "7")), 1);
}

Test(filter, bad_json_entry_rejected_and_nothing_changes)
{
	const char *js =
		"{\"tarpan-filter:access-lists\": {\"access-list\": ["
		"{\"name\": \"J\", \"entry\": ["
		"{\"seq\": 1, \"action\": \"permit\", \"prefix\": \"10.0.0.0/8\"},"
		"{\"seq\": 2, \"action\": \"deny\", \"prefix\": \"10.0.0.0/99\"}]}]}}";
	const char *lines[] = { "access-list KEEP permit any", NULL };
	const char *path;

	run_ok(lines);
	path = tmp_file(js, ".json");
	cr_assert_neq(nb_cli_load_data_file(path), 0);
	unlink(path);
	cr_assert_null(access_list_lookup(AFI_IP, "J"));
	cr_assert_str_eq(block(w4), "access-list KEEP permit any\n");
}
