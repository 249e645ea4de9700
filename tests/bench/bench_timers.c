/*
 * Timer benchmark: N timers (default 100,000) armed, re-armed (cancel +
 * add, as protocols do with hold timers on every received packet),
 * cancelled, and finally fired through the loop (all due at once). Prints operations per
 * second, seconds per phase and the loop's memory.
 *
 *	bench_timers [N]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "event.h"
#include "memory.h"

static unsigned long fired;

static void on_timer(struct event *ev)
{
	fired++;
}

static double now_s(void)
{
	return (double)monotime_us() / 1e6;
}

static void report(const char *phase, size_t ops, double secs)
{
	printf("%-28s %9zu ops %8.4f s %12.0f ops/s\n", phase, ops, secs,
	       secs > 0 ? (double)ops / secs : 0.0);
}

static void print_memory(void)
{
	struct rusage ru;

	for (struct mtype *mt = mtype_first(); mt; mt = mt->next)
		if (!strncmp(mt->name, "Event", 5))
			printf("  memory %-18s %8zu allocations %10zu bytes (peak %zu)\n",
			       mt->name, mt->count, mt->bytes, mt->peak_bytes);
	getrusage(RUSAGE_SELF, &ru);
	printf("  max resident set size %ld KiB\n", ru.ru_maxrss);
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
	struct event_loop *loop = event_loop_new("bench");
	struct event **t = calloc(n, sizeof(*t));
	double t0;
	size_t i;
	int turns = 0;

	if (!t || !n)
		return 1;
	srand(1);
	printf("bench_timers: %zu timers\n", n);

	t0 = now_s();
	for (i = 0; i < n; i++)
		event_add_timer_msec(loop, on_timer, NULL, 60000 + rand() % 60000, &t[i]);
	report("arm", n, now_s() - t0);
	print_memory();

	t0 = now_s();
	for (int round = 0; round < 5; round++)
		for (i = 0; i < n; i++) {
			event_cancel(&t[i]);
			event_add_timer_msec(loop, on_timer, NULL,
					     60000 + rand() % 60000, &t[i]);
		}
	report("re-arm (cancel + add) x5", 5 * n, now_s() - t0);

	t0 = now_s();
	for (i = 0; i < n; i++)
		event_cancel(&t[i]);
	report("cancel", n, now_s() - t0);

	/* fire: all due at once, so the figure is the dispatch cost (heap pop,
	 * handle clearing, CPU accounting, callback) and not the waiting */
	for (i = 0; i < n; i++)
		event_add_timer_msec(loop, on_timer, NULL, 0, &t[i]);
	t0 = now_s();
	while (fired < n && turns < 100000) {
		event_loop_run_once(loop, 1000);
		turns++;
	}
	report("fire through the loop", n, now_s() - t0);
	printf("  fired %lu in %d loop turns\n", fired, turns);
	print_memory();

	event_loop_free(loop);
	free(t);
	return fired == n ? 0 : 1;
}
