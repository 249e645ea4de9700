/*
 * Tests for lib/stream: the reader fails cleanly on every truncation
 * (consuming nothing, output untouched), sub-readers are exact, and the
 * writer grows or, when fixed, fails and stays failed.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "memory.h"
#include "stream.h"

static const uint8_t bytes[] = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
				 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10 };

Test(reader, big_endian_values)
{
	struct reader r;
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;
	uint64_t u64;

	rd_init(&r, bytes, sizeof(bytes));
	cr_assert_eq(rd_get_u8(&r, &u8), 0);
	cr_assert_eq(u8, 0x01);
	cr_assert_eq(rd_get_u16(&r, &u16), 0);
	cr_assert_eq(u16, 0x0203);
	cr_assert_eq(rd_get_u32(&r, &u32), 0);
	cr_assert_eq(u32, 0x04050607);
	cr_assert_eq(rd_get_u64(&r, &u64), 0);
	cr_assert_eq(u64, 0x08090a0b0c0d0e0fULL);
	cr_assert_eq(rd_remaining(&r), 1);
	cr_assert_eq(rd_get_u8(&r, &u8), 0);
	cr_assert_eq(rd_remaining(&r), 0);
	cr_assert_eq(rd_get_u8(&r, &u8), -1);
}

Test(reader, float_roundtrip)
{
	struct writer w;
	struct reader r;
	float f;

	wr_init(&w, 0);
	wr_put_float(&w, 1.5f);
	cr_assert_eq(w.len, 4);
	cr_assert_eq(w.data[0], 0x3f);	/* 1.5 = 0x3fc00000 */
	cr_assert_eq(w.data[1], 0xc0);
	rd_init(&r, w.data, w.len);
	cr_assert_eq(rd_get_float(&r, &f), 0);
	cr_assert_float_eq(f, 1.5f, 0.0f);
	wr_free(&w);
}

/* One getter applied with a given available length. */
struct getter {
	const char *name;
	size_t need;
	int (*get)(struct reader *r, uint8_t *out);
};

static int g_u8(struct reader *r, uint8_t *o) { return rd_get_u8(r, o); }
static int g_u16(struct reader *r, uint8_t *o) { return rd_get_u16(r, (uint16_t *)(void *)o); }
static int g_u32(struct reader *r, uint8_t *o) { return rd_get_u32(r, (uint32_t *)(void *)o); }
static int g_u64(struct reader *r, uint8_t *o) { return rd_get_u64(r, (uint64_t *)(void *)o); }
static int g_float(struct reader *r, uint8_t *o) { return rd_get_float(r, (float *)(void *)o); }
static int g_bytes5(struct reader *r, uint8_t *o) { return rd_get_bytes(r, o, 5); }
static int g_in(struct reader *r, uint8_t *o) { return rd_get_in_addr(r, (struct in_addr *)(void *)o); }
static int g_in6(struct reader *r, uint8_t *o) { return rd_get_in6_addr(r, (struct in6_addr *)(void *)o); }
static int g_skip3(struct reader *r, uint8_t *o) { (void)o; return rd_skip(r, 3); }
static int g_peek8(struct reader *r, uint8_t *o) { return rd_peek_u8(r, o); }
static int g_peek16(struct reader *r, uint8_t *o) { return rd_peek_u16(r, (uint16_t *)(void *)o); }
static int g_sub7(struct reader *r, uint8_t *o)
{
	struct reader s;
	int rc = rd_sub(r, 7, &s);

	if (rc == 0)
		memcpy(o, &s.len, sizeof(s.len));
	return rc;
}

static const struct getter getters[] = {
	{ "u8", 1, g_u8 },	   { "u16", 2, g_u16 },	    { "u32", 4, g_u32 },
	{ "u64", 8, g_u64 },	   { "float", 4, g_float }, { "bytes5", 5, g_bytes5 },
	{ "in_addr", 4, g_in },	   { "in6_addr", 16, g_in6 }, { "skip3", 3, g_skip3 },
	{ "peek_u8", 1, g_peek8 }, { "peek_u16", 2, g_peek16 }, { "sub7", 7, g_sub7 },
};

Test(reader, every_getter_fails_on_every_truncation)
{
	for (size_t g = 0; g < sizeof(getters) / sizeof(getters[0]); g++) {
		const struct getter *gt = &getters[g];

		for (size_t avail = 0; avail < gt->need; avail++) {
			/* Place the reader one byte in to check pos is kept. */
			struct reader r;
			uint8_t out[32];
			uint8_t canary[32];

			rd_init(&r, bytes, avail + 1);
			cr_assert_eq(rd_skip(&r, 1), 0);
			memset(out, 0xa5, sizeof(out));
			memcpy(canary, out, sizeof(out));
			cr_assert_eq(gt->get(&r, out), -1, "%s with %zu bytes succeeded",
				     gt->name, avail);
			cr_assert_eq(r.pos, 1, "%s consumed on failure", gt->name);
			cr_assert_eq(rd_remaining(&r), avail);
			cr_assert_arr_eq(out, canary, sizeof(out), "%s touched output", gt->name);
		}
		/* exactly enough succeeds */
		struct reader r;
		uint8_t out[32];

		rd_init(&r, bytes, gt->need);
		cr_assert_eq(gt->get(&r, out), 0, "%s with exact length failed", gt->name);
	}
}

Test(reader, huge_lengths_do_not_wrap)
{
	struct reader r, s;
	uint8_t out[4];

	rd_init(&r, bytes, 4);
	rd_skip(&r, 2);
	cr_assert_eq(rd_skip(&r, SIZE_MAX), -1);
	cr_assert_eq(rd_skip(&r, SIZE_MAX - 1), -1);
	cr_assert_eq(rd_sub(&r, SIZE_MAX, &s), -1);
	cr_assert_eq(rd_get_bytes(&r, out, SIZE_MAX), -1);
	cr_assert_eq(r.pos, 2);
}

Test(reader, sub_reader_is_exact)
{
	struct reader r, s, t;
	uint8_t v;
	uint32_t u32;

	rd_init(&r, bytes, sizeof(bytes));
	rd_skip(&r, 1);
	cr_assert_eq(rd_sub(&r, 3, &s), 0);
	cr_assert_eq(r.pos, 4, "parent advanced past the sub-reader");
	cr_assert_eq(rd_remaining(&s), 3);
	/* a 4-byte get cannot read past the TLV into the parent's data */
	cr_assert_eq(rd_get_u32(&s, &u32), -1);
	cr_assert_eq(rd_get_u8(&s, &v), 0);
	cr_assert_eq(v, 0x02);
	/* nested: a sub-reader cannot claim more than its parent has */
	cr_assert_eq(rd_sub(&s, 3, &t), -1);
	cr_assert_eq(rd_sub(&s, 2, &t), 0);
	cr_assert_eq(rd_remaining(&s), 0);
	cr_assert_eq(rd_get_u8(&t, &v), 0);
	cr_assert_eq(v, 0x03);
	cr_assert_eq(rd_get_u8(&t, &v), 0);
	cr_assert_eq(v, 0x04);
	cr_assert_eq(rd_get_u8(&t, &v), -1);
	/* the parent continues after the TLV */
	cr_assert_eq(rd_get_u8(&r, &v), 0);
	cr_assert_eq(v, 0x05);
	/* zero-length sub-reader is fine and empty */
	cr_assert_eq(rd_sub(&r, 0, &t), 0);
	cr_assert_eq(rd_get_u8(&t, &v), -1);
}

Test(reader, peek_does_not_consume)
{
	struct reader r;
	uint16_t v;

	rd_init(&r, bytes, 2);
	cr_assert_eq(rd_peek_u16(&r, &v), 0);
	cr_assert_eq(v, 0x0102);
	cr_assert_eq(r.pos, 0);
}

Test(writer, grows_from_zero)
{
	struct writer w;
	struct reader r;

	wr_init(&w, 0);
	for (uint32_t i = 0; i < 10000; i++)
		wr_put_u32(&w, i);
	cr_assert_not(wr_failed(&w));
	cr_assert_eq(w.len, 40000);
	cr_assert_geq(w.cap, w.len);
	rd_init(&r, w.data, w.len);
	for (uint32_t i = 0; i < 10000; i++) {
		uint32_t v;

		cr_assert_eq(rd_get_u32(&r, &v), 0);
		cr_assert_eq(v, i);
	}
	wr_free(&w);
	cr_assert_null(w.data);
}

Test(writer, growth_is_counted_in_mtype)
{
	struct writer w;
	struct mtype *mt;
	size_t before = 0;

	for (mt = mtype_first(); mt; mt = mt->next)
		if (!strcmp(mt->name, "Stream buffer"))
			break;
	cr_assert_not_null(mt, "stream MTYPE not registered");
	before = mt->count;
	wr_init(&w, 8);
	wr_put_zero(&w, 1000);
	cr_assert_eq(mt->count, before + 1);
	cr_assert_geq(mt->bytes, 1000);
	wr_free(&w);
	cr_assert_eq(mt->count, before);
}

Test(writer, fixed_overflow_sets_failed_and_stops)
{
	uint8_t buf[6];
	struct writer w;

	memset(buf, 0xee, sizeof(buf));
	wr_init_fixed(&w, buf, 5);
	wr_put_u32(&w, 0x11223344);
	cr_assert_not(wr_failed(&w));
	wr_put_u16(&w, 0x5566);	/* does not fit: 4 + 2 > 5 */
	cr_assert(wr_failed(&w));
	cr_assert_eq(w.len, 4);
	wr_put_u8(&w, 0x77);	/* would fit, but the writer is failed */
	cr_assert_eq(w.len, 4);
	cr_assert_eq(buf[4], 0xee);
	cr_assert_eq(buf[5], 0xee, "wrote past the fixed capacity");
	wr_reset(&w);
	cr_assert_not(wr_failed(&w));
	cr_assert_eq(w.len, 0);
	wr_put_bytes(&w, "abcde", 5);
	cr_assert_not(wr_failed(&w));
	cr_assert_eq(memcmp(buf, "abcde", 5), 0);
	wr_free(&w);	/* must not free a caller's buffer */
}

Test(writer, set_u16_in_and_out_of_range)
{
	struct writer w;

	wr_init(&w, 16);
	wr_put_u16(&w, 0);
	wr_put_u16(&w, 0);
	wr_set_u16(&w, 0, 0xabcd);
	wr_set_u32(&w, 0, 0x01020304);
	wr_set_u16(&w, 2, 0xbeef);
	cr_assert_not(wr_failed(&w));
	cr_assert_eq(w.data[0], 0x01);
	cr_assert_eq(w.data[2], 0xbe);
	cr_assert_eq(w.data[3], 0xef);
	wr_set_u16(&w, 3, 1);	/* straddles the end */
	cr_assert(wr_failed(&w));
	cr_assert_eq(w.data[3], 0xef);
	wr_reset(&w);
	wr_put_u16(&w, 0);
	wr_set_u16(&w, SIZE_MAX, 1);	/* offset + 2 would wrap */
	cr_assert(wr_failed(&w));
	wr_reset(&w);
	wr_put_u16(&w, 0);
	wr_set_u32(&w, 0, 1);
	cr_assert(wr_failed(&w));
	wr_free(&w);
}

Test(writer, addresses_and_consume)
{
	struct writer w;
	struct in_addr a = { .s_addr = htonl(0x0a000001) };
	struct in6_addr a6 = IN6ADDR_LOOPBACK_INIT;

	wr_init(&w, 0);
	wr_put_in_addr(&w, a);
	wr_put_in6_addr(&w, &a6);
	cr_assert_eq(w.len, 20);
	cr_assert_eq(w.data[0], 10);
	cr_assert_eq(w.data[3], 1);
	cr_assert_eq(w.data[19], 1);
	wr_consume(&w, 4);
	cr_assert_eq(w.len, 16);
	cr_assert_eq(w.data[15], 1);
	wr_consume(&w, 100);
	cr_assert_eq(w.len, 0);
	wr_free(&w);
}
