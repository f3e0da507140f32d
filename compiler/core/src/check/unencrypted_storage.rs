//! W0605: a database or file system written without encryption at rest.

use archc_syntax::Fix;

use super::{rule, Context, Report, Rule};
use crate::model::{NodeKind, Resolved};

rule! {
    /// # W0605: unencrypted storage
    ///
    /// An `rds` or `efs` with `encrypted: false`: its storage, automated
    /// backups, snapshots and read replicas are written to disk in the clear.
    ///
    /// Encryption at rest with AWS KMS costs nothing extra and has no noticeable
    /// effect on performance, but it can only be chosen when the database or
    /// file system is created: turning it on later means a snapshot, an
    /// encrypted copy and a restore (RDS), or a new file system and a copy of
    /// every file (EFS). Compliance regimes (PCI DSS, HIPAA) require it, and
    /// AWS Security Hub reports its absence (RDS.3, EFS.1). See
    /// [Encrypting Amazon RDS resources](https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html)
    /// and [Encrypting data at rest in Amazon EFS](https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html).
    ///
    /// archc encrypts both by default; this warning is about writing
    /// `encrypted: false`. The suggested fix writes `true`; it is marked unsafe,
    /// since for a database that already exists it means a replacement.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       isolated subnet data_a 10.0.10.0/24
    ///     }
    ///     az b {
    ///       isolated subnet data_b 10.0.11.0/24
    ///     }
    ///     rds orders in data_a, data_b {
    ///       engine: postgres
    ///       encrypted: false
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// warning[W0605]: the database `orders` is not encrypted at rest
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       isolated subnet data_a 10.0.10.0/24
    ///     }
    ///     az b {
    ///       isolated subnet data_b 10.0.11.0/24
    ///     }
    ///     rds orders in data_a, data_b {
    ///       engine: postgres
    ///       encrypted: true
    ///     }
    ///   }
    /// }
    /// ```
    pub struct UnencryptedStorage;
}

impl Rule for UnencryptedStorage {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            let (what, encrypted): (&str, &Resolved<bool>) = match &node.kind {
                NodeKind::Rds(r) => ("database", &r.encrypted),
                NodeKind::Efs(e) => ("file system", &e.encrypted),
                _ => continue,
            };
            if encrypted.value || !encrypted.written {
                continue;
            }
            let name = &node.name;
            let d = report
                .diagnostic(encrypted.span, format!("the {what} `{name}` is not encrypted at rest"))
                .with_span_label("its storage, backups and snapshots would be written in the clear")
                .with_help(
                    "write `encrypted: true` (the default): encryption with AWS KMS costs nothing, and can only be \
                     chosen when it is created",
                )
                .with_fix(Fix::unsafe_edit(encrypted.span, "encrypted: true"));
            report.push(d);
        }
    }
}
