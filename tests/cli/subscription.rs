//! `lakegate subscription ...` end to end: the built binary, S3 on moto, DataZone on an HTTP fake
//! (`wiremock`) serving the fixtures of `tests/fixtures/datazone/` (shaped as the DataZone API
//! reference shows them). `--endpoint-url` sends S3, S3 Control and STS to moto;
//! `AWS_ENDPOINT_URL_DATAZONE` (which wins over it for DataZone) sends DataZone to the fake.

use crate::harness::{
    principals, statements, stderr, stdout, HttpFake, TestEnv, ACCOUNT, EC2_ROLE, REGION,
};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, ResponseTemplate};

const DOMAIN: &str = "dzd_abc123";
const PROJECT: &str = "consumerproj1";
const S3_TYPE: &str = "S3ObjectCollectionAssetType";
const ROLE_A: &str = "arn:aws:iam::123456789012:role/instance-role";
const ROLE_B: &str = "arn:aws:iam::123456789012:role/batch-role";

/// A fixture's body with its placeholders filled.
fn fixture(name: &str, vars: &[(&str, &str)]) -> String {
    let p = format!(
        "{}/tests/fixtures/datazone/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut text = std::fs::read_to_string(&p).unwrap();
    for (k, v) in vars {
        text = text.replace(&format!("{{{{{k}}}}}"), v);
    }
    assert!(!text.contains("{{"), "{name}: unfilled placeholder");
    let v: Value = serde_json::from_str(&text).unwrap();
    v["body"].to_string()
}

/// The DataZone fake.
struct Fake(HttpFake);

impl Fake {
    fn new() -> Self {
        Fake(HttpFake::new())
    }

    fn uri(&self) -> String {
        self.0.uri()
    }

    fn mount(&self, m: Mock) {
        self.0.mount(m);
    }

    fn get(&self, p: &str, body: String, next: Option<&str>) {
        let mut m = Mock::given(method("GET")).and(path(p.to_string()));
        let prio = if let Some(t) = next {
            m = m.and(query_param("nextToken", t));
            1
        } else {
            5
        };
        self.mount(
            m.respond_with(
                ResponseTemplate::new(200)
                    .insert_header("content-type", "application/json")
                    .set_body_string(body),
            )
            .with_priority(prio),
        );
    }

    /// GetSubscriptionRequestDetails of `id`: `project` subscribes to an asset at `bucket_arn`.
    fn request(&self, id: &str, project: &str, bucket_arn: &str, asset_type: &str) {
        let body = fixture(
            "get-subscription-request-details.json",
            &[
                ("REQUEST", id),
                ("PROJECT", project),
                ("BUCKET_ARN", bucket_arn),
                ("ASSET_TYPE", asset_type),
            ],
        );
        self.get(
            &format!("/v2/domains/{DOMAIN}/subscription-requests/{id}"),
            body,
            None,
        );
    }

    /// ListEnvironments of `project` (two pages: env1, env2) and ListSubscriptionTargets of each
    /// (two pages: a Glue-only target, an S3 target for `a`; an S3+Glue target for `b`).
    fn project(&self, project: &str, a: &str, b: &str, env2_account: &str) {
        let vars = [("PROJECT", project), ("ENV2_ACCOUNT", env2_account)];
        let envs = format!("/v2/domains/{DOMAIN}/environments");
        // Environments are listed per project: match on projectIdentifier too.
        for (page, next) in [
            ("list-environments-page1.json", None),
            ("list-environments-page2.json", Some("envpage2")),
        ] {
            let mut m = Mock::given(method("GET"))
                .and(path(envs.clone()))
                .and(query_param("projectIdentifier", project));
            if let Some(t) = next {
                m = m.and(query_param("nextToken", t));
            }
            self.mount(
                m.respond_with(
                    ResponseTemplate::new(200)
                        .insert_header("content-type", "application/json")
                        .set_body_string(fixture(page, &vars)),
                )
                .with_priority(if next.is_some() { 1 } else { 5 }),
            );
        }
        for env in ["env1", "env2"] {
            let v = [
                ("PROJECT", project),
                ("ENV", env),
                ("PRINCIPAL_A", a),
                ("PRINCIPAL_B", b),
            ];
            let p = format!("/v2/domains/{DOMAIN}/environments/{env}/subscription-targets");
            self.get(
                &p,
                fixture("list-subscription-targets-page1.json", &v),
                None,
            );
            self.get(
                &p,
                fixture("list-subscription-targets-page2.json", &v),
                Some("tgtpage2"),
            );
        }
    }

    fn requests(&self) -> Vec<String> {
        self.0
            .received()
            .iter()
            .map(|r| format!("{} {}", r.method, r.url))
            .collect()
    }
}

fn lg(env: &TestEnv, fake: &Fake) -> assert_cmd::Command {
    let mut c = env.cmd();
    c.env("AWS_ENDPOINT_URL_DATAZONE", fake.uri());
    c
}

fn run(env: &TestEnv, fake: &Fake, args: &[&str]) -> assert_cmd::assert::Assert {
    crate::harness::no_panic(lg(env, fake).args(args).assert())
}

fn json_of(a: &assert_cmd::assert::Assert) -> Value {
    serde_json::from_str(&stdout(a))
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", stdout(a), stderr(a)))
}

fn grant_json(env: &TestEnv, fake: &Fake, id: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "-o",
        "json",
        "subscription",
        "grant",
        "--domain",
        DOMAIN,
        "--request",
        id,
    ];
    args.extend_from_slice(extra);
    json_of(&run(env, fake, &args).success())
}

fn revoke_json(env: &TestEnv, fake: &Fake, id: &str) -> Value {
    json_of(
        &run(
            env,
            fake,
            &[
                "-o",
                "json",
                "subscription",
                "revoke",
                "--domain",
                DOMAIN,
                "--request",
                id,
            ],
        )
        .success(),
    )
}

fn by_sid(doc: &Value, sid: &str) -> Option<Value> {
    statements(doc)
        .into_iter()
        .find(|s| s.get("Sid").and_then(Value::as_str) == Some(sid))
}

fn foreign(bucket: &str) -> Value {
    json!({"Version":"2012-10-17","Statement":[{"Sid":"ProducerKeepsThis","Effect":"Deny","Principal":"*","Action":"s3:DeleteBucket","Resource":format!("arn:aws:s3:::{bucket}")}]})
}

#[test]
fn grant_resolves_through_datazone_is_idempotent_and_revoke_restores_the_policy() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("sub-grant");
    let original = format!(
        "{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Sid\":\"ProducerKeepsThis\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"arn:aws:s3:::{b}\"}}]}}"
    );
    env.put_policy_text(&b, &original);
    fake.request(
        "req1",
        PROJECT,
        &format!("arn:aws:s3:::{b}/genomes/"),
        S3_TYPE,
    );
    fake.project(PROJECT, ROLE_A, ROLE_B, ACCOUNT);

    let o = grant_json(&env, &fake, "req1", &[]);
    assert_eq!(o["action"], "grant");
    assert_eq!(o["changed"], true);
    // Both pages of environments, both pages of targets of each; the Glue-only target is not used.
    let mut want = vec![ROLE_A.to_string(), ROLE_B.to_string()];
    want.sort();
    let mut got: Vec<String> = serde_json::from_value(o["principals"].clone()).unwrap();
    got.sort();
    assert_eq!(got, want);
    let doc = env.policy(&b).unwrap();
    let obj = by_sid(&doc, "LakegateSubreq1Obj").unwrap();
    assert_eq!(obj["Action"], "s3:GetObject");
    assert_eq!(obj["Resource"], format!("arn:aws:s3:::{b}/genomes/*"));
    let mut p = principals(&obj);
    p.sort();
    assert_eq!(p, want);
    let list = by_sid(&doc, "LakegateSubreq1List").unwrap();
    assert_eq!(list["Resource"], format!("arn:aws:s3:::{b}"));
    assert_eq!(list["Condition"]["StringLike"]["s3:prefix"], "genomes/*");
    assert!(!doc.to_string().contains("GlueOnlyRole"));
    assert!(by_sid(&doc, "ProducerKeepsThis").is_some());
    let requests = fake.requests();
    for page in ["nextToken=envpage2", "nextToken=tgtpage2"] {
        assert!(requests.iter().any(|r| r.contains(page)), "{requests:?}");
    }

    // Idempotent: a second grant changes nothing and says so.
    let again = grant_json(&env, &fake, "req1", &[]);
    assert_eq!(again["changed"], false);
    assert!(again["message"]
        .as_str()
        .unwrap()
        .contains("already granted"));

    let r = revoke_json(&env, &fake, "req1");
    assert_eq!(r["changed"], true);
    assert_eq!(env.policy_text(&b).unwrap(), original);
    let r = revoke_json(&env, &fake, "req1");
    assert_eq!(r["changed"], false);
}

#[test]
fn prefix_without_slash_whole_bucket_and_revoking_the_last_statement_deletes_the_policy() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("sub-arns");
    fake.request(
        "noslash",
        PROJECT,
        &format!("arn:aws:s3:::{b}/genomes"),
        S3_TYPE,
    );
    fake.request("whole", PROJECT, &format!("arn:aws:s3:::{b}"), S3_TYPE);
    fake.project(PROJECT, ROLE_A, ROLE_B, ACCOUNT);

    let o = grant_json(&env, &fake, "noslash", &["--access", "read-write"]);
    assert_eq!(o["prefix"], "genomes/");
    let doc = env.policy(&b).unwrap();
    let obj = by_sid(&doc, "LakegateSubnoslashObj").unwrap();
    assert_eq!(obj["Resource"], format!("arn:aws:s3:::{b}/genomes/*"));
    assert!(obj["Action"].to_string().contains("s3:PutObject"));

    grant_json(
        &env,
        &fake,
        "whole",
        &["--actions", "s3:GetObject,s3:ListBucket"],
    );
    let doc = env.policy(&b).unwrap();
    let obj = by_sid(&doc, "LakegateSubwholeObj").unwrap();
    assert_eq!(obj["Resource"], format!("arn:aws:s3:::{b}/*"));
    let list = by_sid(&doc, "LakegateSubwholeList").unwrap();
    assert!(list.get("Condition").is_none(), "{list}");

    revoke_json(&env, &fake, "noslash");
    revoke_json(&env, &fake, "whole");
    assert_eq!(env.policy_text(&b), None, "the empty policy is deleted");
}

#[test]
fn a_non_s3_asset_is_skipped_and_a_project_without_s3_target_is_an_error() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("sub-skip");
    fake.request(
        "glue",
        PROJECT,
        &format!("arn:aws:s3:::{b}/x/"),
        "GlueTableAssetType",
    );
    let o = grant_json(&env, &fake, "glue", &[]);
    assert_eq!(o["action"], "skip");
    assert!(o["message"]
        .as_str()
        .unwrap()
        .contains("GlueTableAssetType"));
    assert_eq!(env.policy_text(&b), None);

    // A project whose targets are all for Glue tables.
    let glue = "arn:aws:iam::123456789012:role/AlsoGlue";
    let project = "gluonly";
    fake.request(
        "notarget2",
        project,
        &format!("arn:aws:s3:::{b}/x/"),
        S3_TYPE,
    );
    // Environments of the project, each with only a Glue target.
    fake.get(
        &format!("/v2/domains/{DOMAIN}/environments"),
        fixture(
            "list-environments-page2.json",
            &[("PROJECT", project), ("ENV2_ACCOUNT", ACCOUNT)],
        ),
        None,
    );
    let glue_only = fixture(
        "list-subscription-targets-page1.json",
        &[
            ("PROJECT", project),
            ("ENV", "env2"),
            ("PRINCIPAL_A", glue),
            ("PRINCIPAL_B", glue),
        ],
    )
    .replace(S3_TYPE, "GlueTableAssetType")
    .replace("\"nextToken\":\"tgtpage2\"", "\"nextToken\":null");
    fake.get(
        &format!("/v2/domains/{DOMAIN}/environments/env2/subscription-targets"),
        glue_only,
        None,
    );
    let a = run(
        &env,
        &fake,
        &[
            "subscription",
            "grant",
            "--domain",
            DOMAIN,
            "--request",
            "notarget2",
        ],
    )
    .code(1);
    let err = stderr(&a);
    assert!(err.contains(project) && err.contains("env2"), "{err}");
    assert_eq!(env.policy_text(&b), None);
}

fn event(detail_type: &str, id: &str) -> String {
    fixture(
        "event-subscription-created.json",
        &[
            ("DETAIL_TYPE", detail_type),
            ("REQUEST", id),
            ("PROJECT", PROJECT),
        ],
    )
}

#[test]
fn handle_event_grants_revokes_ignores_and_refuses_bad_events() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("sub-event");
    fake.request("evreq", PROJECT, &format!("arn:aws:s3:::{b}/seq/"), S3_TYPE);
    fake.project(PROJECT, ROLE_A, ROLE_B, ACCOUNT);
    let handle = |text: String| {
        crate::harness::no_panic(
            lg(&env, &fake)
                .args(["subscription", "handle-event"])
                .write_stdin(text)
                .assert(),
        )
    };
    let a = handle(event("Subscription Created", "evreq")).success();
    let o = json_of(&a);
    assert_eq!(
        (o["action"].clone(), o["changed"].clone()),
        (json!("grant"), json!(true))
    );
    assert!(by_sid(&env.policy(&b).unwrap(), "LakegateSubevreqObj").is_some());
    // The same event again changes nothing and says so.
    let o = json_of(&handle(event("Subscription Created", "evreq")).success());
    assert_eq!(o["changed"], false);
    // From a file, too.
    let f = env.temp().join("event.json");
    std::fs::write(&f, event("Subscription Revoked", "evreq")).unwrap();
    let a = run(
        &env,
        &fake,
        &[
            "subscription",
            "handle-event",
            "--file",
            f.to_str().unwrap(),
        ],
    )
    .success();
    let o = json_of(&a);
    assert_eq!(
        (o["action"].clone(), o["changed"].clone()),
        (json!("revoke"), json!(true))
    );
    assert_eq!(env.policy_text(&b), None);
    let o = json_of(&handle(event("Subscription Cancelled", "evreq")).success());
    assert_eq!(o["changed"], false);

    // Other DataZone events are ignored with a reason.
    let o = json_of(&handle(event("Asset Added To Catalog", "evreq")).success());
    assert_eq!(o["action"], "ignore");
    assert!(o["message"]
        .as_str()
        .unwrap()
        .contains("Asset Added To Catalog"));

    // Bad events: exit 2 naming the field, and no DataZone call.
    let before = fake.requests().len();
    let bad = [
        ("{not json".to_string(), "not JSON"),
        (
            event("Subscription Created", "evreq").replace("aws.datazone", "aws.s3"),
            "'source'",
        ),
        (
            event("Subscription Created", "evreq").replace("subscriptionRequestId", "requestId"),
            "detail.data.subscriptionRequestId",
        ),
        (
            event("Subscription Created", "evreq").replace("\"domain\"", "\"dom\""),
            "detail.metadata.domain",
        ),
    ];
    for (text, needle) in bad {
        crate::harness::assert_usage_error(handle(text), needle);
    }
    assert_eq!(fake.requests().len(), before);
}

#[test]
fn via_access_point_gives_the_project_its_own_access_point_and_the_bucket_delegates() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("sub-ap");
    let project = format!("p{}", env.id);
    fake.request(
        "apreq",
        &project,
        &format!("arn:aws:s3:::{b}/seq/"),
        S3_TYPE,
    );
    fake.project(&project, ROLE_A, ROLE_B, ACCOUNT);
    let o = grant_json(&env, &fake, "apreq", &["--via", "access-point"]);
    let ap_arn = o["access_point_arn"].as_str().unwrap().to_string();
    let name = ap_arn.rsplit('/').next().unwrap().to_string();
    assert!(name.starts_with("dz-p"), "{name}");
    assert!(o["access_point_alias"].is_string(), "{o}");
    assert!(env.ap_exists(&name));
    let ap = env.ap_policy(&name).unwrap();
    let obj = by_sid(&ap, "LakegateSubapreqObj").unwrap();
    assert_eq!(obj["Resource"], format!("{ap_arn}/object/seq/*"));
    let bucket = env.policy(&b).unwrap();
    assert!(by_sid(&bucket, "LakegateDelegateToAccessPoints").is_some());
    assert!(by_sid(&bucket, "LakegateSubapreqObj").is_none());
    // Idempotent.
    let again = grant_json(&env, &fake, "apreq", &["--via", "access-point"]);
    assert_eq!(again["changed"], false);
    // Revoke finds it in the access point policy.
    let r = revoke_json(&env, &fake, "apreq");
    assert_eq!(r["changed"], true);
    assert!(env.ap_policy(&name).is_none());
}

fn mount_subscriptions(fake: &Fake, bucket_arn: &str) {
    let vars = [("PROJECT", PROJECT), ("BUCKET_ARN", bucket_arn)];
    let p = format!("/v2/domains/{DOMAIN}/subscriptions");
    fake.get(&p, fixture("list-subscriptions-page1.json", &vars), None);
    fake.get(
        &p,
        fixture("list-subscriptions-page2.json", &vars),
        Some("subpage2"),
    );
}

#[test]
fn reconcile_grants_what_is_missing_and_revokes_what_is_left_over() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("sub-reconcile");
    let arn = format!("arn:aws:s3:::{b}/genomes/");
    env.put_policy(&b, &foreign(&b));
    for id in ["req1", "req2"] {
        fake.request(id, PROJECT, &arn, S3_TYPE);
    }
    fake.project(PROJECT, ROLE_A, ROLE_B, ACCOUNT);
    mount_subscriptions(&fake, &arn);
    // req2 was granted, then revoked while the handler was down; req1's event was lost.
    grant_json(&env, &fake, "req2", &[]);
    let before = env.policy_text(&b);

    let list = json_of(
        &run(
            &env,
            &fake,
            &["-o", "json", "subscription", "list", "--domain", DOMAIN],
        )
        .success(),
    );
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 3, "{list}");
    // The table fits 80 columns, one line per subscription.
    let a = lg(&env, &fake)
        .env("COLUMNS", "80")
        .args(["subscription", "list", "--domain", DOMAIN])
        .assert()
        .success();
    let table = stdout(&a);
    crate::width::assert_fits(
        &table,
        80,
        &["REQUEST", "STATUS", "PROJECT", "LOCATION", "GRANTED"],
    );
    assert_eq!(table.lines().count(), 4, "{table}");
    let granted = |id: &str| {
        rows.iter()
            .find(|r| r["request_id"] == id)
            .map(|r| r["granted"].clone())
            .unwrap()
    };
    assert_eq!(granted("req1"), json!(false));
    assert_eq!(granted("req2"), json!(true));
    assert_eq!(
        granted("req3"),
        Value::Null,
        "a Glue asset is not lakegate's"
    );

    let plan = json_of(
        &run(
            &env,
            &fake,
            &[
                "-o",
                "json",
                "--dry-run",
                "subscription",
                "reconcile",
                "--domain",
                DOMAIN,
            ],
        )
        .success(),
    );
    // One plan document: req1's grant and req2's revoke are one change of the bucket policy.
    assert_eq!(plan["dry_run"], json!(true), "{plan}");
    let changes = plan["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{plan}");
    assert_eq!(changes[0]["target"], "bucket-policy");
    assert_eq!(changes[0]["resource"], format!("arn:aws:s3:::{b}"));
    assert_eq!(changes[0]["action"], "update");
    assert!(by_sid(&changes[0]["before"], "LakegateSubreq2Obj").is_some());
    assert!(by_sid(&changes[0]["after"], "LakegateSubreq1Obj").is_some());
    assert!(by_sid(&changes[0]["after"], "LakegateSubreq2Obj").is_none());
    assert!(by_sid(&changes[0]["after"], "ProducerKeepsThis").is_some());
    assert_eq!(env.policy_text(&b), before, "--dry-run changes nothing");

    // A revoke is destructive: off a terminal, not without --yes.
    let refused = run(
        &env,
        &fake,
        &[
            "-o",
            "json",
            "subscription",
            "reconcile",
            "--domain",
            DOMAIN,
        ],
    )
    .code(2);
    assert!(stderr(&refused).contains("--yes"), "{}", stderr(&refused));
    assert_eq!(env.policy_text(&b), before, "refused: nothing changed");

    let done = json_of(
        &run(
            &env,
            &fake,
            &[
                "-o",
                "json",
                "--yes",
                "subscription",
                "reconcile",
                "--domain",
                DOMAIN,
            ],
        )
        .success(),
    );
    assert!(
        done.as_array()
            .unwrap()
            .iter()
            .all(|s| s["result"] == "done"),
        "{done}"
    );
    let doc = env.policy(&b).unwrap();
    assert!(by_sid(&doc, "LakegateSubreq1Obj").is_some());
    assert!(by_sid(&doc, "LakegateSubreq2Obj").is_none());
    assert!(by_sid(&doc, "ProducerKeepsThis").is_some());
    // Nothing left to do.
    let again = json_of(
        &run(
            &env,
            &fake,
            &[
                "-o",
                "json",
                "subscription",
                "reconcile",
                "--domain",
                DOMAIN,
            ],
        )
        .success(),
    );
    assert_eq!(again, json!([]));
}

#[test]
fn account_role_edits_the_bucket_through_the_role_of_its_account() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("sub-xacct");
    fake.request("xreq", PROJECT, &format!("arn:aws:s3:::{b}/seq/"), S3_TYPE);
    fake.project(PROJECT, ROLE_A, ROLE_B, ACCOUNT);
    // The asset's owning project has its environments in the bucket's account.
    fake.project("producerproj1", EC2_ROLE, EC2_ROLE, ACCOUNT);
    let role = format!("arn:aws:iam::{ACCOUNT}:role/LakegateBucketEditor");
    let a = run(
        &env,
        &fake,
        &[
            "-vv",
            "-o",
            "json",
            "subscription",
            "grant",
            "--domain",
            DOMAIN,
            "--request",
            "xreq",
            "--account-role",
            &format!("{ACCOUNT}={role}"),
        ],
    )
    .success();
    let o = json_of(&a);
    assert_eq!(o["account_role"], ACCOUNT);
    assert!(
        stderr(&a).contains("using the account's role for its bucket"),
        "{}",
        stderr(&a)
    );
    assert!(by_sid(&env.policy(&b).unwrap(), "LakegateSubxreqObj").is_some());
    // A bad --account-role is refused before any call.
    crate::harness::assert_usage_error(
        run(
            &env,
            &fake,
            &[
                "subscription",
                "grant",
                "--domain",
                DOMAIN,
                "--request",
                "xreq",
                "--account-role",
                "123",
            ],
        ),
        "ACCOUNT=ROLE_ARN",
    );
}

#[test]
fn subscription_targets_are_created_and_listed_across_environments_and_pages() {
    let env = TestEnv::new();
    let fake = Fake::new();
    fake.mount(
        Mock::given(method("POST"))
            .and(path(format!(
                "/v2/domains/{DOMAIN}/environments/env1/subscription-targets"
            )))
            .respond_with(
                ResponseTemplate::new(200)
                    .insert_header("content-type", "application/json")
                    .set_body_string(fixture("create-subscription-target.json", &[])),
            ),
    );
    fake.project(PROJECT, ROLE_A, ROLE_B, ACCOUNT);
    let o = json_of(
        &run(
            &env,
            &fake,
            &[
                "-o",
                "json",
                "subscription",
                "target",
                "create",
                "--domain",
                DOMAIN,
                "--environment",
                "env1",
                "--name",
                "custom-s3-target-consumerenv",
                "--manage-access-role",
                "arn:aws:iam::123456789012:role/environment-role",
                "--principal",
                ROLE_A,
                "--config",
                r#"GlueSubscriptionTargetConfigForm={"databaseName":"customdb1"}"#,
            ],
        )
        .success(),
    );
    assert_eq!(o["id"], "tgt1");
    let sent = fake.0.received();
    let body: Value = serde_json::from_slice(&sent.last().unwrap().body).unwrap();
    assert_eq!(body["applicableAssetTypes"], json!([S3_TYPE]));
    assert_eq!(body["authorizedPrincipals"], json!([ROLE_A]));
    assert_eq!(body["type"], "GlueSubscriptionTargetType");

    // --from-json takes the blog post's payload.
    let f = env.temp().join("blog-sub-target.json");
    std::fs::write(
        &f,
        json!({
            "domainIdentifier": DOMAIN, "environmentIdentifier": "env1",
            "name": "custom-s3-target-consumerenv", "type": "GlueSubscriptionTargetType",
            "manageAccessRole": "arn:aws:iam::123456789012:role/environment-role",
            "applicableAssetTypes": [S3_TYPE], "provider": "Custom Provider",
            "authorizedPrincipals": [ROLE_A],
            "subscriptionTargetConfig": [{"formName": "GlueSubscriptionTargetConfigForm", "content": "{\"databaseName\":\"customdb1\"}"}]
        })
        .to_string(),
    )
    .unwrap();
    run(
        &env,
        &fake,
        &[
            "subscription",
            "target",
            "create",
            "--from-json",
            f.to_str().unwrap(),
        ],
    )
    .success();

    let list = json_of(
        &run(
            &env,
            &fake,
            &[
                "-o",
                "json",
                "subscription",
                "target",
                "list",
                "--domain",
                DOMAIN,
                "--project",
                PROJECT,
            ],
        )
        .success(),
    );
    // Two environments (two pages), three targets each (two pages).
    assert_eq!(list.as_array().unwrap().len(), 6, "{list}");
    let one = json_of(
        &run(
            &env,
            &fake,
            &[
                "-o",
                "json",
                "subscription",
                "target",
                "list",
                "--domain",
                DOMAIN,
                "--environment",
                "env2",
            ],
        )
        .success(),
    );
    assert_eq!(one.as_array().unwrap().len(), 3);
}

/// The issue's concurrency test: 50 grants for 50 subscriptions as 50 processes at once on one
/// bucket → all 50 grants present, the foreign statement untouched; then 50 concurrent revokes →
/// the original policy exactly. Timings are printed (`--nocapture` shows them).
#[test]
fn fifty_concurrent_grants_then_fifty_concurrent_revokes() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("sub-fifty");
    let original = format!(
        "{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Sid\":\"ProducerKeepsThis\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"arn:aws:s3:::{b}\"}}]}}"
    );
    env.put_policy_text(&b, &original);
    let ids: Vec<String> = (1..=50).map(|i| format!("c{i:02}")).collect();
    for id in &ids {
        fake.request(
            id,
            PROJECT,
            &format!("arn:aws:s3:::{b}/data/{id}/"),
            S3_TYPE,
        );
    }
    // One principal and one statement per grant (--actions s3:GetObject): 50 statements fit the
    // 20 KB bucket policy limit (two statements with two principals each would not).
    fake.project(PROJECT, ROLE_A, ROLE_A, ACCOUNT);

    let wave = |verb: &str| -> Vec<(String, i32, Duration, String)> {
        std::thread::scope(|s| {
            let handles: Vec<_> = ids
                .iter()
                .map(|id| {
                    let (env, fake) = (&env, &fake);
                    let verb = verb.to_string();
                    s.spawn(move || {
                        let start = Instant::now();
                        let out = lg(env, fake)
                            .env("LAKEGATE_LOCK_TIMEOUT", "600")
                            .timeout(Duration::from_secs(900))
                            .args(["subscription", &verb, "--domain", DOMAIN, "--request", id])
                            .args(if verb == "grant" {
                                &["--actions", "s3:GetObject"][..]
                            } else {
                                &[][..]
                            })
                            .output()
                            .unwrap();
                        (
                            id.clone(),
                            out.status.code().unwrap_or(-1),
                            start.elapsed(),
                            String::from_utf8_lossy(&out.stderr).into_owned(),
                        )
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        })
    };
    let report = |verb: &str, r: &[(String, i32, Duration, String)]| {
        let mut t: Vec<f64> = r.iter().map(|x| x.2.as_secs_f64()).collect();
        t.sort_by(|a, b| a.partial_cmp(b).unwrap());
        eprintln!(
            "50 concurrent {verb}s: min {:.2}s, median {:.2}s, max {:.2}s; each: {}",
            t[0],
            t[t.len() / 2],
            t[t.len() - 1],
            r.iter()
                .map(|x| format!("{}={:.2}s", x.0, x.2.as_secs_f64()))
                .collect::<Vec<_>>()
                .join(" ")
        );
        for (id, code, _, err) in r {
            assert_eq!(*code, 0, "{verb} {id} failed: {err}");
        }
    };
    let grants = wave("grant");
    report("grant", &grants);
    let doc = env.policy(&b).unwrap();
    for id in &ids {
        let obj = by_sid(&doc, &format!("LakegateSub{id}Obj"))
            .unwrap_or_else(|| panic!("grant {id} is missing"));
        assert_eq!(obj["Resource"], format!("arn:aws:s3:::{b}/data/{id}/*"));
    }
    assert_eq!(statements(&doc).len(), 51);
    assert_eq!(
        by_sid(&doc, "ProducerKeepsThis").unwrap(),
        statements(&serde_json::from_str::<Value>(&original).unwrap())[0]
    );
    let revokes = wave("revoke");
    report("revoke", &revokes);
    assert_eq!(env.policy_text(&b).unwrap(), original);
    let _ = REGION;
}

#[test]
fn dry_run_grant_prints_the_plan_and_changes_nothing_and_tables_read_well() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("sub-dry");
    env.put_policy(&b, &foreign(&b));
    let before = env.policy_text(&b);
    fake.request("dry1", PROJECT, &format!("arn:aws:s3:::{b}/seq/"), S3_TYPE);
    fake.project(PROJECT, ROLE_A, ROLE_B, ACCOUNT);
    let a = run(
        &env,
        &fake,
        &[
            "--dry-run",
            "subscription",
            "grant",
            "--domain",
            DOMAIN,
            "--request",
            "dry1",
        ],
    )
    .success();
    let out = stdout(&a);
    assert!(out.contains("LakegateSubdry1Obj"), "{out}");
    assert_eq!(env.policy_text(&b), before);

    // People get one line naming what was granted.
    let a = run(
        &env,
        &fake,
        &[
            "subscription",
            "grant",
            "--domain",
            DOMAIN,
            "--request",
            "dry1",
        ],
    )
    .success();
    let out = stdout(&a);
    assert!(
        out.starts_with("subscription request dry1: granted s3://") && out.contains("/seq/ to "),
        "{out}"
    );
    let a = run(
        &env,
        &fake,
        &[
            "subscription",
            "target",
            "list",
            "--domain",
            DOMAIN,
            "--environment",
            "env1",
        ],
    )
    .success();
    let out = stdout(&a);
    assert!(
        out.starts_with("ID ") && out.contains("PRINCIPALS"),
        "{out}"
    );
}

#[test]
fn subscription_verbs_dry_run_as_one_plan_document_wait_for_leases_and_keep_history() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("sub-pipe");
    env.put_policy(&b, &foreign(&b));
    let project = format!("q{}", env.id);
    fake.request(
        "pipe1",
        &project,
        &format!("arn:aws:s3:::{b}/seq/"),
        S3_TYPE,
    );
    fake.project(&project, ROLE_A, ROLE_B, ACCOUNT);
    let before = env.policy_text(&b);
    let grant = [
        "subscription",
        "grant",
        "--domain",
        DOMAIN,
        "--request",
        "pipe1",
    ];
    let revoke = [
        "subscription",
        "revoke",
        "--domain",
        DOMAIN,
        "--request",
        "pipe1",
    ];

    // --dry-run -o json: one document, the plan (also --via access-point, which plans the
    // access point, its policy and the delegation).
    let dry = |args: &[&str]| {
        let mut a = vec!["--dry-run", "-o", "json"];
        a.extend_from_slice(args);
        crate::pipeline::one_plan(&stdout(&run(&env, &fake, &a).success()))
    };
    let p = dry(&grant);
    assert_eq!(p["changes"].as_array().unwrap().len(), 1, "{p:#}");
    let mut via = grant.to_vec();
    via.extend(["--via", "access-point"]);
    let p = dry(&via);
    let targets: Vec<&str> = p["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["target"].as_str().unwrap())
        .collect();
    assert_eq!(
        targets,
        ["access-point", "access-point-policy", "bucket-policy"],
        "{p:#}"
    );
    // handle-event --dry-run: one JSON document even without -o json.
    let a = crate::harness::no_panic(
        lg(&env, &fake)
            .args(["--dry-run", "subscription", "handle-event"])
            .write_stdin(event("Subscription Created", "pipe1"))
            .assert(),
    )
    .success();
    crate::pipeline::one_plan(&stdout(&a));
    assert_eq!(env.policy_text(&b), before, "dry runs change nothing");
    assert!(env.history_files().is_empty());

    // Another holder's lease: wait, fail naming it, change nothing.
    crate::pipeline::put_lease(&env, &b, &format!("arn:aws:s3:::{b}"), "other-host/7/lease");
    let a = lg(&env, &fake)
        .env("LAKEGATE_LOCK_TIMEOUT", "1")
        .args(grant)
        .assert()
        .code(1);
    assert!(
        stderr(&a).contains("is being changed by other-host/7/lease"),
        "{}",
        stderr(&a)
    );
    assert_eq!(env.policy_text(&b), before);
    // The other holder is done.
    let lease = format!("/{b}/.lakegate/locks/arn_aws_s3___{b}.lease");
    let auth = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0";
    crate::harness::http(
        env.port(),
        "DELETE",
        &lease,
        &[("Authorization", auth)],
        &[],
    )
    .unwrap();

    // grant and revoke overwrite the bucket policy: each leaves a history entry that
    // `bucket policy rollback` restores.
    run(&env, &fake, &grant).success();
    let granted = env.policy(&b);
    run(&env, &fake, &revoke).success();
    assert_eq!(env.policy(&b), Some(foreign(&b)));
    env.lg(["bucket", "policy", "rollback", &b, "--yes"])
        .success();
    assert_eq!(env.policy(&b), granted);
    env.lg(["bucket", "policy", "rollback", &b, "--yes", "--to", "1"])
        .success();
    assert_eq!(env.policy(&b), Some(foreign(&b)));
}
