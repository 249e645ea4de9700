/*
 * Tests for lib/prefix: strict parsing (tables of good and bad strings),
 * printing into caller buffers, masking, ordering and matching, netmask
 * conversion and sockunion.
 */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <string.h>

#include "prefix.h"

struct parse_case {
	const char *in;
	int family;		/* 0: must be rejected */
	const char *out;	/* prefix2str of the result */
};

static const struct parse_case prefix_cases[] = {
	{ "10.0.0.0/8", AF_INET, "10.0.0.0/8" },
	{ "0.0.0.0/0", AF_INET, "0.0.0.0/0" },
	{ "255.255.255.255/32", AF_INET, "255.255.255.255/32" },
	{ "1.2.3.4/24", AF_INET, "1.2.3.4/24" },	/* not masked */
	{ "010.001.000.001/8", AF_INET, "10.1.0.1/8" },	/* decimal, not octal */
	{ "::/0", AF_INET6, "::/0" },
	{ "2001:db8::/32", AF_INET6, "2001:db8::/32" },
	{ "fe80::1/128", AF_INET6, "fe80::1/128" },
	{ "::ffff:1.2.3.4/96", AF_INET6, "::ffff:1.2.3.4/96" },
	{ "1.2.3.4/33", 0, NULL },
	{ "1.2.3", 0, NULL },
	{ "1.2.3/24", 0, NULL },
	{ "1.2.3.4", 0, NULL },		/* prefix needs a length */
	{ "256.0.0.0/8", 0, NULL },
	{ "1.2.3.4.5/8", 0, NULL },
	{ "1..3.4/8", 0, NULL },
	{ ".1.2.3/8", 0, NULL },
	{ "1.2.3.4./8", 0, NULL },
	{ "1.2.3.0004/8", 0, NULL },
	{ "0x1.2.3.4/8", 0, NULL },
	{ "1.2.3.4/", 0, NULL },
	{ "1.2.3.4/-1", 0, NULL },
	{ "1.2.3.4/+8", 0, NULL },
	{ "1.2.3.4/8x", 0, NULL },
	{ "1.2.3.4/8 ", 0, NULL },
	{ " 1.2.3.4/8", 0, NULL },
	{ "1.2.3.4/0008", 0, NULL },
	{ "1.2.3.4/8/8", 0, NULL },
	{ "1.2.3.4x/8", 0, NULL },
	{ "::/129", 0, NULL },
	{ "::/1290", 0, NULL },
	{ "2001:db8::/32garbage", 0, NULL },
	{ "2001:db8:::/32", 0, NULL },
	{ "2001:db8::g/32", 0, NULL },
	{ "1:2:3:4:5:6:7:8:9/64", 0, NULL },
	{ "::1%eth0/128", 0, NULL },
	{ "/8", 0, NULL },
	{ "", 0, NULL },
	{ "abc", 0, NULL },
};

Test(prefix, parse_table)
{
	for (size_t i = 0; i < sizeof(prefix_cases) / sizeof(prefix_cases[0]); i++) {
		const struct parse_case *c = &prefix_cases[i];
		struct prefix p, canary;
		char buf[PREFIX_STRLEN];
		int rc;

		memset(&p, 0x5a, sizeof(p));
		canary = p;
		rc = prefix_parse(c->in, &p);
		if (!c->family) {
			cr_assert_eq(rc, -1, "accepted \"%s\"", c->in);
			cr_assert_eq(memcmp(&p, &canary, sizeof(p)), 0,
				     "\"%s\": output touched on failure", c->in);
			continue;
		}
		cr_assert_eq(rc, 0, "rejected \"%s\"", c->in);
		cr_assert_eq(p.family, c->family);
		cr_assert_str_eq(prefix2str(&p, buf, sizeof(buf)), c->out);
	}
}

Test(prefix, parse_one_family)
{
	struct prefix p;

	cr_assert_eq(prefix_parse_ipv4("10.0.0.0/8", &p), 0);
	cr_assert_eq(prefix_parse_ipv4("::/0", &p), -1);
	cr_assert_eq(prefix_parse_ipv6("::/0", &p), 0);
	cr_assert_eq(p.prefixlen, 0);
	cr_assert_eq(prefix_parse_ipv6("10.0.0.0/8", &p), -1);
	cr_assert_eq(prefix_parse_ipv6("::/128", &p), 0);
	cr_assert_eq(prefix_parse_ipv4(NULL, &p), -1);
}

Test(prefix, parse_host)
{
	struct prefix p;
	char buf[PREFIX_STRLEN];

	cr_assert_eq(prefix_parse_host("192.0.2.1", &p), 0);
	cr_assert_str_eq(prefix2str(&p, buf, sizeof(buf)), "192.0.2.1/32");
	cr_assert_eq(prefix_parse_host("2001:db8::1", &p), 0);
	cr_assert_str_eq(prefix2str(&p, buf, sizeof(buf)), "2001:db8::1/128");
	cr_assert_eq(prefix_parse_host("192.0.2.1/32", &p), -1);
	cr_assert_eq(prefix_parse_host("192.0.2", &p), -1);
	cr_assert_eq(prefix_parse_host("192.0.2.1 ", &p), -1);
}

Test(prefix, address_parse)
{
	struct in_addr a;
	struct in6_addr a6;

	cr_assert_eq(addr_parse_ipv4("192.0.2.1", &a), 0);
	cr_assert_eq(ntohl(a.s_addr), 0xc0000201);
	cr_assert_eq(addr_parse_ipv4("192.0.2.256", &a), -1);
	cr_assert_eq(addr_parse_ipv4("192.0.2", &a), -1);
	cr_assert_eq(addr_parse_ipv4("1", &a), -1);
	cr_assert_eq(addr_parse_ipv6("::1", &a6), 0);
	cr_assert_eq(addr_parse_ipv6("::1::", &a6), -1);
}

Test(prefix, print_truncates_safely)
{
	struct prefix p;
	char small[8];
	char big[PREFIX_STRLEN];

	prefix_parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", &p);
	cr_assert_str_eq(prefix2str(&p, big, sizeof(big)),
			 "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128");
	memset(small, 'x', sizeof(small));
	prefix2str(&p, small, sizeof(small));
	cr_assert_eq(small[7], '\0');
	cr_assert_eq(strlen(small), 7);
	/* two prefixes in one line: no static buffer */
	struct prefix q;
	char b1[PREFIX_STRLEN], b2[PREFIX_STRLEN];

	prefix_parse("10.0.0.0/8", &q);
	cr_assert_str_neq(prefix2str(&p, b1, sizeof(b1)), prefix2str(&q, b2, sizeof(b2)));
}

Test(prefix, apply_mask)
{
	struct prefix p;
	char buf[PREFIX_STRLEN];

	prefix_parse("10.255.255.255/9", &p);
	apply_mask(&p);
	cr_assert_str_eq(prefix2str(&p, buf, sizeof(buf)), "10.128.0.0/9");
	prefix_parse("1.2.3.4/0", &p);
	apply_mask(&p);
	cr_assert_str_eq(prefix2str(&p, buf, sizeof(buf)), "0.0.0.0/0");
	prefix_parse("1.2.3.4/32", &p);
	apply_mask(&p);
	cr_assert_str_eq(prefix2str(&p, buf, sizeof(buf)), "1.2.3.4/32");
	prefix_parse("2001:db8:ffff:ffff::1/33", &p);
	apply_mask(&p);
	cr_assert_str_eq(prefix2str(&p, buf, sizeof(buf)), "2001:db8:8000::/33");
	prefix_parse("ffff::ffff/128", &p);
	apply_mask(&p);
	cr_assert_str_eq(prefix2str(&p, buf, sizeof(buf)), "ffff::ffff/128");
}

Test(prefix, compare_same_match)
{
	struct prefix a, b, c, d, e;

	prefix_parse("10.0.0.0/8", &a);
	prefix_parse("10.0.0.0/16", &b);
	prefix_parse("10.1.0.0/16", &c);
	prefix_parse("::/0", &d);
	prefix_parse("10.0.0.0/8", &e);
	cr_assert_lt(prefix_cmp(&a, &b), 0);
	cr_assert_lt(prefix_cmp(&b, &c), 0);
	cr_assert_gt(prefix_cmp(&c, &a), 0);
	cr_assert_lt(prefix_cmp(&a, &d), 0, "IPv4 sorts before IPv6");
	cr_assert_eq(prefix_cmp(&a, &e), 0);
	cr_assert(prefix_same(&a, &e));
	cr_assert_not(prefix_same(&a, &b));

	cr_assert(prefix_match(&a, &b));
	cr_assert(prefix_match(&a, &c));
	cr_assert(prefix_match(&a, &a));
	cr_assert_not(prefix_match(&b, &a), "longer never contains shorter");
	cr_assert_not(prefix_match(&b, &c));
	cr_assert_not(prefix_match(&a, &d), "families differ");

	struct prefix def4, host;

	prefix_parse("0.0.0.0/0", &def4);
	prefix_parse("203.0.113.9/32", &host);
	cr_assert(prefix_match(&def4, &host));
	cr_assert(prefix_is_default(&def4));
	cr_assert(prefix_is_default(&d));
	cr_assert_not(prefix_is_default(&a));

	struct prefix n6, h6;

	prefix_parse("2001:db8::/31", &n6);
	prefix_parse("2001:db9::1/128", &h6);
	cr_assert(prefix_match(&n6, &h6));
	prefix_parse("2001:dba::1/128", &h6);
	cr_assert_not(prefix_match(&n6, &h6));
}

Test(prefix, netmasks)
{
	cr_assert_eq(ntohl(masklen2ip(0).s_addr), 0);
	cr_assert_eq(ntohl(masklen2ip(1).s_addr), 0x80000000);
	cr_assert_eq(ntohl(masklen2ip(24).s_addr), 0xffffff00);
	cr_assert_eq(ntohl(masklen2ip(32).s_addr), 0xffffffff);
	for (unsigned l = 0; l <= 32; l++)
		cr_assert_eq(ip_masklen(masklen2ip(l)), (int)l);

	struct in_addr m;

	m.s_addr = htonl(0xff00ff00);
	cr_assert_eq(ip_masklen(m), -1);
	m.s_addr = htonl(0x00ffffff);
	cr_assert_eq(ip_masklen(m), -1);
	m.s_addr = htonl(0xfffffffe);
	cr_assert_eq(ip_masklen(m), 31);
	m.s_addr = htonl(0x7fffffff);
	cr_assert_eq(ip_masklen(m), -1);

	struct in6_addr m6;
	char buf[INET6_ADDRSTRLEN];

	masklen2ip6(65, &m6);
	inet_ntop(AF_INET6, &m6, buf, sizeof(buf));
	cr_assert_str_eq(buf, "ffff:ffff:ffff:ffff:8000::");
	masklen2ip6(0, &m6);
	inet_ntop(AF_INET6, &m6, buf, sizeof(buf));
	cr_assert_str_eq(buf, "::");
}

Test(sockunion, parse_print_compare)
{
	union sockunion a, b, c, canary;
	char buf[SU_ADDRSTRLEN];

	cr_assert_eq(str2sockunion("192.0.2.1", &a), 0);
	cr_assert_eq(a.sa.sa_family, AF_INET);
	cr_assert_eq(sockunion_len(&a), sizeof(struct sockaddr_in));
	cr_assert_str_eq(sockunion2str(&a, buf, sizeof(buf)), "192.0.2.1");
	cr_assert_eq(str2sockunion("2001:db8::1", &b), 0);
	cr_assert_eq(b.sa.sa_family, AF_INET6);
	cr_assert_eq(sockunion_len(&b), sizeof(struct sockaddr_in6));
	cr_assert_str_eq(sockunion2str(&b, buf, sizeof(buf)), "2001:db8::1");

	memset(&c, 0x77, sizeof(c));
	canary = c;
	cr_assert_eq(str2sockunion("192.0.2.300", &c), -1);
	cr_assert_eq(str2sockunion("192.0.2.1/32", &c), -1);
	cr_assert_eq(str2sockunion("", &c), -1);
	cr_assert_eq(str2sockunion("2001:db8::1 ", &c), -1);
	cr_assert_eq(memcmp(&c, &canary, sizeof(c)), 0);

	cr_assert_lt(sockunion_cmp(&a, &b), 0);
	str2sockunion("192.0.2.2", &c);
	cr_assert_lt(sockunion_cmp(&a, &c), 0);
	cr_assert_gt(sockunion_cmp(&c, &a), 0);
	str2sockunion("10.0.0.1", &c);
	cr_assert_gt(sockunion_cmp(&a, &c), 0, "compares in network order");
	str2sockunion("192.0.2.1", &c);
	cr_assert(sockunion_same(&a, &c));
	cr_assert_not(sockunion_same(&a, &b));

	struct prefix p;

	prefix_parse("198.51.100.7/24", &p);
	sockunion_from_prefix(&c, &p);
	cr_assert_str_eq(sockunion2str(&c, buf, sizeof(buf)), "198.51.100.7");
}
