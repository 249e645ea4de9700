/*
 * Prefix-list benchmark: builds 10 lists of 10,000 entries and one list of
 * 100,000 entries, through the real commands (as a config file would) and
 * through the typed API, then times lookups of random prefixes against the
 * big list (about half of them match an entry). Also times a 100,000-entry
 * standard access-list. Prints figures.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "command.h"
#include "filter.h"
#include "log.h"
#include "plist.h"
#include "vty.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint32_t rnd_state = 2463534242u;
static uint32_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;
	return rnd_state;
}

/* Entry i of a list: a /28 inside (10 + list).0.0.0/8, distinct for
 * i < 2^20 (multiplying by an odd number permutes 20-bit values). */
static void entry_prefix(unsigned list, unsigned i, char *buf, size_t len)
{
	uint32_t v = (i * 2654435761u) & 0xfffff;

	snprintf(buf, len, "%u.%u.%u.%u/28", 10 + list, v >> 12, (v >> 4) & 255,
		 (v & 15) << 4);
}

static double cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu_total;	/* CPU seconds of the cli_build calls */

/* Each line is one command and so one northbound transaction of its own,
 * as vtysh feeds an integrated config. */
static double cli_build(struct vty *vty, const char *name, unsigned list,
			unsigned n, unsigned *errors)
{
	char line[128], pfx[32];
	double t0 = now(), c0 = cpu();
	unsigned i;

	for (i = 0; i < n; i++) {
		entry_prefix(list, i, pfx, sizeof(pfx));
		snprintf(line, sizeof(line), "ip prefix-list %s seq %u %s %s le 30",
			 name, (i + 1) * 5, i % 3 ? "permit" : "deny", pfx);
		if (vty_command(vty, line) != CMD_SUCCESS)
			(*errors)++;
	}
	cpu_total += cpu() - c0;
	return now() - t0;
}

static void lookups(const char *what, struct prefix_list *pl, unsigned list)
{
	enum { Q = 2000000 };
	unsigned i, permits = 0;
	double t0, dt;
	struct prefix p;

	t0 = now();
	for (i = 0; i < Q; i++) {
		uint32_t r = rnd();
		uint32_t a = ((10 + list) << 24) | (r & 0xffff00);

		a = ((10 + list) << 24) | (r & 0xffffff);
		prefix_from_ipv4(&p, (struct in_addr){ htonl(a) }, 26 + (r >> 28) % 5);
		apply_mask(&p);
		permits += prefix_list_apply(pl, &p) == PREFIX_PERMIT;
	}
	dt = now() - t0;
	printf("%-44s %10.0f lookups/s (%.0f ns each, %u%% permitted)\n", what,
	       Q / dt, dt / Q * 1e9, permits * 100 / Q);
}

int main(void)
{
	struct vty *vty;
	unsigned errors = 0, l;
	double t, total = 0;
	char name[16];

	zlog_init("BENCH", "bench_plist");
	zlog_set_level(LOG_DEST_STDOUT, LOG_DISABLED);
	cmd_init();
	prefix_list_init();
	access_list_init();
	vty = vty_new_buffer(CONFIG_NODE);

	for (l = 0; l < 10; l++) {
		snprintf(name, sizeof(name), "L%u", l);
		total += cli_build(vty, name, l, 10000, &errors);
	}
	printf("%-44s %10.3f s (%.3f s CPU, %u errors)\n",
	       "10 lists x 10,000 entries (commands)", total, cpu_total, errors);
	cpu_total = 0;
	t = cli_build(vty, "BIG", 50, 100000, &errors);
	printf("%-44s %10.3f s (%.3f s CPU, %u errors)\n",
	       "1 list x 100,000 entries (commands)", t, cpu_total, errors);

	/* the same through the typed API, entries in reverse seq order */
	{
		char pfx[32], err[256];
		struct plist_spec s;
		unsigned i;

		t = now();
		for (i = 100000; i > 0; i--) {
			entry_prefix(60, i, pfx, sizeof(pfx));
			plist_spec_parse(&s, AFI_IP, NULL, "permit", pfx, NULL, "30", err,
					 sizeof(err));
			s.seq = i * 5;
			prefix_list_entry_set(AFI_IP, "REV", &s, err, sizeof(err));
		}
		printf("%-44s %10.3f s\n", "1 list x 100,000 (API, decreasing seq)",
		       now() - t);
	}

	lookups("lookup in 10,000-entry list", prefix_list_lookup(AFI_IP, "L3"), 3);
	lookups("lookup in 100,000-entry list", prefix_list_lookup(AFI_IP, "BIG"), 50);

	/* write out the big list (show running-config of it) */
	vty_buffer_clear(vty);
	t = now();
	prefix_list_config_write(vty, AFI_IP);
	printf("%-44s %10.3f s (%zu bytes)\n", "config write of 300,000 entries",
	       now() - t, strlen(vty_buffer_text(vty)));
	vty_buffer_clear(vty);

	/* a 100,000-entry standard access-list */
	{
		char line[128];
		unsigned i, permits = 0;
		struct access_list *acl;
		struct prefix p;

		t = now();
		for (i = 0; i < 100000; i++) {
			uint32_t v = (i * 2654435761u) & 0xfffff;

			snprintf(line, sizeof(line),
				 "access-list 10 %s 10.%u.%u.%u 0.0.0.15",
				 i % 3 ? "permit" : "deny", v >> 12, (v >> 4) & 255,
				 (v & 15) << 4);
			vty_command(vty, line);
		}
		printf("%-44s %10.3f s\n", "access-list x 100,000 entries (commands)",
		       now() - t);
		acl = access_list_lookup(AFI_IP, "10");
		t = now();
		for (i = 0; i < 2000000; i++) {
			uint32_t r = rnd();

			prefix_from_ipv4(&p, (struct in_addr){ htonl((10u << 24) | (r & 0xffffff)) },
					 32);
			permits += access_list_apply(acl, &p) == FILTER_PERMIT;
		}
		t = now() - t;
		printf("%-44s %10.0f lookups/s (%.0f ns each, %u%% permitted)\n",
		       "lookup in 100,000-entry access-list", 2000000 / t,
		       t / 2000000 * 1e9, permits * 100 / 2000000);
	}

	t = now();
	prefix_list_reset();
	access_list_reset();
	printf("%-44s %10.3f s\n", "delete everything", now() - t);
	vty_free_buffer(vty);
	return 0;
}
