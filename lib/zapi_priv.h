/*
 * Helpers shared by the zapi codec files (zapi.c, zapi_if.c,
 * zapi_route.c). Not for use outside the codec.
 */
#ifndef TARPAN_ZAPI_PRIV_H
#define TARPAN_ZAPI_PRIV_H

#include "zapi.h"

/* Reads a 1-byte wire family; ZAPI_ERR_FAMILY unless AF_INET/AF_INET6. */
int zapi_get_family8(struct reader *r, uint8_t *family);
/* Reads a prefixlen byte and checks it against the family maximum. */
int zapi_get_prefixlen(struct reader *r, int family, uint8_t *plen);
/* Reads PSIZE(plen) prefix bytes into p, zeroing the rest. */
int zapi_get_prefix_bytes(struct reader *r, int family, uint8_t plen,
			  struct prefix *p);
/* Reads a full address of the family into a. */
int zapi_get_addr(struct reader *r, int family, union zapi_addr *a);
void zapi_put_addr(struct writer *w, int family, const union zapi_addr *a);
/* 0 when the body has been consumed exactly, else ZAPI_ERR_TRAILING. */
static inline int zapi_end(const struct reader *r)
{
	return rd_remaining(r) ? ZAPI_ERR_TRAILING : ZAPI_OK;
}
/* Encoders: refuse to start on a writer that has already failed. */
static inline int zapi_writer_ok(const struct writer *w)
{
	return wr_failed(w) ? ZAPI_ERR_NOSPACE : ZAPI_OK;
}
/* Family valid for a prefix to be encoded. */
static inline bool zapi_prefix_ok(const struct prefix *p)
{
	unsigned max = family_maxlen(p->family);

	return max && p->prefixlen <= max;
}

#endif
