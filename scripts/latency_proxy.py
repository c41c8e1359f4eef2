#!/usr/bin/env python3
"""A TCP proxy that adds a fixed latency to every HTTP request, for benchmarks against moto.

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

Python 3 standard library only.
"""

import argparse
import asyncio
import json
import os
import resource
import signal
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


class Proxy:
    def __init__(self, target, delay_s, stats_file):
        self.target = target
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
            # the target has sent something since the client last did.
            state = {"new_request": True}

            async def client_to_target():
                while True:
                    data = await client_reader.read(CHUNK)
                    if not data:
                        break
                    if state["new_request"]:
                        state["new_request"] = False
                        self.requests += 1
                        if self.delay_s > 0:
                            await asyncio.sleep(self.delay_s)
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
    proxy = Proxy(args.target, args.delay_ms / 1000, args.stats_file)
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
    args = p.parse_args(argv)
    if args.delay_ms < 0:
        p.error("--delay-ms must not be negative")
    return args


if __name__ == "__main__":
    args = parse_args(sys.argv[1:])
    # Two descriptors per proxied connection: lift the soft limit to the hard one.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = max(soft, 65536) if hard == resource.RLIM_INFINITY else hard
    if soft != resource.RLIM_INFINITY and soft < want:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
        except (ValueError, OSError):
            pass
    asyncio.run(main(args))
