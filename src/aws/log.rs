//! `-vv`: one line per AWS request and response, on stderr (target `aws_request`).

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeDeserializationInterceptorContextRef, BeforeTransmitInterceptorContextRef,
};
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::{ConfigBag, Storable, StoreReplace};
use std::time::Instant;

#[derive(Debug)]
pub struct RequestLog;

#[derive(Debug, Clone)]
struct Started(Instant);

impl Storable for Started {
    type Storer = StoreReplace<Self>;
}

fn op_name(cfg: &ConfigBag) -> String {
    cfg.load::<Metadata>()
        .map(|m| format!("{}.{}", m.service(), m.name()))
        .unwrap_or_default()
}

impl Intercept for RequestLog {
    fn name(&self) -> &'static str {
        "lakegate::RequestLog"
    }

    fn read_before_transmit(
        &self,
        ctx: &BeforeTransmitInterceptorContextRef<'_>,
        _rc: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let req = ctx.request();
        tracing::debug!(target: "aws_request", "-> {} {} {}", op_name(cfg), req.method(), req.uri());
        cfg.interceptor_state().store_put(Started(Instant::now()));
        Ok(())
    }

    fn read_before_deserialization(
        &self,
        ctx: &BeforeDeserializationInterceptorContextRef<'_>,
        _rc: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let ms = cfg
            .load::<Started>()
            .map(|s| s.0.elapsed().as_millis())
            .unwrap_or_default();
        tracing::debug!(
            target: "aws_request",
            "<- {} {} ({ms} ms)",
            op_name(cfg),
            ctx.response().status().as_u16()
        );
        Ok(())
    }
}
