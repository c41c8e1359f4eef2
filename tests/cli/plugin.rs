//! Plugins: `lakegate NAME` runs `lakegate-NAME` from PATH with its arguments and the resolved
//! settings in `LAKEGATE_*`; `plugin list` shows what runs and what is shadowed.

use crate::harness::{assert_usage_error, regex_escape, stderr, stdout, TestEnv};
use predicates::str::contains;
use serde_json::json;
use std::path::{Path, PathBuf};

const HELLO: &str = r#"#!/bin/sh
echo "plugin: $0"
for a in "$@"; do echo "arg: [$a]"; done
echo "LAKEGATE_REGION=$LAKEGATE_REGION"
echo "LAKEGATE_OUTPUT=$LAKEGATE_OUTPUT"
echo "LAKEGATE_ENDPOINT_URL=$LAKEGATE_ENDPOINT_URL"
echo "LAKEGATE_PROFILE=$LAKEGATE_PROFILE"
echo "LAKEGATE_DRY_RUN=${LAKEGATE_DRY_RUN-unset}"
echo "LAKEGATE_BIN=${LAKEGATE_BIN:+set}"
echo "to stderr" >&2
exit 7
"#;

fn write_script(dir: &Path, name: &str, body: &str, mode: u32) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, body).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
    p
}

/// Two plugin directories, first and second on PATH, and nothing else on PATH (so a developer's
/// own plugins do not show up).
fn plugin_env() -> (TestEnv, PathBuf, PathBuf) {
    let mut env = TestEnv::offline();
    let first = env.temp().join("plugins-first");
    let second = env.temp().join("plugins-second");
    std::fs::create_dir_all(&first).unwrap();
    std::fs::create_dir_all(&second).unwrap();
    let path = std::env::join_paths([&first, &second]).unwrap();
    env.set_path(path);
    (env, first, second)
}

#[test]
fn a_plugin_gets_its_arguments_and_the_resolved_settings() {
    let (env, first, _) = plugin_env();
    let script = write_script(&first, "lakegate-hello", HELLO, 0o755);
    let a = env
        .lg([
            "--region",
            "eu-west-1",
            "-o",
            "json",
            "hello",
            "a",
            "b c",
            "--flag",
        ])
        .code(7);
    let out = stdout(&a);
    let endpoint = env.endpoint();
    assert_eq!(
        out,
        format!(
            "plugin: {}\narg: [a]\narg: [b c]\narg: [--flag]\nLAKEGATE_REGION=eu-west-1\n\
             LAKEGATE_OUTPUT=json\nLAKEGATE_ENDPOINT_URL={endpoint}\nLAKEGATE_PROFILE=default\n\
             LAKEGATE_DRY_RUN=unset\nLAKEGATE_BIN=set\n",
            script.display()
        )
    );
    // The plugin's stderr is its own; lakegate adds nothing to it.
    assert_eq!(stderr(&a), "to stderr\n");
}

#[test]
fn a_plugin_sees_the_environment_defaults_and_dry_run() {
    let (env, first, _) = plugin_env();
    write_script(&first, "lakegate-hello", HELLO, 0o755);
    let a = env.lg(["--dry-run", "hello"]).code(7);
    let out = stdout(&a);
    assert!(out.contains("LAKEGATE_REGION=us-east-1\n"), "{out}"); // from AWS_REGION
    assert!(out.contains("LAKEGATE_OUTPUT=table\n"), "{out}");
    assert!(out.contains("LAKEGATE_DRY_RUN=1\n"), "{out}");
    assert!(!out.contains("arg:"), "{out}");
}

#[test]
fn a_plugin_killed_by_a_signal_exits_128_plus_the_signal() {
    let (env, first, _) = plugin_env();
    write_script(&first, "lakegate-die", "#!/bin/sh\nkill -TERM $$\n", 0o755);
    env.lg(["die"]).code(128 + 15);
}

#[test]
fn plugin_list_shows_shadowed_plugins() {
    let (env, first, second) = plugin_env();
    let hello = write_script(&first, "lakegate-hello", HELLO, 0o755);
    let hello2 = write_script(&second, "lakegate-hello", HELLO, 0o755);
    let bucket = write_script(&first, "lakegate-bucket", HELLO, 0o755);
    let zeta = write_script(&second, "lakegate-zeta", HELLO, 0o755);
    // Not executable, or not a file: not plugins.
    write_script(&first, "lakegate-noexec", HELLO, 0o644);
    std::fs::create_dir_all(second.join("lakegate-dir")).unwrap();

    let v = env.json(["plugin", "list", "-o", "json"]);
    let rows: Vec<(String, String, String, Option<String>)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
                r["path"].as_str().unwrap().to_string(),
                r["shadowed_by"].as_str().map(str::to_owned),
            )
        })
        .collect();
    let s = |p: &PathBuf| p.display().to_string();
    assert_eq!(
        rows,
        [
            (
                "bucket".to_string(),
                "shadowed-by-builtin".to_string(),
                s(&bucket),
                Some("lakegate bucket".to_string())
            ),
            ("hello".into(), "ok".into(), s(&hello), None),
            (
                "hello".into(),
                "shadowed-by-path".into(),
                s(&hello2),
                Some(s(&hello))
            ),
            ("zeta".into(), "ok".into(), s(&zeta), None),
        ]
    );

    let a = env.lg(["plugin", "list"]).success();
    let err = stderr(&a);
    assert!(
        err.contains(&format!(
            "warning: plugin {} is shadowed by lakegate bucket and never runs",
            bucket.display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "warning: plugin {} is shadowed by {} and never runs",
            hello2.display(),
            hello.display()
        )),
        "{err}"
    );
    let out = stdout(&a);
    let mut settings = env.insta();
    settings.add_filter(&regex_escape(&first.display().to_string()), "[first]");
    settings.add_filter(&regex_escape(&second.display().to_string()), "[second]");
    // Temp dir paths differ in length from run to run; normalise column gaps.
    settings.add_filter(r" {2,}", "   ");
    settings.bind(|| insta::assert_snapshot!("plugin_list", out));

    // `ls` is an alias; the built-in runs, never the plugin that shadows it.
    env.lg(["plugin", "ls", "-o", "json"]).success();
    let a = env.lg(["bucket", "--help"]).success();
    assert!(stdout(&a).contains("Bucket policies"), "{}", stdout(&a));
}

#[test]
fn plugin_list_without_plugins() {
    let (env, _, _) = plugin_env();
    env.lg(["plugin", "list"])
        .success()
        .stdout("")
        .stderr(contains("no plugins found"));
    assert_eq!(env.json(["plugin", "list", "-o", "json"]), json!([]));
}

#[test]
fn unknown_commands_are_usage_errors() {
    let (env, _, _) = plugin_env();
    let a = assert_usage_error(env.lg(["nosuch"]), "no such command: `nosuch`");
    assert!(
        stderr(&a).contains("no plugin `lakegate-nosuch` on PATH"),
        "{}",
        stderr(&a)
    );
    assert!(!stderr(&a).contains("similar name"), "{}", stderr(&a));

    let a = assert_usage_error(
        env.lg(["acesspoint", "list"]),
        "no such command: `acesspoint`",
    );
    assert!(
        stderr(&a)
            .contains("a built-in command with a similar name exists: `lakegate accesspoint`"),
        "{}",
        stderr(&a)
    );
}
