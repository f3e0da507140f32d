//! Typing of values against the kind table's [`Ty`]: numbers with their
//! ranges, durations, sizes, ports, prefixes, enums. References are resolved
//! by `build`, which owns the name table.

use crate::diag::codes;
use archc_syntax::{Applicability, Diagnostic, Edit, Fix, Span};

use super::subst::{SVal, Val};
use crate::diag::suggest::did_you_mean;
use crate::model::cidr::leading_zero;
use crate::model::kinds::Ty;
use crate::model::ports::{well_known, PortRange, Protocol, WELL_KNOWN};
use crate::model::values::{scaled, Bytes, NumberError, Seconds};

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
        (Ty::Duration, Val::Quantity { number, unit }) if number.contains('.') || unit == "ms" => {
            format!("`{key}` takes whole seconds (`2s`, `90s`, `1.5m`, `12h`, `7d`); there is no `ms`")
        }
        _ => format!("`{key}` takes {}", ty.describe()),
    };
    Diagnostic::new(codes::INVALID_VALUE, span, format!("`{shown}` is not a valid value for `{key}`")).with_help(help)
}

/// A whole number, from a quantity without unit (exactly: no decimal
/// point, and within i64). See [`whole`] for why a number is refused.
pub(crate) fn int(v: &SVal) -> Option<i64> {
    whole(v).and_then(|n| n.ok())
}

/// A quantity without unit and without decimal point: Some(Ok(n)) when it
/// fits i64, Some(Err(())) when it does not (`99999999999999999999999`),
/// None when it is not a whole number at all.
fn whole(v: &SVal) -> Option<Result<i64, ()>> {
    match &v.val {
        Val::Quantity { number, unit } if unit.is_empty() && !number.contains('.') => {
            Some(scaled(number, 1).ok().and_then(|n| i64::try_from(n).ok()).ok_or(()))
        }
        _ => None,
    }
}

/// A size or duration that is a number with a known unit but not a whole
/// `u64` of the base unit: said plainly, with the exact reason.
fn inexact(key: &str, ty: Ty, v: &SVal, diags: &mut Vec<Diagnostic>) -> Option<u64> {
    let Val::Quantity { number, unit } = &v.val else { return None };
    let (scale, base) = match ty {
        Ty::Duration => (Seconds::unit(unit)?, "second"),
        _ => (Bytes::unit(unit)?, "byte"),
    };
    let shown = format!("{number}{unit}");
    let d = match scaled(number, scale) {
        Ok(n) => return Some(n),
        Err(NumberError::Malformed) => return None,
        Err(NumberError::NotWhole) if ty == Ty::Duration => return None,
        Err(NumberError::NotWhole) => {
            Diagnostic::new(codes::INVALID_VALUE, v.span, format!("`{shown}` is not a whole number of bytes"))
                .with_help(format!("`{key}` takes a size in whole bytes, such as `512MB`, `1.5GiB` or `20GiB`"))
        }
        Err(NumberError::TooLarge) => {
            Diagnostic::new(codes::INVALID_VALUE, v.span, format!("`{shown}` is too large for `{key}`"))
                .with_help(format!("archc reads at most {} {base}s (2^64 − 1)", u64::MAX))
        }
    };
    diags.push(d);
    None
}

/// Types one value. Errors are reported and give None.
pub(crate) fn scalar(key: &str, ty: Ty, v: &SVal, diags: &mut Vec<Diagnostic>) -> Option<Typed> {
    let out = match ty {
        Ty::Bool => match &v.val {
            Val::Word(w) if w == "true" => Some(Typed::Bool(true)),
            Val::Word(w) if w == "false" => Some(Typed::Bool(false)),
            _ => None,
        },
        Ty::Int(lo, hi) => match whole(v) {
            Some(Ok(n)) if (lo..=hi).contains(&n) => Some(Typed::Int(n)),
            Some(_) => {
                // The number as written: one too large for i64 is out of range too.
                let shown = v.text().unwrap_or_default();
                diags.push(
                    Diagnostic::new(codes::INVALID_VALUE, v.span, format!("`{key}` is {shown}, outside {lo}–{hi}"))
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
                let mut d =
                    Diagnostic::new(codes::INVALID_VALUE, v.span, format!("`{w}` is not a valid value for `{key}`"));
                d = match did_you_mean(w, words.iter().copied()) {
                    Some(s) => d.with_help(format!("did you mean `{s}`?")),
                    None => d.with_help(format!("`{key}` takes {}", ty.describe())),
                };
                diags.push(d);
                return None;
            }
            _ => None,
        },
        Ty::Duration | Ty::Size => {
            let diagnosed = diags.len();
            match inexact(key, ty, v, diags) {
                Some(n) if ty == Ty::Duration => Some(Typed::Duration(n)),
                Some(n) => Some(Typed::Size(n)),
                None if diags.len() > diagnosed => return None,
                None => None,
            }
        }
        Ty::Prefix => match &v.val {
            Val::Prefix(p) => match p.parse::<u8>() {
                // `/016`: refused as in a CIDR block (some tools read it as octal).
                Ok(n) if n <= 32 && leading_zero(p) => {
                    diags.push(
                        Diagnostic::new(codes::MALFORMED_LITERAL, v.span, format!("`/{p}` has a leading zero"))
                            .with_span_label("write the prefix length without leading zeros")
                            .with_help(format!("a leading zero reads as octal in some tools; write `/{n}`"))
                            .with_fix(Fix::safe(v.span, format!("/{n}"))),
                    );
                    return None;
                }
                Ok(n) if n <= 32 => Some(Typed::Prefix(n)),
                _ => {
                    diags.push(Diagnostic::new(
                        codes::MALFORMED_LITERAL,
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
        diags.push(quoted(key, ty, v).unwrap_or_else(|| invalid(v.span, key, ty, v)));
    }
    out
}

/// A number or size written in quotes (`cpu: "512"`, `storage: "100GiB"`):
/// the quotes make it text. The diagnostic shows them and says to drop them,
/// with a safe fix when the text without quotes is a valid value.
fn quoted(key: &str, ty: Ty, v: &SVal) -> Option<Diagnostic> {
    let Val::Str(text) = &v.val else { return None };
    let numeric = matches!(ty, Ty::Int(..) | Ty::Ints(..) | Ty::Duration | Ty::Size);
    let unquoted = quantity(text).filter(|_| numeric)?;
    let bare = SVal { val: unquoted, span: v.span };
    let valid = scalar(key, ty, &bare, &mut Vec::new()).is_some();
    let d =
        Diagnostic::new(codes::INVALID_VALUE, v.span, format!("`\"{text}\"` is quoted text, not a value for `{key}`"))
            .with_span_label("the quotes make it text");
    Some(if valid {
        let d = d.with_help(format!("drop the quotes: write `{key}: {text}`"));
        match unquote(v.span, text) {
            Some(fix) => d.with_fix(fix),
            None => d,
        }
    } else {
        d.with_help(format!("drop the quotes; `{key}` takes {}", ty.describe()))
    })
}

/// Deletes the two quotes of the literal at `span`, when it is exactly
/// `"TEXT"` (no escape or `${…}` in it, which would make the span longer or
/// the value differ between instances).
fn unquote(span: Span, text: &str) -> Option<Fix> {
    let len = usize::try_from(span.end.checked_sub(span.start)?).ok()?;
    (len == text.len() + 2).then(|| {
        let open = Span { end: span.start + 1, ..span };
        let close = Span { start: span.end - 1, ..span };
        Fix::new(
            Applicability::Safe,
            vec![Edit { span: open, replacement: String::new() }, Edit { span: close, replacement: String::new() }],
        )
    })
}

/// `text` as the grammar's quantity (`512`, `1.5`, `100GiB`), if it is one.
fn quantity(text: &str) -> Option<Val> {
    let digits = text.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let mut parts = number.split('.');
    let whole = parts.next().is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
    let frac = parts.next().is_none_or(|f| !f.is_empty());
    let plain = whole && frac && parts.next().is_none() && unit.bytes().all(|b| b.is_ascii_alphabetic());
    plain.then(|| Val::Quantity { number: number.to_string(), unit: unit.to_string() })
}

fn port_number(text: &str, span: Span, diags: &mut Vec<Diagnostic>) -> Option<u16> {
    match text.parse::<u32>() {
        Ok(n) if n <= 65535 => Some(n as u16),
        _ => {
            diags.push(Diagnostic::new(
                codes::MALFORMED_LITERAL,
                span,
                format!("`{text}` is not a port number from 0 to 65535"),
            ));
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
                    let mut d = Diagnostic::new(codes::UNKNOWN_PORT, v.span, format!("unknown port `{w}`"));
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
            Val::Str(text) if quantity(text).is_some() => {
                let d =
                    Diagnostic::new(codes::INVALID_VALUE, v.span, format!("`\"{text}\"` is quoted text, not a port"))
                        .with_span_label("the quotes make it text")
                        .with_help(format!("drop the quotes: write `{text}`"));
                let valid = text.parse::<u16>().is_ok();
                diags.push(match unquote(v.span, text).filter(|_| valid) {
                    Some(fix) => d.with_fix(fix),
                    None => d,
                });
                None
            }
            _ => {
                diags.push(
                    Diagnostic::new(
                        codes::INVALID_VALUE,
                        v.span,
                        format!("`{}` is not a port", v.text().unwrap_or_default()),
                    )
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
            Diagnostic::new(codes::MALFORMED_LITERAL, span, format!("the port range {from}-{to} runs backwards"))
                .with_help(format!("write `{to}-{from}`")),
        );
        return None;
    }
    Some(PortRange { protocol, from, to })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fix of `cpu: "512"` deletes the two quotes, and applying it
    /// leaves a file that compiles.
    #[test]
    fn a_quoted_number_has_a_safe_fix_that_drops_the_quotes() {
        let src = "region us-east-1 {\n  vpc v 10.0.0.0/16 {\n    az a { private subnet p 10.0.0.0/24 }\n    az b { private subnet q 10.0.1.0/24 }\n    ecs api in p, q { cpu: \"512\" }\n  }\n}\n";
        let (_, c) = crate::compile_str("q.arch", src);
        let [d] = c.diagnostics.as_slice() else { panic!("one diagnostic: {:?}", c.diagnostics) };
        assert_eq!(d.message, "`\"512\"` is quoted text, not a value for `cpu`");
        let fix = d.fix.as_ref().expect("a fix");
        assert!(fix.is_safe());
        let mut fixed = src.to_string();
        for e in fix.edits.iter().rev() {
            fixed.replace_range(e.span.range(), &e.replacement);
        }
        assert!(fixed.contains("cpu: 512 }"), "{fixed}");
        assert!(crate::compile_str("q.arch", &fixed).1.diagnostics.is_empty());
        // Out of range without the quotes: the help, but no fix.
        let (_, c) = crate::compile_str("q.arch", &src.replace("512", "5"));
        assert!(c.diagnostics[0].fix.is_none() && c.diagnostics[0].message.contains("`\"5\"`"));
    }

    #[test]
    fn only_plain_quantities_count_as_quoted_numbers() {
        assert!(quantity("512").is_some() && quantity("1.5GiB").is_some() && quantity("30s").is_some());
        for text in ["", "GiB", "1.", ".5", "1.2.3", "5 GiB", "-1", "12a3"] {
            assert!(quantity(text).is_none(), "{text:?}");
        }
    }

    /// One lambda with `props`: its timeout and memory, or the diagnostics.
    fn lambda(props: &str) -> Result<(Option<u64>, Option<u64>), Vec<String>> {
        let src = format!("region us-east-1 {{\n  lambda fn {{ {props} }}\n}}\n");
        let (_, c) = crate::compile_str("n.arch", &src);
        // The front end's reading of the values, not the checker's limits
        // (E0701, E0702): only its own codes (E01xx) count here.
        let front: Vec<_> = c.diagnostics.iter().filter(|d| d.code.as_str().starts_with("E01")).collect();
        if !front.is_empty() {
            return Err(front
                .iter()
                .map(|d| format!("{}: {}", d.message, d.help.clone().unwrap_or_default()))
                .collect());
        }
        let m = c.model();
        let crate::model::NodeKind::Lambda(l) = &m.node(m.by_id("us-east-1.fn").expect("fn")).kind else {
            panic!("lambda")
        };
        Ok((l.timeout.as_ref().map(|t| t.value.0), l.memory.as_ref().map(|b| b.value.0)))
    }

    /// Decimals are read exactly: whole seconds and bytes that floating point
    /// missed are accepted, and values it rounded are refused.
    #[test]
    fn sizes_and_durations_are_exact() {
        assert_eq!(lambda("timeout: 1.1h"), Ok((Some(3960), None)));
        assert_eq!(lambda("timeout: 4.1m"), Ok((Some(246), None)));
        assert_eq!(lambda("timeout: 0.25h"), Ok((Some(900), None)));
        assert_eq!(lambda("memory: 9007199254740993B"), Ok((None, Some(9_007_199_254_740_993))));
        assert_eq!(lambda("memory: 1.5GiB"), Ok((None, Some(3 << 29))));
        assert_eq!(lambda("memory: 0.1GB"), Ok((None, Some(100_000_000))));

        let err = lambda("memory: 1.0000000000000001B").unwrap_err();
        assert_eq!(err, ["`1.0000000000000001B` is not a whole number of bytes: `memory` takes a size in whole bytes, such as `512MB`, `1.5GiB` or `20GiB`"]);
        let err = lambda("timeout: 1.0000000000000001s").unwrap_err();
        assert!(err[0].starts_with("`1.0000000000000001s` is not a valid value for `timeout`"), "{err:?}");
        assert!(err[0].contains("whole seconds"), "{err:?}");
        let err = lambda("timeout: 0.0001d").unwrap_err();
        assert!(err[0].contains("whole seconds"), "{err:?}");
    }

    /// Past u64 a value is refused with a diagnostic, never wrapped or saturated.
    #[test]
    fn overflowing_numbers_are_refused() {
        let err = lambda("memory: 16777216TiB").unwrap_err();
        assert_eq!(
            err,
            ["`16777216TiB` is too large for `memory`: archc reads at most 18446744073709551615 bytes (2^64 − 1)"]
        );
        let err = lambda("timeout: 213503982334602d").unwrap_err();
        assert!(err[0].starts_with("`213503982334602d` is too large for `timeout`"), "{err:?}");
        assert_eq!(lambda("timeout: 213503982334601d").map(|t| t.0), Ok(Some(213_503_982_334_601 * 86_400)));
        let err = lambda("memory: 99999999999999999999999").unwrap_err();
        assert!(err[0].starts_with("`99999999999999999999999` is too large for `memory`"), "{err:?}");

        // Whole numbers: in or out of range, whatever their size.
        let count = |n: &str| {
            let src = format!("region us-east-1 {{\n  vpc v 10.0.0.0/16 {{\n    az a {{\n      private subnet p 10.0.0.0/22 {{\n        ec2 e {{ count: {n} }}\n      }}\n    }}\n  }}\n}}\n");
            let (_, c) = crate::compile_str("n.arch", &src);
            c.diagnostics.iter().map(|d| d.message.clone()).collect::<Vec<_>>()
        };
        assert!(count("1000").is_empty());
        for n in
            ["1001", "9223372036854775807", "9223372036854775808", "18446744073709551616", "99999999999999999999999"]
        {
            assert_eq!(count(n), [format!("`count` is {n}, outside 1–1000")]);
        }
        assert_eq!(count("2.0"), ["`2.0` is not a valid value for `count`"]);
    }

    /// `size: /016` is refused like a CIDR block with a leading zero, with the
    /// plain form as a safe fix.
    #[test]
    fn a_prefix_with_a_leading_zero_has_a_safe_fix() {
        let src = "region us-east-1 {\n  vpc v 10.0.0.0/16 {\n    az a { private subnet p { size: /016 } }\n  }\n}\n";
        let (_, c) = crate::compile_str("q.arch", src);
        let [d] = c.diagnostics.as_slice() else { panic!("one diagnostic: {:?}", c.diagnostics) };
        assert_eq!(d.message, "`/016` has a leading zero");
        let fix = d.fix.as_ref().expect("a fix");
        assert!(fix.is_safe() && fix.edits[0].replacement == "/16");
        assert_eq!(&src[fix.edits[0].span.range()], "/016");
    }
}
