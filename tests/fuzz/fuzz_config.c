/*
 * libFuzzer target for reading a config file: vty_read_config() on
 * arbitrary file contents, with ripd's full command set (router rip,
 * interface, key chain, access-list, prefix-list through the YANG tree,
 * route-map, debug, line vty, log ...) on a socket-less ripd instance.
 *
 * Each input is a fresh instance: the file is loaded as one transaction,
 * the result is rendered as `show running-config` renders it, and that
 * rendering is loaded into another fresh instance; with
 * FUZZ_CONFIG_ROUNDTRIP=1 in the environment the second rendering must
 * equal the first (what Tarpan writes, it reads back to the same config)
 * and must load without a bad line.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "command.h"
#include "event.h"
#include "filter.h"
#include "keychain.h"
#include "northbound.h"
#include "plist.h"
#include "routemap.h"
#include "vty.h"
#include "ripd/ripd.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static struct event_loop *loop;
static bool roundtrip;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet_logs();
	loop = event_loop_new("fuzz");
	cmd_init();
	access_list_init();
	prefix_list_init();
	keychain_init();
	rip_debug_init();
	rip_vty_init();
	rip_if_vty_init();
	rip_show_init();
	rip_routemap_init();
	rip_if_rmap_init();
	rip_zebra_vty_init();
	fuzz_defuse_commands();
	/* `write` is defused anyway; never a real file */
	vty_set_config_file("/nonexistent/tarpan-fuzz/ripd.conf");
	roundtrip = getenv("FUZZ_CONFIG_ROUNDTRIP") &&
		    !strcmp(getenv("FUZZ_CONFIG_ROUNDTRIP"), "1");
	/* every bad line goes to stderr: run with -close_fd_mask=2 to keep
	 * the fuzzer's own log readable */
	return 0;
}

static struct rip *instance_new(void)
{
	struct rip *rip = rip_create(loop);

	rip_set_instance(rip);
	rip->dryrun = true;
	rip->zebra_disabled = true;
	return rip;
}

static void instance_free(struct rip *rip)
{
	rip_destroy(rip);
	route_map_reset();
	prefix_list_reset();
	access_list_reset();
	keychain_reset();
	nb_reset();
}

/* Load bytes as a config file; returns the bad-line count. */
static int load(const void *p, size_t n)
{
	char path[64];
	int fd = memfd_create("fuzz.conf", MFD_CLOEXEC), bad;

	if (fd < 0)
		abort();
	if (n && write(fd, p, n) != (ssize_t)n)
		abort();
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	bad = vty_read_config(path);
	close(fd);
	return bad;
}

/* The body of `show running-config`, malloc'd. */
static char *render(void)
{
	struct vty *v = vty_new_buffer(CONFIG_NODE);
	char *text;

	vty_write_config_blocks(v);
	text = strdup(vty_buffer_text(v));
	vty_free_buffer(v);
	return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rip *rip = instance_new();
	char *first, *second;
	int bad;

	if (load(data, size) < 0)
		abort();	/* the file exists: it must be read */
	first = render();
	instance_free(rip);

	rip = instance_new();
	bad = load(first, strlen(first));
	second = render();
	instance_free(rip);
	if (roundtrip && (bad || strcmp(first, second))) {
		fprintf(stderr, "round trip differs (%d bad lines)\n--- first\n%s"
			"--- second\n%s", bad, first, second);
		abort();
	}
	free(first);
	free(second);
	return 0;
}
