/*
 * Containers shared by the policy modules (see policy_util.h).
 */
#include <stdint.h>
#include <string.h>

#include "memory.h"
#include "policy_util.h"

DEFINE_MTYPE_STATIC(POLICY_VEC, "Policy name index");
DEFINE_MTYPE_STATIC(POLICY_STR, "Policy string");

bool policy_name_is_number(const char *name)
{
	if (!*name)
		return false;
	for (; *name; name++)
		if (*name < '0' || *name > '9')
			return false;
	return true;
}

/* Numeric comparison of digit strings of any length. */
static int number_cmp(const char *a, const char *b)
{
	size_t la, lb;

	while (*a == '0' && a[1])
		a++;
	while (*b == '0' && b[1])
		b++;
	la = strlen(a);
	lb = strlen(b);
	if (la != lb)
		return la < lb ? -1 : 1;
	return strcmp(a, b);
}

int policy_name_cmp(const char *a, const char *b)
{
	bool na = policy_name_is_number(a), nb = policy_name_is_number(b);
	int r;

	if (na != nb)
		return na ? -1 : 1;
	if (na) {
		r = number_cmp(a, b);
		if (r)
			return r;
	}
	return strcmp(a, b);
}

static int vec_cmp(const struct namevec *v, const char *a, const char *b)
{
	return v->numbers_first ? policy_name_cmp(a, b) : strcmp(a, b);
}

/* Index of the first item not less than name. */
static size_t vec_lower(const struct namevec *v, const char *name)
{
	size_t lo = 0, hi = v->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (vec_cmp(v, v->name_of(v->items[mid]), name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void *namevec_find(const struct namevec *v, const char *name)
{
	size_t i = vec_lower(v, name);

	if (i < v->count && strcmp(v->name_of(v->items[i]), name) == 0)
		return v->items[i];
	return NULL;
}

void namevec_insert(struct namevec *v, void *item)
{
	size_t i = vec_lower(v, v->name_of(item));

	if (v->count == v->alloc) {
		v->alloc = v->alloc ? v->alloc * 2 : 8;
		v->items = XREALLOC(POLICY_VEC, v->items, v->alloc * sizeof(void *));
	}
	memmove(&v->items[i + 1], &v->items[i], (v->count - i) * sizeof(void *));
	v->items[i] = item;
	v->count++;
}

void namevec_remove(struct namevec *v, const void *item)
{
	size_t i = vec_lower(v, v->name_of(item));

	for (; i < v->count; i++) {
		if (v->items[i] == item) {
			memmove(&v->items[i], &v->items[i + 1],
				(v->count - i - 1) * sizeof(void *));
			v->count--;
			return;
		}
	}
}

void namevec_free(struct namevec *v)
{
	if (v->items)
		XFREE(POLICY_VEC, v->items);
	v->count = v->alloc = 0;
}

/* ---- pointer set: open addressing with tombstones ------------------------ */

static const char ptr_tomb;
#define TOMB ((const void *)&ptr_tomb)

static size_t ptr_hash(const void *p, size_t size)
{
	uint64_t x = (uint64_t)(uintptr_t)p;

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x & (size - 1);
}

static void ptrset_grow(struct ptrset *s)
{
	const void **old = s->slots;
	size_t oldsize = s->size, i;

	s->size = s->size ? s->size * 2 : 64;
	if (s->used * 4 < oldsize)	/* mostly tombstones: rehash same size */
		s->size = oldsize;
	s->slots = XCALLOC(POLICY_VEC, s->size * sizeof(void *));
	s->used = s->tomb = 0;
	for (i = 0; i < oldsize; i++)
		if (old[i] && old[i] != TOMB)
			ptrset_add(s, old[i]);
	if (old)
		XFREE(POLICY_VEC, old);
}

void ptrset_add(struct ptrset *s, const void *p)
{
	size_t i;

	if ((s->used + s->tomb + 1) * 2 > s->size)
		ptrset_grow(s);
	i = ptr_hash(p, s->size);
	while (s->slots[i] && s->slots[i] != TOMB) {
		if (s->slots[i] == p)
			return;
		i = (i + 1) & (s->size - 1);
	}
	if (s->slots[i] == TOMB)
		s->tomb--;
	s->slots[i] = p;
	s->used++;
}

static size_t ptrset_slot(const struct ptrset *s, const void *p)
{
	size_t i;

	if (!s->size)
		return SIZE_MAX;
	i = ptr_hash(p, s->size);
	while (s->slots[i]) {
		if (s->slots[i] == p)
			return i;
		i = (i + 1) & (s->size - 1);
	}
	return SIZE_MAX;
}

void ptrset_del(struct ptrset *s, const void *p)
{
	size_t i = ptrset_slot(s, p);

	if (i == SIZE_MAX)
		return;
	s->slots[i] = TOMB;
	s->used--;
	s->tomb++;
}

bool ptrset_has(const struct ptrset *s, const void *p)
{
	return p && ptrset_slot(s, p) != SIZE_MAX;
}

void ptrset_free(struct ptrset *s)
{
	if (s->slots)
		XFREE(POLICY_VEC, s->slots);
	s->used = s->tomb = s->size = 0;
}

char *policy_argv_concat(int argc, const char *argv[], int from)
{
	size_t len = 1;
	char *s, *q;
	int i;

	for (i = from; i < argc; i++)
		if (argv[i])
			len += strlen(argv[i]) + 1;
	s = q = XMALLOC(POLICY_STR, len);
	*q = '\0';
	for (i = from; i < argc; i++) {
		size_t l;

		if (!argv[i])
			continue;
		if (q != s)
			*q++ = ' ';
		l = strlen(argv[i]);
		memcpy(q, argv[i], l);
		q += l;
		*q = '\0';
	}
	return s;
}

void policy_argv_free(char *s)
{
	XFREE(POLICY_STR, s);
}
