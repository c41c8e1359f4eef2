//! `lakegate audit report|query`: who can read, write or list which prefix of which bucket, from
//! bucket and access point policies (evaluated) and IAM Access Analyzer findings; the report goes
//! to S3 and is queried with Athena.

pub mod query;
pub mod report;
pub mod schedule;
pub mod status;
pub mod unschedule;

use super::{CommandTree, Ctx};
use crate::error::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Report who can read, write or list each prefix: per principal, bucket, prefix and access
    /// point; optionally upload it (and the raw findings) to S3 and create its Athena table
    Report(report::Args),
    /// Query the uploaded reports with Athena (e.g. everything an external account can reach)
    Query(query::Args),
    /// Run `audit report` on a schedule in the deployed fulfiller function (EventBridge rule)
    Schedule(schedule::Args),
    /// Remove an audit schedule
    Unschedule(unschedule::Args),
    /// Show a fanned-out audit run's progress: units done, failed, in flight; its manifest
    Status(status::Args),
}

pub async fn run(ctx: &Ctx, cmd: &AuditCommand, tree: CommandTree) -> Result<()> {
    match cmd {
        AuditCommand::Report(a) => report::run(ctx, a).await,
        AuditCommand::Query(a) => query::run(ctx, a).await,
        AuditCommand::Schedule(a) => schedule::run(ctx, a, tree).await,
        AuditCommand::Unschedule(a) => unschedule::run(ctx, a).await,
        AuditCommand::Status(a) => status::run(ctx, a).await,
    }
}

#[cfg(test)]
mod tests {
    use super::report::Args;
    use crate::audit::fleet;
    use clap::Parser;

    #[derive(Debug, clap::Parser)]
    struct Wrap {
        #[command(flatten)]
        args: Args,
    }

    /// A unit's arguments, as the planner writes them, are read back by this verb as the run's
    /// options narrowed to the unit: the fleet and a local run cannot drift.
    #[test]
    fn a_units_arguments_read_back_as_the_runs_options() {
        let run = Wrap::try_parse_from([
            "report",
            "--organization",
            "--member-role",
            "Audit",
            "--external-id",
            "x-1",
            "--regions",
            "us-east-1,eu-west-1",
            "--trusted-account",
            "444455556666",
            "--concurrency",
            "8",
            "--exact",
            "--upload",
            "s3://reports-b/org/",
            "--fan-out",
        ])
        .unwrap()
        .args
        .options();
        let unit = fleet::Unit {
            account: "111122223333".into(),
            region: "eu-west-1".into(),
        };
        let argv = fleet::unit_args(&run, &unit, "20261206T060000Z-3fa2");
        assert_eq!(&argv[..2], ["audit", "report"]);
        let back = Wrap::try_parse_from(
            std::iter::once("report".to_string()).chain(argv[2..].iter().cloned()),
        )
        .unwrap()
        .args
        .options();
        assert_eq!(back.accounts, ["111122223333"]);
        assert_eq!(back.regions, ["eu-west-1"]);
        assert_eq!(
            back.unit.as_ref().map(|u| u.run.to_string()),
            Some("20261206T060000Z-3fa2".to_string())
        );
        // Everything else is the run's.
        assert_eq!(back.member_role, run.member_role);
        assert_eq!(back.external_id, run.external_id);
        assert_eq!(back.trusted_account, run.trusted_account);
        assert_eq!(back.concurrency, run.concurrency);
        assert_eq!(back.exact, run.exact);
        assert_eq!(back.upload, run.upload);
        assert!(back.create_table.is_none() && !back.allow_partial);
    }
}
