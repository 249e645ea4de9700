/*
 * vtysh's side of the Unix vty framing (vtysh/vtysh_client.c), against the
 * bytes a daemon sends: output then 0 0 0 status, in one piece or split at
 * every possible point; a daemon that closes or sends garbage is marked
 * down (fd -1) and reported as -1, never hangs the shell.
 */
#include <criterion/criterion.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "vtysh.h"

struct peer {
	struct vtysh_client c;
	int other;
};

static void pair(struct peer *p)
{
	int sv[2];

	cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	memset(&p->c, 0, sizeof(p->c));
	p->c.name = "zebra";
	p->c.fd = sv[0];
	p->other = sv[1];
}

/* The daemon's answer, written in two pieces split at `cut`. */
static int answer(const char *bytes, size_t n, size_t cut, struct vbuf *out)
{
	struct peer p;
	char req[64];
	int st;

	pair(&p);
	cr_assert_eq(write(p.other, bytes, cut), (ssize_t)cut);
	if (n > cut)
		cr_assert_eq(write(p.other, bytes + cut, n - cut), (ssize_t)(n - cut));
	st = vtysh_client_capture(&p.c, "show x", out);
	/* the request arrived NUL-terminated */
	cr_assert_eq(read(p.other, req, sizeof(req)), 7);
	cr_assert_eq(memcmp(req, "show x\0", 7), 0);
	close(p.other);
	vtysh_client_close(&p.c);
	return st;
}

Test(vtysh_client, framing_split_anywhere)
{
	static const char msg[] = "line one\nline two\n\0\0\0\1";
	size_t n = sizeof(msg) - 1;

	for (size_t cut = 0; cut <= n; cut++) {
		struct vbuf out = { 0 };

		cr_assert_eq(answer(msg, n, cut, &out), 1, "cut at %zu", cut);
		cr_assert_str_eq(out.p, "line one\nline two\n", "cut at %zu", cut);
		vbuf_free(&out);
	}
}

Test(vtysh_client, empty_output_status_zero)
{
	struct vbuf out = { 0 };

	cr_assert_eq(answer("\0\0\0\0", 4, 2, &out), 0);
	cr_assert_str_eq(out.p, "");
	vbuf_free(&out);
}

Test(vtysh_client, daemon_gone_or_garbage)
{
	static const struct {
		const char *bytes;
		size_t n;
	} bad[] = {
		{ "partial output", 14 },	/* then EOF */
		{ "x\0\0", 3 },		/* trailer cut short */
		{ "x\0y\0\0\0", 6 },	/* NUL inside the text */
		{ "", 0 },
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct peer p;
		struct vbuf out = { 0 };

		pair(&p);
		if (bad[i].n)
			cr_assert_eq(write(p.other, bad[i].bytes, bad[i].n), (ssize_t)bad[i].n);
		shutdown(p.other, SHUT_WR);
		cr_assert_eq(vtysh_client_capture(&p.c, "show x", &out), -1, "case %zu", i);
		cr_assert_eq(p.c.fd, -1);
		close(p.other);
		vbuf_free(&out);
	}
}

Test(vtysh_client, down_client_is_not_used)
{
	struct vtysh_client c = { .name = "ripd", .fd = -1 };

	cr_assert_eq(vtysh_client_run(&c, "show ip rip", NULL, NULL), -1);
}
