//! E0508: an RDS instance with more read replicas than its engine allows.

use archc_syntax::Fix;

use super::{rule, Context, Report, Rule};
use crate::model::limits::{Limit, RDS_REPLICAS_MAX_COMMERCIAL, RDS_REPLICAS_MAX_DB2, RDS_REPLICAS_MAX_OPEN};
use crate::model::{NodeKind, RdsEngine};

rule! {
    /// # E0508: too many RDS read replicas
    ///
    /// RDS limits the read replicas of one source instance by engine: 15 for
    /// MySQL, MariaDB and PostgreSQL, 5 for Oracle and SQL Server, 3 for Db2.
    /// RDS refuses one more. Without an `engine`, the largest limit (15) is
    /// used. The suggested fix lowers the count to the limit (unsafe: it
    /// changes capacity).
    /// See [CreateDBInstanceReadReplica](https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       isolated subnet data_a
    ///     }
    ///     az b {
    ///       isolated subnet data_b
    ///     }
    ///     rds ledger in data_a, data_b {
    ///       engine: oracle-ee
    ///       replicas: 6
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0508]: the RDS instance `ledger` has 6 read replicas; `oracle-ee` allows at most 5
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       isolated subnet data_a
    ///     }
    ///     az b {
    ///       isolated subnet data_b
    ///     }
    ///     rds ledger in data_a, data_b {
    ///       engine: oracle-ee
    ///       replicas: 5
    ///     }
    ///   }
    /// }
    /// ```
    pub struct RdsReplicas;
}

/// The read-replica limit of an engine (the largest when none is given).
fn limit(engine: Option<RdsEngine>) -> Limit {
    use RdsEngine::*;
    match engine {
        None | Some(Postgres | Mysql | Mariadb) => RDS_REPLICAS_MAX_OPEN,
        Some(OracleEe | OracleSe2 | SqlserverEe | SqlserverSe | SqlserverEx | SqlserverWeb) => {
            RDS_REPLICAS_MAX_COMMERCIAL
        }
        Some(Db2Se | Db2Ae) => RDS_REPLICAS_MAX_DB2,
    }
}

impl Rule for RdsReplicas {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            let NodeKind::Rds(rds) = &node.kind else { continue };
            let Some(r) = &rds.replicas else { continue };
            let engine = rds.engine.as_ref().map(|e| e.value);
            let max = limit(engine).value;
            if u64::from(r.value) <= max {
                continue;
            }
            let who = engine.map_or("RDS".to_string(), |e| format!("`{e}`"));
            let mut d = report
                .diagnostic(
                    r.span,
                    format!(
                        "the RDS instance `{}` has {} read replicas; {who} allows at most {max}",
                        node.name, r.value
                    ),
                )
                .with_help(format!("write `replicas: {max}`"))
                .with_fix(Fix::unsafe_edit(r.span, max.to_string()));
            if let Some(e) = &rds.engine {
                d = d.with_label(e.span, format!("{} read replicas at most for this engine", max));
            }
            report.push(d);
        }
    }
}
