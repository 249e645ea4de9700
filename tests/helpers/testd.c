/*
 * testd: a small daemon built from lib/ alone, for the CLI topology test
 * and the CLI benchmarks before the real daemons exist.
 *
 * It has the shared commands plus a dummy "ip prefix-list"-shaped command
 * family whose entries are kept in a list and written back by
 * `show running-config` (PREFIX_NODE block), an interface-like sub-node
 * (`interface IFNAME`, `description .LINE`), and `show testd lines
 * <1-10000000>` whose output comes from a producer (vty_produce), to check
 * paging and flow control with huge output.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "daemon.h"
#include "memory.h"
#include "vty.h"

DEFINE_MTYPE_STATIC(TESTD, "testd entry");

struct entry {
	char *text;
	struct entry *next;
};
static struct entry *entries, **entries_tail = &entries;
static unsigned long nentries;

struct ifc {
	char *name;
	char *desc;
	struct ifc *next;
};
static struct ifc *ifaces;

static void entry_add(const char *fmt, const char *name, const char *seq,
		      const char *act, const char *pfx, const char *ge, const char *le)
{
	char buf[512];
	struct entry *e = XCALLOC(TESTD, sizeof(*e));
	int n = snprintf(buf, sizeof(buf), fmt, name);

	if (seq)
		n += snprintf(buf + n, sizeof(buf) - (size_t)n, " seq %s", seq);
	n += snprintf(buf + n, sizeof(buf) - (size_t)n, " %s %s", act, pfx);
	if (ge)
		n += snprintf(buf + n, sizeof(buf) - (size_t)n, " ge %s", ge);
	if (le)
		snprintf(buf + n, sizeof(buf) - (size_t)n, " le %s", le);
	e->text = XSTRDUP(TESTD, buf);
	*entries_tail = e;
	entries_tail = &e->next;
	nentries++;
}

DEFUN(ip_prefix_list, ip_prefix_list_cmd,
      "ip prefix-list WORD (deny|permit) (A.B.C.D/M|any)",
      IP_STR PREFIX_LIST_STR "Name of a prefix list\n"
      "Specify packets to reject\n" "Specify packets to forward\n"
      "IP prefix <network>/<length>\n" "Any prefix match.\n")
{
	entry_add("ip prefix-list %s", argv[0], NULL, argv[1], argv[2], NULL, NULL);
	return CMD_SUCCESS;
}

DEFUN(ip_prefix_list_seq, ip_prefix_list_seq_cmd,
      "ip prefix-list WORD seq <1-4294967295> (deny|permit) (A.B.C.D/M|any)",
      IP_STR PREFIX_LIST_STR "Name of a prefix list\n"
      "sequence number of an entry\n" "Sequence number\n"
      "Specify packets to reject\n" "Specify packets to forward\n"
      "IP prefix <network>/<length>\n" "Any prefix match.\n")
{
	entry_add("ip prefix-list %s", argv[0], argv[1], argv[2], argv[3], NULL, NULL);
	return CMD_SUCCESS;
}

DEFUN(ip_prefix_list_seq_ge_le, ip_prefix_list_seq_ge_le_cmd,
      "ip prefix-list WORD seq <1-4294967295> (deny|permit) A.B.C.D/M ge <0-32> le <0-32>",
      IP_STR PREFIX_LIST_STR "Name of a prefix list\n"
      "sequence number of an entry\n" "Sequence number\n"
      "Specify packets to reject\n" "Specify packets to forward\n"
      "IP prefix <network>/<length>\n"
      "Minimum prefix length to be matched\n" "Minimum prefix length\n"
      "Maximum prefix length to be matched\n" "Maximum prefix length\n")
{
	entry_add("ip prefix-list %s", argv[0], argv[1], argv[2], argv[3], argv[4],
		  argv[5]);
	return CMD_SUCCESS;
}

DEFUN(ip_prefix_list_seq_le, ip_prefix_list_seq_le_cmd,
      "ip prefix-list WORD seq <1-4294967295> (deny|permit) A.B.C.D/M le <0-32>",
      IP_STR PREFIX_LIST_STR "Name of a prefix list\n"
      "sequence number of an entry\n" "Sequence number\n"
      "Specify packets to reject\n" "Specify packets to forward\n"
      "IP prefix <network>/<length>\n"
      "Maximum prefix length to be matched\n" "Maximum prefix length\n")
{
	entry_add("ip prefix-list %s", argv[0], argv[1], argv[2], argv[3], NULL,
		  argv[4]);
	return CMD_SUCCESS;
}

DEFUN(no_ip_prefix_list, no_ip_prefix_list_cmd, "no ip prefix-list WORD",
      NO_STR IP_STR PREFIX_LIST_STR "Name of a prefix list\n")
{
	struct entry **pp = &entries;
	char key[300];
	size_t klen = (size_t)snprintf(key, sizeof(key), "ip prefix-list %s ", argv[0]);

	while (*pp) {
		struct entry *e = *pp;

		if (!strncmp(e->text, key, klen)) {
			*pp = e->next;
			XFREE(TESTD, e->text);
			XFREE(TESTD, e);
			nentries--;
		} else {
			pp = &e->next;
		}
	}
	entries_tail = &entries;
	while (*entries_tail)
		entries_tail = &(*entries_tail)->next;
	return CMD_SUCCESS;
}

DEFUN(show_testd_count, show_testd_count_cmd, "show testd count",
      SHOW_STR "testd information\n" "Number of entries\n")
{
	vty_out(vty, "%lu entries\n", nentries);
	return CMD_SUCCESS;
}

struct lines_job {
	unsigned long next, total;
};

static bool lines_producer(struct vty *vty, void *arg)
{
	struct lines_job *j = arg;

	for (int k = 0; k < 1000 && j->next < j->total; k++, j->next++)
		vty_out(vty, "line %lu of %lu: the quick brown fox jumps over the lazy dog\n",
			j->next + 1, j->total);
	if (j->next < j->total)
		return false;
	free(j);
	return true;
}

DEFUN(show_testd_lines, show_testd_lines_cmd, "show testd lines <1-10000000>",
      SHOW_STR "testd information\n" "Print numbered lines\n" "How many\n")
{
	struct lines_job *j = calloc(1, sizeof(*j));

	if (!j)
		return CMD_WARNING;
	j->total = strtoul(argv[0], NULL, 10);
	vty_produce(vty, lines_producer, j);
	return CMD_SUCCESS;
}

DEFUN(testd_interface, testd_interface_cmd, "interface IFNAME",
      "Select an interface to configure\n" IFNAME_STR)
{
	struct ifc *i;

	for (i = ifaces; i; i = i->next)
		if (!strcmp(i->name, argv[0]))
			break;
	if (!i) {
		i = XCALLOC(TESTD, sizeof(*i));
		i->name = XSTRDUP(TESTD, argv[0]);
		i->next = ifaces;
		ifaces = i;
	}
	vty_enter_node(vty, INTERFACE_NODE, i);
	return CMD_SUCCESS;
}

DEFUN(testd_description, testd_description_cmd, "description .LINE",
      "Interface specific description\n" "Characters describing this interface\n")
{
	struct ifc *i = vty->index;
	char buf[1024];
	size_t off = 0;

	buf[0] = '\0';
	for (int k = 0; k < argc && off < sizeof(buf); k++)
		off += (size_t)snprintf(buf + off, sizeof(buf) - off, "%s%s",
					k ? " " : "", argv[k]);
	if (i->desc)
		XFREE(TESTD, i->desc);
	i->desc = XSTRDUP(TESTD, buf);
	return CMD_SUCCESS;
}

static int interface_config_write(struct vty *vty)
{
	int n = 0;

	for (struct ifc *i = ifaces; i; i = i->next, n++) {
		vty_out(vty, "interface %s\n", i->name);
		if (i->desc)
			vty_out(vty, " description %s\n", i->desc);
		vty_out(vty, "!\n");
	}
	return 0;
}

static int prefix_config_write(struct vty *vty)
{
	for (struct entry *e = entries; e; e = e->next)
		vty_out(vty, "%s\n", e->text);
	return entries != NULL;
}

static struct cmd_node interface_node = { INTERFACE_NODE, "%s(config-if)# ",
					  interface_config_write };
static struct cmd_node prefix_node = { PREFIX_NODE, "", prefix_config_write };

static const struct daemon_info testd_info = {
	.name = "testd",
	.protoname = "TESTD",
	.vty_port = 2699,
	.display_name = "Testd",
};

int main(int argc, char **argv)
{
	struct daemon *d = daemon_new(&testd_info, argc, argv);

	install_node(&interface_node);
	install_node(&prefix_node);
	install_default(INTERFACE_NODE);
	install_element(CONFIG_NODE, &testd_interface_cmd);
	install_element(INTERFACE_NODE, &testd_description_cmd);
	install_element(CONFIG_NODE, &ip_prefix_list_cmd);
	install_element(CONFIG_NODE, &ip_prefix_list_seq_cmd);
	install_element(CONFIG_NODE, &ip_prefix_list_seq_ge_le_cmd);
	install_element(CONFIG_NODE, &ip_prefix_list_seq_le_cmd);
	install_element(CONFIG_NODE, &no_ip_prefix_list_cmd);
	install_element(VIEW_NODE, &show_testd_count_cmd);
	install_element(VIEW_NODE, &show_testd_lines_cmd);
	return daemon_run(d);
}
