/*
 * Typed, counted allocation (see memory.h).
 *
 * Sizes are taken from malloc_usable_size() so that free() needs no header
 * of our own in front of each block: the counters cost nothing per object.
 */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "memory.h"

static struct mtype *mtype_list;

void mtype_register(struct mtype *mt)
{
	if (mt->registered)
		return;
	mt->registered = 1;
	mt->next = mtype_list;
	mtype_list = mt;
}

struct mtype *mtype_first(void)
{
	return mtype_list;
}

size_t mtype_log_in_use(int prio)
{
	struct mtype *mt;
	size_t n = 0;

	for (mt = mtype_list; mt; mt = mt->next) {
		if (!mt->count)
			continue;
		zlog(prio, "memory in use: %s: %zu allocations, %zu bytes",
		     mt->name, mt->count, mt->bytes);
		n++;
	}
	return n;
}

static void account_alloc(struct mtype *mt, void *p)
{
	mt->count++;
	mt->bytes += malloc_usable_size(p);
	if (mt->bytes > mt->peak_bytes)
		mt->peak_bytes = mt->bytes;
}

static void account_free(struct mtype *mt, void *p)
{
	size_t sz = malloc_usable_size(p);

	mt->count--;
	mt->bytes -= sz <= mt->bytes ? sz : mt->bytes;
}

static void __attribute__((noreturn)) out_of_memory(struct mtype *mt, size_t size)
{
	zlog_fatal("out of memory: %zu bytes for %s", size, mt->name);
}

void *tp_malloc(struct mtype *mt, size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory(mt, size);
	account_alloc(mt, p);
	return p;
}

void *tp_calloc(struct mtype *mt, size_t size)
{
	void *p = calloc(1, size ? size : 1);

	if (!p)
		out_of_memory(mt, size);
	account_alloc(mt, p);
	return p;
}

void *tp_realloc(struct mtype *mt, void *ptr, size_t size)
{
	void *p;

	if (!ptr)
		return tp_malloc(mt, size);
	account_free(mt, ptr);
	p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory(mt, size);
	account_alloc(mt, p);
	return p;
}

char *tp_strdup(struct mtype *mt, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = tp_malloc(mt, n);

	memcpy(p, s, n);
	return p;
}

void tp_free(struct mtype *mt, void *ptr)
{
	if (!ptr)
		return;
	account_free(mt, ptr);
	free(ptr);
}
