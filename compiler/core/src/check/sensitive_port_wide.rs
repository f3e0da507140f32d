//! W0606: a database or cache engine port open wide (to the internet) on a
//! resource that E0603 does not cover (an instance running the engine).

use super::security::{engine_ports, exposures, is_data_store, is_every_port, source_words};
use super::{rule, Context, Report, Rule};

rule! {
    /// # W0606: sensitive port open to the internet
    ///
    /// A flow from `internet` or a `users` on a port that database, cache,
    /// search and queue engines listen on (MySQL 3306, PostgreSQL 5432, Redis
    /// 6379, Memcached 11211, MongoDB 27017, SQL Server 1433, Oracle 1521,
    /// Elasticsearch 9200, Kafka 9092, NFS 2049…) to a resource that is not
    /// itself an `rds`, `aurora`, `elasticache` or `efs` (those are E0603): an
    /// `ec2`, `asg`, `ecs` or load balancer running or fronting the engine.
    ///
    /// These engines were built to sit behind an application, not to face
    /// the internet: Redis and Memcached answer anyone by default, and exposed
    /// MongoDB and Elasticsearch servers are scanned for and wiped or ransomed
    /// daily. AWS's guidance is to admit such ports only from the security
    /// groups of the tier that needs them. See
    /// [Security group rules for different use cases](https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-rules-reference.html).
    ///
    /// A flow on `all` ports is W0607 and is not reported here again.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc lab 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24 {
    ///         ec2 db { instance: t3.medium }
    ///       }
    ///     }
    ///   }
    /// }
    ///
    /// internet -> db : mysql
    /// ```
    ///
    /// ```text
    /// warning[W0606]: `db` admits MySQL/MariaDB (tcp/3306) from the internet
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc lab 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/24 {
    ///         ec2 app { instance: t3.medium }
    ///         ec2 db { instance: t3.medium }
    ///       }
    ///     }
    ///   }
    /// }
    ///
    /// app -> db : mysql
    /// ```
    pub struct SensitivePortWide;
}

impl Rule for SensitivePortWide {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for e in exposures(cx.model) {
            if is_data_store(e.target.kind()) || e.flow.ports.iter().any(|r| is_every_port(*r)) {
                continue;
            }
            let ports = engine_ports(e.flow);
            let Some(&(first, _)) = ports.first() else { continue };
            let named: Vec<String> = ports.iter().map(|(port, name)| format!("{name} (tcp/{port})")).collect();
            let target = &e.target.name;
            let d = report
                .diagnostic(e.flow.span, format!("`{target}` admits {} from {}", named.join(", "), source_words(e.source)))
                .with_span_label(format!("its security group will allow tcp/{first} from 0.0.0.0/0"))
                .with_label(e.target.name_span, format!("`{target}` is declared here"))
                .with_help(format!(
                    "remove this flow and admit the port only from the tier that uses it (`app -> {target} : {first}`), \
                     or from your own network through an `onprem` block"
                ));
            report.push(d);
        }
    }
}
