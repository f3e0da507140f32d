//! W0604: an S3 bucket made public.

use archc_syntax::Fix;

use super::{rule, Context, Report, Rule};
use crate::model::kinds::Kind;
use crate::model::NodeKind;

rule! {
    /// # W0604: public bucket
    ///
    /// An `s3` bucket with `public: true` (and not `website: true`): archc would
    /// turn off its Block Public Access settings and grant everyone read access
    /// to every object, now and added later. Public buckets are the classic
    /// source of data leaks: one file that should not be there is enough.
    ///
    /// AWS turns Block Public Access on for every new bucket and recommends
    /// keeping it on, serving content through CloudFront with origin access
    /// control (OAC), which reads the private bucket on the viewers' behalf, adds
    /// HTTPS, caching and a WAF, and lets the bucket policy name only the
    /// distribution. Browsers that upload or download single objects use
    /// pre-signed URLs, which need no public access either. See
    /// [Blocking public access to your Amazon S3 storage](https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html)
    /// and [Restricting access to an Amazon S3 origin](https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html).
    ///
    /// A bucket with `website: true` as well is not reported: an S3 website
    /// endpoint serves only public objects, so there public read is what was
    /// asked for, twice. (CloudFront with OAC in front of a private bucket is
    /// still the better site: the website endpoint has no HTTPS.)
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   s3 media { public: true }
    /// }
    /// ```
    ///
    /// ```text
    /// warning[W0604]: the bucket `media` is public
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   s3 media
    /// }
    ///
    /// cloudfront cdn { origins: media }
    /// users visitors
    ///
    /// visitors -> cdn : https
    /// cdn -> media
    /// ```
    pub struct PublicBucket;
}

impl Rule for PublicBucket {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for (id, node) in cx.model.of_kind(Kind::S3) {
            let NodeKind::S3(bucket) = &node.kind else { continue };
            if !bucket.public.value || bucket.website.as_ref().is_some_and(|w| w.value) {
                continue;
            }
            let name = &node.name;
            // A CloudFront distribution that already serves it needs no public access.
            let cdn = cx.model.of_kind(Kind::Cloudfront).find_map(|(_, n)| match &n.kind {
                NodeKind::Cloudfront(d) => d.origins.iter().find(|o| o.value == id).map(|o| (n, o.span)),
                _ => None,
            });
            let mut d = report
                .diagnostic(bucket.public.span, format!("the bucket `{name}` is public"))
                .with_span_label("this turns off Block Public Access and lets anyone read every object")
                .with_fix(Fix::unsafe_edit(bucket.public.span, "public: false"));
            d = match cdn {
                Some((cdn, span)) => d
                    .with_label(
                        span,
                        format!(
                            "`{}` already serves it: with origin access control it needs no public access",
                            cdn.name
                        ),
                    )
                    .with_help(format!(
                        "write `public: false`; `{}` reads the bucket through origin access control",
                        cdn.name
                    )),
                None => d.with_help(format!(
                    "write `public: false` and serve it through CloudFront with origin access control: \
                     `cloudfront cdn {{ origins: {name} }}`, `users -> cdn : https` and `cdn -> {name}`; \
                     hand out pre-signed URLs for single uploads and downloads"
                )),
            };
            report.push(d);
        }
    }
}
