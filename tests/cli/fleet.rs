//! The organization audit fanned out over the deployed function (`audit report --fan-out`,
//! `audit status`, `audit schedule … --fan-out`), on moto (Organizations, STS, S3, SQS, Lambda,
//! EventBridge, IAM).
//!
//! The run test plays the event source mapping itself: it receives the audit queue's messages
//! from moto, hands each batch to the real binary started as the function through an in-test
//! Lambda Runtime API ("Using the Lambda runtime API for custom runtimes",
//! https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html), as an SQS event in the
//! shape of "Using Lambda with Amazon SQS" (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html),
//! deletes the messages the function did not name in `batchItemFailures` and makes the others
//! visible again at once (their visibility timeout, shortened). moto moves a message received
//! `maxReceiveCount` times to the dead-letter queue, as SQS does. moto's own mapping (which
//! would run the function in a container) is not used: the queues of the run test have none.

use crate::faults::FaultProxy;
use crate::harness::{assert_usage_error, http, stderr, stdout, TestEnv, REGION};
use crate::org::{auth, json_api, keys, org, run, Org, ROLE};
use lakegate::policy::eval::audit::COLUMNS;
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// An SQS (JSON protocol) call as the account of `key`.
fn sqs(env: &TestEnv, key: &str, op: &str, body: Value) -> Value {
    json_api(env, key, ("sqs", "AmazonSQS", "1.0"), op, body)
}

/// `audit status RUN --upload U` with `extra` options, as the management account; it succeeds.
fn status(
    env: &TestEnv,
    o: &Org,
    run: &str,
    upload: &str,
    extra: &[&str],
) -> assert_cmd::assert::Assert {
    let mut args = vec!["audit", "status", run, "--upload", upload];
    args.extend_from_slice(extra);
    crate::org::run(env, o, &args).success()
}

/// [`status`] as JSON.
fn status_json(env: &TestEnv, o: &Org, run: &str, upload: &str) -> Value {
    serde_json::from_str(&stdout(&status(env, o, run, upload, &["-o", "json"]))).unwrap()
}

/// A unit's name (`ACCOUNT-REGION`) from an object naming its account and region.
fn unit(f: &Value) -> String {
    format!(
        "{}-{}",
        f["account"].as_str().unwrap(),
        f["region"].as_str().unwrap()
    )
}

/// A manifest's failed units: name → (cause, attempts).
fn failed_units(manifest: &Value) -> HashMap<String, (String, u64)> {
    manifest["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let cause = f["cause"].as_str().unwrap().to_string();
            (unit(f), (cause, f["attempts"].as_u64().unwrap()))
        })
        .collect()
}

/// The strings of a JSON array.
fn strs(v: &Value) -> BTreeSet<&str> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect()
}

/// Up to `max` messages of queue `url` with all their attributes, hidden for `hide` seconds.
fn receive(env: &TestEnv, key: &str, url: &str, max: u32, hide: u32) -> Vec<Value> {
    sqs(
        env,
        key,
        "ReceiveMessage",
        json!({"QueueUrl": url, "MaxNumberOfMessages": max, "VisibilityTimeout": hide,
               "MessageSystemAttributeNames": ["All"], "AttributeNames": ["All"]}),
    )["Messages"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// An object's bytes, read as the account of `key` (not through lakegate).
fn object(env: &TestEnv, key: &str, bucket: &str, object_key: &str) -> Option<String> {
    let a = auth(key, "s3");
    let (status, body) = http(
        env.port(),
        "GET",
        &format!("/{bucket}/{object_key}"),
        &[("Authorization", &a)],
        &[],
    )
    .unwrap();
    (status == 200).then(|| String::from_utf8_lossy(&body).into_owned())
}

/// The queue and dead-letter queue a fanned-out schedule makes (same attributes), without the
/// event source mapping: the queue's URL and ARN, the dead-letter queue's URL.
pub(crate) fn queues(env: &TestEnv, key: &str, name: &str) -> (String, String, String) {
    let dlq = sqs(
        env,
        key,
        "CreateQueue",
        json!({"QueueName": format!("{name}-dlq")}),
    );
    let dlq_url = dlq["QueueUrl"].as_str().unwrap().to_string();
    let dlq_arn = queue_arn(env, key, &dlq_url);
    let q = sqs(
        env,
        key,
        "CreateQueue",
        json!({"QueueName": name, "Attributes": {
            "VisibilityTimeout": "1800",
            "RedrivePolicy": json!({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 3}).to_string(),
        }}),
    );
    let url = q["QueueUrl"].as_str().unwrap().to_string();
    let arn = queue_arn(env, key, &url);
    (url, arn, dlq_url)
}

/// The planner of a fanned-out run over the organization, onto queue `qname`, uploading to
/// `upload`: what it prints (the run, its date and its units).
pub(crate) fn plan_run(env: &TestEnv, o: &Org, qname: &str, upload: &str) -> Value {
    plan_run_with(env, o, qname, upload, &[])
}

/// The same, with more `audit report` options (`--sampled`, `--exclude-account ID`, …).
fn plan_run_with(env: &TestEnv, o: &Org, qname: &str, upload: &str, extra: &[&str]) -> Value {
    let mut args = vec!["-o", "json"];
    args.extend(planner_args(qname, upload));
    args.extend_from_slice(extra);
    let a = run(env, o, &args).success();
    serde_json::from_str(&stdout(&a)).unwrap()
}

/// `audit report --organization … --fan-out --queue Q --upload U`.
fn planner_args<'a>(qname: &'a str, upload: &'a str) -> Vec<&'a str> {
    vec![
        "audit",
        "report",
        "--organization",
        "--member-role",
        ROLE,
        "--fan-out",
        "--queue",
        qname,
        "--upload",
        upload,
    ]
}

/// A local `audit report --organization` as CSV, with `extra` options: its run and its rows
/// (data lines, sorted).
fn local_report(
    env: &TestEnv,
    o: &Org,
    extra: &[&str],
) -> (assert_cmd::assert::Assert, Vec<String>) {
    let mut args = vec![
        "-o",
        "csv",
        "audit",
        "report",
        "--organization",
        "--member-role",
        ROLE,
    ];
    args.extend_from_slice(extra);
    let a = run(env, o, &args).success();
    let lines = data_lines(&stdout(&a));
    (a, lines)
}

/// The partition objects of a fanned-out run for `accounts` (the region in use), read back:
/// each object, and all their rows (data lines, sorted).
fn fleet_report(
    env: &TestEnv,
    o: &Org,
    reports: &str,
    (run_id, day): (&str, &str),
    accounts: &BTreeSet<&str>,
) -> (Vec<String>, Vec<String>) {
    let mut objects = Vec::new();
    let mut lines = Vec::new();
    for a in accounts {
        let csv = object(
            env,
            &o.mgmt_key,
            reports,
            &format!("lake/report/account={a}/dt={day}/{run_id}.{REGION}.csv"),
        )
        .unwrap_or_else(|| panic!("no partition object for {a}"));
        lines.extend(data_lines(&csv));
        objects.push(csv);
    }
    lines.sort();
    (objects, lines)
}

/// One attribute of a queue, as SQS gives it (a string).
fn attribute(env: &TestEnv, key: &str, url: &str, name: &str) -> String {
    sqs(
        env,
        key,
        "GetQueueAttributes",
        json!({"QueueUrl": url, "AttributeNames": [name]}),
    )["Attributes"][name]
        .as_str()
        .unwrap()
        .to_string()
}

fn queue_arn(env: &TestEnv, key: &str, url: &str) -> String {
    attribute(env, key, url, "QueueArn")
}

/// A queue's ApproximateNumberOfMessages.
fn messages(env: &TestEnv, key: &str, url: &str) -> String {
    attribute(env, key, url, "ApproximateNumberOfMessages")
}

// ---------------------------------------------------------------------------------------------
// The Runtime API: `/next` hands out the events pushed with `invoke`, one at a time, and holds
// the poll open while there is none; `/response` and `/error` are what `invoke` returns.
// ---------------------------------------------------------------------------------------------

type Shared<T> = Arc<(Mutex<T>, Condvar)>;

struct RuntimeApi {
    port: u16,
    next: Shared<VecDeque<(String, String, u64)>>,
    results: Shared<HashMap<String, (String, Value)>>,
    count: Mutex<usize>,
}

/// The deadline of an invocation that has all the time it needs (the year 2100).
const FAR: u64 = 4_102_444_800_000;

fn read_request(r: &mut BufReader<TcpStream>) -> Option<(String, String, Vec<u8>)> {
    let mut line = String::new();
    if r.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next()?.to_string(), parts.next()?.to_string());
    let (mut len, mut chunked) = (0usize, false);
    loop {
        let mut h = String::new();
        r.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let lower = h.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            len = v.trim().parse().unwrap_or(0);
        }
        if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
            chunked = true;
        }
    }
    let mut body = Vec::new();
    if chunked {
        loop {
            let mut size = String::new();
            r.read_line(&mut size).ok()?;
            let n = usize::from_str_radix(size.trim(), 16).ok()?;
            let mut chunk = vec![0u8; n + 2];
            r.read_exact(&mut chunk).ok()?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..n]);
        }
    } else {
        body.resize(len, 0);
        r.read_exact(&mut body).ok()?;
    }
    Some((method, path, body))
}

fn serve(
    stream: TcpStream,
    next: Shared<VecDeque<(String, String, u64)>>,
    results: Shared<HashMap<String, (String, Value)>>,
) {
    let mut w = stream.try_clone().unwrap();
    let mut r = BufReader::new(stream);
    while let Some((method, path, body)) = read_request(&mut r) {
        if method == "GET" && path.ends_with("/runtime/invocation/next") {
            let (lock, cv) = &*next;
            let mut q = lock.lock().unwrap();
            let deadline = Instant::now() + Duration::from_secs(600);
            while q.is_empty() {
                if Instant::now() > deadline {
                    return;
                }
                q = cv.wait_timeout(q, Duration::from_secs(1)).unwrap().0;
            }
            let (id, event, deadline_ms) = q.pop_front().unwrap();
            drop(q);
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nLambda-Runtime-Aws-Request-Id: {id}\r\nLambda-Runtime-Deadline-Ms: {deadline_ms}\r\nLambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:123456789012:function:lakegate-fulfiller\r\nLambda-Runtime-Trace-Id: Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700\r\ncontent-length: {}\r\n\r\n",
                event.len()
            );
            if w.write_all(head.as_bytes()).is_err() || w.write_all(event.as_bytes()).is_err() {
                return;
            }
        } else if method == "POST" && path.contains("/runtime/invocation/") {
            let mut seg = path.rsplit('/');
            let kind = seg.next().unwrap_or_default().to_string();
            let id = seg.next().unwrap_or_default().to_string();
            let v = serde_json::from_slice(&body).unwrap_or(Value::Null);
            let (lock, cv) = &*results;
            lock.lock().unwrap().insert(id, (kind, v));
            cv.notify_all();
            let ok = "{\"status\":\"OK\"}";
            let head = format!(
                "HTTP/1.1 202 Accepted\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                ok.len()
            );
            let _ = w.write_all(head.as_bytes());
            let _ = w.write_all(ok.as_bytes());
        } else {
            let _ = w.write_all(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n");
        }
    }
}

impl RuntimeApi {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let next: Shared<VecDeque<(String, String, u64)>> = Arc::default();
        let results: Shared<HashMap<String, (String, Value)>> = Arc::default();
        let (n, r) = (next.clone(), results.clone());
        std::thread::spawn(move || {
            for s in listener.incoming().flatten() {
                let (n, r) = (n.clone(), r.clone());
                std::thread::spawn(move || serve(s, n, r));
            }
        });
        RuntimeApi {
            port,
            next,
            results,
            count: Mutex::new(0),
        }
    }

    /// Hand `event` to the function and wait for its answer: ("response" | "error", body).
    fn invoke(&self, event: &Value) -> (String, Value) {
        self.invoke_until(event, FAR)
    }

    /// The same, the invocation ending at `deadline_ms` (milliseconds since the epoch).
    fn invoke_until(&self, event: &Value, deadline_ms: u64) -> (String, Value) {
        let id = {
            let mut c = self.count.lock().unwrap();
            *c += 1;
            format!("req-{c}")
        };
        {
            let (lock, cv) = &*self.next;
            lock.lock()
                .unwrap()
                .push_back((id.clone(), event.to_string(), deadline_ms));
            cv.notify_all();
        }
        let (lock, cv) = &*self.results;
        let mut res = lock.lock().unwrap();
        let deadline = Instant::now() + Duration::from_secs(240);
        loop {
            if let Some(r) = res.remove(&id) {
                return r;
            }
            assert!(
                Instant::now() < deadline,
                "the function never answered {id}"
            );
            res = cv.wait_timeout(res, Duration::from_millis(200)).unwrap().0;
        }
    }
}

/// Start the binary as the Lambda runtime would, acting as `key`'s account through `endpoint`.
fn start_function(env: &TestEnv, api: &RuntimeApi, key: &str, endpoint: &str) -> Child {
    let home = env.temp().join("lambda-home");
    std::fs::create_dir_all(&home).unwrap();
    Command::new(assert_cmd::cargo::cargo_bin("lakegate"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &home)
        .env("AWS_CONFIG_FILE", home.join("none"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.join("none"))
        .env("AWS_ACCESS_KEY_ID", key)
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_REGION", REGION)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_ENDPOINT_URL", endpoint)
        .env("LAKEGATE_STATE_DIR", env.state_dir())
        .env("AWS_LAMBDA_RUNTIME_API", format!("127.0.0.1:{}", api.port))
        .env("AWS_LAMBDA_FUNCTION_NAME", "lakegate-fulfiller")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// A received SQS message as the event source mapping hands it to the function ("Using Lambda
/// with Amazon SQS").
fn record(m: &Value, arn: &str) -> Value {
    json!({
        "messageId": m["MessageId"],
        "receiptHandle": m["ReceiptHandle"],
        "body": m["Body"],
        "attributes": m["Attributes"],
        "messageAttributes": {},
        "md5OfBody": m["MD5OfBody"],
        "eventSource": "aws:sqs",
        "eventSourceARN": arn,
        "awsRegion": REGION,
    })
}

/// What the event source mapping does, until the queue is empty and `done` holds: receive a
/// batch, invoke the function with it, delete what succeeded, make the failed ones visible
/// again. The number of invocations.
fn drain(
    env: &TestEnv,
    key: &str,
    url: &str,
    arn: &str,
    api: &RuntimeApi,
    done: impl Fn() -> bool,
) -> usize {
    let mut invocations = 0;
    for _ in 0..200 {
        let messages = receive(env, key, url, 5, 1800);
        if messages.is_empty() {
            if done() {
                return invocations;
            }
            std::thread::sleep(Duration::from_millis(200));
            continue;
        }
        let records: Vec<Value> = messages.iter().map(|m| record(m, arn)).collect();
        let (kind, answer) = api.invoke(&json!({ "Records": records }));
        invocations += 1;
        assert_eq!(kind, "response", "{answer}");
        let failed: BTreeSet<String> = answer["batchItemFailures"]
            .as_array()
            .unwrap_or_else(|| panic!("no batchItemFailures: {answer}"))
            .iter()
            .map(|f| f["itemIdentifier"].as_str().unwrap().to_string())
            .collect();
        for m in &messages {
            let handle = m["ReceiptHandle"].clone();
            if failed.contains(m["MessageId"].as_str().unwrap()) {
                sqs(
                    env,
                    key,
                    "ChangeMessageVisibility",
                    json!({"QueueUrl": url, "ReceiptHandle": handle, "VisibilityTimeout": 0}),
                );
            } else {
                sqs(
                    env,
                    key,
                    "DeleteMessage",
                    json!({"QueueUrl": url, "ReceiptHandle": handle}),
                );
            }
        }
    }
    panic!("the run did not finish within 200 polls");
}

/// The deployed mapping whose source is the queue `name`.
fn mapping(got: &Value, name: &str) -> Value {
    got["mappings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| {
            m["EventSourceArn"]
                .as_str()
                .unwrap()
                .ends_with(&format!(":{name}"))
        })
        .unwrap_or_else(|| panic!("no mapping from {name}: {got}"))
        .clone()
}

/// A plan's changes as `TARGET ACTION`.
fn changes_of(plan: &Value) -> Vec<String> {
    plan["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                c["target"].as_str().unwrap(),
                c["action"].as_str().unwrap()
            )
        })
        .collect()
}

/// What a fanned-out schedule deployed, read with boto3: the audit queue's attributes, the
/// function's event source mappings, the schedule's inline policy and the rule's job.
fn deployed(env: &TestEnv, queue: &str, f: &str) -> Value {
    crate::deploy::boto(
        env,
        &format!(
            "s = c('sqs'); q = s.get_queue_url(QueueName='{queue}')['QueueUrl']\n\
             a = s.get_queue_attributes(QueueUrl=q, AttributeNames=['All'])['Attributes']\n\
             m = c('lambda').list_event_source_mappings(FunctionName='{f}')['EventSourceMappings']\n\
             p = c('iam').get_role_policy(RoleName='{f}-role', PolicyName='lakegate-audit-weekly')['PolicyDocument']\n\
             t = c('events').list_targets_by_rule(Rule='{f}-audit-weekly')['Targets']\n\
             out = {{'attrs': a, 'mappings': m, 'policy': p, 'input': t[0]['Input']}}"
        ),
    )
}

/// The audit queue's redrive policy, of what [`deployed`] read.
fn redrive(got: &Value) -> Value {
    serde_json::from_str(got["attrs"]["RedrivePolicy"].as_str().unwrap()).unwrap()
}

/// CSV data lines (header left out), sorted.
fn data_lines(csv: &str) -> Vec<String> {
    let mut v: Vec<String> = csv.lines().skip(1).map(str::to_owned).collect();
    v.sort();
    v
}

#[test]
fn a_fanned_out_run_covers_every_member_retries_a_fault_and_names_the_one_it_cannot_enter() {
    let env = TestEnv::new();
    let o = org(&env);
    let (m1, missing) = (&o.members[1], o.missing());
    let reports = o.reports_bucket(&env);
    let upload = format!("s3://{reports}/lake/");
    let qname = format!("audit-{}", &env.name("q").replace('_', "-"))
        .chars()
        .take(40)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string();
    let (url, arn, dlq_url) = queues(&env, &o.mgmt_key, &qname);

    // The planner: every account of the organization × the region in use.
    let started = plan_run(&env, &o, &qname, &upload);
    let run_id = started["run"].as_str().unwrap().to_string();
    assert_eq!(started["units"], 5, "{started}");
    let plan: Value = serde_json::from_str(
        &object(
            &env,
            &o.mgmt_key,
            &reports,
            &format!("lake/runs/{run_id}/plan.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(plan["units"].as_array().unwrap().len(), 5);
    assert_eq!(plan["max_receive"], 3);

    // Before any unit ran: all pending, all queued.
    let s = status_json(&env, &o, &run_id, &upload);
    assert_eq!(
        (s["state"].as_str(), s["pending"].as_u64()),
        (Some("running"), Some(5))
    );
    assert_eq!(s["queued"], 5, "{s}");

    // Member 1's first completion marker is refused once (403): its unit fails, SQS delivers it
    // again, and the second delivery completes it.
    let proxy = FaultProxy::start(&env);
    proxy.rules(json!([{
        "method": "PUT", "path": format!("done/{}-{REGION}.json", m1.id),
        "nth": 1, "times": 1, "action": "respond", "status": 403, "code": "AccessDenied"
    }]));
    let api = RuntimeApi::start();
    let mut function = start_function(&env, &api, &o.mgmt_key, &proxy.endpoint());
    let manifest_key = format!("lake/runs/{run_id}/manifest.json");
    let invocations = drain(&env, &o.mgmt_key, &url, &arn, &api, || {
        object(&env, &o.mgmt_key, &reports, &manifest_key).is_some()
    });
    let _ = function.kill();
    let log = {
        let mut s = String::new();
        let _ = function.stderr.take().unwrap().read_to_string(&mut s);
        s
    };
    let _ = function.wait();
    // One batch of five, then member 1 and the missing member, then the missing member alone.
    assert!(invocations >= 3, "{invocations} invocations\n{log}");

    // The manifest, read back: partial, naming the member it could not enter and why.
    let manifest: Value =
        serde_json::from_str(&object(&env, &o.mgmt_key, &reports, &manifest_key).unwrap()).unwrap();
    assert_eq!(manifest["partial"], true, "{manifest}");
    assert_eq!(manifest["units"], 5);
    let failed = manifest["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 1, "{manifest}");
    assert_eq!(failed[0]["account"], missing.id.as_str());
    assert_eq!(failed[0]["attempts"], 3);
    let cause = failed[0]["cause"].as_str().unwrap();
    assert!(
        cause.contains(&format!(
            "cannot assume arn:aws:iam::{}:role/{ROLE}",
            missing.id
        )),
        "{cause}"
    );
    let covered: BTreeSet<&str> = strs(&manifest["accounts"]);
    let mut expected: BTreeSet<&str> = o.members[..3].iter().map(|m| m.id.as_str()).collect();
    expected.insert(o.management.as_str());
    assert_eq!(covered, expected);

    // The partitions: one object per covered account, none for the missing one.
    let day = plan["date"].as_str().unwrap();
    let all = keys(&env, &o.mgmt_key, &reports);
    for a in &expected {
        let k = format!("lake/report/account={a}/dt={day}/{run_id}.{REGION}.csv");
        assert!(all.contains(&k), "{k} not in {all:#?}");
    }
    assert!(!all
        .iter()
        .any(|k| k.contains(&format!("account={}", missing.id))));
    // Member 1 failed once (its marker says which delivery) and then completed.
    let m1_failed: Value = serde_json::from_str(
        &object(
            &env,
            &o.mgmt_key,
            &reports,
            &format!("lake/runs/{run_id}/failed/{}-{REGION}.json", m1.id),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        (m1_failed["attempt"].as_u64(), m1_failed["last"].as_bool()),
        (Some(1), Some(false))
    );
    let m1_done: Value = serde_json::from_str(
        &object(
            &env,
            &o.mgmt_key,
            &reports,
            &format!("lake/runs/{run_id}/done/{}-{REGION}.json", m1.id),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(m1_done["attempt"], 2, "{m1_done}");

    // The missing member's unit is in the dead-letter queue; status says so.
    assert_eq!(messages(&env, &o.mgmt_key, &dlq_url), "1");
    let s = status_json(&env, &o, &run_id, &upload);
    assert_eq!(s["state"], "partial", "{s}");
    assert_eq!(
        (s["done"].as_u64(), s["failed"].as_u64()),
        (Some(4), Some(1))
    );
    assert_eq!(s["dead_letters"], 1);
    assert_eq!(s["failures"][0]["account"], missing.id.as_str());

    // The same code path: a local run over the same accounts gives the same rows.
    let exclude = missing.id.clone();
    let (local, local_lines) = local_report(&env, &o, &["--exclude-account", &exclude]);
    let (fleet_objects, fleet) = fleet_report(&env, &o, &reports, (&run_id, day), &expected);
    assert!(!local_lines.is_empty());
    assert_eq!(local_lines, fleet, "{}", stderr(&local));

    // A local upload the same day shares the fleet run's partitions: each run's objects are
    // named after it, so neither overwrites the other, and `audit query` reads each account's
    // latest run only (its rows are not counted twice).
    local_report(
        &env,
        &o,
        &["--exclude-account", &exclude, "--upload", &upload],
    );
    let all = keys(&env, &o.mgmt_key, &reports);
    for (a, before) in expected.iter().zip(&fleet_objects) {
        let partition = format!("lake/report/account={a}/dt={day}/");
        let mut names: Vec<&str> = all
            .iter()
            .filter_map(|k| k.strip_prefix(&partition))
            .collect();
        names.sort();
        assert_eq!(names.len(), 2, "{names:?}");
        let local_run = lakegate::audit::partition::run_of(names[1]).unwrap();
        assert_eq!(names[0], format!("{run_id}.{REGION}.csv"));
        assert_eq!(names[1], format!("{local_run}.csv"));
        assert!(local_run > run_id.as_str(), "{local_run} after {run_id}");
        let after = object(
            &env,
            &o.mgmt_key,
            &reports,
            &format!("{partition}{}", names[0]),
        );
        assert_eq!(
            after.as_ref(),
            Some(before),
            "the fleet run's object is intact"
        );
    }
    let rows = query_the_partitions(&env, &o.mgmt_key, &reports);
    assert_eq!(rows.len(), local_lines.len(), "{rows:#?}");
    assert!(
        rows.iter().all(|r| r["lakegate_run"] != run_id),
        "{rows:#?}"
    );
}

/// The same code path with the options that change the rows: a fanned-out `--sampled` run
/// (leaving the member without a role out), planned by the function as a schedule's job, has
/// the rows of a local `--sampled` run, which are not the exact rows (a unit told nothing
/// would compute those).
#[test]
fn a_sampled_fanned_out_run_has_the_rows_of_the_local_sampled_run() {
    let env = TestEnv::new();
    let o = org(&env);
    let missing = o.missing().id.clone();
    let reports = o.reports_bucket(&env);
    let upload = format!("s3://{reports}/lake/");
    let qname: String = format!("sampled-{}", env.id).chars().take(60).collect();
    let (url, arn, _) = queues(&env, &o.mgmt_key, &qname);
    let api = RuntimeApi::start();
    let mut function = start_function(&env, &api, &o.mgmt_key, &env.endpoint());
    // The job a schedule's rule hands the function (its constant input).
    let mut job = planner_args(&qname, &upload);
    job.extend(["--sampled", "--exclude-account", &missing]);
    let (kind, started) = api.invoke(&json!({ "lakegate": job }));
    assert_eq!(kind, "response", "{started}");
    assert_eq!(started["units"], 4, "{started}");
    let (run_id, day) = (
        started["run"].as_str().unwrap().to_string(),
        started["date"].as_str().unwrap().to_string(),
    );
    let manifest_key = format!("lake/runs/{run_id}/manifest.json");
    drain(&env, &o.mgmt_key, &url, &arn, &api, || {
        object(&env, &o.mgmt_key, &reports, &manifest_key).is_some()
    });
    let _ = function.kill();
    let _ = function.wait();
    let manifest: Value =
        serde_json::from_str(&object(&env, &o.mgmt_key, &reports, &manifest_key).unwrap()).unwrap();
    assert_eq!(manifest["partial"], false, "{manifest}");
    let covered: BTreeSet<&str> = strs(&manifest["accounts"]);
    assert_eq!(covered.len(), 4, "{manifest}");
    let (_, fleet) = fleet_report(&env, &o, &reports, (&run_id, &day), &covered);
    let (local, sampled) = local_report(&env, &o, &["--sampled", "--exclude-account", &missing]);
    assert!(!sampled.is_empty());
    assert_eq!(sampled, fleet, "{}", stderr(&local));
    let (_, exact) = local_report(&env, &o, &["--exclude-account", &missing]);
    assert_ne!(exact, fleet, "sampled rows differ from exact ones");
}

/// `audit query`'s SELECT (as [`lakegate::audit::table::query_sql`] writes it) run by SQLite
/// over every report object under `lake/report/` of `bucket`, read back with boto3: a table of
/// the report's columns, the `account` and `dt` partitions from the key, and Athena's `"$path"`
/// (`regexp_extract` as Athena's: the group, or NULL). The rows, with the run each came from.
fn query_the_partitions(env: &TestEnv, key: &str, bucket: &str) -> Vec<Value> {
    let sql = lakegate::audit::table::query_sql(
        "audit",
        "access",
        &lakegate::audit::table::Filters::default(),
        &COLUMNS,
    )
    .replacen("SELECT ", "SELECT \"lakegate_run\", ", 1);
    let columns: Vec<String> = COLUMNS.iter().map(|c| format!("\"{c}\"")).collect();
    let code = format!(
        r#"import csv, io, re, sqlite3
s3 = boto3.client('s3', endpoint_url='{endpoint}', region_name='{REGION}', aws_access_key_id='{key}', aws_secret_access_key='test')
db = sqlite3.connect(':memory:')
db.execute("ATTACH ':memory:' AS audit")
db.create_function('regexp_extract', 3, lambda s, p, g: (lambda m: m.group(g) if m else None)(re.search(p, s)))
db.execute('CREATE TABLE audit.access ({cols}, account, dt, "$path")')
for o in s3.list_objects_v2(Bucket='{bucket}', Prefix='lake/report/').get('Contents', []):
    k = o['Key']
    part = dict(p.split('=', 1) for p in k.split('/')[2:4])
    body = s3.get_object(Bucket='{bucket}', Key=k)['Body'].read().decode()
    for row in list(csv.reader(io.StringIO(body)))[1:]:
        db.execute('INSERT INTO audit.access VALUES ({marks}, ?, ?, ?)', row + [part['account'], part['dt'], 's3://{bucket}/' + k])
cur = db.execute({sql:?})
names = [d[0] for d in cur.description]
out = [dict(zip(names, r)) for r in cur.fetchall()]"#,
        endpoint = env.endpoint(),
        cols = columns.join(", "),
        marks = vec!["?"; COLUMNS.len()].join(", "),
    );
    crate::deploy::boto(env, &code)
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn a_fanned_out_schedule_deploys_its_queues_mapping_and_permissions_and_unschedule_removes_them() {
    let env = TestEnv::new();
    let b = env.bucket("fleet");
    let f = env.name("lgf");
    let zip = crate::deploy::tiny_zip(&env);
    env.json([
        "-o",
        "json",
        "subscription",
        "deploy",
        "--domain",
        "dzd_abc123",
        "--bucket",
        &b,
        "--function-name",
        &f,
        "--zip",
        &zip,
    ]);
    let upload = format!("s3://{b}/audit/");
    let schedule_args = |dry: bool, own: &[&str], report: &[&str]| -> Vec<String> {
        let mut args = vec!["-o", "json"];
        if dry {
            args.push("--dry-run");
        }
        args.extend([
            "audit",
            "schedule",
            "--function-name",
            &f,
            "--cron",
            "rate(1 day)",
        ]);
        args.extend_from_slice(own);
        args.extend([
            "--organization",
            "--member-role",
            ROLE,
            "--fan-out",
            "--upload",
            &upload,
        ]);
        args.extend_from_slice(report);
        args.into_iter().map(str::to_owned).collect()
    };
    let schedule = |dry: bool| env.json(schedule_args(dry, &[], &[]));
    let queue = format!("{f}-audit-weekly");
    let exists = |name: &str| {
        crate::deploy::boto(
            &env,
            &format!("import botocore\ntry:\n    c('sqs').get_queue_url(QueueName='{name}'); out = True\nexcept botocore.exceptions.ClientError:\n    out = False"),
        ) == json!(true)
    };

    // --dry-run: one plan with the queues and the mapping, nothing created.
    let plan = schedule(true);
    assert_eq!(plan["dry_run"], true);
    let targets = changes_of(&plan);
    for t in [
        "sqs-queue create",
        "event-source-mapping create",
        "event-rule create",
    ] {
        assert!(targets.iter().any(|x| x == t), "{t} not in {targets:?}");
    }
    assert!(!exists(&queue));

    let o = schedule(false);
    assert_eq!(o["changed"], true, "{o}");
    let got = deployed(&env, &queue, &f);
    let policy = redrive(&got);
    assert_eq!(policy["maxReceiveCount"].to_string().trim_matches('"'), "3");
    assert!(policy["deadLetterTargetArn"]
        .as_str()
        .unwrap()
        .ends_with(&format!(":{queue}-dlq")));
    assert_eq!(got["attrs"]["VisibilityTimeout"], "1800");
    // Two mappings: the work queue's and the dead-letter queue's (each dead unit is recorded
    // by the function and the last one finishes its run).
    assert_eq!(got["mappings"].as_array().unwrap().len(), 2, "{got}");
    let m = &mapping(&got, &queue);
    assert_eq!(m["BatchSize"], 5);
    let dead = &mapping(&got, &format!("{queue}-dlq"));
    assert_eq!(
        (
            dead["BatchSize"].as_u64(),
            dead["FunctionResponseTypes"].clone(),
            dead["ScalingConfig"]["MaximumConcurrency"].as_u64()
        ),
        (Some(10), json!(["ReportBatchItemFailures"]), Some(2)),
        "{dead}"
    );
    // Lambda wants a source queue's visibility timeout at least the function's timeout.
    let dlq_visibility = crate::deploy::boto(
        &env,
        &format!("u = c('sqs').get_queue_url(QueueName='{queue}-dlq')['QueueUrl']\nout = c('sqs').get_queue_attributes(QueueUrl=u, AttributeNames=['VisibilityTimeout'])['Attributes']['VisibilityTimeout']"),
    );
    assert_eq!(dlq_visibility, "1800");
    assert_eq!(
        m["FunctionResponseTypes"],
        json!(["ReportBatchItemFailures"])
    );
    assert_eq!(m["ScalingConfig"]["MaximumConcurrency"], 10);
    // Least privilege: the member role by name, exactly these queues, the upload prefix.
    let st = |sid: &str| {
        got["policy"]["Statement"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["Sid"] == sid)
            .unwrap_or_else(|| panic!("no {sid}: {got}"))
            .clone()
    };
    assert_eq!(
        st("AuditMemberRole")["Resource"],
        format!("arn:aws:iam::*:role/{ROLE}")
    );
    assert!(st("AuditQueue")["Resource"]
        .as_str()
        .unwrap()
        .ends_with(&format!(":{queue}")));
    // The dead-letter queue: what its mapping needs, never a send.
    assert!(st("AuditDeadLetters")["Resource"]
        .as_str()
        .unwrap()
        .ends_with(&format!(":{queue}-dlq")));
    assert_eq!(
        st("AuditDeadLetters")["Action"],
        json!([
            "sqs:ReceiveMessage",
            "sqs:DeleteMessage",
            "sqs:GetQueueUrl",
            "sqs:GetQueueAttributes"
        ])
    );
    assert_eq!(
        st("AuditUpload")["Resource"],
        format!("arn:aws:s3:::{b}/audit/*")
    );
    assert_eq!(
        st("AuditUpload")["Action"],
        json!(["s3:GetObject", "s3:PutObject"])
    );
    assert_eq!(
        st("AuditUploadList")["Condition"]["StringLike"]["s3:prefix"],
        "audit/*"
    );
    let input: Value = serde_json::from_str(got["input"].as_str().unwrap()).unwrap();
    let job: Vec<&str> = input["lakegate"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(
        job.contains(&"--fan-out") && job.ends_with(&["--queue", queue.as_str()]),
        "{job:?}"
    );

    // A redeploy plans nothing.
    let o = schedule(false);
    assert_eq!(o["changed"], false, "{o}");

    // Batch size, concurrency and deliveries are flags, checked against the API's limits
    // before anything is read or written.
    for (flag, bad) in [
        ("--batch-size", "0"),
        ("--batch-size", "11"),
        ("--max-concurrency", "1"),
        ("--max-concurrency", "1001"),
        ("--max-receive-count", "0"),
        ("--max-receive-count", "1001"),
    ] {
        assert_usage_error(env.lg(schedule_args(false, &[flag, bad], &[])), flag);
    }
    assert_usage_error(
        env.lg(schedule_args(false, &[], &["--batch-size", "2"])),
        "--batch-size is an option of `audit schedule`",
    );
    assert_usage_error(
        env.lg([
            "audit",
            "schedule",
            "--function-name",
            &f,
            "--cron",
            "rate(1 day)",
            "--max-concurrency",
            "20",
            "--all-buckets",
            "--upload",
            &upload,
        ]),
        "--max-concurrency: only a fanned-out schedule has a queue",
    );
    // Changed, they plan an update of the queue and the mapping; with --create-table the
    // role may create and alter exactly that table (the finisher runs as the function).
    let own = [
        "--batch-size",
        "2",
        "--max-concurrency",
        "20",
        "--max-receive-count",
        "5",
    ];
    let table = ["--create-table", "fleet_audit.org_access"];
    let plan = env.json(schedule_args(true, &own, &table));
    let changes = changes_of(&plan);
    for t in ["sqs-queue update", "event-source-mapping update"] {
        assert!(changes.iter().any(|x| x == t), "{t} not in {changes:?}");
    }
    assert_eq!(
        changes
            .iter()
            .filter(|c| c.starts_with("sqs-queue"))
            .count(),
        1,
        "only the work queue changes: {changes:?}"
    );
    let o = env.json(schedule_args(false, &own, &table));
    assert_eq!(o["changed"], true, "{o}");
    let got = deployed(&env, &queue, &f);
    assert_eq!(
        redrive(&got)["maxReceiveCount"]
            .to_string()
            .trim_matches('"'),
        "5"
    );
    assert_eq!(mapping(&got, &queue)["BatchSize"], 2, "{got}");
    assert_eq!(
        mapping(&got, &queue)["ScalingConfig"]["MaximumConcurrency"],
        20
    );
    assert_eq!(mapping(&got, &format!("{queue}-dlq"))["BatchSize"], 10);
    let statements: HashMap<String, Value> = got["policy"]["Statement"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["Sid"].as_str().unwrap().to_string(), s.clone()))
        .collect();
    let glue = |r: &str| format!("arn:aws:glue:{REGION}:123456789012:{r}");
    let table_statements: BTreeSet<&str> = statements
        .keys()
        .filter(|k| k.starts_with("AuditTable"))
        .map(String::as_str)
        .collect();
    assert_eq!(
        table_statements,
        BTreeSet::from([
            "AuditTable",
            "AuditTableDatabase",
            "AuditTableDefaultDatabase",
            "AuditTableMetadata",
            "AuditTableQueries",
            "AuditTableResults",
            "AuditTableResultsBucket",
        ])
    );
    let athena = |r: &str| format!("arn:aws:athena:{REGION}:123456789012:{r}");
    for (sid, field, want) in [
        (
            "AuditTableQueries",
            "Action",
            json!(["athena:StartQueryExecution", "athena:GetQueryExecution"]),
        ),
        (
            "AuditTableQueries",
            "Resource",
            json!(athena("workgroup/primary")),
        ),
        (
            "AuditTableMetadata",
            "Resource",
            json!(athena("datacatalog/AwsDataCatalog")),
        ),
        (
            "AuditTable",
            "Action",
            json!(["glue:GetTable", "glue:CreateTable", "glue:UpdateTable"]),
        ),
        (
            "AuditTable",
            "Resource",
            json!([
                glue("catalog"),
                glue("database/fleet_audit"),
                glue("table/fleet_audit/org_access")
            ]),
        ),
        (
            "AuditTableDatabase",
            "Resource",
            json!([glue("catalog"), glue("database/fleet_audit")]),
        ),
        (
            "AuditTableDefaultDatabase",
            "Action",
            json!("glue:GetDatabase"),
        ),
        (
            "AuditTableResults",
            "Resource",
            json!(format!("arn:aws:s3:::{b}/audit/athena-results/*")),
        ),
        (
            "AuditTableResultsBucket",
            "Resource",
            json!(format!("arn:aws:s3:::{b}")),
        ),
    ] {
        assert_eq!(statements[sid][field], want, "{sid} {field}");
    }
    // Nothing of Athena or Glue on any other resource.
    for st in statements.values() {
        let text = st["Action"].to_string();
        if text.contains("athena:") || text.contains("glue:") {
            assert!(!st["Resource"].to_string().contains('*'), "{st}");
        }
    }
    let o = env.json(schedule_args(false, &own, &table));
    assert_eq!(o["changed"], false, "{o}");

    // Removing a queue (and the units in it) is confirmed.
    env.lg(["audit", "unschedule", "--function-name", &f])
        .code(2);
    assert!(exists(&queue));
    let o = env.json([
        "-o",
        "json",
        "--yes",
        "audit",
        "unschedule",
        "--function-name",
        &f,
    ]);
    assert_eq!(o["changed"], true);
    assert!(!exists(&queue) && !exists(&format!("{queue}-dlq")));
    let left = crate::deploy::boto(
        &env,
        &format!("out = len(c('lambda').list_event_source_mappings(FunctionName='{f}')['EventSourceMappings'])"),
    );
    assert_eq!(left, 0);
    env.json([
        "-o",
        "json",
        "--yes",
        "subscription",
        "undeploy",
        "--function-name",
        &f,
    ]);
}

#[test]
fn a_dry_run_queues_nothing_and_finish_names_every_unit_without_a_result() {
    let env = TestEnv::new();
    let o = org(&env);
    let reports = o.reports_bucket(&env);
    let upload = format!("s3://{reports}/lake/");
    let qname = format!("audit-{}", env.id)
        .chars()
        .take(60)
        .collect::<String>();
    let (url, arn, dlq_url) = queues(&env, &o.mgmt_key, &qname);
    let depth = || messages(&env, &o.mgmt_key, &url);
    let fan_out = |extra: &[&str]| {
        let mut args: Vec<&str> = extra.to_vec();
        args.extend(planner_args(&qname, &upload));
        run(&env, &o, &args)
    };
    // --dry-run: the plan object in the printed plan, nothing written, nothing queued.
    let a = fan_out(&["--dry-run", "-o", "json"]).success();
    let plan: Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(plan["dry_run"], true);
    assert!(plan["changes"][0]["resource"]
        .as_str()
        .unwrap()
        .ends_with("/plan.json"));
    assert_eq!(depth(), "0");
    assert!(keys(&env, &o.mgmt_key, &reports).is_empty());
    // A queue without a dead-letter queue is refused: a failing unit would never be named.
    let bare = format!("{qname}-bare");
    sqs(&env, &o.mgmt_key, "CreateQueue", json!({"QueueName": bare}));
    let a = run(&env, &o, &planner_args(&bare, &upload)).code(1);
    assert!(
        stderr(&a).contains("has no dead-letter queue"),
        "{}",
        stderr(&a)
    );

    let a = fan_out(&["-o", "json"]).success();
    let run_id = serde_json::from_str::<Value>(&stdout(&a)).unwrap()["run"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(depth(), "5");
    // One unit is delivered to the function with less time left than a unit keeps to record a
    // timeout: it records one (delivery 1 of 3) and fails.
    let api = RuntimeApi::start();
    let mut function = start_function(&env, &api, &o.mgmt_key, &env.endpoint());
    let m = receive(&env, &o.mgmt_key, &url, 1, 0)[0].clone();
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;
    let (kind, answer) = api.invoke_until(&json!({"Records": [record(&m, &arn)]}), now_ms + 5_000);
    let _ = function.kill();
    let _ = function.wait();
    assert_eq!(kind, "response", "{answer}");
    assert_eq!(
        answer["batchItemFailures"][0]["itemIdentifier"],
        m["MessageId"]
    );
    let timed_out: Value = serde_json::from_str(m["Body"].as_str().unwrap()).unwrap();
    let recorded = &timed_out["fleet"];
    let marker: Value = serde_json::from_str(
        &object(
            &env,
            &o.mgmt_key,
            &reports,
            &format!("lake/runs/{run_id}/failed/{}.json", unit(recorded)),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        (marker["attempt"].as_u64(), marker["last"].as_bool()),
        (Some(1), Some(false)),
        "{marker}"
    );
    assert!(
        marker["cause"]
            .as_str()
            .unwrap()
            .starts_with("timed out: the unit had not finished 20 s before the function's timeout"),
        "{marker}"
    );

    // Then the function died in every delivery of four units (no failure marker: killed at
    // its timeout), and the fifth unit's message was lost (deleted by hand). SQS (moto) moves
    // a message received maxReceiveCount times to the dead-letter queue on the next receive.
    let mut lost: Option<Value> = None;
    let mut bodies: Vec<Value> = Vec::new();
    for _ in 0..8 {
        for m in receive(&env, &o.mgmt_key, &url, 10, 0) {
            let body: Value = serde_json::from_str(m["Body"].as_str().unwrap()).unwrap();
            if lost.is_none() && body != timed_out {
                sqs(
                    &env,
                    &o.mgmt_key,
                    "DeleteMessage",
                    json!({"QueueUrl": url, "ReceiptHandle": m["ReceiptHandle"]}),
                );
                lost = Some(body);
            } else if !bodies.contains(&body) {
                bodies.push(body);
            }
        }
    }
    assert_eq!(depth(), "0");
    let dead_depth = || messages(&env, &o.mgmt_key, &dlq_url);
    assert_eq!(dead_depth(), "4");
    let lost = lost.unwrap();
    let status = |extra: &[&str]| status(&env, &o, &run_id, &upload, extra);
    let people = stdout(&status(&[]));
    assert!(people.contains("running"), "{people}");
    // Status reads the dead-letter queue without consuming it: four units failed for good.
    let s: Value = serde_json::from_str(&stdout(&status(&["-o", "json"]))).unwrap();
    assert_eq!(
        (
            s["failed"].as_u64(),
            s["pending"].as_u64(),
            s["retrying"].as_u64()
        ),
        (Some(4), Some(1), Some(0)),
        "{s}"
    );
    assert_eq!(dead_depth(), "4");
    let s: Value = serde_json::from_str(&stdout(&status(&["--finish", "-o", "json"]))).unwrap();
    assert_eq!(s["state"], "partial", "{s}");
    assert_eq!(s["failures"].as_array().unwrap().len(), 5);
    assert_eq!(dead_depth(), "4", "the dead letters stay for a redrive");
    let manifest: Value = serde_json::from_str(
        &object(
            &env,
            &o.mgmt_key,
            &reports,
            &format!("lake/runs/{run_id}/manifest.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        (
            manifest["partial"].as_bool(),
            manifest["accounts"].as_array().map(Vec::len)
        ),
        (Some(true), Some(0))
    );
    // Every unit is named with its cause: the lost one as lost, the dead ones as dead with
    // the error their deliveries recorded, if any.
    let causes = failed_units(&manifest);
    assert_eq!(causes.len(), 5, "{manifest}");
    let (cause, attempts) = &causes[&unit(&lost["fleet"])];
    assert!(
        cause.starts_with("no result") && cause.contains("not in the dead-letter queue"),
        "{cause}"
    );
    assert_eq!(*attempts, 0);
    let (cause, attempts) = &causes[&unit(recorded)];
    assert_eq!(*attempts, 3);
    assert!(
        cause.starts_with(
            "in the dead-letter queue after 3 deliveries, the last of which recorded no result"
        ) && cause.contains(
            "the last error recorded (delivery 1 of 3): timed out: the unit had not finished 20 s"
        ),
        "{cause}"
    );
    for b in bodies.iter().filter(|b| **b != timed_out) {
        let (cause, attempts) = &causes[&unit(&b["fleet"])];
        assert_eq!(*attempts, 3);
        assert!(
            cause.starts_with("in the dead-letter queue after 3 deliveries")
                && cause.ends_with("no error was recorded"),
            "{cause}"
        );
    }
    // An unknown run is named.
    let a = run(
        &env,
        &o,
        &[
            "audit",
            "status",
            "20990101T000000Z-0000",
            "--upload",
            &upload,
        ],
    );
    assert!(stderr(&a.failure()).contains("no run 20990101T000000Z-0000"));
}

/// A unit whose every delivery died without a word (no failure marker: the function was
/// killed) reaches the dead-letter queue; the function, handed it by the dead-letter queue's
/// mapping, records it as failed for good and, the last unit, finishes the run: no one runs
/// `audit status --finish`. A dead letter delivered again changes nothing.
#[test]
fn the_dead_letter_queue_finishes_a_run_whose_unit_died_without_a_word() {
    let env = TestEnv::new();
    let o = org(&env);
    let missing = o.missing();
    let reports = o.reports_bucket(&env);
    let upload = format!("s3://{reports}/lake/");
    let qname = format!("dead-{}", env.id)
        .chars()
        .take(60)
        .collect::<String>();
    let (url, arn, dlq_url) = queues(&env, &o.mgmt_key, &qname);
    let dlq_arn = queue_arn(&env, &o.mgmt_key, &dlq_url);
    let run_id = plan_run(&env, &o, &qname, &upload)["run"]
        .as_str()
        .unwrap()
        .to_string();
    let receive = |q: &str, hide: u32| receive(&env, &o.mgmt_key, q, 10, hide);
    let show = |m: &Value| {
        sqs(
            &env,
            &o.mgmt_key,
            "ChangeMessageVisibility",
            json!({"QueueUrl": url, "ReceiptHandle": m["ReceiptHandle"], "VisibilityTimeout": 0}),
        );
    };
    // The management account's unit is delivered three times and each delivery dies (the
    // test plays a function killed at its timeout: nothing is recorded); SQS (moto) moves it
    // to the dead-letter queue on the next receive.
    let first = receive(&url, 1800);
    assert_eq!(first.len(), 5);
    let body = |m: &Value| serde_json::from_str::<Value>(m["Body"].as_str().unwrap()).unwrap();
    let dies = first
        .iter()
        .find(|m| body(m)["fleet"]["account"] == o.management.as_str())
        .unwrap()
        .clone();
    let dead_unit = unit(&body(&dies)["fleet"]);
    show(&dies);
    for _ in 0..2 {
        let again = receive(&url, 1800);
        assert_eq!(again.len(), 1);
        show(&again[0]);
    }
    assert!(receive(&url, 1800).is_empty());
    let dead_depth = || messages(&env, &o.mgmt_key, &dlq_url);
    assert_eq!(dead_depth(), "1");
    // The other units run on the function: three done, the missing member's fails every
    // delivery (its last marker final) and joins the dead letters.
    for m in first.iter().filter(|m| m["MessageId"] != dies["MessageId"]) {
        show(m);
    }
    let api = RuntimeApi::start();
    let mut function = start_function(&env, &api, &o.mgmt_key, &env.endpoint());
    drain(&env, &o.mgmt_key, &url, &arn, &api, || dead_depth() == "2");
    let manifest_key = format!("lake/runs/{run_id}/manifest.json");
    let manifest = || object(&env, &o.mgmt_key, &reports, &manifest_key);
    assert!(manifest().is_none(), "a unit has no word yet");
    let failed_key = |u: &str| format!("lake/runs/{run_id}/failed/{u}.json");
    assert!(object(&env, &o.mgmt_key, &reports, &failed_key(&dead_unit)).is_none());
    let missing_unit = format!("{}-{REGION}", missing.id);
    let missing_marker = object(&env, &o.mgmt_key, &reports, &failed_key(&missing_unit)).unwrap();

    // The dead-letter queue's mapping hands both dead letters to the function.
    let dead = receive(&dlq_url, 1800);
    assert_eq!(dead.len(), 2);
    let event = json!({"Records": dead.iter().map(|m| record(m, &dlq_arn)).collect::<Vec<_>>()});
    let (kind, answer) = api.invoke(&event);
    assert_eq!(kind, "response", "{answer}");
    assert_eq!(answer["batchItemFailures"], json!([]), "{answer}");
    let written = manifest().expect("the dead letter finished the run");
    let m: Value = serde_json::from_str(&written).unwrap();
    assert_eq!(m["partial"], true, "{m}");
    assert_eq!(m["accounts"].as_array().unwrap().len(), 3, "{m}");
    let causes = failed_units(&m);
    assert_eq!(causes.len(), 2, "{m}");
    // Received four times (three deliveries, then the dead-letter queue's own): three.
    let (cause, attempts) = &causes[&dead_unit];
    assert_eq!(*attempts, 3);
    assert!(
        cause.starts_with(
            "in the dead-letter queue after 3 deliveries, the last of which recorded no result"
        ) && cause.ends_with("no error was recorded"),
        "{cause}"
    );
    // The missing member's final marker is kept, with its own cause.
    let (cause, _) = &causes[&missing_unit];
    assert!(cause.contains("cannot assume"), "{cause}");
    assert_eq!(
        object(&env, &o.mgmt_key, &reports, &failed_key(&missing_unit)).unwrap(),
        missing_marker
    );
    let dead_marker = object(&env, &o.mgmt_key, &reports, &failed_key(&dead_unit)).unwrap();
    let s = status_json(&env, &o, &run_id, &upload);
    assert_eq!(
        (
            s["state"].as_str(),
            s["done"].as_u64(),
            s["failed"].as_u64()
        ),
        (Some("partial"), Some(3), Some(2)),
        "{s}"
    );

    // Delivered again (a redelivery of the same dead letters): nothing changes.
    let (kind, answer) = api.invoke(&event);
    let _ = function.kill();
    let _ = function.wait();
    assert_eq!(kind, "response", "{answer}");
    assert_eq!(answer["batchItemFailures"], json!([]), "{answer}");
    assert_eq!(manifest().unwrap(), written);
    assert_eq!(
        object(&env, &o.mgmt_key, &reports, &failed_key(&dead_unit)).unwrap(),
        dead_marker
    );
}

/// The dead-letter queue has no redrive: a dead letter the function fails comes back every
/// visibility timeout for 14 days. One that can never be handled (a body that is not a job, a
/// unit its run's plan does not name, a run whose plan is gone) is consumed — no batch item
/// failure, nothing written, one log line naming it and why — while a transient fault (S3
/// 503 SlowDown, through the fault proxy) is still reported so SQS delivers it again, until
/// its last delivery from the dead-letter queue (maxReceiveCount + 3), whose failure is
/// dropped with an error log line.
#[test]
fn dead_letters_that_can_never_be_handled_are_consumed_and_transient_faults_retried() {
    let env = TestEnv::new();
    let o = org(&env);
    let reports = o.reports_bucket(&env);
    let upload = format!("s3://{reports}/lake/");
    let qname: String = format!("poison-{}", env.id).chars().take(60).collect();
    let (url, _, dlq_url) = queues(&env, &o.mgmt_key, &qname);
    let dlq_arn = queue_arn(&env, &o.mgmt_key, &dlq_url);
    let run_id = plan_run(&env, &o, &qname, &upload)["run"]
        .as_str()
        .unwrap()
        .to_string();
    let m = receive(&env, &o.mgmt_key, &url, 1, 1800)[0].clone();
    // A record of the dead-letter queue's mapping: `body`, received `received` times.
    let dead = |id: &str, body: &str, received: u32| {
        let mut r = record(&m, &dlq_arn);
        r["messageId"] = json!(id);
        r["body"] = json!(body);
        r["attributes"]["ApproximateReceiveCount"] = json!(received.to_string());
        r
    };
    let unit_body = m["Body"].as_str().unwrap().to_string();
    let account = serde_json::from_str::<Value>(&unit_body).unwrap()["fleet"]["account"]
        .as_str()
        .unwrap()
        .to_string();
    let stranger = unit_body.replace(&account, "000011112222");
    assert_ne!(stranger, unit_body);

    let proxy = FaultProxy::start(&env);
    let api = RuntimeApi::start();
    let mut function = start_function(&env, &api, &o.mgmt_key, &proxy.endpoint());
    let failures = |answer: &Value| -> Vec<String> {
        answer["batchItemFailures"]
            .as_array()
            .unwrap_or_else(|| panic!("no batchItemFailures: {answer}"))
            .iter()
            .map(|f| f["itemIdentifier"].as_str().unwrap().to_string())
            .collect()
    };
    let written = || keys(&env, &o.mgmt_key, &reports);
    let before = written();
    assert_eq!(before, [format!("lake/runs/{run_id}/plan.json")]);

    // S3 answers the run's plan with 503 SlowDown (every try of the SDK's): a transient
    // failure, reported, so SQS delivers it again; on the dead letter's last delivery (3 + 3)
    // the same failure is dropped instead.
    proxy.rules(json!([{
        "method": "GET", "path": format!("runs/{run_id}/plan.json"),
        "action": "respond", "status": 503
    }]));
    let (kind, answer) = api.invoke(&json!({"Records": [
        dead("transient", &unit_body, 4),
        dead("transient-last", &unit_body, 6),
        dead("bad-body", "{not json", 4),
        dead("stranger", &stranger, 4),
    ]}));
    assert_eq!(kind, "response", "{answer}");
    // The stranger's unit reads the plan too: failed by the same fault, it is transient.
    let mut failed = failures(&answer);
    failed.sort();
    assert_eq!(failed, ["stranger", "transient"], "{answer}");
    assert!(proxy.requests().iter().any(|r| crate::faults::is(
        r,
        "GET",
        &format!("runs/{run_id}/plan.json")
    ) && r["action"] == "respond"));
    assert_eq!(written(), before);

    // Without the fault: the unit the plan does not name is consumed, nothing written.
    proxy.rules(json!([]));
    let (kind, answer) = api.invoke(&json!({"Records": [dead("stranger", &stranger, 5)]}));
    assert_eq!(kind, "response", "{answer}");
    assert!(failures(&answer).is_empty(), "{answer}");
    assert_eq!(written(), before);

    // The run's plan deleted: its dead letters are consumed, nothing written.
    crate::org::s3(
        &env,
        &o.mgmt_key,
        "DELETE",
        &format!("/{reports}/lake/runs/{run_id}/plan.json"),
        &o.management,
        &[],
    );
    let (kind, answer) = api.invoke(&json!({"Records": [dead("no-plan", &unit_body, 4)]}));
    assert_eq!(kind, "response", "{answer}");
    assert!(failures(&answer).is_empty(), "{answer}");
    assert!(written().is_empty(), "{:?}", written());

    let _ = function.kill();
    let log = {
        let mut s = String::new();
        let _ = function.stderr.take().unwrap().read_to_string(&mut s);
        s
    };
    let _ = function.wait();
    // One line per dropped message, naming it and why.
    let dropped: HashMap<String, (String, String)> = log
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|l| l["status"] == "dropped")
        .map(|l| {
            (
                l["message_id"].as_str().unwrap_or_default().to_string(),
                (
                    l["level"].as_str().unwrap_or("warning").to_string(),
                    l["reason"].to_string(),
                ),
            )
        })
        .collect();
    assert_eq!(dropped.len(), 4, "{log}");
    let reason = |id: &str| &dropped[id].1;
    assert!(reason("bad-body").contains("not a JSON job"), "{log}");
    assert!(
        reason("stranger").contains(&format!(
            "000011112222-{REGION} is not a unit of run {run_id}"
        )),
        "{log}"
    );
    assert!(
        reason("no-plan").contains(&format!("no run {run_id}")),
        "{log}"
    );
    assert!(
        reason("transient-last").contains("the dead letter's last delivery"),
        "{log}"
    );
    assert_eq!(dropped["transient-last"].0, "error");
    assert_eq!(
        dropped["no-plan"].0, "warning",
        "a drop of its own, not the backstop's"
    );
    assert!(!dropped.contains_key("transient"), "{log}");
}
