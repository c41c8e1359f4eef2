//! The session every engine works in: the run's settings, the printer, and AWS (loaded on first
//! use). Verbs hand it to the engines (`commands::Ctx` is this type); the Lambda handler builds
//! one of its own. It holds no CLI types: the flags arrive resolved, as `Settings`.

pub mod aws_settings;

use crate::aws::s3control::AccessPointInfo;
use crate::aws::{Aws, RunState};
use crate::error::{failed, input_error, Result};
use crate::output::Printer;
use crate::settings::Settings;
use crate::values::{AccessPointRef, BucketName, BucketRef};
use tokio::sync::OnceCell;

/// The settings, the printer, and AWS (loaded on first use).
pub struct Session {
    pub settings: Settings,
    pub printer: Printer,
    aws: OnceCell<Aws>,
    /// What a signal settles: every AWS handle of this session works for it.
    run: RunState,
}

impl Session {
    pub fn new(settings: Settings, printer: Printer) -> Self {
        Session {
            settings,
            printer,
            aws: OnceCell::new(),
            run: RunState::default(),
        }
    }

    /// A session for the same run (its leases, writes and query settled by the same signal
    /// handler).
    #[must_use]
    pub fn in_run(mut self, run: RunState) -> Self {
        self.run = run;
        self
    }

    /// The region answers made offline are for: `--region`, else `AWS_REGION`, else us-east-1
    /// (no AWS configuration is read: nothing is called).
    pub fn offline_region(&self) -> String {
        self.settings
            .region
            .clone()
            .or_else(|| std::env::var("AWS_REGION").ok().filter(|r| !r.is_empty()))
            .unwrap_or_else(|| "us-east-1".into())
    }

    /// The run's leases, writes in flight and query, for the signal handler.
    pub fn run(&self) -> &RunState {
        &self.run
    }

    pub async fn aws(&self) -> Result<&Aws> {
        self.aws
            .get_or_try_init(|| async {
                // The lease settings come from the environment: refuse bad ones before any call.
                crate::aws::lease::LeaseOptions::from_env()?;
                let aws = Aws::load(&aws_settings::from_flags(&self.settings))
                    .await
                    .map_err(|e| aws_settings::error(e, &self.settings))?
                    .in_run(self.run.clone());
                if let Some(id) = &self.settings.account_id {
                    crate::policy::arn::validate_account_id(id)
                        .map_err(|e| input_error(format!("--account-id: {e}")))?;
                    aws.set_account(id.clone());
                }
                Ok(aws)
            })
            .await
    }

    /// AWS, if something has loaded it already.
    pub fn aws_loaded(&self) -> Option<&Aws> {
        self.aws.get()
    }

    pub async fn account(&self) -> Result<String> {
        Ok(self.aws().await?.account_id().await?)
    }

    /// The access point, or "does not exist" (exit 1) with the way to list them.
    pub async fn existing_access_point(
        &self,
        account: &str,
        name: &str,
    ) -> Result<AccessPointInfo> {
        self.aws()
            .await?
            .access_point(account, name)
            .await?
            .ok_or_else(|| {
                failed(format!(
                    "access point '{name}' does not exist in account {account}"
                ))
                .hinted("run `lakegate accesspoint list` to see the account's access points")
            })
    }

    /// The bucket `r` names: itself, or the bucket of the access point it names.
    pub async fn resolve_bucket(&self, r: &BucketRef) -> Result<BucketName> {
        match r {
            BucketRef::Bucket(b) => Ok(b.clone()),
            BucketRef::AccessPoint(a) => {
                let (_, info) = self.resolve_access_point(a).await?;
                info.bucket.parse().map_err(|e| {
                    failed(format!(
                        "access point {a} serves bucket '{}': {e}",
                        info.bucket
                    ))
                })
            }
        }
    }

    /// The access point `r` names and the account that owns it (the ARN's, else --account-id
    /// or the caller's): by name or ARN with S3 Control GetAccessPoint, by alias among the
    /// account's access points. One that does not exist is an error (exit 1) saying where it
    /// was looked for.
    pub async fn resolve_access_point(
        &self,
        r: &AccessPointRef,
    ) -> Result<(String, AccessPointInfo)> {
        let aws = self.aws().await?;
        let account = match r.account() {
            Some(a) => a.to_string(),
            None => self.account().await?,
        };
        if let AccessPointRef::Arn(arn) = r {
            if arn.region != aws.region {
                return Err(input_error(format!(
                    "access point {arn} is in region {}, lakegate uses {}",
                    arn.region, aws.region
                ))
                .hinted(format!("pass --region {}", arn.region)));
            }
        }
        let found = match r {
            AccessPointRef::Alias(alias) => aws
                .list_access_points(&account, None, |_| {})
                .await?
                .into_iter()
                .find(|ap| ap.alias.as_deref() == Some(alias.as_str())),
            _ => {
                let name = r.name().map(|n| n.as_str()).unwrap_or_default();
                aws.access_point(&account, name).await?
            }
        };
        let what = match r {
            AccessPointRef::Alias(a) => {
                format!("no access point of account {account} has the alias '{a}'")
            }
            _ => format!("access point '{r}' does not exist in account {account}"),
        };
        found.map(|info| (account, info)).ok_or_else(|| {
            failed(what)
                .hinted("run `lakegate accesspoint list` to see the account's access points")
        })
    }

    /// A session like this one whose AWS calls go through `role` in `account` (the other
    /// settings, the printer and the pipeline's options are this session's).
    pub fn in_role(&self, role: &str, account: &str) -> Session {
        let settings = Settings {
            assume_role: Some(role.to_string()),
            account_id: Some(account.to_string()),
            ..self.settings.clone()
        };
        Session::new(settings, self.printer.clone()).in_run(self.run.clone())
    }

    /// How the pipeline applies plans, from the settings.
    pub fn apply_options(&self) -> crate::apply::Options {
        crate::apply::Options {
            dry_run: self.settings.dry_run,
            yes: self.settings.yes,
            lock_bucket: self.settings.lock_bucket.clone(),
        }
    }

    /// Hand a plan to the one change pipeline.
    pub async fn apply(&self, plan: crate::apply::Plan<'_>) -> Result<crate::apply::Report> {
        let aws = self.aws().await?;
        crate::apply::apply(aws, &self.printer, &self.apply_options(), plan).await
    }
}
