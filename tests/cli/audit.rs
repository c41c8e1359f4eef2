//! `lakegate audit report|query` end to end: buckets, bucket policies and access points on moto;
//! IAM Access Analyzer (which moto does not emulate) on an HTTP fake (`wiremock`) serving the
//! fixtures of `tests/fixtures/accessanalyzer/`, shaped as the API reference shows them, reached
//! through `AWS_ENDPOINT_URL_ACCESSANALYZER`. The rows are checked against the evaluator
//! (lakegate's library) run on the policies read back from moto.

use crate::harness::{
    assert_usage_error, http, stderr, stdout, HttpFake, TestEnv, ACCOUNT, REGION,
};
use lakegate::policy::eval::audit::COLUMNS;
use lakegate::policy::eval::matrix::{probe_key, LIST_ACTION, READ_ACTION, WRITE_ACTION};
use lakegate::policy::eval::{
    AccessPointPolicy, AccessPointTarget, Audit, CompiledPolicy, PolicySet, Principal, Request,
};
use serde_json::{json, Value};
use wiremock::matchers::{body_partial_json, method, path, query_param};
use wiremock::{Mock, ResponseTemplate};

const VENDOR: &str = "arn:aws:iam::444455556666:role/vendor";
const PARTNER: &str = "arn:aws:iam::777788889999:role/partner";
const APP: &str = "arn:aws:iam::123456789012:role/app";
const ANALYZER: &str = "arn:aws:access-analyzer:us-east-1:123456789012:analyzer/lake-analyzer";

/// The data lake of these tests, on moto:
/// - `lake`: a bucket policy (a cross-account vendor reads vendor/ from a VPC endpoint; everyone
///   reads public/ but not public/secret/), delegated to access points; `app` (same account)
///   has team/ through one access point, `partner` (another account) shared/ through another;
/// - `plain`: no policy at all;
/// - `undelegated`: no bucket policy, so its access point's grant counts for nothing.
struct Lake {
    lake: String,
    plain: String,
    undelegated: String,
    app_ap: String,
    partner_ap: String,
    stray_ap: String,
}

fn lake(env: &TestEnv) -> Lake {
    let lake = env.bucket("lake");
    let plain = env.bucket("plain");
    let undelegated = env.bucket("undeleg");
    env.put_policy(
        &lake,
        &json!({"Version": "2012-10-17", "Statement": [
            {"Sid": "VendorRead", "Effect": "Allow", "Principal": {"AWS": VENDOR},
             "Action": "s3:GetObject", "Resource": format!("arn:aws:s3:::{lake}/vendor/*"),
             "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b"}}},
            {"Sid": "PublicRead", "Effect": "Allow", "Principal": "*",
             "Action": "s3:GetObject", "Resource": format!("arn:aws:s3:::{lake}/public/*")},
            {"Sid": "NoSecrets", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
             "Resource": format!("arn:aws:s3:::{lake}/public/secret/*")}
        ]}),
    );
    env.lg(["bucket", "delegate", &lake]).success();
    let app_ap = env.create_ap("app", &lake, "team/", APP, "read-write");
    let partner_ap = env.create_ap("partner", &lake, "shared/", PARTNER, "read-write");
    let stray_ap = env.create_ap("stray", &undelegated, "x/", APP, "read");
    Lake {
        lake,
        plain,
        undelegated,
        app_ap,
        partner_ap,
        stray_ap,
    }
}

fn ap_arn(name: &str) -> String {
    format!("arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/{name}")
}

/// The policies of a bucket and its access points, read back from moto and compiled.
fn policy_set(env: &TestEnv, bucket: &str, aps: &[&str]) -> PolicySet {
    PolicySet {
        identity: Vec::new(),
        bucket: env
            .policy(bucket)
            .map(|v| CompiledPolicy::parse(&v.to_string(), "bucket").unwrap()),
        bucket_account: ACCOUNT.to_string(),
        access_points: aps
            .iter()
            .map(|n| AccessPointPolicy {
                target: AccessPointTarget::from_arn(&ap_arn(n)).unwrap(),
                policy: env.ap_policy(n).map(|v| {
                    CompiledPolicy::parse(&v.to_string(), format!("access-point:{n}")).unwrap()
                }),
            })
            .collect(),
    }
}

/// A row's access point, `""` for the bucket itself: JSON writes that as `null` (as
/// `accesspoint list` does), never as `""`.
fn ap_of(row: &Value) -> &str {
    match &row["access_point"] {
        Value::Null => "",
        Value::String(s) if !s.is_empty() => s,
        other => panic!("access_point is {other:?}: expected null or a name in {row}"),
    }
}

/// The evaluator's answer for one row's read, write and list: on a key of its `keys` (the
/// first pattern, `*` standing for `lakegate-probe`), else on the probe key of its prefix, with
/// `context` added to every request.
fn evaluate(
    set: &PolicySet,
    bucket: &str,
    row: &Value,
    context: &[(&str, &str)],
) -> (bool, bool, bool) {
    let principal = Principal::new(row["principal"].as_str().unwrap());
    let prefix = row["prefix"].as_str().unwrap();
    let ap = ap_of(row);
    let req = |action: &str, key: Option<&str>| {
        let mut r = Request::new(principal.clone(), action, bucket, key).audited(Audit::Optimistic);
        for (k, v) in context {
            r = r.context(k, v);
        }
        if !ap.is_empty() {
            r = r.through(AccessPointTarget::from_arn(&ap_arn(ap)).unwrap());
        }
        r
    };
    let key = match row["keys"].as_str().and_then(|k| k.split(' ').next()) {
        Some(k) if !k.is_empty() => k.replace('*', "lakegate-probe"),
        _ => probe_key(prefix),
    };
    (
        set.evaluate(&req(READ_ACTION, Some(&key)), false).allowed(),
        set.evaluate(&req(WRITE_ACTION, Some(&key)), false)
            .allowed(),
        set.evaluate(&req(LIST_ACTION, None).context("s3:prefix", prefix), false)
            .allowed(),
    )
}

fn find<'a>(rows: &'a [Value], principal: &str, ap: &str, prefix: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["principal"] == principal && ap_of(r) == ap && r["prefix"] == prefix)
        .unwrap_or_else(|| panic!("no row {principal} {ap:?} {prefix:?} in {rows:#?}"))
}

#[test]
fn report_rows_are_the_evaluators_answers() {
    let env = TestEnv::new();
    let l = lake(&env);
    let v = env.json([
        "-o",
        "json",
        "audit",
        "report",
        "--bucket",
        &l.lake,
        "--bucket",
        &l.plain,
        "--bucket",
        &l.undelegated,
    ]);
    let rows = v.as_array().unwrap().clone();

    // The report is exact by default: every key decided, the key patterns reached in `keys`,
    // the parts a Deny cuts out in `except`.
    // The cross-account vendor: read of vendor/ only, narrowed to the VPC endpoint.
    let vendor = find(&rows, VENDOR, "", "vendor/");
    assert_eq!(vendor["access_point"], Value::Null, "{vendor}");
    assert_eq!(vendor["access"], "read");
    assert_eq!(vendor["external"], true);
    assert_eq!(vendor["principal_account"], "444455556666");
    assert_eq!(vendor["source"], "bucket-policy");
    assert_eq!(vendor["sid"], "VendorRead");
    assert_eq!(
        vendor["conditions"],
        "aws:SourceVpce=vpce-1a2b (bucket VendorRead)"
    );
    assert_eq!(
        (vendor["keys"].as_str(), vendor["except"].as_str()),
        (Some("vendor/*"), Some(""))
    );
    assert_eq!(
        vendor["partial"], false,
        "every key under vendor/: {vendor}"
    );
    // Everyone reads public/ except what the Deny carves out (public/secret/), so public/ is
    // reached only in part; the carved-out prefix is no row of its own.
    let public = find(&rows, "*", "", "public/");
    assert_eq!(
        (public["access"].as_str(), public["external"].as_bool()),
        (Some("read"), Some(true))
    );
    assert_eq!(
        (public["keys"].as_str(), public["except"].as_str()),
        (Some("public/*"), Some("public/secret/*"))
    );
    assert_eq!(public["partial"], true);
    assert!(!rows.iter().any(|r| r["prefix"] == "public/secret/"));
    // Through the access points: the app (internal) and the partner (external).
    let app = find(&rows, APP, &l.app_ap, "team/");
    assert_eq!(app["access"], "read+write+list");
    assert_eq!(app["external"], false);
    assert_eq!(app["source"], format!("access-point:{}", l.app_ap));
    assert_eq!(
        (app["keys"].as_str(), app["partial"].as_bool()),
        (Some("team/*"), Some(false))
    );
    let partner = find(&rows, PARTNER, &l.partner_ap, "shared/");
    assert_eq!(partner["access"], "read+write+list");
    assert_eq!(partner["external"], true);
    // The delegation statement alone grants nothing directly, nor does a bucket without a
    // policy. An access point on a bucket that does not delegate grants nothing today: its
    // grant is a `latent` row, what one `bucket delegate` would switch on.
    assert!(!rows
        .iter()
        .any(|r| r["principal"] == APP && ap_of(r).is_empty()));
    assert!(!rows.iter().any(|r| r["bucket"] == l.plain.as_str()));
    let stray = find(&rows, APP, &l.stray_ap, "x/");
    assert_eq!(stray["bucket"], l.undelegated.as_str());
    assert!(
        stray["latent"]
            .as_str()
            .unwrap()
            .contains("does not delegate"),
        "{stray}"
    );
    assert_eq!(rows.len(), 5, "{rows:#?}");
    assert_eq!(
        rows.iter().filter(|r| r["latent"] != "").count(),
        1,
        "{rows:#?}"
    );

    // Every row is what the evaluator says of it, on the policies as moto holds them: a key of
    // its `keys` is allowed as the row says, a key of its `except` is not.
    let set = policy_set(&env, &l.lake, &[&l.app_ap, &l.partner_ap]);
    for r in rows.iter().filter(|r| r["bucket"] == l.lake.as_str()) {
        let got = (
            r["read"].as_bool().unwrap(),
            r["write"].as_bool().unwrap(),
            r["list"].as_bool().unwrap(),
        );
        let context = [("aws:SourceVpce", "vpce-1a2b")];
        assert_eq!(evaluate(&set, &l.lake, r, &context), got, "{r}");
        let except = r["except"].as_str().unwrap();
        if !except.is_empty() {
            let key = except.replace('*', "lakegate-probe");
            let mut cut = r.clone();
            cut["prefix"] = json!(key.rsplit_once('/').map(|(d, _)| format!("{d}/")).unwrap());
            cut["keys"] = json!(except);
            assert_eq!(
                evaluate(&set, &l.lake, &cut, &context),
                (false, false, false),
                "{key} is cut out of {r}"
            );
        }
    }
    // … and the latent grant on the undelegated bucket is denied by the evaluator today.
    let stray_set = policy_set(&env, &l.undelegated, &[&l.stray_ap]);
    assert_eq!(
        evaluate(&stray_set, &l.undelegated, stray, &[]),
        (false, false, false)
    );

    // The sampled report of before (one probe key per prefix the policies name) is still
    // there: the Deny's prefix is a row of its own, and the new columns are empty.
    let v = env.json([
        "-o",
        "json",
        "audit",
        "report",
        "--sampled",
        "--bucket",
        &l.lake,
    ]);
    let sampled = v.as_array().unwrap();
    let secret = find(sampled, "*", "", "public/secret/");
    assert_eq!(
        (secret["access"].as_str(), secret["sid"].as_str()),
        (Some("none"), Some("NoSecrets"))
    );
    assert!(sampled.iter().all(|r| r["keys"] == "" && r["except"] == ""));
    assert_eq!(
        find(sampled, VENDOR, "", "vendor/")["conditions"],
        "aws:SourceVpce=vpce-1a2b"
    );
    // `--exact` is accepted (the default), and conflicts with --sampled.
    let exact = env.json([
        "-o", "json", "audit", "report", "--exact", "--bucket", &l.lake,
    ]);
    assert_eq!(exact.as_array().unwrap().len(), 4);
    env.lg([
        "audit",
        "report",
        "--exact",
        "--sampled",
        "--bucket",
        &l.lake,
    ])
    .code(2);

    // A trusted account is not external.
    let v = env.json([
        "-o",
        "json",
        "audit",
        "report",
        "--bucket",
        &l.lake,
        "--trusted-account",
        "444455556666",
    ]);
    let rows = v.as_array().unwrap();
    assert_eq!(find(rows, VENDOR, "", "vendor/")["external"], false);
    assert_eq!(
        find(rows, PARTNER, &l.partner_ap, "shared/")["external"],
        true
    );
}

#[test]
fn report_as_csv_and_table() {
    let env = TestEnv::new();
    let l = lake(&env);
    let a = env
        .lg(["-o", "csv", "audit", "report", "--bucket", &l.lake])
        .success();
    let csv = stdout(&a);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "principal,principal_account,external,bucket,bucket_account,access_point,prefix,read,write,list,access,source,sid,conditions,finding_id,finding_status,region,same_org,keys,except,partial,latent,also_sources"
    );
    assert_eq!(lines.count(), 4);
    assert!(
        csv.contains(&format!(
            "{VENDOR},444455556666,true,{},{ACCOUNT},,vendor/,true,false,false,read,bucket-policy,VendorRead,aws:SourceVpce=vpce-1a2b (bucket VendorRead),,,{REGION},false,vendor/*,,false,,\n",
            l.lake
        )),
        "{csv}"
    );
    assert!(
        csv.contains(&format!(
            "*,,true,{},{ACCOUNT},,public/,true,false,false,read,bucket-policy,PublicRead,,,,{REGION},false,public/*,public/secret/*,true,,\n",
            l.lake
        )),
        "{csv}"
    );
    assert!(
        stderr(&a).contains("audited 1 bucket and 2 access points: 4 rows, 3 external"),
        "{}",
        stderr(&a)
    );

    let a = env.lg(["audit", "report", "--bucket", &l.lake]).success();
    let table = stdout(&a);
    env.insta()
        .bind(|| insta::assert_snapshot!("audit_report_table", table));
}

/// At 80 columns the eight-column report fits (gaps narrowed to two spaces), with whole headers.
#[test]
fn report_table_fits_80_columns() {
    let env = TestEnv::new();
    let l = lake(&env);
    let a = env
        .cmd()
        .env("COLUMNS", "80")
        .args(["audit", "report", "--bucket", &l.lake])
        .assert()
        .success();
    let table = stdout(&a);
    crate::width::assert_fits(
        &table,
        80,
        &[
            "PRINCIPAL",
            "EXTERNAL",
            "BUCKET",
            "ACCESS POINT",
            "KEYS",
            "ACCESS",
            "CONDITIONS",
        ],
    );
    // FINDING is empty in every row: it goes first.
    assert!(!table.contains("FINDING"), "{table}");
    // Nothing is cut (issue 25): values wrap in their columns instead of losing their middle.
    assert!(
        table.contains("vendor/*") && !table.contains('…'),
        "{table}"
    );
    assert!(table.contains("SourceVpce="), "{table}");
}

/// The Access Analyzer fake.
struct Analyzer(HttpFake);

impl Analyzer {
    fn new() -> Self {
        Analyzer(HttpFake::new())
    }

    fn mount(&self, m: Mock) {
        self.0.mount(m);
    }

    fn reply(body: String) -> ResponseTemplate {
        ResponseTemplate::new(200)
            .insert_header("content-type", "application/json")
            .set_body_string(body)
    }

    /// ListFindingsV2 (two pages) and GetFindingV2 for the lake's findings.
    fn serve(&self, l: &Lake, public_bucket: &str) {
        let vars = [
            ("BUCKET", l.lake.as_str()),
            ("PUBLIC_BUCKET", public_bucket),
            ("AP_ARN", &ap_arn(&l.partner_ap)),
        ];
        let f = |name: &str| fixture(name, &vars);
        self.mount(
            Mock::given(method("POST"))
                .and(path("/findingv2"))
                .and(body_partial_json(json!({
                    "analyzerArn": ANALYZER,
                    "filter": {"resourceType": {"eq": ["AWS::S3::Bucket", "AWS::S3Express::DirectoryBucket"]}}
                })))
                .respond_with(Self::reply(f("list-findings-v2-page1.json")))
                .with_priority(5),
        );
        self.mount(
            Mock::given(method("POST"))
                .and(path("/findingv2"))
                .and(body_partial_json(json!({"nextToken": "page2token"})))
                .respond_with(Self::reply(f("list-findings-v2-page2.json")))
                .with_priority(1),
        );
        for (id, file) in [
            ("aaaa", "get-finding-v2-vendor.json"),
            ("bbbb", "get-finding-v2-public.json"),
            ("cccc", "get-finding-v2-access-point.json"),
            ("eeee", "get-finding-v2-bucket-acl.json"),
        ] {
            self.mount(
                Mock::given(method("GET"))
                    .and(path(format!(
                        "/findingv2/8a1c2b3d-0000-4f00-9000-00000000{id}"
                    )))
                    .and(query_param("analyzerArn", ANALYZER))
                    .respond_with(Self::reply(f(file)))
                    .with_priority(5),
            );
        }
        self.mount(
            Mock::given(method("GET"))
                .and(path("/findingv2/8a1c2b3d-0000-4f00-9000-00000000cccc"))
                .and(query_param("nextToken", "details2"))
                .respond_with(Self::reply(f("get-finding-v2-access-point-page2.json")))
                .with_priority(1),
        );
    }

    fn requests(&self) -> Vec<wiremock::Request> {
        self.0.received()
    }
}

pub(crate) fn fixture(name: &str, vars: &[(&str, &str)]) -> String {
    let p = format!(
        "{}/tests/fixtures/accessanalyzer/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut text = std::fs::read_to_string(&p).unwrap();
    for (k, v) in vars {
        text = text.replace(&format!("{{{{{k}}}}}"), v);
    }
    assert!(!text.contains("{{"), "{name}: unfilled placeholder");
    serde_json::from_str::<Value>(&text).unwrap().to_string()
}

const S3_AUTH: (&str, &str) = (
    "Authorization",
    "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0",
);

/// An object's bytes from moto (objects are private: a request that looks signed).
fn object(env: &TestEnv, bucket: &str, key: &str) -> Option<Vec<u8>> {
    let (status, body) = http(
        env.port(),
        "GET",
        &format!("/{bucket}/{key}"),
        &[S3_AUTH],
        &[],
    )
    .unwrap();
    match status {
        200 => Some(body),
        404 => None,
        s => panic!("GET {bucket}/{key}: {s} {}", String::from_utf8_lossy(&body)),
    }
}

fn keys(env: &TestEnv, bucket: &str) -> Vec<String> {
    let (status, body) = http(
        env.port(),
        "GET",
        &format!("/{bucket}?list-type=2"),
        &[S3_AUTH],
        &[],
    )
    .unwrap();
    assert_eq!(status, 200);
    let xml = String::from_utf8(body).unwrap();
    xml.split("<Key>")
        .skip(1)
        .map(|s| s.split("</Key>").next().unwrap().to_string())
        .collect()
}

/// Athena's JSON API on moto (routed on the X-Amz-Target header).
fn athena(env: &TestEnv, target: &str, body: Value) -> Value {
    let auth = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/athena/aws4_request, SignedHeaders=host, Signature=0";
    let (status, resp) = http(
        env.port(),
        "POST",
        "/",
        &[
            ("Content-Type", "application/x-amz-json-1.1"),
            ("X-Amz-Target", &format!("AmazonAthena.{target}")),
            ("Authorization", auth),
        ],
        body.to_string().as_bytes(),
    )
    .unwrap();
    assert_eq!(status, 200, "{target}: {}", String::from_utf8_lossy(&resp));
    serde_json::from_slice(&resp).unwrap()
}

/// The SQL of every Athena query moto recorded that mentions `needle`.
fn queries_mentioning(env: &TestEnv, needle: &str) -> Vec<String> {
    let ids = athena(env, "ListQueryExecutions", json!({}));
    let mut out = Vec::new();
    for id in ids["QueryExecutionIds"].as_array().unwrap() {
        let q = athena(env, "GetQueryExecution", json!({"QueryExecutionId": id}));
        let sql = q["QueryExecution"]["Query"].as_str().unwrap_or_default();
        if sql.contains(needle) {
            out.push(sql.to_string());
        }
    }
    out
}

#[test]
fn findings_upload_and_athena_table() {
    let env = TestEnv::new();
    let l = lake(&env);
    let reports = env.bucket("reports");
    let fake = Analyzer::new();
    fake.serve(&l, &l.plain);
    let db = format!("{}_audit", env.id);
    let table = format!("{db}.prefix_access");
    let upload = format!("s3://{reports}/lakegate");
    let run = |extra: &[&str]| {
        let mut c = env.cmd();
        c.env("AWS_ENDPOINT_URL_ACCESSANALYZER", fake.0.uri());
        c.args([
            "-o",
            "csv",
            "audit",
            "report",
            "--bucket",
            &l.lake,
            "--analyzer-arn",
            ANALYZER,
        ]);
        c.args(extra);
        crate::harness::no_panic(c.assert())
    };

    // Dry run: one plan document on stdout (the objects and the table it would create), no
    // rows and no "would" lines; nothing is written.
    let a = run(&[
        "-o",
        "json",
        "--upload",
        &upload,
        "--create-table",
        &table,
        "--dry-run",
    ])
    .success();
    let plan: Value = serde_json::from_str(&stdout(&a))
        .unwrap_or_else(|e| panic!("stdout is one JSON document ({e}):\n{}", stdout(&a)));
    assert_eq!(plan["dry_run"], true);
    let changes = plan["changes"].as_array().unwrap();
    let targets: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| (c["target"].as_str().unwrap(), c["action"].as_str().unwrap()))
        .collect();
    assert_eq!(
        targets,
        [
            ("s3-object", "create"),
            ("s3-object", "create"),
            ("s3-object", "create"),
            ("athena-table", "create")
        ],
        "{plan:#}"
    );
    let table_after = &changes[3]["after"];
    assert_eq!(
        table_after["partition_keys"],
        serde_json::json!(["account string", "dt string"])
    );
    assert_eq!(
        table_after["properties"]["projection.account.values"],
        ACCOUNT
    );
    assert!(!stderr(&a).contains("would"), "{}", stderr(&a));
    assert!(keys(&env, &reports).is_empty());
    assert!(queries_mentioning(&env, &db).is_empty());
    let dry_csv = stdout(&run(&[]).success());

    let a = run(&["--upload", &upload, "--create-table", &table]).success();
    let csv = stdout(&a);
    assert_eq!(csv, dry_csv);
    let err = stderr(&a);
    assert!(err.contains(", 5 findings"), "{err}");

    // Findings are matched by principal and by access point; the one with an error (another
    // bucket, not audited) is archived but matches nothing.
    let rows: Vec<Vec<String>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect();
    let row_of = |principal: &str| rows.iter().find(|r| r[0] == principal).unwrap().clone();
    assert_eq!(
        row_of(VENDOR)[14..16],
        ["8a1c2b3d-0000-4f00-9000-00000000aaaa", "ACTIVE"]
    );
    assert_eq!(
        row_of("*")[14..16],
        ["8a1c2b3d-0000-4f00-9000-00000000bbbb", "ARCHIVED"]
    );
    assert_eq!(
        row_of(PARTNER)[14..16],
        ["8a1c2b3d-0000-4f00-9000-00000000cccc", "ACTIVE"]
    );
    assert_eq!(row_of(APP)[14..16], ["", ""]);
    // A finding no policy explains (a bucket ACL grant) is reported on a row of its own.
    let acl = row_of("79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be");
    assert_eq!(acl[10..12], ["read+list", "finding:BUCKET_ACL"]);
    assert_eq!(acl[2], "true");
    assert_eq!(
        acl[14..16],
        ["8a1c2b3d-0000-4f00-9000-00000000eeee", "ACTIVE"]
    );
    // Paging, in each of the three runs so far (the dry run, the plain run and this one): both pages of the list,
    // both pages of the access point finding's details; no GetFindingV2 for the finding with an
    // error.
    let reqs = fake.requests();
    let lists = reqs.iter().filter(|r| r.method.as_str() == "POST").count();
    assert_eq!(lists, 3 * 2);
    let gets: Vec<String> = reqs
        .iter()
        .filter(|r| r.method.as_str() == "GET")
        .map(|r| r.url.path().to_string())
        .collect();
    assert_eq!(gets.len(), 3 * 5, "{gets:?}");
    assert!(!gets.iter().any(|p| p.ends_with("dddd")));

    // The uploads: the report (the CSV printed) and the raw findings, under today's partition.
    let day = lakegate::audit::today_utc();
    let archive_key = format!("lakegate/archive/dt={day}/findings.json");
    let manifest_key = format!("lakegate/manifest/dt={day}/manifest.json");
    let mut got = keys(&env, &reports);
    got.sort();
    // The report is named after its run, so that another run of the day (a fanned-out one)
    // never overwrites it.
    let partition = format!("lakegate/report/account={ACCOUNT}/dt={day}/");
    let report_key = got
        .iter()
        .find(|k| k.starts_with(&partition))
        .unwrap_or_else(|| panic!("no report in {got:#?}"))
        .clone();
    let name = report_key.strip_prefix(&partition).unwrap();
    let run_id = lakegate::audit::partition::run_of(name).unwrap_or_else(|| panic!("{name}"));
    assert_eq!(name, format!("{run_id}.csv"));
    assert_eq!(
        got,
        [
            archive_key.clone(),
            manifest_key.clone(),
            report_key.clone()
        ]
    );
    let manifest: Value =
        serde_json::from_slice(&object(&env, &reports, &manifest_key).unwrap()).unwrap();
    assert_eq!(manifest["accounts"], serde_json::json!([ACCOUNT]));
    assert_eq!(manifest["partial"], false);
    assert_eq!(
        String::from_utf8(object(&env, &reports, &report_key).unwrap()).unwrap(),
        csv
    );
    let archive: Value =
        serde_json::from_slice(&object(&env, &reports, &archive_key).unwrap()).unwrap();
    let archive = archive.as_array().unwrap();
    assert_eq!(archive.len(), 5);
    assert_eq!(archive[0]["id"], "8a1c2b3d-0000-4f00-9000-00000000aaaa");
    assert_eq!(
        archive[0]["findingDetails"][0]["externalAccessDetails"]["principal"]["AWS"],
        VENDOR
    );
    assert_eq!(archive[2]["findingDetails"].as_array().unwrap().len(), 2);
    assert_eq!(archive[4]["error"], "ACCESS_DENIED");

    // The Athena DDL: the database, then the typed, partition-projected table over report/.
    let ddl = queries_mentioning(&env, &db);
    assert_eq!(ddl.len(), 2, "{ddl:#?}");
    assert!(ddl
        .iter()
        .any(|q| *q == format!("CREATE DATABASE IF NOT EXISTS `{db}`")));
    let create = ddl
        .iter()
        .find(|q| q.starts_with("CREATE EXTERNAL TABLE"))
        .unwrap();
    assert!(create.contains(&format!("LOCATION 's3://{reports}/lakegate/report/'")));
    assert!(create.contains("`external` boolean"));
    assert!(create.contains("PARTITIONED BY (`account` string, `dt` string)"));
    assert!(create.contains(&format!("'projection.dt.range' = '{day},NOW'")));
    assert!(create.contains(&format!("'projection.account.values' = '{ACCOUNT}'")));

    // Idempotent for the day: a second run finds the same objects and the same table.
    let a = run(&["--upload", &upload, "--create-table", &table]).success();
    assert!(
        stderr(&a).contains("unchanged: the report of account"),
        "{}",
        stderr(&a)
    );
    assert_eq!(queries_mentioning(&env, &db).len(), 2);
    let mut again = keys(&env, &reports);
    again.sort();
    assert_eq!(again, got);
}

#[test]
fn query_runs_the_filtered_select_on_athena() {
    let env = TestEnv::new();
    // moto hands out static results per region, in order: a region of this test's own.
    let region = "ap-southeast-2";
    let col = |n: &str, t: &str| {
        json!({"Name": n, "Label": n, "Type": t, "Nullable": "UNKNOWN",
        "CatalogName": "hive", "SchemaName": "", "TableName": "", "Precision": 0, "Scale": 0,
        "CaseSensitive": false})
    };
    let cell = |s: &str| json!({"VarCharValue": s});
    let results = json!([{
        "column_info": [col("dt", "varchar"), col("principal", "varchar"), col("external", "boolean"),
                        col("bucket", "varchar"), col("prefix", "varchar"), col("access", "varchar")],
        "rows": [
            {"Data": [cell("dt"), cell("principal"), cell("external"), cell("bucket"), cell("prefix"), cell("access")]},
            {"Data": [cell("2026-11-23"), cell(VENDOR), cell("true"), cell("lake"), cell("vendor/"), cell("read")]}
        ]
    }]);
    let (status, body) = http(
        env.port(),
        "POST",
        "/moto-api/static/athena/query-results",
        &[("Content-Type", "application/json")],
        json!({"region": region, "results": results})
            .to_string()
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(status, 201, "{}", String::from_utf8_lossy(&body));
    let table = format!("{}_audit.prefix_access", env.id);
    let v = env.json([
        "--region",
        region,
        "-o",
        "json",
        "audit",
        "query",
        &table,
        "--external-account",
        "444455556666",
        "--output-location",
        "s3://results/",
    ]);
    assert_eq!(
        v,
        json!([{"dt": "2026-11-23", "principal": VENDOR, "external": true, "bucket": "lake",
                "prefix": "vendor/", "access": "read"}])
    );
}

/// `audit query` over a table created before the exact audit's columns (`keys`, `except`,
/// `partial`, `latent`) selects the columns that table has; over a table of today's shape, all of
/// them. Both tables are made by their DDL (the emulator keeps what CREATE EXTERNAL TABLE
/// describes and answers GetTableMetadata from it, as the Glue Data Catalog does), and moto
/// answers each query with the rows a report of that shape holds.
#[test]
fn query_reads_a_table_of_old_reports_and_one_of_new_reports() {
    let env = TestEnv::new();
    let region = "eu-north-1";
    let auth = format!("AWS4-HMAC-SHA256 Credential=test/20260101/{region}/athena/aws4_request, SignedHeaders=host, Signature=0");
    let athena_in = |target: &str, body: Value| -> Value {
        let (status, resp) = http(
            env.port(),
            "POST",
            "/",
            &[
                ("Content-Type", "application/x-amz-json-1.1"),
                ("X-Amz-Target", &format!("AmazonAthena.{target}")),
                ("Authorization", &auth),
            ],
            body.to_string().as_bytes(),
        )
        .unwrap();
        assert_eq!(status, 200, "{target}: {}", String::from_utf8_lossy(&resp));
        serde_json::from_slice(&resp).unwrap()
    };
    let db = format!("{}_audit", env.id);
    // The report's columns before the exact audit: the first 18.
    let old_columns = &COLUMNS[..18];
    let ddl = |table: &str, cols: &[&str]| {
        let typed: Vec<String> = cols
            .iter()
            .map(|c| {
                let t = if ["external", "read", "write", "list", "same_org", "partial"].contains(c)
                {
                    "boolean"
                } else {
                    "string"
                };
                format!("`{c}` {t}")
            })
            .collect();
        format!(
            "CREATE EXTERNAL TABLE IF NOT EXISTS `{db}`.`{table}` ({}) PARTITIONED BY (`account` string, `dt` string) LOCATION 's3://reports/lakegate/report/'",
            typed.join(", ")
        )
    };
    for (table, cols) in [("old_reports", old_columns), ("new_reports", &COLUMNS[..])] {
        athena_in(
            "StartQueryExecution",
            json!({"QueryString": ddl(table, cols), "ResultConfiguration": {"OutputLocation": "s3://results/"}}),
        );
    }
    let col = |n: &str| {
        json!({"Name": n, "Label": n, "Type": "varchar", "Nullable": "UNKNOWN",
        "CatalogName": "hive", "SchemaName": "", "TableName": "", "Precision": 0, "Scale": 0,
        "CaseSensitive": false})
    };
    let cell = |s: &str| json!({"VarCharValue": s});
    let result = |names: &[&str], row: &[&str]| {
        json!({
            "column_info": names.iter().map(|n| col(n)).collect::<Vec<_>>(),
            "rows": [
                {"Data": names.iter().map(|n| cell(n)).collect::<Vec<_>>()},
                {"Data": row.iter().map(|v| cell(v)).collect::<Vec<_>>()}
            ]
        })
    };
    // An old report's row (probe keys, no key patterns) and a new one's.
    let old = result(
        &["dt", "principal", "prefix", "access"],
        &["2026-11-23", VENDOR, "vendor/", "read"],
    );
    let new = result(
        &[
            "dt",
            "principal",
            "prefix",
            "access",
            "keys",
            "except",
            "partial",
            "latent",
        ],
        &[
            "2026-12-06",
            VENDOR,
            "vendor/",
            "read",
            "vendor/*.csv",
            "",
            "true",
            "",
        ],
    );
    let (status, body) = http(
        env.port(),
        "POST",
        "/moto-api/static/athena/query-results",
        &[("Content-Type", "application/json")],
        json!({"region": region, "results": [old, new]})
            .to_string()
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(status, 201, "{}", String::from_utf8_lossy(&body));
    let query = |table: &str| {
        env.json([
            "--region",
            region,
            "-o",
            "json",
            "audit",
            "query",
            &format!("{db}.{table}"),
            "--external",
            "--output-location",
            "s3://results/",
        ])
    };
    let v = query("old_reports");
    assert_eq!(
        v,
        json!([{"dt": "2026-11-23", "principal": VENDOR, "prefix": "vendor/", "access": "read"}])
    );
    let v = query("new_reports");
    assert_eq!(v[0]["keys"], "vendor/*.csv");
    assert_eq!(v[0]["partial"], "true");

    // The SQL each ran: the old table is not asked for columns it does not have.
    let sql_of = |table: &str| -> String {
        let ids = athena_in("ListQueryExecutions", json!({}));
        ids["QueryExecutionIds"]
            .as_array()
            .unwrap()
            .iter()
            .map(|id| athena_in("GetQueryExecution", json!({"QueryExecutionId": id})))
            .map(|q| {
                q["QueryExecution"]["Query"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            })
            .find(|q| q.starts_with("SELECT") && q.contains(&format!("\"{table}\"")))
            .unwrap_or_else(|| panic!("no SELECT over {table}"))
    };
    let old_sql = sql_of("old_reports");
    assert!(
        old_sql.contains("\"region\", \"same_org\"\nFROM"),
        "{old_sql}"
    );
    assert!(!old_sql.contains("\"keys\""), "{old_sql}");
    let new_sql = sql_of("new_reports");
    assert!(
        new_sql.contains(
            "\"same_org\", \"keys\", \"except\", \"partial\", \"latent\", \"also_sources\"\nFROM"
        ),
        "{new_sql}"
    );
}

#[test]
fn bad_input_is_refused_before_any_call() {
    let env = TestEnv::offline();
    for (args, needle) in [
        (vec!["audit", "report"], "required arguments"),
        (
            vec!["audit", "report", "--bucket", "Bad_Bucket"],
            "Bad_Bucket",
        ),
        (
            vec![
                "audit",
                "report",
                "--all-buckets",
                "--analyzer-arn",
                "arn:aws:iam::1:role/x",
            ],
            "--analyzer-arn",
        ),
        (
            vec![
                "audit",
                "report",
                "--all-buckets",
                "--trusted-account",
                "1234",
            ],
            "--trusted-account",
        ),
        (
            vec!["audit", "report", "--all-buckets", "--create-table", "db.t"],
            "required arguments",
        ),
        (
            vec!["audit", "report", "--all-buckets", "--upload", "reports/x"],
            "--upload",
        ),
        (
            vec![
                "audit",
                "report",
                "--all-buckets",
                "--upload",
                "s3://reports/x",
                "--create-table",
                "db.analyzer-report",
            ],
            "--create-table",
        ),
        (
            vec!["audit", "report", "--all-buckets", "--dry-run"],
            "--dry-run",
        ),
        (
            vec!["audit", "report", "--all-buckets", "--concurrency", "0"],
            "--concurrency",
        ),
        (vec!["audit", "query", "analyzerdb"], "DB.TABLE"),
        (vec!["audit", "query", "db.t", "--dt", "2026-02-30"], "--dt"),
        (
            vec!["audit", "query", "db.t", "--external-account", "x"],
            "--external-account",
        ),
        (
            vec!["audit", "query", "db.t", "--principal", "vendor"],
            "--principal",
        ),
    ] {
        let a = env.lg(&args);
        assert_usage_error(a, needle);
    }
}

#[test]
fn a_bucket_that_cannot_be_read_fails_the_run_and_uploads_nothing() {
    let env = TestEnv::new();
    let l = lake(&env);
    let reports = env.bucket("reports");
    let missing = env.name("missing");
    let a = env
        .lg([
            "-o",
            "csv",
            "audit",
            "report",
            "--bucket",
            &l.lake,
            "--bucket",
            &missing,
            "--upload",
            &format!("s3://{reports}/"),
        ])
        .code(1);
    let err = stderr(&a);
    assert!(
        err.contains(&format!("bucket '{missing}' not audited")),
        "{err}"
    );
    assert!(err.contains("1 of 2 buckets could not be audited"), "{err}");
    assert!(err.contains("nothing was uploaded"), "{err}");
    // The rows of the readable bucket were still printed; nothing reached S3.
    assert!(stdout(&a).contains("VendorRead"));
    assert!(keys(&env, &reports).is_empty());
}

#[test]
fn all_buckets_covers_the_region() {
    let env = TestEnv::new();
    // A region no other test uses, so that --all-buckets sees only this test's buckets.
    let region = "ca-central-1";
    let mut names = Vec::new();
    for what in ["one", "two"] {
        let b = env.name(what);
        let body = format!(
            "<CreateBucketConfiguration><LocationConstraint>{region}</LocationConstraint></CreateBucketConfiguration>"
        );
        let auth = format!("AWS4-HMAC-SHA256 Credential=test/20260101/{region}/s3/aws4_request, SignedHeaders=host, Signature=0");
        let (status, resp) = http(
            env.port(),
            "PUT",
            &format!("/{b}"),
            &[
                ("Content-Type", "application/xml"),
                ("Authorization", &auth),
            ],
            body.as_bytes(),
        )
        .unwrap();
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&resp));
        env.put_policy(
            &b,
            &json!({"Version": "2012-10-17", "Statement": [
                {"Sid": "Vendor", "Effect": "Allow", "Principal": {"AWS": VENDOR},
                 "Action": "s3:PutObject", "Resource": format!("arn:aws:s3:::{b}/drop/*")}
            ]}),
        );
        names.push(b);
    }
    let v = env.json([
        "--region",
        region,
        "-o",
        "json",
        "audit",
        "report",
        "--all-buckets",
    ]);
    let mine: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["bucket"].as_str().unwrap().starts_with(&env.id))
        .map(|r| {
            assert_eq!(
                (r["principal"].as_str(), r["access"].as_str()),
                (Some(VENDOR), Some("write"))
            );
            r["bucket"].as_str().unwrap()
        })
        .collect();
    assert_eq!(mine, names);
}

/// "No access point" is `null` in YAML too, as in JSON and `accesspoint list`.
#[test]
fn report_yaml_writes_null_for_no_access_point() {
    let env = TestEnv::new();
    let l = lake(&env);
    let a = env
        .lg(["-o", "yaml", "audit", "report", "--bucket", &l.lake])
        .success();
    let y = stdout(&a);
    assert!(y.contains("access_point: null"), "{y}");
    assert!(
        !y.contains("access_point: ''") && !y.contains("access_point: \"\""),
        "{y}"
    );
}

/// `audit report --exact` (issue 22): every key decided, key patterns on the rows, Deny carve-outs
/// as `except`, and the access point on a bucket that does not delegate as a latent row.
#[test]
fn exact_report_gives_key_patterns_and_latent_grants() {
    let env = TestEnv::new();
    let l = lake(&env);
    let v = env.json([
        "-o",
        "json",
        "audit",
        "report",
        "--exact",
        "--bucket",
        &l.lake,
        "--bucket",
        &l.undelegated,
    ]);
    let rows = v.as_array().unwrap().clone();
    let vendor = find(&rows, VENDOR, "", "vendor/");
    assert_eq!(vendor["keys"], "vendor/*", "{vendor}");
    assert_eq!(vendor["external"], true);
    assert_eq!(vendor["sid"], "VendorRead");
    assert!(
        vendor["conditions"].as_str().unwrap().contains("vpce-1a2b"),
        "{vendor}"
    );
    let public = find(&rows, "*", "", "public/");
    assert_eq!(
        (public["keys"].as_str(), public["except"].as_str()),
        (Some("public/*"), Some("public/secret/*")),
        "{public}"
    );
    assert_eq!(public["partial"], true);
    let app = find(&rows, APP, &l.app_ap, "team/");
    assert_eq!(
        (app["read"].as_bool(), app["write"].as_bool()),
        (Some(true), Some(true)),
        "{app}"
    );
    assert_eq!(app["latent"], "");
    let stray = rows
        .iter()
        .find(|r| r["access_point"] == l.stray_ap.as_str())
        .unwrap_or_else(|| panic!("no latent row for the stray access point: {rows:#?}"));
    assert_eq!(stray["principal"], APP);
    assert!(
        stray["latent"].as_str().unwrap().contains("delegate"),
        "{stray}"
    );
    assert_eq!(stray["keys"], "x/*");
}
