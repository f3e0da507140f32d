//! E0708: an S3 bucket name that breaks S3's naming rules, or is used twice.

use std::collections::BTreeMap;

use super::{rule, Context, Report, Rule};
use crate::model::limits::{BUCKET_NAME_MAX, BUCKET_NAME_MIN};
use crate::model::NodeKind;

rule! {
    /// # E0708: invalid bucket name
    ///
    /// The physical name of an S3 bucket (`bucket:`) must follow S3's naming
    /// rules, or S3 refuses to create it:
    ///
    /// - 3 to 63 characters, of lowercase letters, digits, dots and hyphens;
    /// - beginning and ending with a letter or a digit, with no two adjacent
    ///   dots;
    /// - not formatted as an IP address (`192.168.5.4`);
    /// - not beginning with `xn--`, `sthree-` or `amzn-s3-demo-`, and not
    ///   ending with `-s3alias`, `--ol-s3`, `.mrap`, `--x-s3` or
    ///   `--table-s3` (prefixes and suffixes S3 reserves).
    ///
    /// Bucket names are also unique across all AWS accounts of a partition,
    /// so two buckets of one design with the same name are an error too (a
    /// clash with another account's bucket shows only at deployment).
    /// See [General purpose bucket naming rules](https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   s3 media {
    ///     bucket: "Shop_Media"
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0708]: `Shop_Media` is not a valid bucket name: it has uppercase letters
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   s3 media {
    ///     bucket: "shop-media"
    ///   }
    /// }
    /// ```
    pub struct BucketName;
}

/// Why `name` is not a valid general purpose bucket name, if it is not.
pub(super) fn problem(name: &str) -> Option<String> {
    let len = name.chars().count() as u64;
    if !(BUCKET_NAME_MIN.value..=BUCKET_NAME_MAX.value).contains(&len) {
        return Some(format!("it has {len} characters, and a bucket name has 3 to 63"));
    }
    if name.chars().any(|c| c.is_ascii_uppercase()) {
        return Some("it has uppercase letters".into());
    }
    if let Some(c) = name.chars().find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '.' || *c == '-')) {
        return Some(format!(
            "`{}` is not allowed (only lowercase letters, digits, `.` and `-` are)",
            c.escape_default()
        ));
    }
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if !alnum(name.chars().next()) || !alnum(name.chars().last()) {
        return Some("it must begin and end with a letter or a digit".into());
    }
    if name.contains("..") {
        return Some("it has two adjacent dots".into());
    }
    if name.split('.').count() == 4
        && name.split('.').all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some("it is formatted as an IP address".into());
    }
    for prefix in ["xn--", "sthree-", "amzn-s3-demo-"] {
        if name.starts_with(prefix) {
            return Some(format!("S3 reserves the prefix `{prefix}`"));
        }
    }
    for suffix in ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"] {
        if name.ends_with(suffix) {
            return Some(format!("S3 reserves the suffix `{suffix}`"));
        }
    }
    None
}

/// A name that follows the rules, made from `name` (lowercase, other
/// characters, dots included, as hyphens: S3 advises against dots, which
/// break virtual-hosted HTTPS; trimmed); None when nothing usable is left.
fn suggestion(name: &str) -> Option<String> {
    let mut out = String::new();
    for c in name.chars() {
        let c = c.to_ascii_lowercase();
        let c = if c.is_ascii_lowercase() || c.is_ascii_digit() { c } else { '-' };
        if c == '-' && out.ends_with('-') {
            continue;
        }
        out.push(c);
    }
    let mut out: String = out.trim_matches('-').chars().take(BUCKET_NAME_MAX.value as usize).collect();
    while out.ends_with('-') {
        out.pop();
    }
    problem(&out).is_none().then_some(out)
}

impl Rule for BucketName {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let mut seen: BTreeMap<&str, &crate::model::Spanned<String>> = BTreeMap::new();
        for node in cx.model.nodes() {
            let NodeKind::S3(b) = &node.kind else { continue };
            let Some(name) = &b.bucket else { continue };
            if let Some(why) = problem(&name.value) {
                let mut d = report.diagnostic(name.span, format!("`{}` is not a valid bucket name: {why}", name.value));
                if let Some(s) = suggestion(&name.value) {
                    d = d.with_help(format!("write `bucket: \"{s}\"`"));
                } else {
                    d = d.with_help(
                        "write 3 to 63 lowercase letters, digits and hyphens, such as `bucket: \"shop-media\"`",
                    );
                }
                report.push(d);
                continue;
            }
            match seen.get(name.value.as_str()) {
                Some(first) => {
                    let d = report
                        .diagnostic(name.span, format!("the bucket name `{}` is used twice", name.value))
                        .with_label(first.span, "first used here")
                        .with_help("bucket names are unique across all AWS accounts: give this bucket another name");
                    report.push(d);
                }
                None => {
                    seen.insert(&name.value, name);
                }
            }
        }
    }
}
