/*
 * vtysh.conf, read before connecting to the daemons: `username WORD
 * nopassword`, `service integrated-vtysh-config` (and its `no` form),
 * `hostname WORD` (the shell's prompt and the merged config). Comments and
 * blank lines are skipped; any other line is reported as
 * "FILE:LINE: % Unknown command." with the line, and the rest still loads.
 *
 * Tarpan is built without PAM, so as Quagga built that way the shell asks
 * no password; the user list is kept so that the file is accepted as is.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "vtysh.h"

static void add_user(struct vtysh *vs, const char *name)
{
	struct vtysh_user *u;

	for (u = vs->users; u; u = u->next)
		if (!strcmp(u->name, name))
			break;
	if (!u) {
		u = XCALLOC(VTYSH, sizeof(*u));
		u->name = XSTRDUP(VTYSH, name);
		u->next = vs->users;
		vs->users = u;
	}
	u->nopassword = true;
}

void vtysh_users_free(struct vtysh *vs)
{
	while (vs->users) {
		struct vtysh_user *u = vs->users;

		vs->users = u->next;
		XFREE(VTYSH, u->name);
		XFREE(VTYSH, u);
	}
}

int vtysh_user_command(struct vtysh *vs, const char *line)
{
	char w[4][128];
	int n = sscanf(line, " %127s %127s %127s %127s", w[0], w[1], w[2], w[3]);

	if (n == 3 && !strcmp(w[0], "username") && !strcmp(w[2], "nopassword")) {
		add_user(vs, w[1]);
		return CMD_SUCCESS;
	}
	if (n == 2 && !strcmp(w[0], "service") &&
	    !strcmp(w[1], "integrated-vtysh-config")) {
		vs->integrated = true;
		return CMD_SUCCESS;
	}
	if (n == 3 && !strcmp(w[0], "no") && !strcmp(w[1], "service") &&
	    !strcmp(w[2], "integrated-vtysh-config")) {
		vs->integrated = false;
		return CMD_SUCCESS;
	}
	if (n == 2 && !strcmp(w[0], "hostname")) {
		XFREE(VTYSH, vs->hostname);
		vs->hostname = XSTRDUP(VTYSH, w[1]);
		return CMD_SUCCESS;
	}
	return -1;
}

int vtysh_read_own_config(struct vtysh *vs, const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	unsigned lineno = 0;
	int bad = 0;

	if (!f)
		return -1;
	while ((n = getline(&line, &cap, f)) >= 0) {
		const char *p = line;

		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		while (isspace((unsigned char)*p))
			p++;
		if (!*p || *p == '!' || *p == '#')
			continue;
		if (vtysh_user_command(vs, p) < 0) {
			fprintf(stderr, "%s:%u: %% Unknown command.\n%s\n", path, lineno,
				line);
			bad++;
		}
	}
	free(line);
	fclose(f);
	return bad;
}
