//! W0613: users reach an internet-facing load balancer over plain HTTP only.

use super::security::{admits, is_internet, source_words};
use super::{rule, Context, Report, Rule};
use crate::model::ports::Protocol;
use crate::model::NodeKind;

rule! {
    /// # W0613: plain HTTP from the internet
    ///
    /// A flow from `internet` or a `users` to an internet-facing `alb` on HTTP
    /// (port 80), where the load balancer has no HTTPS listener (443). Every
    /// request and response, session cookies and passwords included, crosses
    /// the internet in the clear, and browsers mark the site "Not secure".
    ///
    /// AWS recommends an HTTPS listener with a certificate from AWS Certificate
    /// Manager (free for load balancers) and an HTTP listener whose only job is
    /// to redirect to HTTPS; AWS Security Hub reports ALBs whose HTTP listeners
    /// do not redirect (ELB.1). See
    /// [Create an HTTPS listener for your Application Load Balancer](https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html)
    /// and [Listener rules: redirect actions](https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-action-types.html).
    /// A load balancer that listens on 443 too is taken to redirect its port 80.
    ///
    /// ## Example
    ///
    /// ```arch
    /// users shoppers
    ///
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24
    ///     }
    ///     az b {
    ///       public subnet pub_b 10.0.1.0/24
    ///     }
    ///     alb web in pub_a, pub_b { listen: 80 }
    ///   }
    /// }
    ///
    /// shoppers -> web
    /// ```
    ///
    /// ```text
    /// warning[W0613]: `web` is reached from `shoppers` (anyone on the internet) over plain HTTP
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// users shoppers
    ///
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24
    ///     }
    ///     az b {
    ///       public subnet pub_b 10.0.1.0/24
    ///     }
    ///     alb web in pub_a, pub_b { listen: 80, 443 }
    ///   }
    /// }
    ///
    /// shoppers -> web : https
    /// ```
    pub struct PlaintextListener;
}

impl Rule for PlaintextListener {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let model = cx.model;
        for flow in model.flows() {
            let (Some(source), Some(target)) = (model.get(flow.from.value), model.get(flow.to.value)) else { continue };
            let NodeKind::Alb(lb) = &target.kind else { continue };
            if !is_internet(source.kind()) || !lb.internet_facing {
                continue;
            }
            let http = flow.ports.iter().any(|p| p.protocol == Protocol::Tcp && admits(*p, Protocol::Tcp, 80));
            let https = lb.listen.value.iter().any(|p| admits(*p, Protocol::Tcp, 443));
            if !http || https {
                continue;
            }
            let mut d = report
                .diagnostic(
                    flow.span,
                    format!("`{}` is reached from {} over plain HTTP", target.name, source_words(source)),
                )
                .with_span_label("requests, cookies and passwords cross the internet unencrypted")
                .with_help(format!(
                    "give `{}` an HTTPS listener, `listen: 80, 443` (with a certificate from ACM; port 80 then only \
                     redirects), and write the flow `: https`",
                    target.name
                ));
            let listen = if lb.listen.written { lb.listen.span } else { target.name_span };
            d = d.with_label(listen, format!("`{}` has no HTTPS listener", target.name));
            report.push(d);
        }
    }
}
