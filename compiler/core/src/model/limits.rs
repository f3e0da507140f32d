//! Service limits and default quotas, as one data table: every threshold a
//! rule compares a design against lives here, with what it is, the AWS page
//! it comes from, and whether AWS refuses past it (a hard limit: the rule is
//! an error) or it is a default quota an account can raise (the rule is a
//! warning, and the design can raise it where the language has a property:
//! `quota_eips: 10` on a region).
//!
//! Values drift (RULES.md §5): change a row here, not a rule.

/// Whether AWS refuses past the value, or only an account's default does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitKind {
    /// AWS refuses a request past it, in every account.
    Hard,
    /// A default service quota: an account can have it raised.
    Quota,
    /// A default or guidance value, not a limit (a Lambda's default timeout,
    /// the 6× visibility guidance).
    Guidance,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// A stable key: `lambda.timeout.max`.
    pub key: &'static str,
    pub value: u64,
    /// `s`, `MB`, `count`…
    pub unit: &'static str,
    pub what: &'static str,
    pub kind: LimitKind,
    /// The AWS documentation page it rests on.
    pub source: &'static str,
    /// The region property that raises a quota in a design, if any.
    pub property: Option<&'static str>,
}

const LAMBDA_QUOTAS: &str = "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html";
const LAMBDA_CONFIG: &str = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html";
const SQS_API: &str = "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html";
const SQS_LAMBDA: &str = "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html";
const APIGW_HTTP: &str = "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html";
const APIGW_REST: &str =
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html";
const AURORA: &str = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-replicas-adding.html";
const RDS_REPLICA: &str =
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html";
const ELB_API: &str =
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html";
const S3_NAMING: &str = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html";
const R53_MULTIVALUE: &str = "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-multivalue.html";
const CF_QUOTAS: &str = "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html";
const VPC_QUOTAS: &str = "https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html";

const fn hard(key: &'static str, value: u64, unit: &'static str, what: &'static str, source: &'static str) -> Limit {
    Limit { key, value, unit, what, kind: LimitKind::Hard, source, property: None }
}

const fn guide(key: &'static str, value: u64, unit: &'static str, what: &'static str, source: &'static str) -> Limit {
    Limit { key, value, unit, what, kind: LimitKind::Guidance, source, property: None }
}

const fn quota(
    key: &'static str,
    value: u64,
    unit: &'static str,
    what: &'static str,
    source: &'static str,
    property: Option<&'static str>,
) -> Limit {
    Limit { key, value, unit, what, kind: LimitKind::Quota, source, property }
}

pub const LAMBDA_TIMEOUT_MIN: Limit =
    hard("lambda.timeout.min", 1, "s", "a Lambda function's shortest timeout", LAMBDA_QUOTAS);
pub const LAMBDA_TIMEOUT_MAX: Limit =
    hard("lambda.timeout.max", 900, "s", "a Lambda function's longest timeout (15 minutes)", LAMBDA_QUOTAS);
pub const LAMBDA_TIMEOUT_DEFAULT: Limit =
    guide("lambda.timeout.default", 3, "s", "a Lambda function's timeout when none is set", LAMBDA_CONFIG);
pub const LAMBDA_MEMORY_MIN: Limit =
    hard("lambda.memory.min", 128, "MB", "a Lambda function's least memory", LAMBDA_QUOTAS);
pub const LAMBDA_MEMORY_MAX: Limit =
    hard("lambda.memory.max", 10_240, "MB", "a Lambda function's most memory", LAMBDA_QUOTAS);
pub const SQS_VISIBILITY_MAX: Limit =
    hard("sqs.visibility_timeout.max", 43_200, "s", "an SQS queue's longest visibility timeout (12 hours)", SQS_API);
pub const SQS_RETENTION_MIN: Limit =
    hard("sqs.retention.min", 60, "s", "an SQS queue's shortest message retention (1 minute)", SQS_API);
pub const SQS_RETENTION_MAX: Limit =
    hard("sqs.retention.max", 1_209_600, "s", "an SQS queue's longest message retention (14 days)", SQS_API);
pub const SQS_VISIBILITY_PER_LAMBDA_TIMEOUT: Limit = guide(
    "sqs.visibility_timeout.lambda_factor",
    6,
    "x",
    "the visibility timeout of a queue a Lambda consumes, in multiples of the function's timeout",
    SQS_LAMBDA,
);
pub const APIGW_HTTP_TIMEOUT_MAX: Limit =
    hard("apigw.http.timeout.max", 30, "s", "an HTTP API's longest integration timeout", APIGW_HTTP);
pub const APIGW_REST_TIMEOUT_MAX: Limit = quota(
    "apigw.rest.timeout.max",
    29,
    "s",
    "a REST API's longest integration timeout (Regional and private APIs can have it raised)",
    APIGW_REST,
    None,
);
pub const AURORA_REPLICAS_MAX: Limit =
    hard("aurora.replicas.max", 15, "count", "Aurora Replicas in one cluster besides the writer", AURORA);
pub const RDS_REPLICAS_MAX_OPEN: Limit = hard(
    "rds.replicas.max.mysql_mariadb_postgres",
    15,
    "count",
    "read replicas of one MySQL, MariaDB or PostgreSQL instance",
    RDS_REPLICA,
);
pub const RDS_REPLICAS_MAX_COMMERCIAL: Limit = hard(
    "rds.replicas.max.oracle_sqlserver",
    5,
    "count",
    "read replicas of one Oracle or SQL Server instance",
    RDS_REPLICA,
);
pub const RDS_REPLICAS_MAX_DB2: Limit =
    hard("rds.replicas.max.db2", 3, "count", "read replicas of one Db2 instance", RDS_REPLICA);
pub const ALB_MIN_ZONES: Limit =
    hard("alb.zones.min", 2, "zones", "distinct zones of an Application Load Balancer's subnets", ELB_API);
pub const LB_NAME_MAX: Limit = hard("elbv2.name.max", 32, "chars", "a load balancer's name", ELB_API);
pub const BUCKET_NAME_MIN: Limit = hard("s3.bucket_name.min", 3, "chars", "an S3 bucket's name", S3_NAMING);
pub const BUCKET_NAME_MAX: Limit = hard("s3.bucket_name.max", 63, "chars", "an S3 bucket's name", S3_NAMING);
pub const R53_MULTIVALUE_ANSWERS: Limit =
    guide("route53.multivalue.answers", 8, "records", "healthy records a multivalue answer returns", R53_MULTIVALUE);
pub const CLOUDFRONT_ORIGINS: Limit =
    quota("cloudfront.origins", 100, "count", "origins per CloudFront distribution", CF_QUOTAS, None);
pub const EIPS_PER_REGION: Limit = quota(
    "ec2.eips.per_region",
    5,
    "count",
    "Elastic IP addresses per Region (one per zonal public NAT gateway)",
    VPC_QUOTAS,
    Some("quota_eips"),
);
pub const VPCS_PER_REGION: Limit =
    quota("vpc.vpcs.per_region", 5, "count", "VPCs per Region", VPC_QUOTAS, Some("quota_vpcs"));
pub const NAT_GATEWAYS_PER_ZONE: Limit = quota(
    "vpc.nat_gateways.per_zone",
    5,
    "count",
    "NAT gateways per Availability Zone",
    VPC_QUOTAS,
    Some("quota_nat_gateways"),
);

/// Every row, for documentation and tests.
pub const ALL: &[Limit] = &[
    LAMBDA_TIMEOUT_MIN,
    LAMBDA_TIMEOUT_MAX,
    LAMBDA_TIMEOUT_DEFAULT,
    LAMBDA_MEMORY_MIN,
    LAMBDA_MEMORY_MAX,
    SQS_VISIBILITY_MAX,
    SQS_RETENTION_MIN,
    SQS_RETENTION_MAX,
    SQS_VISIBILITY_PER_LAMBDA_TIMEOUT,
    APIGW_HTTP_TIMEOUT_MAX,
    APIGW_REST_TIMEOUT_MAX,
    AURORA_REPLICAS_MAX,
    RDS_REPLICAS_MAX_OPEN,
    RDS_REPLICAS_MAX_COMMERCIAL,
    RDS_REPLICAS_MAX_DB2,
    ALB_MIN_ZONES,
    LB_NAME_MAX,
    BUCKET_NAME_MIN,
    BUCKET_NAME_MAX,
    R53_MULTIVALUE_ANSWERS,
    CLOUDFRONT_ORIGINS,
    EIPS_PER_REGION,
    VPCS_PER_REGION,
    NAT_GATEWAYS_PER_ZONE,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_sources_are_aws_pages() {
        let mut keys: Vec<&str> = ALL.iter().map(|l| l.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), ALL.len());
        for l in ALL {
            assert!(l.source.starts_with("https://docs.aws.amazon.com/"), "{}", l.key);
            assert!(l.property.is_none() || l.kind == LimitKind::Quota, "{}: only a quota is raised", l.key);
        }
    }
}
