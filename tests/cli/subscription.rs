//! `lakegate subscription ...` end to end: the built binary, S3 on moto, DataZone on an HTTP fake
//! (`wiremock`) serving the fixtures of `tests/fixtures/datazone/` (shaped as the DataZone API
//! reference shows them). `--endpoint-url` sends S3, S3 Control and STS to moto;
//! `AWS_ENDPOINT_URL_DATAZONE` (which wins over it for DataZone) sends DataZone to the fake.

use crate::harness::{
    principals, statements, stderr, stdout, HttpFake, TestEnv, ACCOUNT, EC2_ROLE, REGION,
};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use wiremock::matchers::{method, path, path_regex, query_param};
use wiremock::{Mock, ResponseTemplate};

pub(crate) const DOMAIN: &str = "dzd_abc123";
pub(crate) const PROJECT: &str = "consumerproj1";
pub(crate) const S3_TYPE: &str = "S3ObjectCollectionAssetType";
pub(crate) const ROLE_A: &str = "arn:aws:iam::123456789012:role/instance-role";
pub(crate) const ROLE_B: &str = "arn:aws:iam::123456789012:role/batch-role";

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
pub(crate) struct Fake(pub(crate) HttpFake);

impl Fake {
    pub(crate) fn new() -> Self {
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
    pub(crate) fn request(&self, id: &str, project: &str, bucket_arn: &str, asset_type: &str) {
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
    pub(crate) fn project(&self, project: &str, a: &str, b: &str, env2_account: &str) {
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
            // GetSubscriptionTarget of the two S3 targets (a grant names one of them).
            mount_target(self, env, &format!("tgts3a{env}"), a);
            mount_target(self, env, &format!("tgts3b{env}"), b);
        }
    }

    /// ListSubscriptionGrants of the domain: `grants` as (grant, subscription, overall status,
    /// asset status).
    fn grants(&self, grants: &[(&str, &str, &str, &str)]) {
        let items: Vec<Value> = grants
            .iter()
            .map(|(g, sub, status, asset_status)| {
                serde_json::from_str::<Value>(&fixture(
                    "get-subscription-grant.json",
                    &[
                        ("GRANT", g),
                        ("SUBSCRIPTION", sub),
                        ("STATUS", status),
                        ("ASSET", "asset1"),
                        ("ASSET_STATUS", asset_status),
                    ],
                ))
                .unwrap()
            })
            .collect();
        let mut page: Value =
            serde_json::from_str(&fixture("list-subscription-grants.json", &[])).unwrap();
        page["items"] = Value::Array(items);
        self.get(
            &format!("/v2/domains/{DOMAIN}/subscription-grants"),
            page.to_string(),
            None,
        );
    }

    /// GetSubscriptionGrant of `id` (one asset, `asset1`, in `asset_status`), `priority` first.
    pub(crate) fn grant(
        &self,
        id: &str,
        sub: &str,
        asset_status: &str,
        permissions: Option<Value>,
        prio: u8,
    ) {
        let mut v: Value = serde_json::from_str(&fixture(
            "get-subscription-grant.json",
            &[
                ("GRANT", id),
                ("SUBSCRIPTION", sub),
                ("STATUS", "IN_PROGRESS"),
                ("ASSET", "asset1"),
                ("ASSET_STATUS", asset_status),
            ],
        ))
        .unwrap();
        if let Some(p) = permissions {
            v["assets"][0]["permissions"] = p;
        }
        self.mount(
            Mock::given(method("GET"))
                .and(path(format!(
                    "/v2/domains/{DOMAIN}/subscription-grants/{id}"
                )))
                .respond_with(
                    ResponseTemplate::new(200)
                        .insert_header("content-type", "application/json")
                        .set_body_string(v.to_string()),
                )
                .with_priority(prio),
        );
    }

    /// GetSubscription of `id`: `principal` (the `subscribedPrincipal` union) subscribes, by
    /// subscription request `request`, to an asset at `bucket_arn`.
    pub(crate) fn subscription(&self, id: &str, request: &str, bucket_arn: &str, principal: Value) {
        let mut v: Value = serde_json::from_str(&fixture(
            "get-subscription.json",
            &[
                ("SUBSCRIPTION", id),
                ("REQUEST", request),
                ("BUCKET_ARN", bucket_arn),
                ("PROJECT", PROJECT),
            ],
        ))
        .unwrap();
        v["subscribedPrincipal"] = principal;
        self.get(
            &format!("/v2/domains/{DOMAIN}/subscriptions/{id}"),
            v.to_string(),
            None,
        );
    }

    /// UpdateSubscriptionGrantStatus answers as the API reference shows.
    pub(crate) fn accept_status_updates(&self) {
        self.mount(
            Mock::given(method("PATCH"))
                .and(path_regex(format!(
                    "^/v2/domains/{DOMAIN}/subscription-grants/[^/]+/status/[^/]+$"
                )))
                .respond_with(
                    ResponseTemplate::new(200)
                        .insert_header("content-type", "application/json")
                        .set_body_string(fixture("update-subscription-grant-status.json", &[])),
                ),
        );
    }

    /// Every UpdateSubscriptionGrantStatus call so far: `GRANT/ASSET STATUS[: cause]`.
    pub(crate) fn status_updates(&self) -> Vec<String> {
        self.0
            .received()
            .iter()
            .filter(|r| r.method.as_str() == "PATCH")
            .map(|r| {
                let parts: Vec<&str> = r.url.path().split('/').collect();
                // /v2/domains/D/subscription-grants/G/status/A
                let body: Value = serde_json::from_slice(&r.body).unwrap();
                let mut line = format!(
                    "{}/{} {}",
                    parts[5],
                    parts[7],
                    body["status"].as_str().unwrap()
                );
                if let Some(m) = body
                    .pointer("/failureCause/message")
                    .and_then(Value::as_str)
                {
                    line.push_str(&format!(": {m}"));
                }
                line
            })
            .collect()
    }

    fn requests(&self) -> Vec<String> {
        self.0
            .received()
            .iter()
            .map(|r| format!("{} {}", r.method, r.url))
            .collect()
    }
}

pub(crate) fn lg(env: &TestEnv, fake: &Fake) -> assert_cmd::Command {
    let mut c = env.cmd();
    c.env("AWS_ENDPOINT_URL_DATAZONE", fake.uri());
    c
}

fn run(env: &TestEnv, fake: &Fake, args: &[&str]) -> assert_cmd::assert::Assert {
    crate::harness::no_panic(lg(env, fake).args(args).assert())
}

pub(crate) fn json_of(a: &assert_cmd::assert::Assert) -> Value {
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
                "--yes",
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
    // `read` is what it is for access points: object versions too.
    assert_eq!(
        obj["Action"],
        json!(["s3:GetObject", "s3:GetObjectVersion"])
    );
    assert_eq!(obj["Resource"], format!("arn:aws:s3:::{b}/genomes/*"));
    let mut p = principals(&obj);
    p.sort();
    assert_eq!(p, want);
    let list = by_sid(&doc, "LakegateSubreq1List").unwrap();
    assert_eq!(list["Resource"], format!("arn:aws:s3:::{b}"));
    assert_eq!(list["Condition"]["StringLike"]["s3:prefix"], "genomes/*");
    assert!(!doc.to_string().contains("GlueOnlyRole"));
    assert!(by_sid(&doc, "ProducerKeepsThis").is_some());
    // The fulfiller's outcome says what it did to access (issue 22): both roles gain read on
    // genomes/ and nobody else's access changes.
    let delta = o["delta"].as_array().unwrap_or_else(|| panic!("{o:#}"));
    for role in [ROLE_A, ROLE_B] {
        assert!(
            delta.iter().any(|r| r["change"] == "gained"
                && r["principal"] == role
                && r["access"] == "read"
                && r["keys"] == json!(["genomes/*"])),
            "{o:#}"
        );
    }
    assert!(
        delta.iter().all(|r| r["change"] == "gained"
            && want.contains(&r["principal"].as_str().unwrap().to_string())),
        "{o:#}"
    );
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

    assert_eq!(again["delta"], json!([]), "{again:#}");

    let r = revoke_json(&env, &fake, "req1");
    assert_eq!(r["changed"], true);
    assert!(
        r["delta"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["change"] == "lost" && x["principal"] == ROLE_A && x["access"] == "read"),
        "{r:#}"
    );
    assert_eq!(env.policy_text(&b).unwrap(), original);
    let r = revoke_json(&env, &fake, "req1");
    assert_eq!(r["changed"], false);
}

/// Grants written before `--access` had one meaning (read without GetObjectVersion, `read-write`
/// with DeleteObject) are found again by their Sid and revoked like any other.
#[test]
fn revoke_removes_a_grant_written_with_the_old_action_list() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("sub-oldacts");
    let original = format!(
        "{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Sid\":\"ProducerKeepsThis\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"arn:aws:s3:::{b}\"}}]}}"
    );
    let old = format!(
        "{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Sid\":\"ProducerKeepsThis\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"arn:aws:s3:::{b}\"}},\
{{\"Sid\":\"LakegateSubreqoldObj\",\"Effect\":\"Allow\",\"Principal\":{{\"AWS\":\"{ROLE_A}\"}},\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:DeleteObject\",\"s3:AbortMultipartUpload\"],\"Resource\":\"arn:aws:s3:::{b}/genomes/*\"}},\
{{\"Sid\":\"LakegateSubreqoldList\",\"Effect\":\"Allow\",\"Principal\":{{\"AWS\":\"{ROLE_A}\"}},\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::{b}\",\"Condition\":{{\"StringLike\":{{\"s3:prefix\":\"genomes/*\"}}}}}}]}}"
    );
    env.put_policy_text(&b, &old);
    fake.request(
        "reqold",
        PROJECT,
        &format!("arn:aws:s3:::{b}/genomes/"),
        S3_TYPE,
    );
    fake.project(PROJECT, ROLE_A, ROLE_B, ACCOUNT);
    let r = revoke_json(&env, &fake, "reqold");
    assert_eq!(r["changed"], true, "{r}");
    let doc = env.policy(&b).unwrap();
    assert!(by_sid(&doc, "LakegateSubreqoldObj").is_none(), "{doc}");
    assert!(by_sid(&doc, "LakegateSubreqoldList").is_none(), "{doc}");
    assert_eq!(
        env.policy(&b).unwrap(),
        serde_json::from_str::<Value>(&original).unwrap()
    );
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

    // Only `read-write-delete` deletes (`read-write` means what it means for access points).
    let o = grant_json(&env, &fake, "noslash", &["--access", "read-write-delete"]);
    assert_eq!(o["prefix"], "genomes/");
    let doc = env.policy(&b).unwrap();
    let obj = by_sid(&doc, "LakegateSubnoslashObj").unwrap();
    assert_eq!(obj["Resource"], format!("arn:aws:s3:::{b}/genomes/*"));
    assert!(obj["Action"].to_string().contains("s3:PutObject"));
    assert!(obj["Action"].to_string().contains("s3:DeleteObject"));
    // `read-write` grants the same actions as `accesspoint --access read-write`: no delete.
    grant_json(&env, &fake, "noslash", &["--access", "read-write"]);
    let doc = env.policy(&b).unwrap();
    let obj = by_sid(&doc, "LakegateSubnoslashObj").unwrap();
    assert_eq!(
        obj["Action"],
        json!([
            "s3:GetObject",
            "s3:GetObjectVersion",
            "s3:PutObject",
            "s3:AbortMultipartUpload"
        ])
    );

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

pub(crate) fn mount_subscriptions(fake: &Fake, bucket_arn: &str) {
    // req2's grant was completed in DataZone (and needs nothing from reconcile).
    fake.grants(&[("grant2", "sub2", "COMPLETED", "GRANTED")]);
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
    // The table fits 80 columns; a location too wide for its column wraps (issue 25), whole.
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
    for id in ["req1", "req2", "req3"] {
        assert_eq!(
            table.lines().filter(|l| l.starts_with(id)).count(),
            1,
            "{table}"
        );
    }
    assert!(!table.contains('…'), "{table}");
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
    // DataZone's grant status beside lakegate's.
    let dz =
        |id: &str| rows.iter().find(|r| r["request_id"] == id).unwrap()["grant_status"].clone();
    assert_eq!(dz("req2"), json!("COMPLETED"));
    assert_eq!(dz("req1"), Value::Null);
    let table = stdout(&run(&env, &fake, &["subscription", "list", "--domain", DOMAIN]).success());
    assert!(
        table.lines().next().unwrap().contains("DZ-GRANT"),
        "{table}"
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
    // The target created is read back by its id (GetSubscriptionTarget has the same shape).
    fake.get(
        &format!("/v2/domains/{DOMAIN}/environments/env1/subscription-targets/tgt1"),
        fixture("create-subscription-target.json", &[]),
        None,
    );
    let create = [
        "subscription",
        "target",
        "create",
        "--domain",
        DOMAIN,
        "--environment",
        "env1",
        "--name",
        "lakegate-s3-target",
        "--manage-access-role",
        "arn:aws:iam::123456789012:role/environment-role",
        "--principal",
        ROLE_A,
    ];
    // --dry-run -o json: exactly one plan document, and nothing created.
    let mut dry = vec!["--dry-run", "-o", "json"];
    dry.extend_from_slice(&create);
    let p = crate::pipeline::one_plan(&stdout(&run(&env, &fake, &dry).success()));
    let changes = p["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{p:#}");
    assert_eq!(changes[0]["target"], "subscription-target");
    assert_eq!(changes[0]["action"], "create");
    assert_eq!(
        changes[0]["resource"],
        format!("{DOMAIN}/env1/lakegate-s3-target")
    );
    assert!(
        !fake.requests().iter().any(|r| r.starts_with("POST")),
        "a dry run creates nothing"
    );
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
                // NAME is positional, as every noun's own object is.
                "lakegate-s3-target",
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
    let post = sent
        .iter()
        .rev()
        .find(|r| r.method.as_str() == "POST")
        .unwrap();
    let body: Value = serde_json::from_slice(&post.body).unwrap();
    assert_eq!(body["applicableAssetTypes"], json!([S3_TYPE]));
    assert_eq!(body["authorizedPrincipals"], json!([ROLE_A]));
    assert_eq!(body["type"], "GlueSubscriptionTargetType");
    // A target of that name exists already: kept as it is, nothing created.
    let posts = |f: &Fake| {
        f.requests()
            .iter()
            .filter(|r| r.starts_with("POST"))
            .count()
    };
    let before = posts(&fake);
    let a = run(
        &env,
        &fake,
        &[
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
        ],
    )
    .success();
    assert!(stdout(&a).contains("nothing changed"), "{}", stdout(&a));
    assert_eq!(posts(&fake), before);

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
                                &["--yes"][..]
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
        "--yes",
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

/// A `Subscription Grant Requested` (or `… Revoke Requested`) event for grant `grant`.
pub(crate) fn grant_event(detail_type: &str, grant: &str) -> String {
    fixture(
        "event-subscription-grant-requested.json",
        &[
            ("DETAIL_TYPE", detail_type),
            ("GRANT", grant),
            ("ASSET", "asset1"),
            ("PROJECT", PROJECT),
        ],
    )
}

pub(crate) fn handle(env: &TestEnv, fake: &Fake, event: String) -> assert_cmd::assert::Assert {
    crate::harness::no_panic(
        lg(env, fake)
            .args(["subscription", "handle-event"])
            .write_stdin(event)
            .assert(),
    )
}

fn project_principal() -> Value {
    json!({"project": {"id": PROJECT, "name": "custom-blueprint-consumer-project"}})
}

#[test]
fn grant_requested_is_fulfilled_and_reported_a_retry_reports_again_and_revoke_reports_revoked() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("sub-protocol");
    env.put_policy(&b, &foreign(&b));
    let arn = format!("arn:aws:s3:::{b}/genomes/");
    fake.grant("grant1", "sub1", "GRANT_PENDING", None, 5);
    fake.subscription("sub1", "req7", &arn, project_principal());
    fake.project(PROJECT, ROLE_A, ROLE_B, ACCOUNT);
    fake.accept_status_updates();

    // -vv: one line per AWS request, to count what one grant costs.
    let a = crate::harness::no_panic(
        lg(&env, &fake)
            .args(["-vv", "subscription", "handle-event"])
            .write_stdin(grant_event("Subscription Grant Requested", "grant1"))
            .assert(),
    )
    .success();
    let calls: Vec<String> = stderr(&a)
        .lines()
        .filter_map(|l| {
            l.split_once("<- ")
                .map(|(_, r)| r.split(' ').next().unwrap_or("").to_string())
        })
        .collect();
    let mut by_op = std::collections::BTreeMap::<&str, usize>::new();
    for c in &calls {
        *by_op.entry(c.as_str()).or_default() += 1;
    }
    eprintln!("AWS calls for one grant: {} {by_op:?}", calls.len());
    let dz: usize = by_op
        .iter()
        .filter(|(k, _)| k.to_lowercase().starts_with("datazone"))
        .map(|(_, n)| n)
        .sum();
    // GetSubscriptionGrant, GetSubscription, GetSubscriptionTarget (the grant's own target: not
    // every target of the project), UpdateSubscriptionGrantStatus ×2.
    assert_eq!(dz, 5, "{by_op:?}");
    let o = json_of(&a);
    assert_eq!(
        (o["action"].clone(), o["changed"].clone()),
        (json!("grant"), json!(true)),
        "{o}"
    );
    assert_eq!(o["grant"]["status"], "GRANTED", "{o}");
    assert_eq!(
        fake.status_updates(),
        ["grant1/asset1 GRANT_IN_PROGRESS", "grant1/asset1 GRANTED"]
    );
    // Keyed by the subscription's request id and the grant's subscription target, and granted
    // to that target's principals only.
    let doc = env.policy(&b).unwrap();
    let obj = by_sid(&doc, "LakegateSubreq7tgts3aenv1Obj").unwrap();
    assert_eq!(principals(&obj), [ROLE_A]);
    assert_eq!(
        obj["Action"],
        json!(["s3:GetObject", "s3:GetObjectVersion"])
    );
    assert!(by_sid(&doc, "ProducerKeepsThis").is_some());

    // EventBridge retries: nothing changes, the final status is reported again (the asset is
    // GRANTED already, so not moved back to in progress).
    fake.grant("grant1", "sub1", "GRANTED", None, 1);
    let o = json_of(
        &handle(
            &env,
            &fake,
            grant_event("Subscription Grant Requested", "grant1"),
        )
        .success(),
    );
    assert_eq!(o["changed"], false, "{o}");
    assert_eq!(
        fake.status_updates()[2..],
        ["grant1/asset1 GRANTED".to_string()]
    );
    assert_eq!(env.policy(&b).unwrap(), doc);

    let o = json_of(
        &handle(
            &env,
            &fake,
            grant_event("Subscription Grant Revoke Requested", "grant1"),
        )
        .success(),
    );
    assert_eq!(
        (o["action"].clone(), o["changed"].clone()),
        (json!("revoke"), json!(true)),
        "{o}"
    );
    assert_eq!(
        fake.status_updates()[3..],
        [
            "grant1/asset1 REVOKE_IN_PROGRESS".to_string(),
            "grant1/asset1 REVOKED".to_string()
        ]
    );
    assert_eq!(env.policy(&b), Some(foreign(&b)));
}

#[test]
fn requested_permissions_decide_the_access_and_an_iam_principal_is_granted_directly() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("sub-protocol-iam");
    let arn = format!("arn:aws:s3:::{b}/genomes/");
    let direct = "arn:aws:iam::123456789012:role/analyst";
    fake.grant(
        "grant2",
        "sub2",
        "GRANT_PENDING",
        Some(json!({"s3": ["READ", "WRITE"]})),
        5,
    );
    fake.subscription(
        "sub2",
        "req8",
        &arn,
        json!({"iam": {"principalArn": direct}}),
    );
    fake.accept_status_updates();
    let o = json_of(
        &handle(
            &env,
            &fake,
            grant_event("Subscription Grant Requested", "grant2"),
        )
        .success(),
    );
    assert_eq!(o["principals"], json!([direct]), "{o}");
    let obj = by_sid(&env.policy(&b).unwrap(), "LakegateSubreq8tgts3aenv1Obj").unwrap();
    assert!(obj["Action"].to_string().contains("s3:PutObject"), "{obj}");
    assert_eq!(principals(&obj), [direct]);
    // No project: no environments or targets were looked at.
    assert!(!fake.requests().iter().any(|r| r.contains("/environments")));
    assert_eq!(
        fake.status_updates(),
        ["grant2/asset1 GRANT_IN_PROGRESS", "grant2/asset1 GRANTED"]
    );
}

#[test]
fn a_failed_grant_is_reported_with_the_cause_the_cli_prints_and_exits_1() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("sub-protocol-fail");
    let arn = format!("arn:aws:s3:::{b}/genomes/");
    fake.accept_status_updates();

    // A user profile of IAM Identity Center maps to no IAM principal.
    fake.grant("grant3", "sub3", "GRANT_PENDING", None, 5);
    fake.subscription(
        "sub3",
        "req9",
        &arn,
        json!({"user": {"id": "usr-sso", "details": {"sso": {"username": "ana", "firstName": "Ana", "lastName": "B"}}}}),
    );
    let a = handle(
        &env,
        &fake,
        grant_event("Subscription Grant Requested", "grant3"),
    )
    .code(1);
    let err = stderr(&a);
    assert!(err.contains("usr-sso") && err.contains("SSO"), "{err}");
    let updates = fake.status_updates();
    assert_eq!(updates.len(), 1, "{updates:?}");
    assert!(
        updates[0].starts_with("grant3/asset1 GRANT_FAILED: subscribed user usr-sso"),
        "{updates:?}"
    );
    let cause = updates[0].split_once(": ").unwrap().1;
    assert!(
        err.contains(cause),
        "the cause reported is the one printed:\n{err}\n{cause}"
    );
    assert!(!cause.contains('\n'));
    assert_eq!(env.policy_text(&b), None);

    // A group, likewise.
    fake.grant("grant4", "sub4", "GRANT_PENDING", None, 5);
    fake.subscription(
        "sub4",
        "req10",
        &arn,
        json!({"group": {"id": "grp1", "name": "analysts"}}),
    );
    let a = handle(
        &env,
        &fake,
        grant_event("Subscription Grant Requested", "grant4"),
    )
    .code(1);
    assert!(stderr(&a).contains("group analysts"), "{}", stderr(&a));
    assert!(fake.status_updates()[1]
        .starts_with("grant4/asset1 GRANT_FAILED: subscribed group analysts"));

    // The bucket policy would be too large: refused before any write, reported as failed.
    let big = format!(
        "{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Sid\":\"Big\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteBucket\",\"Resource\":[{}]}}]}}",
        (0..400)
            .map(|i| format!("\"arn:aws:s3:::{b}/padding-{i:04}-xxxxxxxxxxxxxxx\""))
            .collect::<Vec<_>>()
            .join(",")
    );
    env.put_policy_text(&b, &big);
    fake.grant("grant5", "sub5", "GRANT_PENDING", None, 5);
    fake.subscription(
        "sub5",
        "req11",
        &arn,
        json!({"iam": {"principalArn": ROLE_A}}),
    );
    let a = handle(
        &env,
        &fake,
        grant_event("Subscription Grant Requested", "grant5"),
    )
    .code(1);
    let err = stderr(&a);
    let updates = fake.status_updates();
    assert_eq!(updates[2], "grant5/asset1 GRANT_IN_PROGRESS", "{updates:?}");
    assert!(
        updates[3].starts_with("grant5/asset1 GRANT_FAILED: "),
        "{updates:?}"
    );
    let cause = updates[3].split_once(": ").unwrap().1;
    assert!(
        cause.contains("20480") || cause.contains("20 KB") || cause.contains("size"),
        "{cause}"
    );
    assert!(err.contains(cause), "{err}\n{cause}");
    assert_eq!(env.policy_text(&b).unwrap(), big, "nothing changed");
}

#[test]
fn reconcile_fulfils_a_pending_grant_and_reports_it() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("sub-protocol-rec");
    let arn = format!("arn:aws:s3:::{b}/genomes/");
    // No subscription needs anything; grant6 is left pending (its event was lost), grant7 done.
    let mut none: Value = serde_json::from_str(&fixture(
        "list-subscriptions-page2.json",
        &[("PROJECT", PROJECT), ("BUCKET_ARN", &arn)],
    ))
    .unwrap();
    none["items"] = json!([]);
    fake.get(
        &format!("/v2/domains/{DOMAIN}/subscriptions"),
        none.to_string(),
        None,
    );
    fake.grants(&[
        ("grant6", "sub6", "PENDING", "GRANT_PENDING"),
        ("grant7", "sub7", "COMPLETED", "GRANTED"),
    ]);
    fake.grant("grant6", "sub6", "GRANT_PENDING", None, 5);
    fake.subscription("sub6", "req12", &arn, project_principal());
    fake.project(PROJECT, ROLE_A, ROLE_B, ACCOUNT);
    fake.accept_status_updates();

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
    assert_eq!(plan["changes"].as_array().unwrap().len(), 1, "{plan}");
    assert!(
        fake.status_updates().is_empty(),
        "a dry run reports nothing"
    );
    assert_eq!(env.policy_text(&b), None);

    let rows = json_of(
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
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["grant_id"], "grant6");
    assert_eq!(rows[0]["request_id"], "req12");
    assert_eq!(rows[0]["result"], "done");
    assert_eq!(
        fake.status_updates(),
        ["grant6/asset1 GRANT_IN_PROGRESS", "grant6/asset1 GRANTED"]
    );
    assert!(by_sid(&env.policy(&b).unwrap(), "LakegateSubreq12tgts3aenv1Obj").is_some());
}

/// GetSubscriptionTarget of `target` in `env`: its one authorized principal is `principal`.
fn mount_target(fake: &Fake, env: &str, target: &str, principal: &str) {
    fake.get(
        &format!("/v2/domains/{DOMAIN}/environments/{env}/subscription-targets/{target}"),
        fixture(
            "get-subscription-target.json",
            &[
                ("ENV", env),
                ("TARGET", target),
                ("PRINCIPAL", principal),
                ("PROJECT", PROJECT),
            ],
        ),
        None,
    );
}

/// GetSubscriptionGrant of `id`, a grant of subscription `sub` for subscription target `target`
/// of environment `env` (GetSubscriptionGrant.subscriptionTargetId, environmentId).
fn mount_targeted_grant(fake: &Fake, id: &str, sub: &str, target: &str, env: &str, status: &str) {
    let mut v: Value = serde_json::from_str(&fixture(
        "get-subscription-grant.json",
        &[
            ("GRANT", id),
            ("SUBSCRIPTION", sub),
            ("STATUS", "IN_PROGRESS"),
            ("ASSET", "asset1"),
            ("ASSET_STATUS", status),
        ],
    ))
    .unwrap();
    v["subscriptionTargetId"] = json!(target);
    v["environmentId"] = json!(env);
    fake.mount(
        Mock::given(method("GET"))
            .and(path(format!(
                "/v2/domains/{DOMAIN}/subscription-grants/{id}"
            )))
            .respond_with(
                ResponseTemplate::new(200)
                    .insert_header("content-type", "application/json")
                    .set_body_string(v.to_string()),
            ),
    );
}

/// A grant-family event for `grant`, naming its subscription target (`detail.data.subscriptionTarget`).
fn targeted_event(detail_type: &str, grant: &str, target: &str, env: &str) -> String {
    let mut v: Value = serde_json::from_str(&grant_event(detail_type, grant)).unwrap();
    v["detail"]["data"]["subscriptionTarget"]["id"] = json!(target);
    v["detail"]["data"]["subscriptionTarget"]["environmentId"] = json!(env);
    v.to_string()
}

/// The principals of every subscription statement of a policy, by Sid.
fn subscription_grants(doc: &Value) -> Vec<(String, Vec<String>)> {
    statements(doc)
        .iter()
        .filter_map(|s| {
            let sid = s["Sid"].as_str()?;
            sid.starts_with("LakegateSub")
                .then(|| (sid.to_string(), principals(s)))
        })
        .collect()
}

/// Issue 23.1: a project with two S3 environments (a notebook's role in one, a batch job's in
/// the other) subscribes once; DataZone makes one subscription grant per environment's target.
/// Each grant gives exactly its own target's principals, under a key of its own: revoking the
/// first leaves the second's access in place.
#[test]
fn each_grant_is_for_its_own_subscription_target_and_is_revoked_alone() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("two-envs");
    env.put_policy(&b, &foreign(&b));
    let arn = format!("arn:aws:s3:::{b}/genomes/");
    fake.subscription("sub1", "req7", &arn, project_principal());
    mount_targeted_grant(
        &fake,
        "grantnb",
        "sub1",
        "tgtnotebook",
        "env1",
        "GRANT_PENDING",
    );
    mount_targeted_grant(
        &fake,
        "grantbatch",
        "sub1",
        "tgtbatch",
        "env2",
        "GRANT_PENDING",
    );
    mount_target(&fake, "env1", "tgtnotebook", ROLE_A);
    mount_target(&fake, "env2", "tgtbatch", ROLE_B);
    fake.accept_status_updates();
    // The project's environments and targets can be listed too (both roles in S3 targets), but
    // their union is not what a grant gives: it is not even looked at (asserted below).
    fake.project(PROJECT, ROLE_A, ROLE_B, ACCOUNT);

    let requested = "Subscription Grant Requested";
    let o = json_of(
        &handle(
            &env,
            &fake,
            targeted_event(requested, "grantnb", "tgtnotebook", "env1"),
        )
        .success(),
    );
    assert_eq!(o["principals"], json!([ROLE_A]), "{o}");
    assert_eq!(o["subscription_target"], "tgtnotebook", "{o}");
    assert_eq!(o["request_id"], "req7", "{o}");
    let o = json_of(
        &handle(
            &env,
            &fake,
            targeted_event(requested, "grantbatch", "tgtbatch", "env2"),
        )
        .success(),
    );
    assert_eq!(o["principals"], json!([ROLE_B]), "{o}");
    let doc = env.policy(&b).unwrap();
    let grants = subscription_grants(&doc);
    assert_eq!(
        grants,
        vec![
            (
                "LakegateSubreq7tgtnotebookObj".to_string(),
                vec![ROLE_A.to_string()]
            ),
            (
                "LakegateSubreq7tgtnotebookList".to_string(),
                vec![ROLE_A.to_string()]
            ),
            (
                "LakegateSubreq7tgtbatchObj".to_string(),
                vec![ROLE_B.to_string()]
            ),
            (
                "LakegateSubreq7tgtbatchList".to_string(),
                vec![ROLE_B.to_string()]
            ),
        ],
        "{doc}"
    );

    // Revoke the notebook environment's grant: the batch job keeps its access.
    mount_targeted_grant(&fake, "grantnb", "sub1", "tgtnotebook", "env1", "GRANTED");
    let o = json_of(
        &handle(
            &env,
            &fake,
            targeted_event(
                "Subscription Grant Revoke Requested",
                "grantnb",
                "tgtnotebook",
                "env1",
            ),
        )
        .success(),
    );
    assert_eq!(
        (o["action"].clone(), o["changed"].clone()),
        (json!("revoke"), json!(true)),
        "{o}"
    );
    let doc = env.policy(&b).unwrap();
    let left: Vec<String> = subscription_grants(&doc)
        .into_iter()
        .flat_map(|(_, p)| p)
        .collect();
    assert_eq!(left, vec![ROLE_B.to_string(), ROLE_B.to_string()], "{doc}");
    assert!(by_sid(&doc, "ProducerKeepsThis").is_some());
    // ListEnvironments and ListSubscriptionTargets were never called.
    let listed: Vec<String> = fake
        .requests()
        .into_iter()
        .filter(|r| {
            let p = r.split('?').next().unwrap_or_default();
            p.ends_with("/environments") || p.ends_with("/subscription-targets")
        })
        .collect();
    assert!(listed.is_empty(), "{listed:?}");
}

/// A grant of the same request written for every target at once (before grants were keyed by
/// their target) loses only the revoked grant's target's principals.
#[test]
fn revoking_one_grant_narrows_a_request_wide_grant_written_before() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let b = env.bucket("legacy-grant");
    env.put_policy(&b, &foreign(&b));
    let arn = format!("arn:aws:s3:::{b}/genomes/");
    // The older family: grant request req7 to every S3 target of the project (A and B).
    fake.request("req7", PROJECT, &arn, S3_TYPE);
    fake.project(PROJECT, ROLE_A, ROLE_B, ACCOUNT);
    grant_json(&env, &fake, "req7", &[]);
    fake.subscription("sub1", "req7", &arn, project_principal());
    mount_targeted_grant(&fake, "grantnb", "sub1", "tgtnotebook", "env1", "GRANTED");
    mount_target(&fake, "env1", "tgtnotebook", ROLE_A);
    fake.accept_status_updates();
    handle(
        &env,
        &fake,
        targeted_event(
            "Subscription Grant Revoke Requested",
            "grantnb",
            "tgtnotebook",
            "env1",
        ),
    )
    .success();
    let doc = env.policy(&b).unwrap();
    let obj = by_sid(&doc, "LakegateSubreq7Obj").unwrap();
    assert_eq!(principals(&obj), vec![ROLE_B.to_string()], "{doc}");
}
