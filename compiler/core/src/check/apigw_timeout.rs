//! E0707: an API Gateway integration timeout out of range, or a Lambda
//! behind an API that may run longer than the API waits.

use archc_syntax::Fix;

use super::lambda_timeout::duration;
use super::{rule, Context, Report, Rule};
use crate::model::limits::{
    APIGW_HTTP_TIMEOUT_MAX, APIGW_REST_TIMEOUT_MAX, LAMBDA_TIMEOUT_DEFAULT, LAMBDA_TIMEOUT_MAX,
};
use crate::model::{Api, ApiType, NodeKind};

rule! {
    /// # E0707: API Gateway timeout
    ///
    /// API Gateway waits for an integration for at most its integration
    /// timeout, then answers the client 504. Two mistakes are errors:
    ///
    /// - an HTTP API's `timeout` above 30 seconds (a hard limit), or any
    ///   API's `timeout` of `0s` (the least is 50 ms). A REST API's default
    ///   maximum is 29 seconds, but Regional and private REST APIs can have
    ///   it raised through a quota request since June 2024, so a REST
    ///   `timeout` above 29 s is warning W0712 (a default quota), not this
    ///   error;
    /// - an `api -> fn` flow whose Lambda function's timeout (3 s when not
    ///   written) is longer than the API's integration timeout (its `timeout`,
    ///   or 30 s for an HTTP API and 29 s for a REST API). Such a function is
    ///   allowed to run past the point where any caller can still get its
    ///   answer: every response after the API's timeout is lost (the client
    ///   sees 504) while the function runs on and is billed, and a client
    ///   that retries starts it again. AWS accepts the configuration, but it
    ///   contradicts itself, and one line fixes it, so archc refuses it: lower
    ///   the function's timeout to the API's or below, or make the work
    ///   asynchronous (the API puts a message on a queue).
    ///
    /// See [Quotas for HTTP APIs](https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html)
    /// and [Quotas for REST APIs](https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   apigw api {
    ///     type: http
    ///   }
    ///   lambda orders {
    ///     runtime: python3.12
    ///     timeout: 1m
    ///   }
    /// }
    /// api -> orders
    /// ```
    ///
    /// ```text
    /// error[E0707]: `orders` may run for 1m, but the API `api` waits at most 30s (an HTTP API's maximum) for it
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   apigw api {
    ///     type: http
    ///   }
    ///   lambda orders {
    ///     runtime: python3.12
    ///     timeout: 30s
    ///   }
    /// }
    /// api -> orders
    /// ```
    pub struct ApigwTimeout;
}

/// The API's integration timeout: written, or its type's maximum.
fn integration_timeout(api: &Api) -> u64 {
    match (&api.timeout, api.api_type.value) {
        (Some(t), _) => t.value.0,
        (None, ApiType::Http) => APIGW_HTTP_TIMEOUT_MAX.value,
        (None, ApiType::Rest) => APIGW_REST_TIMEOUT_MAX.value,
    }
}

impl Rule for ApigwTimeout {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            let NodeKind::Apigw(api) = &node.kind else { continue };
            let Some(t) = &api.timeout else { continue };
            let http = api.api_type.value == ApiType::Http;
            if t.value.0 == 0 {
                let d = report
                    .diagnostic(t.span, format!("the API `{}` has an integration timeout of 0s", node.name))
                    .with_help("the least is 50 ms; write a timeout of `1s` or more, such as `timeout: 29s`");
                report.push(d);
            } else if http && t.value.0 > APIGW_HTTP_TIMEOUT_MAX.value {
                let d = report
                    .diagnostic(
                        t.span,
                        format!(
                            "the HTTP API `{}` has an integration timeout of {}; HTTP APIs allow at most 30s",
                            node.name,
                            duration(t.value.0)
                        ),
                    )
                    .with_help(
                        "write `timeout: 30s`, or make the work asynchronous (the API puts a message on a queue)",
                    )
                    .with_fix(Fix::unsafe_edit(t.span, "30s"));
                report.push(d);
            }
        }
        for f in cx.model.flows() {
            let (Some(a), Some(l)) = (cx.model.get(f.from.value), cx.model.get(f.to.value)) else { continue };
            let (NodeKind::Apigw(api), NodeKind::Lambda(lambda)) = (&a.kind, &l.kind) else { continue };
            let limit = integration_timeout(api);
            if limit == 0 || (api.api_type.value == ApiType::Http && limit > APIGW_HTTP_TIMEOUT_MAX.value) {
                continue; // reported above
            }
            let timeout = lambda.timeout.as_ref().map_or(LAMBDA_TIMEOUT_DEFAULT.value, |t| t.value.0);
            if timeout <= limit || timeout > LAMBDA_TIMEOUT_MAX.value {
                continue;
            }
            let Some(t) = &lambda.timeout else { continue };
            let waits = match &api.timeout {
                Some(_) => "",
                None if api.api_type.value == ApiType::Http => " (an HTTP API's maximum)",
                None => " (a REST API's default)",
            };
            let mut d = report
                .diagnostic(
                    t.span,
                    format!(
                        "`{}` may run for {}, but the API `{}` waits at most {}{waits} for it",
                        l.name,
                        duration(timeout),
                        a.name,
                        duration(limit)
                    ),
                )
                .with_label(f.span, "the API calls it here and answers 504 when it waits longer")
                .with_help(format!(
                    "write `timeout: {}` or less on `{}`, or make the work asynchronous (the API puts a message on a queue)",
                    duration(limit),
                    l.name
                ))
                .with_fix(Fix::unsafe_edit(t.span, duration(limit)));
            if let Some(at) = &api.timeout {
                d = d.with_label(at.span, "the integration timeout");
            }
            report.push(d);
        }
    }
}
