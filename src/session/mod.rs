//! The session every engine works in: the run's settings, the printer, and AWS (loaded on first
//! use). Verbs hand it to the engines (`commands::Ctx` is this type); the Lambda handler builds
//! one of its own. It holds no CLI types: the flags arrive resolved, as `Settings`.

pub mod aws_settings;

use crate::aws::{Aws, RunState};
use crate::error::{input_error, Result};
use crate::output::Printer;
use crate::settings::Settings;
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
