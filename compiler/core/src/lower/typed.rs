//! Typing of values against the kind table's [`Ty`]: numbers with their
//! ranges, durations, sizes, ports, prefixes, enums. References are resolved
//! by `build`, which owns the name table.

use archc_syntax::{Diagnostic, Span};

use super::subst::{SVal, Val};
use crate::kinds::Ty;
use crate::ports::{well_known, PortRange, Protocol, WELL_KNOWN};
use crate::suggest::did_you_mean;

/// A typed scalar.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Typed {
    Bool(bool),
    Int(i64),
    Text(String),
    /// Seconds.
    Duration(u64),
    /// Bytes.
    Size(u64),
    Prefix(u8),
    Ports(Vec<PortRange>),
}

fn invalid(span: Span, key: &str, ty: Ty, found: &SVal) -> Diagnostic {
    let shown = found.text().unwrap_or_else(|| "a list".into());
    let help = match (&ty, &found.val) {
        // `1.5s`, `250ms`: durations are whole seconds, and there is no `ms`.
        (Ty::Duration, Val::Quantity { number, unit }) if number.contains('.') || unit == "ms" => format!(
            "`{key}` takes whole seconds: write a whole number of a unit (`2s`, `90s`, `15m`, `12h`, `7d`); there is no `ms`"
        ),
        _ => format!("`{key}` takes {}", ty.describe()),
    };
    Diagnostic::error("E0111", span, format!("`{shown}` is not a valid value for `{key}`")).with_help(help)
}

/// A whole number, from a quantity without unit.
pub(crate) fn int(v: &SVal) -> Option<i64> {
    match &v.val {
        Val::Quantity { number, unit } if unit.is_empty() => number.parse().ok(),
        _ => None,
    }
}

/// Types one value. Errors are reported and give None.
pub(crate) fn scalar(key: &str, ty: Ty, v: &SVal, diags: &mut Vec<Diagnostic>) -> Option<Typed> {
    let out = match ty {
        Ty::Bool => match &v.val {
            Val::Word(w) if w == "true" => Some(Typed::Bool(true)),
            Val::Word(w) if w == "false" => Some(Typed::Bool(false)),
            _ => None,
        },
        Ty::Int(lo, hi) => match int(v) {
            Some(n) if (lo..=hi).contains(&n) => Some(Typed::Int(n)),
            Some(n) => {
                diags.push(
                    Diagnostic::error("E0111", v.span, format!("`{key}` is {n}, outside {lo}–{hi}"))
                        .with_help(format!("`{key}` takes {}", ty.describe())),
                );
                return None;
            }
            None => None,
        },
        Ty::Text | Ty::Texts => match &v.val {
            Val::List(_) => None,
            _ => v.text().map(Typed::Text),
        },
        Ty::Enum(words) => match &v.val {
            Val::Word(w) | Val::Str(w) if words.contains(&w.as_str()) => Some(Typed::Text(w.clone())),
            Val::Word(w) | Val::Str(w) => {
                let mut d = Diagnostic::error("E0111", v.span, format!("`{w}` is not a valid value for `{key}`"));
                d = match did_you_mean(w, words.iter().copied()) {
                    Some(s) => d.with_help(format!("did you mean `{s}`?")),
                    None => d.with_help(format!("`{key}` takes {}", ty.describe())),
                };
                diags.push(d);
                return None;
            }
            _ => None,
        },
        Ty::Duration => duration(v).map(Typed::Duration),
        Ty::Size => size(v).map(Typed::Size),
        Ty::Prefix => match &v.val {
            Val::Prefix(p) => match p.parse::<u8>() {
                Ok(n) if n <= 32 => Some(Typed::Prefix(n)),
                _ => {
                    diags.push(Diagnostic::error(
                        "E0103",
                        v.span,
                        format!("`/{p}` is not a prefix length from /0 to /32"),
                    ));
                    return None;
                }
            },
            _ => None,
        },
        Ty::Ports => return ports(std::slice::from_ref(v), diags).map(Typed::Ports),
        Ty::Ints(lo, hi) => return scalar(key, Ty::Int(lo, hi), v, diags),
        Ty::Ref(_) | Ty::Refs(_) => None,
    };
    if out.is_none() {
        diags.push(invalid(v.span, key, ty, v));
    }
    out
}

/// `30s`, `15m`, `12h`, `7d`, or a bare number of seconds.
fn duration(v: &SVal) -> Option<u64> {
    let Val::Quantity { number, unit } = &v.val else { return None };
    let scale: f64 = match unit.as_str() {
        "" | "s" => 1.0,
        "m" | "min" => 60.0,
        "h" => 3600.0,
        "d" => 86400.0,
        _ => return None,
    };
    let n: f64 = number.parse().ok()?;
    let secs = n * scale;
    (secs.fract() == 0.0 && (0.0..1e15).contains(&secs)).then_some(secs as u64)
}

/// `512MB`, `20GiB`, or a bare number of MiB (what AWS calls MB for memory).
fn size(v: &SVal) -> Option<u64> {
    let Val::Quantity { number, unit } = &v.val else { return None };
    let scale: f64 = match unit.as_str() {
        "" | "MiB" => 1024.0 * 1024.0,
        "B" => 1.0,
        "KB" | "kB" => 1e3,
        "MB" => 1e6,
        "GB" => 1e9,
        "TB" => 1e12,
        "KiB" => 1024.0,
        "GiB" => 1024f64.powi(3),
        "TiB" => 1024f64.powi(4),
        _ => return None,
    };
    let n: f64 = number.parse().ok()?;
    let bytes = n * scale;
    (bytes.fract() == 0.0 && (0.0..1e18).contains(&bytes)).then_some(bytes as u64)
}

fn port_number(text: &str, span: Span, diags: &mut Vec<Diagnostic>) -> Option<u16> {
    match text.parse::<u32>() {
        Ok(n) if n <= 65535 => Some(n as u16),
        _ => {
            diags.push(Diagnostic::error("E0103", span, format!("`{text}` is not a port number from 0 to 65535")));
            None
        }
    }
}

/// Ports as written in a flow, a listener or a NACL rule.
pub(crate) fn ports(values: &[SVal], diags: &mut Vec<Diagnostic>) -> Option<Vec<PortRange>> {
    let mut out = Vec::new();
    let mut ok = true;
    for v in SVal::flatten(values.to_vec()) {
        let one = match &v.val {
            Val::Quantity { number, unit } if unit.is_empty() => port_number(number, v.span, diags).map(PortRange::tcp),
            Val::Range { low, high } => range(Protocol::Tcp, low, high, v.span, diags),
            Val::ProtoPort { proto, low, high } => {
                let protocol = if proto == "udp" { Protocol::Udp } else { Protocol::Tcp };
                match high {
                    Some(h) => range(protocol, low, h, v.span, diags),
                    None => port_number(low, v.span, diags).map(|p| PortRange { protocol, from: p, to: p }),
                }
            }
            Val::Word(w) => match well_known(w) {
                Some(p) => Some(p),
                None => {
                    let names: Vec<&str> = WELL_KNOWN.iter().map(|(n, _)| *n).collect();
                    let mut d = Diagnostic::error("E0115", v.span, format!("unknown port `{w}`"));
                    d = match did_you_mean(w, names.iter().copied()) {
                        Some(s) => d.with_help(format!("did you mean `{s}`?")),
                        None => d.with_help(format!(
                            "write a number (`8080`), a range (`8000-8100`), `tcp/N`, `udp/N`, or one of {}",
                            names.join(", ")
                        )),
                    };
                    diags.push(d);
                    None
                }
            },
            _ => {
                diags.push(
                    Diagnostic::error("E0111", v.span, format!("`{}` is not a port", v.text().unwrap_or_default()))
                        .with_help(Ty::Ports.describe()),
                );
                None
            }
        };
        match one {
            Some(p) => out.push(p),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn range(protocol: Protocol, low: &str, high: &str, span: Span, diags: &mut Vec<Diagnostic>) -> Option<PortRange> {
    let from = port_number(low, span, diags)?;
    let to = port_number(high, span, diags)?;
    if from > to {
        diags.push(
            Diagnostic::error("E0103", span, format!("the port range {from}-{to} runs backwards"))
                .with_help(format!("write `{to}-{from}`")),
        );
        return None;
    }
    Some(PortRange { protocol, from, to })
}
