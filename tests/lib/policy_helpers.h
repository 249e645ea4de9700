/*
 * Helpers shared by the policy tests: a buffer vty in CONFIG_NODE that
 * runs lines through the real command matcher and returns what they
 * printed, and the text of one config-write block.
 */
#ifndef TARPAN_TEST_POLICY_HELPERS_H
#define TARPAN_TEST_POLICY_HELPERS_H

#include <criterion/criterion.h>
#include <string.h>

#include "command.h"
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

#endif
