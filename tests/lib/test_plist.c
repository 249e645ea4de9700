/*
 * Prefix lists: ge/le rules and their error messages exactly as Quagga,
 * sequence numbers (automatic +5, replacement, ordering), duplicates,
 * first-match and implicit deny, hit counts and refcounts, clear, the
 * sequence-number switch, descriptions, config write and every `show`
 * form — through the real commands.
 */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <stdio.h>

#include "log.h"
#include "plist.h"
#include "policy_helpers.h"

static void setup(void)
{
	zlog_init("BGP", "test");
	policy_cli_setup(prefix_list_init);
}

static void teardown(void)
{
	prefix_list_reset();
	policy_cli_teardown();
}

TestSuite(plist, .init = setup, .fini = teardown);

static int w4(struct vty *vty)
{
	return prefix_list_config_write(vty, AFI_IP);
}

static int w6(struct vty *vty)
{
	return prefix_list_config_write(vty, AFI_IP6);
}

static enum prefix_list_type apply(int afi, const char *name, const char *pfx)
{
	struct prefix p;

	cr_assert_eq(prefix_parse(pfx, &p), 0, "bad test prefix %s", pfx);
	return prefix_list_apply(prefix_list_lookup(afi, name), &p);
}

Test(plist, exact_length_without_ge_le)
{
	const char *lines[] = { "ip prefix-list A permit 10.0.0.0/8", NULL };

	run_ok(lines);
	cr_assert_eq(apply(AFI_IP, "A", "10.0.0.0/8"), PREFIX_PERMIT);
	cr_assert_eq(apply(AFI_IP, "A", "10.1.0.0/16"), PREFIX_DENY);
	cr_assert_eq(apply(AFI_IP, "A", "0.0.0.0/0"), PREFIX_DENY);
	/* a missing list denies */
	cr_assert_eq(apply(AFI_IP, "NONE", "10.0.0.0/8"), PREFIX_DENY);
}

Test(plist, ge_le_ranges)
{
	const char *lines[] = {
		"ip prefix-list LE permit 10.0.0.0/8 le 16",
		"ip prefix-list GE permit 10.0.0.0/8 ge 24",
		"ip prefix-list GL permit 10.0.0.0/8 ge 12 le 20",
		"ip prefix-list LG permit 10.0.0.0/8 le 20 ge 12",
		"ip prefix-list ANY permit any",
		NULL,
	};

	run_ok(lines);
	cr_assert_eq(apply(AFI_IP, "LE", "10.0.0.0/8"), PREFIX_PERMIT);
	cr_assert_eq(apply(AFI_IP, "LE", "10.1.0.0/16"), PREFIX_PERMIT);
	cr_assert_eq(apply(AFI_IP, "LE", "10.1.1.0/24"), PREFIX_DENY);
	cr_assert_eq(apply(AFI_IP, "GE", "10.1.1.0/24"), PREFIX_PERMIT);
	cr_assert_eq(apply(AFI_IP, "GE", "10.1.1.1/32"), PREFIX_PERMIT);
	cr_assert_eq(apply(AFI_IP, "GE", "10.1.0.0/16"), PREFIX_DENY);
	cr_assert_eq(apply(AFI_IP, "GL", "10.16.0.0/12"), PREFIX_PERMIT);
	cr_assert_eq(apply(AFI_IP, "GL", "10.1.0.0/20"), PREFIX_PERMIT);
	cr_assert_eq(apply(AFI_IP, "GL", "10.0.0.0/8"), PREFIX_DENY);
	cr_assert_eq(apply(AFI_IP, "GL", "10.1.1.0/24"), PREFIX_DENY);
	cr_assert_eq(apply(AFI_IP, "LG", "10.1.0.0/20"), PREFIX_PERMIT);
	cr_assert_eq(apply(AFI_IP, "ANY", "1.2.3.4/32"), PREFIX_PERMIT);
	cr_assert_eq(apply(AFI_IP, "ANY", "0.0.0.0/0"), PREFIX_PERMIT);
}

Test(plist, invalid_ranges_give_quaggas_message)
{
	static const char *const bad[] = {
		"ip prefix-list B permit 10.0.0.0/8 ge 8",
		"ip prefix-list B permit 10.0.0.0/8 ge 4",
		"ip prefix-list B permit 10.0.0.0/8 le 8",
		"ip prefix-list B permit 10.0.0.0/16 le 12",
		"ip prefix-list B permit 10.0.0.0/8 ge 24 le 16",
		"ip prefix-list B permit 10.0.0.0/8 le 16 ge 24",
		"ip prefix-list B seq 5 permit 10.0.0.0/8 ge 8 le 32",
		NULL,
	};
	const char *const *l;

	for (l = bad; *l; l++) {
		char want[200];
		const char *pfx = strstr(*l, "10.0.0.0/");
		char pbuf[20];

		sscanf(pfx, "%19s", pbuf);
		snprintf(want, sizeof(want),
			 "%% Invalid prefix range for %s, make sure: len < ge-value <= le-value\n",
			 pbuf);
		cr_assert_str_eq(run(*l), want, "line `%s`", *l);
	}
	cr_assert_null(prefix_list_lookup(AFI_IP, "B"));
	/* the range check also guards IPv6 */
	cr_assert(strstr(run("ipv6 prefix-list B6 permit 2001:db8::/32 le 16"),
			 "% Invalid prefix range for 2001:db8::/32"));
}

Test(plist, ge_with_le_max_is_written_as_ge)
{
	const char *lines[] = {
		"ip prefix-list A permit 10.0.0.0/8 ge 16 le 32",
		"ip prefix-list A permit 11.0.0.0/8 le 32",
		"ip prefix-list A permit 12.0.0.0/8 ge 9",
		NULL,
	};

	run_ok(lines);
	cr_assert_str_eq(block(w4),
		"ip prefix-list A seq 5 permit 10.0.0.0/8 ge 16\n"
		"ip prefix-list A seq 10 permit 11.0.0.0/8 le 32\n"
		"ip prefix-list A seq 15 permit 12.0.0.0/8 ge 9\n");
	/* and can be removed with either spelling */
	cr_assert_str_empty(run("no ip prefix-list A permit 10.0.0.0/8 ge 16 le 32"));
	cr_assert_str_empty(run("no ip prefix-list A permit 12.0.0.0/8 ge 9"));
	cr_assert_eq(prefix_list_count(prefix_list_lookup(AFI_IP, "A")), 1);
}

Test(plist, sequence_numbers)
{
	const char *lines[] = {
		"ip prefix-list S seq 7 permit 1.0.0.0/8",
		"ip prefix-list S permit 2.0.0.0/8",	/* 7 -> 10 */
		"ip prefix-list S permit 3.0.0.0/8",	/* 15 */
		"ip prefix-list S seq 12 deny 4.0.0.0/8",
		"ip prefix-list S seq 1 permit any",
		NULL,
	};

	run_ok(lines);
	cr_assert_str_eq(block(w4),
		"ip prefix-list S seq 1 permit any\n"
		"ip prefix-list S seq 7 permit 1.0.0.0/8\n"
		"ip prefix-list S seq 10 permit 2.0.0.0/8\n"
		"ip prefix-list S seq 12 deny 4.0.0.0/8\n"
		"ip prefix-list S seq 15 permit 3.0.0.0/8\n");
	/* same seq, other content: replaced */
	cr_assert_str_empty(run("ip prefix-list S seq 12 deny 5.0.0.0/8"));
	cr_assert(strstr(block(w4), "seq 12 deny 5.0.0.0/8\n"));
	cr_assert_null(strstr(block(w4), "4.0.0.0"));
}

Test(plist, duplicate_entry_rejected)
{
	const char *lines[] = { "ip prefix-list D seq 5 permit 10.0.0.0/8 le 24", NULL };

	run_ok(lines);
	cr_assert_str_eq(run("ip prefix-list D seq 10 permit 10.0.0.0/8 le 24"),
			 "% Insertion failed - prefix-list entry exists:\n"
			 "   seq 5 permit 10.0.0.0/8\n");
	cr_assert_str_eq(run("ip prefix-list D permit 10.0.0.0/8 le 24"),
			 "% Insertion failed - prefix-list entry exists:\n"
			 "   seq 5 permit 10.0.0.0/8\n");
	/* the same entry at its own seq is fine */
	cr_assert_str_empty(run("ip prefix-list D seq 5 permit 10.0.0.0/8 le 24"));
	cr_assert_eq(prefix_list_count(prefix_list_lookup(AFI_IP, "D")), 1);
}

Test(plist, first_match_by_seq_not_by_specificity)
{
	const char *lines[] = {
		"ip prefix-list F seq 10 deny 10.0.0.0/8 le 32",
		"ip prefix-list F seq 20 permit 10.1.0.0/16",
		"ip prefix-list F seq 5 permit 10.2.0.0/16",
		NULL,
	};

	run_ok(lines);
	cr_assert_eq(apply(AFI_IP, "F", "10.1.0.0/16"), PREFIX_DENY);
	cr_assert_eq(apply(AFI_IP, "F", "10.2.0.0/16"), PREFIX_PERMIT);
	cr_assert_eq(apply(AFI_IP, "F", "11.0.0.0/8"), PREFIX_DENY);
}

Test(plist, empty_list_permits)
{
	const char *lines[] = { "ip prefix-list E description nothing yet", NULL };

	run_ok(lines);
	cr_assert_eq(apply(AFI_IP, "E", "10.0.0.0/8"), PREFIX_PERMIT);
}

Test(plist, errors)
{
	cr_assert_str_eq(run("no ip prefix-list X"), "% Can't find specified prefix-list\n");
	cr_assert_str_eq(run("no ip prefix-list X permit 1.0.0.0/8"),
			 "% Can't find specified prefix-list\n");
	cr_assert_str_eq(run("no ip prefix-list X description"),
			 "% Can't find specified prefix-list\n");
	run("ip prefix-list X permit 1.0.0.0/8");
	cr_assert_str_eq(run("no ip prefix-list X seq 10 permit 1.0.0.0/8"),
			 "% Can't find specified prefix-list\n");
	cr_assert_str_eq(run("no ip prefix-list X permit 1.0.0.0/8 ge 20"),
			 "% Can't find specified prefix-list\n");
	tvty->node = ENABLE_NODE;
	cr_assert_str_eq(run("show ip prefix-list Y"), "% Can't find specified prefix-list\n");
	cr_assert_str_eq(run("clear ip prefix-list Y"), "% Can't find specified prefix-list\n");
}

Test(plist, description_and_seqnum_switch)
{
	const char *lines[] = {
		"ip prefix-list 10 permit 10.0.0.0/8",
		"ip prefix-list ABC description customer  pools",
		"ip prefix-list ABC seq 5 deny any",
		"ip prefix-list 9 permit 9.0.0.0/8",
		NULL,
	};

	run_ok(lines);
	cr_assert_str_eq(block(w4),
		"ip prefix-list 9 seq 5 permit 9.0.0.0/8\n"
		"ip prefix-list 10 seq 5 permit 10.0.0.0/8\n"
		"ip prefix-list ABC description customer pools\n"
		"ip prefix-list ABC seq 5 deny any\n");
	cr_assert_str_empty(run("no ip prefix-list sequence-number"));
	cr_assert_str_eq(block(w4),
		"no ip prefix-list sequence-number\n"
		"!\n"
		"ip prefix-list 9 permit 9.0.0.0/8\n"
		"ip prefix-list 10 permit 10.0.0.0/8\n"
		"ip prefix-list ABC description customer pools\n"
		"ip prefix-list ABC deny any\n");
	cr_assert_str_empty(run("ip prefix-list sequence-number"));
	/* the description keeps an emptied list */
	cr_assert_str_empty(run("no ip prefix-list ABC seq 5 deny any"));
	cr_assert_not_null(prefix_list_lookup(AFI_IP, "ABC"));
	cr_assert_str_empty(run("no ip prefix-list ABC description"));
	cr_assert_null(prefix_list_lookup(AFI_IP, "ABC"));
}

Test(plist, show_forms_and_hit_counts)
{
	const char *lines[] = {
		"ip prefix-list P description test list",
		"ip prefix-list P seq 5 deny 10.1.0.0/16",
		"ip prefix-list P seq 10 permit 10.0.0.0/8 le 24",
		"ip prefix-list P seq 15 permit any",
		NULL,
	};

	run_ok(lines);
	apply(AFI_IP, "P", "10.1.0.0/16");	/* hits 5 */
	apply(AFI_IP, "P", "10.2.0.0/16");	/* hits 10 */
	apply(AFI_IP, "P", "10.3.0.0/16");	/* hits 10 */
	apply(AFI_IP, "P", "192.168.0.0/16");	/* hits 15 */
	tvty->node = ENABLE_NODE;
	cr_assert_str_eq(run("show ip prefix-list"),
		"BGP: ip prefix-list P: 3 entries\n"
		"   Description: test list\n"
		"   seq 5 deny 10.1.0.0/16\n"
		"   seq 10 permit 10.0.0.0/8 le 24\n"
		"   seq 15 permit any\n");
	cr_assert_str_eq(run("show ip prefix-list detail P"),
		"BGP: ip prefix-list P:\n"
		"   Description: test list\n"
		"   count: 3, range entries: 2, sequences: 5 - 15\n"
		"   seq 5 deny 10.1.0.0/16 (hit count: 1, refcount: 4)\n"
		"   seq 10 permit 10.0.0.0/8 le 24 (hit count: 2, refcount: 3)\n"
		"   seq 15 permit any (hit count: 1, refcount: 1)\n");
	cr_assert_str_eq(run("show ip prefix-list summary"),
		"Prefix-list with the last deletion/insertion: P\n"
		"BGP: ip prefix-list P:\n"
		"   Description: test list\n"
		"   count: 3, range entries: 2, sequences: 5 - 15\n");
	cr_assert_str_eq(run("show ip prefix-list P seq 10"),
		"BGP:    seq 10 permit 10.0.0.0/8 le 24 (hit count: 2, refcount: 3)\n");
	cr_assert_str_eq(run("show ip prefix-list P 10.0.0.0/8"),
		"   seq 10 permit 10.0.0.0/8 le 24 (hit count: 2, refcount: 3)\n");
	cr_assert_str_eq(run("show ip prefix-list P 10.0.0.0/8 longer"),
		"   seq 5 deny 10.1.0.0/16\n"
		"   seq 10 permit 10.0.0.0/8 le 24\n");
	cr_assert_str_eq(run("show ip prefix-list P 10.9.0.0/16 first-match"),
		"   seq 10 permit 10.0.0.0/8 le 24 (hit count: 2, refcount: 3)\n");

	cr_assert_str_empty(run("clear ip prefix-list P 10.1.0.0/16"));
	cr_assert(strstr(run("show ip prefix-list detail P"),
			 "seq 5 deny 10.1.0.0/16 (hit count: 0, refcount: 4)"));
	cr_assert(strstr(run("show ip prefix-list detail P"),
			 "seq 10 permit 10.0.0.0/8 le 24 (hit count: 0, refcount: 3)"));
	cr_assert_str_empty(run("clear ip prefix-list"));
	cr_assert(strstr(run("show ip prefix-list detail P"),
			 "seq 15 permit any (hit count: 0, refcount: 1)"));
}

Test(plist, refcount_survives_deletion)
{
	const char *lines[] = {
		"ip prefix-list R seq 5 permit 1.0.0.0/8",
		"ip prefix-list R seq 10 permit 2.0.0.0/8",
		"ip prefix-list R seq 15 permit 3.0.0.0/8",
		NULL,
	};
	struct prefix_list *pl;

	run_ok(lines);
	apply(AFI_IP, "R", "3.0.0.0/8");
	apply(AFI_IP, "R", "3.0.0.0/8");
	run("no ip prefix-list R seq 15 permit 3.0.0.0/8");
	pl = prefix_list_lookup(AFI_IP, "R");
	cr_assert_eq(prefix_list_entry_refcnt(prefix_list_entry_by_seq(pl, 5)), 2);
	cr_assert_eq(prefix_list_entry_refcnt(prefix_list_entry_by_seq(pl, 10)), 2);
	/* a new entry starts from zero */
	run("ip prefix-list R seq 7 permit 7.0.0.0/8");
	cr_assert_eq(prefix_list_entry_refcnt(prefix_list_entry_by_seq(pl, 7)), 0);
	apply(AFI_IP, "R", "9.0.0.0/8");	/* a miss examines everything */
	cr_assert_eq(prefix_list_entry_refcnt(prefix_list_entry_by_seq(pl, 7)), 1);
	cr_assert_eq(prefix_list_entry_refcnt(prefix_list_entry_by_seq(pl, 5)), 3);
}

Test(plist, ipv6)
{
	const char *lines[] = {
		"ipv6 prefix-list V6 seq 5 deny 2001:db8:1::/48 le 64",
		"ipv6 prefix-list V6 seq 10 permit 2001:db8::/32 ge 48 le 128",
		"ipv6 prefix-list V6 seq 15 permit any",
		NULL,
	};

	run_ok(lines);
	cr_assert_eq(apply(AFI_IP6, "V6", "2001:db8:1::/56"), PREFIX_DENY);
	cr_assert_eq(apply(AFI_IP6, "V6", "2001:db8:2::/48"), PREFIX_PERMIT);
	cr_assert_eq(apply(AFI_IP6, "V6", "2001:db8::/32"), PREFIX_PERMIT);
	cr_assert_eq(apply(AFI_IP6, "V6", "10.0.0.0/8"), PREFIX_DENY);
	cr_assert_str_eq(block(w6),
		"ipv6 prefix-list V6 seq 5 deny 2001:db8:1::/48 le 64\n"
		"ipv6 prefix-list V6 seq 10 permit 2001:db8::/32 ge 48\n"
		"ipv6 prefix-list V6 seq 15 permit any\n");
	tvty->node = ENABLE_NODE;
	cr_assert_str_eq(run("show ipv6 prefix-list V6"),
		"BGP: ipv6 prefix-list V6: 3 entries\n"
		"   seq 5 deny 2001:db8:1::/48 le 64\n"
		"   seq 10 permit 2001:db8::/32 ge 48\n"
		"   seq 15 permit any\n");
}

/* The trie must agree with a plain walk in seq order. */
#define MAXSEQ 20000
static struct plist_spec by_seq[MAXSEQ + 1];

Test(plist, index_agrees_with_linear_walk)
{
	enum { N = 4000, Q = 20000 };
	struct prefix_list *pl;
	char err[256];
	unsigned seed = 777, i, j;

	memset(by_seq, 0, sizeof(by_seq));
	for (i = 0; i < N; i++) {
		struct plist_spec s;
		unsigned len = (seed = seed * 1103515245 + 12345) % 17 + 8;
		uint32_t a = (seed = seed * 1103515245 + 12345) & 0x0fffffff;
		unsigned r = (seed = seed * 1103515245 + 12345) >> 8;

		memset(&s, 0, sizeof(s));
		s.seq = (r % MAXSEQ) + 1;	/* collisions replace */
		s.type = r & 1 ? PREFIX_PERMIT : PREFIX_DENY;
		prefix_from_ipv4(&s.prefix, (struct in_addr){ htonl(a) }, len);
		apply_mask(&s.prefix);
		if (r & 2)
			s.le = (uint8_t)(len + 1 + r % (32 - len));
		if (r & 4 && len < 31)
			s.ge = (uint8_t)(len + 1);
		if (s.le && s.ge > s.le)
			s.ge = 0;
		if (s.ge && s.le == 32)
			s.le = 0;
		if (prefix_list_entry_set(AFI_IP, "R", &s, err, sizeof(err)) == 0)
			by_seq[s.seq] = s;
	}
	pl = prefix_list_lookup(AFI_IP, "R");
	for (i = 1; i <= MAXSEQ; i++)
		cr_assert_eq(by_seq[i].seq != 0, prefix_list_entry_by_seq(pl, i) != NULL);
	for (j = 0; j < Q; j++) {
		struct prefix p;
		uint32_t a = (seed = seed * 1103515245 + 12345) & 0x0fffffff;
		enum prefix_list_type want = PREFIX_DENY;

		prefix_from_ipv4(&p, (struct in_addr){ htonl(a) }, 8 + j % 25);
		apply_mask(&p);
		for (i = 1; i <= MAXSEQ; i++) {
			const struct plist_spec *s = &by_seq[i];
			bool m;

			if (!s->seq || !prefix_match(&s->prefix, &p))
				continue;
			if (!s->ge && !s->le)
				m = s->prefix.prefixlen == p.prefixlen;
			else
				m = (!s->le || p.prefixlen <= s->le) &&
				    (!s->ge || p.prefixlen >= s->ge);
			if (m) {
				want = s->type;
				break;
			}
		}
		cr_assert_eq(prefix_list_apply(pl, &p), want, "query %u", j);
	}
	/* delete half by value and check again on a few queries */
	for (i = 1; i <= MAXSEQ; i += 2) {
		if (!by_seq[i].seq)
			continue;
		cr_assert_eq(prefix_list_entry_unset(AFI_IP, "R", &by_seq[i], err,
						     sizeof(err)), 0, "%s", err);
		by_seq[i].seq = 0;
	}
	for (i = 1; i <= MAXSEQ; i++)
		cr_assert_eq(by_seq[i].seq != 0, prefix_list_entry_by_seq(pl, i) != NULL);
}
