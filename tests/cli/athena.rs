//! `athena query|results`: against moto (static results set through
//! `/moto-api/static/athena/query-results`, which moto hands out in order, one per
//! StartQueryExecution, per region: every test uses a region of its own), and against a tiny fake
//! of Athena's JSON API for what moto cannot do: several result pages (moto returns one), a
//! failed query, and a query that keeps running until Ctrl-C stops it.

use crate::harness::{assert_usage_error, http, stderr, stdout, TestEnv};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn set_results(env: &TestEnv, region: &str, results: Value) {
    let body = json!({"region": region, "results": results}).to_string();
    let (status, resp) = http(
        env.port(),
        "POST",
        "/moto-api/static/athena/query-results",
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    )
    .unwrap();
    assert_eq!(status, 201, "{}", String::from_utf8_lossy(&resp));
}

fn row(values: &[Option<&str>]) -> Value {
    json!({"Data": values.iter().map(|v| match v {
        Some(s) => json!({"VarCharValue": s}),
        None => json!({}),
    }).collect::<Vec<_>>()})
}

fn column(name: &str, kind: &str) -> Value {
    json!({"Name": name, "Label": name, "Type": kind, "Nullable": "UNKNOWN", "CatalogName": "hive",
           "SchemaName": "", "TableName": "", "Precision": 0, "Scale": 0, "CaseSensitive": false})
}

/// A SELECT's result as Athena returns it: the header row first, then the data.
fn reviews() -> Value {
    json!([{
        "column_info": [column("review_id", "varchar"), column("star_rating", "integer"),
                        column("helpful", "double"), column("verified", "boolean")],
        "rows": [
            row(&[Some("review_id"), Some("star_rating"), Some("helpful"), Some("verified")]),
            row(&[Some("R1"), Some("5"), Some("0.75"), Some("true")]),
            row(&[Some("R2, \"quoted\""), Some("3"), None, Some("false")]),
        ],
    }])
}

#[test]
fn query_streams_typed_json_and_csv_from_moto() {
    let env = TestEnv::new();
    let region = "eu-west-1";
    set_results(&env, region, reviews());
    let v = env.json([
        "--region",
        region,
        "-o",
        "json",
        "athena",
        "query",
        "SELECT * FROM sampledb.amazon_reviews_tsv LIMIT 2",
        "--database",
        "sampledb",
    ]);
    assert_eq!(
        v,
        json!([
            {"review_id": "R1", "star_rating": 5, "helpful": 0.75, "verified": true},
            {"review_id": "R2, \"quoted\"", "star_rating": 3, "helpful": null, "verified": false},
        ])
    );

    set_results(&env, region, reviews());
    let a = env
        .lg([
            "--region",
            region,
            "-o",
            "csv",
            "athena",
            "query",
            "SELECT * FROM sampledb.amazon_reviews_tsv LIMIT 2",
        ])
        .success();
    assert_eq!(
        stdout(&a),
        "review_id,star_rating,helpful,verified\nR1,5,0.75,true\n\"R2, \"\"quoted\"\"\",3,,false\n"
    );
    assert!(stderr(&a).contains("2 rows"), "{}", stderr(&a));

    set_results(&env, region, reviews());
    let t = env
        .lg(["--region", region, "athena", "query", "SELECT 1"])
        .success();
    insta::assert_snapshot!(stdout(&t), @r#"
    REVIEW_ID      STAR_RATING   HELPFUL   VERIFIED
    R1             5             0.75      true
    R2, "quoted"   3             NULL      false
    "#);

    // Fitted to the terminal's width as every table is (COLUMNS): the widest cells wrap in
    // their column, nothing cut; -o wide keeps each on one line.
    set_results(&env, region, reviews());
    let mut c = env.cmd();
    c.env("COLUMNS", "30")
        .args(["--region", region, "athena", "query", "SELECT 1"]);
    let fitted = stdout(&crate::harness::no_panic(c.assert()).success());
    assert!(fitted.lines().all(|l| l.chars().count() <= 30), "{fitted}");
    assert!(!fitted.contains('…'), "{fitted}");
    assert!(fitted.contains("\"quoted\""), "{fitted}");
    set_results(&env, region, reviews());
    let mut c = env.cmd();
    c.env("COLUMNS", "30").args([
        "--region", region, "-o", "wide", "athena", "query", "SELECT 1",
    ]);
    let wide = stdout(&crate::harness::no_panic(c.assert()).success());
    assert!(wide.contains("R2, \"quoted\""), "{wide}");

    set_results(&env, region, reviews());
    let y = env
        .lg([
            "--region", region, "-o", "yaml", "athena", "query", "SELECT 1",
        ])
        .success();
    let parsed: Value = serde_yaml_ng::from_str(&stdout(&y)).unwrap();
    assert_eq!(parsed[1]["star_rating"], 3);
}

#[test]
fn sql_from_a_file_no_wait_then_results() {
    let env = TestEnv::new();
    let region = "eu-west-2";
    set_results(&env, region, reviews());
    let file = env.temp().join("q.sql");
    std::fs::write(&file, "SELECT * FROM sampledb.amazon_reviews_tsv\n").unwrap();
    let a = env
        .lg([
            "--region",
            region,
            "athena",
            "query",
            "--file",
            file.to_str().unwrap(),
            "--no-wait",
            "--output-location",
            "s3://athena-results/",
        ])
        .success();
    let id = stdout(&a).trim().to_string();
    assert!(!id.is_empty() && !id.contains('\n'), "{id}");
    let v = env.json(["--region", region, "-o", "json", "athena", "results", &id]);
    assert_eq!(v.as_array().unwrap().len(), 2, "{v}");
    assert_eq!(v[0]["review_id"], "R1");
}

#[test]
fn an_empty_result_is_an_empty_list() {
    let env = TestEnv::new();
    // No static result queued for this region: moto answers no rows.
    let v = env.json([
        "--region",
        "eu-north-1",
        "-o",
        "json",
        "athena",
        "query",
        "SELECT 1",
    ]);
    assert_eq!(v, json!([]));
}

#[test]
fn bad_arguments_exit_2_naming_the_argument() {
    let env = TestEnv::offline();
    let missing = env.temp().join("missing.sql");
    assert_usage_error(
        env.lg(["athena", "query", "--file", missing.to_str().unwrap()]),
        "--file",
    );
    let empty = env.temp().join("empty.sql");
    std::fs::write(&empty, "  \n").unwrap();
    assert_usage_error(
        env.lg(["athena", "query", "--file", empty.to_str().unwrap()]),
        "--file",
    );
    assert_usage_error(
        env.lg([
            "athena",
            "query",
            "SELECT 1",
            "--output-location",
            "bucket/x",
        ]),
        "--output-location",
    );
    assert_usage_error(env.lg(["athena", "results", "a/b"]), "QUERY_EXECUTION_ID");
    assert_usage_error(env.lg(["athena", "query", ""]), "SQL");
    // clap: neither SQL nor --file, or both.
    env.lg(["athena", "query"]).code(2);
    env.lg(["athena", "query", "SELECT 1", "--file", "x.sql"])
        .code(2);
}

// ---------------------------------------------------------------------------------------------
// A fake of Athena's JSON API (x-amz-json-1.1 over HTTP, one request per connection)
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Behaviour {
    /// Succeeds with `pages` pages of `rows` rows each.
    Pages {
        pages: usize,
        rows: usize,
    },
    Fails,
    /// Keeps RUNNING until StopQueryExecution.
    RunsForever,
}

#[derive(Default)]
struct Seen {
    targets: Vec<String>,
    max_results: Vec<i64>,
    stopped: bool,
}

fn fake_athena(b: Behaviour) -> (u16, Arc<Mutex<Seen>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = Arc::new(Mutex::new(Seen::default()));
    let s2 = seen.clone();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut conn) = conn else { continue };
            let mut reader = BufReader::new(conn.try_clone().unwrap());
            let mut target = String::new();
            let mut len = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    break;
                }
                let l = line.trim_end().to_string();
                if l.is_empty() {
                    break;
                }
                let lower = l.to_ascii_lowercase();
                if let Some(v) = lower.strip_prefix("content-length:") {
                    len = v.trim().parse().unwrap_or(0);
                }
                if lower.starts_with("x-amz-target:") {
                    target = l.split(':').nth(1).unwrap_or("").trim().to_string();
                }
            }
            let mut body = vec![0u8; len];
            let _ = reader.read_exact(&mut body);
            let req: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
            let op = target.rsplit('.').next().unwrap_or("").to_string();
            let resp = {
                let mut seen = s2.lock().unwrap();
                seen.targets.push(op.clone());
                match op.as_str() {
                    "StartQueryExecution" => json!({"QueryExecutionId": "fake-0001"}),
                    "StopQueryExecution" => {
                        seen.stopped = true;
                        json!({})
                    }
                    "GetQueryExecution" => {
                        let (state, reason) = match b {
                            Behaviour::Pages { .. } => ("SUCCEEDED", None),
                            Behaviour::Fails => (
                                "FAILED",
                                Some("SYNTAX_ERROR: line 1:8: Column 'nope' cannot be resolved"),
                            ),
                            Behaviour::RunsForever if seen.stopped => ("CANCELLED", None),
                            Behaviour::RunsForever => ("RUNNING", None),
                        };
                        let mut status = json!({"State": state});
                        if let Some(r) = reason {
                            status["StateChangeReason"] = json!(r);
                        }
                        json!({"QueryExecution": {"QueryExecutionId": "fake-0001", "Query": "SELECT",
                            "StatementType": "DML", "Status": status,
                            "Statistics": {"DataScannedInBytes": 1048576, "EngineExecutionTimeInMillis": 1200,
                                           "TotalExecutionTimeInMillis": 1500}}})
                    }
                    "GetQueryResults" => {
                        seen.max_results
                            .push(req["MaxResults"].as_i64().unwrap_or(-1));
                        let Behaviour::Pages { pages, rows } = b else {
                            unreachable!()
                        };
                        let page: usize = req["NextToken"]
                            .as_str()
                            .and_then(|t| t.strip_prefix("page-"))
                            .and_then(|n| n.parse().ok())
                            .unwrap_or(0);
                        let mut data = Vec::new();
                        if page == 0 {
                            data.push(row(&[Some("n"), Some("name")]));
                        }
                        for i in 0..rows {
                            let n = page * rows + i;
                            data.push(row(&[Some(&n.to_string()), Some(&format!("row {n}"))]));
                        }
                        let mut out = json!({"ResultSet": {"Rows": data, "ResultSetMetadata": {
                            "ColumnInfo": [column("n", "bigint"), column("name", "varchar")]}}});
                        if page + 1 < pages {
                            out["NextToken"] = json!(format!("page-{}", page + 1));
                        }
                        out
                    }
                    _ => json!({}),
                }
            };
            let text = resp.to_string();
            let _ = write!(
                conn,
                "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
                text.len()
            );
            let _ = conn.flush();
        }
    });
    (port, seen)
}

fn against(env: &TestEnv, port: u16) -> assert_cmd::Command {
    let mut c = env.bare_cmd();
    c.arg("--endpoint-url")
        .arg(format!("http://127.0.0.1:{port}"));
    c
}

#[test]
fn results_are_read_page_by_page() {
    let env = TestEnv::offline();
    let (port, seen) = fake_athena(Behaviour::Pages { pages: 3, rows: 4 });
    let a = against(&env, port)
        .args(["-o", "csv", "athena", "query", "SELECT n, name FROM t"])
        .assert()
        .success();
    let out = stdout(&a);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1 + 12, "{out}");
    assert_eq!(lines[0], "n,name");
    assert_eq!(lines[1], "0,row 0");
    assert_eq!(lines[12], "11,row 11");
    let err = stderr(&a);
    assert!(err.contains("12 rows, 1.0 MB scanned"), "{err}");
    let seen = seen.lock().unwrap();
    assert_eq!(seen.max_results, vec![1000, 1000, 1000]);
}

#[test]
fn a_failed_query_prints_athenas_reason_and_exits_1() {
    let env = TestEnv::offline();
    let (port, _) = fake_athena(Behaviour::Fails);
    let a = against(&env, port)
        .args(["athena", "query", "SELECT nope"])
        .assert()
        .code(1);
    let err = stderr(&a);
    assert!(
        err.contains(
            "query fake-0001 failed: SYNTAX_ERROR: line 1:8: Column 'nope' cannot be resolved"
        ),
        "{err}"
    );
    assert!(stdout(&a).is_empty());
}

#[test]
fn ctrl_c_stops_the_query_and_exits_130() {
    let env = TestEnv::offline();
    let (port, seen) = fake_athena(Behaviour::RunsForever);
    let bin = assert_cmd::cargo::cargo_bin("lakegate");
    let home = env.temp().join("home");
    let child = std::process::Command::new(bin)
        .args([
            "--endpoint-url",
            &format!("http://127.0.0.1:{port}"),
            "athena",
            "query",
            "SELECT * FROM big",
        ])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &home)
        .env("AWS_CONFIG_FILE", home.join("none"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.join("none"))
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("LAKEGATE_STATE_DIR", env.state_dir())
        .env("LAKEGATE_NO_PROGRESS", "1")
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the query is being polled (a generous bound; no timing is asserted).
    let deadline = Instant::now() + Duration::from_secs(60);
    while !seen
        .lock()
        .unwrap()
        .targets
        .iter()
        .any(|t| t == "GetQueryExecution")
    {
        assert!(Instant::now() < deadline, "the query was never polled");
        std::thread::sleep(Duration::from_millis(20));
    }
    // SAFETY: sending a signal to the child this test spawned.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(
        seen.lock().unwrap().stopped,
        "StopQueryExecution was not called: {err}"
    );
    assert!(err.contains("stopped query fake-0001"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn aws_endpoint_url_athena_sends_queries_to_that_endpoint() {
    // As with a VPC endpoint's DNS name: only Athena goes there.
    let env = TestEnv::offline();
    let (port, seen) = fake_athena(Behaviour::Pages { pages: 1, rows: 2 });
    let a = env
        .bare_cmd()
        .env(
            "AWS_ENDPOINT_URL_ATHENA",
            format!("http://127.0.0.1:{port}"),
        )
        .args(["-o", "json", "athena", "query", "SELECT n, name FROM t"])
        .assert()
        .success();
    let v: Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(
        v,
        json!([{"n": 0, "name": "row 0"}, {"n": 1, "name": "row 1"}])
    );
    assert!(seen
        .lock()
        .unwrap()
        .targets
        .contains(&"StartQueryExecution".to_string()));
}
