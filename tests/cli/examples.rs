//! Every example a user is shown is run, so none of them can drift from what lakegate does.
//!
//! The examples are each command's help EXAMPLES (`lakegate::help::EXAMPLES`, which `--help`, the
//! man pages and `docs/reference/` all print), and every ```sh block of README.md and docs/ that
//! follows a `<!-- runnable -->` line. Each command of an example is run as written, by bash, in a
//! working directory holding the files the examples name, against a moto server of this test's own
//! (the names in the examples — `store-events`, `ec2-consumer`, account 123456789012 — are fixed, so
//! they cannot share the suite's server), with `AWS_ENDPOINT_URL` pointing at it and a profile
//! `prod` in the config files.
//!
//! Before an example, the lake is as `SETUP` leaves it: the bucket `store-events` delegated to
//! access points, `ec2-consumer` (read-write `sales_event/` for the EC2 role, then read for
//! `Analyst`), the other buckets the examples name, and a lake file exported from it
//! (`lambda-consumer` is left for the examples to create). After an example that changed something (not `--dry-run`, not a read), the
//! server is reset and the setup made again.
//!
//! An example must exit 0, unless `EXPECTATIONS` says otherwise: another exit code that is the
//! example's point (`access check` exits 3 when denied), or a skip, with the reason — what the
//! emulator lacks. The test prints how many ran and every skip with its reason.
//!
//! A second test parses every `lakegate` command shown anywhere — the skipped examples, and every
//! ```sh block of README.md and docs/ whether marked runnable or not — with the command-line
//! definition, so no page shows a subcommand, flag or value lakegate would refuse.

use crate::harness::http;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

/// What an example is expected to do, by the first pattern (a substring of the command) that
/// matches it.
enum Expect {
    /// Run it, expecting exit 0 (before a broader pattern that would skip it).
    Run,
    /// Exit with this code (the reason says why it is not 0).
    Exit(i32, &'static str),
    /// Run it with this shell instead of bash, after this prelude (a line for that shell's
    /// start-up file).
    Shell(&'static str, &'static str),
    /// Not run, for this reason.
    Skip(&'static str),
}
use Expect::{Exit, Run, Shell, Skip};

const NO_DATAZONE: &str = "moto has no DataZone (tests/cli/subscription.rs runs these verbs against an HTTP fake of the API reference's shapes)";
const NO_ANALYZER: &str =
    "moto has no Access Analyzer findings API (tests/cli/audit.rs uses an HTTP fake)";
const FIXED_IDS: &str = "names a VPC, subnets, an endpoint or an Athena execution by id; moto makes up its own ids (tests/cli/endpoint.rs and athena.rs create them first)";
const NO_ORG: &str =
    "needs an AWS Organization with member accounts and their roles (tests/cli/org.rs builds one)";
const NO_LAMBDA_BINARY: &str = "packages the running binary as a Lambda function, which must be built for Amazon Linux 2023 (tests/cli/deploy.rs deploys a stand-in)";
const NOT_DEPLOYED: &str = "adds a rule to the deployed fulfiller, which the examples cannot deploy (see subscription deploy)";

const EXPECTATIONS: &[(&str, Expect)] = &[
    // Answers that are the example's point.
    (
        "--key kon.json",
        Exit(
            3,
            "the seed's writes outside the access point's prefix are denied",
        ),
    ),
    (
        "# asks [y/N]",
        Exit(
            2,
            "without a terminal to ask on, a change that removes access needs --yes",
        ),
    ),
    (
        "--action s3:GetObject s3://store-events/",
        Exit(
            3,
            "the EC2 role has no grant on the bucket itself, only through its access point",
        ),
    ),
    (
        "lakegate accessgrant migrate",
        Skip("needs lakegate's grants in vendor-lake's policy, which the examples' setup does not make (tests/cli/access_grants_migrate.rs runs the verb)"),
    ),
    (
        "accessgrant instance delete",
        Exit(
            1,
            "the setup's instance still has its locations and grant, which AWS refuses to delete it with (AccessGrantsInstanceNotEmptyError), as the example's comment says",
        ),
    ),
    (
        "sales.csv --access write",
        Exit(3, "the analyst's one grant is READ: no grant matches"),
    ),
    // What the emulator lacks.
    ("subscription deploy", Skip(NO_LAMBDA_BINARY)),
    ("audit schedule", Skip(NOT_DEPLOYED)),
    (
        "audit status",
        Skip("names a fanned-out run, which needs an organization and the deployed function (tests/cli/fleet.rs runs one)"),
    ),
    // Prints a sample event: no DataZone call.
    ("handle-event --example", Run),
    // The fulfiller's resources are Lambda, EventBridge, SQS and IAM, which moto has.
    ("subscription undeploy", Run),
    ("subscription status", Run),
    ("subscription ", Skip(NO_DATAZONE)),
    ("--analyzer-arn", Skip(NO_ANALYZER)),
    ("--organization", Skip(NO_ORG)),
    ("--member-role", Skip(NO_ORG)),
    ("org_access", Skip(NO_ORG)),
    (" endpoint ", Skip(FIXED_IDS)),
    ("athena results", Skip(FIXED_IDS)),
    (
        "/etc/bash_completion.d",
        Skip("writes outside the working directory"),
    ),
    (
        "aws events",
        Skip("needs the AWS CLI and a DataZone event stream"),
    ),
    (
        "completion zsh",
        Shell("zsh", "autoload -Uz compinit && compinit -u && "),
    ),
    ("completion fish | source", Shell("fish", "")),
];

/// The buckets the examples name, created before `SETUP`.
const BUCKETS: &[&str] = &[
    "store-events",
    "vendor-lake",
    "vendor-drop",
    "archive",
    "audit-reports",
    "athena-results",
];

/// Made before every example that needs a fresh lake (and once at the start), after `BUCKETS`.
const SETUP: &str = r#"
set -e
lakegate -q bucket delegate store-events
# Three kept versions of the bucket policy, for the rollback examples: none, delegated, none.
lakegate -q bucket policy rollback store-events --yes
lakegate -q bucket delegate store-events
lakegate -q accesspoint create ec2-consumer --bucket store-events --prefix sales_event/ \
    --principal arn:aws:iam::123456789012:role/Ec2ConsumerRole --access read-write
lakegate -q accesspoint grant ec2-consumer --principal arn:aws:iam::123456789012:role/Analyst \
    --prefix sales_event/ --access read
lakegate -q export --bucket store-events > lake.yaml
"#;

/// Made, after `SETUP`, before an S3 Access Grants example (`lakegate accessgrant …`): the
/// instance (associated with an IAM Identity Center instance, which the emulator records), a
/// location on `vendor-lake` with the role it makes, an empty location on `vendor-lake/archive/`,
/// and the analyst's READ grant on `vendorA/`, whose id (random, as AWS's) the examples read as
/// `$GRANT_ID`.
const GRANTS_SETUP: &str = r#"
set -e
lakegate -q accessgrant instance create \
    --identity-center arn:aws:sso:::instance/ssoins-1234567890abcdef
lakegate -q accessgrant location create s3://vendor-lake/ --create-role ag-location
lakegate -q accessgrant location create s3://vendor-lake/archive/ \
    --role arn:aws:iam::123456789012:role/ag-location
lakegate -q accessgrant create --grantee arn:aws:iam::123456789012:role/analyst \
    --prefix s3://vendor-lake/vendorA/ --access read
lakegate -o json accessgrant list --bucket vendor-lake > .grants.json
"#;

/// Files the examples read, in their working directory.
const FILES: &[(&str, &str)] = &[
    (
        "policy.json",
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"VendorA","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::store-events/vendorA/*"}]}"#,
    ),
    (
        "eve.json",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::store-events/*"}]}"#,
    ),
    (
        "ap.json",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/Ec2Role"},"Action":"s3:GetObject","Resource":"arn:aws:s3:us-east-1:123456789012:accesspoint/ec2-consumer/object/sales_event/*"}]}"#,
    ),
    (
        "ec2.json",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#,
    ),
    ("report.sql", "SELECT * FROM events WHERE dt = ?"),
    (
        "guarded.yaml",
        "apiVersion: lakegate/v1
kind: Lake
guardrails:
  - never: external-write
  - never: public-read
buckets:
  - name: store-events
    delegate: true
    accessPoints:
      - name: ec2-consumer
        grants:
          - principals: [arn:aws:iam::123456789012:role/Ec2ConsumerRole]
            prefix: sales_event/
            access: read-write
",
    ),
];

/// The verbs that change nothing (with `--dry-run`, nothing does).
const READS: &[&str] = &[
    " list",
    " get",
    " history",
    " check",
    " matrix",
    " who-can",
    " report",
    " query",
    "doctor",
    "whoami",
    " export",
    "diff ",
    " schema",
    "completion",
    "plugin",
    "--help",
    " status",
];

#[derive(Debug)]
struct Example {
    /// Where it is written: `help: bucket delegate`, `README.md:74`.
    source: String,
    /// The command as bash reads it (continuation lines kept).
    text: String,
}

/// The help's examples of every command.
fn help_examples() -> Vec<Example> {
    let mut out = Vec::new();
    for (path, text) in lakegate::help::EXAMPLES {
        let source = if path.is_empty() {
            "help: lakegate".to_string()
        } else {
            format!("help: lakegate {path}")
        };
        for cmd in commands(text) {
            out.push(Example {
                source: source.clone(),
                text: cmd,
            });
        }
    }
    out
}

/// The commands of a block: continuation lines joined, comment lines and blank lines dropped.
fn commands(block: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in block.lines() {
        if current.is_empty() && (line.trim().is_empty() || line.trim_start().starts_with('#')) {
            continue;
        }
        current.push_str(line);
        if line.ends_with('\\') {
            current.push('\n');
        } else {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Every ```sh block of a Markdown file, runnable or not.
fn markdown_blocks(root: &Path, rel: &str) -> Vec<Example> {
    let text = std::fs::read_to_string(root.join(rel)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].starts_with("```sh") {
            let start = i + 1;
            let end = (start..lines.len())
                .find(|&j| lines[j].starts_with("```"))
                .unwrap_or(lines.len());
            for cmd in commands(&lines[start..end].join("\n")) {
                out.push(Example {
                    source: format!("{rel}:{}", start + 1),
                    text: cmd,
                });
            }
            i = end;
        }
        i += 1;
    }
    out
}

/// The ```sh blocks of a Markdown file that follow a `<!-- runnable -->` line.
fn markdown_examples(root: &Path, rel: &str) -> Vec<Example> {
    let text = std::fs::read_to_string(root.join(rel)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim() == "<!-- runnable -->" {
            assert!(
                lines.get(i + 1).is_some_and(|l| l.starts_with("```sh")),
                "{rel}:{}: `<!-- runnable -->` must be followed by a ```sh block",
                i + 1
            );
            let start = i + 2;
            let end = (start..lines.len())
                .find(|&j| lines[j].starts_with("```"))
                .unwrap_or_else(|| panic!("{rel}:{}: unterminated block", i + 2));
            for cmd in commands(&lines[start..end].join("\n")) {
                out.push(Example {
                    source: format!("{rel}:{}", start + 1),
                    text: cmd,
                });
            }
            i = end;
        }
        i += 1;
    }
    out
}

fn markdown_files(root: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                // The reference is generated from the help's examples, run above.
                if !p.ends_with("reference") {
                    walk(root, &p, out);
                }
            } else if p.extension().is_some_and(|x| x == "md") {
                out.push(p.strip_prefix(root).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    let mut out = vec!["README.md".to_string()];
    walk(root, &root.join("docs"), &mut out);
    out.sort();
    out
}

fn expectation(cmd: &str) -> Option<&'static Expect> {
    EXPECTATIONS
        .iter()
        .find(|(pat, _)| cmd.contains(pat))
        .map(|(_, e)| e)
}

fn changes_something(cmd: &str) -> bool {
    !cmd.contains("--dry-run") && !READS.iter().any(|r| cmd.contains(r))
}

/// A moto server for this test alone, through the project's wrapper; stopped when dropped.
struct Moto {
    child: Child,
    port: u16,
}

impl Moto {
    fn start(root: &Path) -> Moto {
        let python = std::env::var("LAKEGATE_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
        let mut child = Command::new(python)
            .arg(root.join("scripts/moto_server.py"))
            .args(["-H", "127.0.0.1", "-p", "0"])
            .env("PYTHONUNBUFFERED", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("python3 with moto[server] (scripts/install-deps)");
        let stderr = child.stderr.take().unwrap();
        let mut lines = BufReader::new(stderr).lines();
        let mut log = String::new();
        let port = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(rest) = line.split("Running on http://127.0.0.1:").nth(1) {
                        break rest.trim().parse::<u16>().expect("moto's port");
                    }
                    log.push_str(&line);
                    log.push('\n');
                }
                _ => panic!("moto did not start:\n{log}"),
            }
        };
        // Keep draining its log so it never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Moto { child, port }
    }

    fn reset(&self) {
        let (status, body) = http(self.port, "POST", "/moto-api/reset", &[], &[]).unwrap();
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where the examples run: a working directory with the files they read, the lakegate binary
/// first on PATH, a home with the profile `prod`, and a state directory.
struct Bed {
    dir: tempfile::TempDir,
    endpoint: String,
}

impl Bed {
    fn new(port: u16) -> Bed {
        let dir = tempfile::Builder::new()
            .prefix("lakegate-examples-")
            .tempdir()
            .unwrap();
        let root = dir.path();
        for sub in ["work", "bin", "home", "state"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
        }
        std::os::unix::fs::symlink(
            assert_cmd::cargo::cargo_bin("lakegate"),
            root.join("bin/lakegate"),
        )
        .unwrap();
        std::fs::write(
            root.join("home/config"),
            "[default]\nregion = us-east-1\n\n[profile prod]\nregion = us-east-1\n",
        )
        .unwrap();
        std::fs::write(
            root.join("home/credentials"),
            "[default]\naws_access_key_id = test\naws_secret_access_key = test\n\n\
             [prod]\naws_access_key_id = test\naws_secret_access_key = test\n",
        )
        .unwrap();
        Bed {
            dir,
            endpoint: format!("http://localhost:{port}"),
        }
    }

    fn work(&self) -> PathBuf {
        self.dir.path().join("work")
    }

    /// A fresh working directory and state: the files, and no history.
    fn refill(&self) {
        for sub in ["work", "state"] {
            let p = self.dir.path().join(sub);
            std::fs::remove_dir_all(&p).unwrap();
            std::fs::create_dir_all(&p).unwrap();
        }
        for (name, text) in FILES {
            std::fs::write(self.work().join(name), text).unwrap();
        }
    }

    /// Runs a script with `shell -c`, in the working directory; returns the exit code and the
    /// output.
    fn run(&self, shell: &str, script: &str) -> (i32, String) {
        let root = self.dir.path();
        let mut c = Command::new(shell);
        c.arg("-c").arg(script).current_dir(self.work());
        for (k, _) in std::env::vars_os() {
            let k = k.to_string_lossy();
            if k.starts_with("AWS_")
                || k.starts_with("LAKEGATE_")
                || k.starts_with("_CLAP")
                || matches!(k.as_ref(), "COMPLETE" | "COLUMNS" | "RUST_LOG")
            {
                c.env_remove(k.as_ref());
            }
        }
        let path = format!(
            "{}:{}",
            root.join("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        c.env("PATH", path)
            .env("HOME", root.join("home"))
            .env("XDG_CONFIG_HOME", root.join("home/.config"))
            .env("AWS_CONFIG_FILE", root.join("home/config"))
            .env("AWS_SHARED_CREDENTIALS_FILE", root.join("home/credentials"))
            .env("AWS_ENDPOINT_URL", &self.endpoint)
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("LAKEGATE_STATE_DIR", root.join("state"))
            .env("LAKEGATE_NO_PROGRESS", "1")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null());
        let out = c
            .output()
            .unwrap_or_else(|e| panic!("cannot run {shell}: {e}"));
        let text = format!(
            "stdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code().unwrap_or(-1), text)
    }
}

fn have(shell: &str) -> bool {
    Command::new(shell)
        .args(["-c", "true"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn every_runnable_example_runs_on_the_emulator() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut examples = help_examples();
    for file in markdown_files(root) {
        examples.extend(markdown_examples(root, &file));
    }
    assert!(examples.len() > 100, "{} examples found", examples.len());

    let moto = Moto::start(root);
    let bed = Bed::new(moto.port);
    let started = Instant::now();
    let mut fresh = false;
    // The grant id of `GRANTS_SETUP`, once it ran on the fresh lake.
    let mut grant_id: Option<String> = None;
    let (mut ran, mut skipped, mut failures) = (0, Vec::new(), Vec::new());
    let mut expected_codes = Vec::new();
    let mut retried = Vec::new();
    for ex in &examples {
        let mut prelude = String::new();
        let (shell, code) = match expectation(&ex.text) {
            Some(Skip(reason)) => {
                skipped.push(format!("{}: {}\n    skipped: {reason}", ex.source, ex.text));
                continue;
            }
            Some(Shell(sh, _)) if !have(sh) => {
                skipped.push(format!(
                    "{}: {}\n    skipped: {sh} is not installed",
                    ex.source, ex.text
                ));
                continue;
            }
            Some(Shell(sh, pre)) => {
                prelude = pre.to_string();
                (*sh, 0)
            }
            Some(Exit(code, why)) => {
                expected_codes.push(format!(
                    "{}: {}\n    exit {code}: {why}",
                    ex.source, ex.text
                ));
                ("bash", *code)
            }
            Some(Run) | None => ("bash", 0),
        };
        if !fresh {
            moto.reset();
            bed.refill();
            for b in BUCKETS {
                let (status, body) = http(moto.port, "PUT", &format!("/{b}"), &[], &[]).unwrap();
                assert_eq!(
                    status,
                    200,
                    "create {b}: {}",
                    String::from_utf8_lossy(&body)
                );
            }
            let (rc, out) = bed.run("bash", SETUP);
            assert_eq!(rc, 0, "the examples' setup failed:\n{out}");
            fresh = true;
            grant_id = None;
        }
        if ex.text.contains("lakegate accessgrant") {
            let id = grant_id.get_or_insert_with(|| {
                let (rc, out) = bed.run("bash", GRANTS_SETUP);
                assert_eq!(rc, 0, "the Access Grants setup failed:\n{out}");
                let listed = std::fs::read_to_string(bed.work().join(".grants.json")).unwrap();
                let listed: serde_json::Value = serde_json::from_str(&listed).unwrap();
                listed[0]["id"].as_str().unwrap().to_string()
            });
            prelude = format!("GRANT_ID={id}\n{prelude}");
        }
        let script = format!("{prelude}{}", ex.text);
        let (mut rc, mut out) = bed.run(shell, &script);
        if rc != code && !changes_something(&ex.text) {
            // A read that timed out against a loaded emulator (doctor's 5-second probes) gets
            // one more try; a wrong answer fails twice.
            std::thread::sleep(std::time::Duration::from_secs(2));
            (rc, out) = bed.run(shell, &script);
            if rc == code {
                retried.push(format!("{}: {}", ex.source, ex.text));
            }
        }
        ran += 1;
        if rc != code {
            failures.push(format!(
                "{}: {}\n    exit {rc}, expected {code}\n{}",
                ex.source,
                ex.text,
                indent(&out)
            ));
        }
        if changes_something(&ex.text) {
            fresh = false;
        }
    }
    eprintln!(
        "examples: {} found, {ran} run in {:.1} s, {} skipped:",
        examples.len(),
        started.elapsed().as_secs_f64(),
        skipped.len()
    );
    for s in &skipped {
        eprintln!("  {s}");
    }
    if !retried.is_empty() {
        eprintln!("passed on a second try (the emulator was slow):");
        for s in &retried {
            eprintln!("  {s}");
        }
    }
    if !expected_codes.is_empty() {
        eprintln!("run, expecting an exit code other than 0:");
        for s in &expected_codes {
            eprintln!("  {s}");
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {ran} examples failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Values for the shell variables examples use.
const VARIABLES: &[(&str, &str)] = &[
    (
        "ANALYZER_ARN",
        "arn:aws:access-analyzer:us-east-1:123456789012:analyzer/org",
    ),
    ("GRANT_ID", "5a1c7a3e-0000-4000-8000-000000000001"),
];

/// The words of a `lakegate …` command as a POSIX shell would pass them (quotes, backslashes,
/// `$VAR` from `VARIABLES`), up to the first `|`, `>`, `<`, `;`, `&` or comment; `None` when
/// the command is not lakegate's (another program, or `VAR=value` and `source <(…)` forms).
fn words(command: &str) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = command.chars().peekable();
    let expand = |chars: &mut std::iter::Peekable<std::str::Chars>, w: &mut String| {
        let mut name = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_ascii_alphanumeric() || c == '_' {
                name.push(c);
                chars.next();
            } else {
                break;
            }
        }
        let value = VARIABLES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
            .unwrap_or_else(|| panic!("example uses ${name}: add it to VARIABLES"));
        w.push_str(value);
    };
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' => {
                if let Some(w) = word.take() {
                    out.push(w);
                }
            }
            '\\' => match chars.next() {
                Some('\n') | None => {}
                Some(x) => word.get_or_insert_with(String::new).push(x),
            },
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                for x in chars.by_ref() {
                    if x == '\'' {
                        break;
                    }
                    w.push(x);
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                while let Some(x) = chars.next() {
                    match x {
                        '"' => break,
                        '\\' => {
                            if let Some(y) = chars.next() {
                                w.push(y);
                            }
                        }
                        '$' => expand(&mut chars, w),
                        _ => w.push(x),
                    }
                }
            }
            '$' => expand(&mut chars, word.get_or_insert_with(String::new)),
            '#' if word.is_none() => break,
            '|' | '>' | '<' | ';' | '&' => break,
            _ => word.get_or_insert_with(String::new).push(c),
        }
    }
    if let Some(w) = word.take() {
        out.push(w);
    }
    (out.first().map(String::as_str) == Some("lakegate")).then_some(out)
}

/// Every `lakegate` command shown anywhere — each help example, runnable or skipped above, and
/// every ```sh block of README.md and docs/ — parses: its subcommands and flags exist and its
/// values pass their checks. Commands with a placeholder (`…`, `ARN`) are counted, not parsed.
#[test]
fn every_shown_command_parses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut shown = help_examples();
    for file in markdown_files(root) {
        shown.extend(markdown_blocks(root, &file));
    }
    let cli = lakegate::help::command();
    let (mut parsed, mut placeholders, mut failures) = (0, Vec::new(), Vec::new());
    for ex in &shown {
        let Some(args) = words(&ex.text) else {
            continue;
        };
        if args.iter().any(|a| a.contains('…') || a.contains("...")) {
            placeholders.push(format!("{}: {}", ex.source, ex.text));
            continue;
        }
        parsed += 1;
        if let Err(e) = cli.clone().try_get_matches_from(&args) {
            failures.push(format!(
                "{}: {}\n{}",
                ex.source,
                ex.text,
                indent(&e.to_string())
            ));
        }
    }
    eprintln!(
        "{parsed} shown commands parsed; {} with placeholders not parsed",
        placeholders.len()
    );
    assert!(parsed > 150, "only {parsed} commands found");
    assert!(
        failures.is_empty(),
        "{} shown commands do not parse:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn words_are_split_as_a_shell_splits_them() {
    assert_eq!(
        words("lakegate a 'b c' \"d $ANALYZER_ARN\" e\\\n  --f > out.csv").unwrap(),
        [
            "lakegate",
            "a",
            "b c",
            "d arn:aws:access-analyzer:us-east-1:123456789012:analyzer/org",
            "e",
            "--f"
        ]
    );
    assert_eq!(
        words("lakegate x   # a comment").unwrap(),
        ["lakegate", "x"]
    );
    assert_eq!(words("source <(lakegate completion bash)"), None);
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("      {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn commands_join_continuation_lines_and_drop_comments() {
    let block = "# a comment\nlakegate a \\\n    --b c\n\nlakegate d   # trailing\n";
    assert_eq!(
        commands(block),
        vec![
            "lakegate a \\\n    --b c".to_string(),
            "lakegate d   # trailing".to_string()
        ]
    );
}

/// GitHub's anchor of a heading: lower case, spaces to `-`, other punctuation than `-` and `_`
/// dropped.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The headings' anchors and the relative links `[text](target)` of a Markdown file, outside
/// code blocks.
fn headings_and_links(text: &str) -> (Vec<String>, Vec<String>) {
    let (mut heads, mut links) = (Vec::new(), Vec::new());
    let mut fence = false;
    for line in text.lines() {
        if line.starts_with("```") {
            fence = !fence;
            continue;
        }
        if fence {
            continue;
        }
        if line.starts_with('#') {
            heads.push(anchor(line.trim_start_matches('#')));
        }
        let mut rest = line;
        while let Some(i) = rest.find("](") {
            rest = &rest[i + 2..];
            let Some(end) = rest.find(')') else { break };
            let target = &rest[..end];
            if !target.contains("://") && !target.starts_with("mailto:") {
                links.push(target.to_string());
            }
            rest = &rest[end..];
        }
    }
    (heads, links)
}

/// Every relative link of README.md and docs/ (the generated reference included) names a file
/// that exists and, with `#anchor`, a heading in it: pages moved or commands renamed cannot
/// leave a dead link.
#[test]
fn every_docs_link_resolves() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec!["README.md".to_string()];
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else if p.extension().is_some_and(|x| x == "md") {
                out.push(p.strip_prefix(root).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    walk(root, &root.join("docs"), &mut files);
    let mut dead = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        let dir = Path::new(file).parent().unwrap_or(Path::new(""));
        for link in headings_and_links(&text).1 {
            let (path, frag) = match link.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (link.as_str(), None),
            };
            let target = if path.is_empty() {
                PathBuf::from(file)
            } else {
                dir.join(path)
            };
            let full = root.join(&target);
            if !full.exists() {
                dead.push(format!("{file}: {link} (no {})", target.display()));
                continue;
            }
            if let (Some(frag), true) = (frag, full.is_file()) {
                let heads = headings_and_links(&std::fs::read_to_string(&full).unwrap()).0;
                if !heads.iter().any(|h| h == frag) {
                    dead.push(format!("{file}: {link} (no such heading)"));
                }
            }
        }
    }
    assert!(dead.is_empty(), "dead links:\n{}", dead.join("\n"));
}
