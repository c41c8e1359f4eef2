//! `lakegate completion SHELL`

use crate::cli::Cli;
use crate::error::Result;
use clap::CommandFactory;
use clap_complete::Shell;

/// Print a shell completion script.
///
/// By default the script is static: every command and option, no network. With --dynamic it is a
/// small script that asks lakegate itself, which also completes bucket and access point names
/// from your account (bash, zsh, fish, elvish, powershell):
///
///   source <(lakegate completion bash --dynamic)
#[derive(Debug, clap::Args)]
pub struct CompletionArgs {
    /// The shell
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,

    /// Print the script that completes names dynamically by calling lakegate
    #[arg(long)]
    pub dynamic: bool,
}

/// The static completion script for a shell.
pub fn static_script(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
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

pub fn run(args: &CompletionArgs) -> Result<()> {
    use std::io::Write;
    let script = if args.dynamic {
        dynamic_script(args.shell)?
    } else {
        static_script(args.shell)
    };
    let mut out = std::io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(())
}
