//! `lakegate audit report [--bucket B … | --all-buckets | --organization --member-role ROLE]
//! [--account ID …] [--exclude-account ID …] [--regions R,… | --all-regions]
//! [--analyzer-arn ARN] [--trusted-account A …] [--concurrency N]
//! [--upload s3://BUCKET/PREFIX/ [--allow-partial]] [--create-table DB.TABLE]`

use crate::audit::fleet;
use crate::audit::report::{self, ReportOptions, UnitRun};
use crate::commands::shared_args::TrustedAccounts;
use crate::commands::Ctx;
use crate::error::Result;
use crate::values::{
    strings, AccountId, AnalyzerArn, Attempt, BucketName, IamRoleName, NonEmpty, OutputLocation,
    RegionName, RunId, S3Url, TableName,
};

/// Report, per prefix, which principals can read, write or list it: for each bucket, its policy
/// and the policies of every access point on it are fetched concurrently and evaluated (an access
/// point grant counts only where the bucket policy also allows it; a Deny removes access).
///
/// Every key is decided exactly, and principals are taken by class (each one a policy names,
/// each account's root, any other principal of an account, any principal of an account no
/// policy names, anyone), so no access is missed. One row per principal × bucket × prefix ×
/// access point (or the bucket itself), with the principal's account, whether it is external
/// (neither the bucket owner nor a trusted account nor, with --organization, a member account;
/// `*` always), the access, the granting policy and Sids, the conditions that narrow it, the
/// matching IAM Access Analyzer findings, the region, whether the principal is of the
/// organization, the key patterns reached (`keys`) and cut out by a Deny (`except`), whether
/// the prefix is reached only in part (`partial`), and for grants not effective today why
/// (`latent`). CSV and JSON rows are streamed as they are computed.
///
/// With --organization every active account of the caller's AWS Organization is audited
/// through its role --member-role (session `lakegate-audit`), in every region asked for, with
/// one pool of --concurrency requests in flight for the whole run. An account or region that
/// cannot be audited is listed at the end and the run exits 1; nothing is uploaded then unless
/// --allow-partial.
///
/// With --upload each account's report goes to `report/account=ID/dt=YYYY-MM-DD/RUN.csv`,
/// the raw findings to `archive/dt=YYYY-MM-DD/findings.json` and what the report covers to
/// `manifest/dt=YYYY-MM-DD/manifest.json` under the prefix; running it again the same day with
/// the same result changes nothing (RUN is the run's id: runs of a day never overwrite each
/// other's reports; `audit query` reads the latest). With --create-table the Athena database and table over `report/` are created
/// (typed columns, header skipped, `account` and `dt` partitions projected), or brought up to
/// date with new accounts. Uploads and the table go through the change pipeline: --dry-run
/// prints the plan and changes nothing.
///
/// With --fan-out the run is not done here but by the deployed function (`audit schedule …
/// --fan-out`): the organization's accounts × regions are written as the run's plan
/// (`runs/RUN/plan.json`) and sent to the audit queue, one message per unit; each unit is this
/// command with --account ID --regions R --run RUN, and the last one writes the run's manifest.
/// `audit status RUN` follows it.
#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("scope").required(true).args(["bucket", "all_buckets", "organization"]))]
pub struct Args {
    /// A bucket to audit (repeatable)
    #[arg(long, value_name = "BUCKET", add = crate::completers::bucket_completer())]
    pub bucket: Vec<BucketName>,

    /// Audit every bucket of the account in the region
    #[arg(long)]
    pub all_buckets: bool,

    /// Audit every bucket and access point of every active account of the caller's AWS
    /// Organization (needs the management account or a delegated administrator)
    #[arg(long, requires = "member_role")]
    pub organization: bool,

    /// The role assumed in each member account (arn:aws:iam::ACCOUNT:role/ROLE_NAME)
    #[arg(long, value_name = "ROLE_NAME", requires = "organization")]
    pub member_role: Option<IamRoleName>,

    /// The external id the member role requires
    #[arg(long, value_name = "ID", requires = "organization")]
    pub external_id: Option<String>,

    /// Audit only this account of the organization (repeatable)
    #[arg(long = "account", value_name = "ID", requires = "organization")]
    pub accounts: Vec<AccountId>,

    /// Leave this account of the organization out (repeatable)
    #[arg(long, value_name = "ID", requires = "organization")]
    pub exclude_account: Vec<AccountId>,

    /// The regions to audit in each account, comma-separated (default: the region in use)
    #[arg(
        long,
        value_name = "REGION,…",
        value_delimiter = ',',
        requires = "organization",
        conflicts_with = "all_regions"
    )]
    pub regions: Vec<RegionName>,

    /// Audit every region enabled in each account (EC2 DescribeRegions)
    #[arg(long, requires = "organization")]
    pub all_regions: bool,

    /// An IAM Access Analyzer: its findings for S3 buckets (ListFindingsV2, every page) are
    /// matched to the rows and archived with --upload (with --organization: an organization
    /// analyzer). Repeatable: an external access analyzer and an internal access analyzer
    /// (INTRA_ACCOUNT / INTRA_ORG findings)
    #[arg(long, value_name = "ARN")]
    pub analyzer_arn: Vec<AnalyzerArn>,

    #[command(flatten)]
    pub trusted_account: TrustedAccounts,

    /// How many AWS requests to have in flight at once, for the whole run (every account and
    /// region share them)
    #[arg(long, value_name = "N", default_value_t = report::DEFAULT_CONCURRENCY, allow_negative_numbers = true, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,

    /// Upload the report (CSV, one per account) and the raw findings (JSON) under
    /// s3://BUCKET/PREFIX/
    #[arg(long, value_name = "S3_URL")]
    pub upload: Option<S3Url>,

    /// Upload even when an account or region could not be audited (the manifest says which,
    /// and marks the report partial)
    #[arg(long, requires = "upload")]
    pub allow_partial: bool,

    /// Decide every key exactly (the default; kept so that scripts passing it still run)
    #[arg(long, conflicts_with = "sampled")]
    pub exact: bool,

    /// The report of lakegate before exact audits: one probe key per prefix the policies name,
    /// only the principals they name, and `keys`, `except`, `partial`, `latent` left empty.
    /// Faster on very large policies; it can miss access (a grant on `*.csv` under a prefix)
    #[arg(long)]
    pub sampled: bool,

    /// Create the Athena database and external table over the uploaded reports (needs --upload)
    #[arg(long, value_name = "DB.TABLE", requires = "upload")]
    pub create_table: Option<TableName>,

    /// Athena workgroup for --create-table (default: primary)
    #[arg(long, value_name = "WORKGROUP", requires = "create_table")]
    pub workgroup: Option<NonEmpty>,

    /// Where Athena writes --create-table's results (default: s3://BUCKET/PREFIX/athena-results/
    /// of --upload)
    #[arg(long, value_name = "S3_URL", requires = "create_table")]
    pub output_location: Option<OutputLocation>,

    /// Fan the run out over the deployed function: plan it and queue one unit per account ×
    /// region, then return with the run's id (needs --organization and --upload)
    #[arg(long, requires_all = ["organization", "upload"], conflicts_with_all = ["run", "allow_partial"])]
    pub fan_out: bool,

    /// The audit queue --fan-out sends the units to (made by `audit schedule … --fan-out`)
    #[arg(long, value_name = "QUEUE", requires = "fan_out", default_value = fleet::DEFAULT_QUEUE)]
    pub queue: crate::values::QueueName,

    /// Audit one unit of the fanned-out run RUN (one --account, one region): write its partition
    /// report/account=ID/dt=DAY/RUN.REGION.csv and its marker under runs/RUN/
    #[arg(long, value_name = "RUN", requires_all = ["organization", "upload"])]
    pub run: Option<RunId>,

    /// Which delivery of the unit this is, of how many the queue allows (set by the function)
    #[arg(long, value_name = "N/M", requires = "run", hide = true)]
    pub attempt: Option<Attempt>,
}

impl Args {
    /// The options of the audit engine.
    pub fn options(&self) -> ReportOptions {
        ReportOptions {
            bucket: strings(&self.bucket),
            all_buckets: self.all_buckets,
            organization: self.organization,
            member_role: self.member_role.clone(),
            external_id: self.external_id.clone(),
            accounts: strings(&self.accounts),
            exclude_account: strings(&self.exclude_account),
            regions: strings(&self.regions),
            all_regions: self.all_regions,
            analyzer_arn: self.analyzer_arn.clone(),
            trusted_account: self.trusted_account.ids(),
            concurrency: self.concurrency,
            upload: self.upload.clone(),
            allow_partial: self.allow_partial,
            exact: !self.sampled,
            create_table: self.create_table.clone(),
            workgroup: self.workgroup.clone(),
            output_location: self.output_location.clone(),
            unit: self.run.clone().map(|run| UnitRun {
                run,
                attempt: self.attempt.clone(),
            }),
        }
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let queue = args.fan_out.then_some(args.queue.as_str());
    fleet::report(ctx, &args.options(), queue).await
}
