/*
 * Golden tests for the zserv codec: every message Quagga 1.2.4's zebra,
 * ripd and bgpd exchanged in the reference captures (runs.md §8-9) is
 * framed, decoded, checked field by field where the runs document the
 * meaning, and re-encoded to the exact same bytes. Encoders are also
 * driven from structs built by hand, as a daemon would.
 */
#include <arpa/inet.h>
#include <criterion/criterion.h>

#include "zapi.h"
#include "zapi_test_util.h"

static struct golden_msg ripd[64], ripbgp[32];
static size_t n_ripd, n_ripbgp;

static void load(void)
{
	n_ripd = golden_load("zserv-ripd.hex", ripd, 64);
	n_ripbgp = golden_load("zserv-rip-bgp.hex", ripbgp, 32);
}

TestSuite(zapi_golden, .init = load);

/* message #n (1-based, as numbered in runs.md) */
#define RIPD(n) (&ripd[(n) - 1])
#define RIPBGP(n) (&ripbgp[(n) - 1])

static void open_msg(const struct golden_msg *m, struct zapi_header *h, struct reader *body)
{
	int rc = zapi_msg_open(m->data, m->len, h, body);

	cr_assert_eq(rc, 0, "open: %s", zapi_strerror(rc));
	cr_assert_eq(h->marker, 255);
	cr_assert_eq(h->version, 3);
	cr_assert_eq(h->vrf_id, 0);
	cr_assert_eq(h->length, m->len);
}

static struct in_addr a4(const char *s)
{
	struct in_addr a;

	cr_assert_eq(inet_pton(AF_INET, s, &a), 1);
	return a;
}

Test(zapi_golden, fixtures_loaded)
{
	cr_assert_eq(n_ripd, 40, "capture 1 has 40 messages, got %zu", n_ripd);
	cr_assert_eq(n_ripbgp, 15, "capture 2 has 15 messages, got %zu", n_ripbgp);
}

static void roundtrip_all(const struct golden_msg *m, size_t n, const char *name)
{
	struct writer w;

	wr_init(&w, 64);
	for (size_t i = 0; i < n; i++) {
		size_t msglen = 0;
		int rc;

		cr_assert_eq(zapi_frame(m[i].data, m[i].len, &msglen), ZAPI_FRAME_OK);
		cr_assert_eq(msglen, m[i].len);
		wr_reset(&w);
		rc = decode_reencode(m[i].c2z, m[i].data, m[i].len, &w);
		cr_assert_eq(rc, 0, "%s #%zu (%s): %s", name, i + 1,
			     zapi_command_name((uint16_t)(m[i].data[6] << 8 | m[i].data[7])),
			     zapi_strerror(rc));
		cr_assert_eq(w.len, m[i].len, "%s #%zu: re-encoded %zu bytes, want %zu",
			     name, i + 1, w.len, m[i].len);
		cr_assert_arr_eq(w.data, m[i].data, m[i].len, "%s #%zu: bytes differ",
				 name, i + 1);
	}
	wr_free(&w);
}

Test(zapi_golden, roundtrip_capture1)
{
	roundtrip_all(ripd, n_ripd, "capture1");
}

Test(zapi_golden, roundtrip_capture2)
{
	roundtrip_all(ripbgp, n_ripbgp, "capture2");
}

Test(zapi_golden, handshake_ripd)
{
	struct zapi_header h;
	struct reader body;
	uint8_t t;

	open_msg(RIPD(1), &h, &body);
	cr_assert_eq(h.command, ZEBRA_HELLO);
	cr_assert_eq(zapi_route_type_decode(&body, &t), 0);
	cr_assert_eq(t, ZEBRA_ROUTE_RIP);

	open_msg(RIPD(2), &h, &body);
	cr_assert_eq(h.command, ZEBRA_ROUTER_ID_ADD);
	cr_assert_eq(zapi_empty_decode(&body), 0);
	open_msg(RIPD(3), &h, &body);
	cr_assert_eq(h.command, ZEBRA_INTERFACE_ADD);
	open_msg(RIPD(4), &h, &body);
	cr_assert_eq(h.command, ZEBRA_REDISTRIBUTE_ADD);
	cr_assert_eq(zapi_route_type_decode(&body, &t), 0);
	cr_assert_eq(t, ZEBRA_ROUTE_CONNECT);
	open_msg(RIPD(5), &h, &body);
	cr_assert_eq(zapi_route_type_decode(&body, &t), 0);
	cr_assert_eq(t, ZEBRA_ROUTE_STATIC);
}

Test(zapi_golden, router_id_update)
{
	struct zapi_header h;
	struct reader body;
	struct prefix p;

	open_msg(RIPD(6), &h, &body);
	cr_assert_eq(h.command, ZEBRA_ROUTER_ID_UPDATE);
	cr_assert_eq(zapi_router_id_decode(&body, &p), 0);
	cr_assert_eq(p.family, AF_INET);
	cr_assert_eq(p.prefixlen, 32);
	cr_assert_eq(p.u.v4.s_addr, a4("10.0.1.1").s_addr);
}

Test(zapi_golden, interface_lo_and_veth0)
{
	static const uint8_t mac[6] = { 2, 0, 0, 0, 0, 1 };
	struct zapi_interface zi;
	struct zapi_header h;
	struct reader body;

	open_msg(RIPD(7), &h, &body);
	cr_assert_eq(h.command, ZEBRA_INTERFACE_ADD);
	cr_assert_eq(zapi_interface_decode(&body, &zi), 0);
	cr_assert_str_eq(zi.name, "lo");
	cr_assert_eq(zi.ifindex, 1);
	cr_assert_eq(zi.status, 0x05);
	cr_assert_eq(zi.flags, 0x10049);
	cr_assert_eq(zi.metric, 0);
	cr_assert_eq(zi.mtu, 65536);
	cr_assert_eq(zi.mtu6, 65536);
	cr_assert_eq(zi.bandwidth, 0);
	cr_assert_eq(zi.ll_type, ZEBRA_LLT_LOOPBACK);
	cr_assert_eq(zi.hw_addr_len, 0);
	cr_assert_not(zi.has_link_params);

	open_msg(RIPD(10), &h, &body);
	cr_assert_eq(zapi_interface_decode(&body, &zi), 0);
	cr_assert_str_eq(zi.name, "veth0");
	cr_assert_eq(zi.ifindex, 3);
	cr_assert_eq(zi.flags, 0x11043);
	cr_assert_eq(zi.mtu, 1500);
	cr_assert_eq(zi.ll_type, ZEBRA_LLT_ETHER);
	cr_assert_eq(zi.hw_addr_len, 6);
	cr_assert_arr_eq(zi.hw_addr, mac, 6);

	/* DOWN and UP carry the same layout, hardware address included */
	open_msg(RIPD(24), &h, &body);
	cr_assert_eq(h.command, ZEBRA_INTERFACE_DOWN);
	cr_assert_eq(zapi_interface_decode(&body, &zi), 0);
	cr_assert_str_eq(zi.name, "veth1");
	cr_assert_eq(zi.ifindex, 2);
	cr_assert_eq(zi.flags & 0x1, 0, "IFF_UP clear on DOWN");
	open_msg(RIPD(33), &h, &body);
	cr_assert_eq(h.command, ZEBRA_INTERFACE_UP);
	cr_assert_eq(zapi_interface_decode(&body, &zi), 0);
	cr_assert_eq(zi.flags, 0x11043);
	cr_assert_eq(zi.hw_addr_len, 6);
}

Test(zapi_golden, addresses)
{
	struct zapi_address a;
	struct zapi_header h;
	struct reader body;
	struct in6_addr v6;

	open_msg(RIPD(8), &h, &body);
	cr_assert_eq(zapi_address_decode(&body, &a), 0);
	cr_assert_eq(a.ifindex, 1);
	cr_assert_eq(a.flags, 0);
	cr_assert_eq(a.prefix.family, AF_INET);
	cr_assert_eq(a.prefix.prefixlen, 8);
	cr_assert_eq(a.prefix.u.v4.s_addr, a4("127.0.0.1").s_addr);
	cr_assert_eq(a.dest.v4.s_addr, 0);

	open_msg(RIPD(12), &h, &body);
	cr_assert_eq(zapi_address_decode(&body, &a), 0);
	cr_assert_eq(a.ifindex, 3);
	cr_assert_eq(a.prefix.family, AF_INET6);
	cr_assert_eq(a.prefix.prefixlen, 64);
	inet_pton(AF_INET6, "fe80::ff:fe00:1", &v6);
	cr_assert_arr_eq(a.prefix.u.bytes, v6.s6_addr, 16);

	/* broadcast as destination */
	open_msg(RIPD(15), &h, &body);
	cr_assert_eq(zapi_address_decode(&body, &a), 0);
	cr_assert_eq(a.prefix.u.v4.s_addr, a4("10.0.1.1").s_addr);
	cr_assert_eq(a.prefix.prefixlen, 24);
	cr_assert_eq(a.dest.v4.s_addr, a4("10.0.1.255").s_addr);

	open_msg(RIPD(23), &h, &body);
	cr_assert_eq(h.command, ZEBRA_INTERFACE_ADDRESS_DELETE);
	cr_assert_eq(zapi_address_decode(&body, &a), 0);
	cr_assert_eq(a.prefix.u.v4.s_addr, a4("10.0.2.1").s_addr);
}

Test(zapi_golden, redistributed_routes)
{
	struct zapi_redist_route r;
	struct zapi_header h;
	struct reader body;

	/* connected 10.0.0.0/24 via ifindex 3 */
	open_msg(RIPD(16), &h, &body);
	cr_assert_eq(h.command, ZEBRA_IPV4_ROUTE_ADD);
	cr_assert_eq(zapi_redist_route_decode(h.command, &body, &r), 0);
	cr_assert_eq(r.type, ZEBRA_ROUTE_CONNECT);
	cr_assert_eq(r.flags, ZEBRA_FLAG_SELECTED);
	cr_assert_eq(r.message, 0x1f);
	cr_assert_eq(r.prefix.prefixlen, 24);
	cr_assert_eq(r.prefix.u.v4.s_addr, a4("10.0.0.0").s_addr);
	cr_assert_eq(r.nexthop_num, 1);
	cr_assert_eq(r.nexthop.v4.s_addr, 0);
	cr_assert_eq(r.ifindex_num, 1);
	cr_assert_eq(r.ifindex, 3);
	cr_assert_eq(r.distance, 0);

	/* static 192.168.100.0/24 via 10.0.0.2, distance 1 */
	open_msg(RIPD(18), &h, &body);
	cr_assert_eq(zapi_redist_route_decode(h.command, &body, &r), 0);
	cr_assert_eq(r.type, ZEBRA_ROUTE_STATIC);
	cr_assert_eq(r.prefix.u.v4.s_addr, a4("192.168.100.0").s_addr);
	cr_assert_eq(r.nexthop.v4.s_addr, a4("10.0.0.2").s_addr);
	cr_assert_eq(r.ifindex, 3);
	cr_assert_eq(r.distance, 1);

	/* blackhole: flags SELECTED|BLACKHOLE, nexthop 0.0.0.0, ifindex 0 */
	open_msg(RIPD(19), &h, &body);
	cr_assert_eq(zapi_redist_route_decode(h.command, &body, &r), 0);
	cr_assert_eq(r.flags, 0x14);
	cr_assert_eq(r.prefix.u.v4.s_addr, a4("192.168.200.0").s_addr);
	cr_assert_eq(r.ifindex, 0);

	/* DELETE: message 0x03, no distance/metric */
	open_msg(RIPD(28), &h, &body);
	cr_assert_eq(h.command, ZEBRA_IPV4_ROUTE_DELETE);
	cr_assert_eq(zapi_redist_route_decode(h.command, &body, &r), 0);
	cr_assert_eq(r.message, 0x03);
	cr_assert_eq(r.ifindex, 3);

	/* DELETE of a route with no active nexthop: message 0x00, 15 bytes */
	open_msg(RIPD(32), &h, &body);
	cr_assert_eq(RIPD(32)->len, 15);
	cr_assert_eq(zapi_redist_route_decode(h.command, &body, &r), 0);
	cr_assert_eq(r.message, 0);
	cr_assert_eq(r.type, ZEBRA_ROUTE_STATIC);
	cr_assert_eq(r.prefix.u.v4.s_addr, a4("192.168.100.0").s_addr);

	/* IPv6 connected fe80::/64: ADD 51 bytes, DELETE 42 */
	open_msg(RIPD(39), &h, &body);
	cr_assert_eq(h.command, ZEBRA_IPV6_ROUTE_ADD);
	cr_assert_eq(zapi_redist_route_decode(h.command, &body, &r), 0);
	cr_assert_eq(r.prefix.family, AF_INET6);
	cr_assert_eq(r.prefix.prefixlen, 64);
	cr_assert_eq(r.prefix.u.bytes[0], 0xfe);
	cr_assert_eq(r.prefix.u.bytes[1], 0x80);
	cr_assert_eq(r.ifindex, 3);
	open_msg(RIPD(27), &h, &body);
	cr_assert_eq(zapi_redist_route_decode(h.command, &body, &r), 0);
	cr_assert_eq(r.message, 0x03);
	cr_assert_eq(r.ifindex, 2);
}

Test(zapi_golden, redist_set_message_matches_zebra)
{
	struct zapi_redist_route r;

	memset(&r, 0, sizeof(r));
	zapi_redist_route_set_message(&r, true, true);
	cr_assert_eq(r.message, 0x1f);
	r.tag = 77;
	zapi_redist_route_set_message(&r, true, true);
	cr_assert_eq(r.message, 0x3f);
	zapi_redist_route_set_message(&r, false, true);
	cr_assert_eq(r.message, 0x03);
	zapi_redist_route_set_message(&r, false, false);
	cr_assert_eq(r.message, 0x00);
}

Test(zapi_golden, client_routes_from_ripd)
{
	struct zapi_header h;
	struct reader body;
	struct zapi_route *r = &tu_route;

	open_msg(RIPBGP(1), &h, &body);
	cr_assert_eq(h.command, ZEBRA_IPV4_ROUTE_ADD);
	cr_assert_eq(zapi_route_decode(h.command, &body, r), 0);
	cr_assert_eq(r->type, ZEBRA_ROUTE_RIP);
	cr_assert_eq(r->flags, 0);
	cr_assert_eq(r->message, 0x09);
	cr_assert_eq(r->safi, SAFI_UNICAST);
	cr_assert_eq(r->prefix.prefixlen, 16);
	cr_assert_eq(r->prefix.u.v4.s_addr, a4("172.20.0.0").s_addr);
	cr_assert_eq(r->nexthop_num, 1);
	cr_assert_eq(r->nexthops[0].type, ZEBRA_NEXTHOP_IPV4);
	cr_assert_eq(r->nexthops[0].gate.v4.s_addr, a4("10.0.0.2").s_addr);
	cr_assert_eq(r->metric, 2);

	open_msg(RIPBGP(2), &h, &body);
	cr_assert_eq(zapi_route_decode(h.command, &body, r), 0);
	cr_assert_eq(r->message, 0x29);
	cr_assert_eq(r->metric, 3);
	cr_assert_eq(r->tag, 77);
}

Test(zapi_golden, encode_rip_route_from_struct)
{
	struct zapi_route *r = &tu_route;
	struct writer w;

	memset(r, 0, sizeof(*r));
	r->type = ZEBRA_ROUTE_RIP;
	r->message = ZAPI_MESSAGE_NEXTHOP | ZAPI_MESSAGE_METRIC | ZAPI_MESSAGE_TAG;
	r->safi = SAFI_UNICAST;
	r->prefix.family = AF_INET;
	r->prefix.prefixlen = 16;
	r->prefix.u.v4 = a4("172.21.0.0");
	r->nexthop_num = 1;
	r->nexthops[0].type = ZEBRA_NEXTHOP_IPV4;
	r->nexthops[0].gate.v4 = a4("10.0.0.2");
	r->metric = 3;
	r->tag = 77;
	wr_init(&w, 16);
	cr_assert_eq(zapi_route_encode(&w, ZEBRA_IPV4_ROUTE_ADD, 0, r), 0);
	cr_assert_eq(w.len, RIPBGP(2)->len);
	cr_assert_arr_eq(w.data, RIPBGP(2)->data, w.len);

	/* MTU is never written on a DELETE */
	wr_reset(&w);
	r->message |= ZAPI_MESSAGE_MTU;
	r->mtu = 1400;
	cr_assert_eq(zapi_route_encode(&w, ZEBRA_IPV4_ROUTE_DELETE, 0, r), 0);
	cr_assert_eq(w.len, 30);
	cr_assert_eq(w.data[10], 0x29, "MTU bit cleared in the message byte");
	wr_free(&w);
}

Test(zapi_golden, encode_handshake_bytes)
{
	struct writer w;

	wr_init(&w, 16);
	cr_assert_eq(zapi_route_type_encode(&w, ZEBRA_HELLO, 0, ZEBRA_ROUTE_BGP), 0);
	cr_assert_eq(zapi_empty_encode(&w, ZEBRA_ROUTER_ID_ADD, 0), 0);
	cr_assert_eq(zapi_empty_encode(&w, ZEBRA_INTERFACE_ADD, 0), 0);
	cr_assert_eq(w.len, 9 + 8 + 8);
	cr_assert_arr_eq(w.data, RIPBGP(3)->data, 9);
	cr_assert_arr_eq(w.data + 9, RIPBGP(4)->data, 8);
	cr_assert_arr_eq(w.data + 17, RIPBGP(5)->data, 8);
	wr_free(&w);
}

Test(zapi_golden, nexthop_tracking)
{
	struct zapi_nht_entry e[4];
	struct zapi_header h;
	struct reader body;
	size_t n;

	open_msg(RIPBGP(13), &h, &body);
	cr_assert_eq(h.command, ZEBRA_NEXTHOP_REGISTER);
	cr_assert_eq(zapi_nht_register_decode(&body, e, 4, &n), 0);
	cr_assert_eq(n, 1);
	cr_assert_eq(e[0].connected, 1);
	cr_assert_eq(e[0].prefix.family, AF_INET);
	cr_assert_eq(e[0].prefix.prefixlen, 32);
	cr_assert_eq(e[0].prefix.u.v4.s_addr, a4("10.0.0.2").s_addr);

	open_msg(RIPBGP(14), &h, &body);
	cr_assert_eq(h.command, ZEBRA_NEXTHOP_UPDATE);
	cr_assert_eq(zapi_nexthop_update_decode(&body, &tu_nhu), 0);
	cr_assert_eq(tu_nhu.prefix.u.v4.s_addr, a4("10.0.0.2").s_addr);
	cr_assert_eq(tu_nhu.metric, 0);
	cr_assert_eq(tu_nhu.nexthop_num, 0);

	open_msg(RIPBGP(15), &h, &body);
	cr_assert_eq(zapi_nexthop_update_decode(&body, &tu_nhu), 0);
	cr_assert_eq(tu_nhu.nexthop_num, 1);
	cr_assert_eq(tu_nhu.nexthops[0].type, ZEBRA_NEXTHOP_IFINDEX);
	cr_assert_eq(tu_nhu.nexthops[0].ifindex, 3);
}

/* ---- messages not in the captures: encode from facts, decode back ---- */

Test(zapi_codec, lookup_requests_and_replies)
{
	struct zapi_lookup_request q = { .command = ZEBRA_IPV4_IMPORT_LOOKUP };
	struct zapi_lookup_request q2;
	struct zapi_header h;
	struct reader body;
	struct writer w;
	static const uint8_t import_req[] = { 0, 13, 255, 3, 0, 0, 0, 17, 24, 10, 1, 2, 0 };
	static const uint8_t mrib_reply[] = { 0, 28, 255, 3, 0, 0, 0, 24, 10, 1, 2, 3,
					      110, 0, 0, 0, 20, 2,
					      4, 10, 0, 0, 1, 0, 0, 0, 3,
					      9 };

	wr_init(&w, 16);
	q.prefix.family = AF_INET;
	q.prefix.prefixlen = 24;
	q.prefix.u.v4 = a4("10.1.2.0");
	cr_assert_eq(zapi_lookup_request_encode(&w, 0, &q), 0);
	cr_assert_eq(w.len, sizeof(import_req));
	cr_assert_arr_eq(w.data, import_req, sizeof(import_req));
	cr_assert_eq(zapi_msg_open(w.data, w.len, &h, &body), 0);
	cr_assert_eq(zapi_lookup_request_decode(h.command, &body, &q2), 0);
	cr_assert_eq(q2.prefix.prefixlen, 24);

	/* IPV6_NEXTHOP_LOOKUP request: 16-byte address */
	wr_reset(&w);
	q.command = ZEBRA_IPV6_NEXTHOP_LOOKUP;
	q.prefix.family = AF_INET6;
	q.prefix.prefixlen = 128;
	inet_pton(AF_INET6, "2001:db8::1", &q.prefix.u.v6);
	cr_assert_eq(zapi_lookup_request_encode(&w, 0, &q), 0);
	cr_assert_eq(w.len, 8 + 16);

	/* MRIB reply: address, distance, metric, 2 nexthops */
	cr_assert_eq(zapi_msg_open(mrib_reply, sizeof(mrib_reply), &h, &body), 0);
	cr_assert_eq(zapi_lookup_reply_decode(h.command, &body, &tu_lookup), 0);
	cr_assert_eq(tu_lookup.distance, 110);
	cr_assert_eq(tu_lookup.metric, 20);
	cr_assert_eq(tu_lookup.nexthop_num, 2);
	cr_assert_eq(tu_lookup.nexthops[0].type, ZEBRA_NEXTHOP_IPV4_IFINDEX);
	cr_assert_eq(tu_lookup.nexthops[0].gate.v4.s_addr, a4("10.0.0.1").s_addr);
	cr_assert_eq(tu_lookup.nexthops[0].ifindex, 3);
	cr_assert_eq(tu_lookup.nexthops[1].type, ZEBRA_NEXTHOP_BLACKHOLE);
	wr_reset(&w);
	cr_assert_eq(decode_reencode(false, mrib_reply, sizeof(mrib_reply), &w), 0);
	cr_assert_arr_eq(w.data, mrib_reply, sizeof(mrib_reply));
	wr_free(&w);
}

Test(zapi_codec, interface_with_link_params)
{
	struct zapi_interface zi, back;
	struct zapi_header h;
	struct reader body;
	struct writer w;

	memset(&zi, 0, sizeof(zi));
	strcpy(zi.name, "eth0");
	zi.ifindex = 7;
	zi.status = ZEBRA_INTERFACE_ACTIVE;
	zi.has_link_params = true;
	zi.lp.te_metric = 10;
	zi.lp.max_bw = 1.25e9f;
	zi.lp.n_unrsv = 8;
	for (int i = 0; i < 8; i++)
		zi.lp.unrsv_bw[i] = (float)i * 0.5f;
	zi.lp.rmt_ip = a4("192.0.2.1");
	zi.lp.use_bw = 3.5f;
	wr_init(&w, 16);
	cr_assert_eq(zapi_interface_encode(&w, ZEBRA_INTERFACE_ADD, 0, &zi), 0);
	/* 66 bytes without link params + a 96-byte block (4 fields, class
	 * count, 8 classes, 7 fields, 4 floats) */
	cr_assert_eq(w.len, 66 + 16 + 4 + 32 + 28 + 16);
	cr_assert_eq(zapi_msg_open(w.data, w.len, &h, &body), 0);
	cr_assert_eq(zapi_interface_decode(&body, &back), 0);
	cr_assert(back.has_link_params);
	cr_assert_eq(back.lp.te_metric, 10);
	cr_assert_float_eq(back.lp.max_bw, 1.25e9f, 1);
	cr_assert_float_eq(back.lp.unrsv_bw[7], 3.5f, 1e-6);
	cr_assert_eq(back.lp.rmt_ip.s_addr, a4("192.0.2.1").s_addr);

	/* INTERFACE_LINK_PARAMS message */
	wr_reset(&w);
	cr_assert_eq(zapi_link_params_encode(&w, 0, 7, &zi.lp), 0);
	{
		uint32_t ifindex;
		struct zapi_link_params lp;

		cr_assert_eq(zapi_msg_open(w.data, w.len, &h, &body), 0);
		cr_assert_eq(h.command, ZEBRA_INTERFACE_LINK_PARAMS);
		cr_assert_eq(zapi_link_params_decode(&body, &ifindex, &lp), 0);
		cr_assert_eq(ifindex, 7);
		cr_assert_float_eq(lp.use_bw, 3.5f, 1e-6);
	}
	wr_free(&w);
}

Test(zapi_codec, ipv6_client_route_multipath)
{
	struct zapi_route *r = &tu_route;
	struct zapi_header h;
	struct reader body;
	struct writer w;

	memset(r, 0, sizeof(*r));
	r->type = ZEBRA_ROUTE_OSPF6;
	r->message = ZAPI_MESSAGE_NEXTHOP | ZAPI_MESSAGE_IFINDEX | ZAPI_MESSAGE_METRIC |
		     ZAPI_MESSAGE_DISTANCE;
	r->safi = SAFI_UNICAST;
	r->prefix.family = AF_INET6;
	r->prefix.prefixlen = 48;
	inet_pton(AF_INET6, "2001:db8:1::", &r->prefix.u.v6);
	r->nexthop_num = 128;
	for (int i = 0; i < 64; i++) {
		r->nexthops[i].type = ZEBRA_NEXTHOP_IPV6;
		r->nexthops[i].gate.bytes[0] = 0xfe;
		r->nexthops[i].gate.bytes[1] = 0x80;
		r->nexthops[i].gate.bytes[15] = (uint8_t)i;
		r->nexthops[64 + i].type = ZEBRA_NEXTHOP_IFINDEX;
		r->nexthops[64 + i].ifindex = (uint32_t)(100 + i);
	}
	r->distance = 110;
	r->metric = 42;
	wr_init(&w, 16);
	cr_assert_eq(zapi_route_encode(&w, ZEBRA_IPV6_ROUTE_ADD, 0, r), 0);
	cr_assert_eq(w.len, 8 + 3 + 2 + 1 + 6 + 1 + 64 * 17 + 64 * 5 + 1 + 4);
	cr_assert_eq(zapi_msg_open(w.data, w.len, &h, &body), 0);
	memset(r, 0xaa, sizeof(*r));
	cr_assert_eq(zapi_route_decode(h.command, &body, r), 0);
	cr_assert_eq(r->nexthop_num, 128);
	cr_assert_eq(r->nexthops[63].gate.bytes[15], 63);
	cr_assert_eq(r->nexthops[127].ifindex, 163);
	cr_assert_eq(r->distance, 110);
	cr_assert_eq(r->metric, 42);
	cr_assert_eq(r->mtu, 0);

	/* wrong family for the command */
	cr_assert_eq(zapi_route_encode(&w, ZEBRA_IPV4_ROUTE_ADD, 0, r), ZAPI_ERR_FAMILY);
	wr_free(&w);
}

Test(zapi_codec, encoder_limits_and_rollback)
{
	struct zapi_route *r = &tu_route;
	uint8_t small[20];
	struct writer w;
	size_t before;

	memset(r, 0, sizeof(*r));
	r->type = ZEBRA_ROUTE_BGP;
	r->message = ZAPI_MESSAGE_NEXTHOP;
	r->safi = SAFI_UNICAST;
	r->prefix.family = AF_INET6;
	r->prefix.prefixlen = 128;
	r->nexthop_num = 255;
	for (int i = 0; i < 255; i++)
		r->nexthops[i].type = ZEBRA_NEXTHOP_IPV6;	/* 255 * 17 > 4096 */
	wr_init(&w, 16);
	cr_assert_eq(zapi_empty_encode(&w, ZEBRA_ROUTER_ID_ADD, 0), 0);
	before = w.len;
	cr_assert_eq(zapi_route_encode(&w, ZEBRA_IPV6_ROUTE_ADD, 0, r), ZAPI_ERR_TOO_BIG);
	cr_assert_eq(w.len, before, "rolled back");
	cr_assert_not(wr_failed(&w));

	/* unknown nexthop type: refused, rolled back */
	r->nexthop_num = 1;
	r->nexthops[0].type = 0;
	cr_assert_eq(zapi_route_encode(&w, ZEBRA_IPV6_ROUTE_ADD, 0, r),
		     ZAPI_ERR_NEXTHOP_TYPE);
	cr_assert_eq(w.len, before);
	wr_free(&w);

	/* fixed writer too small: NOSPACE, earlier message intact */
	wr_init_fixed(&w, small, sizeof(small));
	cr_assert_eq(zapi_empty_encode(&w, ZEBRA_ROUTER_ID_ADD, 0), 0);
	cr_assert_eq(zapi_router_id_encode(&w, 0, &(struct prefix){ .family = AF_INET6,
								    .prefixlen = 128 }),
		     ZAPI_ERR_NOSPACE);
	cr_assert_eq(w.len, 8);
	cr_assert_not(wr_failed(&w));
}

Test(zapi_codec, names)
{
	cr_assert_str_eq(zapi_command_name(ZEBRA_NEXTHOP_UPDATE), "ZEBRA_NEXTHOP_UPDATE");
	cr_assert_str_eq(zapi_command_name(0), "ZEBRA_UNKNOWN");
	cr_assert_str_eq(zapi_command_name(999), "ZEBRA_UNKNOWN");
	cr_assert_str_eq(zapi_nexthop_type_name(ZEBRA_NEXTHOP_IPV4_IFINDEX), "IPV4_IFINDEX");
	cr_assert_str_eq(zebra_route_string(ZEBRA_ROUTE_CONNECT), "connected");
	cr_assert_eq(zebra_route_char(ZEBRA_ROUTE_OLSR), 'o');
	cr_assert_eq(zebra_route_char(ZEBRA_ROUTE_BABEL), 'A');
	cr_assert_eq(zebra_route_default_distance(ZEBRA_ROUTE_OSPF), 110);
	cr_assert_eq(zebra_route_default_distance(ZEBRA_ROUTE_ISIS), 115);
	cr_assert_eq(zebra_route_default_distance(ZEBRA_ROUTE_STATIC), 1);
	cr_assert_eq(proto_redistnum(AF_INET, "ospf"), ZEBRA_ROUTE_OSPF);
	cr_assert_eq(proto_redistnum(AF_INET6, "ospf6"), ZEBRA_ROUTE_OSPF6);
	cr_assert_eq(proto_redistnum(AF_INET, "ospf6"), -1);
	cr_assert_eq(proto_redistnum(AF_INET, "ripng"), -1);
	cr_assert_eq(proto_redistnum(AF_INET, "conn"), ZEBRA_ROUTE_CONNECT);
	cr_assert_eq(proto_redistnum(AF_INET, "k"), ZEBRA_ROUTE_KERNEL);
	cr_assert_eq(proto_redistnum(AF_INET, "system"), -1);
	cr_assert_eq(proto_redistnum(AF_INET, "hsls"), -1);
}
