//! Networking and content delivery: load balancers, gateways, endpoints,
//! CloudFront, Route 53, transit gateways, VPN, Direct Connect, API Gateway.

use super::Part::{self, Cover, Line, Solid};

pub(super) fn glyph(kind: &str) -> Option<&'static [Part]> {
    match kind {
        "alb" => Some(ALB),
        "nlb" => Some(NLB),
        "igw" => Some(IGW),
        "nat" => Some(NAT),
        "endpoint" => Some(ENDPOINT),
        "cloudfront" => Some(CLOUDFRONT),
        "route53" => Some(ROUTE53),
        "tgw" => Some(TGW),
        "vpn" => Some(VPN),
        "dx" => Some(DX),
        "apigw" => Some(APIGW),
        _ => None,
    }
}

/// One node fanning out to three.
const ALB: &[Part] = &[
    Line("M13 24L35 13M13 24H35M13 24L35 35"),
    Cover("M13 19A5 5 0 1 0 13 29A5 5 0 1 0 13 19Z"),
    Cover("M35 9.5A3.5 3.5 0 1 0 35 16.5A3.5 3.5 0 1 0 35 9.5Z"),
    Cover("M35 20.5A3.5 3.5 0 1 0 35 27.5A3.5 3.5 0 1 0 35 20.5Z"),
    Cover("M35 31.5A3.5 3.5 0 1 0 35 38.5A3.5 3.5 0 1 0 35 31.5Z"),
];

/// Connections switched straight through: a square fanning out at right angles.
const NLB: &[Part] = &[
    Line("M17 24H35M24 13V35M24 13H35M24 35H35"),
    Cover("M9 19.5H18V28.5H9Z"),
    Cover("M35 9.5A3.5 3.5 0 1 0 35 16.5A3.5 3.5 0 1 0 35 9.5Z"),
    Cover("M35 20.5A3.5 3.5 0 1 0 35 27.5A3.5 3.5 0 1 0 35 20.5Z"),
    Cover("M35 31.5A3.5 3.5 0 1 0 35 38.5A3.5 3.5 0 1 0 35 31.5Z"),
];

/// A doorway with traffic passing through.
const IGW: &[Part] = &[Line("M13 38V21A11 11 0 0 1 35 21V38M9 38H39"), Line("M17 29H31M27 25L31 29L27 33")];

/// Addresses translated: two arrows, out and back.
const NAT: &[Part] = &[Line("M12 18H35M31 14L35 18L31 22"), Line("M36 30H13M17 26L13 30L17 34")];

/// A plug on a cable.
const ENDPOINT: &[Part] = &[Line("M17 20H31V26A7 7 0 0 1 17 26Z"), Line("M20.5 20V12M27.5 20V12M24 33V39")];

/// A globe with a ring of edge locations around it.
const CLOUDFRONT: &[Part] = &[
    Line("M7.7 31.6A18 6.5 -25 0 1 40.3 16.4"),
    Cover("M24 14.5A9.5 9.5 0 1 0 24 33.5A9.5 9.5 0 1 0 24 14.5Z"),
    Line("M24 14.5C20 18 20 30 24 33.5C28 30 28 18 24 14.5M14.5 24H33.5"),
    Line("M40.3 16.4A18 6.5 -25 0 1 7.7 31.6"),
];

/// A shield marked 53: DNS.
const ROUTE53: &[Part] = &[
    Line("M24 8L37 12.5V23C37 31 31.5 36.5 24 40C16.5 36.5 11 31 11 23V12.5Z"),
    Line("M22.5 17H17.5V22.3H19.5A3.6 3.6 0 0 1 19.5 29.5H17"),
    Line("M25.5 17H31L27.8 21.8A3.9 3.9 0 1 1 25.5 28.6"),
];

/// A hub with spokes to four networks.
const TGW: &[Part] = &[
    Line("M24 24L13 13M24 24L35 13M24 24L13 35M24 24L35 35"),
    Cover("M24 18.5A5.5 5.5 0 1 0 24 29.5A5.5 5.5 0 1 0 24 18.5Z"),
    Cover("M13 9.5A3.5 3.5 0 1 0 13 16.5A3.5 3.5 0 1 0 13 9.5Z"),
    Cover("M35 9.5A3.5 3.5 0 1 0 35 16.5A3.5 3.5 0 1 0 35 9.5Z"),
    Cover("M13 31.5A3.5 3.5 0 1 0 13 38.5A3.5 3.5 0 1 0 13 31.5Z"),
    Cover("M35 31.5A3.5 3.5 0 1 0 35 38.5A3.5 3.5 0 1 0 35 31.5Z"),
];

/// A padlock: an encrypted tunnel.
const VPN: &[Part] = &[
    Line("M15 23H33V37H15Z"),
    Line("M18.5 23V18A5.5 5.5 0 0 1 29.5 18V23"),
    Solid("M24 27A2.2 2.2 0 1 0 24 31.4A2.2 2.2 0 1 0 24 27Z"),
    Line("M24 31V33.5"),
];

/// A dedicated cable with a connector at each end.
const DX: &[Part] = &[
    Line("M14 31C14 21 34 27 34 17"),
    Line("M10 31H18V38H10ZM12 38V41M16 38V41"),
    Line("M30 10H38V17H30ZM32 10V7M36 10V7"),
];

/// An API: braces around a call.
const APIGW: &[Part] = &[
    Line("M18 12H16Q13.5 12 13.5 14.5V21L10.5 24L13.5 27V33.5Q13.5 36 16 36H18"),
    Line("M30 12H32Q34.5 12 34.5 14.5V21L37.5 24L34.5 27V33.5Q34.5 36 32 36H30"),
    Line("M19 24H29M25.5 20.5L29 24L25.5 27.5"),
];
