#!/usr/bin/env python3
"""A TCP proxy that adds a fixed latency to every HTTP request, for benchmarks against moto, and
injects faults into chosen requests, for tests.

moto answers on loopback in a few milliseconds; AWS is tens of milliseconds away. Put this proxy
between lakegate and moto to see what concurrency buys when every request pays a round trip.

Usage:
  python3 scripts/latency_proxy.py --listen 127.0.0.1:0 --target 127.0.0.1:PORT --delay-ms 50 \\
      [--port-file F] [--stats-file F]

Prints the bound port on stdout (one line; with port 0 the kernel picks a free one) and, with
--port-file, also writes it to F (atomically: the file appears complete or not at all).

Latency is per request, not per TCP chunk. For each client connection the proxy opens a
connection to the target and forwards bytes both ways unchanged (so the Host header stays as the
client wrote it, e.g. 123456789012.localhost:PORT for S3 Control). An HTTP/1.1 keep-alive client
sends a request, then waits for the whole response before the next one; so the first
client-to-target chunk after the connection opened, or after the target last sent data, starts a
request: it is held for --delay-ms (and counted). Later chunks of the same request follow at once,
and responses are not delayed. A client that pipelines requests, or a request body sent after
`100 Continue`, is counted (and delayed) once per such exchange, not per HTTP request.

Half-closes are forwarded (EOF from one side becomes a write EOF to the other; the connection
closes once both directions ended). SIGTERM/SIGINT stop the proxy cleanly; SIGUSR1 writes the
statistics without stopping. Statistics (requests, connections, bytes; JSON with --stats-file,
a summary line on stderr) are written on SIGUSR1 and on exit; "snapshots" in the JSON counts the
writes, so a script can send SIGUSR1 and wait for the number to go up.

Faults (--rules F): F is a JSON list of rules, re-read whenever it changes, so a test can
change them while the proxy runs. A rule is an object:

  {"method": "PUT", "path": "/v20180820/accesspoint/", "header": "Credential=writer-a/",
   "nth": 2, "times": 1, "action": "respond", "status": 503, "delay_ms": 3000}

- match: `method` (exact), `path` (a substring of the request target, query included),
  `header` (a substring of any header line, case-insensitive; a list: each of them), and
  `absent_header` (no header line contains it); all optional.
- which matches: `nth` (the first matching request it applies to, 1-based, default 1) and
  `times` (how many from there; default: all later ones). Counters are per rule and survive a
  reload while the rule's JSON is unchanged.
- `action`:
  - `delay`: hold the request `delay_ms`, then forward it (dropped if the client gave up);
  - `delay_response`: forward at once, hold the answer `delay_ms`;
  - `respond`: after `delay_ms`, answer `status` (default 503) with an S3-style XML error
    (`code`, default SlowDown for 503, InternalError otherwise), never forwarding the request;
  - `reset`: after `delay_ms`, reset the connection without forwarding;
  - `drop_response` ("lost answer"): forward the request, then reset the connection instead of
    answering.
  The first rule that matches a request decides; later rules are not counted for it.

--log F appends one JSON line per request: method, target, the access key of its SigV4
Authorization header, the action taken (if any), and a time.

Python 3 standard library only.
"""

import argparse
import asyncio
import json
import os
import resource
import signal
import socket
import struct
import sys
import time

CHUNK = 64 * 1024


def log(msg):
    print(f"latency_proxy: {msg}", file=sys.stderr, flush=True)


def host_port(value):
    """`HOST:PORT`, `[V6]:PORT` or `:PORT` (host 127.0.0.1)."""
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit() or int(port) > 65535:
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {value!r}")
    host = host.strip("[]") or "127.0.0.1"
    return host, int(port)


def write_atomically(path, text):
    tmp = f"{path}.tmp.{os.getpid()}"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


class Rules:
    """The fault rules of --rules, re-read when the file changes."""

    def __init__(self, path):
        self.path = path
        self.mtime = None
        self.rules = []  # [(json text, rule dict)]
        self.counts = {}  # json text -> matches so far

    def reload(self):
        if not self.path:
            return
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self.rules = []
            return
        stamp = (st.st_mtime_ns, st.st_size)
        if stamp == self.mtime:
            return
        try:
            with open(self.path) as f:
                rules = json.load(f)
        except (OSError, ValueError) as e:
            log(f"ignoring unreadable rules file {self.path}: {e}")
            return
        self.mtime = stamp
        self.rules = [(json.dumps(r, sort_keys=True), r) for r in rules]

    def decide(self, method, target, headers):
        """The rule that applies to this request, or None."""
        self.reload()
        lines = [h.lower() for h in headers]
        for key, r in self.rules:
            if r.get("method") and r["method"].upper() != method.upper():
                continue
            if r.get("path") and r["path"] not in target:
                continue
            wanted = r.get("header") or []
            if isinstance(wanted, str):
                wanted = [wanted]
            if not all(any(w.lower() in h for h in lines) for w in wanted):
                continue
            if r.get("absent_header") and any(r["absent_header"].lower() in h for h in lines):
                continue
            n = self.counts.get(key, 0) + 1
            self.counts[key] = n
            first = int(r.get("nth", 1))
            times = r.get("times")
            if n < first or (times is not None and n >= first + int(times)):
                return None
            return r
        return None


def parse_head(data):
    """(method, target, header lines, content length) of a request head, or None if incomplete."""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return None
    lines = data[:end].decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    method, target = (parts + ["", ""])[:2]
    length = 0
    for h in lines[1:]:
        name, _, value = h.partition(":")
        if name.strip().lower() == "content-length" and value.strip().isdigit():
            length = int(value.strip())
    return method, target, lines[1:], length, end + 4


def access_key(headers):
    for h in headers:
        if h.lower().startswith("authorization:") and "Credential=" in h:
            return h.split("Credential=", 1)[1].split("/", 1)[0]
    return None


def error_response(status, code):
    reason = {500: "Internal Server Error", 503: "Service Unavailable"}.get(status, "Error")
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code>'
        f"<Message>injected by latency_proxy</Message><RequestId>fault</RequestId></Error>"
    ).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/xml\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    return head + body


def reset(writer):
    """Close with RST (SO_LINGER 0), as a crashed peer or a middlebox would."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
    writer.transport.abort()


class Proxy:
    def __init__(self, target, delay_s, stats_file, rules=None, log_file=None):
        self.target = target
        self.rules = Rules(rules)
        self.log_file = log_file
        self.faults = 0
        self.delay_s = delay_s
        self.stats_file = stats_file
        self.handlers = set()
        self.requests = 0
        self.connections = 0
        self.active = 0
        self.peak_active = 0
        self.connect_errors = 0
        self.bytes_to_target = 0
        self.bytes_from_target = 0
        self.snapshots = 0
        self.started = time.monotonic()

    def stats(self):
        return {
            "requests": self.requests,
            "connections": self.connections,
            "active_connections": self.active,
            "peak_active_connections": self.peak_active,
            "connect_errors": self.connect_errors,
            "bytes_to_target": self.bytes_to_target,
            "bytes_from_target": self.bytes_from_target,
            "delay_ms": self.delay_s * 1000,
            "faults": self.faults,
            "uptime_s": round(time.monotonic() - self.started, 3),
        }

    def report(self):
        self.snapshots += 1
        stats = self.stats()
        stats["snapshots"] = self.snapshots
        if self.stats_file:
            write_atomically(self.stats_file, json.dumps(stats) + "\n")
        log(
            f"{stats['requests']} requests forwarded over {stats['connections']} connections "
            f"(peak {stats['peak_active_connections']} at once, {stats['connect_errors']} failed "
            f"to reach the target), {stats['bytes_to_target']} bytes up, "
            f"{stats['bytes_from_target']} bytes down"
        )

    def record(self, method, target, headers, action):
        if not self.log_file:
            return
        line = json.dumps({
            "method": method, "target": target, "access_key": access_key(headers),
            "action": action, "t": round(time.time(), 3),
        })
        with open(self.log_file, "a") as f:
            f.write(line + "\n")

    async def fault(self, data, reader, writer, state):
        """Apply the rules to the request starting with `data`: (bytes to forward, forward?)."""
        if not self.rules.path and not self.log_file:
            return data, True
        head = parse_head(data)
        while head is None and len(data) < 1 << 20:
            more = await reader.read(CHUNK)
            if not more:
                break
            data += more
            head = parse_head(data)
        if head is None:
            return data, True
        method, target, headers, length, body_at = head
        rule = self.rules.decide(method, target, headers)
        action = rule["action"] if rule else None
        self.record(method, target, headers, action)
        if rule is None:
            return data, True
        self.faults += 1
        log(f"fault {action} on {method} {target}")
        delay = int(rule.get("delay_ms", 0)) / 1000
        if action in ("delay_response", "drop_response"):
            state["response"] = rule
            return data, True
        if action == "delay":
            await asyncio.sleep(delay)
            # A client that gave up meanwhile has closed its side: do not forward for it.
            try:
                more = await asyncio.wait_for(reader.read(CHUNK), 0.01)
                if not more:
                    log(f"client gave up; {method} {target} not forwarded")
                    return data, False
                data += more
            except asyncio.TimeoutError:
                pass
            return data, True
        # respond / reset: read the rest of the body first, so the client sees the answer
        # rather than a broken pipe while sending.
        missing = length - (len(data) - body_at)
        while missing > 0:
            more = await reader.read(min(CHUNK, missing))
            if not more:
                break
            missing -= len(more)
        await asyncio.sleep(delay)
        if action == "reset":
            reset(writer)
            return data, False
        status = int(rule.get("status", 503))
        code = rule.get("code") or ("SlowDown" if status == 503 else "InternalError")
        writer.write(error_response(status, code))
        try:
            await writer.drain()
        except OSError:
            pass
        writer.close()
        return data, False

    async def handle(self, client_reader, client_writer):
        task = asyncio.current_task()
        self.handlers.add(task)
        self.connections += 1
        self.active += 1
        self.peak_active = max(self.peak_active, self.active)
        target_writer = None
        try:
            try:
                target_reader, target_writer = await asyncio.open_connection(*self.target)
            except OSError as e:
                self.connect_errors += 1
                log(f"cannot connect to {self.target[0]}:{self.target[1]}: {e}")
                return
            # True when the next client chunk starts a new request: at the start, and whenever
            # the target has sent something since the client last did. "response" is the fault
            # to apply to the answer of the request in progress.
            state = {"new_request": True, "response": None}

            async def client_to_target():
                while True:
                    data = await client_reader.read(CHUNK)
                    if not data:
                        break
                    if state["new_request"]:
                        state["new_request"] = False
                        state["response"] = None
                        self.requests += 1
                        if self.delay_s > 0:
                            await asyncio.sleep(self.delay_s)
                        data, forward = await self.fault(data, client_reader, client_writer, state)
                        if not forward:
                            target_writer.close()
                            return
                    self.bytes_to_target += len(data)
                    target_writer.write(data)
                    await target_writer.drain()
                if target_writer.can_write_eof():
                    target_writer.write_eof()

            async def target_to_client():
                while True:
                    data = await target_reader.read(CHUNK)
                    if not data:
                        break
                    rule = state["response"]
                    if rule is not None and not state["new_request"]:
                        if rule["action"] == "drop_response":
                            reset(client_writer)
                            return
                        if rule["action"] == "delay_response":
                            state["response"] = None
                            await asyncio.sleep(int(rule.get("delay_ms", 0)) / 1000)
                    state["new_request"] = True
                    self.bytes_from_target += len(data)
                    client_writer.write(data)
                    await client_writer.drain()
                if client_writer.can_write_eof():
                    client_writer.write_eof()

            pumps = [
                asyncio.create_task(client_to_target()),
                asyncio.create_task(target_to_client()),
            ]
            try:
                # Until both directions reached EOF, or either failed (e.g. connection reset).
                await asyncio.wait(pumps, return_when=asyncio.FIRST_EXCEPTION)
            finally:
                for p in pumps:
                    p.cancel()
                await asyncio.gather(*pumps, return_exceptions=True)
        except asyncio.CancelledError:
            pass  # shutting down
        finally:
            for w in (client_writer, target_writer):
                if w is not None:
                    w.close()
            for w in (client_writer, target_writer):
                if w is not None:
                    try:
                        await asyncio.wait_for(w.wait_closed(), 1)
                    except (OSError, asyncio.TimeoutError, asyncio.CancelledError):
                        pass
            self.active -= 1
            self.handlers.discard(task)


async def main(args):
    proxy = Proxy(args.target, args.delay_ms / 1000, args.stats_file, args.rules, args.log)
    server = await asyncio.start_server(proxy.handle, *args.listen, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    if args.port_file:
        write_atomically(args.port_file, f"{port}\n")
    print(port, flush=True)
    log(
        f"listening on {args.listen[0]}:{port}, forwarding to {args.target[0]}:{args.target[1]} "
        f"with +{args.delay_ms:g} ms per request"
    )

    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.add_signal_handler(signal.SIGUSR1, proxy.report)

    await stop.wait()
    server.close()
    for task in list(proxy.handlers):
        task.cancel()
    await asyncio.gather(*proxy.handlers, return_exceptions=True)
    await server.wait_closed()
    proxy.report()


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="latency_proxy.py",
        description="TCP proxy that adds a fixed latency to every HTTP request.",
    )
    p.add_argument("--listen", type=host_port, default=("127.0.0.1", 0),
                   help="HOST:PORT to listen on (port 0: any free port; default 127.0.0.1:0)")
    p.add_argument("--target", type=host_port, required=True, help="HOST:PORT to forward to")
    p.add_argument("--delay-ms", type=float, default=50.0,
                   help="latency added to each request, in milliseconds (default 50)")
    p.add_argument("--port-file", help="also write the bound port to this file")
    p.add_argument("--stats-file", help="write statistics (JSON) here on SIGUSR1 and on exit")
    p.add_argument("--rules", help="JSON file of fault rules, re-read when it changes")
    p.add_argument("--log", help="append one JSON line per request to this file")
    args = p.parse_args(argv)
    if args.delay_ms < 0:
        p.error("--delay-ms must not be negative")
    return args


def raise_fd_limit():
    """Lift the soft limit on open descriptors to the hard one (at least 65,536 when unlimited):
    a proxy holds one or two per connection."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = max(soft, 65536) if hard == resource.RLIM_INFINITY else hard
    if soft != resource.RLIM_INFINITY and soft < want:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
        except (ValueError, OSError):
            pass


if __name__ == "__main__":
    args = parse_args(sys.argv[1:])
    raise_fd_limit()
    asyncio.run(main(args))
