/*
 * The vty: the vtysh socket framing, config files (strict reading with
 * every bad line reported, the .sav fallback, `write memory` layout and
 * backup), and output bounds.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "command.h"
#include "event.h"
#include "vty.h"

static struct event_loop *loop;
static char dir[64];

static void setup(void)
{
	strcpy(dir, "/tmp/test_vty.XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	loop = event_loop_new("test");
	cmd_init();
	vty_init(loop, "testvty");
}

static void teardown(void)
{
	char cmd[128];

	vty_terminate();
	cmd_terminate();
	event_loop_free(loop);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(vty, .init = setup, .fini = teardown);

static int shell_connect(const char *path)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", path);
	cr_assert(connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0);
	fcntl(fd, F_SETFL, O_NONBLOCK);
	return fd;
}

/* Send a request, pump the loop, return output; *status = trailer. */
static char *shell_cmd(int fd, const char *line, int *status)
{
	static char buf[1 << 20];
	size_t len = 0;

	ssize_t want = (ssize_t)strlen(line) + 1;

	cr_assert(line && write(fd, line, (size_t)want) == want);
	for (int i = 0; i < 2000; i++) {
		ssize_t n;

		event_loop_run_once(loop, 10);
		n = read(fd, buf + len, sizeof(buf) - len - 1);
		if (n > 0)
			len += (size_t)n;
		if (len >= 4 && buf[len - 4] == 0 && buf[len - 3] == 0 &&
		    buf[len - 2] == 0) {
			*status = (unsigned char)buf[len - 1];
			buf[len - 4] = '\0';
			return buf;
		}
	}
	cr_assert_fail("no answer to %s", line);
	return NULL;
}

Test(vty, shell_framing)
{
	char path[128];
	int fd, st;
	char *out;
	struct stat sb;

	snprintf(path, sizeof(path), "%s/t.vty", dir);
	cr_assert_eq(vty_serve(NULL, 0, path), 0);
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0770);
	fd = shell_connect(path);
	out = shell_cmd(fd, "show version", &st);
	cr_assert_eq(st, CMD_SUCCESS);
	cr_assert(strstr(out, "Tarpan"), "%s", out);
	cr_assert_null(strchr(out, '\r'));
	out = shell_cmd(fd, "bogus", &st);
	cr_assert_eq(st, CMD_ERR_NO_MATCH);
	cr_assert(strstr(out, "Unknown command: bogus\n"), "%s", out);
	/* enable never asks for a password on the socket */
	out = shell_cmd(fd, "enable", &st);
	cr_assert_eq(st, CMD_SUCCESS);
	out = shell_cmd(fd, "configure terminal", &st);
	cr_assert_eq(st, CMD_SUCCESS);
	out = shell_cmd(fd, "hostname viash", &st);
	cr_assert_eq(st, CMD_SUCCESS);
	out = shell_cmd(fd, "do show running-config", &st);
	cr_assert(strstr(out, "hostname viash\n"), "%s", out);
	out = shell_cmd(fd, "ip", &st);
	cr_assert_eq(st, CMD_ERR_NO_MATCH);
	close(fd);
}

Test(vty, shell_long_line)
{
	char path[128], *big;
	int fd, st;
	char *out;

	snprintf(path, sizeof(path), "%s/t.vty", dir);
	cr_assert_eq(vty_serve(NULL, 0, path), 0);
	fd = shell_connect(path);
	big = malloc(10000);
	memset(big, 'a', 9999);
	big[9999] = '\0';
	out = shell_cmd(fd, big, &st);
	cr_assert_eq(st, CMD_WARNING);
	cr_assert(strstr(out, "% Line too long"), "%s", out);
	out = shell_cmd(fd, "show version", &st);
	cr_assert_eq(st, CMD_SUCCESS);
	free(big);
	close(fd);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

static char *read_file(const char *path)
{
	static char buf[65536];
	FILE *f = fopen(path, "r");
	size_t n;

	cr_assert_not_null(f, "%s", path);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

Test(vty, read_config_reports_and_continues)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/t.conf", dir);
	write_file(path, "hostname r9\n"
			 "hostnam abbreviated\n"
			 "!\n"
			 "no-such-command\n"
			 "line vty\n"
			 " exec-timeout 1 30\n"
			 "password zebra\n");
	cr_assert_eq(vty_read_config(path), 2);
	cr_assert_str_eq(cmd_hostname_get(), "r9");
	cr_assert_str_eq(vty_get_config_file(), path);
}

Test(vty, read_config_backup)
{
	char path[128], sav[140];

	snprintf(path, sizeof(path), "%s/b.conf", dir);
	snprintf(sav, sizeof(sav), "%s.sav", path);
	cr_assert_eq(vty_read_config(path), -1);
	write_file(sav, "hostname fromsav\n");
	cr_assert_eq(vty_read_config(path), 0);
	cr_assert_str_eq(cmd_hostname_get(), "fromsav");
}

Test(vty, write_memory)
{
	char path[128], sav[140];
	struct vty *v = vty_new_buffer(ENABLE_NODE);
	struct stat sb;
	char *text;

	snprintf(path, sizeof(path), "%s/w.conf", dir);
	snprintf(sav, sizeof(sav), "%s.sav", path);
	write_file(path, "hostname old\n");
	cr_assert_eq(vty_read_config(path), 0);
	v->node = CONFIG_NODE;
	cr_assert_eq(cmd_execute(v, "hostname new", false), CMD_SUCCESS);
	v->node = ENABLE_NODE;
	vty_buffer_clear(v);
	cr_assert_eq(cmd_execute(v, "write memory", false), CMD_SUCCESS);
	cr_assert(strstr(vty_buffer_text(v), "Configuration saved to "), "%s",
		  vty_buffer_text(v));
	text = read_file(path);
	cr_assert_eq(strncmp(text, "!\n! Zebra configuration saved from vty\n!   ", 43), 0,
		     "%s", text);
	/* "!   YYYY/MM/DD HH:MM:SS\n!\n" then the blocks, no "end" */
	cr_assert_eq(text[43 + 4] , '/');
	cr_assert(strstr(text, "\n!\nhostname new\n!\nline vty\n!\n"), "%s", text);
	cr_assert_null(strstr(text, "end\n"));
	cr_assert_null(strstr(text, "Current configuration"));
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600);
	cr_assert_str_eq(read_file(sav), "hostname old\n");
	/* the saved file reads back cleanly */
	cr_assert_eq(vty_read_config(path), 0);
	vty_free_buffer(v);
}

Test(vty, show_startup_config)
{
	char path[128];
	struct vty *v = vty_new_buffer(ENABLE_NODE);

	snprintf(path, sizeof(path), "%s/s.conf", dir);
	write_file(path, "hostname s1\n!\n");
	cr_assert_eq(vty_read_config(path), 0);
	cr_assert_eq(cmd_execute(v, "show startup-config", false), CMD_SUCCESS);
	cr_assert_str_eq(vty_buffer_text(v), "hostname s1\n!\n");
	vty_free_buffer(v);
}
