//! `lakegate access prove (--never WHAT [--prefix P] | --only ARN… --prefix P [--access A] | -f FILE)`

use crate::commands::Ctx;
use crate::error::{denied, input_error, Result};
use crate::evaluate::parse_context;
use crate::evaluate::prove;
use crate::evaluate::sources::partition_of;
use crate::policy::eval::exact::{Guardrail, Model, Never};
use crate::policy::eval::symbolic::Access;
use crate::values::{BucketName, Prefix, PrincipalArn};

/// Prove a guardrail over every principal and every key of a bucket, or refute it with a
/// counterexample: a principal ARN (for a class of principals, one of its members), a key, the
/// action, the route (the bucket or an access point) and the statements that allow it.
///
/// Principals are taken by class (each named one, each account's root, any other principal of
/// an account, any principal of an account no policy names, anyone), and keys as the exact sets
/// the policies allow, so "holds" covers every principal and key, not a sample. Access that
/// depends on a condition unknown offline (aws:SourceVpce, aws:PrincipalOrgID, …) counts, with
/// the condition shown. With -f, every guardrail of a lake file is proved against the policies
/// the file declares, offline. Exit 0 when the guardrail holds, 3 when it does not.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// No principal of this kind may: external-read, external-write (principals outside the bucket
    /// owner's and the --trusted-account accounts), public-read, public-write (anyone)
    #[arg(
        long,
        value_enum,
        value_name = "WHAT",
        conflicts_with = "only",
        required_unless_present_any = ["only", "file"]
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

    /// Prove the `guardrails:` of a lake file against the policies it declares, offline (the
    /// bucket owner from --bucket-owner or --account-id; `-` reads stdin)
    #[arg(short = 'f', long = "file", value_name = "FILE",
          conflicts_with_all = ["never", "only", "prefix", "bucket_policy", "access_point_policy"])]
    pub file: Option<String>,

    /// The bucket (offline: default from the bucket policy's resources)
    #[arg(long, value_name = "BUCKET", add = crate::completers::bucket_completer())]
    pub bucket: Option<BucketName>,

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

fn guardrail(args: &Args) -> Result<Guardrail> {
    let prefix = args
        .prefix
        .as_ref()
        .map(|p| p.normalized(true))
        .transpose()
        .map_err(|e| input_error(format!("--prefix: {e}")))?;
    Ok(match args.never {
        Some(n) => Guardrail::Never {
            what: match n {
                NeverArg::ExternalRead => Never::ExternalRead,
                NeverArg::ExternalWrite => Never::ExternalWrite,
                NeverArg::PublicRead => Never::PublicRead,
                NeverArg::PublicWrite => Never::PublicWrite,
            },
            prefix,
        },
        None => Guardrail::Only {
            principals: args.only.iter().map(|p| p.canonical()).collect(),
            prefix: prefix.unwrap_or_default(),
            access: match args.access {
                AccessArg::Read => Access::Read,
                AccessArg::Write => Access::Write,
                AccessArg::Delete => Access::Delete,
                AccessArg::List => Access::List,
            },
        },
    })
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let proofs = match &args.file {
        Some(file) => {
            let owner = args
                .policies
                .bucket_owner
                .clone()
                .or_else(|| ctx.settings.account_id.clone())
                .ok_or_else(|| {
                    input_error("-f: the bucket owner is needed: pass --bucket-owner ID")
                })?;
            crate::lake::guardrails::prove_file(ctx, file, &owner)?
        }
        None => {
            let context = parse_context(&args.policies.context)?;
            let guardrail = guardrail(args)?;
            let (set, bucket, _) = args
                .policies
                .gather(ctx, args.bucket.as_ref().map(ToString::to_string), &[])
                .await?;
            let (chain, _) = args.policies.chain.files().from_files()?;
            let partition = partition_of(&set);
            let model = Model {
                set: &set,
                chain: &chain,
                bucket: &bucket,
                partition: &partition,
                context: &context,
                trusted: &args.trusted_account.ids(),
            };
            vec![prove::prove(&model, &guardrail)?]
        }
    };
    // One guardrail: its proof is the document (as before -f); a file's: the list.
    prove::print(&ctx.printer, &proofs, args.file.is_none())?;
    if proofs.iter().any(|p| !p.holds) {
        Err(denied())
    } else {
        Ok(())
    }
}
