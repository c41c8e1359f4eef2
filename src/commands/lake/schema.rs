//! `lakegate schema`

use crate::commands::Ctx;
use crate::error::Result;

/// Print the JSON Schema of a lake file document, for editors to complete and check lake files
/// (also committed as schema/lake.schema.json). No AWS call.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: &Args) -> Result<()> {
    ctx.printer.text(&crate::lake::schema::text())
}
