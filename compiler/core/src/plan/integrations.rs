//! The integration table (LANGUAGE.md §5) as data: which flows out of a
//! managed service are integrations (AWS runs them, with a permission), which
//! are network connections into a VPC (an origin, a VPC link), and, from
//! that, the valid targets of every managed source (rule E0406 lists them).
//!
//! AWS sources: S3 event notifications
//! (https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html),
//! SNS subscriptions (https://docs.aws.amazon.com/sns/latest/dg/sns-create-subscribe-endpoint-to-topic.html),
//! Lambda event source mappings
//! (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html),
//! EventBridge targets (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-targets.html),
//! API Gateway integrations and VPC links
//! (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-vpc-links.html),
//! CloudFront origins and origin access control
//! (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html),
//! Step Functions service integrations
//! (https://docs.aws.amazon.com/step-functions/latest/dg/integrate-services.html).

use crate::model::kinds::Kind;

/// One row of the table: `from -> to` is an integration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Integration {
    pub from: Kind,
    pub to: Kind,
    /// What AWS runs: "S3 event notification".
    pub integration: &'static str,
    /// The service principal that acts.
    pub principal: &'static str,
    /// The actions it is granted on the target.
    pub actions: &'static [&'static str],
}

/// How a network pair out of a managed service reaches into a VPC: the peer
/// its target's security group admits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetworkVia {
    /// A CloudFront origin: the origin-facing managed prefix list.
    CloudFrontOrigin,
    /// An API Gateway VPC link (its own security group).
    VpcLink,
}

/// One network (not integration) pair out of a managed service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NetworkPair {
    pub from: Kind,
    pub to: Kind,
    pub via: NetworkVia,
}

/// What a flow `from -> to` is, by the kinds of its ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairKind {
    /// A row of the integration table: proven by its permission.
    Integration(&'static Integration),
    /// A managed service into a VPC resource: proven as a connection.
    Network(&'static NetworkPair),
    /// Out of a managed service, but not in the table: an error (E0406).
    Invalid,
    /// The source is not a managed service (compute, users, on-premises…):
    /// a network connection, proven hop by hop.
    Connection,
}

const fn row(
    from: Kind,
    to: Kind,
    integration: &'static str,
    principal: &'static str,
    actions: &'static [&'static str],
) -> Integration {
    Integration { from, to, integration, principal, actions }
}

const S3_EVENT: &str = "S3 event notification";
const SNS_SUB: &str = "SNS subscription";
const ESM: &str = "event source mapping";
const EB_RULE: &str = "EventBridge rule";
const APIGW_INT: &str = "API Gateway integration";
const SFN_TASK: &str = "Step Functions task";

/// The integration table, in the order of LANGUAGE.md §5.
pub static INTEGRATIONS: &[Integration] = &[
    row(Kind::S3, Kind::Lambda, S3_EVENT, "s3.amazonaws.com", &["lambda:InvokeFunction"]),
    row(Kind::S3, Kind::Sqs, S3_EVENT, "s3.amazonaws.com", &["sqs:SendMessage"]),
    row(Kind::S3, Kind::Sns, S3_EVENT, "s3.amazonaws.com", &["sns:Publish"]),
    row(Kind::Sns, Kind::Sqs, SNS_SUB, "sns.amazonaws.com", &["sqs:SendMessage"]),
    row(Kind::Sns, Kind::Lambda, SNS_SUB, "sns.amazonaws.com", &["lambda:InvokeFunction"]),
    row(
        Kind::Sqs,
        Kind::Lambda,
        ESM,
        "lambda.amazonaws.com",
        &["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
    ),
    row(
        Kind::Kinesis,
        Kind::Lambda,
        ESM,
        "lambda.amazonaws.com",
        &["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream", "kinesis:ListShards"],
    ),
    row(
        Kind::Dynamodb,
        Kind::Lambda,
        "DynamoDB stream event source mapping",
        "lambda.amazonaws.com",
        &["dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream", "dynamodb:ListStreams"],
    ),
    row(Kind::Eventbridge, Kind::Lambda, EB_RULE, "events.amazonaws.com", &["lambda:InvokeFunction"]),
    row(Kind::Eventbridge, Kind::Sqs, EB_RULE, "events.amazonaws.com", &["sqs:SendMessage"]),
    row(Kind::Eventbridge, Kind::Sns, EB_RULE, "events.amazonaws.com", &["sns:Publish"]),
    row(Kind::Eventbridge, Kind::Stepfn, EB_RULE, "events.amazonaws.com", &["states:StartExecution"]),
    row(Kind::Eventbridge, Kind::Kinesis, EB_RULE, "events.amazonaws.com", &["kinesis:PutRecord"]),
    row(Kind::Apigw, Kind::Lambda, APIGW_INT, "apigateway.amazonaws.com", &["lambda:InvokeFunction"]),
    row(Kind::Apigw, Kind::Stepfn, APIGW_INT, "apigateway.amazonaws.com", &["states:StartExecution"]),
    row(Kind::Apigw, Kind::Sqs, APIGW_INT, "apigateway.amazonaws.com", &["sqs:SendMessage"]),
    row(Kind::Apigw, Kind::Sns, APIGW_INT, "apigateway.amazonaws.com", &["sns:Publish"]),
    row(Kind::Apigw, Kind::Kinesis, APIGW_INT, "apigateway.amazonaws.com", &["kinesis:PutRecord"]),
    row(Kind::Apigw, Kind::Dynamodb, APIGW_INT, "apigateway.amazonaws.com", &["dynamodb:PutItem"]),
    row(
        Kind::Cloudfront,
        Kind::S3,
        "CloudFront origin with origin access control",
        "cloudfront.amazonaws.com",
        &["s3:GetObject"],
    ),
    row(Kind::Cloudfront, Kind::Apigw, "CloudFront origin", "cloudfront.amazonaws.com", &[]),
    row(Kind::Cloudfront, Kind::Lambda, "CloudFront origin", "cloudfront.amazonaws.com", &["lambda:InvokeFunctionUrl"]),
    row(Kind::Stepfn, Kind::Lambda, SFN_TASK, "states.amazonaws.com", &["lambda:InvokeFunction"]),
    row(Kind::Stepfn, Kind::Sqs, SFN_TASK, "states.amazonaws.com", &["sqs:SendMessage"]),
    row(Kind::Stepfn, Kind::Sns, SFN_TASK, "states.amazonaws.com", &["sns:Publish"]),
    row(Kind::Stepfn, Kind::Dynamodb, SFN_TASK, "states.amazonaws.com", &["dynamodb:PutItem"]),
    row(Kind::Stepfn, Kind::Ecs, SFN_TASK, "states.amazonaws.com", &["ecs:RunTask"]),
];

/// The network pairs out of managed services into a VPC.
pub static NETWORK_PAIRS: &[NetworkPair] = &[
    NetworkPair { from: Kind::Cloudfront, to: Kind::Alb, via: NetworkVia::CloudFrontOrigin },
    NetworkPair { from: Kind::Cloudfront, to: Kind::Nlb, via: NetworkVia::CloudFrontOrigin },
    NetworkPair { from: Kind::Cloudfront, to: Kind::Ec2, via: NetworkVia::CloudFrontOrigin },
    NetworkPair { from: Kind::Apigw, to: Kind::Alb, via: NetworkVia::VpcLink },
    NetworkPair { from: Kind::Apigw, to: Kind::Nlb, via: NetworkVia::VpcLink },
    NetworkPair { from: Kind::Apigw, to: Kind::Ecs, via: NetworkVia::VpcLink },
    NetworkPair { from: Kind::Apigw, to: Kind::Asg, via: NetworkVia::VpcLink },
    NetworkPair { from: Kind::Apigw, to: Kind::Ec2, via: NetworkVia::VpcLink },
];

/// The managed services whose flows out are integrations or network pairs
/// from the tables above, and nothing else.
pub const MANAGED_SOURCES: &[Kind] = &[
    Kind::S3,
    Kind::Sns,
    Kind::Sqs,
    Kind::Kinesis,
    Kind::Dynamodb,
    Kind::Eventbridge,
    Kind::Apigw,
    Kind::Cloudfront,
    Kind::Stepfn,
    Kind::Route53,
    Kind::Waf,
];

/// Whether flows out of `kind` are integrations (AWS acts on its own), not
/// connections a resource opens.
pub fn is_managed_source(kind: Kind) -> bool {
    MANAGED_SOURCES.contains(&kind)
}

/// The integration `from -> to`, if the table has it.
pub fn integration(from: Kind, to: Kind) -> Option<&'static Integration> {
    INTEGRATIONS.iter().find(|r| r.from == from && r.to == to)
}

/// The network pair `from -> to` out of a managed service, if any.
pub fn network_pair(from: Kind, to: Kind) -> Option<&'static NetworkPair> {
    NETWORK_PAIRS.iter().find(|r| r.from == from && r.to == to)
}

/// What a flow `from -> to` is.
pub fn classify(from: Kind, to: Kind) -> PairKind {
    if let Some(i) = integration(from, to) {
        PairKind::Integration(i)
    } else if let Some(n) = network_pair(from, to) {
        PairKind::Network(n)
    } else if is_managed_source(from) {
        PairKind::Invalid
    } else {
        PairKind::Connection
    }
}

/// Every valid target kind of a flow out of `from` (integrations first, then
/// network pairs, each in table order, without repeats): what E0406 lists.
/// Empty for a managed source with no valid target (route53, waf) and for a
/// source that is not managed (any target is a connection).
pub fn valid_targets(from: Kind) -> Vec<Kind> {
    let mut out: Vec<Kind> = Vec::new();
    let kinds = INTEGRATIONS
        .iter()
        .filter(|r| r.from == from)
        .map(|r| r.to)
        .chain(NETWORK_PAIRS.iter().filter(|r| r.from == from).map(|r| r.to));
    for k in kinds {
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// The service name of an interface endpoint that serves kind `kind`
/// (`com.amazonaws.REGION.NAME`), for the kinds reached through an AWS API.
pub fn service_name(kind: Kind) -> Option<&'static str> {
    Some(match kind {
        Kind::S3 => "s3",
        Kind::Dynamodb => "dynamodb",
        Kind::Sqs => "sqs",
        Kind::Sns => "sns",
        Kind::Kinesis => "kinesis-streams",
        Kind::Stepfn => "states",
        Kind::Apigw => "execute-api",
        Kind::Eventbridge => "events",
        Kind::Lambda => "lambda",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_classify_by_the_table() {
        assert!(
            matches!(classify(Kind::S3, Kind::Lambda), PairKind::Integration(i) if i.principal == "s3.amazonaws.com")
        );
        assert!(
            matches!(classify(Kind::Cloudfront, Kind::Alb), PairKind::Network(n) if n.via == NetworkVia::CloudFrontOrigin)
        );
        assert_eq!(classify(Kind::Sqs, Kind::Sns), PairKind::Invalid);
        assert_eq!(classify(Kind::Ec2, Kind::Rds), PairKind::Connection);
        assert_eq!(classify(Kind::Lambda, Kind::S3), PairKind::Connection);
    }

    #[test]
    fn valid_targets_list_integrations_then_network_pairs() {
        assert_eq!(valid_targets(Kind::Sqs), vec![Kind::Lambda]);
        assert_eq!(
            valid_targets(Kind::Cloudfront),
            vec![Kind::S3, Kind::Apigw, Kind::Lambda, Kind::Alb, Kind::Nlb, Kind::Ec2]
        );
        assert!(valid_targets(Kind::Route53).is_empty());
        assert!(valid_targets(Kind::Ec2).is_empty());
    }

    #[test]
    fn no_pair_is_both_an_integration_and_a_network_pair() {
        for n in NETWORK_PAIRS {
            assert!(integration(n.from, n.to).is_none());
            assert!(is_managed_source(n.from));
        }
        for i in INTEGRATIONS {
            assert!(is_managed_source(i.from));
        }
    }
}
