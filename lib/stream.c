/*
 * Bounds-checked byte reader and growing writer (see stream.h).
 *
 * Reader: every get first asks need(), which compares the request against
 * what is left without any arithmetic that could wrap; only then are bytes
 * copied and the cursor moved. A failed get therefore consumes nothing and
 * leaves the output alone.
 *
 * Writer: room() makes space for n more bytes. A growing writer doubles its
 * capacity through XREALLOC (MTYPE "Stream buffer"); a fixed writer, or a
 * request whose size would overflow, marks the writer failed, after which
 * every put is ignored, so callers check wr_failed() once at the end.
 */
#include <string.h>

#include "memory.h"
#include "stream.h"

DEFINE_MTYPE_STATIC(STREAM_BUF, "Stream buffer");

/* ---- reader ---------------------------------------------------------- */

static inline bool need(const struct reader *r, size_t n)
{
	return r->pos <= r->len && n <= r->len - r->pos;
}

int rd_get_bytes(struct reader *r, void *dst, size_t n)
{
	if (!need(r, n))
		return -1;
	if (n)
		memcpy(dst, r->data + r->pos, n);
	r->pos += n;
	return 0;
}

int rd_get_u8(struct reader *r, uint8_t *v)
{
	if (!need(r, 1))
		return -1;
	*v = r->data[r->pos++];
	return 0;
}

static uint64_t load_be(const uint8_t *p, size_t n)
{
	uint64_t v = 0;

	for (size_t i = 0; i < n; i++)
		v = (v << 8) | p[i];
	return v;
}

int rd_get_u16(struct reader *r, uint16_t *v)
{
	if (!need(r, 2))
		return -1;
	*v = (uint16_t)load_be(r->data + r->pos, 2);
	r->pos += 2;
	return 0;
}

int rd_get_u32(struct reader *r, uint32_t *v)
{
	if (!need(r, 4))
		return -1;
	*v = (uint32_t)load_be(r->data + r->pos, 4);
	r->pos += 4;
	return 0;
}

int rd_get_u64(struct reader *r, uint64_t *v)
{
	if (!need(r, 8))
		return -1;
	*v = load_be(r->data + r->pos, 8);
	r->pos += 8;
	return 0;
}

int rd_get_float(struct reader *r, float *v)
{
	uint32_t u;

	if (rd_get_u32(r, &u) < 0)
		return -1;
	memcpy(v, &u, sizeof(*v));
	return 0;
}

int rd_get_in_addr(struct reader *r, struct in_addr *a)
{
	return rd_get_bytes(r, &a->s_addr, 4);
}

int rd_get_in6_addr(struct reader *r, struct in6_addr *a)
{
	return rd_get_bytes(r, a->s6_addr, 16);
}

int rd_skip(struct reader *r, size_t n)
{
	if (!need(r, n))
		return -1;
	r->pos += n;
	return 0;
}

int rd_sub(struct reader *r, size_t n, struct reader *sub)
{
	if (!need(r, n))
		return -1;
	rd_init(sub, r->data + r->pos, n);
	r->pos += n;
	return 0;
}

int rd_peek_u8(const struct reader *r, uint8_t *v)
{
	if (!need(r, 1))
		return -1;
	*v = r->data[r->pos];
	return 0;
}

int rd_peek_u16(const struct reader *r, uint16_t *v)
{
	if (!need(r, 2))
		return -1;
	*v = (uint16_t)load_be(r->data + r->pos, 2);
	return 0;
}

/* ---- writer ---------------------------------------------------------- */

void wr_init(struct writer *w, size_t initial_cap)
{
	memset(w, 0, sizeof(*w));
	if (initial_cap) {
		w->data = XMALLOC(STREAM_BUF, initial_cap);
		w->cap = initial_cap;
	}
}

void wr_init_fixed(struct writer *w, void *buf, size_t cap)
{
	memset(w, 0, sizeof(*w));
	w->data = buf;
	w->cap = buf ? cap : 0;
	w->fixed = true;
}

void wr_free(struct writer *w)
{
	if (!w->fixed && w->data)
		XFREE(STREAM_BUF, w->data);
	w->data = NULL;
	w->len = w->cap = 0;
}

void wr_reset(struct writer *w)
{
	w->len = 0;
	w->failed = false;
}

/* Make room for n more bytes; false (and failed set) if impossible. */
static bool room(struct writer *w, size_t n)
{
	size_t want, cap;

	if (w->failed)
		return false;
	if (n <= w->cap - w->len)
		return true;
	if (w->fixed || n > SIZE_MAX / 2 - w->len) {
		w->failed = true;
		return false;
	}
	want = w->len + n;
	cap = w->cap ? w->cap : 64;
	while (cap < want)
		cap *= 2;
	w->data = XREALLOC(STREAM_BUF, w->data, cap);
	w->cap = cap;
	return true;
}

static void store_be(uint8_t *p, uint64_t v, size_t n)
{
	for (size_t i = n; i-- > 0;) {
		p[i] = (uint8_t)v;
		v >>= 8;
	}
}

static void put_be(struct writer *w, uint64_t v, size_t n)
{
	if (!room(w, n))
		return;
	store_be(w->data + w->len, v, n);
	w->len += n;
}

void wr_put_u8(struct writer *w, uint8_t v)
{
	put_be(w, v, 1);
}

void wr_put_u16(struct writer *w, uint16_t v)
{
	put_be(w, v, 2);
}

void wr_put_u32(struct writer *w, uint32_t v)
{
	put_be(w, v, 4);
}

void wr_put_u64(struct writer *w, uint64_t v)
{
	put_be(w, v, 8);
}

void wr_put_float(struct writer *w, float v)
{
	uint32_t u;

	memcpy(&u, &v, sizeof(u));
	put_be(w, u, 4);
}

void wr_put_bytes(struct writer *w, const void *src, size_t n)
{
	if (!room(w, n))
		return;
	if (n)
		memcpy(w->data + w->len, src, n);
	w->len += n;
}

void wr_put_zero(struct writer *w, size_t n)
{
	if (!room(w, n))
		return;
	if (n)
		memset(w->data + w->len, 0, n);
	w->len += n;
}

void wr_put_in_addr(struct writer *w, struct in_addr a)
{
	wr_put_bytes(w, &a.s_addr, 4);
}

void wr_put_in6_addr(struct writer *w, const struct in6_addr *a)
{
	wr_put_bytes(w, a->s6_addr, 16);
}

static void set_be(struct writer *w, size_t offset, uint64_t v, size_t n)
{
	if (w->failed)
		return;
	if (offset > w->len || n > w->len - offset) {
		w->failed = true;
		return;
	}
	store_be(w->data + offset, v, n);
}

void wr_set_u16(struct writer *w, size_t offset, uint16_t v)
{
	set_be(w, offset, v, 2);
}

void wr_set_u32(struct writer *w, size_t offset, uint32_t v)
{
	set_be(w, offset, v, 4);
}

void wr_consume(struct writer *w, size_t n)
{
	if (n >= w->len) {
		w->len = 0;
		return;
	}
	memmove(w->data, w->data + n, w->len - n);
	w->len -= n;
}
