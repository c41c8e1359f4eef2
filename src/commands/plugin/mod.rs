//! `lakegate plugin ...`

pub mod list;

use super::{CommandTree, Ctx};
use crate::error::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum PluginCommand {
    /// List `lakegate-NAME` executables on PATH, and warn about shadowed ones
    #[command(visible_alias = "ls")]
    List(list::Args),
}

pub async fn run(ctx: &Ctx, cmd: &PluginCommand, tree: CommandTree) -> Result<()> {
    match cmd {
        PluginCommand::List(a) => list::run(ctx, a, tree),
    }
}
