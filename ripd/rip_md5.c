/*
 * MD5 message digest, written from the description in RFC 1321 (section 3):
 * four rounds of sixteen operations over each 64-byte block, little-endian
 * words, the sine-derived constant table computed once as the RFC defines
 * it (floor(2^32 * |sin(i)|)), and the usual 0x80 / zero / bit-length
 * padding.
 */
#include <math.h>
#include <string.h>

#include "rip_md5.h"

static uint32_t md5_k[64];
static int md5_k_ready;

static const uint8_t md5_shift[64] = {
	7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
	5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
	4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
	6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
};

static void md5_make_table(void)
{
	for (int i = 0; i < 64; i++)
		md5_k[i] = (uint32_t)(fabs(sin((double)(i + 1))) * 4294967296.0);
	md5_k_ready = 1;
}

static inline uint32_t rol32(uint32_t x, unsigned n)
{
	return (x << n) | (x >> (32 - n));
}

static void md5_block(uint32_t st[4], const uint8_t *p)
{
	uint32_t x[16];
	uint32_t a = st[0], b = st[1], c = st[2], d = st[3];

	for (int i = 0; i < 16; i++)
		x[i] = (uint32_t)p[i * 4] | (uint32_t)p[i * 4 + 1] << 8 |
		       (uint32_t)p[i * 4 + 2] << 16 | (uint32_t)p[i * 4 + 3] << 24;

	for (int i = 0; i < 64; i++) {
		uint32_t f;
		int g;

		if (i < 16) {
			f = (b & c) | (~b & d);
			g = i;
		} else if (i < 32) {
			f = (b & d) | (c & ~d);
			g = (5 * i + 1) % 16;
		} else if (i < 48) {
			f = b ^ c ^ d;
			g = (3 * i + 5) % 16;
		} else {
			f = c ^ (b | ~d);
			g = (7 * i) % 16;
		}
		f = f + a + md5_k[i] + x[g];
		a = d;
		d = c;
		c = b;
		b = b + rol32(f, md5_shift[i]);
	}
	st[0] += a;
	st[1] += b;
	st[2] += c;
	st[3] += d;
}

void rip_md5_init(struct rip_md5_ctx *c)
{
	if (!md5_k_ready)
		md5_make_table();
	c->state[0] = 0x67452301;
	c->state[1] = 0xefcdab89;
	c->state[2] = 0x98badcfe;
	c->state[3] = 0x10325476;
	c->nbytes = 0;
	c->fill = 0;
}

void rip_md5_update(struct rip_md5_ctx *c, const void *data, size_t len)
{
	const uint8_t *p = data;

	c->nbytes += len;
	while (len > 0) {
		size_t n = 64 - c->fill;

		if (n > len)
			n = len;
		memcpy(c->block + c->fill, p, n);
		c->fill += n;
		p += n;
		len -= n;
		if (c->fill == 64) {
			md5_block(c->state, c->block);
			c->fill = 0;
		}
	}
}

void rip_md5_final(struct rip_md5_ctx *c, uint8_t digest[16])
{
	uint64_t bits = c->nbytes * 8;
	uint8_t pad = 0x80, zero = 0, len[8];

	rip_md5_update(c, &pad, 1);
	while (c->fill != 56)
		rip_md5_update(c, &zero, 1);
	for (int i = 0; i < 8; i++)
		len[i] = (uint8_t)(bits >> (8 * i));
	rip_md5_update(c, len, 8);
	for (int i = 0; i < 4; i++) {
		digest[i * 4] = (uint8_t)c->state[i];
		digest[i * 4 + 1] = (uint8_t)(c->state[i] >> 8);
		digest[i * 4 + 2] = (uint8_t)(c->state[i] >> 16);
		digest[i * 4 + 3] = (uint8_t)(c->state[i] >> 24);
	}
	memset(c, 0, sizeof(*c));
}
