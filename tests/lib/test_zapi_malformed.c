/*
 * Malformed input for every zserv decoder: a table of bodies that must be
 * rejected with a specific error, bad headers, the framing helper fed byte
 * by byte, every golden message truncated at every length, and random
 * byte mutations of the golden messages (which must never crash; run this
 * under ASan/UBSan with --enable-sanitizers).
 */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "zapi.h"
#include "zapi_test_util.h"

struct bad_body {
	const char *name;
	bool c2z;
	uint16_t cmd;
	const char *body;	/* hex; the header is added with the right length */
	int err;
};

#define LO_BODY "6c6f000000000000000000000000000000000000" "00000001" "05" \
	"0000000000010049" "00000000" "00010000" "00010000" "00000000" "0000001e"
#define Z16 "00000000000000000000000000000000"

static const struct bad_body bad_bodies[] = {
	/* one-byte route type / empty bodies */
	{ "hello empty", true, ZEBRA_HELLO, "", ZAPI_ERR_TRUNCATED },
	{ "hello trailing", true, ZEBRA_HELLO, "0400", ZAPI_ERR_TRAILING },
	{ "redist add empty", true, ZEBRA_REDISTRIBUTE_ADD, "", ZAPI_ERR_TRUNCATED },
	{ "router-id add body", true, ZEBRA_ROUTER_ID_ADD, "00", ZAPI_ERR_TRAILING },
	{ "redist default body", true, ZEBRA_REDISTRIBUTE_DEFAULT_ADD, "01", ZAPI_ERR_TRAILING },
	{ "interface subscribe body", true, ZEBRA_INTERFACE_ADD, "00", ZAPI_ERR_TRAILING },
	/* router id */
	{ "rid family 3", false, ZEBRA_ROUTER_ID_UPDATE, "030a00010120", ZAPI_ERR_FAMILY },
	{ "rid plen 33", false, ZEBRA_ROUTER_ID_UPDATE, "020a00010121", ZAPI_ERR_PREFIXLEN },
	{ "rid v6 plen 129", false, ZEBRA_ROUTER_ID_UPDATE, "0a" Z16 "81", ZAPI_ERR_PREFIXLEN },
	{ "rid truncated", false, ZEBRA_ROUTER_ID_UPDATE, "020a000101", ZAPI_ERR_TRUNCATED },
	{ "rid trailing", false, ZEBRA_ROUTER_ID_UPDATE, "020a00010120ff", ZAPI_ERR_TRAILING },
	{ "rid empty", false, ZEBRA_ROUTER_ID_UPDATE, "", ZAPI_ERR_TRUNCATED },
	/* interfaces */
	{ "if empty", false, ZEBRA_INTERFACE_ADD, "", ZAPI_ERR_TRUNCATED },
	{ "if short name", false, ZEBRA_INTERFACE_ADD, "6c6f00", ZAPI_ERR_TRUNCATED },
	{ "if no lp byte", false, ZEBRA_INTERFACE_ADD, LO_BODY "00000000", ZAPI_ERR_TRUNCATED },
	{ "if hwlen 21", false, ZEBRA_INTERFACE_UP, LO_BODY "00000015" "00", ZAPI_ERR_VALUE },
	{ "if hwlen huge", false, ZEBRA_INTERFACE_DOWN, LO_BODY "ffffffff" "00", ZAPI_ERR_VALUE },
	{ "if hw truncated", false, ZEBRA_INTERFACE_ADD, LO_BODY "00000006" "0200", ZAPI_ERR_TRUNCATED },
	{ "if lp missing", false, ZEBRA_INTERFACE_ADD, LO_BODY "00000000" "01", ZAPI_ERR_TRUNCATED },
	{ "if lp 9 classes", false, ZEBRA_INTERFACE_ADD,
	  LO_BODY "00000000" "01" "00000000000000000000000000000000" "00000009", ZAPI_ERR_VALUE },
	{ "if lp classes huge", false, ZEBRA_INTERFACE_ADD,
	  LO_BODY "00000000" "01" "00000000000000000000000000000000" "ffffffff", ZAPI_ERR_VALUE },
	{ "if lp classes truncated", false, ZEBRA_INTERFACE_ADD,
	  LO_BODY "00000000" "01" "00000000000000000000000000000000" "00000008" "00000000",
	  ZAPI_ERR_TRUNCATED },
	{ "if trailing", false, ZEBRA_INTERFACE_DELETE, LO_BODY "00000000" "00" "00",
	  ZAPI_ERR_TRAILING },
	{ "link params short", false, ZEBRA_INTERFACE_LINK_PARAMS, "00000003", ZAPI_ERR_TRUNCATED },
	{ "link params no ifindex", false, ZEBRA_INTERFACE_LINK_PARAMS, "0000", ZAPI_ERR_TRUNCATED },
	/* addresses */
	{ "addr family 0", false, ZEBRA_INTERFACE_ADDRESS_ADD, "0000000100007f0000010800000000",
	  ZAPI_ERR_FAMILY },
	{ "addr v6 plen 129", false, ZEBRA_INTERFACE_ADDRESS_ADD, "00000001000a" Z16 "81" Z16,
	  ZAPI_ERR_PREFIXLEN },
	{ "addr v4 plen 33", false, ZEBRA_INTERFACE_ADDRESS_DELETE, "0000000100027f0000012100000000",
	  ZAPI_ERR_PREFIXLEN },
	{ "addr dest truncated", false, ZEBRA_INTERFACE_ADDRESS_ADD, "0000000100027f000001080000",
	  ZAPI_ERR_TRUNCATED },
	{ "addr v6 as v4 size", false, ZEBRA_INTERFACE_ADDRESS_ADD, "00000001000a7f0000010800000000",
	  ZAPI_ERR_TRUNCATED },
	{ "addr trailing", false, ZEBRA_INTERFACE_ADDRESS_ADD, "0000000100027f000001080000000000",
	  ZAPI_ERR_TRAILING },
	/* client -> zebra routes */
	{ "route empty", true, ZEBRA_IPV4_ROUTE_ADD, "", ZAPI_ERR_TRUNCATED },
	{ "route no safi", true, ZEBRA_IPV4_ROUTE_ADD, "04000900", ZAPI_ERR_TRUNCATED },
	{ "route plen 33", true, ZEBRA_IPV4_ROUTE_ADD, "040009000121ac140000", ZAPI_ERR_PREFIXLEN },
	{ "route v6 plen 129", true, ZEBRA_IPV6_ROUTE_ADD, "090001000181", ZAPI_ERR_PREFIXLEN },
	{ "route prefix truncated", true, ZEBRA_IPV4_ROUTE_ADD, "040009000110ac", ZAPI_ERR_TRUNCATED },
	{ "route no nh count", true, ZEBRA_IPV4_ROUTE_ADD, "040001000110ac14", ZAPI_ERR_TRUNCATED },
	{ "route count 255", true, ZEBRA_IPV4_ROUTE_ADD, "040001000110ac14ff030a000002",
	  ZAPI_ERR_NEXTHOP_COUNT },
	{ "route count 5 of 1", true, ZEBRA_IPV4_ROUTE_ADD, "040001000110ac1405030a000002",
	  ZAPI_ERR_NEXTHOP_COUNT },
	{ "route nh truncated", true, ZEBRA_IPV4_ROUTE_ADD, "040001000110ac1401030a00",
	  ZAPI_ERR_NEXTHOP_COUNT },
	{ "route nh type 0", true, ZEBRA_IPV4_ROUTE_ADD, "040001000110ac140100", ZAPI_ERR_NEXTHOP_TYPE },
	{ "route nh type 7", true, ZEBRA_IPV4_ROUTE_ADD, "040001000110ac1401070000000000000000",
	  ZAPI_ERR_NEXTHOP_TYPE },
	{ "route nh type 200", true, ZEBRA_IPV6_ROUTE_DELETE, "090001000100" "01c8",
	  ZAPI_ERR_NEXTHOP_TYPE },
	{ "route ifname overrun", true, ZEBRA_IPV4_ROUTE_ADD, "040001000110ac140102106574",
	  ZAPI_ERR_NEXTHOP_COUNT },
	{ "route metric truncated", true, ZEBRA_IPV4_ROUTE_ADD, "040009000110ac1401030a000002000000",
	  ZAPI_ERR_TRUNCATED },
	{ "route tag missing", true, ZEBRA_IPV4_ROUTE_DELETE, "040029000110ac1401030a00000200000002",
	  ZAPI_ERR_TRUNCATED },
	{ "route trailing", true, ZEBRA_IPV4_ROUTE_ADD, "040009000110ac1401030a0000020000000200",
	  ZAPI_ERR_TRAILING },
	/* zebra -> client routes */
	{ "redist empty", false, ZEBRA_IPV4_ROUTE_ADD, "", ZAPI_ERR_TRUNCATED },
	{ "redist plen 200", false, ZEBRA_IPV4_ROUTE_ADD, "02101fc8", ZAPI_ERR_PREFIXLEN },
	{ "redist v6 plen 129", false, ZEBRA_IPV6_ROUTE_ADD, "02101f81", ZAPI_ERR_PREFIXLEN },
	{ "redist nh truncated", false, ZEBRA_IPV4_ROUTE_ADD, "02101f180a0000010000", ZAPI_ERR_TRUNCATED },
	{ "redist v6 nh truncated", false, ZEBRA_IPV6_ROUTE_DELETE, "02100340fe80000000000000" "01" "00000000",
	  ZAPI_ERR_TRUNCATED },
	{ "redist ifindex truncated", false, ZEBRA_IPV4_ROUTE_DELETE, "021003180a000001000000000100",
	  ZAPI_ERR_TRUNCATED },
	{ "redist mtu missing", false, ZEBRA_IPV4_ROUTE_ADD,
	  "02101f180a000001000000000100000003" "00" "00000000", ZAPI_ERR_TRUNCATED },
	{ "redist trailing", false, ZEBRA_IPV4_ROUTE_DELETE, "03100018c0a86400", ZAPI_ERR_TRAILING },
	/* lookups */
	{ "lookup4 req short", true, ZEBRA_IPV4_NEXTHOP_LOOKUP, "0a0000", ZAPI_ERR_TRUNCATED },
	{ "lookup4 req trailing", true, ZEBRA_IPV4_NEXTHOP_LOOKUP, "0a00000100", ZAPI_ERR_TRAILING },
	{ "lookup6 req short", true, ZEBRA_IPV6_NEXTHOP_LOOKUP, "000000000000000000000000000000",
	  ZAPI_ERR_TRUNCATED },
	{ "import plen 33", true, ZEBRA_IPV4_IMPORT_LOOKUP, "210a000000", ZAPI_ERR_PREFIXLEN },
	{ "import short", true, ZEBRA_IPV4_IMPORT_LOOKUP, "18", ZAPI_ERR_TRUNCATED },
	{ "mrib req short", true, ZEBRA_IPV4_NEXTHOP_LOOKUP_MRIB, "", ZAPI_ERR_TRUNCATED },
	{ "lookup reply count overrun", false, ZEBRA_IPV4_NEXTHOP_LOOKUP,
	  "0a0000010000001403030a000001", ZAPI_ERR_NEXTHOP_COUNT },
	{ "lookup reply type 10", false, ZEBRA_IPV4_NEXTHOP_LOOKUP, "0a00000100000014010a",
	  ZAPI_ERR_NEXTHOP_TYPE },
	{ "lookup reply type 0", false, ZEBRA_IPV4_IMPORT_LOOKUP, "0a0000010000001401" "00",
	  ZAPI_ERR_NEXTHOP_TYPE },
	{ "lookup reply no metric", false, ZEBRA_IPV4_NEXTHOP_LOOKUP, "0a00000100", ZAPI_ERR_TRUNCATED },
	{ "mrib reply no distance", false, ZEBRA_IPV4_NEXTHOP_LOOKUP_MRIB, "0a000001", ZAPI_ERR_TRUNCATED },
	{ "lookup6 reply nh truncated", false, ZEBRA_IPV6_NEXTHOP_LOOKUP,
	  Z16 "00000001" "01" "07" "fe80", ZAPI_ERR_NEXTHOP_COUNT },
	{ "lookup reply trailing", false, ZEBRA_IPV4_NEXTHOP_LOOKUP, "0a000001000000000000",
	  ZAPI_ERR_TRAILING },
	/* nexthop tracking */
	{ "nht reg family 3", true, ZEBRA_NEXTHOP_REGISTER, "010003200a000002", ZAPI_ERR_FAMILY },
	{ "nht reg plen 33", true, ZEBRA_NEXTHOP_REGISTER, "010002210a000002", ZAPI_ERR_PREFIXLEN },
	{ "nht reg addr truncated", true, ZEBRA_NEXTHOP_REGISTER, "010002200a0000", ZAPI_ERR_TRUNCATED },
	{ "nht reg 2nd entry cut", true, ZEBRA_NEXTHOP_UNREGISTER, "010002200a00000201", ZAPI_ERR_TRUNCATED },
	{ "nht update family 0", false, ZEBRA_NEXTHOP_UPDATE, "0000200a0000020000000000",
	  ZAPI_ERR_FAMILY },
	{ "nht update plen 129", false, ZEBRA_NEXTHOP_UPDATE, "000a81", ZAPI_ERR_PREFIXLEN },
	{ "nht update count overrun", false, ZEBRA_NEXTHOP_UPDATE,
	  "0002200a000002000000000201" "00000003", ZAPI_ERR_NEXTHOP_COUNT },
	{ "nht update type 0", false, ZEBRA_NEXTHOP_UPDATE, "0002200a00000200000000" "01" "00",
	  ZAPI_ERR_NEXTHOP_TYPE },
	{ "nht update no count", false, ZEBRA_NEXTHOP_UPDATE, "0002200a00000200000000",
	  ZAPI_ERR_TRUNCATED },
	{ "nht update trailing", false, ZEBRA_NEXTHOP_UPDATE, "0002200a000002000000000000",
	  ZAPI_ERR_TRAILING },
	/* a command no decoder handles */
	{ "ipv6 import lookup", true, ZEBRA_IPV6_IMPORT_LOOKUP, "", ZAPI_ERR_COMMAND },
};

static size_t build(uint16_t cmd, const char *body_hex, uint8_t *out, size_t cap)
{
	int n = hex2bin(body_hex, out + 8, cap - 8);
	size_t len;

	cr_assert_geq(n, 0, "bad hex in table");
	len = 8 + (size_t)n;
	out[0] = (uint8_t)(len >> 8);
	out[1] = (uint8_t)len;
	out[2] = 255;
	out[3] = 3;
	out[4] = out[5] = 0;
	out[6] = (uint8_t)(cmd >> 8);
	out[7] = (uint8_t)cmd;
	return len;
}

Test(zapi_malformed, body_table)
{
	uint8_t buf[ZAPI_MAX_PACKET_SIZE];
	struct writer w;

	wr_init(&w, 64);
	for (size_t i = 0; i < sizeof(bad_bodies) / sizeof(bad_bodies[0]); i++) {
		const struct bad_body *b = &bad_bodies[i];
		size_t len = build(b->cmd, b->body, buf, sizeof(buf));
		int rc;

		wr_reset(&w);
		rc = decode_reencode(b->c2z, buf, len, &w);
		cr_expect_eq(rc, b->err, "%s: got %d (%s), want %d (%s)", b->name, rc,
			     zapi_strerror(rc), b->err, zapi_strerror(b->err));
		cr_expect_eq(w.len, 0, "%s: nothing encoded", b->name);
	}
	wr_free(&w);
}

struct bad_header {
	const char *name;
	const char *hex;	/* the whole buffer */
	int err;
};

static const struct bad_header bad_headers[] = {
	{ "empty", "", ZAPI_ERR_TRUNCATED },
	{ "4 bytes", "0008ff03", ZAPI_ERR_TRUNCATED },
	{ "7 bytes", "0008ff03000000", ZAPI_ERR_TRUNCATED },
	{ "length 7", "0007ff0300000014", ZAPI_ERR_LENGTH },
	{ "length 0", "0000ff0300000014", ZAPI_ERR_LENGTH },
	{ "length 4097", "1001ff0300000014", ZAPI_ERR_LENGTH },
	{ "length 65535", "ffffff0300000014", ZAPI_ERR_LENGTH },
	{ "length > buffer", "0009ff0300000014", ZAPI_ERR_LENGTH },
	{ "length < buffer", "0008ff030000001400", ZAPI_ERR_LENGTH },
	{ "marker 254", "0008fe0300000014", ZAPI_ERR_MARKER },
	{ "version 2", "0008ff0200000014", ZAPI_ERR_VERSION },
	{ "version 4", "0008ff0400000014", ZAPI_ERR_VERSION },
	{ "v0 header", "000314", ZAPI_ERR_LENGTH },
};

Test(zapi_malformed, header_table)
{
	uint8_t buf[64];
	struct zapi_header h;
	struct reader body;

	for (size_t i = 0; i < sizeof(bad_headers) / sizeof(bad_headers[0]); i++) {
		int n = hex2bin(bad_headers[i].hex, buf, sizeof(buf));
		int rc = zapi_msg_open(buf, (size_t)n, &h, &body);

		cr_expect_eq(rc, bad_headers[i].err, "%s: got %s", bad_headers[i].name,
			     zapi_strerror(rc));
	}
}

Test(zapi_framing, byte_by_byte_and_back_to_back)
{
	static struct golden_msg m[64];
	size_t n = golden_load("zserv-ripd.hex", m, 64);
	uint8_t stream[8192];
	size_t total = 0, off = 0, msglen = 0, count = 0;

	cr_assert_gt(n, 10);
	for (size_t i = 0; i < 10; i++) {
		memcpy(stream + total, m[i].data, m[i].len);
		total += m[i].len;
	}
	/* every prefix shorter than the first message needs more bytes */
	for (size_t k = 0; k < m[0].len; k++)
		cr_assert_eq(zapi_frame(stream, k, &msglen), ZAPI_FRAME_NEED_MORE, "k=%zu", k);
	/* back-to-back messages come out one at a time */
	while (off < total) {
		cr_assert_eq(zapi_frame(stream + off, total - off, &msglen), ZAPI_FRAME_OK);
		cr_assert_eq(msglen, m[count].len);
		off += msglen;
		count++;
	}
	cr_assert_eq(count, 10);
}

Test(zapi_framing, garbage_detected_early)
{
	static const uint8_t bad_marker[] = { 0x00, 0x20, 0x41 };
	static const uint8_t bad_version[] = { 0x00, 0x20, 0xff, 0x02 };
	static const uint8_t bad_len[] = { 0x00, 0x05 };
	static const uint8_t http[] = "GET / HTTP/1.0\r\n";
	size_t msglen = 12345;
	int err;

	cr_assert_eq(zapi_frame_err(bad_marker, 3, &msglen, &err), ZAPI_FRAME_BAD);
	cr_assert_eq(err, ZAPI_ERR_MARKER);
	cr_assert_eq(zapi_frame_err(bad_version, 4, &msglen, &err), ZAPI_FRAME_BAD);
	cr_assert_eq(err, ZAPI_ERR_VERSION);
	cr_assert_eq(zapi_frame_err(bad_len, 2, &msglen, &err), ZAPI_FRAME_BAD);
	cr_assert_eq(err, ZAPI_ERR_LENGTH);
	cr_assert_eq(zapi_frame(http, sizeof(http) - 1, &msglen), ZAPI_FRAME_BAD);
	cr_assert_eq(msglen, 12345, "untouched on BAD");
	cr_assert_eq(zapi_frame(bad_len, 1, &msglen), ZAPI_FRAME_NEED_MORE);
}

/* Every golden message cut short (with the header length fixed up). */
static void truncations(const char *file)
{
	static struct golden_msg m[64];
	size_t n = golden_load(file, m, 64);
	uint8_t buf[ZAPI_MAX_PACKET_SIZE];
	struct writer w;

	cr_assert_gt(n, 0);
	wr_init(&w, 64);
	for (size_t i = 0; i < n; i++) {
		uint16_t cmd = (uint16_t)(m[i].data[6] << 8 | m[i].data[7]);

		for (size_t k = 8; k < m[i].len; k++) {
			int rc;

			memcpy(buf, m[i].data, k);
			buf[0] = (uint8_t)(k >> 8);
			buf[1] = (uint8_t)k;
			wr_reset(&w);
			rc = decode_reencode(m[i].c2z, buf, k, &w);
			if (cmd == ZEBRA_NEXTHOP_REGISTER && k == 8)
				continue;	/* an empty list is valid */
			cr_expect_lt(rc, 0, "%s #%zu cut to %zu bytes decoded", file, i + 1, k);
		}
	}
	wr_free(&w);
}

Test(zapi_malformed, golden_truncated_capture1)
{
	truncations("zserv-ripd.hex");
}

Test(zapi_malformed, golden_truncated_capture2)
{
	truncations("zserv-rip-bgp.hex");
}

/*
 * Random mutations: flip bytes in the body of every golden message and
 * decode. Either outcome is fine; the point is no crash, no overread and,
 * on success, a re-encoding that frames as one valid message.
 */
Test(zapi_malformed, golden_mutations)
{
	static struct golden_msg m[64];
	size_t n = golden_load("zserv-ripd.hex", m, 64);
	uint8_t buf[ZAPI_MAX_PACKET_SIZE];
	unsigned seed = 12345;
	struct writer w;

	n += golden_load("zserv-rip-bgp.hex", m + n, 64 - n);
	wr_init(&w, 64);
	for (int round = 0; round < 20000; round++) {
		const struct golden_msg *g = &m[rand_r(&seed) % n];
		int flips = 1 + rand_r(&seed) % 4;
		size_t msglen;
		int rc;

		if (g->len <= 8)
			continue;
		memcpy(buf, g->data, g->len);
		for (int f = 0; f < flips; f++)
			buf[8 + rand_r(&seed) % (g->len - 8)] = (uint8_t)rand_r(&seed);
		wr_reset(&w);
		rc = decode_reencode(g->c2z, buf, g->len, &w);
		if (rc == 0)
			cr_assert_eq(zapi_frame(w.data, w.len, &msglen), ZAPI_FRAME_OK);
	}
	wr_free(&w);
}
