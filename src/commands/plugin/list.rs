//! `lakegate plugin list`

use crate::commands::{CommandTree, Ctx};
use crate::error::Result;
use crate::output::{Cell, Row};
use crate::plugin::{discover, PluginEntry};

/// List the plugins found on PATH (`lakegate-NAME` executables), in PATH order. A plugin with the
/// name of a built-in command, or behind an earlier plugin of the same name, never runs.
#[derive(Debug, clap::Args)]
pub struct Args {}

impl Row for PluginEntry {
    fn kind() -> Option<&'static str> {
        Some("plugin")
    }

    fn name(&self) -> Option<String> {
        Some(self.name.clone())
    }

    fn headers(_wide: bool) -> Vec<&'static str> {
        vec!["NAME", "STATUS", "PATH"]
    }
    fn cells(&self, _wide: bool) -> Vec<Cell> {
        vec![
            self.name.clone().into(),
            self.status.clone().into(),
            self.path.display().to_string().into(),
        ]
    }
}

pub fn run(ctx: &Ctx, _args: &Args, tree: CommandTree) -> Result<()> {
    let plugins = discover(&crate::plugin::builtin_names(&tree()));
    for p in &plugins {
        if let Some(by) = &p.shadowed_by {
            ctx.printer.warn(format!(
                "plugin {} is shadowed by {by} and never runs",
                p.path.display()
            ));
        }
    }
    ctx.printer.rows_or(&plugins, || {
        "no plugins found: put an executable named lakegate-NAME on PATH".to_string()
    })
}
