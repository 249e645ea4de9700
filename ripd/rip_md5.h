/*
 * MD5 (RFC 1321), for RIPv2 keyed-MD5 authentication (RFC 2082) only.
 *
 * MD5 is broken as a general-purpose hash; RIP still specifies it for
 * authentication, so this small implementation lives with ripd instead of
 * in lib/.
 */
#ifndef TARPAN_RIP_MD5_H
#define TARPAN_RIP_MD5_H

#include <stddef.h>
#include <stdint.h>

struct rip_md5_ctx {
	uint32_t state[4];
	uint64_t nbytes;
	uint8_t block[64];
	size_t fill;
};

void rip_md5_init(struct rip_md5_ctx *c);
void rip_md5_update(struct rip_md5_ctx *c, const void *data, size_t len);
void rip_md5_final(struct rip_md5_ctx *c, uint8_t digest[16]);

#endif
