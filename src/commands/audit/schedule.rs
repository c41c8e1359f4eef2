//! `lakegate audit schedule --cron EXPR [--name N] [--function-name F] AUDIT_REPORT_OPTIONS…`

use crate::commands::{CommandTree, Ctx};
use crate::error::{input_error, Result};
use crate::fulfiller::{self, AuditSchedule};

/// Run `audit report` on a schedule, in the deployed fulfiller function (`subscription deploy`):
/// an EventBridge rule with the schedule whose target is the function with the report's
/// arguments as its input, the permission to invoke it, and an inline policy on the function's
/// role that lets it read every bucket and access point policy and upload under --upload. Every
/// option after the schedule's own is an `audit report` option; --upload is required.
///
/// With --organization --fan-out among them, the scheduled job only plans the run and queues
/// its units: the schedule also gets its audit queue (FUNCTION-audit-NAME), a dead-letter
/// queue (after 3 deliveries), an event source mapping that feeds the function 5 units per
/// invocation with at most 10 invocations at once and partial batch responses, and the role's
/// permissions for the organization, the member role, the run's objects and exactly these
/// queues.
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

    /// The `audit report` options (--upload s3://… required; --all-buckets or --bucket B…)
    #[arg(
        value_name = "AUDIT_REPORT_OPTIONS",
        trailing_var_arg = true,
        allow_hyphen_values = true,
        required = true
    )]
    pub report: Vec<String>,
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
    let own = |tok: &str| {
        report.get_arguments().any(|a| {
            let long = tok
                .strip_prefix("--")
                .map(|l| l.split('=').next().unwrap_or(l));
            match long {
                Some(l) => a.get_long() == Some(l),
                None => tok.chars().nth(1).is_some_and(|c| a.get_short() == Some(c)),
            }
        })
    };
    let global = |tok: &str| {
        root.get_arguments().any(|a| {
            let long = tok
                .strip_prefix("--")
                .map(|l| l.split('=').next().unwrap_or(l));
            match long {
                Some(l) => a.get_long() == Some(l),
                None => tok.chars().nth(1).is_some_and(|c| a.get_short() == Some(c)),
            }
        })
    };
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

pub async fn run(ctx: &Ctx, args: &Args, tree: CommandTree) -> Result<()> {
    let (bucket, prefix, report) = check_report(&args.report, tree)?;
    let schedule = AuditSchedule {
        name: args.name.clone(),
        cron: args.cron.clone(),
        function_name: args.function_name.clone(),
        job: args.report.clone(),
        upload: (bucket, prefix),
        fan_out: report.fan_out,
        member_role: report.member_role.map(|r| r.to_string()),
    };
    fulfiller::schedule_audit(ctx, &schedule).await
}
