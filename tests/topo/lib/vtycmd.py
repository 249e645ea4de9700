#!/usr/bin/env python3
"""Run commands on a daemon's telnet vty and print what it answers.

usage: vtycmd.py [-p PASSWORD] [-e ENABLE_PASSWORD] [-P PORT] [-H HOST] CMD...

Logs in (if a password prompt comes), runs `enable`, then each CMD in
turn, and prints the output of the commands with telnet negotiation and
prompts stripped. Exit status 1 if a command answered with "% " (an error
line), 2 if the connection failed.
"""
import argparse
import re
import socket
import sys
import time

IAC = 255


def strip_telnet(data: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(data):
        b = data[i]
        if b == IAC and i + 1 < len(data):
            cmd = data[i + 1]
            if cmd in (251, 252, 253, 254):  # WILL WONT DO DONT + option
                i += 3
                continue
            if cmd == 250:  # SB ... IAC SE
                end = data.find(bytes([IAC, 240]), i)
                i = len(data) if end < 0 else end + 2
                continue
            if cmd == IAC:
                out.append(IAC)
            i += 2
            continue
        out.append(b)
        i += 1
    return bytes(out)


class Vty:
    def __init__(self, host, port, timeout):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.timeout = timeout
        self.buf = b""

    def read_until(self, patterns, timeout=None):
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            text = strip_telnet(self.buf).decode("utf-8", "replace")
            for p in patterns:
                m = re.search(p, text)
                if m:
                    self.buf = b""
                    return text, m
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("timeout waiting for %r, got %r" % (patterns, text[-200:]))
            self.sock.settimeout(left)
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed; got %r" % text[-300:])
            self.buf += chunk

    def send(self, line):
        self.sock.sendall(line.encode() + b"\n")


PROMPT = r"[\w.\-]+(\([\w\-]+\))?[>#] $"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-H", "--host", default="127.0.0.1")
    ap.add_argument("-P", "--port", type=int, default=2601)
    ap.add_argument("-p", "--password", default="zebra")
    ap.add_argument("-e", "--enable-password", default=None)
    ap.add_argument("-t", "--timeout", type=float, default=10.0)
    ap.add_argument("--no-enable", action="store_true")
    ap.add_argument("cmds", nargs="+")
    a = ap.parse_args()
    try:
        v = Vty(a.host, a.port, a.timeout)
        text, m = v.read_until([r"Password: $", PROMPT])
        if m.group(0).startswith("Password"):
            v.send(a.password)
            v.read_until([PROMPT])
        if not a.no_enable:
            v.send("enable")
            text, m = v.read_until([r"Password: $", PROMPT])
            if m.group(0).startswith("Password"):
                v.send(a.enable_password or a.password)
                v.read_until([PROMPT])
        status = 0
        for c in a.cmds:
            v.send(c)
            text, m = v.read_until([re.compile(PROMPT, re.M).pattern + r"\Z"])
            lines = text.replace("\r", "").split("\n")
            # first line echoes the command, last line is the prompt
            body = "\n".join(lines[1:-1])
            if body:
                print(body)
            if any(l.startswith("% ") for l in lines[1:-1]):
                status = 1
        return status
    except (OSError, TimeoutError, ConnectionError) as e:
        print("vtycmd: %s" % e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
