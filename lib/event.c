/*
 * The event loop (see event.h).
 *
 * Where a scheduled task lives:
 *   - read/write tasks hang off a per-fd slot (at most one of each per fd);
 *     the slot's wanted epoll mask is the union of the two. Changes only
 *     mark the fd dirty; the epoll registrations are synced once, just
 *     before epoll_wait. Removal is lazy, but a slot that was empty is
 *     always re-registered (MOD, else ADD): its fd number may belong to a
 *     new file by now, which epoll would otherwise never report.
 *   - timers sit in a binary min-heap ordered by (deadline, sequence); each
 *     timer remembers its heap index, so cancel is O(log n).
 *   - immediate events wait in a FIFO.
 *   - tasks that are due (fd ready, timer expired, immediate event) are
 *     moved to the ready queue and run from there, one by one.
 * Every task is unlinked from its place before its callback runs, and the
 * owner's handle is cleared at that moment, so the callback may re-arm it,
 * cancel anything else, or free the object that holds the handle.
 *
 * Caveat of epoll: registrations belong to the open file, not the fd
 * number, so an fd closed while a dup of it lives on (a forked child)
 * stays registered and cannot be removed; keep sockets O_CLOEXEC and
 * cancel tasks before closing their fd.
 *
 * Signals arrive through one signalfd that is itself a read task. Callback
 * statistics are kept per function pointer in a small open hash table; the
 * entries are never freed while the loop lives, so tasks hold a pointer to
 * theirs.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "event.h"
#include "log.h"
#include "memory.h"

DEFINE_MTYPE_STATIC(EVENT_LOOP, "Event loop");
DEFINE_MTYPE_STATIC(EVENT, "Event");
DEFINE_MTYPE_STATIC(EVENT_TABLE, "Event tables");
DEFINE_MTYPE_STATIC(EVENT_STAT, "Event statistics");

#define EPOLL_BATCH 64
#define FREE_LIST_MAX 1024
#define SLOW_CALLBACK_US (5 * 1000 * 1000)

enum ev_type { EV_READ, EV_WRITE, EV_TIMER, EV_EVENT };
enum ev_where { W_NONE, W_FD, W_HEAP, W_EVENTS, W_READY, W_RUNNING };

struct ev_stat {
	event_fn fn;
	unsigned typemask;	/* 1 << enum ev_type */
	struct event_cpu_stat st;
};

struct event {
	struct event_loop *loop;
	event_fn fn;
	void *arg;
	struct event **ref;
	struct ev_stat *stat;
	int fd;
	int val;
	enum ev_type type;
	enum ev_where where;
	size_t heap_idx;
	int64_t when_us;
	uint64_t seq;
	struct event *prev, *next;
};

struct ev_queue {
	struct event *head, *tail;
};

struct fd_slot {
	struct event *rd, *wr;
	uint32_t registered;	/* mask epoll currently has */
	bool dirty;
	bool recheck;		/* was empty: the fd may be a new file */
};

struct sig_handler {
	signal_fn fn;
	void *arg;
};

struct event_loop {
	char *name;
	int epfd;
	bool stop;

	struct fd_slot *fds;
	int fds_cap;
	int *dirty;
	int ndirty, dirty_cap;

	struct event **heap;
	size_t heap_len, heap_cap;
	uint64_t seq;

	struct ev_queue events;
	struct ev_queue ready;

	struct event *free_list;
	size_t nfree;

	int sigfd;
	sigset_t sigmask;
	struct sig_handler sig[_NSIG];
	struct event *t_sig;

	struct ev_stat **stats;
	size_t stats_cap, stats_len;

	struct epoll_event evbuf[EPOLL_BATCH];
};

/* ---- clocks ------------------------------------------------------------ */

int64_t monotime_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int64_t monotime_ms(void)
{
	return monotime_us() / 1000;
}

static int64_t thread_cpu_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* ---- accessors ---------------------------------------------------------- */

void *event_arg(const struct event *ev)
{
	return ev->arg;
}

int event_fd(const struct event *ev)
{
	return (ev->type == EV_READ || ev->type == EV_WRITE) ? ev->fd : -1;
}

int event_val(const struct event *ev)
{
	return ev->type == EV_EVENT ? ev->val : 0;
}

/* ---- queues -------------------------------------------------------------- */

static void q_append(struct ev_queue *q, struct event *ev)
{
	ev->next = NULL;
	ev->prev = q->tail;
	if (q->tail)
		q->tail->next = ev;
	else
		q->head = ev;
	q->tail = ev;
}

static void q_unlink(struct ev_queue *q, struct event *ev)
{
	if (ev->prev)
		ev->prev->next = ev->next;
	else
		q->head = ev->next;
	if (ev->next)
		ev->next->prev = ev->prev;
	else
		q->tail = ev->prev;
	ev->prev = ev->next = NULL;
}

/* Moves all of `from` to the end of `to`. */
static void q_splice(struct ev_queue *to, struct ev_queue *from)
{
	struct event *ev;

	if (!from->head)
		return;
	for (ev = from->head; ev; ev = ev->next)
		ev->where = W_READY;
	if (to->tail) {
		to->tail->next = from->head;
		from->head->prev = to->tail;
	} else {
		to->head = from->head;
	}
	to->tail = from->tail;
	from->head = from->tail = NULL;
}

/* ---- statistics ----------------------------------------------------------- */

static size_t stat_hash(event_fn fn, size_t cap)
{
	uintptr_t h = (uintptr_t)fn;

	h ^= h >> 17;
	h *= (uintptr_t)0x9E3779B97F4A7C15ULL;
	return (size_t)(h >> 7) & (cap - 1);
}

static void stats_grow(struct event_loop *loop)
{
	size_t ncap = loop->stats_cap ? loop->stats_cap * 2 : 64;
	struct ev_stat **nt = XCALLOC(EVENT_TABLE, ncap * sizeof(*nt));
	size_t i, j;

	for (i = 0; i < loop->stats_cap; i++) {
		struct ev_stat *s = loop->stats[i];

		if (!s)
			continue;
		for (j = stat_hash(s->fn, ncap); nt[j]; j = (j + 1) & (ncap - 1))
			;
		nt[j] = s;
	}
	if (loop->stats)
		XFREE(EVENT_TABLE, loop->stats);
	loop->stats = nt;
	loop->stats_cap = ncap;
}

static struct ev_stat *stat_get(struct event_loop *loop, event_fn fn,
				const char *fname)
{
	struct ev_stat *s;
	size_t i;

	if (loop->stats_len * 2 >= loop->stats_cap)
		stats_grow(loop);
	for (i = stat_hash(fn, loop->stats_cap); loop->stats[i];
	     i = (i + 1) & (loop->stats_cap - 1))
		if (loop->stats[i]->fn == fn)
			return loop->stats[i];
	s = XCALLOC(EVENT_STAT, sizeof(*s));
	s->fn = fn;
	s->st.fname = fname;
	loop->stats[i] = s;
	loop->stats_len++;
	return s;
}

void event_cpu_stats_walk(struct event_loop *loop, event_stat_fn fn, void *arg)
{
	static const char letters[] = "RWTE";
	size_t i;

	for (i = 0; i < loop->stats_cap; i++) {
		struct ev_stat *s = loop->stats[i];
		struct event_cpu_stat copy;
		int t, n = 0;

		if (!s || !s->st.runs)
			continue;
		copy = s->st;
		for (t = EV_READ; t <= EV_EVENT; t++)
			if (s->typemask & (1u << t))
				copy.types[n++] = letters[t];
		copy.types[n] = '\0';
		fn(&copy, arg);
	}
}

void event_cpu_stats_clear(struct event_loop *loop)
{
	size_t i;

	for (i = 0; i < loop->stats_cap; i++) {
		struct ev_stat *s = loop->stats[i];
		const char *name;

		if (!s)
			continue;
		name = s->st.fname;
		s->typemask = 0;
		memset(&s->st, 0, sizeof(s->st));
		s->st.fname = name;
	}
}

/* ---- allocation ---------------------------------------------------------- */

static struct event *ev_alloc(struct event_loop *loop, enum ev_type type,
			      event_fn fn, const char *fname, void *arg,
			      struct event **ref)
{
	struct event *ev = loop->free_list;

	if (ev) {
		loop->free_list = ev->next;
		loop->nfree--;
	} else {
		ev = XMALLOC(EVENT, sizeof(*ev));
	}
	memset(ev, 0, sizeof(*ev));
	ev->loop = loop;
	ev->type = type;
	ev->fn = fn;
	ev->arg = arg;
	ev->ref = ref;
	ev->fd = -1;
	ev->stat = stat_get(loop, fn, fname);
	if (ref)
		*ref = ev;
	return ev;
}

static void ev_release(struct event_loop *loop, struct event *ev)
{
	ev->where = W_NONE;
	ev->fn = NULL;
	if (loop->nfree >= FREE_LIST_MAX) {
		XFREE(EVENT, ev);
		return;
	}
	ev->next = loop->free_list;
	loop->free_list = ev;
	loop->nfree++;
}

/* ---- timer heap ------------------------------------------------------------ */

static bool heap_less(const struct event *a, const struct event *b)
{
	return a->when_us < b->when_us ||
	       (a->when_us == b->when_us && a->seq < b->seq);
}

static void heap_set(struct event_loop *loop, size_t i, struct event *ev)
{
	loop->heap[i] = ev;
	ev->heap_idx = i;
}

static void heap_up(struct event_loop *loop, size_t i)
{
	struct event *ev = loop->heap[i];

	while (i > 0) {
		size_t parent = (i - 1) / 2;

		if (!heap_less(ev, loop->heap[parent]))
			break;
		heap_set(loop, i, loop->heap[parent]);
		i = parent;
	}
	heap_set(loop, i, ev);
}

static void heap_down(struct event_loop *loop, size_t i)
{
	struct event *ev = loop->heap[i];
	size_t n = loop->heap_len;

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= n)
			break;
		if (c + 1 < n && heap_less(loop->heap[c + 1], loop->heap[c]))
			c++;
		if (!heap_less(loop->heap[c], ev))
			break;
		heap_set(loop, i, loop->heap[c]);
		i = c;
	}
	heap_set(loop, i, ev);
}

static void heap_push(struct event_loop *loop, struct event *ev)
{
	if (loop->heap_len == loop->heap_cap) {
		loop->heap_cap = loop->heap_cap ? loop->heap_cap * 2 : 64;
		loop->heap = XREALLOC(EVENT_TABLE, loop->heap,
				      loop->heap_cap * sizeof(*loop->heap));
	}
	heap_set(loop, loop->heap_len++, ev);
	heap_up(loop, ev->heap_idx);
}

static void heap_remove(struct event_loop *loop, struct event *ev)
{
	size_t i = ev->heap_idx;
	struct event *last = loop->heap[--loop->heap_len];

	if (last == ev)
		return;
	heap_set(loop, i, last);
	if (i > 0 && heap_less(last, loop->heap[(i - 1) / 2]))
		heap_up(loop, i);
	else
		heap_down(loop, i);
}

/* ---- fd slots --------------------------------------------------------------- */

static void fds_reserve(struct event_loop *loop, int fd)
{
	int ncap = loop->fds_cap ? loop->fds_cap : 64;

	if (fd < loop->fds_cap)
		return;
	while (ncap <= fd)
		ncap *= 2;
	loop->fds = XREALLOC(EVENT_TABLE, loop->fds, (size_t)ncap * sizeof(*loop->fds));
	memset(loop->fds + loop->fds_cap, 0,
	       (size_t)(ncap - loop->fds_cap) * sizeof(*loop->fds));
	loop->fds_cap = ncap;
}

static void mark_dirty(struct event_loop *loop, int fd)
{
	struct fd_slot *slot = &loop->fds[fd];

	if (slot->dirty)
		return;
	if (loop->ndirty == loop->dirty_cap) {
		loop->dirty_cap = loop->dirty_cap ? loop->dirty_cap * 2 : 64;
		loop->dirty = XREALLOC(EVENT_TABLE, loop->dirty,
				       (size_t)loop->dirty_cap * sizeof(int));
	}
	loop->dirty[loop->ndirty++] = fd;
	slot->dirty = true;
}

static void make_ready(struct event_loop *loop, struct event *ev)
{
	struct fd_slot *slot = &loop->fds[ev->fd];

	if (ev->type == EV_READ)
		slot->rd = NULL;
	else
		slot->wr = NULL;
	mark_dirty(loop, ev->fd);
	ev->where = W_READY;
	q_append(&loop->ready, ev);
}

static int epoll_apply(struct event_loop *loop, int fd, uint32_t want)
{
	struct epoll_event ee = { .events = want, .data.fd = fd };
	struct fd_slot *slot = &loop->fds[fd];
	int op = slot->registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;

	if (epoll_ctl(loop->epfd, op, fd, &ee) == 0)
		return 0;
	/* the fd was closed and reopened behind our back: try the other op */
	if (errno == ENOENT && op == EPOLL_CTL_MOD)
		return epoll_ctl(loop->epfd, EPOLL_CTL_ADD, fd, &ee);
	if (errno == EEXIST && op == EPOLL_CTL_ADD)
		return epoll_ctl(loop->epfd, EPOLL_CTL_MOD, fd, &ee);
	return -1;
}

static void sync_one(struct event_loop *loop, int fd)
{
	struct fd_slot *slot = &loop->fds[fd];
	uint32_t want = (slot->rd ? EPOLLIN : 0) | (slot->wr ? EPOLLOUT : 0);

	slot->dirty = false;
	if (want == slot->registered && !(want && slot->recheck))
		return;
	slot->recheck = false;
	if (!want) {
		/* ENOENT/EBADF: the kernel already forgot a closed fd */
		epoll_ctl(loop->epfd, EPOLL_CTL_DEL, fd, NULL);
		slot->registered = 0;
		return;
	}
	if (epoll_apply(loop, fd, want) == 0) {
		slot->registered = want;
		return;
	}
	/*
	 * Regular files (EPERM) are always ready; a bad fd (EBADF) is handed
	 * to its callback, whose read()/write() then reports the error.
	 */
	if (errno != EPERM)
		zlog_warn("event %s: cannot poll fd %d: %s", loop->name, fd,
			  strerror(errno));
	slot->registered = 0;
	if (slot->rd)
		make_ready(loop, slot->rd);
	if (slot->wr)
		make_ready(loop, slot->wr);
}

static void sync_fds(struct event_loop *loop)
{
	int i;

	/* sync_one may re-mark an fd (make_ready); loop on the live count */
	for (i = 0; i < loop->ndirty; i++)
		sync_one(loop, loop->dirty[i]);
	loop->ndirty = 0;
}

/* ---- scheduling --------------------------------------------------------------- */

static void ev_cancel(struct event_loop *loop, struct event *ev);

static void add_io(struct event_loop *loop, enum ev_type type, event_fn fn,
		   const char *fname, void *arg, int fd, struct event **ref)
{
	struct fd_slot *slot;
	struct event **where;
	struct event *ev;

	if (ref && *ref)
		return;
	if (fd < 0) {
		zlog_err("event %s: %s scheduled on invalid fd %d", loop->name,
			 fname, fd);
		return;
	}
	fds_reserve(loop, fd);
	slot = &loop->fds[fd];
	where = type == EV_READ ? &slot->rd : &slot->wr;
	if (*where) {
		zlog_warn("event %s: fd %d already has a %s task (%s); replacing it with %s",
			  loop->name, fd, type == EV_READ ? "read" : "write",
			  (*where)->stat->st.fname, fname);
		ev_cancel(loop, *where);
	}
	/*
	 * A slot without tasks may still be registered (removal is lazy), but
	 * its fd may have been closed and the number reused for a new file
	 * that epoll does not know; so the first task re-registers it.
	 */
	if (!slot->rd && !slot->wr)
		slot->recheck = true;
	ev = ev_alloc(loop, type, fn, fname, arg, ref);
	ev->fd = fd;
	ev->where = W_FD;
	*where = ev;
	mark_dirty(loop, fd);
}

void _event_add_read(struct event_loop *loop, event_fn fn, const char *fname,
		     void *arg, int fd, struct event **ref)
{
	add_io(loop, EV_READ, fn, fname, arg, fd, ref);
}

void _event_add_write(struct event_loop *loop, event_fn fn, const char *fname,
		      void *arg, int fd, struct event **ref)
{
	add_io(loop, EV_WRITE, fn, fname, arg, fd, ref);
}

void _event_add_timer_msec(struct event_loop *loop, event_fn fn,
			   const char *fname, void *arg, long msec,
			   struct event **ref)
{
	struct event *ev;

	if (ref && *ref)
		return;
	if (msec < 0)
		msec = 0;
	ev = ev_alloc(loop, EV_TIMER, fn, fname, arg, ref);
	ev->when_us = monotime_us() + (int64_t)msec * 1000;
	ev->seq = loop->seq++;
	ev->where = W_HEAP;
	heap_push(loop, ev);
}

void _event_add_event(struct event_loop *loop, event_fn fn, const char *fname,
		      void *arg, int val, struct event **ref)
{
	struct event *ev;

	if (ref && *ref)
		return;
	ev = ev_alloc(loop, EV_EVENT, fn, fname, arg, ref);
	ev->val = val;
	ev->where = W_EVENTS;
	q_append(&loop->events, ev);
}

/* Takes a task out of wherever it waits, without freeing it. */
static void ev_unlink(struct event_loop *loop, struct event *ev)
{
	struct fd_slot *slot;

	switch (ev->where) {
	case W_FD:
		slot = &loop->fds[ev->fd];
		if (slot->rd == ev)
			slot->rd = NULL;
		if (slot->wr == ev)
			slot->wr = NULL;
		mark_dirty(loop, ev->fd);
		break;
	case W_HEAP:
		heap_remove(loop, ev);
		break;
	case W_EVENTS:
		q_unlink(&loop->events, ev);
		break;
	case W_READY:
		q_unlink(&loop->ready, ev);
		break;
	case W_NONE:
	case W_RUNNING:
		break;
	}
	ev->where = W_NONE;
}

static void ev_cancel(struct event_loop *loop, struct event *ev)
{
	if (ev->ref)
		*ev->ref = NULL;
	ev->ref = NULL;
	ev_unlink(loop, ev);
	ev_release(loop, ev);
}

void event_cancel(struct event **ref)
{
	struct event *ev;

	if (!ref || !*ref)
		return;
	ev = *ref;
	*ref = NULL;
	if (ev->where == W_RUNNING || ev->where == W_NONE)
		return;	/* a stale copy of a handle; nothing is scheduled */
	ev_cancel(ev->loop, ev);
}

long event_timer_remain_msec(const struct event *ev)
{
	int64_t rem;

	if (!ev || ev->type != EV_TIMER || ev->where != W_HEAP)
		return -1;
	rem = ev->when_us - monotime_us();
	if (rem <= 0)
		return 0;
	return (long)((rem + 999) / 1000);
}

/* ---- signals ------------------------------------------------------------------ */

static void event_signal_read(struct event *ev)
{
	struct event_loop *loop = event_arg(ev);
	struct signalfd_siginfo si[8];
	int round;

	for (round = 0; round < 16; round++) {
		ssize_t n = read(loop->sigfd, si, sizeof(si));
		size_t i;

		if (n <= 0)
			break;
		for (i = 0; i < (size_t)n / sizeof(si[0]); i++) {
			unsigned signo = si[i].ssi_signo;

			if (signo < _NSIG && loop->sig[signo].fn)
				loop->sig[signo].fn((int)signo, loop->sig[signo].arg);
		}
	}
	event_add_read(loop, event_signal_read, loop, loop->sigfd, &loop->t_sig);
}

/*
 * The signal stays blocked for the life of the process (also after the
 * loop is freed), so that a late SIGTERM cannot kill the process halfway
 * through its shutdown.
 */
void event_add_signal(struct event_loop *loop, int signo, signal_fn fn, void *arg)
{
	sigset_t one;
	int fd;

	if (signo <= 0 || signo >= _NSIG) {
		zlog_err("event %s: invalid signal %d", loop->name, signo);
		return;
	}
	loop->sig[signo].fn = fn;
	loop->sig[signo].arg = arg;
	sigemptyset(&one);
	sigaddset(&one, signo);
	sigprocmask(SIG_BLOCK, &one, NULL);
	sigaddset(&loop->sigmask, signo);
	fd = signalfd(loop->sigfd, &loop->sigmask, SFD_NONBLOCK | SFD_CLOEXEC);
	if (fd < 0) {
		zlog_err("event %s: signalfd: %s", loop->name, strerror(errno));
		return;
	}
	loop->sigfd = fd;
	event_add_read(loop, event_signal_read, loop, loop->sigfd, &loop->t_sig);
}

/* ---- the loop --------------------------------------------------------------------- */

struct event_loop *event_loop_new(const char *name)
{
	struct event_loop *loop = XCALLOC(EVENT_LOOP, sizeof(*loop));

	loop->name = XSTRDUP(EVENT_LOOP, name ? name : "main");
	loop->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (loop->epfd < 0)
		zlog_fatal("event %s: epoll_create1: %s", loop->name, strerror(errno));
	loop->sigfd = -1;
	sigemptyset(&loop->sigmask);
	return loop;
}

static void free_queue(struct event_loop *loop, struct ev_queue *q)
{
	while (q->head) {
		struct event *ev = q->head;

		q_unlink(q, ev);
		if (ev->ref)
			*ev->ref = NULL;
		XFREE(EVENT, ev);
	}
}

/* Pending tasks are dropped and their handles cleared. */
void event_loop_free(struct event_loop *loop)
{
	size_t i;
	int fd;

	if (!loop)
		return;
	free_queue(loop, &loop->events);
	free_queue(loop, &loop->ready);
	for (i = 0; i < loop->heap_len; i++) {
		if (loop->heap[i]->ref)
			*loop->heap[i]->ref = NULL;
		XFREE(EVENT, loop->heap[i]);
	}
	for (fd = 0; fd < loop->fds_cap; fd++) {
		struct event *pair[2] = { loop->fds[fd].rd, loop->fds[fd].wr };

		for (i = 0; i < 2; i++) {
			if (!pair[i])
				continue;
			if (pair[i]->ref)
				*pair[i]->ref = NULL;
			XFREE(EVENT, pair[i]);
		}
	}
	while (loop->free_list) {
		struct event *ev = loop->free_list;

		loop->free_list = ev->next;
		XFREE(EVENT, ev);
	}
	for (i = 0; i < loop->stats_cap; i++)
		if (loop->stats[i])
			XFREE(EVENT_STAT, loop->stats[i]);
	if (loop->sigfd >= 0)
		close(loop->sigfd);
	close(loop->epfd);
	if (loop->stats)
		XFREE(EVENT_TABLE, loop->stats);
	if (loop->heap)
		XFREE(EVENT_TABLE, loop->heap);
	if (loop->fds)
		XFREE(EVENT_TABLE, loop->fds);
	if (loop->dirty)
		XFREE(EVENT_TABLE, loop->dirty);
	XFREE(EVENT_LOOP, loop->name);
	XFREE(EVENT_LOOP, loop);
}

void event_loop_stop(struct event_loop *loop)
{
	loop->stop = true;
}

static void run_event(struct event_loop *loop, struct event *ev)
{
	struct ev_stat *s = ev->stat;
	int64_t w0, c0, real, cpu;

	q_unlink(&loop->ready, ev);
	if (ev->ref)
		*ev->ref = NULL;
	ev->ref = NULL;
	ev->where = W_RUNNING;

	w0 = monotime_us();
	c0 = thread_cpu_us();
	ev->fn(ev);
	cpu = thread_cpu_us() - c0;
	real = monotime_us() - w0;

	s->st.runs++;
	s->st.cpu_us += (uint64_t)cpu;
	s->st.real_us += (uint64_t)real;
	if ((uint64_t)cpu > s->st.max_cpu_us)
		s->st.max_cpu_us = (uint64_t)cpu;
	if ((uint64_t)real > s->st.max_real_us)
		s->st.max_real_us = (uint64_t)real;
	s->typemask |= 1u << ev->type;
	if (real > SLOW_CALLBACK_US)
		zlog_warn("event %s: %s took %lld ms (cpu %lld ms)", loop->name,
			  s->st.fname, (long long)(real / 1000),
			  (long long)(cpu / 1000));
	ev_release(loop, ev);
}

/* Wait time in microseconds: 0 when work is queued, -1 = forever. */
static int64_t wait_us(struct event_loop *loop, int timeout_ms)
{
	int64_t t = timeout_ms < 0 ? -1 : (int64_t)timeout_ms * 1000;

	if (loop->events.head || loop->ready.head)
		return 0;
	if (loop->heap_len) {
		int64_t due = loop->heap[0]->when_us - monotime_us();

		if (due < 0)
			due = 0;
		if (t < 0 || due < t)
			t = due;
	}
	return t;
}

static int poll_fds(struct event_loop *loop, int64_t t)
{
	struct timespec ts, *tsp = NULL;
	int n;

	if (t >= 0) {
		ts.tv_sec = t / 1000000;
		ts.tv_nsec = (t % 1000000) * 1000;
		tsp = &ts;
	}
	n = epoll_pwait2(loop->epfd, loop->evbuf, EPOLL_BATCH, tsp, NULL);
	if (n < 0 && errno == ENOSYS)
		n = epoll_wait(loop->epfd, loop->evbuf, EPOLL_BATCH,
			       t < 0 ? -1 : (int)((t + 999) / 1000));
	return n;
}

static void collect_io(struct event_loop *loop, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		int fd = loop->evbuf[i].data.fd;
		uint32_t re = loop->evbuf[i].events;
		struct fd_slot *slot;

		if (fd < 0 || fd >= loop->fds_cap)
			continue;
		slot = &loop->fds[fd];
		if (slot->rd && (re & (EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLRDHUP)))
			make_ready(loop, slot->rd);
		if (slot->wr && (re & (EPOLLOUT | EPOLLHUP | EPOLLERR)))
			make_ready(loop, slot->wr);
	}
}

static void collect_timers(struct event_loop *loop)
{
	int64_t now;

	if (!loop->heap_len)
		return;
	now = monotime_us();
	while (loop->heap_len && loop->heap[0]->when_us <= now) {
		struct event *ev = loop->heap[0];

		heap_remove(loop, ev);
		ev->where = W_READY;
		q_append(&loop->ready, ev);
	}
}

int event_loop_run_once(struct event_loop *loop, int timeout_ms)
{
	int n, ran = 0;

	sync_fds(loop);
	n = poll_fds(loop, wait_us(loop, timeout_ms));
	if (n < 0) {
		if (errno != EINTR) {
			zlog_err("event %s: epoll_wait: %s", loop->name,
				 strerror(errno));
			return -1;
		}
		n = 0;
	}
	/* order: immediate events queued so far, then I/O, then timers */
	q_splice(&loop->ready, &loop->events);
	collect_io(loop, n);
	collect_timers(loop);

	loop->stop = false;
	while (loop->ready.head && !loop->stop) {
		run_event(loop, loop->ready.head);
		ran++;
	}
	return ran;
}

int event_loop_run(struct event_loop *loop)
{
	for (;;) {
		if (event_loop_run_once(loop, -1) < 0)
			return -1;
		if (loop->stop)
			break;
	}
	loop->stop = false;
	return 0;
}
