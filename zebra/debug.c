/*
 * `debug zebra ...` switches and `show debugging zebra`. The switches only
 * gate extra log lines; the state lives in zebra_debug.
 */
#include "command.h"
#include "vty.h"
#include "debug.h"
#include "zebra_vty.h"

unsigned zebra_debug;

static int debug_config_write(struct vty *vty)
{
	int n = 0;

	if (zebra_debug & ZDEBUG_EVENTS)
		n += vty_out(vty, "debug zebra events\n") > 0;
	if (zebra_debug & ZDEBUG_PACKET)
		n += vty_out(vty, "debug zebra packet\n") > 0;
	if (zebra_debug & ZDEBUG_KERNEL)
		n += vty_out(vty, "debug zebra kernel\n") > 0;
	if (zebra_debug & ZDEBUG_RIB)
		n += vty_out(vty, "debug zebra rib\n") > 0;
	if (zebra_debug & ZDEBUG_NHT)
		n += vty_out(vty, "debug zebra nht\n") > 0;
	return n;
}

static struct cmd_node debug_node = { DEBUG_NODE, "", debug_config_write };

static unsigned bit_of(const char *w)
{
	switch (w[0]) {
	case 'e':
		return ZDEBUG_EVENTS;
	case 'p':
		return ZDEBUG_PACKET;
	case 'k':
		return ZDEBUG_KERNEL;
	case 'r':
		return ZDEBUG_RIB;
	case 'n':
		return ZDEBUG_NHT;
	default:
		return 0;
	}
}

DEFUN(debug_zebra, debug_zebra_cmd, "debug zebra (events|nht|packet|kernel|rib)",
      DEBUG_STR "Zebra configuration\n" "Debug option set for zebra events\n"
      "Debug option set for zebra next hop tracking\n"
      "Debug option set for zebra packet\n"
      "Debug option set for zebra between kernel interface\n"
      "Debug RIB events\n")
{
	zebra_debug |= bit_of(argv[0]);
	return CMD_SUCCESS;
}

DEFUN(no_debug_zebra, no_debug_zebra_cmd, "no debug zebra (events|nht|packet|kernel|rib)",
      NO_STR DEBUG_STR "Zebra configuration\n" "Debug option set for zebra events\n"
      "Debug option set for zebra next hop tracking\n"
      "Debug option set for zebra packet\n"
      "Debug option set for zebra between kernel interface\n"
      "Debug RIB events\n")
{
	zebra_debug &= ~bit_of(argv[0]);
	return CMD_SUCCESS;
}

DEFUN(show_debugging_zebra, show_debugging_zebra_cmd, "show debugging zebra",
      SHOW_STR "Debugging information\n" "Zebra configuration\n")
{
	vty_out(vty, "Zebra debugging status:\n");
	if (zebra_debug & ZDEBUG_EVENTS)
		vty_out(vty, "  Zebra event debugging is on\n");
	if (zebra_debug & ZDEBUG_PACKET)
		vty_out(vty, "  Zebra packet debugging is on\n");
	if (zebra_debug & ZDEBUG_KERNEL)
		vty_out(vty, "  Zebra kernel debugging is on\n");
	if (zebra_debug & ZDEBUG_RIB)
		vty_out(vty, "  Zebra RIB debugging is on\n");
	if (zebra_debug & ZDEBUG_NHT)
		vty_out(vty, "  Zebra next-hop tracking debugging is on\n");
	return CMD_SUCCESS;
}

void debug_vty_init(void)
{
	install_node(&debug_node);
	install_element(CONFIG_NODE, &debug_zebra_cmd);
	install_element(CONFIG_NODE, &no_debug_zebra_cmd);
	install_element(ENABLE_NODE, &debug_zebra_cmd);
	install_element(ENABLE_NODE, &no_debug_zebra_cmd);
	install_element(VIEW_NODE, &show_debugging_zebra_cmd);
}
