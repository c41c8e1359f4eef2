//! Test harness: one moto server shared by the test processes of a run, and a per-test
//! environment that runs the built `lakegate` binary against it over real HTTP.
//!
//! - moto is started through `scripts/moto_server.py` (it fixes S3 Control's XML response roots,
//!   which the AWS SDK for Rust checks strictly) on a port moto picks itself (`-p 0`), so it never
//!   races anything for a port.
//! - nextest runs every test in its own process; starting moto (about a second of CPU) in each
//!   would dominate the run. So the first process starts it under a small Python supervisor and
//!   the others reuse it: every test process holds a shared `flock` on
//!   `$CARGO_TARGET_TMPDIR/moto-shared/users.lock` for its whole life, and the supervisor stops
//!   moto as soon as it can take that lock exclusively, i.e. when the last test process is gone
//!   (however it ended). Starting is serialised by `start.lock`; `port` names the live server.
//!   Under `cargo test` (one process) this is simply one server for the run.
//! - `LAKEGATE_TEST_MOTO_PORT=PORT` uses a moto server that is already running instead (it must
//!   have been started through the same wrapper).
//! - Every test gets its own `TestEnv`: a unique six-character id used in every bucket and access
//!   point name it creates (access point names are account-global in moto), its own state
//!   directory (policy history) and its own HOME, so no test sees another's resources or the
//!   developer's `~/.aws`.

#![allow(dead_code)] // not every test module uses every helper

use assert_cmd::assert::Assert;
use assert_cmd::Command;
use serde_json::Value;
use std::fs::{File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// moto's account id.
pub const ACCOUNT: &str = "123456789012";
pub const REGION: &str = "us-east-1";
pub const EC2_ROLE: &str = "arn:aws:iam::123456789012:role/Ec2ConsumerRole";
pub const LAMBDA_ROLE: &str = "arn:aws:iam::123456789012:role/LambdaProducerRole";
pub const ANALYST_ROLE: &str = "arn:aws:iam::123456789012:role/AnalystRole";

// ---------------------------------------------------------------------------------------------
// moto server
// ---------------------------------------------------------------------------------------------

static MOTO_PORT: OnceLock<u16> = OnceLock::new();

/// Runs moto through the wrapper, publishes its port, and stops it when no test process holds
/// the users lock any more (or when moto dies). argv: users-lock port-file error-file python script.
const SUPERVISOR: &str = r#"
import fcntl, os, subprocess, sys, threading, time
users, port_file, err_file, python, script = sys.argv[1:6]
moto = subprocess.Popen(
    [python, script, "-H", "127.0.0.1", "-p", "0"],
    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
    stderr=subprocess.PIPE, env=dict(os.environ, PYTHONUNBUFFERED="1"),
)
log, port = [], None
for raw in moto.stderr:
    line = raw.decode(errors="replace")
    log.append(line)
    if "Running on http://127.0.0.1:" in line:
        port = line.rsplit(":", 1)[1].strip()
        break
if port is None:
    moto.wait()
    with open(err_file, "w") as f:
        f.write("".join(log[-100:]) + "moto exited with %s\n" % moto.returncode)
    sys.exit(1)
threading.Thread(target=lambda: [None for _ in moto.stderr], daemon=True).start()
with open(port_file + ".tmp", "w") as f:
    f.write(port)
os.replace(port_file + ".tmp", port_file)
fd = os.open(users, os.O_RDWR | os.O_CREAT, 0o644)
while moto.poll() is None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        break
    except OSError:
        time.sleep(0.2)
# Unpublish while holding the lock, so no test process can pick this server up any more.
try:
    os.remove(port_file)
except FileNotFoundError:
    pass
moto.terminate()
try:
    moto.wait(10)
except subprocess.TimeoutExpired:
    moto.kill()
"#;

fn moto_port() -> u16 {
    *MOTO_PORT.get_or_init(|| {
        if let Some(p) = std::env::var("LAKEGATE_TEST_MOTO_PORT")
            .ok()
            .and_then(|p| p.parse().ok())
        {
            let deadline = Instant::now() + Duration::from_secs(30);
            while !answers(p) {
                assert!(
                    Instant::now() < deadline,
                    "LAKEGATE_TEST_MOTO_PORT={p}: nothing answers on that port"
                );
                std::thread::sleep(Duration::from_millis(100));
            }
            return p;
        }
        shared_moto()
    })
}

/// True when a moto server answers on the port.
fn answers(port: u16) -> bool {
    matches!(http(port, "GET", "/moto-api/", &[], &[]), Ok((200, _)))
}

fn flock(f: &File, op: libc::c_int) {
    loop {
        // SAFETY: flock on a file descriptor this function borrows; no memory is involved.
        let rc = unsafe { libc::flock(f.as_raw_fd(), op) };
        if rc == 0 {
            return;
        }
        let e = std::io::Error::last_os_error();
        assert_eq!(e.kind(), std::io::ErrorKind::Interrupted, "flock: {e}");
    }
}

fn lock_file(path: &Path) -> File {
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(path)
        .unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()))
}

fn shared_moto() -> u16 {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("moto-shared");
    std::fs::create_dir_all(&dir).unwrap();
    let users_path = dir.join("users.lock");
    // Held until this process exits: the server stays up while any test process uses it.
    let users = lock_file(&users_path);
    flock(&users, libc::LOCK_SH);
    std::mem::forget(users);

    let start = lock_file(&dir.join("start.lock"));
    flock(&start, libc::LOCK_EX);
    let port_file = dir.join("port");
    let published = || {
        std::fs::read_to_string(&port_file)
            .ok()
            .and_then(|p| p.trim().parse::<u16>().ok())
    };
    if let Some(p) = published() {
        if answers(p) {
            return p; // `start` is unlocked when dropped
        }
    }
    // None, or a stale one (its supervisor was killed): start a server.
    let _ = std::fs::remove_file(&port_file);
    let err_file = dir.join("error.log");
    let _ = std::fs::remove_file(&err_file);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/moto_server.py");
    let python = std::env::var("LAKEGATE_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let mut supervisor = std::process::Command::new(&python)
        .arg("-c")
        .arg(SUPERVISOR)
        .arg(&users_path)
        .arg(&port_file)
        .arg(&err_file)
        .arg(&python)
        .arg(&script)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        // Its own process group: a signal meant for one test's group does not stop the server
        // the other tests use.
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {python} to start moto ({e}); these tests need \
                 `python3 -m pip install 'moto[server]==5.2.1'`"
            )
        });
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        if let Some(p) = published() {
            if answers(p) {
                // It outlives this process only when others still use the server; reap it if
                // it ends first.
                std::thread::spawn(move || supervisor.wait());
                return p;
            }
        }
        if let Ok(Some(status)) = supervisor.try_wait() {
            panic!(
                "moto did not start ({status}); these tests need \
                 `python3 -m pip install 'moto[server]==5.2.1'`\n--- moto output ---\n{}",
                std::fs::read_to_string(&err_file).unwrap_or_default()
            );
        }
        assert!(Instant::now() < deadline, "moto did not answer within 90 s");
        std::thread::sleep(Duration::from_millis(50));
    }
}

// ---------------------------------------------------------------------------------------------
// Raw HTTP to moto (setup and independent read-back; moto accepts unsigned requests)
// ---------------------------------------------------------------------------------------------

/// A minimal HTTP/1.1 request to 127.0.0.1:PORT; returns the status and the body.
pub fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<(u16, Vec<u8>)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes())?;
    s.write_all(body)?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf)?;
    let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_string());
    let split = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| bad("no end of headers"))?;
    let head = String::from_utf8_lossy(&buf[..split]).to_string();
    let mut body = buf[split + 4..].to_vec();
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("no status"))?;
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = dechunk(&body);
    }
    Ok((status, body))
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&b[..eol])
                .split(';')
                .next()
                .unwrap_or("0")
                .trim(),
            16,
        )
        .unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = eol + 2;
        out.extend_from_slice(&b[start..(start + size).min(b.len())]);
        b = &b[(start + size + 2).min(b.len())..];
    }
    out
}

/// S3 Control requests are routed by moto on the signing service named in Authorization.
const S3CONTROL_HEADERS: [(&str, &str); 2] = [
    ("x-amz-account-id", ACCOUNT),
    (
        "Authorization",
        "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0",
    ),
];

pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn xml_unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

// ---------------------------------------------------------------------------------------------
// Per-test environment
// ---------------------------------------------------------------------------------------------

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Six characters, `t` + five of [0-9a-z]: unique per test (random per process, plus a counter).
fn unique_id() -> String {
    static SEED: OnceLock<u64> = OnceLock::new();
    let seed = *SEED.get_or_init(|| {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u32(std::process::id());
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default(),
        );
        h.finish()
    });
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut v = seed.wrapping_add(n.wrapping_mul(0x9E37_79B9_7F4A_7C15)) % 36u64.pow(5);
    let mut s = String::new();
    for _ in 0..5 {
        s.push(char::from_digit((v % 36) as u32, 36).unwrap());
        v /= 36;
    }
    format!("t{s}")
}

/// What one test works in: unique names, its own state dir and HOME, and the moto endpoint.
pub struct TestEnv {
    pub id: String,
    /// Never talks to moto (no server is started for it); see `offline`.
    offline: bool,
    dir: tempfile::TempDir,
    /// Replaces PATH for lakegate (plugin tests).
    path: Option<std::ffi::OsString>,
}

impl TestEnv {
    /// An environment whose commands go to moto (started on first use).
    pub fn new() -> Self {
        Self::make(false)
    }

    /// An environment for commands that need no AWS (help, completion, plugins, argument
    /// errors): `--endpoint-url` is a closed local port, and no moto server is started.
    pub fn offline() -> Self {
        Self::make(true)
    }

    fn make(offline: bool) -> Self {
        let dir = tempfile::Builder::new()
            .prefix("lakegate-test-")
            .tempdir()
            .expect("tempdir");
        std::fs::create_dir_all(dir.path().join("home")).unwrap();
        TestEnv {
            id: unique_id(),
            offline,
            dir,
            path: None,
        }
    }

    /// `http://localhost:PORT`: `localhost`, so S3 Control's `123456789012.localhost` host is used.
    pub fn endpoint(&self) -> String {
        if self.offline {
            // The discard port: nothing listens there on a test machine.
            return "http://localhost:9".into();
        }
        format!("http://localhost:{}", self.port())
    }

    /// The moto server's port (starting or joining it on first use).
    pub fn port(&self) -> u16 {
        assert!(!self.offline, "an offline TestEnv has no moto server");
        moto_port()
    }

    pub fn state_dir(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    pub fn temp(&self) -> &Path {
        self.dir.path()
    }

    /// Run lakegate with this PATH instead of the inherited one.
    pub fn set_path(&mut self, path: std::ffi::OsString) {
        self.path = Some(path);
    }

    /// A name unique to this test: `ID-what`. Not created.
    pub fn name(&self, what: &str) -> String {
        format!("{}-{what}", self.id)
    }

    /// Create a bucket `ID-what` in moto (raw unsigned PUT) and return its name.
    pub fn bucket(&self, what: &str) -> String {
        let b = self.name(what);
        let (status, body) = http(self.port(), "PUT", &format!("/{b}"), &[], &[]).unwrap();
        assert_eq!(
            status,
            200,
            "create bucket {b}: {}",
            String::from_utf8_lossy(&body)
        );
        b
    }

    /// Put a bucket policy behind lakegate's back (a "foreign" policy), exactly these bytes.
    pub fn put_policy_text(&self, bucket: &str, text: &str) {
        let (status, body) = http(
            self.port(),
            "PUT",
            &format!("/{bucket}?policy"),
            &[("Content-Type", "application/json")],
            text.as_bytes(),
        )
        .unwrap();
        assert_eq!(
            status,
            200,
            "put policy on {bucket}: {}",
            String::from_utf8_lossy(&body)
        );
    }

    pub fn put_policy(&self, bucket: &str, doc: &Value) {
        self.put_policy_text(bucket, &serde_json::to_string(doc).unwrap());
    }

    /// The bucket policy exactly as stored (raw GET), or None when the bucket has none.
    pub fn policy_text(&self, bucket: &str) -> Option<String> {
        let (status, body) =
            http(self.port(), "GET", &format!("/{bucket}?policy"), &[], &[]).unwrap();
        let body = String::from_utf8(body).unwrap();
        match status {
            200 => Some(body),
            404 if body.contains("NoSuchBucketPolicy") => None,
            _ => panic!("GET {bucket}?policy: {status} {body}"),
        }
    }

    /// The bucket policy (raw GET) as JSON.
    pub fn policy(&self, bucket: &str) -> Option<Value> {
        self.policy_text(bucket)
            .map(|t| serde_json::from_str(&t).expect("bucket policy is JSON"))
    }

    /// Whether the access point exists (raw S3 Control GET, not through lakegate).
    pub fn ap_exists(&self, name: &str) -> bool {
        let (status, body) = http(
            self.port(),
            "GET",
            &format!("/v20180820/accesspoint/{name}"),
            &S3CONTROL_HEADERS,
            &[],
        )
        .unwrap();
        let body = String::from_utf8_lossy(&body);
        match status {
            200 => true,
            404 if body.contains("NoSuchAccessPoint") => false,
            _ => panic!("GET access point {name}: {status} {body}"),
        }
    }

    /// The access point policy (raw S3 Control GET), or None when it has none.
    pub fn ap_policy(&self, name: &str) -> Option<Value> {
        let (status, body) = http(
            self.port(),
            "GET",
            &format!("/v20180820/accesspoint/{name}/policy"),
            &S3CONTROL_HEADERS,
            &[],
        )
        .unwrap();
        let body = String::from_utf8(body).unwrap();
        match status {
            200 => {
                let start = body.find("<Policy>").map(|i| i + "<Policy>".len())?;
                let end = body.find("</Policy>")?;
                let text = xml_unescape(&body[start..end]);
                if text.trim().is_empty() {
                    None
                } else {
                    Some(serde_json::from_str(&text).expect("access point policy is JSON"))
                }
            }
            404 if body.contains("NoSuchAccessPointPolicy") => None,
            _ => panic!("GET access point policy {name}: {status} {body}"),
        }
    }

    /// Put an access point policy behind lakegate's back (raw S3 Control PUT).
    pub fn put_ap_policy(&self, name: &str, doc: &Value) {
        let text = serde_json::to_string(doc).unwrap();
        let body = format!(
            "<PutAccessPointPolicyRequest xmlns=\"http://awss3control.amazonaws.com/doc/2018-08-20/\"><Policy>{}</Policy></PutAccessPointPolicyRequest>",
            xml_escape(&text)
        );
        let (status, resp) = http(
            self.port(),
            "PUT",
            &format!("/v20180820/accesspoint/{name}/policy"),
            &S3CONTROL_HEADERS,
            body.as_bytes(),
        )
        .unwrap();
        assert_eq!(
            status,
            200,
            "put access point policy on {name}: {}",
            String::from_utf8_lossy(&resp)
        );
    }

    /// Every history file lakegate kept in this test's state directory.
    pub fn history_files(&self) -> Vec<PathBuf> {
        fn walk(d: &Path, out: &mut Vec<PathBuf>) {
            if let Ok(rd) = std::fs::read_dir(d) {
                for e in rd.flatten() {
                    let p = e.path();
                    if p.is_dir() {
                        walk(&p, out);
                    } else {
                        out.push(p);
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.state_dir(), &mut out);
        out.sort();
        out
    }

    /// `lakegate` with the test environment and `--endpoint-url`, without arguments yet.
    pub fn cmd(&self) -> Command {
        let mut c = self.bare_cmd();
        c.arg("--endpoint-url").arg(self.endpoint());
        c
    }

    /// `lakegate` with the test environment but no `--endpoint-url`.
    pub fn bare_cmd(&self) -> Command {
        let mut c = Command::cargo_bin("lakegate").expect("the lakegate binary");
        for (k, _) in std::env::vars_os() {
            let k = k.to_string_lossy();
            if k.starts_with("AWS_")
                || k.starts_with("LAKEGATE_")
                || k.starts_with("_CLAP")
                || matches!(
                    k.as_ref(),
                    "COMPLETE" | "COLUMNS" | "CLICOLOR" | "CLICOLOR_FORCE" | "RUST_LOG"
                )
            {
                c.env_remove(k.as_ref());
            }
        }
        let home = self.dir.path().join("home");
        c.env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("AWS_CONFIG_FILE", home.join("no-aws-config"))
            .env(
                "AWS_SHARED_CREDENTIALS_FILE",
                home.join("no-aws-credentials"),
            )
            .env("AWS_ACCESS_KEY_ID", "test")
            .env("AWS_SECRET_ACCESS_KEY", "test")
            .env("AWS_REGION", REGION)
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("LAKEGATE_STATE_DIR", self.state_dir())
            .env("LAKEGATE_NO_PROGRESS", "1")
            .env("NO_COLOR", "1")
            .timeout(Duration::from_secs(120));
        if let Some(p) = &self.path {
            c.env("PATH", p);
        }
        c
    }

    /// Run `lakegate --endpoint-url URL ARGS...` and check it did not panic.
    pub fn lg<I, S>(&self, args: I) -> Assert
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut c = self.cmd();
        c.args(args);
        no_panic(c.assert())
    }

    /// Run lakegate and return its stdout parsed as JSON, asserting exit 0.
    pub fn json<I, S>(&self, args: I) -> Value
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let a = self.lg(args).success();
        serde_json::from_str(&stdout(&a))
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", stdout(&a)))
    }

    /// Create an access point through lakegate (asserting success); returns its name.
    pub fn create_ap(
        &self,
        what: &str,
        bucket: &str,
        prefix: &str,
        principal: &str,
        access: &str,
    ) -> String {
        let name = self.name(what);
        self.lg([
            "accesspoint",
            "create",
            &name,
            "--bucket",
            bucket,
            "--prefix",
            prefix,
            "--principal",
            principal,
            "--access",
            access,
            // Set-up, not the subject: a principal of another account needs confirmation.
            "--yes",
        ])
        .success();
        name
    }

    /// insta settings that make this test's output stable: the unique id, access point aliases,
    /// timestamps and the moto port are replaced by same-width placeholders where they can
    /// appear in aligned tables.
    pub fn insta(&self) -> insta::Settings {
        let mut s = insta::Settings::clone_current();
        s.set_prepend_module_to_snapshot(false);
        s.add_filter(
            r"-[0-9a-f]{34}-s3alias",
            "-[alias-hash]......................-s3alias",
        );
        s.add_filter(&regex_escape(&self.id), "[test]");
        s.add_filter(
            r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z",
            "[timestamp]",
        );
        if let Some(port) = MOTO_PORT.get() {
            s.add_filter(&format!("localhost:{port}"), "localhost:[port]");
            s.add_filter(&format!("127.0.0.1:{port}"), "127.0.0.1:[port]");
        }
        s
    }
}

pub fn regex_escape(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_ascii_alphanumeric() {
                vec![c]
            } else {
                vec!['\\', c]
            }
        })
        .collect()
}

/// No invocation may panic, whatever it is asked.
pub fn no_panic(a: Assert) -> Assert {
    let err = stderr(&a);
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "lakegate panicked:\n{err}"
    );
    a
}

pub fn stdout(a: &Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).into_owned()
}

pub fn stderr(a: &Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

/// Assert a bad-input failure: exit 2, exactly one `error:` line that contains `needle`, nothing on
/// stdout, no panic.
pub fn assert_usage_error(a: Assert, needle: &str) -> Assert {
    let a = a.code(2);
    let err = stderr(&a);
    let error_lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(
        error_lines.len(),
        1,
        "expected exactly one `error:` line, got:\n{err}"
    );
    assert!(
        error_lines[0].contains(needle),
        "the error line should name {needle:?}:\n{err}"
    );
    assert!(
        stdout(&a).is_empty(),
        "stdout should be empty:\n{}",
        stdout(&a)
    );
    a
}

/// Every statement of a policy document (Statement may be one object or an array).
pub fn statements(doc: &Value) -> Vec<Value> {
    match doc.get("Statement") {
        Some(Value::Array(a)) => a.clone(),
        Some(v @ Value::Object(_)) => vec![v.clone()],
        _ => Vec::new(),
    }
}

/// A field that may be a string or an array of strings, as a list.
pub fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// The `Principal.AWS` values of a statement.
pub fn principals(st: &Value) -> Vec<String> {
    strings(st.pointer("/Principal/AWS"))
}

/// A fake AWS service (DataZone, IAM Access Analyzer: what moto does not emulate): a `wiremock`
/// server on a tokio runtime of its own, so that the synchronous tests can mount mocks and read
/// what it received.
pub struct HttpFake {
    rt: tokio::runtime::Runtime,
    server: wiremock::MockServer,
}

impl HttpFake {
    pub fn new() -> Self {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let server = rt.block_on(wiremock::MockServer::start());
        HttpFake { rt, server }
    }

    pub fn uri(&self) -> String {
        self.server.uri()
    }

    pub fn mount(&self, m: wiremock::Mock) {
        self.rt.block_on(m.mount(&self.server));
    }

    /// Every request received so far, in order.
    pub fn received(&self) -> Vec<wiremock::Request> {
        self.rt
            .block_on(self.server.received_requests())
            .unwrap_or_default()
    }
}
