/*
 * The command-node library: Quagga's nodes, DEFUN-style definitions and the
 * command-string grammar (facts.md §c).
 *
 * A command is a struct cmd_element built by DEFUN/ALIAS; install_element()
 * adds it to a node. The handler gets only the non-literal tokens in argv,
 * in order, exactly as Quagga passes them: variables, ranges, addresses,
 * the chosen word of an (a|b) group, NULL for an absent [OPTIONAL] or an
 * absent {keyword}, and each word of a .LINE vararg.
 *
 * Handlers parse arguments and call typed setters; they print with
 * vty_out() and return CMD_SUCCESS or CMD_WARNING (after printing a "% ..."
 * message).
 */
#ifndef TARPAN_COMMAND_H
#define TARPAN_COMMAND_H

#include <stdbool.h>
#include <stdint.h>

struct vty;

/* Quagga 1.2.4's node order: config blocks are written in this order. */
enum node_type {
	AUTH_NODE,
	RESTRICTED_NODE,
	VIEW_NODE,
	AUTH_ENABLE_NODE,
	ENABLE_NODE,
	CONFIG_NODE,
	VRF_NODE,
	SERVICE_NODE,
	DEBUG_NODE,
	AAA_NODE,
	KEYCHAIN_NODE,
	KEYCHAIN_KEY_NODE,
	INTERFACE_NODE,
	ZEBRA_NODE,
	TABLE_NODE,
	RIP_NODE,
	RIPNG_NODE,
	BABEL_NODE,
	BGP_NODE,
	BGP_VPNV4_NODE,
	BGP_VPNV6_NODE,
	BGP_IPV4_NODE,
	BGP_IPV4M_NODE,
	BGP_IPV6_NODE,
	BGP_IPV6M_NODE,
	BGP_ENCAP_NODE,
	BGP_ENCAPV6_NODE,
	OSPF_NODE,
	OSPF6_NODE,
	ISIS_NODE,
	PIM_NODE,
	MASC_NODE,
	IRDP_NODE,
	IP_NODE,
	ACCESS_NODE,
	PREFIX_NODE,
	ACCESS_IPV6_NODE,
	PREFIX_IPV6_NODE,
	AS_LIST_NODE,
	COMMUNITY_LIST_NODE,
	RMAP_NODE,
	SMUX_NODE,
	DUMP_NODE,
	FORWARDING_NODE,
	PROTOCOL_NODE,
	VTY_NODE,
	LINK_PARAMS_NODE,
	ZEBRA_IF_DEFAULTS_NODE,
	/* Tarpan additions go after Quagga's nodes. */
	VRRP_NODE,
	NODE_TYPE_MAX,
};

/* Return codes, Quagga's values. */
enum {
	CMD_SUCCESS = 0,
	CMD_WARNING = 1,
	CMD_ERR_NO_MATCH = 2,
	CMD_ERR_AMBIGUOUS = 3,
	CMD_ERR_INCOMPLETE = 4,
	CMD_ERR_EXEED_ARGC_MAX = 5,
	CMD_ERR_NOTHING_TODO = 6,
	CMD_COMPLETE_FULL_MATCH = 7,
	CMD_COMPLETE_MATCH = 8,
	CMD_COMPLETE_LIST_MATCH = 9,
	CMD_SUCCESS_DAEMON = 10,
};

#define CMD_ARGC_MAX 25

struct cmd_node {
	enum node_type node;
	const char *prompt;	/* printf format with one %s: the hostname */
	/* Writes this node's config block; returns lines written (0 = no "!"). */
	int (*config_write)(struct vty *vty);
};

struct cmd_element;
typedef int (*cmd_handler)(const struct cmd_element *self, struct vty *vty,
			   int argc, const char *argv[]);

#define CMD_ATTR_HIDDEN 0x1
#define CMD_ATTR_DEPRECATED 0x2

struct cmd_element {
	const char *string;	/* Quagga command string */
	cmd_handler func;
	const char *doc;	/* one "\n"-terminated help line per token */
	uint32_t attr;
	void *compiled;		/* matcher-private, built at install time */
};

#define DEFUN_ATTR(funcname, cmdname, cmdstr, helpstr, attrs)                  \
	static int funcname(const struct cmd_element *, struct vty *, int,     \
			    const char *[]);                                   \
	struct cmd_element cmdname = { .string = (cmdstr),                     \
				       .func = funcname,                       \
				       .doc = (helpstr),                       \
				       .attr = (attrs) };                      \
	static int funcname(const struct cmd_element *self                     \
			    __attribute__((unused)),                           \
			    struct vty *vty __attribute__((unused)),           \
			    int argc __attribute__((unused)),                  \
			    const char *argv[] __attribute__((unused)))

#define DEFUN(funcname, cmdname, cmdstr, helpstr)                              \
	DEFUN_ATTR(funcname, cmdname, cmdstr, helpstr, 0)
#define DEFUN_HIDDEN(funcname, cmdname, cmdstr, helpstr)                       \
	DEFUN_ATTR(funcname, cmdname, cmdstr, helpstr, CMD_ATTR_HIDDEN)
#define DEFUN_DEPRECATED(funcname, cmdname, cmdstr, helpstr)                   \
	DEFUN_ATTR(funcname, cmdname, cmdstr, helpstr, CMD_ATTR_DEPRECATED)

/* Another command string for an existing handler. */
#define ALIAS_ATTR(funcname, cmdname, cmdstr, helpstr, attrs)                  \
	struct cmd_element cmdname = { .string = (cmdstr),                     \
				       .func = funcname,                       \
				       .doc = (helpstr),                       \
				       .attr = (attrs) }
#define ALIAS(funcname, cmdname, cmdstr, helpstr)                              \
	ALIAS_ATTR(funcname, cmdname, cmdstr, helpstr, 0)
#define ALIAS_HIDDEN(funcname, cmdname, cmdstr, helpstr)                       \
	ALIAS_ATTR(funcname, cmdname, cmdstr, helpstr, CMD_ATTR_HIDDEN)
#define ALIAS_DEPRECATED(funcname, cmdname, cmdstr, helpstr)                   \
	ALIAS_ATTR(funcname, cmdname, cmdstr, helpstr, CMD_ATTR_DEPRECATED)

/* Set up the command system and install the commands every daemon has. */
void cmd_init(void);
void cmd_terminate(void);
void install_node(struct cmd_node *node);
/* On VIEW_NODE it also installs on ENABLE_NODE, as Quagga. */
void install_element(enum node_type node, struct cmd_element *cmd);
/* exit, quit, end, help, list, write ..., show running-config. */
void install_default(enum node_type node);

/*
 * Execute one line in vty->node. Interactive lines use relaxed matching
 * (unique prefixes); config-file lines use strict matching. On no match in
 * a sub-node it walks up to the parent nodes as Quagga does.
 */
int cmd_execute(struct vty *vty, const char *line, bool strict);
/* Parent node for `exit` and for the fallback walk. */
enum node_type node_parent(enum node_type node);
const char *node_prompt(enum node_type node);
/* Daemon-wide settings used by the shared commands. */
const char *cmd_hostname_get(void);
void cmd_hostname_set(const char *name);

/* Standard help strings (Quagga's text, shown by `?`). */
#define SHOW_STR "Show running system information\n"
#define IP_STR "IP information\n"
#define IPV6_STR "IPv6 information\n"
#define NO_STR "Negate a command or set its defaults\n"
#define REDIST_STR "Redistribute information from another routing protocol\n"
#define CLEAR_STR "Reset functions\n"
#define RIP_STR "RIP information\n"
#define BGP_STR "BGP information\n"
#define OSPF_STR "OSPF information\n"
#define NEIGHBOR_STR "Specify neighbor router\n"
#define DEBUG_STR "Debugging functions (see also 'undebug')\n"
#define UNDEBUG_STR "Disable debugging functions (see also 'debug')\n"
#define ROUTER_STR "Enable a routing process\n"
#define AS_STR "AS number\n"
#define MATCH_STR "Match values from routing table\n"
#define SET_STR "Set values in destination routing protocol\n"
#define OUT_STR "Filter outgoing routing updates\n"
#define IN_STR "Filter incoming routing updates\n"
#define V4NOTATION_STR "specify by IPv4 address notation(e.g. 0.0.0.0)\n"
#define OSPF6_NUMBER_STR "Specify by number\n"
#define INTERFACE_STR "Interface infomation\n"
#define IFNAME_STR "Interface name(e.g. ep0)\n"
#define IP6_STR "IPv6 Information\n"
#define SECONDS_STR "<1-65535> Seconds\n"
#define ROUTE_STR "Routing Table\n"
#define PREFIX_LIST_STR "Build a prefix list\n"
#define CONF_BACKUP_EXT ".sav"

/*
 * Additions by the CLI implementation (the declarations above are the
 * contract daemons code against and do not change).
 *
 * argv details, as Quagga 1.2.4's matcher (testcli.refout): an [OPTION]
 * takes any word whatever is written inside ("[key]" takes "foo" too) and
 * passes it as typed; it may be left out only at the end of the line, and
 * then it is not counted in argc. A (x|) group still wants a word that
 * matches x ("password (8|) WORD" needs the 8; "password LINE" takes the
 * rest). argv[argc..CMD_ARGC_MAX] are always NULL, so testing argv[i]
 * works either way. A matched literal alternative (a|b) or {keyword} is
 * passed as its full text even when the user abbreviated it. When several
 * complete commands match and all share one handler (a DEFUN and its
 * ALIASes), the first installed wins instead of "ambiguous".
 */
struct cmd_node *cmd_node_get(enum node_type node);
bool cmd_hostname_is_set(void);

/* `?` help for a (partial) line in a node: the possible next tokens. */
struct cmd_help_entry {
	const char *text;	/* token as written ("WORD", "<1-10>"), or "<cr>" */
	const char *help;
	bool literal;
};
struct cmd_help_list {
	int n;
	struct cmd_help_entry *items;	/* strcmp order of the token text,
					 * "<cr>" last; hidden commands too */
};
/* CMD_SUCCESS with the list, or CMD_ERR_NO_MATCH / CMD_ERR_AMBIGUOUS. */
int cmd_help(struct vty *vty, enum node_type node, const char *line,
	     struct cmd_help_list *out);
void cmd_help_free(struct cmd_help_list *l);
/* Print `?` output for `line` in vty->node, Quagga's layout. */
void cmd_describe(struct vty *vty, const char *line);
/*
 * TAB completion of the last word of `line` in `node` (keywords only).
 * Returns CMD_COMPLETE_FULL_MATCH (one keyword: *word, then a blank),
 * CMD_COMPLETE_MATCH (*word = longest common prefix, longer than typed),
 * CMD_COMPLETE_LIST_MATCH (*word NULL, list->items the keywords),
 * CMD_ERR_NO_MATCH, CMD_ERR_AMBIGUOUS. *word is malloc'd (free()).
 */
int cmd_complete(enum node_type node, const char *line, char **word,
		 struct cmd_help_list *list);
/* Print a completion list as Quagga: 6 per line, "%-10s ". */
void cmd_print_complete_list(struct vty *vty, const struct cmd_help_list *l);
/* `list`: every visible command of the node, install order. */
void cmd_list(struct vty *vty, enum node_type node);
/* Print the error message of a cmd_execute() status, as Quagga's vty. */
void cmd_print_error(struct vty *vty, int status, const char *line);
void cmd_walk_nodes(void (*fn)(enum node_type node, struct cmd_node *cn,
			       void *arg), void *arg);
void cmd_walk_commands(enum node_type node,
		       void (*fn)(const struct cmd_element *cmd, void *arg),
		       void *arg);

#endif
