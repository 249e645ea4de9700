/*
 * The merged configuration: `show running-config` / `write terminal`,
 * `write memory` (per daemon, or the integrated Quagga.conf) and `vtysh -b`.
 *
 * Each daemon answers `write terminal` on the vtysh socket with its config
 * blocks only. The shell sorts their lines into blocks the way Quagga's
 * vtysh does (facts.md, runs.md §6): a top-level line that opens a block
 * (interface, router ..., key chain, route-map, line vty, ip route,
 * access-list, ...) selects the block of that node with that exact first
 * line, creating it the first time, so zebra's and ripd's `interface eth0`
 * become one block; indented lines go to the current block (deduplicated
 * in interface, route-map and line blocks; ` address-family` opens a BGP
 * address-family block); other top-level lines (hostname, log ...) go to
 * the top list, hostname and log lines once each. The dump prints the top
 * list and "!", then the blocks in node order, "!" after each block, or
 * once per node for the list-like nodes (routes, access and prefix lists,
 * passwords, services, debug, forwarding).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "command.h"
#include "vtysh.h"

DEFINE_MTYPE_STATIC(VTYSH_CONF, "vtysh merged config");

struct lines {
	char **v;
	int n, cap;
};

struct block {
	char *name;
	struct lines lines;
	struct block *next;
};

struct vtysh_conf {
	struct lines top;
	struct block *nodes[NODE_TYPE_MAX];	/* each list in first-seen order */
	struct block *cur;
};

static void lines_add(struct lines *l, const char *s, bool uniq)
{
	if (uniq)
		for (int i = 0; i < l->n; i++)
			if (!strcmp(l->v[i], s))
				return;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = XREALLOC(VTYSH_CONF, l->v, sizeof(*l->v) * (size_t)l->cap);
	}
	l->v[l->n++] = XSTRDUP(VTYSH_CONF, s);
}

static void lines_free(struct lines *l)
{
	for (int i = 0; i < l->n; i++)
		XFREE(VTYSH_CONF, l->v[i]);
	XFREE(VTYSH_CONF, l->v);
	l->n = l->cap = 0;
}

struct vtysh_conf *vtysh_conf_new(void)
{
	return XCALLOC(VTYSH_CONF, sizeof(struct vtysh_conf));
}

void vtysh_conf_free(struct vtysh_conf *cf)
{
	if (!cf)
		return;
	lines_free(&cf->top);
	for (int i = 0; i < NODE_TYPE_MAX; i++) {
		struct block *b = cf->nodes[i], *next;

		for (; b; b = next) {
			next = b->next;
			lines_free(&b->lines);
			XFREE(VTYSH_CONF, b->name);
			XFREE(VTYSH_CONF, b);
		}
	}
	XFREE(VTYSH_CONF, cf);
}

static struct block *block_get(struct vtysh_conf *cf, int node, const char *name)
{
	struct block **pp = &cf->nodes[node];

	for (; *pp; pp = &(*pp)->next)
		if (!strcmp((*pp)->name, name))
			return *pp;
	*pp = XCALLOC(VTYSH_CONF, sizeof(**pp));
	(*pp)->name = XSTRDUP(VTYSH_CONF, name);
	return *pp;
}

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* First lines that open a block, most specific first. */
static const struct {
	const char *prefix;
	int node;
} openers[] = {
	{ "interface", INTERFACE_NODE },
	{ "router-id", ZEBRA_NODE },
	{ "router ripng", RIPNG_NODE },
	{ "router rip", RIP_NODE },
	{ "router ospf6", OSPF6_NODE },
	{ "router ospf", OSPF_NODE },
	{ "router bgp", BGP_NODE },
	{ "router isis", ISIS_NODE },
	{ "router vrrp", VRRP_NODE },
	{ "route-map", RMAP_NODE },
	{ "access-list", ACCESS_NODE },
	{ "ipv6 access-list", ACCESS_IPV6_NODE },
	{ "ip prefix-list", PREFIX_NODE },
	{ "ipv6 prefix-list", PREFIX_IPV6_NODE },
	{ "ip as-path access-list", AS_LIST_NODE },
	{ "ip community-list", COMMUNITY_LIST_NODE },
	{ "ip route", IP_NODE },
	{ "ipv6 route", IP_NODE },
	{ "key", KEYCHAIN_NODE },
	{ "line", VTY_NODE },
	{ "ip forwarding", FORWARDING_NODE },
	{ "ipv6 forwarding", FORWARDING_NODE },
	{ "service", SERVICE_NODE },
	{ "debug", DEBUG_NODE },
	{ "password", AAA_NODE },
	{ "enable password", AAA_NODE },
	{ "ip protocol", PROTOCOL_NODE },
};

static const struct {
	const char *prefix;
	int node;
} af_openers[] = {
	{ " address-family vpnv4", BGP_VPNV4_NODE },
	{ " address-family vpnv6", BGP_VPNV6_NODE },
	{ " address-family encapv6", BGP_ENCAPV6_NODE },
	{ " address-family encap", BGP_ENCAP_NODE },
	{ " address-family ipv4 multicast", BGP_IPV4M_NODE },
	{ " address-family ipv6 multicast", BGP_IPV6M_NODE },
	{ " address-family ipv6", BGP_IPV6_NODE },
	{ " address-family ipv4", BGP_IPV4_NODE },
};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static bool no_delimiter(int node)
{
	return node == ACCESS_NODE || node == PREFIX_NODE || node == IP_NODE ||
	       node == AS_LIST_NODE || node == COMMUNITY_LIST_NODE ||
	       node == ACCESS_IPV6_NODE || node == PREFIX_IPV6_NODE ||
	       node == SERVICE_NODE || node == FORWARDING_NODE ||
	       node == DEBUG_NODE || node == AAA_NODE;
}

static void parse_indented(struct vtysh_conf *cf, const char *line)
{
	int node;

	if (!cf->cur) {
		lines_add(&cf->top, line, false);
		return;
	}
	for (size_t i = 0; i < N_OF(af_openers); i++)
		if (starts(line, af_openers[i].prefix)) {
			cf->cur = block_get(cf, af_openers[i].node, line);
			return;
		}
	node = -1;
	for (int n = 0; n < NODE_TYPE_MAX && node < 0; n++)
		for (struct block *b = cf->nodes[n]; b; b = b->next)
			if (b == cf->cur) {
				node = n;
				break;
			}
	lines_add(&cf->cur->lines, line,
		  node == RMAP_NODE || node == INTERFACE_NODE || node == VTY_NODE);
}

void vtysh_conf_parse_line(struct vtysh_conf *cf, const char *line)
{
	if (!line[0] || line[0] == '!' || line[0] == '#')
		return;
	if (line[0] == ' ') {
		parse_indented(cf, line);
		return;
	}
	for (size_t i = 0; i < N_OF(openers); i++)
		if (starts(line, openers[i].prefix)) {
			cf->cur = block_get(cf, openers[i].node, line);
			return;
		}
	lines_add(&cf->top, line,
		  starts(line, "log") || starts(line, "hostname") || starts(line, "agentx") ||
			  starts(line, "banner") || starts(line, "no banner"));
	cf->cur = NULL;
}

void vtysh_conf_parse(struct vtysh_conf *cf, const char *text)
{
	char *copy = XSTRDUP(VTYSH_CONF, text), *save = NULL;

	for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		size_t n = strlen(l);

		if (n && l[n - 1] == '\r')
			l[n - 1] = '\0';
		vtysh_conf_parse_line(cf, l);
	}
	XFREE(VTYSH_CONF, copy);
}

void vtysh_conf_dump(struct vtysh_conf *cf, struct vbuf *out)
{
	for (int i = 0; i < cf->top.n; i++) {
		vbuf_addstr(out, cf->top.v[i]);
		vbuf_addstr(out, "\n");
	}
	vbuf_addstr(out, "!\n");
	for (int n = 0; n < NODE_TYPE_MAX; n++) {
		for (struct block *b = cf->nodes[n]; b; b = b->next) {
			vbuf_addstr(out, b->name);
			vbuf_addstr(out, "\n");
			for (int i = 0; i < b->lines.n; i++) {
				vbuf_addstr(out, b->lines.v[i]);
				vbuf_addstr(out, "\n");
			}
			if (!no_delimiter(n))
				vbuf_addstr(out, "!\n");
		}
		if (cf->nodes[n] && no_delimiter(n))
			vbuf_addstr(out, "!\n");
	}
}

int vtysh_config_collect(struct vtysh *vs, struct vtysh_client *only,
			 struct vbuf *out)
{
	struct vtysh_conf *cf = vtysh_conf_new();
	struct vbuf text = { 0 };
	int ret = CMD_SUCCESS;

	for (int i = 0; i < VTYSH_NDAEMONS; i++) {
		struct vtysh_client *c = &vs->client[i];

		if (c->fd < 0 || (only && c != only))
			continue;
		vbuf_reset(&text);
		vbuf_add(&text, "", 0);
		if (vtysh_client_run_exec(c, "write terminal", vtysh_sink_vbuf,
					  &text) != CMD_SUCCESS) {
			ret = CMD_WARNING;
			continue;
		}
		vtysh_conf_parse(cf, text.p);
	}
	if (!only) {
		/* the shell's own settings */
		if (vs->hostname) {
			char line[256];

			snprintf(line, sizeof(line), "hostname %s", vs->hostname);
			vtysh_conf_parse_line(cf, line);
		}
		if (vs->integrated)
			vtysh_conf_parse_line(cf, "service integrated-vtysh-config");
	}
	vtysh_conf_dump(cf, out);
	vtysh_conf_free(cf);
	vbuf_free(&text);
	return ret;
}

int vtysh_show_running(struct vtysh *vs, struct vtysh_client *only)
{
	struct vbuf out = { 0 };
	int ret = vtysh_config_collect(vs, only, &out);

	fprintf(vs->out, "Building configuration...\n\nCurrent configuration:\n!\n");
	fputs(out.p, vs->out);
	fprintf(vs->out, "end\n");
	vbuf_free(&out);
	return ret;
}

/* Write text to path: temp file 0600, synced, old file kept as .sav. */
static int write_integrated(const char *path, const struct vbuf *text)
{
	char tmp[4096], sav[4096];
	int fd;
	size_t off = 0;

	if (snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path) >= (int)sizeof(tmp) ||
	    snprintf(sav, sizeof(sav), "%s.sav", path) >= (int)sizeof(sav))
		return -1;
	fd = mkstemp(tmp);
	if (fd < 0)
		return -1;
	if (fchmod(fd, 0600) < 0)
		goto fail;
	while (off < text->len) {
		ssize_t w = write(fd, text->p + off, text->len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		off += (size_t)w;
	}
	if (fsync(fd) < 0)
		goto fail;
	close(fd);
	if (access(path, F_OK) == 0 && rename(path, sav) < 0) {
		unlink(tmp);
		return -1;
	}
	if (rename(tmp, path) < 0) {
		unlink(tmp);
		return -1;
	}
	return 0;
fail:
	close(fd);
	unlink(tmp);
	return -1;
}

int vtysh_write_memory(struct vtysh *vs)
{
	int ret = CMD_SUCCESS;

	fprintf(vs->out, "Building Configuration...\n");
	fflush(vs->out);
	if (vs->integrated) {
		struct vbuf text = { 0 };
		char path[4096];

		snprintf(path, sizeof(path), "%s/Quagga.conf", vs->conf_dir);
		ret = vtysh_config_collect(vs, NULL, &text);
		if (write_integrated(path, &text) < 0) {
			fprintf(vs->out, "%% Can't open configuration file %s: %s\n",
				path, strerror(errno));
			vbuf_free(&text);
			return CMD_WARNING;
		}
		vbuf_free(&text);
		fprintf(vs->out, "Integrated configuration saved to %s\n", path);
	} else {
		for (int i = 0; i < VTYSH_NDAEMONS; i++) {
			struct vtysh_client *c = &vs->client[i];
			int r;

			if (c->fd < 0)
				continue;
			r = vtysh_client_run_exec(c, "write memory", vtysh_sink_file,
						  vs->out);
			if (r != CMD_SUCCESS) {
				if (r < 0)
					fprintf(vs->out, "%% %s is not running\n", c->name);
				ret = CMD_WARNING;
			}
		}
	}
	if (ret == CMD_SUCCESS)
		fprintf(vs->out, "[OK]\n");
	return ret;
}

/* One line of Quagga.conf; errors go to stderr as the daemons report
 * their own files: "FILE:LINE: message" and the line. */
static int boot_line(struct vtysh *vs, const char *path, unsigned lineno,
		     const char *line, bool dryrun)
{
	char *text = NULL;
	size_t len = 0;
	FILE *saved = vs->out, *mem;
	int r;

	if (dryrun)
		return CMD_SUCCESS;
	mem = open_memstream(&text, &len);
	if (!mem)
		return CMD_WARNING;
	vs->out = mem;
	r = vtysh_execute(vs, line, true);
	vs->out = saved;
	fclose(mem);
	if (r != CMD_SUCCESS && r != CMD_ERR_NOTHING_TODO) {
		const char *msg = len ? text : "% Unknown command.";

		fprintf(stderr, "%s:%u: %.*s\n%s\n", path, lineno,
			(int)strcspn(msg, "\n"), msg, line);
	} else if (len) {
		fputs(text, vs->out);
	}
	free(text);
	return r;
}

int vtysh_boot(struct vtysh *vs, const char *path, bool dryrun)
{
	char def[4096], *line = NULL;
	size_t cap = 0;
	ssize_t n;
	unsigned lineno = 0;
	int bad = 0;
	FILE *f;

	if (!path) {
		snprintf(def, sizeof(def), "%s/Quagga.conf", vs->conf_dir);
		path = def;
	}
	f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "Can't open configuration file [%s]\n", path);
		return -1;
	}
	if (!dryrun && vtysh_execute(vs, "configure terminal", false) != CMD_SUCCESS)
		bad++;
	while ((n = getline(&line, &cap, f)) >= 0) {
		const char *p = line;

		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (!strcmp(p, "end"))
			continue;	/* a whole-file marker, not a move */
		if (boot_line(vs, path, lineno, line, dryrun) != CMD_SUCCESS)
			bad++;
	}
	free(line);
	fclose(f);
	if (!dryrun)
		vtysh_execute(vs, "end", false);
	return bad;
}
