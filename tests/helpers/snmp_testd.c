/*
 * snmp_testd: a small AgentX sub-agent built from lib/ only, to prove the
 * AgentX glue end to end against a real snmpd (tests/topo/snmp_agentx.sh).
 *
 * It serves, under the experimental arc 1.3.6.1.3.9999:
 *
 *   .1.1        testEntry, index (testIdx INTEGER, testAddr IpAddress)
 *     .1 testIdx      INTEGER    row's first index
 *     .2 testAddr     IpAddress  row's second index
 *     .3 testName     OCTET STR  "row-<n>"
 *     .4 testCounter  Counter32  n * 10
 *     .5 testSparse   Gauge32    n, only on even rows (odd rows: absent)
 *     .6 testOid      OID        1.3.6.1.3.9999.<n>
 *     .7 testBig      Counter64  2^40 + n
 *     (.8 does not exist)
 *     .9 testTicks    TimeTicks  n * 100
 *   .2.0        testRowCount Gauge32
 *   .0.1        testRowAdded notification, sent on SIGUSR1 with testName
 *               of the new row
 *
 * Row n (1-based) has index (ceil(n / 3), 10.0.(n / 256).(n % 256)), so
 * three rows share each testIdx. The rows live in a sorted array; seek is
 * a binary search, so a GETNEXT costs O(log n) whatever -n says.
 *
 * usage: snmp_testd [-n ROWS] [-a NAME]   (NAME: net-snmp conf NAME.conf)
 * SIGUSR1 adds a row and sends testRowAdded; SIGTERM/SIGINT stop.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "agentx.h"
#include "command.h"
#include "event.h"
#include "log.h"
#include "memory.h"

DEFINE_MTYPE_STATIC(TESTD_ROW, "snmp_testd rows");

#define TEST_ARC 1, 3, 6, 1, 3, 9999

struct trow {
	uint32_t a;
	uint32_t addr;		/* host order, for comparison */
	uint32_t n;
};

struct testd {
	struct event_loop *loop;
	struct trow *rows;
	size_t nrows, cap;
};

static int trow_cmp(uint32_t a1, uint32_t addr1, const struct trow *r)
{
	if (a1 != r->a)
		return a1 < r->a ? -1 : 1;
	if (addr1 != r->addr)
		return addr1 < r->addr ? -1 : 1;
	return 0;
}

static void testd_add(struct testd *td)
{
	uint32_t n = (uint32_t)td->nrows + 1;
	struct trow r = { .a = (n + 2) / 3, .addr = (10u << 24) | (n & 0xffff), .n = n };
	size_t lo = 0, hi = td->nrows;

	if (td->nrows == td->cap) {
		td->cap = td->cap ? td->cap * 2 : 64;
		td->rows = XREALLOC(TESTD_ROW, td->rows, td->cap * sizeof(*td->rows));
	}
	while (lo < hi) {	/* keep the array sorted by index */
		size_t mid = (lo + hi) / 2;

		if (trow_cmp(r.a, r.addr, &td->rows[mid]) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	memmove(&td->rows[lo + 1], &td->rows[lo], (td->nrows - lo) * sizeof(r));
	td->rows[lo] = r;
	td->nrows++;
}

static void row_fill(struct testd *td, size_t i, struct agentx_row *row)
{
	struct in_addr a = { .s_addr = htonl(td->rows[i].addr) };

	row->pos = i;
	agentx_index_reset(row);
	agentx_index_u32(row, td->rows[i].a);
	agentx_index_ipv4(row, a);
}

/* The first row not before (a, addr) decoded as a lower bound from idx. */
static bool test_seek(void *arg, const agentx_oid *idx, size_t len,
		      struct agentx_row *row)
{
	struct testd *td = arg;
	size_t pos = 0, lo = 0, hi = td->nrows;
	uint32_t a;
	struct in_addr addr;

	agentx_index_get_u32(idx, len, &pos, &a);
	agentx_index_get_ipv4(idx, len, &pos, &addr);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (trow_cmp(a, ntohl(addr.s_addr), &td->rows[mid]) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= td->nrows)
		return false;
	row_fill(td, lo, row);
	return true;
}

static bool test_next(void *arg, struct agentx_row *row)
{
	struct testd *td = arg;

	if (row->pos + 1 >= td->nrows)
		return false;
	row_fill(td, row->pos + 1, row);
	return true;
}

static bool test_column(void *arg, const struct agentx_row *row, unsigned col,
			struct agentx_value *v)
{
	struct testd *td = arg;
	const struct trow *r = &td->rows[row->pos];
	agentx_oid o[] = { TEST_ARC, r->n };
	struct in_addr a = { .s_addr = htonl(r->addr) };
	char name[32];

	switch (col) {
	case 1:
		agentx_val_int(v, (int32_t)r->a);
		return true;
	case 2:
		agentx_val_ipaddr(v, a);
		return true;
	case 3:
		snprintf(name, sizeof(name), "row-%u", r->n);
		agentx_val_octets(v, name, strlen(name));
		return true;
	case 4:
		agentx_val_counter(v, r->n * 10);
		return true;
	case 5:
		if (r->n % 2)
			return false;
		agentx_val_gauge(v, r->n);
		return true;
	case 6:
		agentx_val_oid(v, o, AGENTX_OID_LEN(o));
		return true;
	case 7:
		agentx_val_counter64(v, (1ULL << 40) + r->n);
		return true;
	case 9:
		agentx_val_ticks(v, r->n * 100);
		return true;
	}
	return false;
}

static bool test_count(void *arg, struct agentx_value *v)
{
	struct testd *td = arg;

	agentx_val_gauge(v, (uint32_t)td->nrows);
	return true;
}

static const agentx_oid test_entry_oid[] = { TEST_ARC, 1, 1 };
static const agentx_oid test_count_oid[] = { TEST_ARC, 2 };
static const agentx_oid test_name_oid[] = { TEST_ARC, 1, 1, 3 };
static const agentx_oid test_trap_oid[] = { TEST_ARC, 0, 1 };

static struct agentx_table test_table = {
	.name = "testTable",
	.oid = test_entry_oid,
	.oid_len = AGENTX_OID_LEN(test_entry_oid),
	.min_col = 1,
	.max_col = 9,
	.skip_cols = 1ULL << 8,
	.seek = test_seek,
	.next = test_next,
	.column = test_column,
};

static struct agentx_scalar test_scalar = {
	.name = "testRowCount",
	.oid = test_count_oid,
	.oid_len = AGENTX_OID_LEN(test_count_oid),
	.get = test_count,
};

static void on_stop(int signo, void *arg)
{
	struct testd *td = arg;

	zlog_notice("signal %d: stopping", signo);
	event_loop_stop(td->loop);
}

static void on_usr1(int signo, void *arg)
{
	struct testd *td = arg;
	struct agentx_varbind vb;
	struct agentx_row row;
	size_t i;
	char name[32];

	testd_add(td);
	for (i = 0; i < td->nrows; i++)
		if (td->rows[i].n == td->nrows)
			break;
	memset(&row, 0, sizeof(row));
	row_fill(td, i, &row);
	agentx_varbind_set_oid(&vb, test_name_oid, AGENTX_OID_LEN(test_name_oid),
			       row.index, row.index_len);
	snprintf(name, sizeof(name), "row-%zu", td->nrows);
	agentx_val_octets(&vb.val, name, strlen(name));
	zlog_notice("added row %zu; trap %s", td->nrows,
		    agentx_trap_send(test_trap_oid, AGENTX_OID_LEN(test_trap_oid),
				     &vb, 1) == 0 ? "sent" : "not sent");
}

int main(int argc, char **argv)
{
	struct testd td = { 0 };
	const char *name = "snmp_testd";
	unsigned long nrows = 10, i;
	int opt;

	while ((opt = getopt(argc, argv, "n:a:")) != -1) {
		switch (opt) {
		case 'n':
			nrows = strtoul(optarg, NULL, 10);
			break;
		case 'a':
			name = optarg;
			break;
		default:
			fprintf(stderr, "usage: %s [-n ROWS] [-a NAME]\n", argv[0]);
			return 1;
		}
	}
	zlog_init("SNMPTEST", name);
	td.loop = event_loop_new(name);
	cmd_init();
	agentx_init(td.loop, name);

	for (i = 0; i < nrows; i++)
		testd_add(&td);
	test_table.arg = &td;
	test_scalar.arg = &td;
	if (agentx_table_register(&test_table) < 0 ||
	    agentx_scalar_register(&test_scalar) < 0)
		return 1;
	agentx_enable();

	event_add_signal(td.loop, SIGTERM, on_stop, &td);
	event_add_signal(td.loop, SIGINT, on_stop, &td);
	event_add_signal(td.loop, SIGUSR1, on_usr1, &td);
	zlog_notice("serving %zu rows", td.nrows);
	event_loop_run(td.loop);

	agentx_terminate();
	cmd_terminate();
	event_loop_free(td.loop);
	XFREE(TESTD_ROW, td.rows);
	return 0;
}
