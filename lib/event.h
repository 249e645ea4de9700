/*
 * The event loop: one per daemon.
 *
 * epoll for file descriptors, a binary heap for timers, a FIFO of immediate
 * events, signals through signalfd. Every scheduling call takes a handle
 * pointer (struct event **ref): the loop sets *ref while the task is
 * scheduled and clears it to NULL when the task runs or is cancelled, so
 * "*ref != NULL" always means "scheduled". Scheduling onto a non-NULL
 * handle is a no-op (the task is already pending).
 *
 * Each callback is accounted by its function name (run count, CPU and wall
 * time) for `show thread cpu`.
 */
#ifndef TARPAN_EVENT_H
#define TARPAN_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct event_loop;
struct event;

typedef void (*event_fn)(struct event *ev);

/* Inside a callback: what it was scheduled with. */
void *event_arg(const struct event *ev);
int event_fd(const struct event *ev);
int event_val(const struct event *ev);

struct event_loop *event_loop_new(const char *name);
void event_loop_free(struct event_loop *loop);
/* Runs until event_loop_stop(); returns 0. */
int event_loop_run(struct event_loop *loop);
void event_loop_stop(struct event_loop *loop);
/*
 * Runs one iteration (poll + dispatch); timeout_ms < 0 blocks until
 * something is due. Returns the number of callbacks run, -1 on error.
 * Immediate events scheduled during the dispatch run in the next iteration,
 * after a non-blocking poll, so I/O and timers are never starved.
 */
int event_loop_run_once(struct event_loop *loop, int timeout_ms);

void _event_add_read(struct event_loop *loop, event_fn fn, const char *fname,
		     void *arg, int fd, struct event **ref);
void _event_add_write(struct event_loop *loop, event_fn fn, const char *fname,
		      void *arg, int fd, struct event **ref);
void _event_add_timer_msec(struct event_loop *loop, event_fn fn,
			   const char *fname, void *arg, long msec,
			   struct event **ref);
void _event_add_event(struct event_loop *loop, event_fn fn, const char *fname,
		      void *arg, int val, struct event **ref);

#define event_add_read(loop, fn, arg, fd, ref)                                 \
	_event_add_read(loop, fn, #fn, arg, fd, ref)
#define event_add_write(loop, fn, arg, fd, ref)                                \
	_event_add_write(loop, fn, #fn, arg, fd, ref)
#define event_add_timer_msec(loop, fn, arg, msec, ref)                         \
	_event_add_timer_msec(loop, fn, #fn, arg, msec, ref)
#define event_add_timer(loop, fn, arg, sec, ref)                               \
	_event_add_timer_msec(loop, fn, #fn, arg, (long)(sec) * 1000L, ref)
#define event_add_event(loop, fn, arg, val, ref)                               \
	_event_add_event(loop, fn, #fn, arg, val, ref)

/* Cancels if scheduled; always leaves *ref NULL. Safe on NULL *ref. */
void event_cancel(struct event **ref);
/* Milliseconds until a scheduled timer fires (0 if due, -1 if none). */
long event_timer_remain_msec(const struct event *ev);

/* Signals, delivered from the loop through signalfd (never in a handler). */
typedef void (*signal_fn)(int signo, void *arg);
void event_add_signal(struct event_loop *loop, int signo, signal_fn fn, void *arg);

/* Monotonic clock, milliseconds and microseconds. */
int64_t monotime_ms(void);
int64_t monotime_us(void);

/* Per-callback statistics for `show thread cpu` / `clear thread cpu`. */
struct event_cpu_stat {
	const char *fname;
	unsigned long runs;
	uint64_t cpu_us;	/* total CPU time */
	uint64_t real_us;	/* total wall time */
	uint64_t max_cpu_us;
	uint64_t max_real_us;
	char types[8];		/* "RWTE" letters the callback ran as */
};
typedef void (*event_stat_fn)(const struct event_cpu_stat *st, void *arg);
void event_cpu_stats_walk(struct event_loop *loop, event_stat_fn fn, void *arg);
void event_cpu_stats_clear(struct event_loop *loop);

/*
 * Work queue: bulk work done in slices. The process function is called for
 * one item at a time until the time budget of the slice is spent; then the
 * queue yields to the loop and continues in the next slice.
 */
enum wq_result {
	WQ_DONE,	/* item finished, remove it */
	WQ_REQUEUE,	/* item has more work, call again later */
};
struct work_queue;
/*
 * `del` (may be NULL) is called for every item that leaves the queue:
 * when process returns WQ_DONE, and for the items still pending when the
 * queue is freed. A WQ_REQUEUE item goes to the back of the queue.
 * budget_us 0 means the default (10 ms). work_queue_free() may be called
 * from inside the process function; the queue goes away when it returns.
 */
typedef enum wq_result (*wq_process_fn)(void *item, void *arg);
typedef void (*wq_del_fn)(void *item, void *arg);
struct work_queue *work_queue_new(struct event_loop *loop, const char *name,
				  wq_process_fn process, wq_del_fn del,
				  void *arg, unsigned budget_us);
void work_queue_free(struct work_queue *wq); /* calls del on pending items */
void work_queue_add(struct work_queue *wq, void *item);
size_t work_queue_pending(const struct work_queue *wq);

/* For `show work-queues`. */
struct work_queue_stat {
	const char *name;
	size_t pending;
	unsigned long runs;		/* slices */
	unsigned long items;		/* process calls */
	uint64_t total_us;		/* wall time in slices */
	uint64_t max_slice_us;
	unsigned budget_us;
};
typedef void (*wq_stat_fn)(const struct work_queue_stat *st, void *arg);
void work_queue_stats_walk(struct event_loop *loop, wq_stat_fn fn, void *arg);

#endif
