//! Lambda mode: when the Lambda runtime starts the binary (`AWS_LAMBDA_RUNTIME_API` set, no
//! arguments), it serves invocations with the `lambda_runtime` crate instead of parsing a command
//! line. Each invocation is one lakegate command, run as a child process of this same binary so
//! it goes through exactly the code path, output and exit codes of the command line:
//!
//! - an EventBridge event from `aws.datazone` → `lakegate subscription handle-event` with the
//!   event on stdin (plus the arguments in `LAKEGATE_EVENT_ARGS`, e.g. `--via access-point`);
//! - a job `{"lakegate": ["audit", "report", "--upload", "s3://…"]}` (the constant input of a
//!   schedule) → `lakegate audit report --upload s3://…`; only `audit report` and
//!   `subscription reconcile` may run this way.
//!
//! - an SQS event (the audit queue, through an event source mapping; "Using Lambda with Amazon
//!   SQS", AWS Lambda Developer Guide,
//!   https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html): `Records`, each with
//!   `eventSource` `aws:sqs`, a `messageId`, a `body` and `attributes.ApproximateReceiveCount`.
//!   Each record's body is a job (a unit of a fanned-out audit: `audit report --run RUN …`),
//!   run as its own child, the records of a batch at once. The response is
//!   `{"batchItemFailures": [{"itemIdentifier": MESSAGE_ID}, …]}` naming the records that failed
//!   ("Implementing partial batch responses", same guide; the mapping has
//!   `FunctionResponseTypes: ReportBatchItemFailures`), so only those are delivered again; a unit
//!   is told which delivery it is (`--attempt N/M`, M the queue's `maxReceiveCount`), so the
//!   last one records its failure as final before SQS moves it to the dead-letter queue.
//!
//! - an SQS event from the audit's dead-letter queue (its own event source mapping): a record
//!   whose `eventSourceARN` is not the queue its body says the planner sent it to is a unit
//!   every delivery of which died without a word; it runs as
//!   `audit report --run RUN … --dead-letter N` (N its `ApproximateReceiveCount`), which
//!   records the unit as failed for good and finishes the run if it was the last.
//!
//! - a record that can never be handled is consumed, not failed: the dead-letter queue has no
//!   redrive, so a failed dead letter would come back after every visibility timeout for the
//!   queue's 14-day retention. A body that is not a job is dropped at once (from either
//!   queue); a dead letter whose run's plan is gone or does not name it is dropped by the unit
//!   (its result says `dropped`: the error kind, not transient, decides); a dead letter
//!   received more than [`DEAD_LETTER_DELIVERIES`] times beyond its maxReceiveCount is dropped
//!   whatever its failure. Each drop is one log line naming the message id and why. A
//!   transient failure (S3 5xx, throttling) before that bound is still reported, so SQS
//!   delivers the message again.
//!
//! The response is the command's JSON output; a non-zero exit fails the invocation (its stderr
//! is the error message), so EventBridge retries it and, when retries run out, sends it to the
//! dead-letter queue. handle-event is idempotent, so a retry after a success changes nothing.
//! One JSON line per invocation is logged on stderr (CloudWatch Logs), with the request id.

use serde_json::{json, Value};
use std::time::Instant;

/// The verbs a scheduled job may run.
pub const JOB_VERBS: &[[&str; 2]] = &[["audit", "report"], ["subscription", "reconcile"]];

/// Global options a job may not set: the function's own environment decides where it runs.
const JOB_FORBIDDEN: &[&str] = &["--profile", "--endpoint-url", "--assume-role", "--region"];

/// What one invocation runs: lakegate's arguments and its stdin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub args: Vec<String>,
    pub stdin: Option<String>,
}

/// The job of an invocation's payload, or why it is refused.
pub fn job_of(payload: &Value, event_args: &[String]) -> Result<Job, String> {
    if let Some(list) = payload.get("lakegate") {
        let args: Vec<String> = list
            .as_array()
            .ok_or("job: field 'lakegate' is not an array of arguments")?
            .iter()
            .map(|a| a.as_str().map(str::to_owned))
            .collect::<Option<_>>()
            .ok_or("job: field 'lakegate' holds a non-string argument")?;
        let allowed = JOB_VERBS
            .iter()
            .any(|v| args.len() >= 2 && args[0] == v[0] && args[1] == v[1]);
        if !allowed {
            let verbs: Vec<String> = JOB_VERBS.iter().map(|v| v.join(" ")).collect();
            return Err(format!(
                "job: '{}' may not run from a schedule; allowed: {}",
                args.iter().take(2).cloned().collect::<Vec<_>>().join(" "),
                verbs.join(", ")
            ));
        }
        if let Some(f) = args.iter().find(|a| {
            JOB_FORBIDDEN
                .iter()
                .any(|f| a.as_str() == *f || a.starts_with(&format!("{f}=")))
        }) {
            return Err(format!(
                "job: {f} is not allowed: the function's configuration decides it"
            ));
        }
        let mut full = vec!["-o".to_string(), "json".to_string()];
        full.extend(args);
        return Ok(Job {
            args: full,
            stdin: None,
        });
    }
    if payload.get("source").and_then(Value::as_str) == Some("aws.datazone") {
        let mut args: Vec<String> = ["-o", "json", "subscription", "handle-event", "--file", "-"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        args.extend(event_args.iter().cloned());
        return Ok(Job {
            args,
            stdin: Some(payload.to_string()),
        });
    }
    Err(format!(
        "not a DataZone event (source '{}') nor a lakegate job ({{\"lakegate\": [ARGS…]}})",
        payload
            .get("source")
            .and_then(Value::as_str)
            .unwrap_or("none")
    ))
}

/// `LAKEGATE_EVENT_ARGS`: arguments added to every handle-event (split on whitespace).
fn event_args() -> Vec<String> {
    std::env::var("LAKEGATE_EVENT_ARGS")
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// The error an invocation reports to the runtime.
#[derive(Debug)]
struct Failure(lambda_runtime::Diagnostic);

impl From<Failure> for lambda_runtime::Diagnostic {
    fn from(f: Failure) -> Self {
        f.0
    }
}

fn failure(kind: &str, message: String) -> Failure {
    Failure(lambda_runtime::Diagnostic {
        error_type: kind.to_string(),
        error_message: message,
    })
}

fn log_line(v: &Value) {
    crate::output::to_stderr(&(v.to_string() + "\n"));
}

/// Deliveries of a dead letter (a unit's message in the dead-letter queue) beyond the
/// maxReceiveCount its run was planned with: SQS keeps counting a message's receives in the
/// dead-letter queue, so its ApproximateReceiveCount there starts at maxReceiveCount + 1. The
/// last of them that fails is dropped with an error log, and one received more often (an
/// invocation that died handling it) is dropped without being run: no dead letter circulates
/// until the queue's retention (14 days) ends.
pub const DEAD_LETTER_DELIVERIES: u32 = 3;

/// What the function does with one record of an SQS batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handling {
    /// Run the job; `last`: the dead letter's last delivery (see [`DEAD_LETTER_DELIVERIES`]),
    /// whose failure is logged and dropped instead of reported.
    Run { job: Job, last: bool },
    /// Never to be handled: logged with why, and reported as handled so that SQS deletes it.
    /// `backstop`: a dead letter delivered too often (else a body that is not a job).
    Drop { reason: String, backstop: bool },
}

/// The records of an SQS event, each as its message id and what to do with it; None when the
/// payload is not an SQS event.
pub fn sqs_jobs(payload: &Value) -> Option<Vec<(String, Handling)>> {
    let records = payload.get("Records")?.as_array()?;
    if records.is_empty()
        || !records
            .iter()
            .all(|r| r.get("eventSource").and_then(Value::as_str) == Some("aws:sqs"))
    {
        return None;
    }
    Some(
        records
            .iter()
            .map(|r| {
                let id = r
                    .get("messageId")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string();
                (id, sqs_job(r))
            })
            .collect(),
    )
}

/// A record's handling. A body that is not a lakegate job is refused for good: it is the same
/// bytes at every delivery, so it is dropped at once (from the audit queue as from its
/// dead-letter queue) rather than delivered again.
fn sqs_job(record: &Value) -> Handling {
    let body: Value = match record
        .get("body")
        .and_then(Value::as_str)
        .and_then(|b| serde_json::from_str(b).ok())
    {
        Some(b) => b,
        None => {
            return Handling::Drop {
                reason: "message: the body is not a JSON job ({\"lakegate\": [ARGS…]})".into(),
                backstop: false,
            }
        }
    };
    if body.get("lakegate").is_none() {
        return Handling::Drop {
            reason: "message: the body is not a lakegate job ({\"lakegate\": [ARGS…]})".into(),
            backstop: false,
        };
    }
    let mut job = match job_of(&body, &[]) {
        Ok(j) => j,
        Err(reason) => {
            return Handling::Drop {
                reason,
                backstop: false,
            }
        }
    };
    // A unit of a fanned-out audit learns which delivery this is, of how many.
    let received = record
        .pointer("/attributes/ApproximateReceiveCount")
        .and_then(Value::as_str)
        .and_then(|n| n.parse::<u32>().ok());
    let allowed = body
        .pointer("/fleet/max_receive")
        .and_then(Value::as_u64)
        .and_then(|m| u32::try_from(m).ok());
    let unit = job.args.iter().any(|a| a == "--run");
    let mut last = false;
    if unit && dead_lettered(record, &body) {
        // Every delivery of the unit ended without a word: it records that, and finishes the
        // run if it was the last.
        let received = received.unwrap_or(1).max(1);
        let bound = allowed
            .unwrap_or(u32::from(crate::fulfiller::UNIT_MAX_RECEIVE))
            .saturating_add(DEAD_LETTER_DELIVERIES);
        if received > bound {
            return Handling::Drop {
                reason: format!(
                "dead letter received {received} times, more than the unit's {} deliveries and {DEAD_LETTER_DELIVERIES} from the dead-letter queue: dropped without running it (the last deliveries ended without an answer: see the log); `audit status RUN --finish` names the unit",
                bound - DEAD_LETTER_DELIVERIES
                ),
                backstop: true,
            };
        }
        last = received == bound;
        job.args.push("--dead-letter".into());
        job.args.push(received.to_string());
    } else if let (Some(n), Some(m), true) = (received, allowed, unit) {
        job.args.push("--attempt".into());
        job.args.push(format!("{}/{m}", n.max(1)));
    }
    Handling::Run { job, last }
}

/// Whether a unit's message comes from the dead-letter queue: the queue of the record
/// (the last part of its `eventSourceARN`) is not the one the planner sent it to.
fn dead_lettered(record: &Value, body: &Value) -> bool {
    let source = record
        .get("eventSourceARN")
        .and_then(Value::as_str)
        .and_then(|arn| arn.rsplit(':').next());
    let sent_to = body.pointer("/fleet/queue").and_then(Value::as_str);
    matches!((source, sent_to), (Some(s), Some(q)) if s != q)
}

async fn invoke(ev: lambda_runtime::LambdaEvent<Value>) -> Result<Value, Failure> {
    let request_id = ev.context.request_id.clone();
    if let Some(mut records) = sqs_jobs(&ev.payload) {
        // A unit learns when the invocation ends, to record a timeout before it is killed.
        for (_, h) in records.iter_mut() {
            if let Handling::Run { job, .. } = h {
                if job.args.iter().any(|a| a == "--run") && ev.context.deadline > 0 {
                    job.args.push("--deadline".into());
                    job.args.push(ev.context.deadline.to_string());
                }
            }
        }
        return Ok(invoke_batch(&request_id, records));
    }
    let job = match job_of(&ev.payload, &event_args()) {
        Ok(j) => j,
        Err(why) => {
            log_line(&json!({"request_id": request_id, "status": "refused", "error": why}));
            return Err(failure("lakegate.BadInput", why));
        }
    };
    run_job(&request_id, &job, None)
}

/// An SQS batch: every record's job at once, each in its own child; the records that failed
/// (delivered again by SQS). A record dropped is logged (one line: its message id, why) and
/// not among them.
fn invoke_batch(request_id: &str, records: Vec<(String, Handling)>) -> Value {
    // One line per record dropped; the backstop's (a dead letter past its last delivery) is
    // an error: a unit is left without its final word.
    let dropped = |id: &str, reason: &str, backstop: bool| {
        let mut line = json!({"request_id": request_id, "message_id": id, "status": "dropped", "reason": reason});
        if backstop {
            line["level"] = json!("error");
        }
        log_line(&line);
    };
    let failed: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = records
            .iter()
            .map(|(id, h)| {
                s.spawn(move || match h {
                    Handling::Run { job, last } => match run_job(request_id, job, Some(id)) {
                        Ok(_) => false,
                        Err(f) if *last => {
                            dropped(
                                id,
                                &format!(
                                    "the dead letter's last delivery ({DEAD_LETTER_DELIVERIES} beyond the unit's) failed: {}; `audit status RUN --finish` names the unit",
                                    f.0.error_message
                                ),
                                true,
                            );
                            false
                        }
                        Err(_) => true,
                    },
                    Handling::Drop { reason, backstop } => {
                        dropped(id, reason, *backstop);
                        false
                    }
                })
            })
            .collect();
        records
            .iter()
            .zip(handles)
            .filter_map(|((id, _), h)| h.join().unwrap_or(true).then(|| id.clone()))
            .collect()
    });
    json!({
        "batchItemFailures": failed
            .iter()
            .map(|id| json!({"itemIdentifier": id}))
            .collect::<Vec<_>>()
    })
}

/// Run one job as a child of this binary; its JSON output, or its failure.
fn run_job(request_id: &str, job: &Job, message_id: Option<&str>) -> Result<Value, Failure> {
    let started = Instant::now();
    let exe = std::env::current_exe()
        .map_err(|e| failure("lakegate.Runtime", format!("cannot find this binary: {e}")))?;
    // One invocation at a time: the child is waited for synchronously.
    let mut cmd = std::process::Command::new(exe);
    cmd.args(&job.args)
        .arg("--no-progress")
        .arg("--color")
        .arg("never")
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        .stdin(if job.stdin.is_some() {
            std::process::Stdio::piped()
        } else {
            std::process::Stdio::null()
        })
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd
        .spawn()
        .map_err(|e| failure("lakegate.Runtime", format!("cannot start lakegate: {e}")))?;
    if let (Some(input), Some(mut pipe)) = (&job.stdin, child.stdin.take()) {
        use std::io::Write;
        pipe.write_all(input.as_bytes())
            .map_err(|e| failure("lakegate.Runtime", format!("cannot pass the event: {e}")))?;
    }
    let out = child
        .wait_with_output()
        .map_err(|e| failure("lakegate.Runtime", format!("lakegate did not finish: {e}")))?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).trim().to_string();
    let result: Value = serde_json::from_str(&stdout).unwrap_or_else(|_| json!({"output": stdout}));
    let code = out.status.code().unwrap_or(-1);
    let command: Vec<&str> = job
        .args
        .iter()
        .skip(2)
        .take(2)
        .map(String::as_str)
        .collect();
    // A dead letter the unit found it can never handle: done with, and said why.
    let dropped = result.get("dropped").filter(|_| out.status.success());
    log_line(&json!({
        "request_id": request_id,
        "message_id": message_id,
        "command": command.join(" "),
        "status": match (out.status.success(), dropped) {
            (true, None) => "ok",
            (true, Some(_)) => "dropped",
            (false, _) => "failed",
        },
        "reason": dropped,
        "exit_code": code,
        "duration_ms": started.elapsed().as_millis() as u64,
        "result": if out.status.success() { result.clone() } else { Value::Null },
        "stderr": if stderr.is_empty() { Value::Null } else { Value::String(stderr.clone()) },
    }));
    if out.status.success() {
        Ok(result)
    } else {
        let kind = if code == crate::error::exit::USAGE {
            "lakegate.BadInput"
        } else {
            "lakegate.Failed"
        };
        let message = if stderr.is_empty() {
            format!("lakegate exited with {code}")
        } else {
            stderr
        };
        Err(failure(kind, message))
    }
}

/// The Lambda runtime's variables `lambda_runtime` needs (it panics without them).
const RUNTIME_VARS: &[&str] = &[
    "AWS_LAMBDA_RUNTIME_API",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_FUNCTION_VERSION",
];

/// Whether this process was started by the Lambda runtime as the function.
pub fn started_by_lambda() -> bool {
    std::env::var_os("AWS_LAMBDA_RUNTIME_API").is_some_and(|v| !v.is_empty())
        && std::env::args_os().len() == 1
}

/// Serve invocations until the runtime stops the process; the exit code when it cannot start.
pub fn serve() -> i32 {
    if let Some(v) = RUNTIME_VARS
        .iter()
        .find(|v| std::env::var_os(v).is_none_or(|x| x.is_empty()))
    {
        crate::output::to_stderr(&format!(
            "error: started as a Lambda function (AWS_LAMBDA_RUNTIME_API is set) but {v} is not\n"
        ));
        return crate::error::exit::USAGE;
    }
    if std::env::var("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").is_ok_and(|m| m.parse::<i32>().is_err()) {
        crate::output::to_stderr("error: AWS_LAMBDA_FUNCTION_MEMORY_SIZE is not a number\n");
        return crate::error::exit::USAGE;
    }
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            crate::output::to_stderr(&format!("error: cannot start the async runtime: {e}\n"));
            return 1;
        }
    };
    match rt.block_on(lambda_runtime::run(lambda_runtime::service_fn(invoke))) {
        Ok(()) => 0,
        Err(e) => {
            log_line(&json!({"status": "runtime-error", "error": e.to_string()}));
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_datazone_event_goes_to_handle_event_with_the_configured_arguments() {
        let ev = json!({"source": "aws.datazone", "detail-type": "Subscription Created"});
        let j = job_of(&ev, &["--via".into(), "access-point".into()]).unwrap();
        assert_eq!(
            j.args,
            [
                "-o",
                "json",
                "subscription",
                "handle-event",
                "--file",
                "-",
                "--via",
                "access-point"
            ]
        );
        assert_eq!(j.stdin.as_deref(), Some(ev.to_string().as_str()));
    }

    #[test]
    fn a_job_runs_its_arguments_when_its_verb_is_allowed() {
        let j = job_of(
            &json!({"lakegate": ["audit", "report", "--upload", "s3://b/audit/"]}),
            &[],
        )
        .unwrap();
        assert_eq!(
            j.args,
            ["-o", "json", "audit", "report", "--upload", "s3://b/audit/"]
        );
        assert!(j.stdin.is_none());
        let e = job_of(&json!({"lakegate": ["bucket", "delegate", "b"]}), &[]).unwrap_err();
        assert!(e.contains("may not run"), "{e}");
        let e = job_of(
            &json!({"lakegate": ["audit", "report", "--endpoint-url=http://x"]}),
            &[],
        )
        .unwrap_err();
        assert!(e.contains("--endpoint-url"), "{e}");
        assert!(job_of(&json!({"lakegate": "audit report"}), &[]).is_err());
    }

    /// A record in the shape of "Using Lambda with Amazon SQS" (AWS Lambda Developer Guide,
    /// "Example standard queue message event").
    fn record(id: &str, body: &str, received: &str) -> Value {
        json!({
            "messageId": id,
            "receiptHandle": "MessageReceiptHandle",
            "body": body,
            "attributes": {
                "ApproximateReceiveCount": received,
                "SentTimestamp": "1523232000000",
                "SenderId": "123456789012",
                "ApproximateFirstReceiveTimestamp": "1523232000001"
            },
            "messageAttributes": {},
            "md5OfBody": "7b270e59b47ff90a553787216d55d91d",
            "eventSource": "aws:sqs",
            "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:lakegate-fulfiller-audit-weekly",
            "awsRegion": "us-east-1"
        })
    }

    fn run_args(h: &Handling) -> Vec<String> {
        match h {
            Handling::Run { job, .. } => job.args.clone(),
            Handling::Drop { reason, .. } => panic!("dropped: {reason}"),
        }
    }

    fn dropped(h: &Handling) -> &str {
        match h {
            Handling::Drop { reason, .. } => reason,
            Handling::Run { job, .. } => panic!("runs {:?}", job.args),
        }
    }

    #[test]
    fn an_sqs_batch_runs_each_unit_told_which_delivery_it_is() {
        let unit = json!({
            "lakegate": ["audit", "report", "--organization", "--account", "111122223333",
                         "--upload", "s3://b/a/", "--run", "r1"],
            "fleet": {"run": "r1", "max_receive": 3}
        });
        let ev = json!({"Records": [
            record("m1", &unit.to_string(), "2"),
            record("m2", "not json", "1"),
            record("m3", &json!({"lakegate": ["bucket", "delegate", "b"]}).to_string(), "1"),
        ]});
        let jobs = sqs_jobs(&ev).unwrap();
        assert_eq!(jobs.len(), 3);
        let (id, job) = &jobs[0];
        assert_eq!(id, "m1");
        let args = run_args(job);
        assert_eq!(&args[..4], ["-o", "json", "audit", "report"]);
        assert_eq!(&args[args.len() - 2..], ["--attempt", "2/3"]);
        assert!(dropped(&jobs[1].1).contains("not a JSON job"));
        assert!(dropped(&jobs[2].1).contains("may not run"));
        assert!(matches!(
            jobs[1].1,
            Handling::Drop {
                backstop: false,
                ..
            }
        ));
        // A body that is not a job never becomes one: consumed, not delivered again.
        let out = invoke_batch("req", jobs.into_iter().skip(1).collect());
        assert_eq!(out, json!({"batchItemFailures": []}));
        // From the dead-letter queue (not the queue the planner sent it to): the unit records
        // its death, told how often it was received.
        let mut sent = unit.clone();
        sent["fleet"]["queue"] = json!("lakegate-fulfiller-audit-weekly");
        let dead = |id: &str, received: &str| {
            let mut r = record(id, &sent.to_string(), received);
            r["eventSourceARN"] =
                json!("arn:aws:sqs:us-east-1:123456789012:lakegate-fulfiller-audit-weekly-dlq");
            r
        };
        let work = record("m5", &sent.to_string(), "2");
        let jobs = sqs_jobs(
            &json!({"Records": [dead("m4", "4"), work, dead("m6", "6"), dead("m7", "7")]}),
        )
        .unwrap();
        let args = |i: usize| run_args(&jobs[i].1);
        assert_eq!(&args(0)[args(0).len() - 2..], ["--dead-letter", "4"]);
        assert!(!args(0).contains(&"--attempt".to_string()));
        assert!(matches!(jobs[0].1, Handling::Run { last: false, .. }));
        assert_eq!(&args(1)[args(1).len() - 2..], ["--attempt", "2/3"]);
        // The third delivery from the dead-letter queue is its last; a fourth is not run.
        assert!(matches!(jobs[2].1, Handling::Run { last: true, .. }));
        assert!(
            dropped(&jobs[3].1).starts_with("dead letter received 7 times, more than the unit's 3 deliveries and 3 from the dead-letter queue"),
            "{:?}",
            jobs[3].1
        );
        assert!(matches!(jobs[3].1, Handling::Drop { backstop: true, .. }));
        // Not an SQS event: the other paths decide.
        assert!(sqs_jobs(&json!({"Records": []})).is_none());
        assert!(sqs_jobs(&json!({"Records": [{"eventSource": "aws:s3"}]})).is_none());
    }

    #[test]
    fn anything_else_is_refused_naming_its_source() {
        let e = job_of(&json!({"source": "aws.s3"}), &[]).unwrap_err();
        assert!(e.contains("aws.s3"), "{e}");
    }
}
