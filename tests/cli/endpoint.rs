//! `endpoint create|lockdown|unlock|status` against moto's EC2 and IAM: the walkthrough's private
//! Athena setup, from the endpoint to the conditioned policy, and back.

use crate::harness::{assert_usage_error, http, stderr, stdout, TestEnv};
use serde_json::Value;

pub(crate) const POLICY: &str = include_str!("../fixtures/athena_user_policy.json");
const LOCKED: &str = include_str!("../fixtures/athena_user_policy_locked.json");

fn form(params: &[(&str, &str)]) -> String {
    params
        .iter()
        .map(|(k, v)| format!("{k}={}", enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A Query-protocol request (EC2, IAM) to moto, which routes it on the credential scope.
pub(crate) fn query(
    env: &TestEnv,
    service: &str,
    version: &str,
    params: &[(&str, &str)],
) -> String {
    let mut p = params.to_vec();
    p.push(("Version", version));
    let auth = format!(
        "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0"
    );
    let (status, body) = http(
        env.port(),
        "POST",
        "/",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Authorization", &auth),
        ],
        form(&p).as_bytes(),
    )
    .unwrap();
    let body = String::from_utf8_lossy(&body).into_owned();
    assert!(status < 300, "{service} {params:?}: {status} {body}");
    body
}

fn ec2(env: &TestEnv, params: &[(&str, &str)]) -> String {
    query(env, "ec2", "2016-11-15", params)
}

pub(crate) fn iam(env: &TestEnv, params: &[(&str, &str)]) -> String {
    query(env, "iam", "2010-05-08", params)
}

/// The text of the first `<tag>` in an XML document.
fn tag(xml: &str, t: &str) -> String {
    let open = format!("<{t}>");
    let start = xml
        .find(&open)
        .unwrap_or_else(|| panic!("no <{t}> in {xml}"))
        + open.len();
    let end = xml[start..].find('<').unwrap() + start;
    xml[start..end].to_string()
}

fn xml_unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The walkthrough's network: a VPC with a public subnet (NAT gateway) and two private subnets
/// whose route table sends 0.0.0.0/0 to the NAT gateway and ::/0 to the internet gateway.
pub(crate) struct Net {
    vpc: String,
    private_a: String,
    private_b: String,
    rtb: String,
}

pub(crate) fn network(env: &TestEnv, second_octet: u8) -> Net {
    let cidr = |third: u8, bits: u8| format!("10.{second_octet}.{third}.0/{bits}");
    let vpc = tag(
        &ec2(env, &[("Action", "CreateVpc"), ("CidrBlock", &cidr(0, 16))]),
        "vpcId",
    );
    let subnet = |third: u8| {
        tag(
            &ec2(
                env,
                &[
                    ("Action", "CreateSubnet"),
                    ("VpcId", &vpc),
                    ("CidrBlock", &cidr(third, 24)),
                ],
            ),
            "subnetId",
        )
    };
    let public = subnet(0);
    let private_a = subnet(1);
    let private_b = subnet(2);
    let igw = tag(
        &ec2(env, &[("Action", "CreateInternetGateway")]),
        "internetGatewayId",
    );
    ec2(
        env,
        &[
            ("Action", "AttachInternetGateway"),
            ("VpcId", &vpc),
            ("InternetGatewayId", &igw),
        ],
    );
    let alloc = tag(
        &ec2(env, &[("Action", "AllocateAddress"), ("Domain", "vpc")]),
        "allocationId",
    );
    let nat = tag(
        &ec2(
            env,
            &[
                ("Action", "CreateNatGateway"),
                ("SubnetId", &public),
                ("AllocationId", &alloc),
            ],
        ),
        "natGatewayId",
    );
    let rtb = tag(
        &ec2(env, &[("Action", "CreateRouteTable"), ("VpcId", &vpc)]),
        "routeTableId",
    );
    for s in [&private_a, &private_b] {
        ec2(
            env,
            &[
                ("Action", "AssociateRouteTable"),
                ("RouteTableId", &rtb),
                ("SubnetId", s),
            ],
        );
    }
    ec2(
        env,
        &[
            ("Action", "CreateRoute"),
            ("RouteTableId", &rtb),
            ("DestinationCidrBlock", "0.0.0.0/0"),
            ("NatGatewayId", &nat),
        ],
    );
    ec2(
        env,
        &[
            ("Action", "CreateRoute"),
            ("RouteTableId", &rtb),
            ("DestinationIpv6CidrBlock", "::/0"),
            ("GatewayId", &igw),
        ],
    );
    Net {
        vpc,
        private_a,
        private_b,
        rtb,
    }
}

/// The destinations of a route table's routes, e.g. ["10.1.0.0/16 local", "0.0.0.0/0 nat-…"].
fn routes(env: &TestEnv, rtb: &str) -> Vec<String> {
    let xml = ec2(
        env,
        &[("Action", "DescribeRouteTables"), ("RouteTableId.1", rtb)],
    );
    let set = &xml[xml.find("<routeSet>").unwrap()..xml.find("</routeSet>").unwrap()];
    set.split("<item>")
        .skip(1)
        .map(|item| {
            let dest = if item.contains("<destinationCidrBlock>") {
                tag(item, "destinationCidrBlock")
            } else {
                tag(item, "destinationIpv6CidrBlock")
            };
            let target = if item.contains("<natGatewayId>") {
                tag(item, "natGatewayId")
            } else {
                tag(item, "gatewayId")
            };
            format!(
                "{dest} {}",
                if target == "local" {
                    "local"
                } else {
                    &target[..4]
                }
            )
        })
        .collect()
}

pub(crate) fn user_with_policy(env: &TestEnv, user: &str, policy: &str) {
    iam(env, &[("Action", "CreateUser"), ("UserName", user)]);
    iam(
        env,
        &[
            ("Action", "PutUserPolicy"),
            ("UserName", user),
            ("PolicyName", "athena-access"),
            ("PolicyDocument", policy),
        ],
    );
}

fn user_policy(env: &TestEnv, user: &str) -> Value {
    let xml = iam(
        env,
        &[
            ("Action", "GetUserPolicy"),
            ("UserName", user),
            ("PolicyName", "athena-access"),
        ],
    );
    let raw = xml_unescape(&tag(&xml, "PolicyDocument"));
    let text = if raw.trim_start().starts_with('{') {
        raw
    } else {
        percent_decode(&raw)
    };
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("policy is not JSON ({e}): {text}"))
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap()
}

pub(crate) fn create_endpoint(env: &TestEnv, net: &Net, extra: &[&str]) -> Value {
    let mut args = vec![
        "-o",
        "json",
        "endpoint",
        "create",
        "athena",
        "--vpc-id",
        &net.vpc,
        "--subnet",
        &net.private_a,
        "--subnet",
        &net.private_b,
    ];
    args.extend_from_slice(extra);
    env.json(args)
}

#[test]
fn create_opens_443_and_444_keeps_private_dns_off_and_is_idempotent() {
    let env = TestEnv::new();
    let net = network(&env, 31);
    let first = create_endpoint(&env, &net, &["--allow-cidr", "10.10.0.0/16"]);
    assert_eq!(first["created"], true, "{first}");
    let e = &first["endpoint"];
    let id = e["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("vpce-"));
    assert_eq!(e["service_name"], "com.amazonaws.us-east-1.athena");
    assert_eq!(e["private_dns_enabled"], false);
    assert_eq!(e["state"], "available");
    assert!(first["jdbc_url"]
        .as_str()
        .unwrap()
        .starts_with("jdbc:awsathena://"));
    assert!(first["jdbc_url"]
        .as_str()
        .unwrap()
        .ends_with(":443;S3OutputLocation=s3://BUCKET/PREFIX/"));

    // The security group, read back from EC2: TCP 443 and 444 from the CIDR.
    let sg = first["security_group_created"].as_str().unwrap();
    let xml = ec2(
        &env,
        &[("Action", "DescribeSecurityGroups"), ("GroupId.1", sg)],
    );
    let ingress = &xml[xml.find("<ipPermissions>").unwrap()..xml.find("</ipPermissions>").unwrap()];
    for port in ["443", "444"] {
        assert!(
            ingress.contains(&format!("<fromPort>{port}</fromPort>"))
                && ingress.contains(&format!("<toPort>{port}</toPort>")),
            "port {port} not open: {ingress}"
        );
    }
    assert!(ingress.contains("10.10.0.0/16"), "{ingress}");
    assert!(e["security_group_ids"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g == sg));

    // Again: the endpoint is reused, nothing is created.
    let again = create_endpoint(&env, &net, &["--allow-cidr", "10.10.0.0/16"]);
    assert_eq!(again["created"], false);
    assert_eq!(again["endpoint"]["id"], id.as_str());
    let table = env
        .lg([
            "endpoint",
            "create",
            "athena",
            "--vpc-id",
            &net.vpc,
            "--subnet",
            &net.private_a,
            "--allow-cidr",
            "10.10.0.0/16",
        ])
        .success();
    let out = stdout(&table);
    assert!(out.contains(&format!("endpoint {id} exists")), "{out}");
    assert!(out.contains("JDBC URL:"), "{out}");
}

#[test]
fn create_with_private_dns_and_an_existing_group() {
    let env = TestEnv::new();
    let net = network(&env, 32);
    let sg = tag(
        &ec2(
            &env,
            &[
                ("Action", "CreateSecurityGroup"),
                ("VpcId", &net.vpc),
                ("GroupName", &env.name("sg")),
                ("GroupDescription", "test"),
            ],
        ),
        "groupId",
    );
    let r = create_endpoint(&env, &net, &["--security-group", &sg, "--private-dns"]);
    assert_eq!(r["endpoint"]["private_dns_enabled"], true);
    assert_eq!(r["security_group_created"], Value::Null);
    assert_eq!(r["endpoint"]["security_group_ids"][0], sg.as_str());
}

#[test]
fn dry_run_creates_nothing() {
    let env = TestEnv::new();
    let net = network(&env, 33);
    let a = env
        .lg([
            "--dry-run",
            "endpoint",
            "create",
            "athena",
            "--vpc-id",
            &net.vpc,
            "--subnet",
            &net.private_a,
            "--allow-cidr",
            "10.10.0.0/16",
        ])
        .success();
    assert!(stdout(&a).contains("Dry run: nothing was changed."));
    let xml = ec2(
        &env,
        &[
            ("Action", "DescribeVpcEndpoints"),
            ("Filter.1.Name", "vpc-id"),
            ("Filter.1.Value.1", &net.vpc),
        ],
    );
    assert!(!xml.contains("<vpcEndpointId>"), "{xml}");
}

#[test]
fn lockdown_status_and_unlock_follow_the_walkthrough() {
    let env = TestEnv::new();
    let net = network(&env, 34);
    let user = env.name("analyst");
    user_with_policy(&env, &user, POLICY);
    let created = create_endpoint(&env, &net, &["--allow-cidr", "10.10.0.0/16"]);
    let vpce = created["endpoint"]["id"].as_str().unwrap().to_string();
    let routes_before = routes(&env, &net.rtb);
    assert_eq!(routes_before.len(), 3, "{routes_before:?}");

    // Before: not locked down (exit 3), with the reasons.
    let st = env
        .lg([
            "-o", "json", "endpoint", "status", "--vpce", &vpce, "--user", &user,
        ])
        .code(3);
    let s = json(&stdout(&st));
    assert_eq!(s["locked_down"], false);
    let failing: Vec<&str> = s["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["ok"] == false)
        .map(|c| c["check"].as_str().unwrap())
        .collect();
    assert_eq!(
        failing,
        vec![
            "no internet route",
            "policy conditioned",
            "denied outside the endpoint"
        ]
    );

    // Dry run: both diffs, nothing changed.
    let dry = env
        .lg([
            "--dry-run",
            "endpoint",
            "lockdown",
            "--vpce",
            &vpce,
            "--user",
            &user,
            "--subnet",
            &net.private_a,
        ])
        .success();
    let out = stdout(&dry);
    assert!(out.contains("-0.0.0.0/0 -> nat-"), "{out}");
    assert!(out.contains("-::/0 -> igw-"), "{out}");
    assert!(out.contains("+          \"aws:SourceVpce\""), "{out}");
    assert!(out.contains("Dry run: nothing was changed."), "{out}");
    // The route table also serves private_b, which was not named.
    assert!(stderr(&dry).contains(&net.private_b), "{}", stderr(&dry));
    assert_eq!(routes(&env, &net.rtb), routes_before);
    assert_eq!(user_policy(&env, &user), json(POLICY));

    // Without --yes in a script: refused, nothing changed.
    let refused = env
        .lg([
            "endpoint",
            "lockdown",
            "--vpce",
            &vpce,
            "--user",
            &user,
            "--subnet",
            &net.private_a,
        ])
        .code(2);
    assert!(stderr(&refused).contains("--yes"), "{}", stderr(&refused));
    assert_eq!(routes(&env, &net.rtb), routes_before);

    // Lock down.
    env.lg([
        "--yes",
        "endpoint",
        "lockdown",
        "--vpce",
        &vpce,
        "--user",
        &user,
        "--subnet",
        &net.private_a,
    ])
    .success();
    let after: Vec<String> = routes(&env, &net.rtb);
    assert_eq!(after, vec!["10.34.0.0/16 local".to_string()]);
    let locked = json(&LOCKED.replace("<<your vpce id>>", &vpce));
    assert_eq!(user_policy(&env, &user), locked);

    // Status: locked down, exit 0.
    let ok = env.json([
        "-o", "json", "endpoint", "status", "--vpce", &vpce, "--user", &user,
    ]);
    assert_eq!(ok["locked_down"], true, "{ok}");
    let table = env
        .lg(["endpoint", "status", "--vpce", &vpce, "--user", &user])
        .success();
    assert!(stdout(&table).contains("is locked down"));

    // Again: nothing to change.
    let again = env
        .lg([
            "--yes",
            "endpoint",
            "lockdown",
            "--vpce",
            &vpce,
            "--user",
            &user,
            "--route-table",
            &net.rtb,
        ])
        .success();
    assert!(
        stdout(&again).contains("nothing changed"),
        "{}",
        stdout(&again)
    );

    // Unlock lifts a network restriction: off a terminal it asks for --yes (exit 2) and
    // changes nothing (issue 22).
    let locked = routes(&env, &net.rtb);
    let asked = env
        .lg(["endpoint", "unlock", "--vpce", &vpce, "--user", &user])
        .code(2);
    assert!(
        stderr(&asked).contains("lifts a network restriction") && stderr(&asked).contains("--yes"),
        "{}",
        stderr(&asked)
    );
    assert_eq!(routes(&env, &net.rtb), locked);
    // Unlock: the routes and the policy come back.
    env.lg([
        "--yes", "endpoint", "unlock", "--vpce", &vpce, "--user", &user,
    ])
    .success();
    let mut restored = routes(&env, &net.rtb);
    restored.sort();
    let mut expected = routes_before.clone();
    expected.sort();
    assert_eq!(restored, expected);
    assert_eq!(user_policy(&env, &user), json(POLICY));
    env.lg(["endpoint", "status", "--vpce", &vpce, "--user", &user])
        .code(3);

    // Nothing left to unlock.
    let none = env
        .lg(["endpoint", "unlock", "--vpce", &vpce, "--user", &user])
        .code(1);
    assert!(stderr(&none).contains("no lockdown"), "{}", stderr(&none));
}

#[test]
fn lockdown_refuses_the_identity_running_lakegate() {
    let env = TestEnv::new();
    let net = network(&env, 35);
    // moto's caller identity is arn:aws:sts::123456789012:user/moto.
    let _ = http(
        env.port(),
        "POST",
        "/",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            (
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0",
            ),
        ],
        b"Action=CreateUser&UserName=moto&Version=2010-05-08",
    );
    let created = create_endpoint(&env, &net, &["--allow-cidr", "10.10.0.0/16"]);
    let vpce = created["endpoint"]["id"].as_str().unwrap().to_string();
    let before = routes(&env, &net.rtb);
    let a = env.lg([
        "--yes",
        "endpoint",
        "lockdown",
        "--vpce",
        &vpce,
        "--user",
        "moto",
        "--subnet",
        &net.private_a,
    ]);
    assert_usage_error(a, "refusing to lock down moto");
    assert_eq!(routes(&env, &net.rtb), before);
}

#[test]
fn lockdown_of_missing_things_fails_cleanly() {
    let env = TestEnv::new();
    let a = env
        .lg([
            "endpoint",
            "lockdown",
            "--vpce",
            "vpce-0123456789abcdef0",
            "--user",
            "nobody",
            "--subnet",
            "subnet-01234567",
        ])
        .code(1);
    assert!(stderr(&a).contains("does not exist"), "{}", stderr(&a));
    let s = env
        .lg(["endpoint", "status", "--vpce", "vpce-0123456789abcdef0"])
        .code(1);
    assert!(stderr(&s).contains("does not exist"), "{}", stderr(&s));
}

#[test]
fn bad_arguments_exit_2_naming_the_argument() {
    let env = TestEnv::offline();
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "endpoint",
                "create",
                "athena",
                "--vpc-id",
                "vpc-1",
                "--subnet",
                "subnet-1",
                "--allow-cidr",
                "10.0.0.0/99",
            ],
            "--allow-cidr",
        ),
        (
            &[
                "endpoint",
                "create",
                "athena",
                "--vpc-id",
                "subnet-1",
                "--subnet",
                "subnet-1",
                "--allow-cidr",
                "10.0.0.0/16",
            ],
            "--vpc-id",
        ),
        (
            &[
                "endpoint", "lockdown", "--vpce", "vpc-1", "--user", "u", "--subnet", "subnet-1",
            ],
            "--vpce",
        ),
        (
            &[
                "endpoint", "lockdown", "--vpce", "vpce-1", "--user", "a b", "--subnet", "subnet-1",
            ],
            "--user",
        ),
        (
            &[
                "endpoint",
                "lockdown",
                "--vpce",
                "vpce-1",
                "--user",
                "u",
                "--route-table",
                "subnet-1",
            ],
            "--route-table",
        ),
        (&["endpoint", "status", "--vpce", "nope"], "--vpce"),
    ];
    for (args, needle) in cases {
        assert_usage_error(env.lg(*args), needle);
    }
    // clap's own errors: exit 2 as well.
    env.lg([
        "endpoint", "create", "athena", "--vpc-id", "vpc-1", "--subnet", "subnet-1",
    ])
    .code(2);
    env.lg([
        "endpoint",
        "create",
        "athena",
        "--vpc-id",
        "vpc-1",
        "--subnet",
        "subnet-1",
        "--security-group",
        "sg-1",
        "--allow-cidr",
        "10.0.0.0/16",
    ])
    .code(2);
    env.lg(["endpoint", "lockdown", "--vpce", "vpce-1", "--user", "u"])
        .code(2);
}

#[test]
fn lockdown_and_unlock_are_on_the_pipeline() {
    let env = TestEnv::new();
    let net = network(&env, 36);
    let user = env.name("piped");
    user_with_policy(&env, &user, POLICY);
    // endpoint create: one plan document (the security group, then the endpoint).
    let dry = env
        .lg([
            "--dry-run",
            "-o",
            "json",
            "endpoint",
            "create",
            "athena",
            "--vpc-id",
            &net.vpc,
            "--subnet",
            &net.private_a,
            "--allow-cidr",
            "10.10.0.0/16",
        ])
        .success();
    let plan = crate::pipeline::one_plan(&stdout(&dry));
    let targets: Vec<&str> = plan["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["target"].as_str().unwrap())
        .collect();
    assert_eq!(targets, ["security-group", "vpc-endpoint"], "{plan:#}");
    let created = create_endpoint(&env, &net, &["--allow-cidr", "10.10.0.0/16"]);
    let vpce = created["endpoint"]["id"].as_str().unwrap().to_string();
    // Again, under --dry-run: reused, nothing planned.
    let again = env
        .lg([
            "--dry-run",
            "-o",
            "json",
            "endpoint",
            "create",
            "athena",
            "--vpc-id",
            &net.vpc,
            "--subnet",
            &net.private_a,
            "--allow-cidr",
            "10.10.0.0/16",
        ])
        .success();
    assert_eq!(
        crate::pipeline::one_plan(&stdout(&again))["changes"],
        serde_json::json!([])
    );
    let before = routes(&env, &net.rtb);
    let lockdown = [
        "endpoint",
        "lockdown",
        "--vpce",
        &vpce,
        "--user",
        &user,
        "--route-table",
        &net.rtb,
    ];

    // --dry-run -o json: one plan document, the routes and the policy, nothing changed.
    let mut a = vec!["--dry-run", "-o", "json"];
    a.extend(lockdown);
    let plan = crate::pipeline::one_plan(&stdout(&env.lg(&a).success()));
    let targets: Vec<&str> = plan["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["target"].as_str().unwrap())
        .collect();
    assert_eq!(targets, ["route-table", "user-inline-policy"]);
    assert_eq!(routes(&env, &net.rtb), before);

    // Under --lock-bucket, another holder's lease on the route table blocks it.
    let locks = env.bucket("ep-locks");
    crate::pipeline::put_lease(&env, &locks, &net.rtb, "other-host/7/lease");
    let a = env
        .cmd()
        .env("LAKEGATE_LOCK_TIMEOUT", "1")
        .args(["--yes", "--lock-bucket", &locks])
        .args(lockdown)
        .assert()
        .code(1);
    assert!(
        stderr(&a).contains("is being changed by other-host/7/lease"),
        "{}",
        stderr(&a)
    );
    assert_eq!(routes(&env, &net.rtb), before);
    assert_eq!(user_policy(&env, &user), json(POLICY));

    // The lockdown leaves ordinary history entries (routes and policy); unlock rolls them back.
    let mut a = vec!["--yes", "-o", "json"];
    a.extend(lockdown);
    let done = env.json(&a);
    assert_eq!(
        done["history_versions"].as_array().unwrap().len(),
        2,
        "{done:#}"
    );
    assert_eq!(env.history_files().len(), 2);
    let dry = env
        .lg([
            "--dry-run",
            "-o",
            "json",
            "endpoint",
            "unlock",
            "--vpce",
            &vpce,
            "--user",
            &user,
        ])
        .success();
    crate::pipeline::one_plan(&stdout(&dry));
    env.lg([
        "--yes", "endpoint", "unlock", "--vpce", &vpce, "--user", &user,
    ])
    .success();
    let mut restored = routes(&env, &net.rtb);
    restored.sort();
    let mut expected = before.clone();
    expected.sort();
    assert_eq!(restored, expected);
    assert_eq!(user_policy(&env, &user), json(POLICY));
}
