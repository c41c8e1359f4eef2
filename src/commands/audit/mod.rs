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
    use crate::audit::args::{report_args, unit_options};
    use crate::audit::fleet;
    use crate::audit::report::ReportOptions;
    use clap::Parser;

    #[derive(Debug, clap::Parser)]
    struct Wrap {
        #[command(flatten)]
        args: Args,
    }

    fn read(argv: &[String]) -> crate::audit::report::ReportOptions {
        assert_eq!(&argv[..2], ["audit", "report"]);
        Wrap::try_parse_from(std::iter::once("report").chain(argv[2..].iter().map(String::as_str)))
            .unwrap_or_else(|e| panic!("{argv:?}: {e}"))
            .args
            .options()
    }

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    /// Options rendered as arguments read back as the same options, every field of them: what
    /// a unit is told is what it computes.
    #[test]
    fn report_options_read_back_from_their_arguments() {
        for line in [
            "audit report --organization --member-role Audit --external-id x-1 \
             --account 111122223333 --account 222233334444 --exclude-account 444455556666 \
             --regions us-east-1,eu-west-1 \
             --analyzer-arn arn:aws:access-analyzer:us-east-1:111122223333:analyzer/ext \
             --analyzer-arn arn:aws:access-analyzer:us-east-1:111122223333:analyzer/int \
             --trusted-account 999988887777 --concurrency 8 --upload s3://reports-b/org/ \
             --allow-partial --sampled --create-table audit.access --workgroup wg \
             --output-location s3://results-b/q/ --run 20261206T060000Z-3fa2 --attempt 2/3 \
             --deadline 4102444800000",
            "audit report --organization --member-role Audit --all-regions --exact \
             --upload s3://reports-b/org/ --run r1 --dead-letter 4",
            "audit report --bucket a-bucket --bucket b-bucket",
            "audit report --all-buckets --concurrency 1",
        ] {
            let opts = read(&words(line));
            let back = read(&report_args(&opts));
            assert_eq!(format!("{back:?}"), format!("{opts:?}"), "{line}");
        }
    }

    /// A unit's arguments, as the planner writes them, are read back by this verb as the run's
    /// options narrowed to the unit (sampled or exact, trusted accounts, analyzers, the member
    /// role and its external id): the fleet and a local run cannot drift.
    #[test]
    fn a_units_arguments_read_back_as_the_runs_options() {
        for mode in ["--sampled", "--exact"] {
            let run = read(&words(&format!(
                "audit report --organization --member-role Audit --external-id x-1 \
                 --regions us-east-1,eu-west-1 --trusted-account 444455556666 \
                 --analyzer-arn arn:aws:access-analyzer:us-east-1:111122223333:analyzer/ext \
                 --concurrency 8 {mode} --upload s3://reports-b/org/ --fan-out"
            )));
            let unit = fleet::Unit {
                account: "111122223333".into(),
                region: "eu-west-1".into(),
            };
            let id = "20261206T060000Z-3fa2".parse().unwrap();
            let back = read(&fleet::unit_args(&run, &unit, &id));
            assert_eq!(back.accounts, ["111122223333"]);
            assert_eq!(back.regions, ["eu-west-1"]);
            assert_eq!(back.exact, mode == "--exact");
            assert_eq!(
                format!("{back:?}"),
                format!("{:?}", unit_options(&run, &unit.account, &unit.region, &id))
            );
            // Everything else is the run's.
            assert_eq!(
                format!(
                    "{:?}",
                    ReportOptions {
                        accounts: run.accounts.clone(),
                        regions: run.regions.clone(),
                        unit: None,
                        ..back
                    }
                ),
                format!("{run:?}")
            );
        }
    }
}
