//! The command surface that needs no AWS: version, help, completion scripts; and dynamic
//! completion, which does (it completes bucket and access point names from moto).

use crate::harness::{stderr, stdout, TestEnv, EC2_ROLE};
use predicates::prelude::*;
use predicates::str::contains;

#[test]
fn version() {
    let env = TestEnv::offline();
    env.lg(["--version"])
        .success()
        .stdout(format!("lakegate {}\n", env!("CARGO_PKG_VERSION")))
        .stderr("");
    // propagate_version: subcommands answer too.
    env.lg(["accesspoint", "--version"])
        .success()
        .stdout(contains(env!("CARGO_PKG_VERSION")));
}

/// `lakegate` alone prints the help to stderr and exits 2 (clap's arg_required_else_help): it is
/// a usage error for scripts, and people still see what to type.
#[test]
fn no_arguments_prints_help_and_exits_2() {
    let env = TestEnv::offline();
    let a = env.bare_cmd().assert().code(2);
    assert_eq!(stdout(&a), "");
    let err = stderr(&a);
    assert!(err.contains("Usage: lakegate [OPTIONS] <COMMAND>"), "{err}");
    for cmd in ["bucket", "accesspoint", "plugin", "completion"] {
        assert!(err.contains(cmd), "{cmd} in help:\n{err}");
    }
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn help_goes_to_stdout_and_exits_0() {
    let env = TestEnv::offline();
    for args in [
        vec!["--help"],
        vec!["-h"],
        vec!["help"],
        vec!["help", "accesspoint"],
        vec!["accesspoint", "create", "--help"],
        vec!["bucket", "policy", "rollback", "-h"],
    ] {
        let a = env.lg(&args).success();
        assert!(stdout(&a).contains("Usage: lakegate"), "{args:?}");
        assert_eq!(stderr(&a), "", "{args:?}");
    }
    let out = stdout(&env.lg(["accesspoint", "create", "--help"]).success());
    for flag in [
        "--bucket <BUCKET>",
        "--prefix <PREFIX>",
        "--principal <ARN>",
        "--access <LEVEL>",
        "--vpc-id <VPC>",
        "--dry-run",
        "--yes",
    ] {
        assert!(out.contains(flag), "{flag}:\n{out}");
    }
}

/// A noun without a verb shows its verbs (exit 2, like the bare command).
#[test]
fn noun_without_verb_shows_its_verbs() {
    let env = TestEnv::offline();
    let a = env.lg(["accesspoint"]).code(2);
    for verb in ["create", "list", "get", "delete", "grant", "revoke"] {
        assert!(stderr(&a).contains(verb), "{verb}:\n{}", stderr(&a));
    }
}

#[test]
fn static_completion_scripts() {
    let env = TestEnv::offline();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let a = env
            .lg(["completion", shell, "--static"])
            .success()
            .stderr("");
        let out = stdout(&a);
        assert!(out.len() > 1000, "{shell}: {} bytes", out.len());
        for word in ["accesspoint", "delegate", "rollback", "dry-run"] {
            assert!(out.contains(word), "{shell} completes {word}");
        }
    }
    // The scripts are valid for the shells we can run here.
    let bash = stdout(&env.lg(["completion", "bash", "--static"]).success());
    let dir = env.temp().join("completion.bash");
    std::fs::write(&dir, bash).unwrap();
    std::process::Command::new("bash")
        .arg("-n")
        .arg(&dir)
        .status()
        .map(|s| assert!(s.success(), "bash -n rejects the completion script"))
        .unwrap_or_else(|e| eprintln!("bash not available ({e}); syntax not checked"));
}

#[test]
fn dynamic_completion_scripts() {
    let env = TestEnv::offline();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        // The default, and --dynamic (kept for existing start-up files) print the same script.
        let default = stdout(&env.lg(["completion", shell]).success());
        let a = env
            .lg(["completion", shell, "--dynamic"])
            .success()
            .stderr("");
        let out = stdout(&a);
        assert!(!out.trim().is_empty(), "{shell}");
        assert!(out.contains("COMPLETE"), "{shell}: {out}");
        assert_eq!(out, default, "{shell}");
    }
    env.lg(["completion", "tcsh"]).code(2);
}

/// `COMPLETE=bash lakegate -- lakegate accesspoint get PREFIX` completes names from the account.
#[test]
fn dynamic_completion_of_bucket_and_access_point_names() {
    let env = TestEnv::new();
    let b = env.bucket("complete-me");
    let ap = env.create_ap("complete-ap", &b, "a/", EC2_ROLE, "read");
    let complete = |words: &[&str]| {
        let mut c = env.bare_cmd();
        c.env("COMPLETE", "bash")
            .env("_CLAP_IFS", "\n")
            .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
            .env("LAKEGATE_ENDPOINT_URL", env.endpoint())
            .arg("--")
            .args(words);
        let a = crate::harness::no_panic(c.assert()).success();
        stdout(&a)
            .lines()
            .map(str::to_owned)
            .collect::<Vec<String>>()
    };
    assert_eq!(
        complete(&["lakegate", "accesspoint", "get", &env.id]),
        [ap.as_str()]
    );
    assert_eq!(
        complete(&["lakegate", "bucket", "delegate", &env.id]),
        [b.as_str()]
    );
    let verbs = complete(&["lakegate", "accesspoint", "gr"]);
    assert_eq!(verbs, ["grant"]);
    assert!(complete(&["lakegate", "accesspoint", "get", "zz-no-such"]).is_empty());
}

#[test]
fn quiet_keeps_data_and_drops_status() {
    let env = TestEnv::new();
    let b = env.bucket("quiet");
    env.lg(["-q", "accesspoint", "list", "--bucket", &b])
        .success()
        .stdout("")
        .stderr(predicate::str::is_empty());
    env.lg(["accesspoint", "list", "--bucket", &b])
        .success()
        .stderr(contains("no access points"));
}

/// Under -q a mutating verb prints no "created …" line; data asked for (-o json) still prints.
#[test]
fn quiet_drops_the_result_line_of_mutating_verbs_but_not_json() {
    let env = TestEnv::new();
    let b = env.bucket("quiet-mut");
    let ap = env.name("quiet-ap");
    let create = |extra: &[&str]| {
        let mut args = vec!["-q"];
        args.extend_from_slice(extra);
        args.extend([
            "accesspoint",
            "create",
            ap.as_str(),
            "--bucket",
            b.as_str(),
            "--prefix",
            "sales/",
            "--principal",
            EC2_ROLE,
            "--access",
            "read",
        ]);
        env.lg(args).success()
    };
    create(&[]).stdout("");
    let a = create(&["-o", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).expect("JSON under -q");
    assert_eq!(v["created"], false, "{v}");
    env.lg(["-q", "bucket", "delegate", &b])
        .success()
        .stdout("");
    env.lg(["-q", "accesspoint", "delete", &ap, "--yes"])
        .success()
        .stdout("");
    // Without -q the human line is there.
    env.lg(["bucket", "delegate", &b])
        .success()
        .stdout(contains(format!("bucket {b}")));
}

/// Every command's --help ends with examples; a verb lists its own options, not the global ones,
/// and points at `lakegate --help` for those (which lists them once).
#[test]
fn help_has_examples_and_keeps_global_options_to_the_top_level() {
    let env = TestEnv::offline();
    let top = stdout(&env.lg(["--help"]).success());
    assert!(
        top.contains("Examples:\n  lakegate bucket delegate"),
        "{top}"
    );
    for flag in [
        "--profile <NAME>",
        "--region <REGION>",
        "--lock-bucket <BUCKET>",
    ] {
        assert!(top.contains(flag), "{flag} in lakegate --help:\n{top}");
    }
    for args in [
        vec!["accesspoint", "get", "--help"],
        vec!["bucket", "policy", "rollback", "--help"],
        vec!["subscription", "target", "create", "--help"],
        vec!["access", "--help"],
    ] {
        let out = stdout(&env.lg(&args).success());
        let examples = out.split("\nExamples:\n").nth(1).unwrap_or_default();
        assert!(
            examples.lines().any(|l| l.starts_with("  lakegate ")),
            "{args:?}:\n{out}"
        );
        assert!(out.contains("see lakegate --help"), "{args:?}:\n{out}");
        for flag in [
            "--profile <NAME>",
            "--endpoint-url <URL>",
            "--lock-bucket <BUCKET>",
        ] {
            assert!(
                !out.contains(flag),
                "{args:?} lists the global {flag}:\n{out}"
            );
        }
    }
    let get = stdout(&env.lg(["accesspoint", "get", "--help"]).success());
    assert!(
        get.lines().count() < 30,
        "{} lines:\n{get}",
        get.lines().count()
    );
    // Global options still work after the verb.
    env.lg(["accesspoint", "get", "--help", "--region", "eu-west-1"])
        .success();
}

/// The committed man pages have EXAMPLES, ENVIRONMENT, EXIT STATUS and SEE ALSO sections.
#[test]
fn man_pages_have_examples_environment_exit_status_and_see_also() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let mut pages = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for section in [
            ".SH EXAMPLES",
            ".SH ENVIRONMENT",
            ".SH \"EXIT STATUS\"",
            ".SH \"SEE ALSO\"",
        ] {
            assert!(text.contains(section), "{}: no {section}", path.display());
        }
        pages += 1;
    }
    assert!(pages > 40, "{pages} pages");
}

/// `scripts/install --prefix DIR --bin lakegate` puts the binary, the man pages and the completions
/// where `man` and the shells look; `man lakegate` then finds the page.
#[test]
fn install_script_makes_man_lakegate_work() {
    let env = TestEnv::offline();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let prefix = env.temp().join("prefix");
    let out = std::process::Command::new("bash")
        .arg(root.join("scripts/install"))
        .arg("--prefix")
        .arg(&prefix)
        .arg("--bin")
        .arg(assert_cmd::cargo::cargo_bin("lakegate"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in [
        "bin/lakegate",
        "share/man/man1/lakegate.1",
        "share/man/man1/lakegate-accesspoint-get.1",
        "share/bash-completion/completions/lakegate",
        "share/fish/vendor_completions.d/lakegate.fish",
    ] {
        assert!(prefix.join(f).is_file(), "{f} not installed");
    }
    // man-db finds DIR/share/man for DIR/bin on PATH.
    let man = std::process::Command::new("man")
        .arg("-w")
        .arg("lakegate-accesspoint-get")
        .env(
            "PATH",
            format!(
                "{}:/usr/local/bin:/usr/bin:/bin",
                prefix.join("bin").display()
            ),
        )
        .env_remove("MANPATH")
        .output();
    match man {
        Ok(m) if m.status.code() != Some(127) => {
            let found = String::from_utf8_lossy(&m.stdout);
            assert!(
                found.contains("share/man/man1/lakegate-accesspoint-get.1"),
                "man -w: {found} {}",
                String::from_utf8_lossy(&m.stderr)
            );
        }
        _ => eprintln!("man is not installed: only the files were checked"),
    }
}
