/*
 * Event loop tests: timer order through the heap, handle clearing, cancel
 * from inside callbacks, fd readiness (read and write on one fd), signals
 * through signalfd, immediate FIFO order, per-callback statistics.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "event.h"

static struct event_loop *loop;

static void setup(void)
{
	loop = event_loop_new("test");
}

static void teardown(void)
{
	event_loop_free(loop);
}

TestSuite(event, .init = setup, .fini = teardown, .timeout = 20);

/* Runs the loop until `*done` or the deadline; bounded. */
static void run_until(const bool *done, int max_ms)
{
	int64_t end = monotime_ms() + max_ms;

	while (!*done && monotime_ms() < end)
		event_loop_run_once(loop, 10);
}

/* ---- timers ---------------------------------------------------------------- */

#define NTIMERS 2000

struct tslot {
	struct event *t;
	long when;
	int fired_order;
};

static struct tslot tslots[NTIMERS];
static int fired_count;

static void timer_cb(struct event *ev)
{
	struct tslot *s = event_arg(ev);

	cr_assert_null(s->t, "handle must be cleared before the callback runs");
	s->fired_order = fired_count++;
}

Test(event, many_timers_fire_in_deadline_order)
{
	int i;
	bool done = false;

	srand(42);
	fired_count = 0;
	for (i = 0; i < NTIMERS; i++) {
		tslots[i].when = rand() % 200;
		tslots[i].fired_order = -1;
		event_add_timer_msec(loop, timer_cb, &tslots[i], tslots[i].when,
				     &tslots[i].t);
		cr_assert_not_null(tslots[i].t);
	}
	while (!done) {
		event_loop_run_once(loop, 500);
		done = fired_count == NTIMERS;
	}
	for (i = 0; i < NTIMERS; i++) {
		int j;

		cr_assert_null(tslots[i].t);
		/* armed earlier and due no later: fires first */
		for (j = i % 97; j < i; j += 97)
			if (tslots[j].when <= tslots[i].when)
				cr_assert_lt(tslots[j].fired_order,
					     tslots[i].fired_order);
	}
}

Test(event, cancel_half_of_the_timers)
{
	int i;

	fired_count = 0;
	for (i = 0; i < NTIMERS; i++) {
		tslots[i].fired_order = -1;
		event_add_timer_msec(loop, timer_cb, &tslots[i], i % 50, &tslots[i].t);
	}
	for (i = 0; i < NTIMERS; i += 2) {
		event_cancel(&tslots[i].t);
		cr_assert_null(tslots[i].t);
	}
	while (fired_count < NTIMERS / 2)
		event_loop_run_once(loop, 500);
	event_loop_run_once(loop, 60);
	cr_assert_eq(fired_count, NTIMERS / 2);
	for (i = 0; i < NTIMERS; i++)
		cr_assert_eq(tslots[i].fired_order >= 0, i % 2 == 1, "timer %d", i);
}

static int noop_runs;
static void noop_cb(struct event *ev)
{
	noop_runs++;
}

Test(event, readding_on_a_scheduled_handle_is_a_noop)
{
	struct event *t = NULL, *first;

	noop_runs = 0;
	event_add_timer_msec(loop, noop_cb, NULL, 10, &t);
	first = t;
	event_add_timer_msec(loop, noop_cb, NULL, 0, &t);
	cr_assert_eq(t, first);
	cr_assert_gt(event_timer_remain_msec(t), 0);
	event_loop_run_once(loop, 0);
	cr_assert_eq(noop_runs, 0, "the 0 ms re-add must not have replaced the 10 ms timer");
	while (t)
		event_loop_run_once(loop, 100);
	cr_assert_eq(noop_runs, 1);
	event_cancel(&t);	/* safe on NULL */
	cr_assert_null(t);
}

/* A callback that cancels a sibling due in the same turn and frees its own
 * object (which holds its handle). */
struct owner {
	struct event *t_self;
	struct event **victim;
	int *runs;
};

static void cancelling_cb(struct event *ev)
{
	struct owner *o = event_arg(ev);

	(*o->runs)++;
	event_cancel(o->victim);
	free(o);
}

static int victim_runs;
static void victim_cb(struct event *ev)
{
	victim_runs++;
}

Test(event, cancel_inside_callback_and_free_own_object)
{
	struct event *t_victim = NULL;
	int runs = 0;
	struct owner *o = calloc(1, sizeof(*o));

	victim_runs = 0;
	o->victim = &t_victim;
	o->runs = &runs;
	event_add_timer_msec(loop, cancelling_cb, o, 0, &o->t_self);
	event_add_timer_msec(loop, victim_cb, NULL, 0, &t_victim);
	/* both are due in the same turn; the first cancels the second */
	usleep(2000);
	event_loop_run_once(loop, 0);
	cr_assert_eq(runs, 1);
	cr_assert_eq(victim_runs, 0);
	cr_assert_null(t_victim);
}

static struct event *t_rearm;
static int rearm_runs;
static void rearm_cb(struct event *ev)
{
	if (++rearm_runs < 5)
		event_add_timer_msec(loop, rearm_cb, NULL, 1, &t_rearm);
}

Test(event, callback_rearms_its_own_handle)
{
	rearm_runs = 0;
	event_add_timer_msec(loop, rearm_cb, NULL, 0, &t_rearm);
	for (int i = 0; i < 100 && rearm_runs < 5; i++)
		event_loop_run_once(loop, 20);
	cr_assert_eq(rearm_runs, 5);
	cr_assert_null(t_rearm);
}

Test(event, timer_remaining_time)
{
	struct event *t = NULL;

	event_add_timer(loop, noop_cb, NULL, 3, &t);
	cr_assert_gt(event_timer_remain_msec(t), 2900);
	cr_assert_leq(event_timer_remain_msec(t), 3000);
	event_cancel(&t);
	cr_assert_eq(event_timer_remain_msec(t), -1);
}

/* ---- immediate events --------------------------------------------------------- */

static int order[16], norder;
static void order_cb(struct event *ev)
{
	order[norder++] = event_val(ev);
}

Test(event, immediate_events_run_in_fifo_order)
{
	struct event *h[8] = { 0 };
	int i;

	norder = 0;
	for (i = 0; i < 8; i++)
		event_add_event(loop, order_cb, NULL, i, &h[i]);
	event_cancel(&h[3]);
	event_loop_run_once(loop, 0);
	cr_assert_eq(norder, 7);
	for (i = 0; i < 7; i++)
		cr_assert_eq(order[i], i < 3 ? i : i + 1);
	for (i = 0; i < 8; i++)
		cr_assert_null(h[i]);
}

/* ---- file descriptors ---------------------------------------------------------- */

struct io {
	int fd;
	struct event *t_read, *t_write;
	char buf[64];
	ssize_t got;
	int writes;
	bool done;
};

static void io_read(struct event *ev)
{
	struct io *io = event_arg(ev);

	cr_assert_eq(event_fd(ev), io->fd);
	io->got = read(io->fd, io->buf, sizeof(io->buf));
	io->done = true;
}

static void io_write(struct event *ev)
{
	struct io *io = event_arg(ev);

	io->writes++;
}

Test(event, read_and_write_tasks_on_the_same_fd)
{
	int sv[2];
	struct io io = { 0 };

	cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	io.fd = sv[0];
	event_add_read(loop, io_read, &io, sv[0], &io.t_read);
	event_add_write(loop, io_write, &io, sv[0], &io.t_write);

	/* writable at once; the read must stay pending */
	event_loop_run_once(loop, 100);
	cr_assert_eq(io.writes, 1);
	cr_assert_null(io.t_write);
	cr_assert_not_null(io.t_read);
	cr_assert_not(io.done);

	/* nothing to read: the loop times out without running io_read */
	event_loop_run_once(loop, 20);
	cr_assert_not(io.done);

	cr_assert_eq(write(sv[1], "hello", 5), 5);
	run_until(&io.done, 1000);
	cr_assert(io.done);
	cr_assert_eq(io.got, 5);
	cr_assert_eq(memcmp(io.buf, "hello", 5), 0);
	cr_assert_null(io.t_read);
	close(sv[0]);
	close(sv[1]);
}

Test(event, cancelled_read_does_not_fire)
{
	int p[2];
	struct io io = { 0 };

	cr_assert_eq(pipe(p), 0);
	io.fd = p[0];
	event_add_read(loop, io_read, &io, p[0], &io.t_read);
	event_cancel(&io.t_read);
	cr_assert_eq(write(p[1], "x", 1), 1);
	event_loop_run_once(loop, 20);
	cr_assert_not(io.done);
	/* re-arming after a cancel works */
	event_add_read(loop, io_read, &io, p[0], &io.t_read);
	run_until(&io.done, 1000);
	cr_assert(io.done);
	cr_assert_eq(io.got, 1);
	close(p[0]);
	close(p[1]);
}

Test(event, fd_closed_and_reused_while_registered)
{
	int p[2], q[2];
	struct io io = { 0 };

	cr_assert_eq(pipe(p), 0);
	io.fd = p[0];
	event_add_read(loop, io_read, &io, p[0], &io.t_read);
	event_loop_run_once(loop, 0);	/* registered with epoll */
	event_cancel(&io.t_read);
	close(p[0]);
	close(p[1]);
	cr_assert_eq(pipe(q), 0);	/* likely the same numbers */
	io.fd = q[0];
	event_add_read(loop, io_read, &io, q[0], &io.t_read);
	cr_assert_eq(write(q[1], "ab", 2), 2);
	run_until(&io.done, 1000);
	cr_assert(io.done);
	cr_assert_eq(io.got, 2);
	close(q[0]);
	close(q[1]);
}

/* ---- signals -------------------------------------------------------------------- */

static int got_signo;
static void on_signal(int signo, void *arg)
{
	got_signo = signo;
	*(int *)arg += 1;
}

Test(event, signal_delivered_from_the_loop)
{
	int count = 0;

	got_signo = 0;
	event_add_signal(loop, SIGUSR1, on_signal, &count);
	cr_assert_eq(raise(SIGUSR1), 0);
	/* blocked: nothing happened yet */
	cr_assert_eq(count, 0);
	for (int i = 0; i < 50 && !count; i++)
		event_loop_run_once(loop, 20);
	cr_assert_eq(count, 1);
	cr_assert_eq(got_signo, SIGUSR1);
	/* still armed for the next one */
	cr_assert_eq(raise(SIGUSR1), 0);
	for (int i = 0; i < 50 && count < 2; i++)
		event_loop_run_once(loop, 20);
	cr_assert_eq(count, 2);
}

/* ---- stop and statistics ------------------------------------------------------------ */

static void stop_cb(struct event *ev)
{
	event_loop_stop(loop);
}

Test(event, run_returns_after_stop)
{
	struct event *t = NULL;

	event_add_timer_msec(loop, stop_cb, NULL, 5, &t);
	cr_assert_eq(event_loop_run(loop), 0);
	cr_assert_null(t);
}

static int64_t cpu_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Burns 3 ms of CPU (not wall) time, so the figures hold on a busy box. */
static void busy_cb(struct event *ev)
{
	int64_t end = cpu_now_us() + 3000;

	while (cpu_now_us() < end)
		;
}

struct statcheck {
	bool seen_busy, seen_noop;
	unsigned long busy_runs;
	uint64_t busy_cpu, busy_real;
	char busy_types[8];
};

static void stat_walker(const struct event_cpu_stat *st, void *arg)
{
	struct statcheck *sc = arg;

	if (!strcmp(st->fname, "busy_cb")) {
		sc->seen_busy = true;
		sc->busy_runs = st->runs;
		sc->busy_cpu = st->cpu_us;
		sc->busy_real = st->real_us;
		strcpy(sc->busy_types, st->types);
	}
	if (!strcmp(st->fname, "noop_cb"))
		sc->seen_noop = true;
}

Test(event, cpu_statistics_per_callback_name)
{
	struct event *a = NULL, *b = NULL;
	struct statcheck sc = { 0 };

	event_add_timer_msec(loop, busy_cb, NULL, 0, &a);
	event_add_event(loop, busy_cb, NULL, 0, &b);
	usleep(1000);
	event_loop_run_once(loop, 0);
	event_cpu_stats_walk(loop, stat_walker, &sc);
	cr_assert(sc.seen_busy);
	cr_assert_not(sc.seen_noop, "callbacks that never ran are not listed");
	cr_assert_eq(sc.busy_runs, 2);
	cr_assert_geq(sc.busy_cpu, 6000);
	cr_assert_geq(sc.busy_real, sc.busy_cpu - 100);
	cr_assert_str_eq(sc.busy_types, "TE");

	event_cpu_stats_clear(loop);
	memset(&sc, 0, sizeof(sc));
	event_cpu_stats_walk(loop, stat_walker, &sc);
	cr_assert_not(sc.seen_busy);
}

Test(event, free_with_pending_tasks_clears_handles)
{
	struct event *t = NULL, *e = NULL, *r = NULL;
	int p[2];

	cr_assert_eq(pipe(p), 0);
	event_add_timer(loop, noop_cb, NULL, 10, &t);
	event_add_event(loop, noop_cb, NULL, 0, &e);
	event_add_read(loop, noop_cb, NULL, p[0], &r);
	event_loop_free(loop);
	loop = event_loop_new("test2");
	cr_assert_null(t);
	cr_assert_null(e);
	cr_assert_null(r);
	close(p[0]);
	close(p[1]);
}
