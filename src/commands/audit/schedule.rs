//! `lakegate audit schedule --cron EXPR [--name N] [--function-name F] AUDIT_REPORT_OPTIONS…`

use crate::commands::{CommandTree, Ctx};
use crate::error::{input_error, Result};
use crate::fulfiller::{self, AuditSchedule, TableAccess, UnitDelivery};

/// Run `audit report` on a schedule, in the deployed fulfiller function (`subscription deploy`):
/// an EventBridge rule with the schedule whose target is the function with the report's
/// arguments as its input, the permission to invoke it, and an inline policy on the function's
/// role that lets it read every bucket and access point policy and upload under --upload. Every
/// option after the schedule's own is an `audit report` option; --upload is required.
///
/// With --organization --fan-out among them, the scheduled job only plans the run and queues
/// its units: the schedule also gets its audit queue (FUNCTION-audit-NAME), a dead-letter
/// queue (after --max-receive-count deliveries, 3 by default), an event source mapping that
/// feeds the function --batch-size units per invocation (5) with at most --max-concurrency
/// invocations at once (10) and partial batch responses, and the role's permissions for the
/// organization, the member role, the run's objects and exactly these queues. Changing one of
/// these later plans an update of the queue or the mapping.
///
/// With --create-table among the report options, the role may also create and alter exactly
/// that table with Athena DDL (its workgroup, its Glue database and table, the results
/// location): the scheduled report, or the run's finisher, brings it up to date.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// When: an EventBridge schedule expression, e.g. "cron(0 6 ? * MON *)" (UTC) or "rate(7 days)"
    #[arg(long, value_name = "EXPRESSION")]
    pub cron: crate::values::ScheduleExpression,

    /// The schedule's name (several may exist)
    #[arg(long, value_name = "NAME", default_value = "weekly")]
    pub name: crate::values::FunctionName,

    /// The deployed fulfiller function that runs the report
    #[arg(long, value_name = "NAME", default_value = fulfiller::DEFAULT_FUNCTION)]
    pub function_name: crate::values::FunctionName,

    /// With --fan-out: units per invocation of the function, run at once (the event source
    /// mapping's BatchSize, 1-10; default 5)
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = clap::value_parser!(u8).range(1..=10))]
    pub batch_size: Option<u8>,

    /// With --fan-out: invocations of the function at once, so accounts audited at once are at
    /// most this × --batch-size (ScalingConfig MaximumConcurrency, 2-1000; default 10)
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = clap::value_parser!(u16).range(2..=1000))]
    pub max_concurrency: Option<u16>,

    /// With --fan-out: deliveries of a unit before SQS moves it to the dead-letter queue (the
    /// redrive policy's maxReceiveCount, 1-1000; default 3)
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub max_receive_count: Option<u16>,

    /// The `audit report` options (--upload s3://… required; --all-buckets or --bucket B…)
    #[arg(
        value_name = "AUDIT_REPORT_OPTIONS",
        trailing_var_arg = true,
        allow_hyphen_values = true,
        required = true
    )]
    pub report: Vec<String>,
}

/// Whether `tok` (`--long`, `--long=V` or `-s`) is one of `cmd`'s options.
fn takes(cmd: &clap::Command, tok: &str) -> bool {
    let long = tok
        .strip_prefix("--")
        .map(|l| l.split('=').next().unwrap_or(l));
    cmd.get_arguments().any(|a| match long {
        Some(l) => a.get_long() == Some(l),
        None => tok.chars().nth(1).is_some_and(|c| a.get_short() == Some(c)),
    })
}

/// Check the report's options exactly as `audit report` would read them; its --upload location
/// and the options read.
fn check_report(
    args: &[String],
    tree: CommandTree,
) -> Result<(String, String, super::report::Args)> {
    // Global options would end up in the scheduled job (a --dry-run report every week): they
    // belong before `audit schedule`.
    let root = tree();
    let report = root
        .find_subcommand("audit")
        .and_then(|a| a.find_subcommand("report"))
        .ok_or_else(|| input_error("audit report: no such command"))?;
    let own = |tok: &str| takes(report, tok);
    let global = |tok: &str| takes(&root, tok);
    if let Some(t) = args.iter().find(|t| {
        let long = t.split('=').next().unwrap_or(t);
        SCHEDULE_OWN.contains(&long)
    }) {
        return Err(input_error(format!(
            "{t} is an option of `audit schedule`: put it before the audit report options"
        )));
    }
    if let Some(t) = args
        .iter()
        .find(|t| t.starts_with('-') && t.len() > 1 && !own(t.as_str()) && global(t.as_str()))
    {
        return Err(input_error(format!(
            "{t} is a global option: put it before `audit schedule` (the scheduled report gets only audit report options)"
        )));
    }
    let argv = ["lakegate", "audit", "report"]
        .into_iter()
        .map(str::to_owned)
        .chain(args.iter().cloned());
    let m = root.try_get_matches_from(argv).map_err(|e| {
        let text = e.render().to_string();
        let first = text
            .lines()
            .next()
            .unwrap_or("")
            .trim_start_matches("error: ");
        input_error(format!("audit report options: {first}"))
    })?;
    let Some(m) = m
        .subcommand_matches("audit")
        .and_then(|a| a.subcommand_matches("report"))
    else {
        return Err(input_error(
            "audit report options: not audit report options",
        ));
    };
    let r = <super::report::Args as clap::FromArgMatches>::from_arg_matches(m)
        .map_err(|e| input_error(format!("audit report options: {e}")))?;
    let Some(upload) = r.upload.clone() else {
        return Err(input_error(
            "audit report options: --upload s3://BUCKET/PREFIX/ is required (a scheduled report has nowhere else to go)",
        ));
    };
    if r.fan_out
        && args
            .iter()
            .any(|a| a == "--queue" || a.starts_with("--queue="))
    {
        return Err(input_error(
            "audit report options: --queue: a fanned-out schedule uses its own queue (FUNCTION-audit-NAME)",
        ));
    }
    Ok((upload.bucket.to_string(), upload.prefix(), r))
}

/// The options of `audit schedule` itself, which the report options cannot take.
const SCHEDULE_OWN: [&str; 6] = [
    "--cron",
    "--name",
    "--function-name",
    "--batch-size",
    "--max-concurrency",
    "--max-receive-count",
];

pub async fn run(ctx: &Ctx, args: &Args, tree: CommandTree) -> Result<()> {
    let (bucket, prefix, report) = check_report(&args.report, tree)?;
    let delivery = UnitDelivery::of(
        args.batch_size,
        args.max_concurrency,
        args.max_receive_count,
        report.fan_out,
    )?;
    let table = report.create_table.as_ref().map(|t| {
        TableAccess::of(
            t,
            report.workgroup.as_ref(),
            report.output_location.as_ref(),
            (&bucket, &prefix),
        )
    });
    let schedule = AuditSchedule {
        name: args.name.clone(),
        cron: args.cron.clone(),
        function_name: args.function_name.clone(),
        job: args.report.clone(),
        upload: (bucket, prefix),
        fan_out: report.fan_out,
        member_role: report.member_role.map(|r| r.to_string()),
        delivery,
        table,
    };
    fulfiller::schedule_audit(ctx, &schedule).await
}
