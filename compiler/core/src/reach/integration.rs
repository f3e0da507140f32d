//! Which flows out of a managed service are valid (LANGUAGE.md §5; the
//! table of docs/plan.md): integrations, proven by their permission, and the
//! network pairs into a VPC. Everything else out of a managed service is
//! E0406.

use crate::model::kinds::Kind;

/// The integration targets of a managed service, then its network targets
/// (into a VPC), in the order the help lists them.
pub fn valid_targets(source: Kind) -> (&'static [Kind], &'static [Kind]) {
    use Kind::*;
    match source {
        S3 => (&[Lambda, Sqs, Sns], &[]),
        Sns => (&[Sqs, Lambda], &[]),
        Sqs | Kinesis | Dynamodb => (&[Lambda], &[]),
        Eventbridge => (&[Lambda, Sqs, Sns, Stepfn, Kinesis], &[]),
        Apigw => (&[Lambda, Stepfn, Sqs, Sns, Kinesis, Dynamodb], &[Alb, Nlb, Ecs, Asg, Ec2]),
        Cloudfront => (&[S3, Apigw, Lambda], &[Alb, Nlb, Ec2]),
        Stepfn => (&[Lambda, Sqs, Sns, Dynamodb, Ecs], &[]),
        _ => (&[], &[]),
    }
}

/// Whether `source -> target` is an integration (a permission, not a route).
pub(crate) fn is_integration(source: Kind, target: Kind) -> bool {
    valid_targets(source).0.contains(&target)
}

/// Whether `source -> target` is network traffic from a managed service
/// into a VPC (CloudFront origin, API Gateway VPC link).
pub(crate) fn is_network_pair(source: Kind, target: Kind) -> bool {
    valid_targets(source).1.contains(&target)
}
