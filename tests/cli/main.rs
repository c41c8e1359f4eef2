//! End-to-end tests of the built `lakegate` binary against a real moto server over real HTTP.
//!
//! One test binary (this crate) so everything links once. One moto server serves the whole run
//! (see `harness`: shared between nextest's per-test processes, stopped when the last one ends);
//! every test works on its own uniquely named buckets and access points, so tests run in
//! parallel, under `cargo test` and `cargo nextest run` alike.
//!
//! Requirements: `python3` with `moto[server]==5.2.1` (started through `scripts/moto_server.py`).
//!
//! - `cargo nextest run --test cli` (or `cargo test --test cli`) runs the suite.
//! - Snapshots (tables, JSON, YAML, CSV, diffs) live in `tests/cli/snapshots/`; after an intended
//!   output change, review them with `cargo insta review`, or rerun once with
//!   `INSTA_UPDATE=always` and read the diff of the `.snap` files. Under `CI=true`, a missing or
//!   different snapshot fails the test.
//! - `LAKEGATE_TEST_MOTO_PORT=PORT` uses an already running moto (started through the wrapper);
//!   `LAKEGATE_TEST_PYTHON` picks the Python interpreter.
//! - `cargo test --test cli -- --ignored` runs the tests of known gaps.

mod harness;

mod access;
mod access_grant_rows;
mod access_grants;
mod access_grants_migrate;
mod accesspoint;
mod athena;
mod audit;
mod bad_input;
mod bucket;
mod credentials;
mod delta;
mod deploy;
mod doctor;
mod endpoint;
mod errors;
mod exact;
mod examples;
mod faults;
mod fleet;
mod grant;
mod guardrails;
mod history;
mod lake;
mod lake_access_grants;
mod lease;
mod lease_faults;
mod limits;
mod newcomer;
mod org;
mod output;
mod pipeline;
mod plugin;
mod pty;
mod shells;
mod subscription;
mod subscription_access_grants;
mod surface;
mod trust;
mod whoami;
mod width;
