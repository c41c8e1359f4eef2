//! `lakegate accesspoint revoke NAME --principal ARN [--prefix P] [--access LEVEL]`

use super::{check_prefix, check_principals, policy_ref};
use crate::apply::Plan;
use crate::commands::{print_edit, Ctx, EditResult};
use crate::error::Result;
use crate::policy::access::{owned_grant, revoke, AccessPointRef};
use crate::policy::document::aws_principals;
use crate::policy::AccessLevel;
use crate::values::{Prefix, PrincipalArn};

/// Remove principals from the grants lakegate wrote on an access point (all prefixes unless
/// --prefix is given). Statements lakegate did not write are never edited; a principal named
/// only there is reported. Asks on a terminal; scripts must pass --yes.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Access point: its name, ARN or alias
    #[arg(value_name = "NAME", add = crate::completers::access_point_completer())]
    pub name: crate::values::AccessPointRef,

    /// IAM role, user or account (ARN or 12-digit id); repeatable
    #[arg(long = "principal", value_name = "ARN", required = true)]
    pub principals: Vec<PrincipalArn>,

    /// Only the grant on this prefix
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Option<Prefix>,

    /// Take the prefix exactly as written even if it has `.` or `..` segments (refused by default:
    /// path-normalising tools would read another prefix)
    #[arg(long)]
    pub literal_prefix: bool,

    /// Only this part of the grant (default: all of it, delete included)
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub access: Option<AccessLevel>,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let prefix = args
        .prefix
        .as_deref()
        .map(|p| check_prefix(p, args.literal_prefix))
        .transpose()?;
    let aws = ctx.aws().await?;
    let principals = check_principals(&args.principals, aws.partition)?;
    let (account, info) = ctx.resolve_access_point(&args.name).await?;
    let apref = AccessPointRef {
        arn: info.arn.clone(),
    };
    let pref = policy_ref(&account, &info);
    let level = args.access.unwrap_or(AccessLevel::ReadWriteDelete);
    let who = principals.join(", ");
    let scope = prefix
        .as_ref()
        .map(|p| format!(" on {p}"))
        .unwrap_or_default();
    // Taking access away is confirmed, as `subscription revoke` does: asked on a terminal,
    // --yes in scripts (only when the policy would change).
    let (step, outcome) = pref.step(crate::apply::policy::edit(|doc| {
        for p in &principals {
            revoke(doc, &apref, p, prefix.as_deref(), level);
        }
        Ok(())
    }));
    let prefixes: Vec<String> = prefix.iter().cloned().collect();
    let plan = Plan::new("accesspoint revoke")
        .step(step)
        .naming(&principals, &prefixes)
        .confirming(format!(
            "revoke {who}{scope} from access point {} (they lose that access)",
            info.name
        ));
    let report = ctx.apply(plan).await?;
    let result = EditResult::of(&report, &pref, &outcome);
    // Grants lakegate did not write stay; say so, so nobody believes access is gone.
    if let Some(p) = result
        .policy
        .as_ref()
        .and_then(|v| crate::policy::PolicyDocument::from_value(v.clone()).ok())
    {
        for st in p.statements() {
            if owned_grant(st).is_some() {
                continue;
            }
            let named = aws_principals(st);
            for pr in &principals {
                if named.iter().any(|n| n == pr) {
                    let sid = st.get("Sid").and_then(|s| s.as_str()).unwrap_or("(no Sid)");
                    ctx.printer.warn(format!(
                        "{pr} is still named in statement {sid}, which lakegate did not write; edit it by hand if it must go"
                    ));
                }
            }
        }
    }
    print_edit(
        ctx,
        &result,
        &format!("revoked {who}{scope} from {}", info.name),
        &format!(
            "{who} has no lakegate grant{scope} on {}; nothing changed",
            info.name
        ),
    )
}
