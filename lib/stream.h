/*
 * Bounds-checked byte reader and growing writer.
 *
 * Everything that comes from the network, the kernel, a zserv client or a
 * file is read through a struct reader. Every get returns 0 on success and
 * -1 on underrun, in which case nothing is consumed and the output is left
 * untouched; it never asserts and never reads past the end. A TLV is read
 * by taking a sub-reader of exactly its declared length.
 *
 *	if (rd_get_u16(&r, &len) < 0)
 *		goto bad_length;
 *
 * A struct writer grows on demand (or, built over a fixed buffer, sets
 * `failed` and ignores further puts when full); callers check wr_failed()
 * once at the end.
 */
#ifndef TARPAN_STREAM_H
#define TARPAN_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

struct reader {
	const uint8_t *data;
	size_t len;
	size_t pos;
};

static inline void rd_init(struct reader *r, const void *data, size_t len)
{
	r->data = data;
	r->len = len;
	r->pos = 0;
}
static inline size_t rd_remaining(const struct reader *r)
{
	return r->len - r->pos;
}
static inline const uint8_t *rd_ptr(const struct reader *r)
{
	return r->data + r->pos;
}

int rd_get_u8(struct reader *r, uint8_t *v);
int rd_get_u16(struct reader *r, uint16_t *v);	/* big-endian */
int rd_get_u32(struct reader *r, uint32_t *v);	/* big-endian */
int rd_get_u64(struct reader *r, uint64_t *v);	/* big-endian */
int rd_get_float(struct reader *r, float *v);	/* IEEE-754 big-endian */
int rd_get_bytes(struct reader *r, void *dst, size_t n);
/* An address in network order, copied as is. */
int rd_get_in_addr(struct reader *r, struct in_addr *a);
int rd_get_in6_addr(struct reader *r, struct in6_addr *a);
int rd_skip(struct reader *r, size_t n);
/* Sub-reader over the next n bytes; advances r past them. */
int rd_sub(struct reader *r, size_t n, struct reader *sub);
/* Peek without consuming. */
int rd_peek_u8(const struct reader *r, uint8_t *v);
int rd_peek_u16(const struct reader *r, uint16_t *v);

struct writer {
	uint8_t *data;
	size_t len;
	size_t cap;
	bool fixed;	/* over a caller's buffer: never grows */
	bool failed;	/* a put did not fit */
};

/* Growing writer; initial capacity is a hint. Free with wr_free(). */
void wr_init(struct writer *w, size_t initial_cap);
/* Writer over a caller-owned buffer; never allocates. */
void wr_init_fixed(struct writer *w, void *buf, size_t cap);
void wr_free(struct writer *w);
void wr_reset(struct writer *w);	/* len = 0, failed = false */
static inline bool wr_failed(const struct writer *w)
{
	return w->failed;
}

void wr_put_u8(struct writer *w, uint8_t v);
void wr_put_u16(struct writer *w, uint16_t v);
void wr_put_u32(struct writer *w, uint32_t v);
void wr_put_u64(struct writer *w, uint64_t v);
void wr_put_float(struct writer *w, float v);
void wr_put_bytes(struct writer *w, const void *src, size_t n);
void wr_put_zero(struct writer *w, size_t n);
void wr_put_in_addr(struct writer *w, struct in_addr a);
void wr_put_in6_addr(struct writer *w, const struct in6_addr *a);
/* Overwrite at an earlier offset (e.g. a length field); fails if out of range. */
void wr_set_u16(struct writer *w, size_t offset, uint16_t v);
void wr_set_u32(struct writer *w, size_t offset, uint32_t v);
/* Discard the first n bytes (after they were sent), moving the rest down. */
void wr_consume(struct writer *w, size_t n);

#endif
