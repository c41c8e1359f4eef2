//! `audit report --organization` and `access who-can` against an AWS Organization on moto.
//!
//! The fixture: a management account of this test's own (moto keeps one organization per
//! management account, so no other test sees it) with four member accounts made by
//! Organizations CreateAccount. Each member has a bucket (and some an access point) with
//! cross-account grants; three have the audit role `LakegateAudit`, the fourth does not (moto,
//! through `scripts/moto_server.py`, refuses to assume a role missing from a member account, as
//! AWS does). Setup requests act as an account through a temporary key STS AssumeRole gives
//! (moto takes the account from the access key and does not check signatures).

use crate::harness::{http, stderr, stdout, xml_escape, TestEnv};
use serde_json::{json, Value};

pub(crate) const ROLE: &str = "LakegateAudit";
pub(crate) const SETUP_ROLE: &str = "OrganizationAccountAccessRole";
/// A principal outside the organization.
const OUTSIDER: &str = "arn:aws:iam::999988887777:role/vendor";

pub(crate) fn auth(key: &str, service: &str) -> String {
    format!(
        "AWS4-HMAC-SHA256 Credential={key}/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0"
    )
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A form-encoded query API call (STS, IAM) as the account of `key`; the response body.
fn query(env: &TestEnv, key: &str, service: &str, params: &[(&str, &str)]) -> String {
    let body: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{k}={}", enc(v)))
        .collect();
    let a = auth(key, service);
    let (status, resp) = http(
        env.port(),
        "POST",
        "/",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Authorization", &a),
        ],
        body.join("&").as_bytes(),
    )
    .unwrap();
    let text = String::from_utf8_lossy(&resp).to_string();
    assert_eq!(status, 200, "{service} {params:?}: {text}");
    text
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> &'a str {
    let i = text
        .find(open)
        .unwrap_or_else(|| panic!("no {open} in {text}"))
        + open.len();
    let j = text[i..].find(close).unwrap() + i;
    &text[i..j]
}

/// The access key of a session of `role_arn` (its account is the role's).
fn assume(env: &TestEnv, as_key: &str, role_arn: &str) -> String {
    let out = query(
        env,
        as_key,
        "sts",
        &[
            ("Action", "AssumeRole"),
            ("Version", "2011-06-15"),
            ("RoleArn", role_arn),
            ("RoleSessionName", "setup"),
        ],
    );
    between(&out, "<AccessKeyId>", "</AccessKeyId>").to_string()
}

/// A call to a JSON-protocol API (`X-Amz-Target: PREFIX.OP`) as the account of `key`; the
/// answer must be 200.
pub(crate) fn json_api(
    env: &TestEnv,
    key: &str,
    (service, prefix, version): (&str, &str, &str),
    op: &str,
    body: Value,
) -> Value {
    let a = auth(key, service);
    let target = format!("{prefix}.{op}");
    let content_type = format!("application/x-amz-json-{version}");
    let (status, resp) = http(
        env.port(),
        "POST",
        "/",
        &[
            ("Content-Type", &content_type),
            ("X-Amz-Target", &target),
            ("Authorization", &a),
        ],
        body.to_string().as_bytes(),
    )
    .unwrap();
    let text = String::from_utf8_lossy(&resp).to_string();
    assert_eq!(status, 200, "{service} {op}: {text}");
    if text.trim().is_empty() {
        return Value::Null;
    }
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{service} {op}: {e}: {text}"))
}

/// An Organizations (JSON 1.1) call as the account of `key`.
fn organizations(env: &TestEnv, key: &str, op: &str, body: Value) -> Value {
    json_api(
        env,
        key,
        ("organizations", "AWSOrganizationsV20161128", "1.1"),
        op,
        body,
    )
}

pub(crate) fn s3(env: &TestEnv, key: &str, method: &str, path: &str, account: &str, body: &[u8]) {
    let a = auth(key, "s3");
    let (status, resp) = http(
        env.port(),
        method,
        path,
        &[("Authorization", &a), ("x-amz-account-id", account)],
        body,
    )
    .unwrap();
    assert!(
        status == 200 || status == 204,
        "{method} {path}: {status} {}",
        String::from_utf8_lossy(&resp)
    );
}

pub(crate) struct Member {
    pub(crate) id: String,
    pub(crate) key: String,
    pub(crate) bucket: String,
}

impl Member {
    fn role(&self, name: &str) -> String {
        format!("arn:aws:iam::{}:role/{name}", self.id)
    }
}

pub(crate) struct Org {
    pub(crate) management: String,
    pub(crate) mgmt_key: String,
    pub(crate) members: Vec<Member>,
    /// The access point of member 0, read on `team/` for its app role.
    access_point: String,
}

impl Org {
    /// The member without the audit role.
    pub(crate) fn missing(&self) -> &Member {
        &self.members[3]
    }

    /// A new bucket of the management account for reports; its name.
    pub(crate) fn reports_bucket(&self, env: &TestEnv) -> String {
        let reports = env.name("reports");
        s3(
            env,
            &self.mgmt_key,
            "PUT",
            &format!("/{reports}"),
            &self.management,
            &[],
        );
        reports
    }

    pub(crate) fn lg_args(&self) -> Vec<String> {
        vec![
            "--assume-role".into(),
            format!("arn:aws:iam::{}:role/{SETUP_ROLE}", self.management),
        ]
    }

    fn put_policy(&self, env: &TestEnv, m: &Member, doc: Value) {
        s3(
            env,
            &m.key,
            "PUT",
            &format!("/{}?policy", m.bucket),
            &m.id,
            doc.to_string().as_bytes(),
        );
    }

    fn create_ap(&self, env: &TestEnv, m: &Member, name: &str, policy: Value) {
        let body = format!(
            "<CreateAccessPointRequest xmlns=\"http://awss3control.amazonaws.com/doc/2018-08-20/\"><Bucket>{}</Bucket></CreateAccessPointRequest>",
            m.bucket
        );
        s3(
            env,
            &m.key,
            "PUT",
            &format!("/v20180820/accesspoint/{name}"),
            &m.id,
            body.as_bytes(),
        );
        let body = format!(
            "<PutAccessPointPolicyRequest xmlns=\"http://awss3control.amazonaws.com/doc/2018-08-20/\"><Policy>{}</Policy></PutAccessPointPolicyRequest>",
            xml_escape(&policy.to_string())
        );
        s3(
            env,
            &m.key,
            "PUT",
            &format!("/v20180820/accesspoint/{name}/policy"),
            &m.id,
            body.as_bytes(),
        );
    }
}

/// An organization of four member accounts (see the module documentation).
pub(crate) fn org(env: &TestEnv) -> Org {
    // A management account of this test's own: 12 digits from the test id.
    let n = env
        .name("mgmt")
        .bytes()
        .fold(7u64, |h, b| h.wrapping_mul(131).wrapping_add(u64::from(b)));
    let management = format!("{:012}", 100_000_000_000 + n % 800_000_000_000);
    let mgmt_key = assume(
        env,
        "test",
        &format!("arn:aws:iam::{management}:role/{SETUP_ROLE}"),
    );
    organizations(
        env,
        &mgmt_key,
        "CreateOrganization",
        json!({"FeatureSet": "ALL"}),
    );
    let mut members = Vec::new();
    for i in 0..4 {
        let out = organizations(
            env,
            &mgmt_key,
            "CreateAccount",
            json!({"AccountName": format!("member{i}"), "Email": format!("m{i}@{}.example", env.name("org"))}),
        );
        let id = out["CreateAccountStatus"]["AccountId"]
            .as_str()
            .unwrap()
            .to_string();
        let key = assume(
            env,
            &mgmt_key,
            &format!("arn:aws:iam::{id}:role/{SETUP_ROLE}"),
        );
        if i < 3 {
            query(
                env,
                &key,
                "iam",
                &[
                    ("Action", "CreateRole"),
                    ("Version", "2010-05-08"),
                    ("RoleName", ROLE),
                    (
                        "AssumeRolePolicyDocument",
                        &json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                            "Principal": {"AWS": format!("arn:aws:iam::{management}:root")},
                            "Action": "sts:AssumeRole"}]})
                        .to_string(),
                    ),
                ],
            );
        }
        let bucket = env.name(&format!("m{i}"));
        s3(env, &key, "PUT", &format!("/{bucket}"), &id, &[]);
        members.push(Member { id, key, bucket });
    }
    let o = Org {
        management,
        mgmt_key,
        members,
        access_point: env.name("team-ap"),
    };
    let (m0, m1) = (&o.members[0], &o.members[1]);
    // Member 0: member 1's reader role reads shared/ (same organization), an outsider reads
    // vendor/ (external), and the bucket delegates to its access points.
    o.put_policy(
        env,
        m0,
        json!({"Version": "2012-10-17", "Statement": [
            {"Sid": "Delegate", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "*",
             "Resource": [format!("arn:aws:s3:::{}", m0.bucket), format!("arn:aws:s3:::{}/*", m0.bucket)],
             "Condition": {"StringEquals": {"s3:DataAccessPointAccount": m0.id}}},
            {"Sid": "MemberRead", "Effect": "Allow", "Principal": {"AWS": m1.role("reader")},
             "Action": "s3:GetObject", "Resource": format!("arn:aws:s3:::{}/shared/*", m0.bucket)},
            {"Sid": "VendorRead", "Effect": "Allow", "Principal": {"AWS": OUTSIDER},
             "Action": "s3:GetObject", "Resource": format!("arn:aws:s3:::{}/vendor/*", m0.bucket)}
        ]}),
    );
    o.create_ap(
        env,
        m0,
        &o.access_point,
        json!({"Version": "2012-10-17", "Statement": [
            {"Sid": "TeamRW", "Effect": "Allow", "Principal": {"AWS": m0.role("app")},
             "Action": ["s3:GetObject", "s3:PutObject"],
             "Resource": format!("arn:aws:s3:us-east-1:{}:accesspoint/{}/object/team/*", m0.id, o.access_point)}
        ]}),
    );
    // Member 1: member 2's role writes in/.
    o.put_policy(
        env,
        m1,
        json!({"Version": "2012-10-17", "Statement": [
            {"Sid": "Inbox", "Effect": "Allow", "Principal": {"AWS": o.members[2].role("writer")},
             "Action": "s3:PutObject", "Resource": format!("arn:aws:s3:::{}/in/*", m1.bucket)}]}),
    );
    // Member 3 (no audit role): a public grant nobody will see.
    o.put_policy(
        env,
        &o.members[3],
        json!({"Version": "2012-10-17", "Statement": [
            {"Sid": "Public", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
             "Resource": format!("arn:aws:s3:::{}/*", o.members[3].bucket)}]}),
    );
    o
}

pub(crate) fn run(env: &TestEnv, o: &Org, args: &[&str]) -> assert_cmd::assert::Assert {
    let mut c = env.cmd();
    c.args(o.lg_args());
    c.args(args);
    crate::harness::no_panic(c.assert())
}

fn rows_of(a: &assert_cmd::assert::Assert) -> Vec<Value> {
    serde_json::from_str::<Value>(&stdout(a))
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(a)))
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn organization_report_covers_every_member_and_lists_the_one_it_cannot_enter() {
    let env = TestEnv::new();
    let o = org(&env);
    let (m0, m1, missing) = (&o.members[0], &o.members[1], o.missing());
    let a = run(
        &env,
        &o,
        &[
            "-o",
            "json",
            "audit",
            "report",
            "--organization",
            "--member-role",
            ROLE,
        ],
    )
    .code(1);
    let rows = rows_of(&a);
    let err = stderr(&a);
    // Rows of every account entered, each with its account and region.
    let of = |principal: &str| {
        rows.iter()
            .find(|r| r["principal"] == principal)
            .unwrap_or_else(|| panic!("no row of {principal}: {rows:#?}"))
    };
    let member = of(&m1.role("reader"));
    assert_eq!(member["bucket"], m0.bucket);
    assert_eq!(member["bucket_account"], m0.id.as_str());
    assert_eq!(member["region"], "us-east-1");
    assert_eq!(member["prefix"], "shared/");
    assert_eq!(
        (member["external"].clone(), member["same_org"].clone()),
        (json!(false), json!(true))
    );
    let vendor = of(OUTSIDER);
    assert_eq!(
        (vendor["external"].clone(), vendor["same_org"].clone()),
        (json!(true), json!(false))
    );
    let team = of(&m0.role("app"));
    assert_eq!(team["access_point"], o.access_point.as_str());
    assert_eq!(team["access"], "read+write");
    let writer = of(&o.members[2].role("writer"));
    assert_eq!(writer["bucket_account"], m1.id.as_str());
    assert_eq!(writer["same_org"], true);
    // Nothing of the account that could not be entered; it is named, with the cause.
    assert!(!rows.iter().any(|r| r["bucket"] == missing.bucket.as_str()));
    assert!(
        err.contains(&format!(
            "account {} (every region) not audited: cannot assume arn:aws:iam::{}:role/{ROLE}",
            missing.id, missing.id
        )),
        "{err}"
    );
    assert!(err.contains("not audited (1 account):"), "{err}");
    assert!(
        err.contains("1 of 5 accounts could not be audited"),
        "{err}"
    );

    // --account narrows the run to those accounts: all entered, exit 0.
    let a = run(
        &env,
        &o,
        &[
            "-o",
            "json",
            "audit",
            "report",
            "--organization",
            "--member-role",
            ROLE,
            "--account",
            &m1.id,
            "--account",
            &o.members[2].id,
        ],
    )
    .success();
    let accounts: std::collections::BTreeSet<String> = rows_of(&a)
        .iter()
        .map(|r| r["bucket_account"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        accounts.into_iter().collect::<Vec<_>>(),
        std::slice::from_ref(&m1.id)
    );
    assert!(
        stderr(&a).contains("audited 2 of 2 accounts"),
        "{}",
        stderr(&a)
    );

    // An account that is not in the organization is bad input.
    let a = run(
        &env,
        &o,
        &[
            "audit",
            "report",
            "--organization",
            "--member-role",
            ROLE,
            "--account",
            "111111111111",
        ],
    )
    .code(2);
    assert!(stderr(&a).contains("--account: 111111111111 is not an account of organization"));
}

pub(crate) fn keys(env: &TestEnv, key: &str, bucket: &str) -> Vec<String> {
    let a = auth(key, "s3");
    let (status, body) = http(
        env.port(),
        "GET",
        &format!("/{bucket}?list-type=2"),
        &[("Authorization", &a)],
        &[],
    )
    .unwrap();
    assert_eq!(status, 200);
    let text = String::from_utf8_lossy(&body).to_string();
    let mut out: Vec<String> = text
        .split("<Key>")
        .skip(1)
        .map(|s| s.split("</Key>").next().unwrap().to_string())
        .collect();
    out.sort();
    out
}

#[test]
fn organization_upload_is_partitioned_by_account_and_refused_when_partial() {
    let env = TestEnv::new();
    let o = org(&env);
    let reports = o.reports_bucket(&env);
    let upload = format!("s3://{reports}/lake");
    let table = format!("{}_org.access", env.id);
    let day = lakegate::audit::today_utc();
    let base = [
        "-o",
        "csv",
        "audit",
        "report",
        "--organization",
        "--member-role",
        ROLE,
        "--upload",
        &upload,
    ];

    // An account could not be entered: nothing is uploaded.
    let a = run(&env, &o, &base).code(1);
    assert!(
        stderr(&a).contains("nothing was uploaded (--allow-partial"),
        "{}",
        stderr(&a)
    );
    assert!(keys(&env, &o.mgmt_key, &reports).is_empty());

    // --allow-partial: every account entered has its partition; the manifest says what is
    // missing; the run still exits 1.
    let mut args = base.to_vec();
    args.extend(["--allow-partial", "--create-table", &table]);
    let a = run(&env, &o, &args).code(1);
    let err = stderr(&a);
    assert!(err.contains("PARTIAL: covers 4 accounts"), "{err}");
    assert!(err.contains(&o.missing().id), "{err}");
    let got = keys(&env, &o.mgmt_key, &reports);
    let mut want: Vec<String> = o.members[..3]
        .iter()
        .map(|m| m.id.clone())
        .chain(std::iter::once(o.management.clone()))
        .map(|id| format!("lake/report/account={id}/dt={day}/RUN.csv"))
        .collect();
    want.push(format!("lake/manifest/dt={day}/manifest.json"));
    want.sort();
    // Each report is named after the run (one run: one id for all of them).
    let run_ids: std::collections::BTreeSet<&str> = got
        .iter()
        .filter_map(|k| lakegate::audit::partition::run_of(k.rsplit('/').next().unwrap()))
        .collect();
    assert_eq!(run_ids.len(), 1, "{got:#?}");
    let run_id = run_ids.into_iter().next().unwrap().to_string();
    let reports_only: Vec<String> = got
        .iter()
        .filter(|k| !k.contains("athena-results"))
        .map(|k| k.replace(&run_id, "RUN"))
        .collect();
    assert_eq!(reports_only, want);
    // Each partition holds that account's rows only.
    let a = auth(&o.mgmt_key, "s3");
    let key = format!(
        "/{reports}/lake/report/account={}/dt={day}/{run_id}.csv",
        o.members[0].id
    );
    let (_, body) = http(env.port(), "GET", &key, &[("Authorization", &a)], &[]).unwrap();
    let csv = String::from_utf8(body).unwrap();
    assert!(
        csv.starts_with("principal,principal_account,external,"),
        "{csv}"
    );
    assert!(
        csv.lines()
            .skip(1)
            .all(|l| l.contains(&format!(",{},", o.members[0].id))),
        "{csv}"
    );
    assert!(csv.contains(OUTSIDER));
    let mkey = format!("/{reports}/lake/manifest/dt={day}/manifest.json");
    let (_, body) = http(env.port(), "GET", &mkey, &[("Authorization", &a)], &[]).unwrap();
    let manifest: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(manifest["partial"], true);
    assert_eq!(manifest["failed"][0]["account"], o.missing().id.as_str());
    assert_eq!(manifest["accounts"].as_array().unwrap().len(), 4);
    // The table: partitioned by account and dt, both projected, the accounts enumerated.
    let meta = athena_table(&env, &o.mgmt_key, &table);
    let keys_of = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| c["Name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(keys_of(&meta["PartitionKeys"]), ["account", "dt"]);
    let p = &meta["Parameters"];
    assert_eq!(p["projection.enabled"], "true");
    assert_eq!(p["projection.account.type"], "enum");
    for m in &o.members[..3] {
        assert!(
            p["projection.account.values"]
                .as_str()
                .unwrap()
                .contains(&m.id),
            "{p:#}"
        );
    }
    assert_eq!(p["projection.dt.type"], "date");
    assert_eq!(
        p["storage.location.template"],
        format!("s3://{reports}/lake/report/account=${{account}}/dt=${{dt}}/")
    );
}

/// Athena GetTableMetadata (JSON 1.1) as the account of `key`.
fn athena_table(env: &TestEnv, key: &str, name: &str) -> Value {
    let (db, table) = name.split_once('.').unwrap();
    let a = auth(key, "athena");
    let (status, resp) = http(
        env.port(),
        "POST",
        "/",
        &[
            ("Content-Type", "application/x-amz-json-1.1"),
            ("X-Amz-Target", "AmazonAthena.GetTableMetadata"),
            ("Authorization", &a),
        ],
        json!({"CatalogName": "AwsDataCatalog", "DatabaseName": db, "TableName": table})
            .to_string()
            .as_bytes(),
    )
    .unwrap();
    let text = String::from_utf8_lossy(&resp).to_string();
    assert_eq!(status, 200, "{text}");
    serde_json::from_str::<Value>(&text).unwrap()["TableMetadata"].clone()
}

#[test]
fn who_can_names_principals_accounts_and_routes_for_a_prefix() {
    let env = TestEnv::new();
    let o = org(&env);
    let m0 = &o.members[0];
    let who = |url: &str, extra: &[&str]| -> Vec<Value> {
        let mut c = env.cmd();
        c.args([
            "--assume-role",
            &m0.role(SETUP_ROLE),
            "-o",
            "json",
            "access",
            "who-can",
            url,
        ]);
        c.args(extra);
        let a = crate::harness::no_panic(c.assert()).success();
        rows_of(&a)
    };
    // shared/: member 1's reader, directly on the bucket.
    let r = who(&format!("s3://{}/shared/", m0.bucket), &[]);
    let reader = m0_row(&r, &o.members[1].role("reader"));
    assert_eq!(reader["principal_account"], o.members[1].id.as_str());
    assert_eq!(reader["access_point"], Value::Null);
    assert_eq!(reader["source"], "bucket-policy");
    assert!(!r.iter().any(|x| x["principal"] == OUTSIDER), "{r:#?}");
    // team/: the app role writes only through the access point.
    let w = who(&format!("s3://{}/team/", m0.bucket), &["--action", "write"]);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0]["principal"], m0.role("app"));
    assert_eq!(w[0]["access_point"], o.access_point.as_str());
    // vendor/: the outsider, external.
    let v = who(&format!("s3://{}/vendor/", m0.bucket), &[]);
    assert_eq!(m0_row(&v, OUTSIDER)["external"], true);
    // Nobody lists the bucket; a bad URL is bad input.
    assert!(who(
        &format!("s3://{}/vendor/", m0.bucket),
        &["--action", "list"]
    )
    .is_empty());
    env.lg(["access", "who-can", "store-events/x"]).code(2);
}

fn m0_row<'a>(rows: &'a [Value], principal: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["principal"] == principal)
        .unwrap_or_else(|| panic!("no row of {principal}: {rows:#?}"))
}

/// An internal access analyzer of the organization (IAM Access Analyzer, on a `wiremock` fake
/// serving `tests/fixtures/accessanalyzer/internal-*.json`): an INTRA_ORG finding on member 0's
/// bucket (member 1's reader) and an INTRA_ACCOUNT one on the bucket of the member the run cannot
/// enter.
#[test]
fn internal_access_findings_match_rows_and_reach_the_account_not_entered() {
    use wiremock::matchers::{body_partial_json, method, path, query_param};
    use wiremock::{Mock, ResponseTemplate};
    let env = TestEnv::new();
    let o = org(&env);
    let (m0, m1, missing) = (&o.members[0], &o.members[1], o.missing());
    let analyzer = format!(
        "arn:aws:access-analyzer:us-east-1:{}:analyzer/org-internal",
        o.management
    );
    let (reader, loader) = (m1.role("reader"), missing.role("loader"));
    let vars = [
        ("M0_BUCKET", m0.bucket.as_str()),
        ("M0", m0.id.as_str()),
        ("M1", m1.id.as_str()),
        ("M3_BUCKET", missing.bucket.as_str()),
        ("M3", missing.id.as_str()),
        ("READER", reader.as_str()),
        ("LOADER", loader.as_str()),
    ];
    let reply = |name: &str| {
        ResponseTemplate::new(200)
            .insert_header("content-type", "application/json")
            .set_body_string(crate::audit::fixture(name, &vars))
    };
    let fake = crate::harness::HttpFake::new();
    fake.mount(
        Mock::given(method("POST"))
            .and(path("/findingv2"))
            .and(body_partial_json(json!({
                "analyzerArn": analyzer,
                "filter": {"resourceType": {"eq": ["AWS::S3::Bucket", "AWS::S3Express::DirectoryBucket"]}}
            })))
            .respond_with(reply("internal-list-findings-v2.json")),
    );
    for (id, file) in [
        ("a001", "internal-get-finding-v2-org.json"),
        ("a002", "internal-get-finding-v2-account.json"),
    ] {
        fake.mount(
            Mock::given(method("GET"))
                .and(path(format!(
                    "/findingv2/9b2d3c4e-0000-4f00-9000-00000000{id}"
                )))
                .and(query_param("analyzerArn", analyzer.as_str()))
                .respond_with(reply(file)),
        );
    }
    let mut c = env.cmd();
    c.env("AWS_ENDPOINT_URL_ACCESSANALYZER", fake.uri());
    c.args(o.lg_args());
    c.args([
        "-o",
        "json",
        "audit",
        "report",
        "--organization",
        "--member-role",
        ROLE,
        "--analyzer-arn",
        &analyzer,
    ]);
    let a = crate::harness::no_panic(c.assert()).code(1);
    let rows = rows_of(&a);
    // The INTRA_ORG finding is matched to the row the bucket policy gives member 1's reader.
    let r = m0_row(&rows, &reader);
    assert_eq!(r["bucket"], m0.bucket.as_str());
    assert_eq!(r["source"], "bucket-policy");
    assert_eq!(r["finding_id"], "9b2d3c4e-0000-4f00-9000-00000000a001");
    assert_eq!(r["finding_status"], "ACTIVE");
    assert_eq!(r["same_org"], true);
    // The INTRA_ACCOUNT finding on the bucket of the account not entered still has its row.
    let l = m0_row(&rows, &loader);
    assert_eq!(l["bucket"], missing.bucket.as_str());
    assert_eq!(l["bucket_account"], missing.id.as_str());
    assert_eq!(l["source"], "finding:POLICY");
    assert_eq!(l["access"], "read+write");
    assert_eq!(l["finding_id"], "9b2d3c4e-0000-4f00-9000-00000000a002");
    assert_eq!(
        (l["external"].clone(), l["same_org"].clone()),
        (json!(false), json!(true))
    );
    assert!(stderr(&a).contains(", 2 findings"), "{}", stderr(&a));
}

/// `--all-regions` audits each region EC2 DescribeRegions says is enabled (moto, as AWS, marks
/// the opt-in regions an account has not enabled `not-opted-in`); a region named with
/// `--regions` that is not enabled for an account is a failure of that account and region.
#[test]
fn all_regions_covers_each_enabled_region_and_a_disabled_region_fails_its_account() {
    let env = TestEnv::new();
    let o = org(&env);
    let (m0, m2) = (&o.members[0], &o.members[2]);
    // A second bucket of member 2, in eu-west-1, read by member 0's app role.
    let eu = env.name("m2eu");
    s3(
        &env,
        &m2.key,
        "PUT",
        &format!("/{eu}"),
        &m2.id,
        b"<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>",
    );
    let policy = json!({"Version": "2012-10-17", "Statement": [
        {"Sid": "AppRead", "Effect": "Allow", "Principal": {"AWS": m0.role("app")},
         "Action": "s3:GetObject", "Resource": format!("arn:aws:s3:::{eu}/data/*")}]});
    s3(
        &env,
        &m2.key,
        "PUT",
        &format!("/{eu}?policy"),
        &m2.id,
        policy.to_string().as_bytes(),
    );
    let a = run(
        &env,
        &o,
        &[
            "-o",
            "json",
            "audit",
            "report",
            "--organization",
            "--member-role",
            ROLE,
            "--account",
            &m0.id,
            "--account",
            &m2.id,
            "--all-regions",
        ],
    )
    .success();
    let rows = rows_of(&a);
    let regions_of = |bucket: &str| -> std::collections::BTreeSet<String> {
        rows.iter()
            .filter(|r| r["bucket"] == bucket)
            .map(|r| r["region"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        regions_of(&m0.bucket).into_iter().collect::<Vec<_>>(),
        ["us-east-1"]
    );
    assert_eq!(
        regions_of(&eu).into_iter().collect::<Vec<_>>(),
        ["eu-west-1"]
    );
    let app = rows
        .iter()
        .find(|r| r["bucket"] == eu.as_str())
        .unwrap_or_else(|| panic!("no row of {eu}: {rows:#?}"));
    assert_eq!(app["principal"], m0.role("app"));
    assert_eq!(app["bucket_account"], m2.id.as_str());
    assert_eq!(app["prefix"], "data/");
    assert!(
        stderr(&a).contains("audited 2 of 2 accounts"),
        "{}",
        stderr(&a)
    );

    // me-south-1 is an opt-in region no member enabled: listed with its cause, exit 1, the
    // enabled region's rows written, nothing uploaded.
    let reports = o.reports_bucket(&env);
    let a = run(
        &env,
        &o,
        &[
            "-o",
            "csv",
            "audit",
            "report",
            "--organization",
            "--member-role",
            ROLE,
            "--account",
            &m0.id,
            "--regions",
            "us-east-1,me-south-1",
            "--upload",
            &format!("s3://{reports}/lake"),
        ],
    )
    .code(1);
    let err = stderr(&a);
    assert!(
        err.contains(&format!(
            "  {}  me-south-1  region me-south-1 is not enabled for account {}",
            m0.id, m0.id
        )),
        "{err}"
    );
    assert!(err.contains("not audited (1 account):"), "{err}");
    assert!(
        err.contains("nothing was uploaded (--allow-partial"),
        "{err}"
    );
    assert!(stdout(&a).contains(&m0.bucket), "{}", stdout(&a));
    assert!(keys(&env, &o.mgmt_key, &reports).is_empty());
}

/// `access who-can --account-id ID --member-role ROLE`: a bucket of another member account, read
/// through its role from the management account; principals of member accounts are internal.
#[test]
fn who_can_reads_a_member_accounts_bucket_through_its_role() {
    let env = TestEnv::new();
    let o = org(&env);
    let (m0, m1) = (&o.members[0], &o.members[1]);
    let who = |account: &str, url: &str, extra: &[&str]| {
        let mut c = env.cmd();
        c.args(o.lg_args());
        c.args([
            "-o",
            "json",
            "access",
            "who-can",
            url,
            "--account-id",
            account,
        ]);
        c.args(extra);
        crate::harness::no_panic(c.assert())
    };
    let a = who(
        &m0.id,
        &format!("s3://{}/shared/", m0.bucket),
        &["--member-role", ROLE],
    )
    .success();
    let r = rows_of(&a);
    let reader = m0_row(&r, &m1.role("reader"));
    assert_eq!(reader["principal_account"], m1.id.as_str());
    assert_eq!(reader["external"], false);
    assert_eq!(reader["source"], "bucket-policy");
    let a = who(
        &m0.id,
        &format!("s3://{}/vendor/", m0.bucket),
        &["--member-role", ROLE],
    )
    .success();
    assert_eq!(m0_row(&rows_of(&a), OUTSIDER)["external"], true);

    // The member whose role is missing: one line naming the role, exit 1.
    let missing = o.missing();
    let a = who(
        &missing.id,
        &format!("s3://{}/", missing.bucket),
        &["--member-role", ROLE],
    )
    .code(1);
    assert!(
        stderr(&a).contains(&format!(
            "cannot assume arn:aws:iam::{}:role/{ROLE}",
            missing.id
        )),
        "{}",
        stderr(&a)
    );
    // An account outside the organization, or no --account-id, is bad input.
    let a = who(
        "111111111111",
        &format!("s3://{}/", m0.bucket),
        &["--member-role", ROLE],
    )
    .code(2);
    assert!(
        stderr(&a).contains("--account-id: 111111111111 is not an account of organization"),
        "{}",
        stderr(&a)
    );
    let mut c = env.cmd();
    c.args(o.lg_args());
    c.args([
        "access",
        "who-can",
        &format!("s3://{}/", m0.bucket),
        "--member-role",
        ROLE,
    ]);
    let a = crate::harness::no_panic(c.assert()).code(2);
    assert!(
        stderr(&a).contains("--member-role: name the member account"),
        "{}",
        stderr(&a)
    );
}

/// The listings run only a bounded number of scopes (account × region) ahead of the bucket
/// reads, twice the request pool, so a run holds a few scopes' listings rather than the whole
/// organization's. With `--concurrency 1` two scopes may be listed and not yet written: when the
/// k-th ListBuckets is asked, at least k − 2 scopes (one bucket each here) have had their bucket
/// policy read.
#[test]
fn listings_run_at_most_twice_the_pool_ahead_of_the_bucket_reads() {
    let env = TestEnv::new();
    let o = org(&env);
    let regions = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1"];
    for m in &o.members[..3] {
        for r in &regions[1..] {
            let body = format!(
                "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>{r}</LocationConstraint></CreateBucketConfiguration>"
            );
            let bucket = env.name(&format!("{}-{r}", &m.id[8..]));
            s3(
                &env,
                &m.key,
                "PUT",
                &format!("/{bucket}"),
                &m.id,
                body.as_bytes(),
            );
        }
    }
    let mut c = env.cmd();
    c.env("LAKEGATE_LOG", "aws_request=debug")
        .args(o.lg_args())
        .args(["-o", "csv", "audit", "report", "--organization"])
        .args(["--member-role", ROLE, "--concurrency", "1"])
        .args(["--regions", &regions.join(",")]);
    for m in &o.members[..3] {
        c.args(["--account", &m.id]);
    }
    let a = crate::harness::no_panic(c.assert()).success();
    let err = stderr(&a);
    let (mut listings, mut policies_read) = (0usize, 0usize);
    for line in err.lines() {
        if line.contains("-> S3.ListBuckets ") {
            listings += 1;
            assert!(
                policies_read + 2 >= listings,
                "ListBuckets #{listings} asked after only {policies_read} bucket policies were read:\n{err}"
            );
        } else if line.contains("<- S3.GetBucketPolicy ") {
            policies_read += 1;
        }
    }
    assert_eq!((listings, policies_read), (12, 12), "{err}");
    assert!(
        stderr(&a).contains("audited 3 of 3 accounts, 12 buckets"),
        "{err}"
    );
}
