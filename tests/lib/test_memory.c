/*
 * Memory accounting tests: counts and bytes per type follow allocations,
 * reallocations and frees; XFREE clears the pointer; types are listed.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "log.h"
#include "memory.h"

DEFINE_MTYPE_STATIC(TEST_A, "Test A");
DEFINE_MTYPE(TEST_B, "Test B");

Test(memory, counters_follow_alloc_and_free)
{
	char *a = XMALLOC(TEST_A, 100);
	char *b = XCALLOC(TEST_A, 50);

	cr_assert_eq(MTYPE_TEST_A.count, 2);
	cr_assert_geq(MTYPE_TEST_A.bytes, 150);
	cr_assert_eq(b[49], 0);
	a = XREALLOC(TEST_A, a, 4000);
	cr_assert_eq(MTYPE_TEST_A.count, 2);
	cr_assert_geq(MTYPE_TEST_A.bytes, 4050);
	cr_assert_geq(MTYPE_TEST_A.peak_bytes, MTYPE_TEST_A.bytes);
	XFREE(TEST_A, a);
	cr_assert_null(a);
	XFREE(TEST_A, b);
	cr_assert_eq(MTYPE_TEST_A.count, 0);
	cr_assert_eq(MTYPE_TEST_A.bytes, 0);
	cr_assert_geq(MTYPE_TEST_A.peak_bytes, 4050);
	XFREE(TEST_A, b);	/* NULL is fine */
}

Test(memory, strdup_and_realloc_null)
{
	char *s = XSTRDUP(TEST_B, "hello");
	char *p = XREALLOC(TEST_B, NULL, 10);

	cr_assert_str_eq(s, "hello");
	cr_assert_eq(MTYPE_TEST_B.count, 2);
	XFREE(TEST_B, s);
	XFREE(TEST_B, p);
	cr_assert_eq(MTYPE_TEST_B.count, 0);
}

Test(memory, types_are_listed_by_name)
{
	bool a = false, b = false;

	for (struct mtype *mt = mtype_first(); mt; mt = mt->next) {
		a |= !strcmp(mt->name, "Test A");
		b |= !strcmp(mt->name, "Test B");
	}
	cr_assert(a && b);
}

Test(memory, in_use_types_are_logged)
{
	char *p = XMALLOC(TEST_A, 10);
	size_t n;

	zlog_set_level(LOG_DEST_STDOUT, LOG_DISABLED);
	n = mtype_log_in_use(LOG_DEBUG);
	cr_assert_geq(n, 1);
	XFREE(TEST_A, p);
	cr_assert_eq(mtype_log_in_use(LOG_DEBUG), n - 1);
}
