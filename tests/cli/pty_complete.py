#!/usr/bin/env python3
"""Drive a real interactive shell in a pseudo-terminal and press TAB, as a person would.

Usage: pty_complete.py SHELL SCRIPT_FILE LINE [EXPECT]

Starts SHELL (bash, zsh or fish) with no start-up files in a pty of 200 columns, loads lakegate's
completion (`source SCRIPT_FILE`; zsh also runs compinit), types LINE, presses TAB twice (bash
lists candidates on the second), and prints everything the terminal showed after LINE was typed,
with escape sequences removed. The caller asserts on it. With EXPECT, waits (up to MAX_SECONDS)
for that text rather than only for a quiet spell, so a slow machine does not cut the completion
short. Python standard library only.
"""

import os
import pty
import re
import select
import signal
import sys
import time

shell, script, line = sys.argv[1:4]
expect = sys.argv[4].encode() if len(sys.argv) > 4 else None

# Bounded waits so a broken shell fails the test instead of hanging it.
QUIET_SECONDS = 1.5
MAX_SECONDS = 30.0

ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>]|\r")

if shell == "bash":
    argv = ["bash", "--norc", "--noprofile", "-i"]
    # List ambiguous candidates on the first TAB, not only on the second without change.
    setup = f"PS1='$ '; bind 'set show-all-if-ambiguous on'; source {script}\n"
elif shell == "zsh":
    argv = ["zsh", "-f", "-i"]
    setup = (
        "PS1='$ '; autoload -Uz compinit && compinit -u -D; "
        f"source {script}\n"
    )
elif shell == "fish":
    argv = ["fish", "--no-config", "-i"]
    setup = f"function fish_prompt; echo -n '$ '; end; source {script}\n"
else:
    sys.exit(f"unknown shell {shell}")

env = dict(os.environ, TERM="xterm", COLUMNS="200", LINES="50")
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(argv[0], argv, env)

import fcntl
import struct
import termios

fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))


def read_until_quiet(limit=MAX_SECONDS, quiet=QUIET_SECONDS, want=None):
    out = b""
    start = time.monotonic()
    last = start
    while True:
        now = time.monotonic()
        if now - start > limit or (now - last > quiet and (want is None or want in out)):
            return out
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return out
            if not data:
                return out
            out += data
            last = time.monotonic()
            # fish asks where the cursor is; answer so it does not wait.
            if b"\x1b[6n" in data:
                os.write(fd, b"\x1b[1;1R")


read_until_quiet(quiet=0.5)
os.write(fd, setup.encode())
read_until_quiet()
os.write(fd, line.encode())
read_until_quiet(quiet=0.5)
os.write(fd, b"\t")
out = read_until_quiet(want=expect)
os.write(fd, b"\t")
out += read_until_quiet()
os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
sys.stdout.write(ANSI.sub(b"", out).decode("utf-8", "replace"))
