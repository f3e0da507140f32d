//! Application integration: queues, topics, streams, state machines, event
//! buses.

use super::Part::{self, Line, Solid};

pub(super) fn glyph(kind: &str) -> Option<&'static [Part]> {
    match kind {
        "sqs" => Some(SQS),
        "sns" => Some(SNS),
        "kinesis" => Some(KINESIS),
        "stepfn" => Some(STEPFN),
        "eventbridge" => Some(EVENTBRIDGE),
        _ => None,
    }
}

/// Messages waiting in a queue, the first about to leave.
const SQS: &[Part] = &[
    Line("M8 15H40M8 33H40"),
    Line("M11 19H17V29H11ZM20 19H26V29H20Z"),
    Solid("M29 19H35V29H29Z"),
    Line("M38 21L41 24L38 27"),
];

/// One message broadcast to many: a source with waves to both sides.
const SNS: &[Part] = &[
    Solid("M24 20.5A3.5 3.5 0 1 0 24 27.5A3.5 3.5 0 1 0 24 20.5Z"),
    Line("M18 17.5A9 9 0 0 0 18 30.5M30 17.5A9 9 0 0 1 30 30.5"),
    Line("M13.5 12.5A16 16 0 0 0 13.5 35.5M34.5 12.5A16 16 0 0 1 34.5 35.5"),
];

/// Records streaming: three waves.
const KINESIS: &[Part] = &[
    Line("M9 16Q14 11 19 16T29 16T39 16"),
    Line("M9 24Q14 19 19 24T29 24T39 24"),
    Line("M9 32Q14 27 19 32T29 32T39 32"),
];

/// A workflow: one step branching into two.
const STEPFN: &[Part] =
    &[Line("M18 9H30V17H18Z"), Line("M24 17V24M14 24H34M14 24V31M34 24V31"), Line("M8 31H20V39H8ZM28 31H40V39H28Z")];

/// Events arriving on a bus and leaving it.
const EVENTBRIDGE: &[Part] = &[
    Line("M12 21H36A3 3 0 0 1 36 27H12A3 3 0 0 1 12 21Z"),
    Line("M15 10V17M12.5 14.5L15 17L17.5 14.5M24 10V17M21.5 14.5L24 17L26.5 14.5M33 10V17M30.5 14.5L33 17L35.5 14.5"),
    Line("M15 31V38M12.5 35.5L15 38L17.5 35.5M33 31V38M30.5 35.5L33 38L35.5 35.5"),
];
