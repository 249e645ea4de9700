/*
 * Unit tests of the AgentX glue that need no master agent: row index
 * encoding and the lower-bound decoders that table seeks rely on, OID
 * order, value setters, and the `agentx` commands with their config
 * output. The glue against a real snmpd is tests/topo/snmp_agentx.sh.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "agentx.h"
#include "command.h"
#include "event.h"
#include "vty.h"

static struct in_addr ip(const char *s)
{
	struct in_addr a;

	cr_assert_eq(inet_pton(AF_INET, s, &a), 1);
	return a;
}

#define ASSERT_OIDS(got, got_len, ...)                                         \
	do {                                                                   \
		const agentx_oid want_[] = { __VA_ARGS__ };                    \
		cr_assert_eq((got_len), AGENTX_OID_LEN(want_));                \
		cr_assert_arr_eq((got), want_, sizeof(want_));                 \
	} while (0)

Test(agentx_index, encodes_in_order)
{
	static const agentx_oid zdz[] = { 0, 0 };
	struct agentx_row row;

	memset(&row, 0, sizeof(row));
	agentx_index_u32(&row, 7);		/* garbage that reset drops */
	agentx_index_reset(&row);
	agentx_index_u32(&row, 1);
	agentx_index_octets(&row, "\x0a\x00\x00\x01", 4);
	agentx_index_u32(&row, 24);
	agentx_index_oid(&row, zdz, 2);
	agentx_index_ipv4(&row, ip("192.0.2.1"));
	/* inetCidrRouteTable-style: type, len-prefixed addr, pfxlen,
	 * len-prefixed policy OID, then an IpAddress */
	ASSERT_OIDS(row.index, row.index_len, 1, 4, 10, 0, 0, 1, 24, 2, 0, 0,
		    192, 0, 2, 1);
}

Test(agentx_index, overlong_index_is_cut_not_overrun)
{
	struct agentx_row row;
	int i;

	memset(&row, 0, sizeof(row));
	for (i = 0; i < AGENTX_INDEX_MAX + 10; i++)
		agentx_index_u32(&row, (uint32_t)i);
	cr_assert_eq(row.index_len, AGENTX_INDEX_MAX);
}

Test(agentx_index, ipv4_decoder_exact_and_partial)
{
	const agentx_oid full[] = { 10, 1, 2, 3, 99 };
	const agentx_oid part[] = { 10, 1 };
	struct in_addr a;
	size_t pos = 0;
	uint32_t x;

	cr_assert(agentx_index_get_ipv4(full, 5, &pos, &a));
	cr_assert_eq(a.s_addr, ip("10.1.2.3").s_addr);
	cr_assert(agentx_index_get_u32(full, 5, &pos, &x));
	cr_assert_eq(x, 99);
	cr_assert_not(agentx_index_get_u32(full, 5, &pos, &x));
	cr_assert_eq(x, 0);

	pos = 0;
	cr_assert_not(agentx_index_get_ipv4(part, 2, &pos, &a));
	cr_assert_eq(a.s_addr, ip("10.1.0.0").s_addr, "missing bytes read as 0");
	pos = 0;
	cr_assert_not(agentx_index_get_ipv4(part, 0, &pos, &a));
	cr_assert_eq(a.s_addr, 0);
}

Test(agentx_index, ipv4_decoder_saturates_to_a_lower_bound)
{
	/* 10.300.x.x is above every 10.b.c.d: the bound is 10.255.255.255 */
	const agentx_oid big[] = { 10, 300, 4, 5 };
	struct in_addr a;
	size_t pos = 0;

	cr_assert_not(agentx_index_get_ipv4(big, 4, &pos, &a));
	cr_assert_eq(pos, 4);
	cr_assert_eq(a.s_addr, ip("10.255.255.255").s_addr);
}

Test(agentx_index, octets_decoder)
{
	const agentx_oid idx[] = { 4, 192, 0, 2, 7 };
	const agentx_oid too_long[] = { 40, 1, 2 };
	uint8_t buf[16];
	size_t pos = 0, len;

	cr_assert(agentx_index_get_octets(idx, 5, &pos, buf, sizeof(buf), &len));
	cr_assert_eq(len, 4);
	cr_assert_arr_eq(buf, "\xc0\x00\x02\x07", 4);

	pos = 0;
	cr_assert_not(agentx_index_get_octets(too_long, 3, &pos, buf, 16, &len));
	cr_assert_eq(len, 16, "length clamped to the buffer");
}

Test(agentx_oid, lexicographic_order)
{
	const agentx_oid a[] = { 1, 3, 6 };
	const agentx_oid b[] = { 1, 3, 6, 1 };
	const agentx_oid c[] = { 1, 4 };

	cr_assert_eq(agentx_oid_cmp(a, 3, a, 3), 0);
	cr_assert_lt(agentx_oid_cmp(a, 3, b, 4), 0, "a prefix sorts first");
	cr_assert_gt(agentx_oid_cmp(b, 4, a, 3), 0);
	cr_assert_lt(agentx_oid_cmp(b, 4, c, 2), 0);
	cr_assert_lt(agentx_oid_cmp(a, 0, a, 3), 0, "empty sorts first");
}

Test(agentx_value, setters)
{
	struct agentx_value v;
	char big[AGENTX_VALUE_MAX + 20];
	agentx_oid long_oid[AGENTX_OID_MAX + 5] = { 0 };

	agentx_val_int(&v, -5);
	cr_assert_eq(v.type, AGENTX_INTEGER);
	cr_assert_eq(v.v.i, -5);
	agentx_val_counter64(&v, 1ULL << 40);
	cr_assert_eq(v.type, AGENTX_COUNTER64);
	cr_assert_eq(v.v.u64, 1ULL << 40);
	agentx_val_ipaddr(&v, ip("10.0.0.1"));
	cr_assert_eq(v.type, AGENTX_IPADDRESS);

	memset(big, 'x', sizeof(big));
	agentx_val_octets(&v, big, sizeof(big));
	cr_assert_eq(v.len, AGENTX_VALUE_MAX, "long strings are cut");
	agentx_val_oid(&v, long_oid, AGENTX_OID_LEN(long_oid));
	cr_assert_eq(v.len, AGENTX_OID_MAX);
	agentx_val_zerodotzero(&v);
	ASSERT_OIDS(v.v.oid, v.len, 0, 0);
}

Test(agentx_varbind, object_plus_instance)
{
	const agentx_oid obj[] = { 1, 3, 6, 1, 2, 1, 23, 2, 1, 1 };
	const agentx_oid inst[] = { 10, 0, 0, 1 };
	struct agentx_varbind vb;

	agentx_varbind_set_oid(&vb, obj, AGENTX_OID_LEN(obj), inst, 4);
	ASSERT_OIDS(vb.oid, vb.oid_len, 1, 3, 6, 1, 2, 1, 23, 2, 1, 1, 10, 0, 0, 1);
}

Test(agentx_trap, refused_when_not_connected)
{
	const agentx_oid trap[] = { 1, 3, 6, 1, 3, 9999, 0, 1 };

	cr_assert_eq(agentx_trap_send(trap, AGENTX_OID_LEN(trap), NULL, 0), -1);
}

/* ---- the commands ----------------------------------------------------------- */

static struct event_loop *loop;
static char confdir[] = "/tmp/test_agentx.XXXXXX";

static void cli_setup(void)
{
	char path[256];
	FILE *f;

	cr_assert_not_null(mkdtemp(confdir));
	/* the master's socket comes from net-snmp's own conf: none listens */
	snprintf(path, sizeof(path), "%s/test_agentx.conf", confdir);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fprintf(f, "agentXSocket %s/nobody.sock\n", confdir);
	fclose(f);
	setenv("SNMPCONFPATH", confdir, 1);
	setenv("SNMP_PERSISTENT_DIR", confdir, 1);

	loop = event_loop_new("test_agentx");
	cmd_init();
	agentx_init(loop, "test_agentx");
}

static void cli_teardown(void)
{
	char cmd[300];

	agentx_terminate();
	cmd_terminate();
	event_loop_free(loop);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", confdir);
	cr_assert_eq(system(cmd), 0);
}

static bool config_has_agentx(void)
{
	struct vty *vty = vty_new_buffer(CONFIG_NODE);
	bool found;

	vty_write_config_blocks(vty);
	found = strstr(vty_buffer_text(vty), "\nagentx\n") != NULL ||
		strncmp(vty_buffer_text(vty), "agentx\n", 7) == 0;
	vty_free_buffer(vty);
	return found;
}

Test(agentx_cli, no_agentx_before_enabling_is_silent, .init = cli_setup,
     .fini = cli_teardown)
{
	struct vty *vty = vty_new_buffer(CONFIG_NODE);

	cr_assert_eq(vty_command(vty, "no agentx"), CMD_SUCCESS);
	cr_assert_str_empty(vty_buffer_text(vty));
	cr_assert_not(agentx_enabled());
	cr_assert_not(config_has_agentx());
	vty_free_buffer(vty);
}

Test(agentx_cli, enable_writes_config_and_cannot_be_undone,
     .init = cli_setup, .fini = cli_teardown)
{
	struct vty *vty = vty_new_buffer(CONFIG_NODE);

	cr_assert_eq(vty_command(vty, "agentx"), CMD_SUCCESS);
	cr_assert(agentx_enabled());
	cr_assert_not(agentx_connected(), "no master listens");
	cr_assert(config_has_agentx());

	vty_buffer_clear(vty);
	cr_assert_eq(vty_command(vty, "no agentx"), CMD_WARNING);
	cr_assert_str_eq(vty_buffer_text(vty),
			 "SNMP AgentX support cannot be disabled once enabled\n");
	cr_assert(agentx_enabled());

	/* a second `agentx` changes nothing */
	vty_buffer_clear(vty);
	cr_assert_eq(vty_command(vty, "agentx"), CMD_SUCCESS);
	cr_assert(config_has_agentx());
	vty_free_buffer(vty);
}

Test(agentx_cli, retries_from_the_loop_without_blocking, .init = cli_setup,
     .fini = cli_teardown)
{
	int64_t start;
	int i;

	agentx_enable();
	/* net-snmp's reconnect alarm runs from our timer; 2.5 s of loop
	 * must pass in about 2.5 s (nothing blocks) */
	start = monotime_ms();
	for (i = 0; i < 100 && monotime_ms() - start < 2500; i++)
		event_loop_run_once(loop, 100);
	cr_assert_lt(monotime_ms() - start, 6000);	/* generous: loaded CI machines */
	cr_assert_not(agentx_connected());
}
