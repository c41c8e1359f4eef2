//! What `--help` and the man pages say beyond the clap definitions: an EXAMPLES section for every
//! command, and the global options kept out of each verb's own list (gh's "inherited flags": a verb's
//! help is about the verb; `lakegate --help` lists the global options once).
//!
//! Every consumer of the command line goes through [`command`]: parsing, completion, and the man
//! pages and completion scripts that `cargo xtask gen` writes.

use clap::CommandFactory;

/// The line every subcommand's help ends with, instead of repeating the global options.
pub const GLOBAL_OPTIONS_LINE: &str =
    "Global options (--profile, -o, --dry-run, --yes, …): see lakegate --help";

/// Examples per command, keyed by the command path below `lakegate` ("" is lakegate itself).
///
/// The one place a command's examples are written: `--help` shows them, and `cargo xtask gen`
/// copies them into the man pages and the command reference (`docs/reference/`).
/// `tests/cli/examples.rs` runs every one against the emulator, so they must use names it sets
/// up (`store-events` with three kept versions of its policy, `ec2-consumer`, account
/// 123456789012) or be listed
/// there as needing what the emulator lacks. Each is what a user would type; `#` starts a
/// comment; a line ending in `\` continues on the next.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "",
        "lakegate bucket delegate store-events
lakegate accesspoint create ec2-consumer --bucket store-events \\
    --prefix sales_event/ \\
    --principal arn:aws:iam::123456789012:role/Ec2ConsumerRole \\
    --access read-write
lakegate access check \\
    --principal arn:aws:iam::123456789012:role/Ec2ConsumerRole \\
    --action s3:GetObject --bucket store-events \\
    --key sales_event/2024/01.json --access-point ec2-consumer -v
lakegate audit report --all-buckets -o csv > audit.csv
lakegate --profile prod --region eu-west-1 accesspoint list -o json",
    ),
    (
        "bucket",
        "lakegate bucket delegate store-events
lakegate bucket policy get store-events -o json
lakegate bucket policy rollback store-events --yes",
    ),
    (
        "bucket list",
        "lakegate bucket list
lakegate --region eu-west-1 bucket list -o name
lakegate bucket list --no-policies -o json",
    ),
    (
        "bucket delegate",
        "# show the diff, change nothing
lakegate bucket delegate store-events --dry-run
lakegate bucket delegate store-events   # add the delegation statement",
    ),
    (
        "bucket policy",
        "lakegate bucket policy get store-events
lakegate bucket policy history store-events
lakegate bucket policy rollback store-events --to 3 --yes",
    ),
    (
        "bucket policy get",
        "lakegate bucket policy get store-events   # one row per statement
lakegate bucket policy get store-events -o wide   # with conditions
lakegate bucket policy get store-events -o json > policy.json",
    ),
    (
        "bucket policy history",
        "lakegate bucket policy history store-events
lakegate bucket policy history store-events -o json",
    ),
    (
        "bucket policy rollback",
        "# the diff back to the latest version
lakegate bucket policy rollback store-events --dry-run
lakegate bucket policy rollback store-events --to 2 --yes",
    ),
    (
        "accessgrant",
        "lakegate accessgrant instance create
lakegate accessgrant location create s3://vendor-lake/ \\
    --role arn:aws:iam::123456789012:role/ag-location
lakegate accessgrant create \\
    --grantee arn:aws:iam::123456789012:role/analyst \\
    --prefix s3://vendor-lake/vendorA/ --access read
lakegate accessgrant list -o json",
    ),
    (
        "accessgrant instance",
        "lakegate accessgrant instance create
lakegate accessgrant instance get",
    ),
    (
        "accessgrant instance create",
        "lakegate accessgrant instance create
lakegate accessgrant instance create \\
    --identity-center arn:aws:sso:::instance/ssoins-1234567890abcdef",
    ),
    (
        "accessgrant instance get",
        "lakegate accessgrant instance get
lakegate accessgrant instance get -o json",
    ),
    (
        "accessgrant instance delete",
        "# its grants and locations first
lakegate accessgrant instance delete --yes",
    ),
    (
        "accessgrant location",
        "lakegate accessgrant location create s3://vendor-lake/ \\
    --role arn:aws:iam::123456789012:role/ag-location
lakegate accessgrant location list",
    ),
    (
        "accessgrant location create",
        "lakegate accessgrant location create s3://vendor-lake/ \\
    --role arn:aws:iam::123456789012:role/ag-location
lakegate --dry-run accessgrant location create s3://vendor-lake/vendorB/ \\
    --role arn:aws:iam::123456789012:role/ag-location
# the role too, with exactly the scope's permissions:
lakegate accessgrant location create s3://vendor-lake/vendorC/ \\
    --create-role ag-vendor-c",
    ),
    (
        "accessgrant location list",
        "lakegate accessgrant location list
lakegate accessgrant location list -o json",
    ),
    (
        "accessgrant location get",
        "lakegate accessgrant location get s3://vendor-lake/",
    ),
    (
        "accessgrant location delete",
        "# its grants first
lakegate accessgrant location delete s3://vendor-lake/archive/ --yes",
    ),
    (
        "accessgrant create",
        "lakegate accessgrant create \\
    --grantee arn:aws:iam::123456789012:role/analyst \\
    --prefix s3://vendor-lake/vendorA/ --access read
# an Identity Center group (the instance must be associated with it)
lakegate accessgrant create \\
    --directory-group 83a4f8e2-0001-7000-a000-000000000001 \\
    --prefix s3://vendor-lake/vendorB/ --access read-write",
    ),
    (
        "accessgrant list",
        "lakegate accessgrant list
lakegate accessgrant list -o wide \\
    --grantee arn:aws:iam::123456789012:role/analyst
lakegate accessgrant list --bucket vendor-lake -o json",
    ),
    (
        "accessgrant get",
        "# GRANT_ID: a grant's id, as `accessgrant list` shows it
lakegate accessgrant get $GRANT_ID",
    ),
    (
        "accessgrant delete",
        "# GRANT_ID: a grant's id, as `accessgrant list` shows it
lakegate accessgrant delete --yes $GRANT_ID",
    ),
    (
        "accessgrant check",
        "lakegate accessgrant check arn:aws:iam::123456789012:role/analyst \\
    s3://vendor-lake/vendorA/2026/sales.csv --access read
lakegate accessgrant check arn:aws:iam::123456789012:role/analyst \\
    s3://vendor-lake/vendorA/2026/sales.csv --access write -o json",
    ),
    (
        "accessgrant migrate",
        "# the grants, the statements removed, and per principal and
# prefix the access before and after; nothing changed
lakegate accessgrant migrate --bucket vendor-lake --dry-run
lakegate accessgrant migrate --bucket vendor-lake --yes \\
    --location-role arn:aws:iam::111122223333:role/ag-location
lakegate accessgrant migrate --bucket vendor-lake \\
    --access-point vendor-a --dry-run -o json",
    ),
    (
        "accesspoint",
        "lakegate accesspoint create ec2-consumer --bucket store-events \\
    --prefix sales_event/ \\
    --principal arn:aws:iam::123456789012:role/Ec2ConsumerRole \\
    --access read-write
lakegate ap list --bucket store-events
lakegate ap get ec2-consumer",
    ),
    (
        "accesspoint create",
        "lakegate accesspoint create ec2-consumer --bucket store-events \\
    --prefix sales_event/ \\
    --principal arn:aws:iam::123456789012:role/Ec2ConsumerRole \\
    --access read-write
lakegate accesspoint create lambda-consumer --bucket store-events \\
    --prefix inventory_event/ \\
    --principal arn:aws:iam::123456789012:role/LambdaConsumerRole \\
    --access read --vpc-id vpc-0abc1234
lakegate --dry-run accesspoint create ec2-consumer --bucket store-events \\
    --prefix sales_event/ --principal 123456789012 --access read -o json",
    ),
    (
        "accesspoint list",
        "lakegate accesspoint list
lakegate accesspoint list --bucket store-events -o wide
# one call per 1,000 access points
lakegate accesspoint list --no-policies -o json",
    ),
    (
        "accesspoint get",
        "lakegate accesspoint get ec2-consumer
lakegate accesspoint get ec2-consumer -o json",
    ),
    (
        "accesspoint delete",
        "lakegate accesspoint delete ec2-consumer   # asks [y/N] on a terminal
lakegate accesspoint delete ec2-consumer --yes   # in scripts",
    ),
    (
        "accesspoint grant",
        "lakegate accesspoint grant ec2-consumer \\
    --principal arn:aws:iam::123456789012:role/Analyst \\
    --prefix sales_event/ --access read",
    ),
    (
        "accesspoint revoke",
        "lakegate accesspoint revoke ec2-consumer \\
    --principal arn:aws:iam::123456789012:role/Analyst   # asks [y/N]
lakegate accesspoint revoke ec2-consumer \\
    --principal arn:aws:iam::123456789012:role/Analyst \\
    --prefix sales_event/ --access write --yes",
    ),
    (
        "accesspoint history",
        "lakegate accesspoint history ec2-consumer",
    ),
    (
        "accesspoint rollback",
        "lakegate accesspoint rollback ec2-consumer --dry-run
lakegate accesspoint rollback ec2-consumer --to 1 --yes",
    ),
    (
        "access",
        "lakegate access check \\
    --principal arn:aws:iam::123456789012:role/Ec2ConsumerRole \\
    --action s3:GetObject --bucket store-events --key sales_event/a.json \\
    --access-point ec2-consumer
lakegate access matrix --bucket store-events",
    ),
    (
        "access check",
        "# online: the policies read from AWS; -v names the deciding statements
lakegate access check \\
    --principal arn:aws:iam::123456789012:role/Ec2ConsumerRole \\
    --action s3:GetObject --bucket store-events --key sales_event/a.json \\
    --access-point ec2-consumer -v
# the seed's form: the access point's ARN as the bucket
lakegate access check \\
    --principal arn:aws:iam::123456789012:role/Ec2ConsumerRole \\
    --action s3:PutObject --key sales_event/a.json \\
    --bucket arn:aws:s3:us-east-1:123456789012:accesspoint/ec2-consumer
lakegate access check \\
    --principal arn:aws:iam::123456789012:role/Ec2ConsumerRole \\
    --action s3:GetObject s3://store-events/sales_event/a.json
# offline: policies from files
lakegate access check --principal arn:aws:iam::444455556666:user/eve \\
    --action s3:GetObject --bucket store-events --key vendorA/x.csv \\
    --bucket-policy policy.json --identity-policy eve.json \\
    --bucket-owner 123456789012 -o json",
    ),
    (
        "access matrix",
        "lakegate access matrix --bucket store-events
lakegate access matrix --bucket store-events --prefix sales_event/ \\
    --prefix inventory_event/ -o csv
lakegate access matrix --bucket-policy policy.json \\
    --access-point-policy ec2-consumer=ap.json \\
    --identity-policy arn:aws:iam::123456789012:role/Ec2Role=ec2.json \\
    --bucket-owner 123456789012",
    ),
    (
        "access who-can",
        "lakegate access who-can s3://store-events/vendorA/
lakegate access who-can --bucket store-events --prefix vendorA/   # the same
lakegate access who-can s3://store-events/sales_event/ --action write \\
    -o wide
lakegate access who-can s3://member-lake/shared/ \\
    --account-id 444455556666 --member-role LakegateAudit
lakegate access who-can s3://lake/ --bucket-policy policy.json \\
    --bucket-owner 123456789012",
    ),
    (
        "access prove",
        "lakegate access prove --bucket store-events --never external-write
lakegate access prove --never external-read --prefix sales_event/ \\
    --bucket-policy policy.json --bucket-owner 123456789012
lakegate access prove --bucket store-events --prefix sales_event/ \\
    --only arn:aws:iam::123456789012:role/Ec2ConsumerRole --access write
# a lake file's guardrails, offline, on the policies it declares:
lakegate access prove -f guarded.yaml --bucket-owner 123456789012",
    ),
    (
        "audit",
        "lakegate audit report --all-buckets
lakegate audit query lakegate_audit.prefix_access --external",
    ),
    (
        "audit report",
        "lakegate audit report --all-buckets   # a table, for people
lakegate audit report --bucket store-events --bucket vendor-drop -o csv
lakegate audit report --bucket store-events --sampled   # probe keys
lakegate audit report --all-buckets \\
    --analyzer-arn \"$ANALYZER_ARN\" \\
    --upload s3://audit-reports/lakegate/ \\
    --create-table lakegate_audit.prefix_access
lakegate audit report --organization --member-role LakegateAudit \\
    --all-regions --upload s3://audit-reports/org/ \\
    --create-table lakegate_audit.org_access
# one account × region per function invocation (audit schedule --fan-out):
lakegate audit report --organization --member-role LakegateAudit \\
    --regions us-east-1,eu-west-1 --fan-out \\
    --upload s3://audit-reports/org/",
    ),
    (
        "audit query",
        "lakegate audit query lakegate_audit.prefix_access \\
    --external-account 444455556666
lakegate audit query lakegate_audit.prefix_access --bucket store-events \\
    --dt 2026-11-30 -o csv
lakegate audit query lakegate_audit.org_access --account 111122223333",
    ),
    (
        "audit schedule",
        "lakegate audit schedule --cron \"cron(0 6 ? * MON *)\" \\
    --upload s3://audit-reports/lakegate/ --all-buckets
lakegate --dry-run audit schedule --name daily --cron \"rate(1 day)\" \\
    --upload s3://audit-reports/daily/ --bucket store-events
# the organization, fanned out: queue, dead-letter queue, mapping
lakegate audit schedule --cron \"cron(0 6 ? * MON *)\" \\
    --organization --member-role LakegateAudit --fan-out \\
    --upload s3://audit-reports/org/ \\
    --create-table lakegate_audit.org_access
# at most 25 invocations of 4 units each; the DLQ after 5 deliveries
lakegate audit schedule --cron \"cron(0 6 ? * MON *)\" \\
    --batch-size 4 --max-concurrency 25 --max-receive-count 5 \\
    --organization --member-role LakegateAudit --fan-out \\
    --upload s3://audit-reports/org/",
    ),
    (
        "audit status",
        "lakegate audit status 20261206T060000Z-3fa2 \\
    --upload s3://audit-reports/org/
# finish a run whose last unit never reported:
lakegate audit status 20261206T060000Z-3fa2 \\
    --upload s3://audit-reports/org/ --finish -o json",
    ),
    (
        "audit unschedule",
        "lakegate audit unschedule              # the 'weekly' schedule
lakegate audit unschedule --name daily --dry-run",
    ),
    (
        "endpoint",
        "lakegate endpoint create athena --vpc-id vpc-0abc1234 --subnet subnet-a \\
    --allow-cidr 10.10.0.0/16
lakegate endpoint status --vpce vpce-0123456789abcdef0 --user analyst",
    ),
    (
        "endpoint create",
        "lakegate endpoint create athena --vpc-id vpc-0abc1234 --subnet subnet-a \\
    --subnet subnet-b --allow-cidr 10.10.0.0/16
lakegate endpoint create athena --vpc-id vpc-0abc1234 --subnet subnet-a \\
    --security-group sg-0abc1234 --output-location s3://athena-results/",
    ),
    (
        "endpoint lockdown",
        "lakegate --dry-run endpoint lockdown --vpce vpce-0123456789abcdef0 \\
    --user analyst --subnet subnet-a
lakegate --yes endpoint lockdown --vpce vpce-0123456789abcdef0 \\
    --user analyst --subnet subnet-a",
    ),
    (
        "endpoint unlock",
        "lakegate endpoint unlock --vpce vpce-0123456789abcdef0 --user analyst \\
    --yes",
    ),
    (
        "endpoint status",
        "# exit 0 locked down, 3 not
lakegate endpoint status --vpce vpce-0123456789abcdef0 --user analyst
lakegate endpoint status --vpce vpce-0123456789abcdef0 \\
    --allow-cidr 10.10.0.0/16 -o json",
    ),
    (
        "athena",
        "lakegate athena query \"SELECT * FROM lakegate_audit.prefix_access LIMIT \\
    10\"
lakegate athena results 6a1b2c3d-0000-4000-8000-123456789abc -o csv",
    ),
    (
        "athena query",
        "lakegate athena query \"SELECT count(*) FROM events\" --database sales \\
    --output-location s3://athena-results/
lakegate athena query -f report.sql --param 2026-11-30 -o csv > out.csv
lakegate athena query \"SELECT 1\" --no-wait   # prints the execution id",
    ),
    (
        "athena results",
        "lakegate athena results 6a1b2c3d-0000-4000-8000-123456789abc -o json",
    ),
    (
        "subscription",
        "lakegate subscription grant --domain dzd_4p9n6example \\
    --request 5ih3gq1example
lakegate subscription handle-event --file event.json
lakegate subscription reconcile --domain dzd_4p9n6example --dry-run",
    ),
    (
        "subscription grant",
        "lakegate subscription grant --domain dzd_4p9n6example \\
    --request 5ih3gq1example
lakegate subscription grant --domain dzd_4p9n6example \\
    --request 5ih3gq1example --via access-point --access read-write-delete
# an access grant per grantee (Identity Center users and groups too):
lakegate subscription grant --domain dzd_4p9n6example \\
    --request 5ih3gq1example --via access-grants \\
    --location-role arn:aws:iam::111122223333:role/ag-location",
    ),
    (
        "subscription revoke",
        "lakegate subscription revoke --domain dzd_4p9n6example \\
    --request 5ih3gq1example
lakegate subscription revoke --domain dzd_4p9n6example \\
    --request 5ih3gq1example --yes   # in a script",
    ),
    (
        "subscription handle-event",
        "lakegate subscription handle-event --example grant-requested > event.json
lakegate subscription handle-event --file event.json
aws events ... | lakegate subscription handle-event   # the event on stdin",
    ),
    (
        "subscription reconcile",
        "lakegate subscription reconcile --domain dzd_4p9n6example --dry-run
lakegate subscription reconcile --domain dzd_4p9n6example \\
    --project 6g8ruexample --yes",
    ),
    (
        "subscription list",
        "lakegate subscription list --domain dzd_4p9n6example
lakegate subscription list --domain dzd_4p9n6example \\
    --project 6g8ruexample -o json",
    ),
    (
        "subscription deploy",
        "lakegate subscription deploy --domain dzd_4p9n6example \\
    --bucket store-events --dry-run -o json   # every resource and policy
lakegate subscription deploy --domain dzd_4p9n6example \\
    --bucket store-events --via access-point \\
    --zip lakegate-lambda.zip --reconcile-every \"rate(1 hour)\"",
    ),
    (
        "subscription undeploy",
        "lakegate subscription undeploy --dry-run
lakegate subscription undeploy --function-name lakegate-fulfiller --yes",
    ),
    (
        "subscription status",
        "lakegate subscription status
lakegate subscription status --function-name lakegate-fulfiller -o json",
    ),
    (
        "subscription target",
        "lakegate subscription target list --domain dzd_4p9n6example \\
    --project 6g8ruexample",
    ),
    (
        "subscription target create",
        "lakegate subscription target create s3-consumers \\
    --domain dzd_4p9n6example --environment 3vuaexample \\
    --manage-access-role arn:aws:iam::123456789012:role/DzManageAccess \\
    --principal arn:aws:iam::123456789012:role/AnalystRole
lakegate subscription target create --from-json target.json",
    ),
    (
        "subscription target list",
        "lakegate subscription target list --domain dzd_4p9n6example \\
    --environment 3vuaexample
lakegate subscription target list --domain dzd_4p9n6example \\
    --project 6g8ruexample -o json",
    ),
    (
        "diff",
        "lakegate diff -f lake.yaml   # exit 4 when the lake differs
lakegate diff -f lake.yaml -o json > plan.json
lakegate diff -f lake.yaml --prune   # also what --prune removes
# exit 5 when the plan breaks a guardrail of the file (guardrails:)",
    ),
    (
        "apply",
        "lakegate apply -f lake.yaml --dry-run   # the same as diff
lakegate apply -f lake.yaml
lakegate apply -f lake.yaml --prune --yes",
    ),
    (
        "export",
        "lakegate export > lake.yaml   # every bucket of the region
lakegate export --bucket store-events --bucket archive > lake.yaml
lakegate apply -f lake.yaml   # an export applies as no change",
    ),
    (
        "schema",
        "lakegate schema > lake.schema.json
# in lake.yaml, for editors with the YAML language server:
# yaml-language-server: $schema=lake.schema.json",
    ),
    (
        "whoami",
        "lakegate whoami
lakegate --profile prod whoami -o json",
    ),
    (
        "doctor",
        "lakegate doctor
lakegate --profile prod --region eu-west-1 doctor --timeout 10
lakegate doctor -o json --query 'checks[?status==`fail`]'",
    ),
    ("plugin", "lakegate plugin list"),
    (
        "plugin list",
        "lakegate plugin list
lakegate plugin list -o json",
    ),
    (
        "completion",
        "source <(lakegate completion bash)   # bash, in ~/.bashrc
source <(lakegate completion zsh)   # zsh, in ~/.zshrc
lakegate completion fish | source   # fish, in ~/.config/fish/config.fish
# no names, no AWS calls
lakegate completion bash --static > /etc/bash_completion.d/lakegate",
    ),
];

/// The examples of a command path, if any.
pub fn examples(path: &str) -> Option<&'static str> {
    EXAMPLES.iter().find(|(p, _)| *p == path).map(|(_, e)| *e)
}

/// The whole command line as users see it: the clap definition, with an "Examples:" section on
/// every command's long help (`--help`, man pages) and the global options hidden below the top
/// level (they still parse everywhere).
pub fn command() -> clap::Command {
    let cmd = crate::cli::Cli::command();
    let globals: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .cloned()
        .collect();
    decorate(cmd, "", &globals, true)
}

fn decorate(mut cmd: clap::Command, path: &str, globals: &[clap::Arg], top: bool) -> clap::Command {
    let mut after = String::new();
    if let Some(ex) = examples(path) {
        after.push_str("Examples:\n");
        for line in ex.lines() {
            after.push_str("  ");
            after.push_str(line);
            after.push('\n');
        }
    }
    if !top {
        if !after.is_empty() {
            after.push('\n');
        }
        after.push_str(GLOBAL_OPTIONS_LINE);
        // clap copies global options into every subcommand when it builds the command, unless
        // the subcommand has an argument of that id already: give it a hidden copy first, so it
        // still parses there but is listed only by `lakegate --help`.
        for a in globals {
            if !cmd.get_arguments().any(|x| x.get_id() == a.get_id()) {
                cmd = cmd.arg(a.clone().hide(true));
            }
        }
    }
    if !after.is_empty() {
        // Short help (-h) keeps the pointer to the global options; long help (--help, man) adds
        // the examples.
        let short = if top {
            String::new()
        } else {
            GLOBAL_OPTIONS_LINE.to_string()
        };
        let existing_long = cmd
            .get_after_long_help()
            .or(cmd.get_after_help())
            .map(|s| s.to_string());
        let long = match existing_long {
            Some(e) => format!("{e}\n\n{after}"),
            None => after,
        };
        if !short.is_empty() {
            let existing_short = cmd.get_after_help().map(|s| s.to_string());
            let short = match existing_short {
                Some(e) => format!("{e}\n\n{short}"),
                None => short,
            };
            cmd = cmd.after_help(short);
        }
        cmd = cmd.after_long_help(long);
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| decorate(s, &sub_path, globals, false));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every visible command has examples, and every example names a real command.
    #[test]
    fn every_command_has_examples() {
        let cmd = command();
        let mut missing = Vec::new();
        walk(&cmd, "", &mut missing);
        assert!(missing.is_empty(), "commands without examples: {missing:?}");
        for (path, _) in EXAMPLES {
            let mut c = &cmd;
            for part in path.split_whitespace() {
                c = c
                    .find_subcommand(part)
                    .unwrap_or_else(|| panic!("examples for unknown command '{path}'"));
            }
        }
    }

    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        if examples(path).is_none() {
            missing.push(path.to_string());
        }
        for s in cmd
            .get_subcommands()
            .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        {
            let p = if path.is_empty() {
                s.get_name().to_string()
            } else {
                format!("{path} {}", s.get_name())
            };
            walk(s, &p, missing);
        }
    }

    /// Examples fit an 80-column terminal with the two-space indent of the help text, so clap
    /// never wraps a command mid-way.
    #[test]
    fn examples_fit_80_columns() {
        for (path, ex) in EXAMPLES {
            for line in ex.lines() {
                assert!(
                    line.chars().count() <= 76,
                    "{path}: {} > 76: {line}",
                    line.chars().count()
                );
            }
        }
    }

    #[test]
    fn decorated_command_is_consistent() {
        command().debug_assert();
    }
}
