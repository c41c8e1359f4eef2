//! Completion as a person meets it: bash, zsh and fish started in a pseudo-terminal
//! (`pty_complete.py`), `lakegate completion SHELL` loaded, a line typed and TAB pressed. Access
//! point names come from moto through the profile named on the line, so this proves the scripts
//! complete names and honour `--profile`.

use crate::harness::{TestEnv, EC2_ROLE, REGION};
use std::path::{Path, PathBuf};
use std::process::Command;

fn have(shell: &str) -> bool {
    Command::new(shell)
        .arg("-c")
        .arg("exit 0")
        .status()
        .is_ok_and(|s| s.success())
}

fn bin_dir() -> PathBuf {
    assert_cmd::cargo::cargo_bin("lakegate")
        .parent()
        .expect("the binary's directory")
        .to_path_buf()
}

/// Type `line` in `shell` with lakegate's completion loaded, press TAB; what the terminal showed.
fn press_tab(env: &TestEnv, shell: &str, line: &str) -> String {
    press_tab_expecting(env, shell, line, None)
}

/// `press_tab`, waiting for `expect` to be shown (a busy machine may answer slowly).
fn press_tab_expecting(env: &TestEnv, shell: &str, line: &str, expect: Option<&str>) -> String {
    let home = env.temp().join("home");
    let script = env.temp().join(format!("completion.{shell}"));
    let out = env.bare_cmd().args(["completion", shell]).output().unwrap();
    assert!(out.status.success(), "completion {shell}");
    std::fs::write(&script, out.stdout).unwrap();
    let driver = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli/pty_complete.py");
    let path = std::env::join_paths(std::iter::once(bin_dir()).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    let mut c = Command::new("python3");
    c.arg(&driver).arg(shell).arg(&script).arg(line);
    if let Some(e) = expect {
        c.arg(e);
    }
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().into_owned();
        if k.starts_with("AWS_") || k.starts_with("LAKEGATE_") || k.starts_with("_CLAP") {
            c.env_remove(k);
        }
    }
    c.env("PATH", path)
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("AWS_CONFIG_FILE", home.join(".aws/config"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.join(".aws/credentials"))
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("LAKEGATE_STATE_DIR", env.state_dir())
        // The lookups answer in milliseconds, but a CI machine running every test at once may
        // take seconds: the deadline here is about liveness, not speed.
        .env("LAKEGATE_COMPLETION_TIMEOUT_MS", "20000")
        .env("NO_COLOR", "1");
    let out = c.output().expect("python3 runs the pty driver");
    assert!(
        out.status.success(),
        "pty driver: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A profile `moto` whose endpoint is the test's moto server; the default profile has none, so
/// only a line that names `--profile moto` can reach moto.
fn write_profiles(env: &TestEnv) {
    let aws = env.temp().join("home/.aws");
    std::fs::create_dir_all(&aws).unwrap();
    std::fs::write(
        aws.join("config"),
        format!(
            "[default]\nregion = {REGION}\n\n[profile moto]\nregion = {REGION}\nendpoint_url = {}\n\n[profile staging]\nregion = eu-west-1\n",
            env.endpoint()
        ),
    )
    .unwrap();
    std::fs::write(
        aws.join("credentials"),
        "[default]\naws_access_key_id = test\naws_secret_access_key = test\n\n[moto]\naws_access_key_id = test\naws_secret_access_key = test\n",
    )
    .unwrap();
}

#[test]
fn access_point_names_complete_with_the_profile_on_the_line_in_bash_zsh_and_fish() {
    let env = TestEnv::new();
    let b = env.bucket("shell");
    let ap = env.create_ap("tabbed-ap", &b, "a/", EC2_ROLE, "read");
    // Shells echo only what completion inserts after the typed "ID-t" (zsh redraws the line).
    let typed = format!("{}-t", env.id);
    let inserted = ap.strip_prefix(&typed).unwrap().to_string();
    write_profiles(&env);
    let mut tried = 0;
    for shell in ["bash", "zsh", "fish"] {
        if !have(shell) {
            // scripts/install-deps installs all three; a developer machine may lack one.
            eprintln!("{shell} not installed: skipped");
            continue;
        }
        tried += 1;
        let shown = press_tab_expecting(
            &env,
            shell,
            &format!("lakegate accesspoint get --profile moto {typed}"),
            Some(&inserted),
        );
        assert!(
            shown.contains(&inserted),
            "{shell}: TAB did not offer {ap}; the terminal showed:\n{shown}"
        );
        // Without the profile there is no endpoint to ask (the default one is unreachable here):
        // nothing is offered, and the shell is not left waiting.
        let shown = press_tab(&env, shell, &format!("lakegate accesspoint get {typed}"));
        assert!(
            !shown.contains(&inserted),
            "{shell}: offered {ap} without the profile:\n{shown}"
        );
    }
    assert!(tried > 0, "none of bash, zsh and fish is installed");
}

#[test]
fn profiles_regions_and_subcommands_complete_in_bash() {
    let env = TestEnv::offline();
    write_profiles(&env);
    let shown = press_tab_expecting(&env, "bash", "lakegate --profile st", Some("aging"));
    assert!(shown.contains("aging"), "profiles:\n{shown}");
    // Three regions match: bash lists them on the second TAB.
    let shown = press_tab_expecting(&env, "bash", "lakegate --region eu-wes", Some("eu-west-3"));
    for r in ["eu-west-1", "eu-west-2", "eu-west-3"] {
        assert!(shown.contains(r), "regions:\n{shown}");
    }
    let shown = press_tab_expecting(&env, "bash", "lakegate accesspoint rol", Some("lback"));
    assert!(shown.contains("lback"), "subcommands:\n{shown}");
}

/// `lakegate <TAB>` offers plugins on PATH next to the built-in commands.
#[test]
fn plugins_on_path_complete_as_commands() {
    let mut env = TestEnv::offline();
    let dir = env.temp().join("plugins");
    std::fs::create_dir_all(&dir).unwrap();
    let plugin = dir.join("lakegate-hello");
    std::fs::write(&plugin, "#!/bin/sh\necho hello\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&plugin, std::fs::Permissions::from_mode(0o755)).unwrap();
    env.set_path(dir.into_os_string());
    let mut c = env.bare_cmd();
    c.env("COMPLETE", "bash")
        .env("_CLAP_IFS", "\n")
        .env("_CLAP_COMPLETE_INDEX", "1")
        .args(["--", "lakegate", "he"]);
    let out = c.output().unwrap();
    let offered = String::from_utf8_lossy(&out.stdout);
    assert!(
        offered.lines().any(|l| l == "hello"),
        "offered: {offered:?}"
    );
}
