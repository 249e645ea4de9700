/*
 * Fixed-size object pools for the RIB's per-route structures.
 *
 * A million routes means millions of small objects of two or three sizes;
 * malloc would round each up and add its own header (a 24-byte node takes
 * 32 bytes, a 48-byte entry 64). A slab hands out slots of exactly the
 * object size from 64 KiB chunks, keeps freed slots on a list, and gives
 * the chunks back when the pool is empty again. Objects never move. The
 * chunks are counted under the MTYPE the owner passes in.
 */
#ifndef ZEBRA_SLAB_H
#define ZEBRA_SLAB_H

#include <stddef.h>

struct mtype;
struct slab_chunk;

struct slab {
	struct mtype *mt;
	size_t size;		/* slot size (a multiple of 8) */
	size_t per_chunk;
	void *free;		/* freed slots, linked through their first word */
	struct slab_chunk *chunks;
	size_t used;		/* slots handed out from the newest chunk */
	size_t live;		/* objects allocated and not freed */
	size_t nchunks;
};

void slab_init(struct slab *s, struct mtype *mt, size_t size);
/* A zeroed object. */
void *slab_alloc(struct slab *s);
void slab_free(struct slab *s, void *p);
/* Free every chunk (objects still live are lost). */
void slab_fini(struct slab *s);
/* Bytes held in chunks. */
size_t slab_bytes(const struct slab *s);

#endif
