//! S3 Access Grants beside the policies in every answer about access: `access check` names the
//! grant that gives a request's access (the one GetDataAccess would match) alongside the policy
//! decision, `access matrix` has rows of the grants, and in `access who-can` and `audit report`
//! (one account, the organization, a unit of a fanned-out run) a key that a policy and a grant
//! both reach names both sources (`also_sources`); a grantee that no longer exists is latent.
//! On the project's emulator (`scripts/access_grants.py`) over real HTTP.

use crate::access_grants::{account, aws, location_role};
use crate::harness::{http, stdout, xml_escape, TestEnv, REGION};
use crate::org::{auth, org, run, ROLE};
use lakegate::aws::access_grants::{GrantPermission, GranteeKind, NewAccessGrant};
use serde_json::{json, Value};

/// A bucket whose policy lets the analyst read `vendorA/*`, an instance with a location on the
/// bucket, and grants: the analyst reads `vendorA/2026/*` (inside what the policy gives) and
/// `vendorB/*` (only the grant), writes `drop/*`; a role that no longer exists reads `old/*`.
struct Lake {
    env: TestEnv,
    acct: String,
    bucket: String,
    analyst: String,
    gone: String,
    /// Grant ids by sub-prefix.
    ids: std::collections::BTreeMap<String, String>,
}

async fn lake() -> Lake {
    let env = TestEnv::new();
    let bucket = env.bucket("ag-rows");
    let acct = account(&env);
    let aws = aws(&env, &acct).await;
    let role = location_role(&env, &aws, "ag-rows-location").await;
    let analyst_name = env.name("analyst");
    let trust = lakegate::policy::PolicyDocument::parse(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
            "Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
    )
    .unwrap();
    aws.put_role(&analyst_name, &trust, "analyst")
        .await
        .unwrap();
    let analyst = format!("arn:aws:iam::{acct}:role/{analyst_name}");
    let gone = format!("arn:aws:iam::{acct}:role/{}", env.name("gone"));
    env.put_policy(
        &bucket,
        &json!({"Version": "2012-10-17", "Statement": [
            {"Sid": "ReadVendorA", "Effect": "Allow", "Principal": {"AWS": analyst},
             "Action": "s3:GetObject", "Resource": format!("arn:aws:s3:::{bucket}/vendorA/*")}]}),
    );
    aws.create_access_grants_instance(&acct, None)
        .await
        .unwrap();
    let location = aws
        .create_access_grants_location(&acct, &format!("s3://{bucket}/"), &role)
        .await
        .unwrap();
    let mut ids = std::collections::BTreeMap::new();
    for (who, sub, permission) in [
        (&analyst, "vendorA/2026/*", GrantPermission::Read),
        (&analyst, "vendorB/*", GrantPermission::Read),
        (&analyst, "drop/*", GrantPermission::Write),
        (&gone, "old/*", GrantPermission::Read),
    ] {
        let g = aws
            .create_access_grant(
                &acct,
                &NewAccessGrant {
                    location_id: location.id.clone(),
                    sub_prefix: Some(sub.into()),
                    grantee_kind: GranteeKind::Iam,
                    grantee: who.clone(),
                    permission,
                    application_arn: None,
                },
            )
            .await
            .unwrap();
        ids.insert(sub.to_string(), g.id);
    }
    Lake {
        env,
        acct,
        bucket,
        analyst,
        gone,
        ids,
    }
}

impl Lake {
    fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--account-id", self.acct.as_str(), "-o", "json"];
        all.extend_from_slice(args);
        self.env.json(all)
    }

    fn lg(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        let mut all = vec!["--account-id", self.acct.as_str()];
        all.extend_from_slice(args);
        self.env.lg(all)
    }

    fn source(&self, sub: &str) -> String {
        format!("access-grant:{}", self.ids[sub])
    }
}

/// `access check` names the grant GetDataAccess would match, with its location, grantee, prefix
/// and level, beside the policies' decision (whose exit code it keeps); none for an action no
/// grant covers or a key no grant reaches; latent for a grantee that no longer exists.
#[tokio::test]
async fn access_check_names_the_grant_that_gives_the_access() {
    let l = lake().await;
    let (b, analyst) = (&l.bucket, &l.analyst);

    // Both: the policy allows, and the grant on vendorA/2026/ gives it too.
    let key = format!("s3://{b}/vendorA/2026/x.csv");
    let r = l.json(&[
        "access",
        "check",
        "--principal",
        analyst,
        &key,
        "--action",
        "s3:GetObject",
    ]);
    assert_eq!(r["allowed"], true, "{r:#}");
    let g = &r["access_grant"];
    assert_eq!(g["source"], l.source("vendorA/2026/*"), "{r:#}");
    assert_eq!(g["location"], format!("s3://{b}/"));
    assert_eq!(g["grantee"], analyst.as_str());
    assert_eq!(g["prefix"], format!("s3://{b}/vendorA/2026/*"));
    assert_eq!(g["level"], "READ");
    assert_eq!(g["requested"], "READ");
    assert!(g.get("latent").is_none(), "{r:#}");

    // The policy alone (vendorA/ outside 2026/): no grant.
    let r = l.json(&[
        "access",
        "check",
        "--principal",
        analyst,
        &format!("s3://{b}/vendorA/2025/x.csv"),
        "--action",
        "s3:GetObject",
    ]);
    assert_eq!(r["allowed"], true);
    assert!(r.get("access_grant").is_none(), "{r:#}");

    // The grant alone: the policies deny (exit 3), the grant gives it, and the table says how.
    let vendor_b = format!("s3://{b}/vendorB/x.csv");
    let a = l
        .lg(&[
            "access",
            "check",
            "--principal",
            analyst,
            &vendor_b,
            "--action",
            "s3:GetObject",
        ])
        .code(3);
    let out = stdout(&a);
    assert!(
        out.contains("Access grant (through the credentials s3:GetDataAccess vends):"),
        "{out}"
    );
    assert!(out.contains(&l.source("vendorB/*")), "{out}");
    assert!(
        out.contains(&format!("prefix    s3://{b}/vendorB/*")),
        "{out}"
    );
    // `access check -o json` of one request, with the exit code it must end with.
    let check = |principal: &str, uri: &str, action: &str, code: i32| -> Value {
        let a = l
            .lg(&[
                "-o",
                "json",
                "access",
                "check",
                "--principal",
                principal,
                uri,
                "--action",
                action,
            ])
            .code(code);
        serde_json::from_str(&stdout(&a)).unwrap()
    };
    let r = check(analyst, &vendor_b, "s3:GetObject", 3);
    assert_eq!(r["allowed"], false);
    assert_eq!(r["access_grant"]["source"], l.source("vendorB/*"));
    // CSV: the grant in its own column.
    let a = l
        .lg(&[
            "-o",
            "csv",
            "access",
            "check",
            "--principal",
            analyst,
            &vendor_b,
            "--action",
            "s3:GetObject",
        ])
        .code(3);
    let out = stdout(&a);
    assert!(
        out.lines().next().unwrap().ends_with(",access_grant"),
        "{out}"
    );
    assert!(out.contains(&l.source("vendorB/*")), "{out}");

    // Write where only a READ grant is: no grant; write where the WRITE grant is: the grant.
    let r = check(analyst, &vendor_b, "s3:PutObject", 3);
    assert!(r.get("access_grant").is_none(), "{r:#}");
    let r = check(analyst, &format!("s3://{b}/drop/in.csv"), "s3:PutObject", 3);
    assert_eq!(r["access_grant"]["level"], "WRITE", "{r:#}");
    // An action no grant covers.
    let r = check(
        analyst,
        &format!("s3://{b}/drop/in.csv"),
        "s3:PutObjectTagging",
        3,
    );
    assert!(r.get("access_grant").is_none(), "{r:#}");

    // A grantee that no longer exists: the grant is named, latent.
    let r = check(&l.gone, &format!("s3://{b}/old/x"), "s3:GetObject", 3);
    assert_eq!(r["access_grant"]["source"], l.source("old/*"), "{r:#}");
    assert!(
        r["access_grant"]["latent"]
            .as_str()
            .unwrap()
            .contains("no longer exists"),
        "{r:#}"
    );
}

/// `access matrix` has a row per grantee × prefix the grants reach (`access_grants: true`, each
/// cell decided by `access-grant:ID`), beside the policy rows; the grants' grantees and prefixes
/// join the defaults; a grantee that no longer exists is latent.
#[tokio::test]
async fn access_matrix_has_rows_of_the_grants() {
    let l = lake().await;
    let rows = l.json(&["access", "matrix", "--bucket", &l.bucket]);
    let rows = rows.as_array().unwrap();
    let find = |principal: &str, prefix: &str, grants: bool| -> &Value {
        rows.iter()
            .find(|r| {
                r["principal"] == principal
                    && r["prefix"] == prefix
                    && r.get("access_grants").is_some() == grants
            })
            .unwrap_or_else(|| panic!("no row {principal} {prefix} {grants}: {rows:#?}"))
    };
    // vendorA/2026/: the policy row allows read, and so does the grant row.
    let policy = find(&l.analyst, "vendorA/2026/", false);
    assert_eq!(policy["read"]["decision"], "allowed", "{policy:#}");
    let grant = find(&l.analyst, "vendorA/2026/", true);
    assert_eq!(grant["read"]["decision"], "allowed", "{grant:#}");
    assert_eq!(
        grant["read"]["deciding"][0]["policy"],
        l.source("vendorA/2026/*")
    );
    assert_eq!(grant["write"]["decision"], "implicitly-denied", "{grant:#}");
    assert!(grant["access_point"].is_null());
    // vendorA/ (the policy's prefix): the grant reaches part of it.
    let grant = find(&l.analyst, "vendorA/", true);
    assert_eq!(grant["read"]["partial"], true, "{grant:#}");
    assert_eq!(grant["read"]["keys"], json!(["vendorA/2026/*"]));
    // vendorB/: the grant only; the policy row denies.
    assert_eq!(
        find(&l.analyst, "vendorB/", false)["read"]["decision"],
        "implicitly-denied"
    );
    assert_eq!(
        find(&l.analyst, "vendorB/", true)["read"]["decision"],
        "allowed"
    );
    // The grantee that no longer exists.
    let gone = find(&l.gone, "old/", true);
    assert!(gone["latent"]
        .as_str()
        .unwrap()
        .contains("no longer exists"));
    // The table marks the grant rows and the latent one.
    let out = stdout(
        &l.lg(&[
            "access", "matrix", "--bucket", &l.bucket, "--prefix", "old/", "--prefix", "vendorB/",
        ])
        .success(),
    );
    assert!(out.contains("(access grants)"), "{out}");
    assert!(out.contains("latent"), "{out}");
    // Offline there are no grants: the same matrix from files has none of their rows.
    let dir = l.env.temp().join("bp.json");
    std::fs::write(&dir, l.env.policy_text(&l.bucket).unwrap()).unwrap();
    let offline = l.env.json([
        "-o",
        "json",
        "access",
        "matrix",
        "--bucket-policy",
        dir.to_str().unwrap(),
        "--bucket",
        &l.bucket,
        "--bucket-owner",
        &l.acct,
    ]);
    assert!(!offline.as_array().unwrap().is_empty(), "{offline:#}");
    assert!(offline
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r.get("access_grants").is_none()));
}

/// `access who-can` and `audit report`: a key both the policy and a grant reach names both
/// sources on both rows; a grant alone names none.
#[tokio::test]
async fn who_can_and_audit_name_both_sources_of_a_key_reached_twice() {
    let l = lake().await;
    let b = &l.bucket;
    let rows = l.json(&[
        "access",
        "who-can",
        &format!("s3://{b}/vendorA/"),
        "--action",
        "read",
    ]);
    let rows = rows.as_array().unwrap();
    let policy = rows
        .iter()
        .find(|r| r["source"] == "bucket-policy" && r["principal"] == l.analyst.as_str())
        .unwrap_or_else(|| panic!("{rows:#?}"));
    assert_eq!(policy["also_sources"], json!([l.source("vendorA/2026/*")]));
    let grant = rows
        .iter()
        .find(|r| r["source"] == l.source("vendorA/2026/*").as_str())
        .unwrap();
    assert_eq!(grant["also_sources"], json!(["bucket-policy(ReadVendorA)"]));

    let rows = l.json(&["audit", "report", "--bucket", b]);
    let rows = rows.as_array().unwrap();
    let by_source = |s: &str| -> &Value {
        rows.iter()
            .find(|r| r["source"] == s)
            .unwrap_or_else(|| panic!("no {s}: {rows:#?}"))
    };
    let policy = rows
        .iter()
        .find(|r| r["source"] == "bucket-policy" && r["principal"] == l.analyst.as_str())
        .unwrap();
    assert_eq!(
        policy["also_sources"],
        l.source("vendorA/2026/*"),
        "{policy:#}"
    );
    assert_eq!(
        by_source(&l.source("vendorA/2026/*"))["also_sources"],
        "bucket-policy(ReadVendorA)"
    );
    assert_eq!(by_source(&l.source("vendorB/*"))["also_sources"], "");
    assert!(by_source(&l.source("old/*"))["latent"]
        .as_str()
        .unwrap()
        .contains("no longer exists"));
    // CSV: the column is appended (the Athena table's older columns keep their places).
    let out = stdout(
        &l.lg(&["-o", "csv", "audit", "report", "--bucket", b])
            .success(),
    );
    let header = out.lines().next().unwrap();
    assert!(header.ends_with(",latent,also_sources"), "{header}");
    assert!(
        out.lines()
            .any(|line| line.contains("access-grant:")
                && line.ends_with(",bucket-policy(ReadVendorA)")),
        "{out}"
    );
}

/// An S3 Control call as the account of `key`; the response body (it must be 200).
fn s3control(
    env: &TestEnv,
    key: &str,
    method: &str,
    path: &str,
    account: &str,
    body: &str,
) -> String {
    let a = auth(key, "s3");
    let (status, resp) = http(
        env.port(),
        method,
        path,
        &[("Authorization", &a), ("x-amz-account-id", account)],
        body.as_bytes(),
    )
    .unwrap();
    let text = String::from_utf8_lossy(&resp).to_string();
    assert_eq!(status, 200, "{method} {path}: {text}");
    text
}

const NS: &str = "http://awss3control.amazonaws.com/doc/2018-08-20/";

/// A grant in a member account's instance (created with its location on the member's bucket
/// when missing), made with the member's own credentials (CreateAccessGrant,
/// https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_CreateAccessGrant.html).
fn member_grant(
    env: &TestEnv,
    key: &str,
    account: &str,
    location: &str,
    sub: &str,
    grantee: &str,
) -> String {
    let out = s3control(
        env,
        key,
        "POST",
        "/v20180820/accessgrantsinstance/grant",
        account,
        &format!(
            "<CreateAccessGrantRequest xmlns=\"{NS}\"><AccessGrantsLocationId>{location}</AccessGrantsLocationId>\
             <AccessGrantsLocationConfiguration><S3SubPrefix>{}</S3SubPrefix></AccessGrantsLocationConfiguration>\
             <Grantee><GranteeType>IAM</GranteeType><GranteeIdentifier>{}</GranteeIdentifier></Grantee>\
             <Permission>READ</Permission></CreateAccessGrantRequest>",
            xml_escape(sub),
            xml_escape(grantee)
        ),
    );
    between(&out, "<AccessGrantId>", "</AccessGrantId>")
}

fn between(text: &str, open: &str, close: &str) -> String {
    let i = text
        .find(open)
        .unwrap_or_else(|| panic!("no {open} in {text}"))
        + open.len();
    let j = text[i..].find(close).unwrap() + i;
    text[i..j].to_string()
}

/// `audit report --organization` reads each member's grants with the member's role, and a
/// unit of a fanned-out run (the same audit) writes them to its partition: same-organization
/// grantees are not external, the key the member's policy and grant both reach names both, a
/// grantee role that no longer exists in the member is latent.
#[test]
fn the_organization_audit_and_a_fanned_out_unit_have_the_members_grants() {
    let env = TestEnv::new();
    let o = org(&env);
    let (m0, m1) = (&o.members[0], &o.members[1]);
    // Member 0's instance and location (its audit role stands in as the location role).
    s3control(
        &env,
        &m0.key,
        "POST",
        "/v20180820/accessgrantsinstance",
        &m0.id,
        &format!("<CreateAccessGrantsInstanceRequest xmlns=\"{NS}\"></CreateAccessGrantsInstanceRequest>"),
    );
    let out = s3control(
        &env,
        &m0.key,
        "POST",
        "/v20180820/accessgrantsinstance/location",
        &m0.id,
        &format!(
            "<CreateAccessGrantsLocationRequest xmlns=\"{NS}\"><LocationScope>s3://{}/</LocationScope>\
             <IAMRoleArn>arn:aws:iam::{}:role/{ROLE}</IAMRoleArn></CreateAccessGrantsLocationRequest>",
            m0.bucket, m0.id
        ),
    );
    let location = between(
        &out,
        "<AccessGrantsLocationId>",
        "</AccessGrantsLocationId>",
    );
    // Member 1's reader: the bucket policy's MemberRead gives it shared/ too.
    let reader = format!("arn:aws:iam::{}:role/reader", m1.id);
    let shared = member_grant(&env, &m0.key, &m0.id, &location, "shared/*", &reader);
    let gone = format!("arn:aws:iam::{}:role/gone", m0.id);
    let old = member_grant(&env, &m0.key, &m0.id, &location, "old/*", &gone);

    let check = |rows: &[Value]| {
        let grant = |id: &str| -> Value {
            rows.iter()
                .find(|r| r["source"] == format!("access-grant:{id}").as_str())
                .unwrap_or_else(|| panic!("no grant {id}: {rows:#?}"))
                .clone()
        };
        let g = grant(&shared);
        assert_eq!(g["bucket"], m0.bucket.as_str());
        assert_eq!(g["same_org"], true, "{g:#}");
        assert_eq!(g["external"], false, "{g:#}");
        assert_eq!(g["sid"], format!("location:s3://{}/", m0.bucket));
        assert!(
            g["also_sources"]
                .as_str()
                .unwrap()
                .starts_with("bucket-policy(MemberRead"),
            "{g:#}"
        );
        let p = rows
            .iter()
            .find(|r| r["source"] == "bucket-policy" && r["principal"] == reader.as_str())
            .unwrap_or_else(|| panic!("{rows:#?}"));
        assert_eq!(p["also_sources"], format!("access-grant:{shared}"), "{p:#}");
        assert!(grant(&old)["latent"]
            .as_str()
            .unwrap()
            .contains("no longer exists"));
    };

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
    // Member 3 has no audit role: the run fails, after the others' rows.
    .code(1);
    let rows: Vec<Value> = serde_json::from_str::<Value>(&stdout(&a))
        .unwrap_or_else(|e| panic!("{e}: {}", stdout(&a)))
        .as_array()
        .unwrap()
        .clone();
    check(&rows);

    // A unit of a fanned-out run: the planner, then member 0's unit, whose partition has them.
    let reports = o.reports_bucket(&env);
    let upload = format!("s3://{reports}/lake/");
    let qname: String = format!("agrows-{}", env.name("q").replace('_', "-"))
        .chars()
        .take(40)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string();
    crate::fleet::queues(&env, &o.mgmt_key, &qname);
    let started = crate::fleet::plan_run(&env, &o, &qname, &upload);
    let (run_id, day) = (
        started["run"].as_str().unwrap(),
        started["date"].as_str().unwrap(),
    );
    run(
        &env,
        &o,
        &[
            "audit",
            "report",
            "--organization",
            "--member-role",
            ROLE,
            "--account",
            &m0.id,
            "--regions",
            REGION,
            "--upload",
            &upload,
            "--run",
            run_id,
        ],
    )
    .success();
    let a = auth(&o.mgmt_key, "s3");
    let (status, body) = http(
        env.port(),
        "GET",
        &format!(
            "/{reports}/lake/report/account={}/dt={day}/{run_id}.{REGION}.csv",
            m0.id
        ),
        &[("Authorization", &a)],
        &[],
    )
    .unwrap();
    let csv = String::from_utf8_lossy(&body).to_string();
    assert_eq!(status, 200, "{csv}");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<Value> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let mut m = serde_json::Map::new();
            for (h, v) in headers.iter().zip(r.iter()) {
                let v = match v {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    _ => Value::String(v.to_string()),
                };
                m.insert(h.to_string(), v);
            }
            Value::Object(m)
        })
        .collect();
    check(&rows);
}
