//! lakegate: govern access to shared Amazon S3 data lakes.
//!
//! The crate root: it declares the modules and nothing else. The modules form layers, each
//! importing only from the layers below it (docs/architecture.md; `tests/architecture.rs`
//! checks every `crate::` path against its table), from the bottom:
//! - `policy` (crate `lakegate-policy`): the pure policy model, validation and evaluator;
//! - values: `values` (argument values as types), `settings` (the run's resolved flags),
//!   `error` (the one error type and exit codes), `plan` (a change as people and scripts see it),
//!   `routes` (route tables as values);
//! - `aws`: the only user of the AWS SDK; `hints` turns its neutral errors into the CLI's;
//! - `output`: the only printer of stdout and stderr, errors included;
//! - engines: `session`, `apply` (the change pipeline), `accesspoint`, `state`, `verify`,
//!   `lake`, `audit`, `subscription`, `evaluate`, `endpoint`, `athena`, `doctor`, `fulfiller`,
//!   `package`, `lambda`, `plugin`, `completers`;
//! - `commands`: one file per verb, wiring the layers below;
//! - `cli`, `help`, `completion`, `signals`, `dispatch`: the command line and the run.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod accessgrant_migrate;
pub mod accesspoint;
pub mod apply;
pub mod athena;
pub mod audit;
pub mod aws;
pub mod cli;
pub mod commands;
pub mod completers;
mod dispatch;
pub mod doctor;
pub mod endpoint;
pub mod error;
pub mod evaluate;
pub mod fulfiller;
pub mod help;
mod hints;
pub mod lake;
pub mod lambda;
pub mod output;
pub mod package;
pub mod plan;
pub mod plugin;
/// The pure policy core, its own crate (`crates/lakegate-policy`) so it builds without the SDK.
pub use lakegate_policy as policy;
pub mod routes;
pub mod session;
pub mod settings;
mod signals;
pub mod state;
pub mod subscription;
pub mod values;
pub mod verify;

pub use dispatch::{builtin_names, main_exit_code};
