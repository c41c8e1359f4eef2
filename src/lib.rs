//! lakegate: govern access to shared Amazon S3 data lakes.
//!
//! Layers, each using only the ones above it:
//! - `policy` (crate `lakegate-policy`): the pure policy model, validation and evaluator;
//! - `values`: argument values as types, each validated once by clap;
//! - `aws`: the only user of the AWS SDK, built from a plain `aws::Settings`; no CLI types: its
//!   failures are a neutral `aws::Error`, which `hints` turns into the CLI's error and hints;
//! - `plan`: a change as people and scripts see it;
//! - `output`: the only printer of stdout and stderr (it reads the output flags of `cli`);
//! - `apply`: the change pipeline every mutation goes through, one file per kind of resource;
//! - `commands`: one file per verb: builds a plan or a value and hands it to `apply`/`output`;
//! - `cli`, `help`, `completion`: the command line, its help and its completion.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod apply;
pub mod aws;
pub mod cli;
pub mod commands;
pub mod completion;
pub mod error;
pub mod fulfiller;
pub mod help;
mod hints;
pub mod lake;
pub mod lambda;
pub mod output;
pub mod package;
pub mod plan;
pub mod plugin;
pub mod verify;
/// The pure policy core, its own crate (`crates/lakegate-policy`) so it builds without the SDK.
pub use lakegate_policy as policy;
pub mod routes;
mod signals;
pub mod state;
pub mod values;

use clap::CommandFactory;
use cli::{Cli, Command};
use commands::Ctx;
use error::exit;
use std::ffi::OsString;

/// Names (and aliases) of the built-in commands, which a plugin cannot take.
pub fn builtin_names() -> Vec<String> {
    let cmd = Cli::command();
    let mut names: Vec<String> = vec!["help".into()];
    for sc in cmd.get_subcommands() {
        names.push(sc.get_name().to_string());
        names.extend(sc.get_all_aliases().map(str::to_owned));
    }
    names
}

fn init_tracing(verbose: u8, quiet: bool, ansi: bool) {
    let default = match (quiet, verbose) {
        (true, _) => "lakegate=error",
        (false, 0) => "lakegate=warn",
        (false, 1) => "lakegate=debug",
        (false, 2) => "lakegate=trace,aws_request=debug",
        _ => "trace",
    };
    let filter = std::env::var("LAKEGATE_LOG")
        .ok()
        .and_then(|f| tracing_subscriber::EnvFilter::try_new(f).ok())
        .unwrap_or_else(|| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(verbose >= 3)
        .with_ansi(ansi)
        .without_time()
        .try_init();
}

/// Run lakegate with the process arguments and return the exit code.
pub fn main_exit_code() -> i32 {
    // Started by the Lambda runtime as the function: serve invocations (src/lambda.rs).
    if lambda::started_by_lambda() {
        return lambda::serve();
    }
    // `COMPLETE=bash lakegate ...` is the dynamic completion protocol; it exits when handled.
    clap_complete::CompleteEnv::with_factory(completion::command_with_plugins)
        .bin("lakegate")
        .complete();

    let cli = match help::command()
        .try_get_matches()
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m))
    {
        Ok(c) => c,
        Err(e) => {
            if !e.use_stderr() {
                let _ = e.print(); // --help, --version
                return exit::OK;
            }
            let args: Vec<OsString> = std::env::args_os().collect();
            let mut out = usage_error_text(&e, &args);
            if output::stderr_color(output::color_choice_of(&args)) {
                // The same red `error:` as lakegate's own errors (error::report).
                if let Some(rest) = out.strip_prefix("error:") {
                    out = format!("\x1b[1;31merror:\x1b[0m{rest}");
                }
            }
            output::to_stderr(&out);
            return exit::USAGE;
        }
    };
    let printer = output::Printer::from_args(&cli.global);
    let stderr_color = printer.stderr_color(cli.global.color);
    init_tracing(cli.global.verbose, cli.global.quiet, stderr_color);
    let verbose = cli.global.verbose > 0;

    let result = match &cli.command {
        Command::External(args) => return run_plugin(&cli.global, args, stderr_color),
        Command::Completion(a) => commands::completion::run(a),
        _ => {
            let rt = match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(e) => {
                    return error::report(
                        &error::failed(format!("cannot start the async runtime: {e}")),
                        stderr_color,
                        verbose,
                    )
                }
            };
            let ctx = Ctx::new(cli.global.clone(), printer);
            rt.block_on(async {
                let work = async {
                    dispatch(&ctx, &cli.command).await.map_err(|e| {
                        let region = ctx.aws_loaded().map(|a| a.region.as_str());
                        commands::aws_settings::with_flag_hints(e, region)
                    })
                };
                tokio::pin!(work);
                tokio::select! {
                    r = &mut work => r,
                    sig = signals::received() => signals::settle(&ctx, sig, work).await,
                }
            })
        }
    };
    match result {
        Ok(()) => exit::OK,
        Err(e) => error::report(&e, stderr_color, verbose),
    }
}

/// The text of a usage error: clap's, with the argument a value came from named (an environment
/// variable, a value that starts with '-'), and control characters in the values escaped.
fn usage_error_text(e: &clap::Error, args: &[OsString]) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let better = hyphen_value_error(e, args);
    let e = better.as_ref().unwrap_or(e);
    let mut text = e.render().to_string();
    // Usage errors repeat the arguments: escape a value before the text is split into lines, so
    // a newline in it is shown as `\n` instead of starting a line of its own.
    for kind in [ContextKind::InvalidValue, ContextKind::InvalidArg] {
        if let Some(ContextValue::String(v)) = e.get(kind) {
            text = text.replace(v.as_str(), &error::escape_controls(v));
        }
    }
    if e.kind() == ErrorKind::InvalidValue {
        if let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg) {
            // Set by LAKEGATE_OUTPUT, not on the command line: name the variable.
            if arg.starts_with("--output") && !output_on_command_line(args) {
                text = text.replacen(
                    &format!("for '{arg}'"),
                    "in the environment variable LAKEGATE_OUTPUT",
                    1,
                );
            }
        }
    }
    let lines: Vec<String> = text.lines().map(error::escape_controls).collect();
    lines.join("\n") + "\n"
}

/// Whether `-o`/`--output` is on the command line (before `--`).
fn output_on_command_line(args: &[OsString]) -> bool {
    args.iter()
        .skip(1)
        .map(|a| a.to_string_lossy())
        .take_while(|a| a != "--")
        .any(|a| {
            a == "--output"
                || a.starts_with("--output=")
                || (a.starts_with('-') && !a.starts_with("--") && a.contains('o'))
        })
}

/// clap takes a value that starts with '-' (`bucket delegate -lead`, `--timeout -1`) for an
/// unknown option. When the same token, given as a value, is refused by the value's own parser,
/// that error says what the value must be: report it instead.
fn hyphen_value_error(e: &clap::Error, args: &[OsString]) -> Option<clap::Error> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(token)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    if !token.starts_with('-') || token.starts_with("--") {
        return None;
    }
    // clap names the first short flag of `-lead` (`-l`): find the whole token.
    let at = args.iter().skip(1).position(|a| {
        a.to_str()
            .is_some_and(|a| a == token || (!a.starts_with("--") && a.starts_with(token.as_str())))
    })? + 1;
    let token = args[at].to_str()?.to_string();
    let mut tries: Vec<Vec<OsString>> = Vec::new();
    // The value of the option before it: `--timeout=-1`.
    if let Some(opt) = args[..at].last().and_then(|a| a.to_str()) {
        if opt.starts_with("--") && opt.len() > 2 && !opt.contains('=') {
            let mut t = args[..at - 1].to_vec();
            t.push(format!("{opt}={token}").into());
            t.extend_from_slice(&args[at + 1..]);
            tries.push(t);
        }
    }
    // A positional value: after `--`, at the end.
    let mut t: Vec<OsString> = args.iter().take(at).cloned().collect();
    t.extend(args.iter().skip(at + 1).cloned());
    t.push("--".into());
    t.push(token.into());
    tries.push(t);
    tries
        .into_iter()
        .find_map(|t| match help::command().try_get_matches_from(t) {
            Err(e)
                if e.kind() == ErrorKind::InvalidValue
                    || e.kind() == ErrorKind::ValueValidation =>
            {
                Some(e)
            }
            _ => None,
        })
}

async fn dispatch(ctx: &Ctx, cmd: &Command) -> error::Result<()> {
    match cmd {
        Command::Bucket(c) => commands::bucket::run(ctx, c).await,
        Command::Accesspoint(c) => commands::accesspoint::run(ctx, c).await,
        Command::Access(c) => commands::access::run(ctx, c).await,
        Command::Audit(c) => commands::audit::run(ctx, c).await,
        Command::Endpoint(c) => commands::endpoint::run(ctx, c).await,
        Command::Athena(c) => commands::athena::run(ctx, c).await,
        Command::Subscription(c) => commands::subscription::run(ctx, c).await,
        Command::Diff(a) => commands::lake::diff::run(ctx, a).await,
        Command::Apply(a) => commands::lake::apply::run(ctx, a).await,
        Command::Export(a) => commands::lake::export::run(ctx, a).await,
        Command::Schema(a) => commands::lake::schema::run(ctx, a),
        Command::Whoami(a) => commands::whoami::run(ctx, a).await,
        Command::Doctor(a) => commands::doctor::run(ctx, a).await,
        Command::Plugin(c) => commands::plugin::run(ctx, c).await,
        Command::Completion(a) => commands::completion::run(a),
        Command::External(_) => Ok(()),
    }
}

/// The `LAKEGATE_*` variables a plugin receives: the resolved profile, region, endpoint, output.
fn plugin_env(g: &cli::GlobalArgs) -> Vec<(String, String)> {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let profile = g
        .profile
        .clone()
        .or_else(|| env("AWS_PROFILE"))
        .unwrap_or_else(|| "default".into());
    let region = g
        .region
        .clone()
        .or_else(|| env("AWS_REGION"))
        .or_else(|| env("AWS_DEFAULT_REGION"))
        .or_else(|| aws::profile::region(&profile));
    let mut out = vec![
        ("LAKEGATE_PROFILE".to_string(), profile),
        ("LAKEGATE_OUTPUT".to_string(), g.output.as_str().to_string()),
    ];
    if let Some(r) = region {
        out.push(("LAKEGATE_REGION".into(), r));
    }
    if let Some(e) = g.endpoint_url.clone().or_else(|| env("AWS_ENDPOINT_URL")) {
        out.push(("LAKEGATE_ENDPOINT_URL".into(), e));
    }
    if let Some(a) = &g.account_id {
        out.push(("LAKEGATE_ACCOUNT_ID".into(), a.clone()));
    }
    if g.dry_run {
        out.push(("LAKEGATE_DRY_RUN".into(), "1".into()));
    }
    if let Ok(me) = std::env::current_exe() {
        out.push(("LAKEGATE_BIN".into(), me.display().to_string()));
    }
    out
}

fn run_plugin(g: &cli::GlobalArgs, args: &[OsString], color: bool) -> i32 {
    let name = args
        .first()
        .map(|a| a.to_string_lossy().into_owned())
        .unwrap_or_default();
    match plugin::find(&name) {
        Some(path) => {
            tracing::debug!(plugin = %path.display(), "running plugin");
            match plugin::run(&path, &args[1..], &plugin_env(g)) {
                Ok(code) => code,
                Err(e) => error::report(
                    &error::failed(format!("cannot run plugin {}: {e}", path.display())),
                    color,
                    false,
                ),
            }
        }
        None => {
            let builtins = builtin_names();
            let mut err = error::input_error(format!("no such command: `{name}`"));
            if let Some(b) = plugin::closest(&name, &builtins) {
                err = err.hinted(format!(
                    "a built-in command with a similar name exists: `lakegate {b}`"
                ));
            }
            err = err.hinted(format!(
                "no plugin `lakegate-{name}` on PATH; `lakegate plugin list` shows plugins, `lakegate --help` the built-in commands"
            ));
            error::report(&err, color, false)
        }
    }
}
