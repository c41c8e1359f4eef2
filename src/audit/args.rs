//! [`ReportOptions`] rendered back to `audit report`'s arguments: how a fanned-out run tells
//! each unit what to compute. A unit is `audit report` run with these arguments, so a unit and
//! a local `audit report --organization --account ID --regions R` with the same options are
//! the same computation; [`report_args`] names every field of the options (a field added to
//! them does not compile until it is rendered here), and a test in
//! `commands/audit/report.rs` reads the arguments back through the command line into the same
//! options.

use super::report::{ReportOptions, UnitRun};
use crate::values::RunId;

/// The arguments (after `lakegate`) of the `audit report` that reads back into `opts`.
pub fn report_args(opts: &ReportOptions) -> Vec<String> {
    // Every field by name, no `..`: a new option must be rendered (or said here why not).
    let ReportOptions {
        bucket,
        all_buckets,
        organization,
        member_role,
        external_id,
        accounts,
        exclude_account,
        regions,
        all_regions,
        analyzer_arn,
        trusted_account,
        concurrency,
        upload,
        allow_partial,
        exact,
        create_table,
        workgroup,
        output_location,
        unit,
    } = opts;
    let mut a = Args(vec!["audit".into(), "report".into()]);
    a.values("--bucket", bucket);
    a.switch("--all-buckets", *all_buckets);
    a.switch("--organization", *organization);
    a.value("--member-role", member_role.as_ref());
    a.value("--external-id", external_id.as_ref());
    a.values("--account", accounts);
    a.values("--exclude-account", exclude_account);
    a.values("--regions", regions);
    a.switch("--all-regions", *all_regions);
    a.values("--analyzer-arn", analyzer_arn);
    a.values("--trusted-account", trusted_account);
    a.value("--concurrency", Some(concurrency));
    a.value("--upload", upload.as_ref());
    a.switch("--allow-partial", *allow_partial);
    // Exact is the default; both are said, so the arguments read the same to any version.
    a.switch("--exact", *exact);
    a.switch("--sampled", !*exact);
    a.value("--create-table", create_table.as_ref());
    a.value("--workgroup", workgroup.as_ref());
    a.value("--output-location", output_location.as_ref());
    if let Some(UnitRun {
        run,
        attempt,
        deadline_ms,
        dead_letter,
    }) = unit
    {
        a.value("--run", Some(run));
        a.value("--attempt", attempt.as_ref());
        a.value("--deadline", deadline_ms.as_ref());
        a.value("--dead-letter", dead_letter.as_ref());
    }
    a.0
}

/// A fanned-out run's options narrowed to one unit of run `run`: its account and its region
/// (`*`: `--all-regions`), as `audit::fleet::Unit` has them. What only the planner or the
/// finisher does (leaving accounts out, `--allow-partial`, the Athena table) is left out;
/// every other option, among them all that decide the rows (`--sampled`, `--trusted-account`,
/// `--analyzer-arn`, the member role and its external id), is the run's.
pub fn unit_options(
    opts: &ReportOptions,
    account: &str,
    region: &str,
    run: &RunId,
) -> ReportOptions {
    let all = region == "*";
    ReportOptions {
        bucket: Vec::new(),
        all_buckets: false,
        organization: true,
        accounts: vec![account.to_string()],
        exclude_account: Vec::new(),
        regions: if all {
            Vec::new()
        } else {
            vec![region.to_string()]
        },
        all_regions: all,
        allow_partial: false,
        create_table: None,
        workgroup: None,
        output_location: None,
        unit: Some(UnitRun {
            run: run.clone(),
            attempt: None,
            deadline_ms: None,
            dead_letter: None,
        }),
        ..opts.clone()
    }
}

struct Args(Vec<String>);

impl Args {
    fn switch(&mut self, flag: &str, on: bool) {
        if on {
            self.0.push(flag.into());
        }
    }
    fn value(&mut self, flag: &str, v: Option<&impl ToString>) {
        if let Some(v) = v {
            self.0.push(flag.into());
            self.0.push(v.to_string());
        }
    }
    fn values(&mut self, flag: &str, vs: &[impl ToString]) {
        for v in vs {
            self.value(flag, Some(v));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_is_the_run_narrowed_to_one_account_and_region() {
        let opts = ReportOptions {
            organization: true,
            member_role: Some("Audit".parse().unwrap()),
            external_id: Some("x-1".into()),
            exclude_account: vec!["444455556666".into()],
            regions: vec!["eu-west-1".into(), "us-east-1".into()],
            trusted_account: vec!["999988887777".into()],
            concurrency: 8,
            upload: Some("s3://bkt/audit/".parse().unwrap()),
            exact: false,
            create_table: Some("audit.access".parse().unwrap()),
            ..Default::default()
        };
        let run: RunId = "r1".parse().unwrap();
        assert_eq!(
            report_args(&unit_options(&opts, "111122223333", "us-east-1", &run)).join(" "),
            "audit report --organization --member-role Audit --external-id x-1 \
             --account 111122223333 --regions us-east-1 --trusted-account 999988887777 \
             --concurrency 8 --upload s3://bkt/audit/ --sampled --run r1"
        );
        let opts = ReportOptions {
            exact: true,
            ..opts
        };
        let args = report_args(&unit_options(&opts, "111122223333", "*", &run)).join(" ");
        assert!(
            args.contains(" --all-regions ")
                && args.contains(" --exact ")
                && !args.contains("--regions"),
            "{args}"
        );
    }
}
