//! `lakegate completion SHELL`

use super::CommandTree;
use crate::error::Result;
use clap_complete::Shell;

/// Print a shell completion script.
///
/// The script asks lakegate itself what to offer, as kubectl's do: commands, options and plugins
/// on PATH; profiles from the shared config files; regions; and bucket and access point names from
/// the account, using the --profile, --region and --endpoint-url typed on the line (2-second limit,
/// silent on failure). Load it from your shell's start-up file, as the examples below show.
///
/// --static prints a self-contained script instead: commands and options only, no lakegate calls.
#[derive(Debug, clap::Args)]
pub struct CompletionArgs {
    /// The shell
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,

    /// Print a self-contained script (commands and options only; never runs lakegate)
    #[arg(long, conflicts_with = "dynamic")]
    pub r#static: bool,

    /// The default; kept so existing start-up files keep working
    #[arg(long, hide = true)]
    pub dynamic: bool,
}

/// The static completion script for a shell.
pub fn static_script(shell: Shell, tree: CommandTree) -> Vec<u8> {
    let mut cmd = tree();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "lakegate", &mut buf);
    buf
}

/// The registration script of dynamic completion for a shell.
pub fn dynamic_script(shell: Shell) -> std::io::Result<Vec<u8>> {
    use clap_complete::env::EnvCompleter;
    let mut buf = Vec::new();
    let (var, name, bin) = ("COMPLETE", "lakegate", "lakegate");
    match shell {
        Shell::Bash => clap_complete::env::Bash.write_registration(var, name, bin, bin, &mut buf),
        Shell::Zsh => clap_complete::env::Zsh.write_registration(var, name, bin, bin, &mut buf),
        Shell::Fish => clap_complete::env::Fish.write_registration(var, name, bin, bin, &mut buf),
        Shell::Elvish => {
            clap_complete::env::Elvish.write_registration(var, name, bin, bin, &mut buf)
        }
        Shell::PowerShell => {
            clap_complete::env::Powershell.write_registration(var, name, bin, bin, &mut buf)
        }
        _ => Ok(()),
    }?;
    Ok(buf)
}

pub fn run(args: &CompletionArgs, tree: CommandTree) -> Result<()> {
    let script = if args.r#static {
        static_script(args.shell, tree)
    } else {
        dynamic_script(args.shell)?
    };
    crate::output::raw_to_stdout(&script)
}
