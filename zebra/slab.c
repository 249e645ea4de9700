/*
 * Fixed-size object pools (see slab.h).
 *
 * Slots are carved from the newest chunk in order; freed slots go on a
 * LIFO list and are reused first. When the last object goes, every chunk
 * is released (a RIB that drops a full table gives its memory back).
 * Under AddressSanitizer free slots are poisoned, so a use after free
 * still trips it.
 */
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#include "memory.h"
#include "slab.h"

#define CHUNK_BYTES (64 * 1024)

struct slab_chunk {
	struct slab_chunk *next;
	size_t pad;
	unsigned char data[];
};

void slab_init(struct slab *s, struct mtype *mt, size_t size)
{
	memset(s, 0, sizeof(*s));
	s->mt = mt;
	s->size = (size + 7) & ~(size_t)7;
	if (s->size < sizeof(void *))
		s->size = sizeof(void *);
	s->per_chunk = (CHUNK_BYTES - sizeof(struct slab_chunk)) / s->size;
	s->used = s->per_chunk;	/* no chunk yet */
}

void *slab_alloc(struct slab *s)
{
	void *p;

	if (s->free) {
		p = s->free;
		UNPOISON(p, s->size);
		s->free = *(void **)p;
	} else {
		if (s->used == s->per_chunk) {
			struct slab_chunk *c = tp_malloc(s->mt, CHUNK_BYTES);

			POISON(c->data, s->per_chunk * s->size);
			c->next = s->chunks;
			s->chunks = c;
			s->used = 0;
			s->nchunks++;
		}
		p = s->chunks->data + s->used++ * s->size;
		UNPOISON(p, s->size);
	}
	memset(p, 0, s->size);
	s->live++;
	return p;
}

void slab_fini(struct slab *s)
{
	while (s->chunks) {
		struct slab_chunk *c = s->chunks;

		s->chunks = c->next;
		UNPOISON(c->data, s->per_chunk * s->size);
		tp_free(s->mt, c);
	}
	s->free = NULL;
	s->used = s->per_chunk;
	s->live = 0;
	s->nchunks = 0;
}

void slab_free(struct slab *s, void *p)
{
	if (!p)
		return;
	*(void **)p = s->free;
	s->free = p;
	POISON(p, s->size);
	if (--s->live == 0)
		slab_fini(s);
}

size_t slab_bytes(const struct slab *s)
{
	return s->nchunks * CHUNK_BYTES;
}
