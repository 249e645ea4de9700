/*
 * Internals of the command-node library, shared by command.c (nodes and
 * execution), command_parse.c (compiling command strings) and
 * command_match.c (matching, help, completion). Not for daemons.
 *
 * A command string is compiled once, at install time, into one or more
 * linear *paths*: an [OPTIONAL] token yields a path with and one without
 * it, a (x|) group likewise, and a {keyword set} one path per ordered
 * subset of its keywords. Each path is a sequence of *slots*; a slot holds
 * the alternative tokens that may appear at that word position and the
 * argv index the matched word goes to (-1 for a plain literal). Matching
 * is then Quagga's word-by-word filter over paths, and the argv layout of
 * each path is fixed at compile time.
 */
#ifndef TARPAN_COMMAND_PRIVATE_H
#define TARPAN_COMMAND_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include "command.h"

enum tok_type {
	TOK_LITERAL,
	TOK_VARIABLE,
	TOK_RANGE,
	TOK_IPV4,
	TOK_IPV4_PREFIX,
	TOK_IPV6,
	TOK_IPV6_PREFIX,
	TOK_VARARG,
};

struct cmd_tok {
	enum tok_type type;
	char *text;		/* as written: "show", "WORD", "<1-10>" */
	char *help;		/* its help line, without "\n" */
	unsigned long min, max;	/* TOK_RANGE */
	/* TOK_RANGE written <+/-metric>: a signed offset, "+N" or "-N" */
	bool signed_offset;
};

struct cmd_slot {
	int nalt;
	struct cmd_tok **alt;
	int argi;		/* argv index, -1 = not passed */
};

struct cmd_path {
	struct cmd_element *cmd;
	int nslots;
	struct cmd_slot *slots;
	int argc;		/* args pushed (absent trailing optionals trimmed) */
	unsigned order;		/* install order, then expansion order */
};

/* What cmd_element.compiled points to. */
struct cmd_compiled {
	int npaths;
	struct cmd_path *paths;
	int ntoks;
	struct cmd_tok **toks;	/* all tokens, owned here */
};

/* Match classes, weakest first (facts.md "Matching algorithm"). */
enum match_class {
	MC_NONE = 0,
	MC_EXTEND,
	MC_IPV4_PREFIX,
	MC_IPV4,
	MC_IPV6_PREFIX,
	MC_IPV6,
	MC_RANGE,
	MC_VARARG,
	MC_PARTLY,
	MC_EXACT,
};

enum match_mode {
	MM_STRICT,	/* config files: exact literals, complete addresses */
	MM_RELAXED,	/* interactive execution */
	MM_HELP,	/* interactive, the word being completed */
};

/* One node's commands, indexed by their first two literal words. */
struct cmd_first {
	char *word;		/* literal word at this level */
	int npaths, cap;
	struct cmd_path **paths;	/* level 1: paths not indexed below */
	int nsub, capsub;
	struct cmd_first *sub;	/* level 1 only: by second literal word */
	bool subsorted;
};

struct cmd_node_rec {
	struct cmd_node *node;	/* NULL until install_node */
	int ncmds, capcmds;
	struct cmd_element **cmds;	/* in install order, for `list` */
	int nfirst, capfirst;
	struct cmd_first *first;	/* sorted by word */
	int nother, capother;
	struct cmd_path **other;	/* paths whose first slot is not literal */
	bool sorted;
};

/* command_parse.c */
struct cmd_compiled *cmd_compile(struct cmd_element *cmd, unsigned *order);
void cmd_compiled_free(struct cmd_compiled *cc);

/* command_match.c */
enum match_class cmd_tok_match(const struct cmd_tok *tok, const char *word,
			       enum match_mode mode);

struct cmd_words {
	int n;
	char **w;		/* n words; the last may be "" (trailing space) */
	char *buf;
};
int cmd_words_split(const char *line, struct cmd_words *out);
void cmd_words_free(struct cmd_words *w);

struct cmd_match_result {
	int status;		/* CMD_SUCCESS, CMD_ERR_NO_MATCH, ... */
	struct cmd_path *path;	/* with CMD_SUCCESS */
};
/* Resolve a whole line to one path. */
struct cmd_match_result cmd_match_line(struct cmd_node_rec *nr,
				       const struct cmd_words *w, bool strict);
/* Build argv for a path matched to words; returns argc or -1 (too many). */
int cmd_build_argv(const struct cmd_path *p, const struct cmd_words *w,
		   const char **argv);

/* Candidates for the last word of w; returns count (sorted, unique), or a
 * negative CMD_ERR_* status. *items is allocated (free with cmd_free). */
int cmd_help_items(struct cmd_node_rec *nr, const struct cmd_words *w,
		   struct cmd_help_entry **items);

struct cmd_node_rec *cmd_node_rec(enum node_type node);

/* vty.c: the terminal width of a telnet session (NAWS), 0 if unknown */
int cmd_vty_width(const struct vty *vty);

/* cmd_common.c */
void cmd_common_init_nodes(void);
void cmd_common_terminate_nodes(void);
void cmd_free_mem(void *p);

#endif
