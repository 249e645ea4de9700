/*
 * Tests of ripd/rip_packet.c and rip_md5.c: the RFC 1321 test suite, the
 * Response recorded from a real exchange (runs.md section 9), a table of
 * malformed datagrams each with the error it must produce, a table of route
 * entries with their verdicts, and encode/parse round trips including keyed
 * MD5 with the right and a wrong key.
 */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "ripd/rip_md5.h"
#include "ripd/rip_packet.h"

static size_t unhex(const char *hex, uint8_t *out, size_t cap)
{
	size_t n = 0;

	while (hex[0] && hex[1] && n < cap) {
		unsigned v;

		if (hex[0] == ' ') {
			hex++;
			continue;
		}
		sscanf(hex, "%2x", &v);
		out[n++] = (uint8_t)v;
		hex += 2;
	}
	return n;
}

static void md5_hex(const char *msg, char out[33])
{
	struct rip_md5_ctx c;
	uint8_t d[16];

	rip_md5_init(&c);
	rip_md5_update(&c, msg, strlen(msg));
	rip_md5_final(&c, d);
	for (int i = 0; i < 16; i++)
		sprintf(out + 2 * i, "%02x", d[i]);
}

Test(rip_md5, rfc1321_test_suite)
{
	static const struct {
		const char *msg, *digest;
	} v[] = {
		{ "", "d41d8cd98f00b204e9800998ecf8427e" },
		{ "a", "0cc175b9c0f1b6a831c399e269772661" },
		{ "abc", "900150983cd24fb0d6963f7d28e17f72" },
		{ "message digest", "f96b697d7cb7938d525a2f31aaf161d0" },
		{ "abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b" },
		{ "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
		  "d174ab98d277d9f5a5611c2c9f419d9f" },
		{ "1234567890123456789012345678901234567890"
		  "1234567890123456789012345678901234567890",
		  "57edf4a22be3c955ac49da2e2107b67a" },
	};
	char out[33];

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		md5_hex(v[i].msg, out);
		cr_expect_str_eq(out, v[i].digest, "MD5(\"%s\")", v[i].msg);
	}
}

/* The Response of runs.md section 9: 172.20/16 metric 1, 172.21/16 metric 2 tag 77. */
Test(rip_packet, recorded_response)
{
	uint8_t buf[RIP_PACKET_MAX];
	size_t n = unhex("0202000000020000ac140000ffff000000000000000000010002004d"
			 "ac150000ffff00000000000000000002", buf, sizeof(buf));
	struct rip_packet pkt;
	struct prefix p;
	char s[PREFIX_STRLEN];

	cr_assert_eq(rip_packet_parse(buf, n, &pkt, NULL), RIP_PARSE_OK);
	cr_assert_eq(pkt.command, RIP_RESPONSE);
	cr_assert_eq(pkt.version, RIPv2);
	cr_assert_eq(pkt.auth.type, RIP_NO_AUTH);
	cr_assert_eq(pkt.nrte, 2);
	cr_assert_eq(rip_rte_check(&pkt.rte[0], 2, NULL, &p), RIP_RTE_OK);
	cr_assert_str_eq(prefix2str(&p, s, sizeof(s)), "172.20.0.0/16");
	cr_assert_eq(pkt.rte[0].metric, 1);
	cr_assert_eq(rip_rte_check(&pkt.rte[1], 2, NULL, &p), RIP_RTE_OK);
	cr_assert_str_eq(prefix2str(&p, s, sizeof(s)), "172.21.0.0/16");
	cr_assert_eq(pkt.rte[1].tag, 77);
	cr_assert_eq(pkt.rte[1].metric, 2);
}

struct bad_case {
	const char *name;
	const char *hex;
	enum rip_parse_result want;
};

#define ENTRY_OK "0002 0000 0a010000 ffff0000 00000000 00000001"

static const struct bad_case bad_packets[] = {
	{ "empty", "", RIP_PARSE_SHORT },
	{ "3 bytes", "020200", RIP_PARSE_SHORT },
	{ "header plus 1", "0202000000", RIP_PARSE_SIZE },
	{ "header plus 19", "02020000 0002 0000 0a010000 ffff0000 00000000 000000",
	  RIP_PARSE_SIZE },
	{ "version 0", "02000000" ENTRY_OK, RIP_PARSE_VERSION },
	{ "version 3", "02030000" ENTRY_OK, RIP_PARSE_VERSION },
	{ "version 255", "02ff0000" ENTRY_OK, RIP_PARSE_VERSION },
	{ "command 0", "00020000" ENTRY_OK, RIP_PARSE_COMMAND },
	{ "command 7", "07020000" ENTRY_OK, RIP_PARSE_COMMAND },
	{ "command 200", "c8020000" ENTRY_OK, RIP_PARSE_COMMAND },
	{ "v1 header must-be-zero", "02010001 0002 0000 0a000000 00000000 00000000 00000001",
	  RIP_PARSE_MBZ },
	{ "v1 request header must-be-zero", "01010100 0000 0000 00000000 00000000 00000000 00000010",
	  RIP_PARSE_MBZ },
	{ "v1 with tag", "02010000 0002 0005 0a000000 00000000 00000000 00000001",
	  RIP_PARSE_MBZ },
	{ "v1 with mask", "02010000 0002 0000 0a000000 ff000000 00000000 00000001",
	  RIP_PARSE_MBZ },
	{ "v1 with nexthop", "02010000 0002 0000 0a000000 00000000 0a000001 00000001",
	  RIP_PARSE_MBZ },
	{ "auth unknown type", "02020000 ffff 0007 00000000 00000000 00000000 00000000",
	  RIP_PARSE_AUTH },
	{ "auth type 1 first", "02020000 ffff 0001 00000000 00000000 00000000 00000000",
	  RIP_PARSE_AUTH },
	{ "md5 without trailer", "02020000 ffff 0003 0018 01 14 00000001 00000000 00000000",
	  RIP_PARSE_AUTH },
	{ "md5 offset too big", "02020000 ffff 0003 00ff 01 14 00000001 00000000 00000000"
	  ENTRY_OK "ffff 0001 00000000 00000000 00000000 00000000", RIP_PARSE_AUTH },
	{ "md5 offset not at trailer", "02020000 ffff 0003 0018 01 14 00000001 00000000 00000000"
	  ENTRY_OK "ffff 0001 00000000 00000000 00000000 00000000", RIP_PARSE_AUTH },
	{ "md5 bad auth len", "02020000 ffff 0003 002c 01 11 00000001 00000000 00000000"
	  ENTRY_OK "ffff 0001 00000000 00000000 00000000 00000000", RIP_PARSE_AUTH },
	{ "md5 trailer wrong type", "02020000 ffff 0003 002c 01 14 00000001 00000000 00000000"
	  ENTRY_OK "ffff 0002 00000000 00000000 00000000 00000000", RIP_PARSE_AUTH },
	{ "md5 trailer wrong afi", "02020000 ffff 0003 002c 01 10 00000001 00000000 00000000"
	  ENTRY_OK "0002 0001 00000000 00000000 00000000 00000000", RIP_PARSE_AUTH },
};

Test(rip_packet, malformed_table)
{
	uint8_t buf[1024];
	struct rip_packet pkt;

	for (size_t i = 0; i < sizeof(bad_packets) / sizeof(bad_packets[0]); i++) {
		const struct bad_case *c = &bad_packets[i];
		size_t n = unhex(c->hex, buf, sizeof(buf));
		const char *why = NULL;
		enum rip_parse_result r = rip_packet_parse(buf, n, &pkt, &why);

		cr_expect_eq(r, c->want, "%s: got %d (%s), want %d", c->name, r,
			     rip_parse_result_str(r), c->want);
		cr_expect_not_null(why, "%s: no reason given", c->name);
	}
}

Test(rip_packet, too_long)
{
	uint8_t buf[RIP_PACKET_MAX + 20] = { 2, 2, 0, 0 };
	struct rip_packet pkt;

	cr_assert_eq(rip_packet_parse(buf, sizeof(buf), &pkt, NULL), RIP_PARSE_LONG);
	/* exactly 512 is not a 4 + 20n size; 504 (25 entries) is the largest */
	cr_assert_eq(rip_packet_parse(buf, 504, &pkt, NULL), RIP_PARSE_OK);
	cr_assert_eq(pkt.nrte, 25);
}

/*
 * RFC 2453 4.1: only the first entry can be the authentication entry; a
 * later 0xFFFF entry is just an entry of an unknown family, which
 * rip_rte_check ignores alone (the packet's other entries are used).
 */
Test(rip_packet, late_ffff_entry_is_an_unknown_family)
{
	uint8_t buf[128];
	struct rip_packet pkt;
	struct prefix p;
	size_t n = unhex("02020000" ENTRY_OK "ffff 0002 41414141 00000000 00000000 00000000",
			 buf, sizeof(buf));

	cr_assert_eq(rip_packet_parse(buf, n, &pkt, NULL), RIP_PARSE_OK);
	cr_assert_eq(pkt.auth.type, RIP_NO_AUTH);
	cr_assert_eq(pkt.nrte, 2);
	cr_assert_eq(pkt.rte[1].afi, RIP_AFI_AUTH);
	cr_assert_eq(rip_rte_check(&pkt.rte[1], 2, NULL, &p), RIP_RTE_AFI);
	cr_assert_eq(rip_rte_check(&pkt.rte[0], 2, NULL, &p), RIP_RTE_OK);
}

Test(rip_packet, header_only_and_obsolete_commands_parse)
{
	uint8_t hdr[4] = { RIP_TRACEON, 1, 0, 0 };
	struct rip_packet pkt;

	cr_assert_eq(rip_packet_parse(hdr, 4, &pkt, NULL), RIP_PARSE_OK);
	cr_assert_eq(pkt.nrte, 0);
	hdr[0] = RIP_POLL;
	cr_assert_eq(rip_packet_parse(hdr, 4, &pkt, NULL), RIP_PARSE_OK);
}

struct rte_case {
	const char *name;
	uint8_t version;
	uint16_t afi;
	const char *addr, *mask, *nexthop;
	uint32_t metric;
	enum rip_rte_result want;
	const char *prefix;	/* expected when OK */
};

static const struct rte_case rte_cases[] = {
	{ "v2 ok", 2, 2, "10.1.0.0", "255.255.0.0", "0.0.0.0", 1, RIP_RTE_OK, "10.1.0.0/16" },
	{ "v2 default", 2, 2, "0.0.0.0", "0.0.0.0", "0.0.0.0", 3, RIP_RTE_OK, "0.0.0.0/0" },
	{ "v2 metric 16", 2, 2, "10.1.0.0", "255.255.0.0", "0.0.0.0", 16, RIP_RTE_OK, "10.1.0.0/16" },
	{ "metric 0", 2, 2, "10.1.0.0", "255.255.0.0", "0.0.0.0", 0, RIP_RTE_METRIC, NULL },
	{ "metric 17", 2, 2, "10.1.0.0", "255.255.0.0", "0.0.0.0", 17, RIP_RTE_METRIC, NULL },
	{ "metric huge", 2, 2, "10.1.0.0", "255.255.0.0", "0.0.0.0", 0xffffffff, RIP_RTE_METRIC, NULL },
	{ "afi 0", 2, 0, "10.1.0.0", "255.255.0.0", "0.0.0.0", 1, RIP_RTE_AFI, NULL },
	{ "afi inet6", 2, 10, "10.1.0.0", "255.255.0.0", "0.0.0.0", 1, RIP_RTE_AFI, NULL },
	{ "loopback", 2, 2, "127.0.0.0", "255.0.0.0", "0.0.0.0", 1, RIP_RTE_ADDRESS, NULL },
	{ "multicast", 2, 2, "224.0.0.0", "240.0.0.0", "0.0.0.0", 1, RIP_RTE_ADDRESS, NULL },
	{ "class E", 2, 2, "240.0.0.1", "255.255.255.255", "0.0.0.0", 1, RIP_RTE_ADDRESS, NULL },
	{ "net zero", 2, 2, "0.1.0.0", "255.255.0.0", "0.0.0.0", 1, RIP_RTE_ADDRESS, NULL },
	{ "non-contiguous mask", 2, 2, "10.1.0.0", "255.0.255.0", "0.0.0.0", 1, RIP_RTE_MASK, NULL },
	{ "host bits set", 2, 2, "10.1.1.1", "255.255.0.0", "0.0.0.0", 1, RIP_RTE_MASK, NULL },
	{ "multicast next hop", 2, 2, "10.1.0.0", "255.255.0.0", "224.0.0.9", 1, RIP_RTE_NEXTHOP, NULL },
	{ "class E next hop", 2, 2, "10.1.0.0", "255.255.0.0", "240.0.0.1", 1, RIP_RTE_NEXTHOP, NULL },
	{ "loopback next hop", 2, 2, "10.1.0.0", "255.255.0.0", "127.0.0.1", 1, RIP_RTE_NEXTHOP, NULL },
	{ "net 0 next hop", 2, 2, "10.1.0.0", "255.255.0.0", "0.0.0.1", 1, RIP_RTE_NEXTHOP, NULL },
	/* 0.0.0.0 is the default route, whatever mask it carries */
	{ "default with a mask", 2, 2, "0.0.0.0", "255.0.0.0", "0.0.0.0", 1, RIP_RTE_OK, "0.0.0.0/0" },
	{ "v1 default", 1, 2, "0.0.0.0", "0.0.0.0", "0.0.0.0", 1, RIP_RTE_OK, "0.0.0.0/0" },
	{ "v1 subnet of another net is a host", 1, 2, "172.16.5.0", "0.0.0.0", "0.0.0.0", 1, RIP_RTE_OK, "172.16.5.0/32" },
	{ "v1 host in receiving subnet", 1, 2, "10.0.7.9", "0.0.0.0", "0.0.0.0", 1, RIP_RTE_OK, "10.0.7.9/32" },
	{ "v2 with next hop", 2, 2, "10.1.0.0", "255.255.0.0", "192.0.2.1", 1, RIP_RTE_OK, "10.1.0.0/16" },
	{ "v1 class A", 1, 2, "11.0.0.0", "0.0.0.0", "0.0.0.0", 1, RIP_RTE_OK, "11.0.0.0/8" },
	{ "v1 subnet zero of receiving net", 1, 2, "10.0.0.0", "0.0.0.0", "0.0.0.0", 1, RIP_RTE_OK, "10.0.0.0/24" },
	{ "v1 class B", 1, 2, "172.16.0.0", "0.0.0.0", "0.0.0.0", 1, RIP_RTE_OK, "172.16.0.0/16" },
	{ "v1 class C", 1, 2, "192.168.1.0", "0.0.0.0", "0.0.0.0", 1, RIP_RTE_OK, "192.168.1.0/24" },
	{ "v1 host", 1, 2, "172.16.5.5", "0.0.0.0", "0.0.0.0", 1, RIP_RTE_OK, "172.16.5.5/32" },
	{ "v1 subnet of receiving net", 1, 2, "10.0.7.0", "0.0.0.0", "0.0.0.0", 1, RIP_RTE_OK, "10.0.7.0/24" },
	{ "v2 zero mask guessed", 2, 2, "192.168.3.0", "0.0.0.0", "0.0.0.0", 1, RIP_RTE_OK, "192.168.3.0/24" },
};

static struct in_addr a4(const char *s)
{
	struct in_addr a;

	cr_assert_eq(inet_pton(AF_INET, s, &a), 1);
	return a;
}

Test(rip_packet, rte_table)
{
	struct prefix ifaddr, p;
	char s[PREFIX_STRLEN];

	prefix_from_ipv4(&ifaddr, a4("10.0.0.1"), 24);
	for (size_t i = 0; i < sizeof(rte_cases) / sizeof(rte_cases[0]); i++) {
		const struct rte_case *c = &rte_cases[i];
		struct rip_rte e = {
			.afi = c->afi, .addr = a4(c->addr), .mask = a4(c->mask),
			.nexthop = a4(c->nexthop), .metric = c->metric,
		};
		enum rip_rte_result r = rip_rte_check(&e, c->version, &ifaddr, &p);

		cr_expect_eq(r, c->want, "%s: got %s", c->name, rip_rte_result_str(r));
		if (r == RIP_RTE_OK && c->prefix)
			cr_expect_str_eq(prefix2str(&p, s, sizeof(s)), c->prefix, "%s", c->name);
	}
}

Test(rip_packet, whole_table_request)
{
	uint8_t buf[64];
	size_t n = unhex("01020000 0000 0000 00000000 00000000 00000000 00000010", buf, sizeof(buf));
	struct rip_packet pkt;

	cr_assert_eq(rip_packet_parse(buf, n, &pkt, NULL), RIP_PARSE_OK);
	cr_assert(rip_request_is_whole_table(&pkt));
	buf[n - 1] = 1;
	cr_assert_eq(rip_packet_parse(buf, n, &pkt, NULL), RIP_PARSE_OK);
	cr_assert_not(rip_request_is_whole_table(&pkt));
}

static void build_routes(struct writer *w, unsigned count)
{
	for (unsigned i = 0; i < count; i++) {
		struct rip_rte e = {
			.afi = RIP_AFI_INET, .tag = (uint16_t)i,
			.addr = { htonl(0x0a000000u | (i << 8)) },
			.mask = { htonl(0xffffff00u) },
			.metric = 1 + i % 16,
		};
		rip_put_rte(w, &e);
	}
}

Test(rip_packet, encode_roundtrip_simple_password)
{
	struct writer w;
	struct rip_packet pkt;

	wr_init(&w, 64);
	rip_put_header(&w, RIP_RESPONSE, RIPv2);
	rip_put_auth_simple(&w, "sesame");
	build_routes(&w, 24);
	cr_assert_not(wr_failed(&w));
	cr_assert_eq(w.len, 4 + 25 * 20);
	cr_assert_eq(rip_packet_parse(w.data, w.len, &pkt, NULL), RIP_PARSE_OK);
	cr_assert_eq(pkt.auth.type, RIP_AUTH_SIMPLE_PASSWORD);
	cr_assert_str_eq(pkt.auth.password, "sesame");
	cr_assert_eq(pkt.nrte, 24);
	cr_assert_eq(pkt.rte[23].tag, 23);
	cr_assert_eq(pkt.rte[23].metric, 1 + 23 % 16);
	wr_free(&w);
}

Test(rip_packet, md5_sign_and_verify)
{
	struct writer w;
	struct rip_packet pkt;

	for (int len = 16; len <= 20; len += 4) {
		wr_init(&w, 64);
		rip_put_header(&w, RIP_RESPONSE, RIPv2);
		rip_put_auth_md5(&w, 7, (uint8_t)len, 12345);
		build_routes(&w, 23);
		rip_md5_finish(&w, "secret");
		cr_assert_not(wr_failed(&w));
		cr_assert_eq(w.len, 4 + 25 * 20);
		cr_assert_eq(rip_packet_parse(w.data, w.len, &pkt, NULL), RIP_PARSE_OK);
		cr_assert_eq(pkt.auth.type, RIP_AUTH_MD5);
		cr_assert_eq(pkt.auth.key_id, 7);
		cr_assert_eq(pkt.auth.auth_len, len);
		cr_assert_eq(pkt.auth.seq, 12345);
		cr_assert_eq(pkt.nrte, 23);
		cr_assert(rip_md5_verify(w.data, w.len, &pkt, "secret"));
		cr_assert_not(rip_md5_verify(w.data, w.len, &pkt, "secreT"));
		cr_assert_not(rip_md5_verify(w.data, w.len, &pkt, ""));
		/* one flipped bit in a route breaks the digest */
		w.data[30] ^= 1;
		cr_assert_eq(rip_packet_parse(w.data, w.len, &pkt, NULL), RIP_PARSE_OK);
		cr_assert_not(rip_md5_verify(w.data, w.len, &pkt, "secret"));
		wr_free(&w);
	}
}

/* Every truncation of a valid MD5 packet is rejected without crashing. */
Test(rip_packet, truncations)
{
	struct writer w;
	struct rip_packet pkt;

	wr_init(&w, 64);
	rip_put_header(&w, RIP_RESPONSE, RIPv2);
	rip_put_auth_md5(&w, 1, 20, 1);
	build_routes(&w, 3);
	rip_md5_finish(&w, "k");
	/* (4 bytes alone is a valid, empty packet) */
	for (size_t n = 0; n < w.len; n++)
		if (n != RIP_HEADER_SIZE)
			cr_expect_neq(rip_packet_parse(w.data, n, &pkt, NULL), RIP_PARSE_OK,
				      "truncated at %zu parsed", n);
	wr_free(&w);
}
