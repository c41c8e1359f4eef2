//! `lakegate subscription deploy --domain D --bucket B… [--function-name N] [--via VIA] [--zip FILE]`

use super::WriteArgs;
use crate::apply::Plan;
use crate::commands::Ctx;
use crate::error::{input_error, Result};
use crate::fulfiller::{self, place, Names, Said, Spec};

/// Deploy lakegate as the DataZone fulfiller: the function (this binary as `bootstrap`, custom
/// runtime provided.al2023, x86_64), its execution role and inline policy, an EventBridge rule on
/// the default bus for the domain's subscription events with a retry policy and an SQS
/// dead-letter queue, and the permission for EventBridge to invoke. Through the change pipeline:
/// --dry-run shows every resource and policy; running it again changes nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The DataZone domain whose subscription events the function fulfils
    #[arg(long, value_name = "DOMAIN_ID")]
    pub domain: crate::values::DomainId,

    /// A bucket whose policy the function may edit (repeatable; the buckets of the domain's assets)
    #[arg(long = "bucket", value_name = "BUCKET", required = true,
          add = crate::completers::bucket_completer())]
    pub buckets: Vec<crate::values::BucketName>,

    /// The function's name; the role, rule and queue are named after it
    #[arg(long, value_name = "NAME", default_value = fulfiller::DEFAULT_FUNCTION)]
    pub function_name: crate::values::FunctionName,

    /// Deploy this deployment package (a zip with a Linux x86_64 `bootstrap`) instead of this binary
    #[arg(long, value_name = "FILE", conflicts_with = "binary")]
    pub zip: Option<String>,

    /// Package this lakegate binary as `bootstrap` instead of the running one
    #[arg(long, value_name = "FILE")]
    pub binary: Option<String>,

    /// Also run `subscription reconcile` on this schedule (e.g. "rate(1 hour)")
    #[arg(long, value_name = "EXPRESSION")]
    pub reconcile_every: Option<crate::values::ScheduleExpression>,

    #[command(flatten)]
    pub opts: WriteArgs,
}

/// The handle-event arguments that reproduce these options in the function.
fn event_args(o: &WriteArgs) -> Vec<String> {
    let mut a = Vec::new();
    match o.via {
        super::Via::AccessPoint => a.extend(["--via".to_string(), "access-point".into()]),
        super::Via::AccessGrants => a.extend(["--via".to_string(), "access-grants".into()]),
        super::Via::BucketPolicy => {}
    }
    if let Some(r) = &o.location_role {
        a.extend(["--location-role".to_string(), r.to_string()]);
    }
    if !o.actions.is_empty() {
        a.extend([
            "--actions".to_string(),
            crate::values::strings(&o.actions).join(","),
        ]);
    } else if o.access != super::Access::Read {
        a.extend(["--access".to_string(), o.access.as_str().into()]);
    }
    for (acct, role) in &o.account_roles {
        a.extend(["--account-role".to_string(), format!("{acct}={role}")]);
    }
    a
}

/// The deployment package: --zip as is (checked), else --binary or this binary, checked and zipped.
fn package(args: &Args) -> Result<Vec<u8>> {
    let read = |opt: &str, path: &str| {
        std::fs::read(path).map_err(|e| input_error(format!("{opt}: cannot read '{path}': {e}")))
    };
    if let Some(z) = &args.zip {
        let bytes = read("--zip", z)?;
        crate::package::check_zip(&format!("--zip {z}"), &bytes)?;
        return Ok(bytes);
    }
    let (what, path) = match &args.binary {
        Some(b) => (format!("--binary {b}"), b.clone()),
        None => {
            let me = std::env::current_exe()
                .map_err(|e| input_error(format!("cannot find this binary: {e}")))?;
            (
                format!("this binary ({})", me.display()),
                me.display().to_string(),
            )
        }
    };
    let bytes = read("--binary", &path)?;
    crate::package::check_binary(&what, &bytes)?;
    crate::package::zip_bootstrap(&bytes)
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    args.opts.options().check()?;
    let zip = package(args)?;
    let zip_size = zip.len();
    let place = place(ctx).await?;
    let names = Names::of(&args.function_name);
    let spec = Spec {
        domain: args.domain.to_string(),
        buckets: crate::values::strings(&args.buckets),
        access_points: args.opts.via == super::Via::AccessPoint,
        access_grants: (args.opts.via == super::Via::AccessGrants).then(|| fulfiller::Grants {
            location_role: args.opts.location_role.as_ref().map(ToString::to_string),
        }),
        lock_bucket: ctx.settings.lock_bucket.clone(),
        event_args: event_args(&args.opts),
        reconcile_every: args.reconcile_every.as_ref().map(ToString::to_string),
    };
    let mut plan = Plan::new(format!("subscription deploy {}", args.function_name));
    plan.steps = fulfiller::deploy_steps(&place, &names, &spec, zip);
    let said = Said {
        done: format!(
            "deployed {} for domain {} (package {} bytes)",
            args.function_name, args.domain, zip_size
        ),
        unchanged: Some(format!(
            "{} is deployed as asked: nothing to change",
            args.function_name
        )),
        always_rows: true,
    };
    fulfiller::apply_and_print(ctx, plan, said, |changed, rows| {
        serde_json::json!({
            "function": args.function_name,
            "changed": changed,
            "zip_bytes": zip_size,
            "resources": rows,
        })
    })
    .await
}
