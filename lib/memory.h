/*
 * Typed, counted allocation.
 *
 * Every allocation names a memory type (MTYPE) that the owning module
 * declares next to its own code; the types link themselves into one list at
 * start-up so that `show memory` can print them without a central table.
 * Allocation failure is fatal: it is logged and the process aborts, so
 * callers never test for NULL.
 */
#ifndef TARPAN_MEMORY_H
#define TARPAN_MEMORY_H

#include <stddef.h>
#include <stdint.h>

struct mtype {
	const char *name;	/* as printed by `show memory` */
	size_t count;		/* live allocations */
	size_t bytes;		/* live bytes (usable size) */
	size_t peak_bytes;
	struct mtype *next;
	int registered;
};

/* One definition per type, in the .c file of the owner. */
#define DEFINE_MTYPE(ident, desc)                                              \
	struct mtype MTYPE_##ident = { .name = (desc) };                       \
	static void __attribute__((constructor)) mtype_reg_##ident(void)       \
	{                                                                      \
		mtype_register(&MTYPE_##ident);                                \
	}
#define DEFINE_MTYPE_STATIC(ident, desc)                                       \
	static struct mtype MTYPE_##ident = { .name = (desc) };                \
	static void __attribute__((constructor)) mtype_reg_##ident(void)       \
	{                                                                      \
		mtype_register(&MTYPE_##ident);                                \
	}
#define DECLARE_MTYPE(ident) extern struct mtype MTYPE_##ident

void mtype_register(struct mtype *mt);
/* Iterate over all registered types (for `show memory`). */
struct mtype *mtype_first(void);

/* Logs every type with live allocations at `prio` ("leaks" at exit);
 * returns how many types were listed. */
size_t mtype_log_in_use(int prio);

void *tp_malloc(struct mtype *mt, size_t size);
void *tp_calloc(struct mtype *mt, size_t size);
void *tp_realloc(struct mtype *mt, void *ptr, size_t size);
char *tp_strdup(struct mtype *mt, const char *s);
void tp_free(struct mtype *mt, void *ptr);

#define XMALLOC(mt, size) tp_malloc(&MTYPE_##mt, (size))
#define XCALLOC(mt, size) tp_calloc(&MTYPE_##mt, (size))
#define XREALLOC(mt, ptr, size) tp_realloc(&MTYPE_##mt, (ptr), (size))
#define XSTRDUP(mt, s) tp_strdup(&MTYPE_##mt, (s))
/* Frees and clears the pointer so that a stale copy cannot be reused. */
#define XFREE(mt, ptr)                                                         \
	do {                                                                   \
		tp_free(&MTYPE_##mt, (ptr));                                   \
		(ptr) = NULL;                                                  \
	} while (0)

#endif
