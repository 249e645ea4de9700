#!/usr/bin/env python3
"""Record a telnet vty session the way the Quagga reference runs were
recorded (quagga-reference/runs.md §1): a raw socket client that strips
telnet IAC sequences, sends each line terminated by LF only, and prints
what the server sent with CRLF turned into LF.

usage: cli_transcript.py [-H HOST] -P PORT [--crlf] SCRIPT

SCRIPT has one step per line:
  TEXT          send TEXT + LF (python escapes allowed: \\t, \\x15, ...)
  @raw TEXT     send TEXT as is, no LF (for ?, TAB, keys)
  @pw TEXT      send TEXT + LF and write "<password sent>" (the vty does
                not echo passwords), as the reference transcripts do
  @epw TEXT     the same, marked "<enable password sent>"

The transcript starts with an empty line and ends with the line
"[telnet option negotiation received: ...]", as in runs.md, so a
recorded block can be compared byte for byte.
"""
import argparse
import re
import socket
import sys
import time

IAC = 255
PROMPT = re.compile(rb"(?:[>#$] |Password: )$")


class Session:
    def __init__(self, host, port, timeout):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.timeout = timeout
        self.options = []
        self.raw = b""
        self.closed = False

    def strip(self, data):
        out = bytearray()
        i = 0
        while i < len(data):
            b = data[i]
            if b == IAC and i + 2 < len(data) and data[i + 1] in (251, 252, 253, 254):
                self.options.append(data[i:i + 3].hex())
                i += 3
                continue
            if b == IAC and i + 1 < len(data) and data[i + 1] == 250:
                end = data.find(bytes([IAC, 240]), i)
                i = len(data) if end < 0 else end + 2
                continue
            if b == IAC and i + 1 < len(data):
                i += 2
                continue
            out.append(b)
            i += 1
        return bytes(out)

    def collect(self, idle=0.4):
        """Read until the server has been quiet for `idle` seconds, or for
        a moment after output that ends in a prompt."""
        got = b""
        deadline = time.monotonic() + self.timeout
        while not self.closed and time.monotonic() < deadline:
            at_prompt = got and PROMPT.search(self.strip(self.raw + got))
            self.sock.settimeout(0.05 if at_prompt else idle)
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                break
            except ConnectionError:
                self.closed = True
                break
            if not chunk:
                self.closed = True
                break
            got += chunk
        self.raw += got
        return self.strip(got)

    def send(self, data):
        if not self.closed:
            try:
                self.sock.sendall(data)
            except OSError:
                self.closed = True


def unescape(s):
    return s.encode("latin1").decode("unicode_escape").encode("latin1")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-H", "--host", default="127.0.0.1")
    ap.add_argument("-P", "--port", type=int, required=True)
    ap.add_argument("-t", "--timeout", type=float, default=10.0)
    ap.add_argument("--crlf", action="store_true", help="end lines with CR LF")
    ap.add_argument("script")
    a = ap.parse_args()
    eol = b"\r\n" if a.crlf else b"\n"
    s = Session(a.host, a.port, a.timeout)
    out = bytearray(b"\n")
    out += s.collect()
    with open(a.script) as f:
        steps = [l.rstrip("\n") for l in f]
    for step in steps:
        if s.closed:
            break
        if step.startswith("@raw "):
            s.send(unescape(step[5:]))
        elif step.startswith("@pw ") or step.startswith("@epw "):
            word, text = step.split(" ", 1)
            s.send(unescape(text) + eol)
            out += b"<enable password sent>" if word == "@epw" else b"<password sent>"
            if not a.crlf:
                out += b"\n"
        else:
            s.send(unescape(step) + eol)
        out += s.collect()
    out += s.collect()
    out += b"\n[telnet option negotiation received: %s]\n" % " ".join(
        s.options[:4]).encode()
    sys.stdout.write(out.replace(b"\r\n", b"\n").decode("latin1"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
