#!/usr/bin/env python3
"""A benchmark bed that is not the bound: moto's answers recorded once, then replayed after a fixed
latency, with the requests that change or read changing state still forwarded to moto.

scripts/latency_proxy.py forwards every request to moto, one Python process that answers a few
hundred requests per second, so a benchmark through it measures moto. This bed answers a request
it has seen before from memory, after --delay-ms, without moto: an asyncio server, keep-alive,
where a held request costs a timer and no CPU. Its own ceiling is measured by `ceiling()` (the
benchmarks print it before their figures).

Usage:
  python3 scripts/replay_bed.py --target 127.0.0.1:PORT --store FILE --mode record|replay \\
      [--listen 127.0.0.1:0] [--delay-ms 50] [--live-bucket NAME …] [--port-file F] [--stats-file F]

- record: every request is forwarded to the target (after --delay-ms); the answers to the requests
  that may be replayed are kept in memory and appended to --store.
- replay: --store is loaded; a request that may be replayed and was seen is answered from it; any
  other is forwarded (and, if it may be replayed, its answer kept for the next time).

Which requests may be replayed: reads of state the run does not change. S3 and S3 Control GET and
HEAD (except on a --live-bucket: the report bucket, whose objects the run writes and reads back),
and the query/JSON protocol operations named Get*, List*, Describe* and AssumeRole of services
other than SQS, Lambda, Athena, Glue, EventBridge and CloudWatch Logs. Everything else (every
write, every SQS/Lambda/Athena call) goes to moto, so what the run changes it reads back live.
Answers of 5xx and 429 are never kept.

The request key (`request_key`) is what identifies the request to the server, without what
changes between two identical requests: the account acting (learned from the AssumeRole and
GetCallerIdentity answers that pass through: access key id -> account; the access key id itself
when unknown), the region and service of the SigV4 credential scope, the method, the host
without its port (S3 Control puts the account in it), the path, the sorted query without
X-Amz-* signing parameters, the X-Amz-Target header, and the body (a form body sorted, without
AssumeRole's RoleSessionName). EC2 DescribeRegions is keyed without the account: every account
of the emulator has the same regions, and moto spends seconds on the first EC2 call of each
account; it is answered from the store in record mode too. Authorization, X-Amz-Date, X-Amz-Security-Token, User-Agent,
amz-sdk-invocation-id and amz-sdk-request are not part of it. A replayed AssumeRole hands out the
recorded credentials again (moto does not check signatures) with a fresh Expiration an hour on. A replayed answer gets a fresh Date header (the SDKs correct their clock by it).

Statistics (JSON with --stats-file, a line on stderr) on SIGUSR1 and on exit: client connections
made, open and their peak since the last statistics (`peak_open`), requests, replayed,
forwarded, kept, and the forwarded operations by name. SIGTERM/SIGINT stop the bed.

Python 3 standard library only.
"""

import argparse
import asyncio
import email.utils
import hashlib
import json
import os
import re
import signal
import sys
import time
import urllib.parse
from base64 import b64decode, b64encode
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from latency_proxy import host_port, raise_fd_limit, write_atomically  # noqa: E402  (beside this file)

TRACE = bool(os.environ.get("REPLAY_BED_TRACE"))
LIVE_SERVICES = {"sqs", "lambda", "athena", "glue", "events", "logs"}
READ_PREFIXES = ("Get", "List", "Describe")
READ_OPERATIONS = {"AssumeRole"}
# Answers that are the same for every account on this emulator: keyed without the account, and
# answered from the store in record mode too once seen (moto builds a whole EC2 backend, seconds
# of CPU, for the first EC2 call of each account).
SHARED_OPERATIONS = {"DescribeRegions"}
DROP_FORM = {"RoleSessionName"}
DROP_RESPONSE_HEADERS = {"transfer-encoding", "connection", "keep-alive", "content-length", "date"}


def log(msg):
    print(f"replay_bed: {msg}", file=sys.stderr, flush=True)


class Request:
    """One HTTP request, parsed: head lines, headers (lower-case names), body, and raw bytes."""

    __slots__ = ("method", "target", "version", "lines", "headers", "body", "raw")

    def __init__(self, method, target, version, lines, headers, body, raw):
        self.method, self.target, self.version = method, target, version
        self.lines, self.headers, self.body, self.raw = lines, headers, body, raw


def parse_request(buf):
    """(Request, bytes consumed, expects 100-continue) from the start of `buf`, or
    (None, 0, continue?) when it is not complete yet."""
    end = buf.find(b"\r\n\r\n")
    if end < 0:
        return None, 0, False
    head = buf[:end].decode("latin-1")
    lines = head.split("\r\n")
    parts = lines[0].split(" ")
    method, target, version = (parts + ["", "", ""])[:3]
    headers = {}
    for h in lines[1:]:
        name, _, value = h.partition(":")
        headers[name.strip().lower()] = value.strip()
    expect = headers.get("expect", "").lower() == "100-continue"
    start = end + 4
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body, pos = bytearray(), start
        while True:
            nl = buf.find(b"\r\n", pos)
            if nl < 0:
                return None, 0, expect
            size = int(buf[pos:nl].split(b";")[0] or b"0", 16)
            if size == 0:
                trailer_end = buf.find(b"\r\n\r\n", nl)
                if trailer_end < 0:
                    return None, 0, expect
                consumed = trailer_end + 4
                break
            if len(buf) < nl + 2 + size + 2:
                return None, 0, expect
            body += buf[nl + 2:nl + 2 + size]
            pos = nl + 2 + size + 2
        body = bytes(body)
    else:
        length = int(headers.get("content-length") or 0)
        if len(buf) < start + length:
            return None, 0, expect
        body = bytes(buf[start:start + length])
        consumed = start + length
    raw = bytes(buf[:consumed])
    return Request(method, target, version, lines, headers, body, raw), consumed, False


def credential_scope(req):
    """(access key id, region, service) of the request's SigV4 credential, or Nones."""
    auth = req.headers.get("authorization", "")
    cred = None
    if "Credential=" in auth:
        cred = auth.split("Credential=", 1)[1].split(",", 1)[0].strip()
    else:
        q = urllib.parse.parse_qs(urllib.parse.urlsplit(req.target).query)
        cred = (q.get("X-Amz-Credential") or [None])[0]
    if not cred:
        return None, None, None
    parts = cred.split("/")
    if len(parts) < 5:
        return parts[0], None, None
    return parts[0], parts[2], parts[3]


def form(req):
    """The form parameters of a query-protocol body, or None."""
    if req.method != "POST" or "x-www-form-urlencoded" not in req.headers.get("content-type", ""):
        return None
    return urllib.parse.parse_qsl(req.body.decode("utf-8", "replace"), keep_blank_values=True)


def operation(req):
    """The operation's name for query (Action=) and JSON (X-Amz-Target) protocols, else None."""
    target = req.headers.get("x-amz-target")
    if target:
        return target.rsplit(".", 1)[-1]
    params = form(req)
    if params is not None:
        for k, v in params:
            if k == "Action":
                return v
    return None


def s3_bucket(req):
    """The bucket an S3 request addresses (virtual host or first path segment), or None."""
    host = req.headers.get("host", "").rsplit(":", 1)[0]
    first = host.split(".", 1)[0]
    if host.count(".") >= 1 and not first.isdigit() and first not in ("localhost", "s3", "127"):
        return first
    path = urllib.parse.urlsplit(req.target).path
    seg = path.lstrip("/").split("/", 1)[0]
    return urllib.parse.unquote(seg) or None


def replayable(req, live_buckets):
    """May this request be answered from the store? (reads of state the run does not change)"""
    _, _, service = credential_scope(req)
    if service in LIVE_SERVICES:
        return False
    if req.method in ("GET", "HEAD"):
        if service == "s3" and s3_bucket(req) in live_buckets:
            return False
        return service is not None
    op = operation(req)
    if req.method == "POST" and op:
        return op.startswith(READ_PREFIXES) or op in READ_OPERATIONS
    return False


def request_key(req, accounts):
    """What identifies the request to the server, as a string (see the module's doc)."""
    akid, region, service = credential_scope(req)
    who = "*" if operation(req) in SHARED_OPERATIONS else accounts.get(akid, akid)
    host = req.headers.get("host", "").rsplit(":", 1)[0].lower()
    split = urllib.parse.urlsplit(req.target)
    query = sorted(
        (k, v)
        for k, v in urllib.parse.parse_qsl(split.query, keep_blank_values=True)
        if not k.lower().startswith("x-amz-")
    )
    params = form(req)
    if params is not None:
        body = urllib.parse.urlencode(sorted((k, v) for k, v in params if k not in DROP_FORM))
    else:
        body = hashlib.sha1(req.body).hexdigest() if req.body else ""
    return json.dumps(
        [who, region, service, req.method, host, split.path, query,
         req.headers.get("x-amz-target", ""), body],
        separators=(",", ":"),
    )


TAG = re.compile(rb"<(AccessKeyId|Account|Arn)>([^<]*)</")


def learn(req, status, body, accounts):
    """Access key id -> account, from AssumeRole and GetCallerIdentity answers."""
    if status != 200:
        return
    op = operation(req)
    if op == "AssumeRole":
        arn = dict(form(req) or []).get("RoleArn", "")
        account = arn.split(":")[4] if arn.count(":") >= 5 else None
        for tag, value in TAG.findall(body):
            if tag == b"AccessKeyId" and account:
                accounts[value.decode()] = account
    elif op == "GetCallerIdentity":
        akid, _, _ = credential_scope(req)
        for tag, value in TAG.findall(body):
            if tag == b"Account" and akid:
                accounts[akid] = value.decode()


EXPIRATION = re.compile(rb"<Expiration>[^<]*</Expiration>")


def fresh_expiration(body):
    """A replayed STS answer's credentials expire an hour from now, not an hour from when they
    were recorded: stale ones would make the client assume the role again before every request."""
    if b"<Expiration>" not in body:
        return None
    until = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600)).encode()
    return EXPIRATION.sub(b"<Expiration>" + until + b"</Expiration>", body)


class Answer:
    """A response, stored as status line + headers (without framing) + body."""

    __slots__ = ("status", "reason", "headers", "body", "head_only")

    def __init__(self, status, reason, headers, body, head_only=False):
        self.status, self.reason, self.headers, self.body = status, reason, headers, body
        self.head_only = head_only

    def encode(self, date, body=None):
        body = self.body if body is None else body
        out = [f"HTTP/1.1 {self.status} {self.reason}"]
        length = None
        for k, v in self.headers:
            if k.lower() == "content-length":
                length = v
            elif k.lower() not in DROP_RESPONSE_HEADERS:
                out.append(f"{k}: {v}")
        if self.head_only:
            out.append(f"Content-Length: {length or 0}")
        else:
            out.append(f"Content-Length: {len(body)}")
        out.append(f"Date: {date}")
        head = ("\r\n".join(out) + "\r\n\r\n").encode("latin-1")
        return head if self.head_only else head + body

    def to_json(self, key):
        return json.dumps({"key": key, "status": self.status, "reason": self.reason,
                           "headers": self.headers, "body": b64encode(self.body).decode(),
                           "head_only": self.head_only})

    @staticmethod
    def from_json(d):
        return Answer(d["status"], d["reason"], [tuple(h) for h in d["headers"]],
                      b64decode(d["body"]), d.get("head_only", False))


async def read_response(reader, head_only):
    """Read one HTTP response (1xx skipped): (Answer, connection reusable?)."""
    while True:
        line = await reader.readline()
        if not line:
            raise ConnectionError("the target closed the connection")
        parts = line.decode("latin-1").rstrip("\r\n").split(" ", 2)
        status = int(parts[1])
        reason = parts[2] if len(parts) > 2 else ""
        headers = []
        while True:
            h = await reader.readline()
            if h in (b"\r\n", b"\n", b""):
                break
            name, _, value = h.decode("latin-1").rstrip("\r\n").partition(":")
            headers.append((name.strip(), value.strip()))
        if status >= 200:
            break
    hd = {k.lower(): v for k, v in headers}
    if head_only or status in (204, 304):
        body, reusable = b"", True
    elif hd.get("transfer-encoding", "").lower() == "chunked":
        chunks = bytearray()
        while True:
            size = int((await reader.readline()).split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                    pass
                break
            chunks += await reader.readexactly(size)
            await reader.readline()
        body, reusable = bytes(chunks), True
    elif "content-length" in hd:
        body, reusable = await reader.readexactly(int(hd["content-length"])), True
    else:
        body, reusable = await reader.read(), False
    if hd.get("connection", "").lower() == "close":
        reusable = False
    return Answer(status, reason, headers, body, head_only), reusable


class Bed:
    def __init__(self, args):
        self.target = args.target
        self.delay = args.delay_ms / 1000
        self.mode = args.mode
        self.live = set(args.live_bucket or [])
        self.stats_file = args.stats_file
        self.store_path = args.store
        self.store = {}
        self.accounts = {}
        self.counts = Counter()
        self.forwarded_ops = Counter()
        self.snapshots = 0
        self.open = 0  # client connections open now (their peak is counts["peak_open"])
        self.idle = []  # keep-alive connections to the target
        self.tasks = set()  # forwards in progress
        self.pending = {}  # key -> future answer, for SHARED_OPERATIONS being forwarded
        self._date = (0, "")
        if args.mode == "replay" and os.path.exists(args.store):
            with open(args.store) as f:
                for line in f:
                    d = json.loads(line)
                    self.store[d["key"]] = Answer.from_json(d)
        self.store_file = open(args.store, "a")

    def date(self):
        now = int(time.time())
        if self._date[0] != now:
            self._date = (now, email.utils.formatdate(now, usegmt=True))
        return self._date[1]

    def answer_from_store(self, req):
        """The stored answer's bytes, or None when the request must go to the target."""
        if not replayable(req, self.live):
            return None
        if self.mode != "replay" and operation(req) not in SHARED_OPERATIONS:
            return None
        a = self.store.get(request_key(req, self.accounts))
        if a is None:
            return None
        learn(req, a.status, a.body, self.accounts)
        return a.encode(self.date(), fresh_expiration(a.body))

    async def forward(self, req):
        """Send the request to the target; keep its answer if it may be replayed."""
        # Compute the key with what is known before the answer teaches anything.
        key = request_key(req, self.accounts) if replayable(req, self.live) else None
        shared = key is not None and operation(req) in SHARED_OPERATIONS
        if shared and key in self.pending:
            # The same answer for everyone is on its way: wait for it rather than ask again.
            answer = await asyncio.shield(self.pending[key])
            self.counts["replayed"] += 1
            return answer.encode(self.date())
        if shared:
            self.pending[key] = asyncio.get_running_loop().create_future()
        try:
            return await self._forward(req, key)
        except BaseException as e:
            if shared and not self.pending[key].done():
                self.pending[key].set_exception(e)
            raise
        finally:
            if shared:
                self.pending.pop(key, None)

    async def _forward(self, req, key):
        # Without Expect (the bed already said 100 Continue to the client).
        if "expect" in req.headers:
            end = req.raw.find(b"\r\n\r\n")
            head = "\r\n".join(h for h in req.lines if not h.lower().startswith("expect:"))
            data = head.encode("latin-1") + req.raw[end:]
        else:
            data = req.raw
        head_only = req.method == "HEAD"
        if TRACE:
            log(f"forward {req.method} {req.target} {operation(req)}")
        for attempt in range(2):
            reused = bool(self.idle)
            reader, writer = self.idle.pop() if reused else await asyncio.open_connection(*self.target)
            try:
                writer.write(data)
                await writer.drain()
                answer, reusable = await read_response(reader, head_only)
                break
            except (ConnectionError, asyncio.IncompleteReadError, OSError, ValueError):
                writer.close()
                if reused and attempt == 0:
                    continue  # a kept connection the target had closed: once more on a new one
                raise
        if TRACE:
            log(f"answer {answer.status} to {req.method} {req.target} ({len(answer.body)} bytes)")
        if reusable and len(self.idle) < 64:
            self.idle.append((reader, writer))
        else:
            writer.close()
        self.counts["forwarded"] += 1
        self.forwarded_ops[f"{req.method} {operation(req) or urllib.parse.urlsplit(req.target).path[:40]}"] += 1
        learn(req, answer.status, answer.body, self.accounts)
        if key in self.pending:
            self.pending[key].set_result(answer)
        if key is not None and answer.status < 500 and answer.status != 429:
            self.store[key] = answer
            self.store_file.write(answer.to_json(key) + "\n")
            self.counts["kept"] += 1
        return answer.encode(self.date())

    def stats(self):
        return {
            "requests": self.counts["requests"], "replayed": self.counts["replayed"],
            "forwarded": self.counts["forwarded"], "kept": self.counts["kept"],
            "errors": self.counts["errors"], "stored": len(self.store),
            "connections": self.counts["connections"], "open": self.open,
            "peak_open": self.counts["peak_open"],
            "delay_ms": self.delay * 1000, "mode": self.mode,
            "forwarded_operations": dict(self.forwarded_ops.most_common(40)),
        }

    def report(self):
        self.store_file.flush()
        self.snapshots += 1
        s = self.stats()
        s["snapshots"] = self.snapshots
        # peak_open is the peak since the last snapshot: a benchmark's two snapshots bound its run.
        self.counts["peak_open"] = self.open
        if self.stats_file:
            write_atomically(self.stats_file, json.dumps(s) + "\n")
        log(f"{s['requests']} requests: {s['replayed']} replayed, {s['forwarded']} forwarded "
            f"({s['kept']} kept, {s['stored']} stored), {s['errors']} failed")


class Connection(asyncio.Protocol):
    """One client connection: requests are answered one after the other, in order."""

    def __init__(self, bed):
        self.bed = bed
        self.buf = bytearray()
        self.busy = False
        self.continued = False
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        self.bed.counts["connections"] += 1
        self.bed.open += 1
        self.bed.counts["peak_open"] = max(self.bed.counts["peak_open"], self.bed.open)

    def data_received(self, data):
        self.buf += data
        if not self.busy:
            self.next()

    def connection_lost(self, exc):
        self.transport = None
        self.bed.open -= 1

    def next(self):
        if self.transport is None:
            return
        req, used, expect = parse_request(self.buf)
        if req is None:
            if expect and not self.continued:
                self.continued = True
                self.transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            return
        del self.buf[:used]
        self.continued = False
        self.busy = True
        self.bed.counts["requests"] += 1
        loop = asyncio.get_running_loop()
        stored = self.bed.answer_from_store(req)
        if stored is not None:
            self.bed.counts["replayed"] += 1
            if self.bed.delay > 0:
                loop.call_later(self.bed.delay, self.respond, stored)
            else:
                self.respond(stored)
        else:
            # The loop keeps only a weak reference to a task: hold it until it is done.
            task = loop.create_task(self.forwarded(req))
            self.bed.tasks.add(task)
            task.add_done_callback(self.bed.tasks.discard)

    async def forwarded(self, req):
        if self.bed.delay > 0:
            await asyncio.sleep(self.bed.delay)
        try:
            data = await self.bed.forward(req)
        except Exception as e:  # noqa: BLE001 - the client gets a 502 and the bed goes on
            self.bed.counts["errors"] += 1
            log(f"cannot forward {req.method} {req.target}: {e!r}")
            body = b"<Error><Code>BadGateway</Code><Message>replay_bed: target failed</Message></Error>"
            data = (b"HTTP/1.1 502 Bad Gateway\r\nContent-Type: application/xml\r\nContent-Length: "
                    + str(len(body)).encode() + b"\r\n\r\n" + body)
        self.respond(data)

    def respond(self, data):
        if self.transport is None:
            return
        self.transport.write(data)
        self.busy = False
        if self.buf:
            self.next()


async def main(args):
    bed = Bed(args)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: Connection(bed), *args.listen, backlog=4096)
    port = server.sockets[0].getsockname()[1]
    if args.port_file:
        write_atomically(args.port_file, f"{port}\n")
    print(port, flush=True)
    log(f"{args.mode}: listening on {args.listen[0]}:{port}, target {args.target[0]}:{args.target[1]}, "
        f"+{args.delay_ms:g} ms per request, {len(bed.store)} answers stored")
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.add_signal_handler(signal.SIGUSR1, bed.report)
    await stop.wait()
    server.close()
    bed.report()
    bed.store_file.close()


# --- the ceiling: how many requests per second the bed answers ----------------------------------

async def _hammer(port, request, in_flight, total):
    done = [0]

    async def one():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while done[0] < total:
                done[0] += 1
                writer.write(request)
                await read_response(reader, False)
        finally:
            writer.close()

    start = time.monotonic()
    await asyncio.gather(*(one() for _ in range(in_flight)))
    return total / (time.monotonic() - start)


def ceiling(port, request, in_flight=256, total=20000):
    """Requests per second the bed on `port` answers to `request` (raw bytes, an HTTP/1.1
    keep-alive request it replays), `in_flight` at once. The client is this Python process, on the
    same machine: the figure is a lower bound of the bed's own."""
    return asyncio.run(_hammer(port, request, in_flight, total))


def signed_get(port, path, access_key="test", region="us-east-1", service="s3"):
    """A GET with a SigV4-shaped Authorization header (not a valid signature: moto does not check),
    for `ceiling()`."""
    return (f"GET {path} HTTP/1.1\r\nHost: localhost:{port}\r\nX-Amz-Date: 20260101T000000Z\r\n"
            f"Authorization: AWS4-HMAC-SHA256 Credential={access_key}/20260101/{region}/{service}/aws4_request, "
            f"SignedHeaders=host;x-amz-date, Signature={'0' * 64}\r\n\r\n").encode()


class Running:
    """A bed started as a child process by a benchmark: its port, and its statistics on demand."""

    def __init__(self, target_port, store, mode, delay_ms, work, live_buckets=(), name="bed"):
        import subprocess
        self.port_file = os.path.join(work, f"{name}.port")
        self.stats_file = os.path.join(work, f"{name}-stats.json")
        for f in (self.port_file, self.stats_file):
            if os.path.exists(f):
                os.remove(f)
        cmd = [sys.executable, os.path.abspath(__file__), "--target", f"127.0.0.1:{target_port}",
               "--store", store, "--mode", mode, "--delay-ms", str(delay_ms),
               "--port-file", self.port_file, "--stats-file", self.stats_file]
        for b in live_buckets:
            cmd += ["--live-bucket", b]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                                     stderr=open(os.path.join(work, f"{name}.log"), "a"))
        for _ in range(600):
            if os.path.exists(self.port_file):
                break
            if self.proc.poll() is not None:
                raise RuntimeError(f"the bed exited with {self.proc.returncode}")
            time.sleep(0.05)
        self.port = int(open(self.port_file).read())

    def stats(self):
        """The bed's statistics now (it writes them on SIGUSR1)."""
        before = json.load(open(self.stats_file))["snapshots"] if os.path.exists(self.stats_file) else 0
        self.proc.send_signal(signal.SIGUSR1)
        for _ in range(200):
            if os.path.exists(self.stats_file) and json.load(open(self.stats_file)).get("snapshots", 0) > before:
                break
            time.sleep(0.05)
        return json.load(open(self.stats_file))

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(30)
        except Exception:  # noqa: BLE001
            self.proc.kill()


def parse_args(argv):
    p = argparse.ArgumentParser(prog="replay_bed.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--listen", type=host_port, default=("127.0.0.1", 0))
    p.add_argument("--target", type=host_port, required=True, help="HOST:PORT of moto")
    p.add_argument("--store", required=True, help="the recorded answers (JSON lines)")
    p.add_argument("--mode", choices=("record", "replay"), required=True)
    p.add_argument("--delay-ms", type=float, default=50.0)
    p.add_argument("--live-bucket", action="append", help="a bucket whose requests always go to the target")
    p.add_argument("--port-file")
    p.add_argument("--stats-file")
    args = p.parse_args(argv)
    if args.delay_ms < 0:
        p.error("--delay-ms must not be negative")
    return args


if __name__ == "__main__":
    args = parse_args(sys.argv[1:])
    raise_fd_limit()
    asyncio.run(main(args))
