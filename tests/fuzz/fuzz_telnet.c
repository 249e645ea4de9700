/*
 * libFuzzer target for the telnet vty's input side: option negotiation
 * (IAC WILL/WONT/DO/DONT, SB ... SE with NAWS window sizes, doubled IAC),
 * escape sequences and control keys of the line editor, history, `?` and
 * TAB, login and enable passwords, overlong lines, the --More-- pager and
 * a producer-driven long output, all through vty_term_input() on a session
 * without a socket (vty_term_open(-1, ...)), with the library's real
 * commands (minus the ones that write files; fuzz_common.h).
 *
 * Input: byte 0 sets the host (login password, enable password, advanced
 * vty, a slow reader that drains the output only now and then); byte 1
 * seeds the chunk sizes the bytes arrive in; the rest is what the client
 * sends. After each chunk the session must still be sane: the line within
 * its buffer, the cursor within the line, the output within its bound.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "vty.h"
#include "vty_private.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

struct fuzz_job {
	unsigned long next, total;
};

static bool fuzz_producer(struct vty *vty, void *arg)
{
	struct fuzz_job *j = arg;

	for (int k = 0; k < 200 && j->next < j->total; k++, j->next++)
		vty_out(vty, "produced line %lu of %lu\n", j->next + 1, j->total);
	if (j->next < j->total)
		return false;
	free(j);
	return true;
}

DEFUN(fuzz_produce, fuzz_produce_cmd, "fuzz produce <1-100000>",
      "Fuzzing\n" "Long output through a producer\n" "Lines\n")
{
	struct fuzz_job *j = calloc(1, sizeof(*j));

	j->total = strtoul(argv[0], NULL, 10);
	vty_produce_release(vty, fuzz_producer, free, j);
	return CMD_SUCCESS;
}

DEFUN(fuzz_lines, fuzz_lines_cmd, "fuzz lines <1-5000> [WORD]",
      "Fuzzing\n" "Output printed at once\n" "Lines\n" "Text\n")
{
	unsigned long n = strtoul(argv[0], NULL, 10);

	for (unsigned long i = 0; i < n; i++)
		vty_out(vty, "%lu %s\n", i, argc > 1 && argv[1] ? argv[1] : "");
	return CMD_SUCCESS;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet_logs();
	cmd_init();
	install_element(VIEW_NODE, &fuzz_produce_cmd);
	install_element(VIEW_NODE, &fuzz_lines_cmd);
	install_element(CONFIG_NODE, &fuzz_lines_cmd);
	fuzz_defuse_commands();
	return 0;
}

static void set_host(uint8_t flags)
{
	free(host.password);
	free(host.enable);
	host.password = NULL;
	host.enable = NULL;
	host.no_login = !(flags & 1);
	if (flags & 1)
		host.password = strdup("zebra");
	if (flags & 2)
		host.enable = strdup("secret");
	host.advanced = flags & 4;
	host.encrypt = false;
	host.lines = -1;
	host.timeout_s = 0;
}

static void check(const struct vty_sess *s)
{
	if (s->blen >= VTY_LINE_MAX || s->cp > s->blen)
		abort();
	if (s->sb_len < 0 || s->sb_len > (int)sizeof(s->sb))
		abort();
	if (s->hindex < 0 || s->hindex >= VTY_HIST_MAX || s->hp < 0 ||
	    s->hp >= VTY_HIST_MAX)
		abort();
	if (s->released > s->len || s->woff > s->wlen)
		abort();
	/* the bound may be passed by one write, which then closes */
	if (s->len - s->released + s->wlen - s->woff > VTY_OUT_MAX + 65536 &&
	    s->status != VST_CLOSE)
		abort();
}

/* The client read everything: what term_write does after a full write. */
static void drain(struct vty_sess *s)
{
	s->woff = s->wlen = 0;
	vty_term_drained(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vty_sess *s;
	uint32_t seed;
	size_t off = 2;
	int chunks = 0;

	if (size < 2)
		return 0;
	/* host settings are the library's; the helper strdup()s are not
	 * counted memory, and only this target sets them */
	set_host(data[0]);
	seed = data[1] | 1u;
	s = vty_term_open(-1, "192.0.2.1");
	while (s->status != VST_CLOSE && off < size) {
		size_t n;

		seed = seed * 1103515245u + 12345u;
		n = 1 + (seed >> 16) % 97;
		if (n > size - off)
			n = size - off;
		vty_term_input(s, data + off, n);
		off += n;
		check(s);
		/* a slow reader drains one chunk in eight */
		if (!(data[0] & 8) || ++chunks % 8 == 0)
			drain(s);
		check(s);
	}
	vty_term_close(s);
	set_host(0);
	return 0;
}
