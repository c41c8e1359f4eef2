//! `accessgrant migrate`: the grants lakegate wrote in a bucket policy (or an access point
//! policy) moved to S3 Access Grants on the emulator over HTTP: the dry run's equivalence and
//! kept statements, the grants made before the statements are removed (a fault between the two
//! leaves both), the access before and after compared through `accessgrant check` and `access
//! who-can`, a repeat that plans nothing, and bad input. Each test works in an account of its
//! own (`--account-id`), so it has its own Access Grants instance.

use crate::access_grants::{account, aws, location_role};
use crate::faults::{is, FaultProxy};
use crate::harness::{statements, stderr, stdout, TestEnv};
use lakegate::policy::access::Part;
use lakegate::policy::declared::{statement, Scope};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Run a future of the aws layer to completion.
fn block<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

/// `access who-can` rows: (principal, keys).
type Rows = BTreeSet<(String, String)>;
/// `audit report` rows: (principal, keys, access).
type AuditRows = BTreeSet<(String, String, String)>;

/// A bucket whose policy holds lakegate's grants: `analyst` reads `sales/` (Read + List),
/// `loader` reads, writes and deletes `raw/`, an account root reads `shared/` (Access Grants
/// cannot name an account: it stays), and a statement lakegate did not write.
struct Lake {
    env: TestEnv,
    acct: String,
    bucket: String,
    analyst: String,
    loader: String,
    role: String,
}

impl Lake {
    fn new(what: &str) -> Lake {
        let env = TestEnv::new();
        let acct = account(&env);
        let bucket = env.bucket(what);
        let (role, analyst, loader) = block(async {
            let aws = aws(&env, &acct).await;
            let role = location_role(&env, &aws, "ag-migrate-location").await;
            // The grantees exist (who-can would call a missing one latent).
            let trust = lakegate::policy::PolicyDocument::parse(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
            )
            .unwrap();
            let mut arns = Vec::new();
            for who in ["analyst", "loader"] {
                let name = env.name(who);
                aws.put_role(&name, &trust, "grantee").await.unwrap();
                arns.push(format!("arn:aws:iam::{acct}:role/{name}"));
            }
            // The analyst may ask for its grants' credentials; the loader's policies do not say.
            let get_data_access = lakegate::policy::PolicyDocument::parse(&format!(
                r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"s3:GetDataAccess","Resource":"arn:aws:s3:us-east-1:{acct}:access-grants/default"}}]}}"#
            ))
            .unwrap();
            aws.put_role_policy(&env.name("analyst"), "data-access", &get_data_access)
                .await
                .unwrap();
            (role, arns[0].clone(), arns[1].clone())
        });
        let scope = Scope::Bucket {
            arn: format!("arn:aws:s3:::{bucket}"),
        };
        let mut sts = vec![json!({
            "Sid": "TheirsNoBucketDelete", "Effect": "Deny", "Principal": "*",
            "Action": "s3:DeleteBucket", "Resource": format!("arn:aws:s3:::{bucket}")
        })];
        for part in [Part::Read, Part::List] {
            sts.push(statement(
                &scope,
                part,
                "sales/",
                std::slice::from_ref(&analyst),
            ));
        }
        for part in [Part::Read, Part::Write, Part::Delete, Part::List] {
            sts.push(statement(
                &scope,
                part,
                "raw/",
                std::slice::from_ref(&loader),
            ));
        }
        sts.push(statement(
            &scope,
            Part::Read,
            "shared/",
            &["arn:aws:iam::444455556666:root".to_string()],
        ));
        env.put_policy(&bucket, &json!({"Version": "2012-10-17", "Statement": sts}));
        Lake {
            env,
            acct,
            bucket,
            analyst,
            loader,
            role,
        }
    }

    fn lg(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        let mut all = vec!["--account-id", self.acct.as_str()];
        all.extend_from_slice(args);
        self.env.lg(all)
    }

    fn json(&self, args: &[&str]) -> Value {
        let a = self.lg(args).success();
        serde_json::from_str(&stdout(&a)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&a)))
    }

    /// The account's S3 Access Grants instance and a location on the whole bucket.
    fn instance_with_location(&self) {
        self.lg(&["ag", "instance", "create"]).success();
        let location = format!("s3://{}/", self.bucket);
        self.lg(&["ag", "location", "create", &location, "--role", &self.role])
            .success();
    }

    /// The Sids of the bucket policy.
    fn sids(&self) -> Vec<String> {
        statements(&self.env.policy(&self.bucket).unwrap())
            .iter()
            .map(|s| s["Sid"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// The account's grants: (grantee, scope, permission).
    fn grants(&self) -> BTreeSet<(String, String, String)> {
        let listed = self.json(&["-o", "json", "ag", "list"]);
        listed
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                (
                    g["grantee"].as_str().unwrap().to_string(),
                    g["scope"].as_str().unwrap().to_string(),
                    g["permission"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }

    /// `audit report` rows of our two grantees: (principal, keys, access), from policies or
    /// from grants.
    fn audit(&self) -> (AuditRows, AuditRows) {
        let rows = self.json(&["-o", "json", "audit", "report", "--bucket", &self.bucket]);
        let (mut policy, mut grant) = (BTreeSet::new(), BTreeSet::new());
        for r in rows.as_array().unwrap() {
            let p = r["principal"].as_str().unwrap().to_string();
            if p != self.analyst && p != self.loader {
                continue;
            }
            let row = (
                p,
                r["keys"].as_str().unwrap().to_string(),
                r["access"].as_str().unwrap().to_string(),
            );
            if r["source"].as_str().unwrap().starts_with("access-grant:") {
                grant.insert(row);
            } else {
                policy.insert(row);
            }
        }
        (policy, grant)
    }

    /// `access who-can` rows of our two grantees for `prefix` and `action`: (principal, keys),
    /// from policies or from grants.
    fn who_can(&self, prefix: &str, action: &str) -> (Rows, Rows) {
        let rows = self.json(&[
            "-o",
            "json",
            "access",
            "who-can",
            &format!("s3://{}/{prefix}", self.bucket),
            "--action",
            action,
        ]);
        let (mut policy, mut grant) = (BTreeSet::new(), BTreeSet::new());
        for r in rows.as_array().unwrap() {
            let p = r["principal"].as_str().unwrap().to_string();
            if p != self.analyst && p != self.loader {
                continue;
            }
            let keys = r["keys"]
                .as_array()
                .map(|k| {
                    k.iter()
                        .map(|x| x.as_str().unwrap().to_string())
                        .collect::<Vec<_>>()
                        .join(",")
                })
                .unwrap_or_default();
            assert!(r["latent"].is_null(), "{r}");
            if r["source"].as_str().unwrap().starts_with("access-grant:") {
                grant.insert((p, keys));
            } else {
                policy.insert((p, keys));
            }
        }
        (policy, grant)
    }
}

#[test]
fn a_bucket_policys_grants_move_to_access_grants_with_the_same_access() {
    let lake = Lake::new("ag-migrate");
    let b = lake.bucket.clone();
    lake.lg(&["ag", "instance", "create"]).success();
    let migrate = [
        "ag",
        "migrate",
        "--bucket",
        b.as_str(),
        "--location-role",
        lake.role.as_str(),
    ];
    let policy_before = lake.env.policy(&b).unwrap();
    let access_before: Vec<_> = [
        ("sales/", "read"),
        ("sales/", "list"),
        ("raw/", "write"),
        ("raw/", "read"),
    ]
    .iter()
    .map(|(p, a)| lake.who_can(p, a))
    .collect();
    for (policy, grant) in &access_before {
        assert_eq!(policy.len(), 1, "{policy:?}");
        assert!(grant.is_empty(), "{grant:?}");
    }
    let (audit_before, none) = lake.audit();
    assert_eq!(audit_before.len(), 2, "{audit_before:?}");
    assert!(none.is_empty(), "{none:?}");

    // Dry run: the location, the two grants, then the policy; the equivalence and the kept
    // statements; nothing changed.
    let mut args = vec!["-o", "json", "--dry-run"];
    args.extend_from_slice(&migrate);
    let plan = lake.json(&args);
    assert_eq!(plan["dry_run"], true, "{plan:#}");
    let order: Vec<&str> = plan["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["target"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        [
            "access-grants-location",
            "access-grant",
            "access-grant",
            "bucket-policy"
        ],
        "{plan:#}"
    );
    let eq = plan["explanation"]["equivalence"].as_array().unwrap();
    let rows: BTreeSet<(String, String, String, bool)> = eq
        .iter()
        .map(|r| {
            (
                r["principal"].as_str().unwrap().to_string(),
                r["prefix"].as_str().unwrap().to_string(),
                r["permission"].as_str().unwrap().to_string(),
                r["same"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        BTreeSet::from([
            (lake.analyst.clone(), "sales/".into(), "READ".into(), true),
            (lake.loader.clone(), "raw/".into(), "READWRITE".into(), true),
        ]),
        "{plan:#}"
    );
    let kept = plan["explanation"]["kept"].as_array().unwrap();
    let why = |sid: &str| {
        kept.iter()
            .find(|k| {
                k["statement"].as_str().unwrap() == sid
                    || k["statement"].as_str().unwrap().starts_with(sid)
            })
            .map(|k| k["reason"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("{sid} not kept: {plan:#}"))
    };
    assert!(why("TheirsNoBucketDelete").contains("not written by lakegate"));
    assert!(
        why("LakegateBucketRead").contains("is an account"),
        "{kept:?}"
    );
    // GetDataAccess, as the grantees' identity policies say.
    let gda = &plan["explanation"]["get_data_access"];
    let answer = |who: &str| {
        gda.as_array()
            .unwrap()
            .iter()
            .find(|r| r["principal"] == who)
            .map(|r| r["get_data_access"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("{who}: {gda}"))
    };
    assert_eq!(answer(&lake.analyst), "allowed");
    assert_eq!(answer(&lake.loader), "not allowed by its identity policies");
    // The delta shows the policy access lost; the explanation says grants replace it.
    assert!(plan["delta"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["change"] == "lost"));
    let text = stdout(
        &lake
            .lg(&[&["--dry-run"][..], &migrate[..]].concat())
            .success(),
    );
    assert!(
        text.contains("Access Grants replace the policy access"),
        "{text}"
    );
    assert!(text.contains("Kept in the policy"), "{text}");
    assert!(text.contains("s3:GetDataAccess"), "{text}");
    assert!(
        text.contains("6 moved statement(s) are a lake file's grants"),
        "{text}"
    );
    assert_eq!(lake.env.policy(&b).unwrap(), policy_before);
    assert!(lake.grants().is_empty());

    // Off a terminal, a migration (it removes statements) needs --yes: exit 2, nothing changed.
    let err = stderr(&lake.lg(&migrate).code(2));
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(lake.env.policy(&b).unwrap(), policy_before);

    // Applied: the grants exist and the moved statements are gone; the others stay.
    let mut args = vec!["-o", "json", "--yes"];
    args.extend_from_slice(&migrate);
    let done = lake.json(&args);
    assert_eq!(done["changed"], true, "{done:#}");
    assert_eq!(done["removed"].as_array().unwrap().len(), 6, "{done:#}");
    assert_eq!(
        done["explanation"]["equivalence"], plan["explanation"]["equivalence"],
        "the migration did what the dry run said"
    );
    assert_eq!(
        lake.grants(),
        BTreeSet::from([
            (
                lake.analyst.clone(),
                format!("s3://{b}/sales/*"),
                "READ".into()
            ),
            (
                lake.loader.clone(),
                format!("s3://{b}/raw/*"),
                "READWRITE".into()
            ),
        ])
    );
    // The policy before the migration is kept in the history (rollback puts it back).
    let history = lake.json(&["-o", "json", "bucket", "policy", "history", &b]);
    let last = history.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["reason"], "accessgrant migrate", "{history:#}");
    assert_eq!(last["policy"], policy_before, "{history:#}");
    let sids = lake.sids();
    assert_eq!(sids.len(), 2, "{sids:?}");
    assert!(sids[0] == "TheirsNoBucketDelete" && sids[1].starts_with("LakegateBucketRead"));

    // The same access, now through grants: check and who-can agree.
    let check = |who: &str, key: &str, access: &str| {
        lake.lg(&[
            "ag",
            "check",
            who,
            &format!("s3://{b}/{key}"),
            "--access",
            access,
        ])
    };
    check(&lake.analyst, "sales/2026/q1.csv", "read").success();
    check(&lake.analyst, "sales/2026/q1.csv", "write").code(3);
    check(&lake.analyst, "raw/x", "read").code(3);
    check(&lake.loader, "raw/in/x.json", "write").success();
    check(&lake.loader, "raw/in/x.json", "read").success();
    let access_after: Vec<_> = [
        ("sales/", "read"),
        ("sales/", "list"),
        ("raw/", "write"),
        ("raw/", "read"),
    ]
    .iter()
    .map(|(p, a)| lake.who_can(p, a))
    .collect();
    for ((before, _), (policy, grant)) in access_before.iter().zip(&access_after) {
        assert!(policy.is_empty(), "{policy:?}");
        assert_eq!(grant, before, "policy rows before, grant rows after");
    }

    let (policy_rows, grant_rows) = lake.audit();
    assert!(policy_rows.is_empty(), "{policy_rows:?}");
    assert_eq!(
        grant_rows, audit_before,
        "audit: policy rows before, grant rows after"
    );
    // A repeat plans nothing and changes nothing.
    let again = lake.json(&args);
    assert_eq!(again["changed"], false, "{again:#}");
    let mut args = vec!["-o", "json", "--dry-run"];
    args.extend_from_slice(&migrate);
    let plan = lake.json(&args);
    assert_eq!(plan["changes"], json!([]), "{plan:#}");
    assert_eq!(plan["explanation"]["equivalence"], json!([]), "{plan:#}");
    assert_eq!(lake.sids(), sids);
}

/// The grants come first: when the policy write fails, the grants made stay and the statements
/// are all still there (every principal keeps its access); the same command finishes the job.
#[test]
fn a_fault_between_the_grants_and_the_policy_write_leaves_both() {
    let lake = Lake::new("ag-migrate-fault");
    let b = lake.bucket.clone();
    lake.instance_with_location();
    let before = lake.env.policy(&b).unwrap();
    let proxy = FaultProxy::start(&lake.env);
    proxy.rules(json!([{
        "method": "PUT", "path": "?policy", "action": "respond", "status": 403
    }]));
    let out = proxy
        .cmd(&lake.env)
        .args([
            "--account-id",
            &lake.acct,
            "--yes",
            "ag",
            "migrate",
            "--bucket",
            &b,
        ])
        .assert()
        .code(1);
    let err = stderr(&out);
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error")).count(),
        1,
        "{err}"
    );
    assert!(proxy.requests().iter().any(|r| is(r, "PUT", "?policy")));
    assert_eq!(
        lake.env.policy(&b).unwrap(),
        before,
        "the statements are all there"
    );
    assert_eq!(lake.grants().len(), 2, "the grants were made first");
    drop(proxy);

    // Again without the fault: the grants are there already; the statements go.
    let done = lake.json(&["-o", "json", "--yes", "ag", "migrate", "--bucket", &b]);
    assert_eq!(done["changed"], true);
    assert_eq!(lake.grants().len(), 2);
    assert_eq!(lake.sids().len(), 2);
}

/// Bad input and missing prerequisites: one line naming the field, its documented exit code,
/// nothing changed.
#[test]
fn bad_input_is_one_line_and_changes_nothing() {
    let lake = Lake::new("ag-migrate-bad");
    let b = lake.bucket.clone();
    let bare = lake.env.bucket("ag-migrate-bare");
    let one_error = |a: assert_cmd::assert::Assert, needle: &str| {
        let err = stderr(&a);
        assert!(err.contains(needle), "{needle}: {err}");
        assert_eq!(
            err.lines().filter(|l| l.starts_with("error")).count(),
            1,
            "{err}"
        );
    };
    // No instance: exit 1, the way to make one named.
    one_error(
        lake.lg(&["--yes", "ag", "migrate", "--bucket", &b]).code(1),
        "accessgrant instance create",
    );
    lake.lg(&["ag", "instance", "create"]).success();
    // A bucket without a policy: exit 2.
    one_error(
        lake.lg(&["--yes", "ag", "migrate", "--bucket", &bare])
            .code(2),
        "--bucket",
    );
    // An access point that does not exist: exit 1 ("does not exist").
    let missing = lake.env.name("no-such-ap");
    one_error(
        lake.lg(&[
            "--yes",
            "ag",
            "migrate",
            "--bucket",
            &b,
            "--access-point",
            &missing,
        ])
        .code(1),
        &missing,
    );
    // A bucket name S3 refuses, a role that is not an ARN: exit 2 before any call.
    one_error(
        lake.lg(&["ag", "migrate", "--bucket", "Not_A_Bucket"])
            .code(2),
        "--bucket",
    );
    one_error(
        lake.lg(&[
            "ag",
            "migrate",
            "--bucket",
            &b,
            "--location-role",
            "ag-role",
        ])
        .code(2),
        "--location-role",
    );
    // No location covers the prefixes and no --location-role: exit 1, the way out named.
    one_error(
        lake.lg(&["--yes", "ag", "migrate", "--bucket", &b]).code(1),
        "--location-role",
    );
    assert!(lake.grants().is_empty());
    assert_eq!(lake.sids().len(), 8);
}

/// An access point's grants (written by `accesspoint grant`) move the same way: the grant, then
/// the access point policy without its statements.
#[test]
fn an_access_points_grants_move_too() {
    let lake = Lake::new("ag-migrate-ap");
    let b = lake.bucket.clone();
    lake.instance_with_location();
    let ap = lake.env.name("app");
    lake.lg(&[
        "--yes",
        "accesspoint",
        "create",
        &ap,
        "--bucket",
        &b,
        "--prefix",
        "events/",
        "--principal",
        &lake.analyst,
        "--access",
        "read",
    ])
    .success();
    lake.lg(&["--yes", "bucket", "delegate", &b]).success();
    // The access point of another bucket: exit 2, naming the field, nothing changed.
    let other = lake.env.bucket("ag-migrate-ap-other");
    let err = stderr(
        &lake
            .lg(&[
                "--yes",
                "ag",
                "migrate",
                "--bucket",
                &other,
                "--access-point",
                &ap,
            ])
            .code(2),
    );
    assert!(err.contains("--access-point") && err.contains(&b), "{err}");
    assert!(lake.grants().is_empty());
    let plan = lake.json(&[
        "-o",
        "json",
        "--dry-run",
        "ag",
        "migrate",
        "--bucket",
        &b,
        "--access-point",
        &ap,
    ]);
    let eq = &plan["explanation"]["equivalence"];
    assert_eq!(eq.as_array().unwrap().len(), 1, "{plan:#}");
    assert_eq!(eq[0]["prefix"], "events/");
    assert_eq!(eq[0]["same"], true, "{plan:#}");
    let done = lake.json(&[
        "-o",
        "json",
        "--yes",
        "ag",
        "migrate",
        "--bucket",
        &b,
        "--access-point",
        &ap,
    ]);
    assert_eq!(done["access_point"], ap.as_str());
    assert!(lake.grants().contains(&(
        lake.analyst.clone(),
        format!("s3://{b}/events/*"),
        "READ".into()
    )));
    let left = block(async {
        aws(&lake.env, &lake.acct)
            .await
            .access_point_policy(&lake.acct, &ap)
            .await
            .unwrap()
    });
    assert!(left.as_ref().is_none_or(|p| p.is_empty()), "{left:?}");
    // The bucket policy is not touched by an access point's migration.
    assert!(lake
        .sids()
        .iter()
        .any(|s| s.starts_with("LakegateBucketList")));
}

/// On a terminal the migration asks, showing the plan with its equivalence at 80 columns; no
/// changes nothing, yes migrates.
#[test]
fn on_a_terminal_the_prompt_shows_the_equivalence() {
    use crate::pty::{run, Keys};
    let lake = Lake::new("ag-migrate-tty");
    let b = lake.bucket.clone();
    lake.instance_with_location();
    let before = lake.env.policy(&b).unwrap();
    let args = [
        "--account-id",
        lake.acct.as_str(),
        "ag",
        "migrate",
        "--bucket",
        b.as_str(),
    ];
    let answer = |send: &'static [u8]| {
        run(
            &lake.env,
            &args,
            80,
            Some(Keys {
                after: "[y/N]",
                send,
            }),
        )
    };
    let shown = answer(b"n\n");
    assert_eq!(shown.code, Some(1), "{}", shown.text);
    for needle in [
        "Access delta:",
        "Access Grants replace the policy access",
        "Kept in the policy:",
        "to 2 access grant(s)",
        "[y/N]",
    ] {
        assert!(shown.text.contains(needle), "{needle}:\n{}", shown.text);
    }
    // What migrate prints itself (the tables and notes after the delta) fits the terminal.
    let own = &shown.text[shown.text.find("Access Grants replace").unwrap()..];
    for line in own.lines().filter(|l| !l.contains("[y/N]")) {
        assert!(line.chars().count() <= 80, "wider than 80: {line:?}\n{own}");
    }
    assert_eq!(lake.env.policy(&b).unwrap(), before);
    assert!(lake.grants().is_empty());
    let shown = answer(b"y\n");
    assert_eq!(shown.code, Some(0), "{}", shown.text);
    assert!(
        shown.text.contains("moved 6 statement(s)"),
        "{}",
        shown.text
    );
    assert_eq!(lake.grants().len(), 2);
    assert_eq!(lake.sids().len(), 2);
}
