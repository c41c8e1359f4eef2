//! lakegate in a pseudo-terminal, as a person runs it (issue 25): stdin, stdout and stderr are
//! the terminal, its size is set (80 columns by default), and keys can be typed, Ctrl-C
//! included (the terminal turns it into SIGINT for the foreground process group, as a shell's
//! terminal does). Tables are fitted to the terminal's own width here: COLUMNS is not set.
//!
//! - `tables_at_80_columns`: snapshots of the tables the issue names, each checked to keep every
//!   line within 80 columns and no value cut (`…`).
//! - `ctrl_c_at_a_prompt_*`: Ctrl-C at a `[y/N]` prompt ends lakegate at once, exit 130,
//!   nothing changed.

use crate::harness::{TestEnv, ANALYST_ROLE, EC2_ROLE, LAMBDA_ROLE, REGION};
use insta::assert_snapshot;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What a run in the terminal showed, and how it ended.
pub struct Shown {
    /// Everything written to the terminal, `\r\n` as `\n`, escape sequences removed.
    pub text: String,
    /// The exit code; None if it did not end in time (it was then killed).
    pub code: Option<i32>,
}

/// One key press after the terminal has shown `after`.
pub struct Keys<'a> {
    pub after: &'a str,
    pub send: &'a [u8],
}

/// `lakegate ARGS` with the test's environment (as `TestEnv::cmd` builds it) but stdin, stdout
/// and stderr a terminal of `cols` columns; `keys` typed when their text has been shown.
pub fn run(env: &TestEnv, args: &[&str], cols: u16, keys: Option<Keys<'_>>) -> Shown {
    let (master, slave) = open_pty(cols, 40);
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("lakegate"));
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().into_owned();
        if k.starts_with("AWS_")
            || k.starts_with("LAKEGATE_")
            || k.starts_with("_CLAP")
            || matches!(
                k.as_str(),
                "COMPLETE" | "COLUMNS" | "LINES" | "CLICOLOR" | "CLICOLOR_FORCE" | "RUST_LOG"
            )
        {
            c.env_remove(&k);
        }
    }
    let home = env.temp().join("home");
    c.arg("--endpoint-url")
        .arg(env.endpoint())
        .args(args)
        .env("HOME", &home)
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
        .env("LAKEGATE_STATE_DIR", env.state_dir())
        .env("LAKEGATE_NO_PROGRESS", "1")
        .env("NO_COLOR", "1")
        .env("TERM", "dumb");
    let fd = |f: &OwnedFd| Stdio::from(f.try_clone().expect("dup the terminal"));
    c.stdin(fd(&slave)).stdout(fd(&slave)).stderr(fd(&slave));
    // SAFETY: setsid and ioctl are async-signal-safe; the terminal becomes the child's
    // controlling terminal, so Ctrl-C typed on it is SIGINT to the child's process group.
    unsafe {
        c.pre_exec(|| {
            if libc::setsid() < 0 {
                return Err(std::io::Error::last_os_error());
            }
            if libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = c.spawn().expect("lakegate starts");
    drop(slave);

    // Read the terminal on a thread of its own; the reads end when the child is gone (EIO).
    let mut reader = std::fs::File::from(master.try_clone().unwrap());
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        loop {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if tx.send(buf[..n].to_vec()).is_err() {
                        break;
                    }
                }
            }
        }
    });
    let mut writer = std::fs::File::from(master);
    let mut shown: Vec<u8> = Vec::new();
    let mut keys = keys;
    let deadline = Instant::now() + Duration::from_secs(120);
    let code = loop {
        while let Ok(chunk) = rx.try_recv() {
            shown.extend(chunk);
        }
        if let Some(k) = &keys {
            if String::from_utf8_lossy(&shown).contains(k.after) {
                writer.write_all(k.send).unwrap();
                writer.flush().unwrap();
                keys = None;
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status.code().or_else(|| {
                use std::os::unix::process::ExitStatusExt;
                status.signal().map(|s| 128 + s)
            });
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    // What is still in the terminal after the child ended.
    let until = Instant::now() + Duration::from_millis(500);
    while Instant::now() < until {
        match rx.recv_timeout(Duration::from_millis(50)) {
            Ok(chunk) => shown.extend(chunk),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    Shown {
        text: clean(&String::from_utf8_lossy(&shown)),
        code,
    }
}

fn open_pty(cols: u16, rows: u16) -> (OwnedFd, OwnedFd) {
    let mut master = -1;
    let mut slave = -1;
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors it opened; each is owned exactly once below.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both descriptors were just opened by openpty and are owned by nobody else.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    assert!(master.as_raw_fd() >= 0 && slave.as_raw_fd() >= 0);
    (master, slave)
}

/// The terminal's text as a file would hold it: `\r\n` → `\n`, escape sequences gone.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {}
            '\x1b' => {
                // CSI: ESC [ params final-byte
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for d in chars.by_ref() {
                        if ('@'..='~').contains(&d) {
                            break;
                        }
                    }
                } else {
                    chars.next();
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The table without the rows (their first line and its continuation lines) that start with
/// one of `starts`.
fn without_rows(text: &str, starts: &[&str]) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for l in text.lines() {
        if !l.starts_with(' ') {
            skipping = starts.iter().any(|s| l.starts_with(s));
        }
        if !skipping {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

/// Every line of a table within `cols` columns, and nothing cut short with `…`. Sentences
/// (warnings, the log, a verdict) are left to the terminal to wrap.
fn assert_within(text: &str, cols: usize) {
    let sentence = |l: &str| {
        [
            "warning:",
            "DEBUG",
            "allowed:",
            "explicitly-denied:",
            "implicitly-denied:",
        ]
        .iter()
        .any(|p| l.starts_with(p))
    };
    for l in text.lines().filter(|l| !sentence(l)) {
        assert!(
            l.chars().count() <= cols,
            "{} columns > {cols}: {l}\n{text}",
            l.chars().count()
        );
    }
    assert!(!text.contains('…'), "a value was cut:\n{text}");
}

/// A bucket delegated to its access points, an access point with two principals on one prefix
/// and a third principal on another (so its policy has several statements whose Sids differ
/// only in their hash, and `accesspoint list` two principals in one cell).
fn lake(env: &TestEnv) -> (String, String) {
    let bucket = env.bucket("a-rather-long-bucket-name-for-width");
    env.lg(["bucket", "delegate", &bucket]).success();
    let ap = env.create_ap(
        "consumer-with-a-long-access-point-name",
        &bucket,
        "sales_event/year=2024/month=01/region=eu-west-1/",
        EC2_ROLE,
        "read-write",
    );
    env.lg([
        "accesspoint",
        "grant",
        &ap,
        "--prefix",
        "inventory_event/warehouse=north/",
        "--principal",
        LAMBDA_ROLE,
        "--access",
        "write",
    ])
    .success();
    env.lg([
        "accesspoint",
        "grant",
        &ap,
        "--prefix",
        "sales_event/year=2024/month=01/region=eu-west-1/",
        "--principal",
        ANALYST_ROLE,
        "--access",
        "read",
    ])
    .success();
    (bucket, ap)
}

/// The filters of `env.insta()`, and the hash of an access point's alias wherever it wraps.
fn settings(env: &TestEnv) -> insta::Settings {
    let mut s = env.insta();
    s.add_filter(r"[0-9a-f]{8,}-s3alias", "[hash]-s3alias");
    // A grant's Sid ends in a hash of the access point's ARN, which holds the test's id: the
    // same width, so that columns stay as they were.
    s.add_filter(
        r"(Lakegate(?:Read|Write|List|Bucket)[A-Za-z]*)[0-9a-f]{16}",
        "$1[sid-hash......]",
    );
    // Timings.
    s.add_filter(r"\b\d+ ms\b", "[n] ms");
    s
}

#[test]
fn tables_at_80_columns() {
    let env = TestEnv::new();
    let (bucket, ap) = lake(&env);
    let s = settings(&env);

    let shown = run(&env, &["accesspoint", "get", &ap], 80, None);
    assert_eq!(shown.code, Some(0), "{}", shown.text);
    assert_within(&shown.text, 80);
    for sid_part in ["LakegateRead", "LakegateWrite"] {
        assert!(shown.text.contains(sid_part), "{}", shown.text);
    }
    s.bind(|| assert_snapshot!("pty_accesspoint_get_80", shown.text));

    let shown = run(
        &env,
        &["accesspoint", "list", "--bucket", &bucket],
        80,
        None,
    );
    assert_eq!(shown.code, Some(0), "{}", shown.text);
    assert_within(&shown.text, 80);
    // Two principals are two names, never one look-alike such as `AnalystR…umerRole`.
    for p in ["AnalystRole", "Ec2ConsumerRole"] {
        assert!(shown.text.contains(p), "{p}:\n{}", shown.text);
    }
    s.bind(|| assert_snapshot!("pty_accesspoint_list_80", shown.text));

    let shown = run(
        &env,
        &[
            "access",
            "check",
            "--principal",
            EC2_ROLE,
            "--action",
            "s3:GetObject",
            "--bucket",
            &bucket,
            "--key",
            "sales_event/year=2024/month=01/region=eu-west-1/day=01/orders.csv",
            "--access-point",
            &ap,
            "-v",
        ],
        80,
        None,
    );
    assert_eq!(shown.code, Some(0), "{}", shown.text);
    assert_within(&shown.text, 80);
    s.bind(|| assert_snapshot!("pty_access_check_v_80", shown.text));

    let shown = run(&env, &["audit", "report", "--bucket", &bucket], 80, None);
    assert_eq!(shown.code, Some(0), "{}", shown.text);
    assert_within(&shown.text, 80);
    s.bind(|| assert_snapshot!("pty_audit_report_80", shown.text));

    let shown = run(&env, &["bucket", "policy", "get", &bucket], 80, None);
    assert_eq!(shown.code, Some(0), "{}", shown.text);
    assert_within(&shown.text, 80);
    // The delegation statement shows its condition: it is not `Allow * *`.
    assert!(
        shown.text.contains("s3:DataAccessPointAccount"),
        "{}",
        shown.text
    );
    s.bind(|| assert_snapshot!("pty_bucket_policy_get_80", shown.text));

    let shown = run(&env, &["whoami"], 80, None);
    assert_eq!(shown.code, Some(0), "{}", shown.text);
    assert_within(&shown.text, 80);
    assert!(
        shown.text.contains("ARN:"),
        "a key-value record:\n{}",
        shown.text
    );
    s.bind(|| assert_snapshot!("pty_whoami_80", shown.text));

    // doctor against moto: DataZone and Access Analyzer are not there; details to read in full.
    let shown = run(&env, &["doctor", "--timeout", "30"], 80, None);
    assert_within(&shown.text, 80);
    assert!(shown.text.contains("CHECK"), "{}", shown.text);
    // Whether moto has an organization depends on which other tests ran first: its rows go.
    let text = without_rows(
        &shown.text,
        &["endpoint Organizations", "permissions Organizations"],
    );
    s.bind(|| assert_snapshot!("pty_doctor_80", text));
}

#[test]
fn endpoint_status_fits_80_columns() {
    let env = TestEnv::new();
    let net = crate::endpoint::network(&env, 37);
    let user = env.name("analyst");
    crate::endpoint::user_with_policy(&env, &user, crate::endpoint::POLICY);
    let created = crate::endpoint::create_endpoint(&env, &net, &["--allow-cidr", "10.37.0.0/16"]);
    let vpce = created["endpoint"]["id"].as_str().unwrap().to_string();
    // Not locked down yet: exit 3, each check with its detail.
    let shown = run(
        &env,
        &["endpoint", "status", "--vpce", &vpce, "--user", &user],
        80,
        None,
    );
    assert_eq!(shown.code, Some(3), "{}", shown.text);
    assert_within(&shown.text, 80);
    let mut s = settings(&env);
    s.add_filter(
        &crate::harness::regex_escape(&vpce),
        "vpce-[id.............]",
    );
    for kind in ["rtb", "nat", "igw"] {
        s.add_filter(
            &format!(r"{kind}-[0-9a-f]{{17}}"),
            format!("{kind}-[id.............]"),
        );
    }
    s.bind(|| assert_snapshot!("pty_endpoint_status_80", shown.text));
}

/// Ctrl-C at the `[y/N]` of `accesspoint delete`: exit 130 at once, the access point still there.
#[test]
fn ctrl_c_at_a_prompt_ends_at_once_and_changes_nothing() {
    let env = TestEnv::new();
    let bucket = env.bucket("ctrlc");
    let ap = env.create_ap("ctrlc", &bucket, "a/", EC2_ROLE, "read");
    let started = Instant::now();
    let shown = run(
        &env,
        &["accesspoint", "delete", &ap],
        80,
        Some(Keys {
            after: "[y/N]",
            send: b"\x03",
        }),
    );
    assert!(shown.text.contains("[y/N]"), "no prompt:\n{}", shown.text);
    assert_eq!(shown.code, Some(130), "{}", shown.text);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
    assert!(
        shown.text.contains("interrupted by SIGINT"),
        "{}",
        shown.text
    );
    assert!(env.ap_exists(&ap), "the access point was deleted");
    assert!(env.ap_policy(&ap).is_some(), "its policy was deleted");

    // `accesspoint revoke` asks too now; Ctrl-C there leaves the grant.
    let shown = run(
        &env,
        &["accesspoint", "revoke", &ap, "--principal", EC2_ROLE],
        80,
        Some(Keys {
            after: "[y/N]",
            send: b"\x03",
        }),
    );
    assert_eq!(shown.code, Some(130), "{}", shown.text);
    let policy = env.ap_policy(&ap).unwrap().to_string();
    assert!(policy.contains("Ec2ConsumerRole"), "{policy}");

    // Answering no still says so and exits 1; yes deletes.
    let shown = run(
        &env,
        &["accesspoint", "delete", &ap],
        80,
        Some(Keys {
            after: "[y/N]",
            send: b"n\n",
        }),
    );
    assert_eq!(shown.code, Some(1), "{}", shown.text);
    assert!(env.ap_exists(&ap));
    let shown = run(
        &env,
        &["accesspoint", "delete", &ap],
        80,
        Some(Keys {
            after: "[y/N]",
            send: b"y\n",
        }),
    );
    assert_eq!(shown.code, Some(0), "{}", shown.text);
    assert!(!env.ap_exists(&ap));
}
