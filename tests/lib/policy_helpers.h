/*
 * Helpers shared by the policy tests: a buffer vty in CONFIG_NODE that
 * runs lines through the real command matcher and returns what they
 * printed, and the text of one config-write block.
 */
#ifndef TARPAN_TEST_POLICY_HELPERS_H
#define TARPAN_TEST_POLICY_HELPERS_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command.h"
#include "northbound.h"
#include "vty.h"

static struct vty *tvty;

static inline void policy_cli_setup(void (*init)(void))
{
	static bool done;

	if (!done) {
		cmd_init();
		init();
		done = true;
	}
	tvty = vty_new_buffer(CONFIG_NODE);
}

static inline void policy_cli_teardown(void)
{
	vty_free_buffer(tvty);
	tvty = NULL;
}

/* Run one line in the current node; returns its output (static copy). */
static inline const char *run(const char *line)
{
	static char out[65536];

	vty_buffer_clear(tvty);
	vty_command(tvty, line);
	snprintf(out, sizeof(out), "%s", vty_buffer_text(tvty));
	return out;
}

/* Run lines that must print nothing. */
static inline void run_ok(const char *const *lines)
{
	for (; *lines; lines++)
		cr_assert_str_empty(run(*lines), "line `%s` printed `%s`", *lines,
				    vty_buffer_text(tvty));
}

/* Text of one node's config-write block. */
static inline const char *block(int (*writer)(struct vty *vty))
{
	static char out[65536];

	vty_buffer_clear(tvty);
	writer(tvty);
	snprintf(out, sizeof(out), "%s", vty_buffer_text(tvty));
	return out;
}

/* ---- round trip through the tree (filter, route-map, key-chain tests) ---- */

/* Write s to a new temporary file ending in sfx; returns its path. */
static inline const char *tmp_file(const char *s, const char *sfx)
{
	static char path[64];
	int fd;

	snprintf(path, sizeof(path), "/tmp/tarpan-test-XXXXXX%s", sfx);
	fd = mkstemps(path, (int)strlen(sfx));
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, s, strlen(s)), (ssize_t)strlen(s));
	close(fd);
	return path;
}

/* Run the lines of a config-write block in CONFIG_NODE as a file would. */
static inline void feed(const char *text)
{
	char line[1024];
	const char *p = text, *nl;

	tvty->node = CONFIG_NODE;
	for (; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		cr_assert_not_null(nl);
		snprintf(line, sizeof(line), "%.*s", (int)(nl - p), p);
		if (line[0] == '!')
			continue;
		cr_assert_str_empty(run(line), "line `%s`", line);
	}
	tvty->node = CONFIG_NODE;
}

/*
 * The configuration as JSON, loaded back into an empty daemon, gives the
 * same text (and the compiled structures, which `check` looks at); the
 * text typed back in gives the same text again.
 */
static inline void round_trip(int (*writer)(struct vty *), void (*reset)(void),
		       void (*check)(void))
{
	static char text[65536];
	char *js = nb_print(true);
	const char *path;

	cr_assert_not_null(js);
	snprintf(text, sizeof(text), "%s", block(writer));
	cr_assert_str_not_empty(text);
	path = tmp_file(js, ".json");
	nb_reset();
	reset();
	cr_assert_str_empty(block(writer));
	cr_assert_eq(nb_cli_load_data_file(path), 0);
	unlink(path);
	cr_assert_str_eq(block(writer), text);
	if (check)
		check();
	nb_reset();
	reset();
	feed(text);
	cr_assert_str_eq(block(writer), text);
	if (check)
		check();
	free(js);
}

#endif
