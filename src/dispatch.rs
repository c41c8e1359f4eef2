//! The dispatcher: what `main` runs. Parses the command line, builds the settings, the printer
//! and the session, runs the verb (or a plugin, or the Lambda runtime), settles signals, and
//! turns the result into an exit code. The top of the layers: nothing imports it but `main`.

use crate::cli::{self, Cli, Command};
use crate::commands::{self, Ctx};
use crate::error::exit;
use crate::{aws, error, help, lambda, output, plugin, signals};
use clap::CommandFactory;
use std::ffi::OsString;

/// Names (and aliases) of the built-in commands, which a plugin cannot take.
pub fn builtin_names() -> Vec<String> {
    plugin::builtin_names(&Cli::command())
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

/// The command line for completion: lakegate's commands plus one entry per plugin on PATH, so
/// `lakegate <TAB>` offers `lakegate-NAME` plugins as `NAME`.
pub fn command_with_plugins() -> clap::Command {
    let mut cmd = aliases_hidden(crate::help::command());
    let builtins = builtin_names();
    for p in crate::plugin::discover(&builtins) {
        if p.status == "ok" {
            cmd = cmd.subcommand(
                clap::Command::new(p.name.clone())
                    .about(format!("plugin: {}", p.path.display()))
                    .allow_external_subcommands(true),
            );
        }
    }
    cmd
}

/// The command with every alias hidden (still accepted on the line being completed): TAB offers
/// each command by its name alone, so `lakegate su<TAB>` gives `subscription`, not the common
/// prefix of `subscription` and its alias `sub`.
fn aliases_hidden(cmd: clap::Command) -> clap::Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    names.into_iter().fold(cmd, |cmd, name| {
        cmd.mut_subcommand(name, |sc| {
            let aliases: Vec<String> = sc.get_all_aliases().map(str::to_owned).collect();
            let sc = aliases_hidden(sc).visible_alias(None);
            aliases.into_iter().fold(sc, |sc, a| sc.alias(a))
        })
    })
}

/// Run lakegate with the process arguments and return the exit code.
pub fn main_exit_code() -> i32 {
    // Started by the Lambda runtime as the function: serve invocations (src/lambda.rs).
    if lambda::started_by_lambda() {
        return lambda::serve();
    }
    // `COMPLETE=bash lakegate ...` is the dynamic completion protocol; it exits when handled.
    clap_complete::CompleteEnv::with_factory(command_with_plugins)
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
                // The same red `error:` as lakegate's own errors (output::report_error).
                if let Some(rest) = out.strip_prefix("error:") {
                    out = format!("\x1b[1;31merror:\x1b[0m{rest}");
                }
            }
            output::to_stderr(&out);
            return exit::USAGE;
        }
    };
    let settings = cli.global.settings();
    let printer = output::Printer::new(&settings);
    let stderr_color = printer.stderr_color(cli.global.color);
    init_tracing(cli.global.verbose, cli.global.quiet, stderr_color);
    let verbose = cli.global.verbose > 0;

    let result = match &cli.command {
        Command::External(args) => return run_plugin(&cli.global, args, stderr_color),
        Command::Completion(a) => commands::completion::run(a, help::command),
        _ => {
            let rt = match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(e) => {
                    return output::report_error(
                        &error::failed(format!("cannot start the async runtime: {e}")),
                        stderr_color,
                        verbose,
                    )
                }
            };
            let ctx = Ctx::new(settings, printer);
            rt.block_on(async {
                let work = async {
                    dispatch(&ctx, &cli.command).await.map_err(|e| {
                        let region = ctx.aws_loaded().map(|a| a.region.as_str());
                        crate::session::aws_settings::with_flag_hints(e, region)
                    })
                };
                tokio::pin!(work);
                tokio::select! {
                    r = &mut work => r,
                    sig = signals::received() => signals::settle(ctx.run(), &ctx.printer, sig, work).await,
                }
            })
        }
    };
    match result {
        Ok(()) => exit::OK,
        Err(e) => output::report_error(&e, stderr_color, verbose),
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
        Command::Accessgrant(c) => commands::accessgrant::run(ctx, c).await,
        Command::Access(c) => commands::access::run(ctx, c).await,
        Command::Audit(c) => commands::audit::run(ctx, c, help::command).await,
        Command::Endpoint(c) => commands::endpoint::run(ctx, c).await,
        Command::Athena(c) => commands::athena::run(ctx, c).await,
        Command::Subscription(c) => commands::subscription::run(ctx, c).await,
        Command::Diff(a) => commands::lake::diff::run(ctx, a).await,
        Command::Apply(a) => commands::lake::apply::run(ctx, a).await,
        Command::Export(a) => commands::lake::export::run(ctx, a).await,
        Command::Schema(a) => commands::lake::schema::run(ctx, a),
        Command::Whoami(a) => commands::whoami::run(ctx, a).await,
        Command::Doctor(a) => commands::doctor::run(ctx, a).await,
        Command::Plugin(c) => commands::plugin::run(ctx, c, help::command).await,
        Command::Completion(a) => commands::completion::run(a, help::command),
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
                Err(e) => output::report_error(
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
            output::report_error(&err, color, false)
        }
    }
}
