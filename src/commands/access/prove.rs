//! `lakegate access prove (--never WHAT [--prefix P] | --only ARN… --prefix P [--access A])`

use crate::commands::Ctx;
use crate::error::{denied, failed, input_error, Result};
use crate::evaluate::parse_context;
use crate::policy::eval::exact::{Counterexample, Guardrail, Model, Never};
use crate::policy::eval::symbolic::Access;
use crate::values::{checked, BucketName, Prefix, PrincipalArn};
use serde::Serialize;

/// Prove a guardrail over every principal and every key of a bucket, or refute it with a
/// counterexample: a principal ARN (for a class of principals, one of its members), a key, the
/// action, the route (the bucket or an access point) and the statements that allow it.
///
/// Principals are taken by class (each named one, each account's root, any other principal of
/// an account, any principal of an account no policy names, anyone), and keys as the exact sets
/// the policies allow, so "holds" covers every principal and key, not a sample. Access that
/// depends on a condition unknown offline (aws:SourceVpce, aws:PrincipalOrgID, …) counts, with
/// the condition shown. Exit 0 when the guardrail holds, 3 when it does not.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// No principal of this kind may: external-read, external-write (principals outside the bucket
    /// owner's and the --trusted-account accounts), public-read, public-write (anyone)
    #[arg(
        long,
        value_enum,
        value_name = "WHAT",
        conflicts_with = "only",
        required_unless_present = "only"
    )]
    pub never: Option<NeverArg>,

    /// Only these principals may --access under --prefix (repeatable)
    #[arg(long, value_name = "ARN", requires = "prefix")]
    pub only: Vec<PrincipalArn>,

    /// The keys the guardrail is about (default: the whole bucket)
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Option<Prefix>,

    /// The access --only is about
    #[arg(long, value_enum, default_value_t = AccessArg::Read)]
    pub access: AccessArg,

    /// The bucket (offline: default from the bucket policy's resources)
    #[arg(long, value_name = "BUCKET", value_parser = checked::<BucketName>,
          add = crate::completers::bucket_completer())]
    pub bucket: Option<String>,

    #[command(flatten)]
    pub trusted_account: crate::commands::shared_args::TrustedAccounts,

    /// The policies: fetched, or offline from files
    #[command(flatten)]
    pub policies: super::PolicyArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NeverArg {
    ExternalRead,
    ExternalWrite,
    PublicRead,
    PublicWrite,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AccessArg {
    Read,
    Write,
    Delete,
    List,
}

/// The answer, as scripts read it.
#[derive(Debug, Serialize)]
struct Proof<'a> {
    guardrail: String,
    bucket: &'a str,
    holds: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    counterexample: Option<&'a Counterexample>,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let context = parse_context(&args.policies.context)?;
    let prefix = args
        .prefix
        .as_ref()
        .map(|p| p.normalized(true))
        .transpose()
        .map_err(|e| input_error(format!("--prefix: {e}")))?;
    let (guardrail, text) = match args.never {
        Some(n) => {
            let what = match n {
                NeverArg::ExternalRead => Never::ExternalRead,
                NeverArg::ExternalWrite => Never::ExternalWrite,
                NeverArg::PublicRead => Never::PublicRead,
                NeverArg::PublicWrite => Never::PublicWrite,
            };
            let text = format!("never {}{}", what.as_str(), under(prefix.as_deref()));
            (Guardrail::Never { what, prefix }, text)
        }
        None => {
            let access = match args.access {
                AccessArg::Read => Access::Read,
                AccessArg::Write => Access::Write,
                AccessArg::Delete => Access::Delete,
                AccessArg::List => Access::List,
            };
            let principals: Vec<String> = args.only.iter().map(|p| p.canonical()).collect();
            let prefix = prefix.unwrap_or_default();
            let text = format!(
                "only {} may {}{}",
                principals.join(", "),
                access.as_str(),
                under(Some(&prefix))
            );
            (
                Guardrail::Only {
                    principals,
                    prefix,
                    access,
                },
                text,
            )
        }
    };
    let (set, bucket, _) = args.policies.gather(ctx, args.bucket.clone(), &[]).await?;
    let (chain, _) = args.policies.chain.files().from_files()?;
    let partition = super::partition_of(&set);
    let model = Model {
        set: &set,
        chain: &chain,
        bucket: &bucket,
        partition: &partition,
        context: &context,
        trusted: &args.trusted_account,
    };
    let found = model
        .prove(&guardrail)
        .map_err(|e| failed(format!("cannot decide the guardrail: {e}")))?;
    let proof = Proof {
        guardrail: text.clone(),
        bucket: &bucket,
        holds: found.is_none(),
        counterexample: found.as_ref(),
    };
    ctx.printer.result(&proof, || match &found {
        None => ctx.printer.line(format!("holds: {text} (s3://{bucket})")),
        Some(c) => {
            let who = if c.principal.is_empty() {
                "an anonymous request".to_string()
            } else {
                c.principal.clone()
            };
            let via = match &c.access_point {
                Some(a) => format!("through access point {a}"),
                None => "directly".to_string(),
            };
            let by: Vec<String> = c
                .statements
                .iter()
                .filter(|s| s.effect == crate::policy::eval::Effect::Allow)
                .map(|s| match &s.sid {
                    Some(sid) => format!("{} {sid}", s.policy),
                    None => format!("{} #{}", s.policy, s.index),
                })
                .collect();
            ctx.printer
                .line(format!("does not hold: {text} (s3://{bucket})"))?;
            ctx.printer.line(format!(
                "  {who} may {} s3://{bucket}/{} {via}, allowed by {}",
                c.action,
                c.key,
                by.join(", ")
            ))?;
            if !c.only_if.is_empty() {
                ctx.printer
                    .line(format!("  only if {}", c.only_if.join("; ")))?;
            }
            Ok(())
        }
    })?;
    if found.is_some() {
        Err(denied())
    } else {
        Ok(())
    }
}

fn under(prefix: Option<&str>) -> String {
    match prefix {
        Some(p) if !p.is_empty() => format!(" under {p}"),
        _ => " anywhere".to_string(),
    }
}
