//! E0711: a CloudFront distribution with no origin, or a flow out of it to
//! something that is not one of its origins.

use archc_syntax::{Fix, Span};

use super::{rule, Context, Report, Rule};
use crate::model::NodeKind;

rule! {
    /// # E0711: CloudFront origins
    ///
    /// A CloudFront distribution fetches only from its origins: CloudFront
    /// refuses a distribution without one, and a cache behaviour can only
    /// target an origin the distribution defines. So a `cloudfront` needs
    /// `origins`, and every flow out of it (`cdn -> web`) must go to one of
    /// them; a flow to anything else is a request CloudFront can never send.
    /// The help gives the `origins` line; where the list exists, the fix adds
    /// the flow's target to it (safe: it is what the flow says). What may be
    /// an origin is checked when the names are resolved (S3 buckets, load
    /// balancers, APIs, EC2 instances, Lambda function URLs); more than 100
    /// origins is W0712 (a default quota).
    /// See [CloudFront quotas](https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html)
    /// and [Origin settings](https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   s3 assets
    ///   s3 media
    /// }
    /// cloudfront cdn {
    ///   origins: assets
    /// }
    /// cdn -> media
    /// ```
    ///
    /// ```text
    /// error[E0711]: `cdn` sends requests to `media`, which is not one of its origins
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   s3 assets
    ///   s3 media
    /// }
    /// cloudfront cdn {
    ///   origins: assets, media
    /// }
    /// cdn -> media
    /// ```
    pub struct CloudfrontOrigins;
}

impl Rule for CloudfrontOrigins {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for (id, node) in cx.model.ids().zip(cx.model.nodes()) {
            let NodeKind::Cloudfront(cf) = &node.kind else { continue };
            let flows: Vec<_> = cx.model.flows_from(id).collect();
            if cf.origins.is_empty() {
                let mut names: Vec<&str> =
                    flows.iter().filter_map(|f| cx.model.get(f.to.value)).map(|n| n.name.as_str()).collect();
                names.dedup();
                let d = report
                    .diagnostic(node.name_span, format!("the CloudFront distribution `{}` has no origins", node.name))
                    .with_help(if names.is_empty() {
                        "name what it serves: `origins: BUCKET` (an s3, alb, nlb, apigw, ec2 or lambda)".to_string()
                    } else {
                        format!("name what it serves: `origins: {}`", names.join(", "))
                    });
                report.push(d);
                continue;
            }
            let last = cf.origins.iter().map(|o| o.span).max_by_key(|s| s.end);
            let mut reported = Vec::new();
            for f in flows {
                if cf.origins.iter().any(|o| o.value == f.to.value) || reported.contains(&f.to.value) {
                    continue;
                }
                reported.push(f.to.value);
                let Some(target) = cx.model.get(f.to.value) else { continue };
                let mut d = report
                    .diagnostic(
                        f.to.span,
                        format!("`{}` sends requests to `{}`, which is not one of its origins", node.name, target.name),
                    )
                    .with_help(format!("add it to the distribution's origins: `origins: …, {}`", target.name));
                if let Some(span) = cf.origins.first().map(|o| o.span) {
                    d = d.with_label(span, "the origins");
                }
                if let Some(end) = last.filter(|s| !s.is_detached()) {
                    d = d.with_fix(Fix::safe(
                        Span { file: end.file, start: end.end, end: end.end },
                        format!(", {}", target.name),
                    ));
                }
                report.push(d);
            }
        }
    }
}
