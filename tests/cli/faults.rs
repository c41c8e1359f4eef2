//! The fault proxy: `scripts/latency_proxy.py` between lakegate and moto, answering chosen
//! requests with 503s, resets, delays and lost answers (rules in a JSON file the proxy re-reads),
//! and logging which access key signed each request. Helpers here; the fault cases live in
//! `lease_faults.rs` and `credentials.rs`.

use crate::harness::TestEnv;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running fault proxy in front of the test's moto server; stopped when dropped.
pub struct FaultProxy {
    child: Child,
    port: u16,
    rules: PathBuf,
    log: PathBuf,
}

impl FaultProxy {
    pub fn start(env: &TestEnv) -> Self {
        let dir = env.temp().to_path_buf();
        let rules = dir.join("fault-rules.json");
        let log = dir.join("fault-requests.jsonl");
        std::fs::write(&rules, "[]").unwrap();
        let _ = std::fs::remove_file(&log); // a proxy started earlier in this test logged there
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/latency_proxy.py");
        let python = std::env::var("LAKEGATE_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
        let mut child = Command::new(python)
            .arg(script)
            .args(["--listen", "127.0.0.1:0", "--delay-ms", "0"])
            .arg("--target")
            .arg(format!("127.0.0.1:{}", env.port()))
            .arg("--rules")
            .arg(&rules)
            .arg("--log")
            .arg(&log)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 for scripts/latency_proxy.py");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line.trim().parse().expect("the proxy prints its port");
        FaultProxy {
            child,
            port,
            rules,
            log,
        }
    }

    /// `http://localhost:PORT` of the proxy (S3 Control's `ACCOUNT.localhost` reaches it too).
    pub fn endpoint(&self) -> String {
        format!("http://localhost:{}", self.port)
    }

    /// Replace the fault rules (atomically: the proxy never reads half a file).
    pub fn rules(&self, rules: Value) {
        let tmp = self.rules.with_extension("tmp");
        std::fs::write(&tmp, rules.to_string()).unwrap();
        std::fs::rename(&tmp, &self.rules).unwrap();
    }

    /// Every request the proxy saw so far: `{method, target, access_key, action, t}`.
    pub fn requests(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }

    /// Wait until a request for which `pred` holds has been seen (panics after 60 s).
    pub fn wait_for(&self, what: &str, pred: impl Fn(&Value) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !self.requests().iter().any(&pred) {
            assert!(
                Instant::now() < deadline,
                "the proxy never saw {what}; it saw: {:#?}",
                self.requests()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// `lakegate --endpoint-url <proxy>` with the test environment.
    pub fn cmd(&self, env: &TestEnv) -> assert_cmd::Command {
        let mut c = env.bare_cmd();
        c.arg("--endpoint-url").arg(self.endpoint());
        c
    }

    /// The same as a `std::process::Command`, to run in the background and signal.
    pub fn spawn_cmd(&self, env: &TestEnv) -> Command {
        std_cmd(&self.cmd(env))
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A request log entry's method and target.
pub fn is(req: &Value, method: &str, target_contains: &str) -> bool {
    req["method"] == method
        && req["target"]
            .as_str()
            .is_some_and(|t| t.contains(target_contains))
}

/// The same program, arguments and environment as a `std::process::Command` (to spawn, wait for
/// and signal), with stdout and stderr piped.
pub fn std_cmd(c: &assert_cmd::Command) -> Command {
    let mut std = Command::new(c.get_program());
    std.args(c.get_args());
    for (k, v) in c.get_envs() {
        match v {
            Some(v) => std.env(k, v),
            None => std.env_remove(k),
        };
    }
    std.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    std
}
