/*
 * Small containers shared by the policy modules (filter, plist, routemap,
 * keychain).
 *
 * - policy_name_cmp: Quagga's order of list names: names made only of
 *   digits come first, in numeric order; the others follow in strcmp order.
 *   config-write and `show` print lists in this order.
 * - struct namevec: a sorted array of named objects with binary-search
 *   lookup; each object starts with (or points at) its name through `name_of`.
 * - struct ptrset: a set of live pointers, so that a vty's saved context
 *   (vty->index) can be checked after another session deleted the object.
 */
#ifndef TARPAN_POLICY_UTIL_H
#define TARPAN_POLICY_UTIL_H

#include <stdbool.h>
#include <stddef.h>

int policy_name_cmp(const char *a, const char *b);
bool policy_name_is_number(const char *name);

struct namevec {
	void **items;
	size_t count, alloc;
	const char *(*name_of)(const void *item);
	bool numbers_first;	/* policy_name_cmp order, else strcmp */
};

void *namevec_find(const struct namevec *v, const char *name);
void namevec_insert(struct namevec *v, void *item);
void namevec_remove(struct namevec *v, const void *item);
void namevec_free(struct namevec *v);

struct ptrset {
	const void **slots;
	size_t used, tomb, size;
};

void ptrset_add(struct ptrset *s, const void *p);
void ptrset_del(struct ptrset *s, const void *p);
bool ptrset_has(const struct ptrset *s, const void *p);
void ptrset_free(struct ptrset *s);

/* Concatenate argv[from..argc-1] with single spaces (for .LINE arguments). */
char *policy_argv_concat(int argc, const char *argv[], int from);
void policy_argv_free(char *s);

#endif
