/*
 * Key-chain commands (Quagga's strings and messages): `key chain WORD`
 * (KEYCHAIN_NODE), `key <0-2147483647>` (KEYCHAIN_KEY_NODE), `key-string`,
 * `accept-lifetime` and `send-lifetime` in their eight forms each.
 *
 * Config commands edit the northbound tree (keychain_nb.c compiles the
 * changes into keychain.c's structures and writes the block from the
 * tree). vty->index is the chain's data path and vty->index_sub the key's
 * (interned by nb_path_intern): inside a config file the structures only
 * change when the whole file is applied, and a chain or key deleted by
 * another session is simply no longer found.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "command.h"
#include "keychain.h"
#include "keychain_nb.h"
#include "vty.h"

#define KEY_STR_H "Authentication key management\n"

static const char *cur_chain(struct vty *vty)
{
	if (!vty->index || !nb_find(vty->index)) {
		vty_out(vty, "%% The key chain was deleted\n");
		return NULL;
	}
	return vty->index;
}

static const char *cur_key(struct vty *vty)
{
	if (!cur_chain(vty))
		return NULL;
	if (!vty->index_sub || !nb_find(vty->index_sub)) {
		vty_out(vty, "%% The key was deleted\n");
		return NULL;
	}
	return vty->index_sub;
}

DEFUN(key_chain, key_chain_cmd, "key chain WORD",
      KEY_STR_H "Key-chain management\nKey-chain name\n")
{
	char xp[NB_XPATH_MAX];

	if (!keychain_nb_chain_xpath(xp, sizeof(xp), argv[0])) {
		vty_out(vty, "%% Invalid key chain name\n");
		return CMD_WARNING;
	}
	if (!nb_find(xp)) {
		nb_cli_enqueue_change(vty, xp, NB_OP_CREATE, NULL);
		if (nb_cli_apply_changes(vty) != CMD_SUCCESS)
			return CMD_WARNING;
	}
	vty_enter_node(vty, KEYCHAIN_NODE, (void *)nb_path_intern(xp));
	return CMD_SUCCESS;
}

DEFUN(no_key_chain, no_key_chain_cmd, "no key chain WORD",
      NO_STR KEY_STR_H "Key-chain management\nKey-chain name\n")
{
	char xp[NB_XPATH_MAX];

	if (!keychain_nb_chain_xpath(xp, sizeof(xp), argv[0]) || !nb_find(xp)) {
		vty_out(vty, "Can't find keychain %s\n", argv[0]);
		return CMD_WARNING;
	}
	nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
	return nb_cli_apply_changes(vty);
}

static int key_id(struct vty *vty, const char *s, uint32_t *id)
{
	long v;

	if (keychain_get_range(s, 0, 2147483647, &v) < 0) {
		vty_out(vty, "%% Invalid key identifier value\n");
		return -1;
	}
	*id = (uint32_t)v;
	return 0;
}

DEFUN(key_key, key_key_cmd, "key <0-2147483647>",
      "Configure a key\nKey identifier number\n")
{
	const char *kc = cur_chain(vty);
	char xp[NB_XPATH_MAX + 32];
	uint32_t id;

	if (!kc || key_id(vty, argv[0], &id) < 0 ||
	    !keychain_nb_key_xpath(xp, sizeof(xp), kc, id))
		return CMD_WARNING;
	if (!nb_find(xp)) {
		nb_cli_enqueue_change(vty, xp, NB_OP_CREATE, NULL);
		if (nb_cli_apply_changes(vty) != CMD_SUCCESS)
			return CMD_WARNING;
	}
	vty_enter_node(vty, KEYCHAIN_KEY_NODE, (void *)kc);
	vty->index_sub = (void *)nb_path_intern(xp);
	return CMD_SUCCESS;
}

DEFUN(no_key_key, no_key_key_cmd, "no key <0-2147483647>",
      NO_STR "Delete a key\nKey identifier number\n")
{
	const char *kc = cur_chain(vty);
	char xp[NB_XPATH_MAX + 32];
	uint32_t id;

	if (!kc || key_id(vty, argv[0], &id) < 0 ||
	    !keychain_nb_key_xpath(xp, sizeof(xp), kc, id))
		return CMD_WARNING;
	if (!nb_find(xp)) {
		vty_out(vty, "Can't find key %u\n", id);
		return CMD_WARNING;
	}
	nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
	if (nb_cli_apply_changes(vty) != CMD_SUCCESS)
		return CMD_WARNING;
	vty_enter_node(vty, KEYCHAIN_NODE, (void *)kc);
	return CMD_SUCCESS;
}

static int key_leaf(struct vty *vty, enum nb_op op, const char *value)
{
	const char *k = cur_key(vty);
	char xp[NB_XPATH_MAX + 48];

	if (!k)
		return CMD_WARNING;
	snprintf(xp, sizeof(xp), "%s/key-string", k);
	nb_cli_enqueue_change(vty, xp, op, value);
	return nb_cli_apply_changes(vty);
}

DEFUN(key_string, key_string_cmd, "key-string LINE",
      "Set key string\nThe key\n")
{
	return key_leaf(vty, NB_OP_MODIFY, argv[0]);
}

DEFUN(no_key_string, no_key_string_cmd, "no key-string [LINE]",
      NO_STR "Unset key string\nThe key\n")
{
	return key_leaf(vty, NB_OP_DESTROY, NULL);
}

/* One lifetime command. e NULL with duration NULL: infinite. */
static int lifetime_set(struct vty *vty, bool send, const char *const a[4],
			const char *const e[4], const char *duration)
{
	const char *k = cur_key(vty);
	char xp[NB_XPATH_MAX + 48], lxp[NB_XPATH_MAX + 64], num[24];
	time_t start, end = -1;
	long dur = 0;

	if (!k)
		return CMD_WARNING;
	start = key_str2time(a[0], a[1], a[2], a[3]);
	if (start <= 0) {
		vty_out(vty, "Malformed time value\n");
		return CMD_WARNING;
	}
	if (duration) {
		if (keychain_get_range(duration, 1, 2147483646, &dur) < 0) {
			vty_out(vty, "%% Invalid duration value\n");
			return CMD_WARNING;
		}
	} else if (e) {
		end = key_str2time(e[0], e[1], e[2], e[3]);
		if (end <= 0) {
			vty_out(vty, "Malformed time value\n");
			return CMD_WARNING;
		}
		if (end <= start) {
			vty_out(vty, "Expire time is not later than start time\n");
			return CMD_WARNING;
		}
	}
	snprintf(xp, sizeof(xp), "%s/%s", k, send ? "send-lifetime" : "accept-lifetime");
	nb_cli_enqueue_change(vty, xp, NB_OP_DESTROY, NULL);
	snprintf(lxp, sizeof(lxp), "%s/start", xp);
	snprintf(num, sizeof(num), "%lld", (long long)start);
	nb_cli_enqueue_change(vty, lxp, NB_OP_MODIFY, num);
	if (duration) {
		snprintf(lxp, sizeof(lxp), "%s/duration", xp);
		snprintf(num, sizeof(num), "%ld", dur);
		nb_cli_enqueue_change(vty, lxp, NB_OP_MODIFY, num);
	} else if (e) {
		snprintf(lxp, sizeof(lxp), "%s/end-time", xp);
		snprintf(num, sizeof(num), "%lld", (long long)end);
		nb_cli_enqueue_change(vty, lxp, NB_OP_MODIFY, num);
	} else {
		snprintf(lxp, sizeof(lxp), "%s/infinite", xp);
		nb_cli_enqueue_change(vty, lxp, NB_OP_CREATE, NULL);
	}
	return nb_cli_apply_changes(vty);
}

#define LT_TIME_H "Time to start\n"
#define LT_DAY_H "Day of th month to start\n"
#define LT_MON_H "Month of the year to start\n"
#define LT_YEAR_H "Year to start\n"
#define LT_DM_H LT_TIME_H LT_DAY_H LT_MON_H LT_YEAR_H
#define LT_MD_H LT_TIME_H LT_MON_H LT_DAY_H LT_YEAR_H
#define LT_EDM_H "Time to expire\nDay of th month to expire\nMonth of the year to expire\nYear to expire\n"
#define LT_EMD_H "Time to expire\nMonth of the year to expire\nDay of th month to expire\nYear to expire\n"
#define DM "HH:MM:SS <1-31> MONTH <1993-2035>"
#define MD "HH:MM:SS MONTH <1-31> <1993-2035>"

/* argv orders: DM = time day month year, MD = time month day year */
#define ARGS_DM(o) { argv[(o)], argv[(o) + 1], argv[(o) + 2], argv[(o) + 3] }
#define ARGS_MD(o) { argv[(o)], argv[(o) + 2], argv[(o) + 1], argv[(o) + 3] }

/* The eight forms of one lifetime command. */
#define LIFETIME_COMMANDS(tag, word, wordh, SEND)                              \
	DEFUN(tag##_dm_dm, tag##_dm_dm_cmd, word " " DM " " DM,                \
	      wordh LT_DM_H LT_EDM_H)                                          \
	{                                                                      \
		const char *a[4] = ARGS_DM(0), *e[4] = ARGS_DM(4);             \
		return lifetime_set(vty, SEND, a, e, NULL);                    \
	}                                                                      \
	DEFUN(tag##_dm_md, tag##_dm_md_cmd, word " " DM " " MD,                \
	      wordh LT_DM_H LT_EMD_H)                                          \
	{                                                                      \
		const char *a[4] = ARGS_DM(0), *e[4] = ARGS_MD(4);             \
		return lifetime_set(vty, SEND, a, e, NULL);                    \
	}                                                                      \
	DEFUN(tag##_md_dm, tag##_md_dm_cmd, word " " MD " " DM,                \
	      wordh LT_MD_H LT_EDM_H)                                          \
	{                                                                      \
		const char *a[4] = ARGS_MD(0), *e[4] = ARGS_DM(4);             \
		return lifetime_set(vty, SEND, a, e, NULL);                    \
	}                                                                      \
	DEFUN(tag##_md_md, tag##_md_md_cmd, word " " MD " " MD,                \
	      wordh LT_MD_H LT_EMD_H)                                          \
	{                                                                      \
		const char *a[4] = ARGS_MD(0), *e[4] = ARGS_MD(4);             \
		return lifetime_set(vty, SEND, a, e, NULL);                    \
	}                                                                      \
	DEFUN(tag##_dm_inf, tag##_dm_inf_cmd, word " " DM " infinite",         \
	      wordh LT_DM_H "Never expires\n")                                 \
	{                                                                      \
		const char *a[4] = ARGS_DM(0);                                 \
		return lifetime_set(vty, SEND, a, NULL, NULL);                 \
	}                                                                      \
	DEFUN(tag##_md_inf, tag##_md_inf_cmd, word " " MD " infinite",         \
	      wordh LT_MD_H "Never expires\n")                                 \
	{                                                                      \
		const char *a[4] = ARGS_MD(0);                                 \
		return lifetime_set(vty, SEND, a, NULL, NULL);                 \
	}                                                                      \
	DEFUN(tag##_dm_dur, tag##_dm_dur_cmd,                                  \
	      word " " DM " duration <1-2147483646>",                          \
	      wordh LT_DM_H "Duration of the key\nDuration seconds\n")         \
	{                                                                      \
		const char *a[4] = ARGS_DM(0);                                 \
		return lifetime_set(vty, SEND, a, NULL, argv[4]);              \
	}                                                                      \
	DEFUN(tag##_md_dur, tag##_md_dur_cmd,                                  \
	      word " " MD " duration <1-2147483646>",                          \
	      wordh LT_MD_H "Duration of the key\nDuration seconds\n")         \
	{                                                                      \
		const char *a[4] = ARGS_MD(0);                                 \
		return lifetime_set(vty, SEND, a, NULL, argv[4]);              \
	}                                                                      \
	static void tag##_install(void)                                        \
	{                                                                      \
		install_element(KEYCHAIN_KEY_NODE, &tag##_dm_dm_cmd);          \
		install_element(KEYCHAIN_KEY_NODE, &tag##_dm_md_cmd);          \
		install_element(KEYCHAIN_KEY_NODE, &tag##_md_dm_cmd);          \
		install_element(KEYCHAIN_KEY_NODE, &tag##_md_md_cmd);          \
		install_element(KEYCHAIN_KEY_NODE, &tag##_dm_inf_cmd);         \
		install_element(KEYCHAIN_KEY_NODE, &tag##_md_inf_cmd);         \
		install_element(KEYCHAIN_KEY_NODE, &tag##_dm_dur_cmd);         \
		install_element(KEYCHAIN_KEY_NODE, &tag##_md_dur_cmd);         \
	}

LIFETIME_COMMANDS(accept_lt, "accept-lifetime",
		  "Set accept lifetime of the key\n", false)
LIFETIME_COMMANDS(send_lt, "send-lifetime", "Set send lifetime of the key\n", true)

static struct cmd_node keychain_node = { KEYCHAIN_NODE, "%s(config-keychain)# ",
					 keychain_config_write };
static struct cmd_node keychain_key_node = { KEYCHAIN_KEY_NODE,
					     "%s(config-keychain-key)# ", NULL };

void keychain_init(void)
{
	nb_module_register(&keychain_nb_module);
	nb_cli_init();
	install_node(&keychain_node);
	install_node(&keychain_key_node);
	install_default(KEYCHAIN_NODE);
	install_default(KEYCHAIN_KEY_NODE);
	install_element(CONFIG_NODE, &key_chain_cmd);
	install_element(CONFIG_NODE, &no_key_chain_cmd);
	install_element(KEYCHAIN_NODE, &key_chain_cmd);
	install_element(KEYCHAIN_NODE, &no_key_chain_cmd);
	install_element(KEYCHAIN_NODE, &key_key_cmd);
	install_element(KEYCHAIN_NODE, &no_key_key_cmd);
	install_element(KEYCHAIN_KEY_NODE, &key_chain_cmd);
	install_element(KEYCHAIN_KEY_NODE, &no_key_chain_cmd);
	install_element(KEYCHAIN_KEY_NODE, &key_key_cmd);
	install_element(KEYCHAIN_KEY_NODE, &no_key_key_cmd);
	install_element(KEYCHAIN_KEY_NODE, &key_string_cmd);
	install_element(KEYCHAIN_KEY_NODE, &no_key_string_cmd);
	accept_lt_install();
	send_lt_install();
}
