/*
 * Work queue tests: items processed in order, requeue, slices bounded by
 * the budget with a timer served between slices, del on finish and on free,
 * freeing the queue from inside its process function.
 */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "event.h"

static struct event_loop *loop;

static void setup(void)
{
	loop = event_loop_new("wq");
}

static void teardown(void)
{
	event_loop_free(loop);
}

TestSuite(workqueue, .init = setup, .fini = teardown, .timeout = 20);

struct ctx {
	int seen[64];
	int nseen;
	int deleted;
	int requeue_left;
	struct work_queue *wq;
	bool free_in_process;
};

static enum wq_result record(void *item, void *arg)
{
	struct ctx *c = arg;
	int v = (int)(intptr_t)item;

	if (v == 0 && c->requeue_left > 0) {
		c->requeue_left--;
		return WQ_REQUEUE;
	}
	c->seen[c->nseen++] = v;
	if (c->free_in_process) {
		work_queue_free(c->wq);
		c->wq = NULL;
	}
	return WQ_DONE;
}

static void count_del(void *item, void *arg)
{
	((struct ctx *)arg)->deleted++;
}

Test(workqueue, items_in_order_and_deleted_when_done)
{
	struct ctx c = { 0 };
	struct work_queue *wq = work_queue_new(loop, "test", record, count_del, &c, 0);
	int i;

	for (i = 1; i <= 10; i++)
		work_queue_add(wq, (void *)(intptr_t)i);
	cr_assert_eq(work_queue_pending(wq), 10);
	for (i = 0; i < 10 && work_queue_pending(wq); i++)
		event_loop_run_once(loop, 0);
	cr_assert_eq(work_queue_pending(wq), 0);
	cr_assert_eq(c.nseen, 10);
	for (i = 0; i < 10; i++)
		cr_assert_eq(c.seen[i], i + 1);
	cr_assert_eq(c.deleted, 10);
	work_queue_free(wq);
}

Test(workqueue, requeued_item_goes_to_the_back)
{
	struct ctx c = { .requeue_left = 2 };
	struct work_queue *wq = work_queue_new(loop, "test", record, NULL, &c, 0);

	work_queue_add(wq, (void *)(intptr_t)0);
	work_queue_add(wq, (void *)(intptr_t)1);
	work_queue_add(wq, (void *)(intptr_t)2);
	for (int i = 0; i < 10 && work_queue_pending(wq); i++)
		event_loop_run_once(loop, 0);
	cr_assert_eq(c.nseen, 3);
	cr_assert_eq(c.seen[0], 1);
	cr_assert_eq(c.seen[1], 2);
	cr_assert_eq(c.seen[2], 0);
	work_queue_free(wq);
}

Test(workqueue, free_calls_del_on_pending_items)
{
	struct ctx c = { 0 };
	struct work_queue *wq = work_queue_new(loop, "test", record, count_del, &c, 0);

	for (int i = 0; i < 5; i++)
		work_queue_add(wq, (void *)(intptr_t)i);
	work_queue_free(wq);
	cr_assert_eq(c.deleted, 5);
	cr_assert_eq(c.nseen, 0);
	event_loop_run_once(loop, 0);	/* the cancelled slice does not run */
	cr_assert_eq(c.nseen, 0);
}

Test(workqueue, free_from_inside_process)
{
	struct ctx c = { .free_in_process = true };

	c.wq = work_queue_new(loop, "test", record, count_del, &c, 0);
	for (int i = 1; i <= 4; i++)
		work_queue_add(c.wq, (void *)(intptr_t)i);
	event_loop_run_once(loop, 0);
	cr_assert_eq(c.nseen, 1);
	cr_assert_eq(c.deleted, 4);
	event_loop_run_once(loop, 0);
	cr_assert_eq(c.nseen, 1);
}

/* Each item burns ~1 ms; a 5 ms budget gives slices of about 5 items. A
 * 2 ms timer armed with the work must fire long before the work ends. */
static int slow_done, timer_at_item;
static enum wq_result slow(void *item, void *arg)
{
	int64_t end = monotime_us() + 1000;

	while (monotime_us() < end)
		;
	slow_done++;
	return WQ_DONE;
}

static void timer_fired(struct event *ev)
{
	timer_at_item = slow_done;
}

struct wqstat {
	unsigned long runs, items;
	uint64_t max_slice;
	bool seen;
};

static void stat_cb(const struct work_queue_stat *st, void *arg)
{
	struct wqstat *w = arg;

	if (strcmp(st->name, "slow"))
		return;
	w->seen = true;
	w->runs = st->runs;
	w->items = st->items;
	w->max_slice = st->max_slice_us;
}

Test(workqueue, slices_interleave_with_a_timer)
{
	struct work_queue *wq = work_queue_new(loop, "slow", slow, NULL, NULL, 5000);
	struct event *t = NULL;
	struct wqstat w = { 0 };
	int i;

	slow_done = 0;
	timer_at_item = -1;
	for (i = 0; i < 100; i++)
		work_queue_add(wq, NULL);
	event_add_timer_msec(loop, timer_fired, NULL, 2, &t);
	for (i = 0; i < 1000 && work_queue_pending(wq); i++)
		event_loop_run_once(loop, 100);
	cr_assert_eq(slow_done, 100);
	cr_assert_geq(timer_at_item, 1);
	cr_assert_lt(timer_at_item, 30, "timer starved until item %d", timer_at_item);

	work_queue_stats_walk(loop, stat_cb, &w);
	cr_assert(w.seen);
	cr_assert_eq(w.items, 100);
	cr_assert_geq(w.runs, 10, "100 ms of work in 5 ms slices: %lu slices", w.runs);
	/* The wall time of one slice (w.max_slice) is not asserted: on a
	 * loaded machine preemption stretches it; the slice count above is
	 * what shows that the queue yields. */
	work_queue_free(wq);
}
