/*
 * Work queues (see event.h): bulk work in time-bounded slices.
 *
 * Items wait in a growable ring. A slice is one immediate event: it pops
 * items and calls the process function until the queue is empty or the
 * budget is spent (at least one item per slice), then re-arms itself as a
 * new immediate event. The loop runs immediate events queued during a
 * dispatch only in its next turn, after a non-blocking epoll_wait and the
 * timer check, so sockets and timers are served between any two slices.
 *
 * The queues of all loops are kept on one list so that `show work-queues`
 * can walk those of a given loop.
 */
#include "config.h"

#include <string.h>

#include "event.h"
#include "log.h"
#include "memory.h"

DEFINE_MTYPE_STATIC(WORK_QUEUE, "Work queue");
DEFINE_MTYPE_STATIC(WORK_QUEUE_ITEMS, "Work queue items");

#define WQ_DEFAULT_BUDGET_US 10000

struct work_queue {
	struct event_loop *loop;
	char *name;
	wq_process_fn process;
	wq_del_fn del;
	void *arg;
	unsigned budget_us;

	void **items;		/* ring */
	size_t head, len, cap;

	struct event *t_run;
	bool running;		/* inside a slice */
	bool dying;		/* freed from inside a slice */

	unsigned long runs, nitems;
	uint64_t total_us, max_slice_us;

	struct work_queue *next;	/* all queues */
};

static struct work_queue *all_queues;

static void ring_push(struct work_queue *wq, void *item)
{
	if (wq->len == wq->cap) {
		size_t ncap = wq->cap ? wq->cap * 2 : 16;
		void **n = XMALLOC(WORK_QUEUE_ITEMS, ncap * sizeof(*n));
		size_t i;

		for (i = 0; i < wq->len; i++)
			n[i] = wq->items[(wq->head + i) % wq->cap];
		if (wq->items)
			XFREE(WORK_QUEUE_ITEMS, wq->items);
		wq->items = n;
		wq->cap = ncap;
		wq->head = 0;
	}
	wq->items[(wq->head + wq->len) % wq->cap] = item;
	wq->len++;
}

static void *ring_pop(struct work_queue *wq)
{
	void *item = wq->items[wq->head];

	wq->head = (wq->head + 1) % wq->cap;
	wq->len--;
	return item;
}

static void wq_destroy(struct work_queue *wq)
{
	struct work_queue **pp;

	event_cancel(&wq->t_run);
	while (wq->len) {
		void *item = ring_pop(wq);

		if (wq->del)
			wq->del(item, wq->arg);
	}
	for (pp = &all_queues; *pp; pp = &(*pp)->next)
		if (*pp == wq) {
			*pp = wq->next;
			break;
		}
	if (wq->items)
		XFREE(WORK_QUEUE_ITEMS, wq->items);
	XFREE(WORK_QUEUE, wq->name);
	XFREE(WORK_QUEUE, wq);
}

static void work_queue_slice(struct event *ev)
{
	struct work_queue *wq = event_arg(ev);
	int64_t start = monotime_us(), elapsed;

	wq->running = true;
	do {
		void *item = ring_pop(wq);
		enum wq_result r = wq->process(item, wq->arg);

		wq->nitems++;
		if (r == WQ_REQUEUE)
			ring_push(wq, item);
		else if (wq->del)
			wq->del(item, wq->arg);
		elapsed = monotime_us() - start;
	} while (wq->len && !wq->dying && elapsed < (int64_t)wq->budget_us);
	wq->running = false;

	wq->runs++;
	wq->total_us += (uint64_t)elapsed;
	if ((uint64_t)elapsed > wq->max_slice_us)
		wq->max_slice_us = (uint64_t)elapsed;
	if (wq->dying) {
		wq_destroy(wq);
		return;
	}
	if (wq->len)
		event_add_event(wq->loop, work_queue_slice, wq, 0, &wq->t_run);
}

struct work_queue *work_queue_new(struct event_loop *loop, const char *name,
				  wq_process_fn process, wq_del_fn del,
				  void *arg, unsigned budget_us)
{
	struct work_queue *wq = XCALLOC(WORK_QUEUE, sizeof(*wq));

	wq->loop = loop;
	wq->name = XSTRDUP(WORK_QUEUE, name ? name : "work queue");
	wq->process = process;
	wq->del = del;
	wq->arg = arg;
	wq->budget_us = budget_us ? budget_us : WQ_DEFAULT_BUDGET_US;
	wq->next = all_queues;
	all_queues = wq;
	return wq;
}

void work_queue_free(struct work_queue *wq)
{
	if (!wq)
		return;
	if (wq->running) {
		wq->dying = true;
		return;
	}
	wq_destroy(wq);
}

void work_queue_add(struct work_queue *wq, void *item)
{
	ring_push(wq, item);
	if (!wq->running)
		event_add_event(wq->loop, work_queue_slice, wq, 0, &wq->t_run);
}

size_t work_queue_pending(const struct work_queue *wq)
{
	return wq->len;
}

void work_queue_stats_walk(struct event_loop *loop, wq_stat_fn fn, void *arg)
{
	struct work_queue *wq;

	for (wq = all_queues; wq; wq = wq->next) {
		struct work_queue_stat st = {
			.name = wq->name,
			.pending = wq->len,
			.runs = wq->runs,
			.items = wq->nitems,
			.total_us = wq->total_us,
			.max_slice_us = wq->max_slice_us,
			.budget_us = wq->budget_us,
		};

		if (wq->loop == loop && !wq->dying)
			fn(&st, arg);
	}
}
