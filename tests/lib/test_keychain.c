/*
 * Key chains: the commands and their node changes, key ordering, Quagga's
 * time formats, lifetimes (explicit end, infinite, duration) and the
 * lookups by time, config write text and error messages.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "keychain.h"
#include "log.h"
#include "northbound.h"
#include "policy_helpers.h"

static void setup(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	zlog_init("RIP", "test");
	policy_cli_setup(keychain_init);
}

static void teardown(void)
{
	keychain_reset();
	policy_cli_teardown();
}

TestSuite(keychain, .init = setup, .fini = teardown);

static int wr(struct vty *vty)
{
	return cmd_node_get(KEYCHAIN_NODE)->config_write(vty);
}

static void config(const char *const *lines)
{
	tvty->node = CONFIG_NODE;
	run_ok(lines);
}

Test(keychain, nodes_and_config_write)
{
	const char *lines[] = {
		"key chain KC1",
		"key 3",
		"key-string three",
		"key 1",
		"key-string one",
		"accept-lifetime 01:02:03 Jan 5 2020 04:05:06 5 February 2020",
		"send-lifetime 00:00:00 1 Mar 2021 infinite",
		"key 2",
		"send-lifetime 12:00:00 Dec 31 2030 duration 3600",
		"key chain KC0",
		NULL,
	};

	config(lines);
	cr_assert_eq(tvty->node, KEYCHAIN_NODE);
	cr_assert_str_eq(block(wr),
		"key chain KC1\n"
		" key 1\n"
		"  key-string one\n"
		"  accept-lifetime 01:02:03 Jan 05 2020 04:05:06 Feb 05 2020\n"
		"  send-lifetime 00:00:00 Mar 01 2021 infinite\n"
		" key 2\n"
		"  send-lifetime 12:00:00 Dec 31 2030 duration 3600\n"
		" key 3\n"
		"  key-string three\n"
		"!\n"
		"key chain KC0\n"
		"!\n");
}

Test(keychain, enter_key_node)
{
	const char *lines[] = { "key chain K", "key 7", NULL };

	config(lines);
	cr_assert_eq(tvty->node, KEYCHAIN_KEY_NODE);
	cr_assert_str_empty(run("no key 7"));
	cr_assert_eq(tvty->node, KEYCHAIN_NODE);
}

Test(keychain, errors)
{
	const char *lines[] = { "key chain K", "key 1", NULL };

	tvty->node = CONFIG_NODE;
	cr_assert_str_eq(run("no key chain NOPE"), "Can't find keychain NOPE\n");
	config(lines);
	cr_assert_str_eq(run("accept-lifetime 25:00:00 1 Jan 2020 infinite"),
			 "Malformed time value\n");
	cr_assert_str_eq(run("accept-lifetime 10:00 1 Jan 2020 infinite"),
			 "Malformed time value\n");
	cr_assert_str_eq(run("accept-lifetime 10:00:00 1 Ja 2020 infinite"),
			 "Malformed time value\n");
	cr_assert_str_eq(run("accept-lifetime 10:00:00 1 Foo 2020 infinite"),
			 "Malformed time value\n");
	cr_assert_str_eq(run("send-lifetime 10:00:00 2 Jan 2020 10:00:00 1 Jan 2020"),
			 "Expire time is not later than start time\n");
	cr_assert_str_eq(run("send-lifetime 10:00:00 2 Jan 2020 10:00:00 2 Jan 2020"),
			 "Expire time is not later than start time\n");
	tvty->node = KEYCHAIN_NODE;
	cr_assert_str_eq(run("no key 9"), "Can't find key 9\n");
}

Test(keychain, str2time)
{
	cr_assert_eq(key_str2time("00:00:00", "1", "January", "2000"), 946684800);
	cr_assert_eq(key_str2time("00:00:01", "1", "jan", "2000"), 946684801);
	cr_assert_eq(key_str2time("00:00:00", "32", "Jan", "2000"), -1);
	cr_assert_eq(key_str2time("00:60:00", "1", "Jan", "2000"), -1);
	cr_assert_eq(key_str2time("00:00:00", "1", "Jan", "1992"), -1);
	cr_assert_eq(key_str2time("0:0:0x", "1", "Jan", "2000"), -1);
	cr_assert_eq(key_str2time(":::", "1", "Jan", "2000"), -1);
}

Test(keychain, lookups_by_time)
{
	const char *lines[] = {
		"key chain T",
		"key 1", "key-string old",
		"send-lifetime 00:00:00 1 Jan 2000 00:00:00 1 Jan 2010",
		"accept-lifetime 00:00:00 1 Jan 2000 00:00:00 1 Jan 2011",
		"key 2", "key-string new",
		"send-lifetime 00:00:00 1 Jan 2010 infinite",
		"accept-lifetime 00:00:00 1 Jan 2009 infinite",
		"key 5", "key-string always",
		NULL,
	};
	struct keychain *kc;
	time_t y2005 = 1104537600, y2012 = 1325376000, y1999 = 915148800;

	config(lines);
	kc = keychain_lookup("T");
	cr_assert_not_null(kc);
	cr_assert_eq(key_lookup_for_send_at(kc, y2005)->index, 1);
	cr_assert_eq(key_lookup_for_send_at(kc, y2012)->index, 2);
	/* before every lifetime: the key without one */
	cr_assert_eq(key_lookup_for_send_at(kc, y1999)->index, 5);
	cr_assert_eq(key_lookup_for_accept_at(kc, 0, y2005)->index, 1);
	cr_assert_eq(key_lookup_for_accept_at(kc, 2, y2005)->index, 5);
	cr_assert_eq(key_lookup_for_accept_at(kc, 0, y2012)->index, 2);
	cr_assert_eq(key_match_for_accept_at(kc, "new", y2012)->index, 2);
	cr_assert_null(key_match_for_accept_at(kc, "old", y2012));
	cr_assert_eq(key_match_for_accept_at(kc, "old", y2005)->index, 1);
	cr_assert_not_null(key_lookup_for_send(kc));
}

Test(keychain, delete_chain_from_inside)
{
	const char *lines[] = { "key chain X", "key 1", "no key chain X", NULL };

	config(lines);
	cr_assert_null(keychain_lookup("X"));
	/* the vty's context is gone: commands refuse instead of crashing */
	cr_assert(strstr(run("key-string foo"), "deleted"));
}

/* ---- round trip through the tree ------------------------------------------ */

/* tmp_file(), feed() and round_trip() are in policy_helpers.h */

static void kc_check(void)
{
	struct keychain *kc = keychain_lookup("RT");
	time_t y2005 = 1104537600, y2012 = 1325376000;

	cr_assert_not_null(kc);
	cr_assert_eq(key_lookup_for_send_at(kc, y2005)->index, 1);
	cr_assert_eq(key_lookup_for_send_at(kc, y2012)->index, 2);
	cr_assert_eq(key_match_for_accept_at(kc, "new", y2012)->index, 2);
	cr_assert_null(key_match_for_accept_at(kc, "old", y2012));
	cr_assert_not_null(keychain_lookup("EMPTY"));
}

static void kc_reset(void)
{
	keychain_reset();
}

Test(keychain, round_trip_json_and_text)
{
	const char *lines[] = {
		"key chain RT",
		"key 1", "key-string old",
		"send-lifetime 00:00:00 1 Jan 2000 00:00:00 1 Jan 2010",
		"accept-lifetime 00:00:00 1 Jan 2000 00:00:00 1 Jan 2011",
		"key 2", "key-string new",
		"send-lifetime 00:00:00 1 Jan 2010 infinite",
		"accept-lifetime 00:00:00 1 Jan 2009 duration 999999999",
		"key chain EMPTY",
		NULL,
	};

	config(lines);
	kc_check();
	round_trip(wr, kc_reset, kc_check);
}

Test(keychain, json_shows_the_tree)
{
	const char *lines[] = {
		"key chain J", "key 4", "key-string s3cret",
		"send-lifetime 00:00:00 1 Jan 2000 duration 60", NULL,
	};
	char *js;

	config(lines);
	js = nb_print(true);
	cr_assert(strstr(js, "\"tarpan-keychain:key-chains\""), "%s", js);
	cr_assert(strstr(js, "\"key-string\": \"s3cret\""), "%s", js);
	cr_assert(strstr(js, "\"start\": \"946684800\""), "%s", js);
	cr_assert(strstr(js, "\"duration\": 60"), "%s", js);
	free(js);
}

Test(keychain, json_lifetime_ending_before_start_is_rejected)
{
	const char *js =
		"{\"tarpan-keychain:key-chains\": {\"key-chain\": [{\"name\": \"B\","
		" \"key\": [{\"id\": 1, \"send-lifetime\": {\"start\": \"2000\","
		" \"end-time\": \"1000\"}}]}]}}";
	const char *path = tmp_file(js, ".json");

	cr_assert_neq(nb_cli_load_data_file(path), 0);
	unlink(path);
	cr_assert_null(keychain_lookup("B"));
}

Test(keychain, key_deleted_by_another_session)
{
	const char *lines[] = { "key chain D", "key 1", NULL };
	struct vty *other = vty_new_buffer(CONFIG_NODE);

	tvty->node = CONFIG_NODE;
	run_ok(lines);
	cr_assert_eq(vty_command(other, "key chain D"), CMD_SUCCESS);
	cr_assert_eq(vty_command(other, "no key 1"), CMD_SUCCESS);
	vty_free_buffer(other);
	cr_assert(strstr(run("key-string x"), "The key was deleted"));
	cr_assert_null(key_lookup(keychain_lookup("D"), 1));
}
