//! `archc explain CODE` and `archc explain --list`.

use archc_core::codes::{lookup, CODES};
use archc_core::suggest::did_you_mean;

use crate::output;
use crate::Outcome;

pub fn run(code: Option<&str>, list: bool) -> Outcome {
    if list {
        let width = CODES.iter().map(|c| c.name.len()).max().unwrap_or(0);
        let text: String = CODES.iter().map(|c| format!("{}  {:<width$}  {}\n", c.code, c.name, c.summary)).collect();
        return output::stdout(&text);
    }
    let Some(code) = code else {
        // clap requires CODE unless --list; this is only a safeguard.
        output::error("name a code to explain, e.g. `archc explain E0106`, or use `--list`");
        return Outcome::Failure;
    };
    let wanted = code.trim();
    match find(wanted) {
        Some(info) => {
            let mut text = info.explanation.to_string();
            if !text.ends_with('\n') {
                text.push('\n');
            }
            output::stdout(&text)
        }
        None => {
            output::error(&format!("there is no diagnostic code `{wanted}`"));
            match suggestion(wanted) {
                Some(s) => {
                    output::stderr(&format!("help: did you mean `{s}`? (`archc explain --list` lists every code)\n"))
                }
                None => output::stderr("help: `archc explain --list` lists every code\n"),
            }
            Outcome::Failure
        }
    }
}

/// A code (any case), a code without its letter (`0106`), or a name
/// (`duplicate-name`).
fn find(wanted: &str) -> Option<&'static archc_core::codes::CodeInfo> {
    lookup(wanted)
        .or_else(|| wanted.chars().all(|c| c.is_ascii_digit()).then(|| lookup(&format!("E{wanted}"))).flatten())
        .or_else(|| CODES.iter().find(|c| c.name.eq_ignore_ascii_case(wanted)))
}

/// The closest code or name to a mistyped one.
fn suggestion(wanted: &str) -> Option<&'static str> {
    let upper = wanted.to_ascii_uppercase();
    let by_code = did_you_mean(&upper, CODES.iter().map(|c| c.code)).or_else(|| {
        // `E106` for `E0106`: the same digits with a zero left out.
        let digits: String = upper.chars().filter(char::is_ascii_digit).collect();
        (!digits.is_empty())
            .then(|| {
                CODES
                    .iter()
                    .find(|c| c.code.trim_start_matches('E').trim_start_matches('0') == digits.trim_start_matches('0'))
                    .map(|c| c.code)
            })
            .flatten()
    });
    by_code.or_else(|| {
        let lower = wanted.to_ascii_lowercase();
        did_you_mean(&lower, CODES.iter().map(|c| c.name))
            .and_then(|name| CODES.iter().find(|c| c.name == name))
            .map(|c| c.code)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_codes_in_any_form() {
        assert_eq!(find("E0106").map(|c| c.code), Some("E0106"));
        assert_eq!(find("e0106").map(|c| c.code), Some("E0106"));
        assert_eq!(find("0106").map(|c| c.code), Some("E0106"));
        assert_eq!(find("duplicate-name").map(|c| c.code), Some("E0106"));
        assert!(find("E9999").is_none());
    }

    #[test]
    fn suggests_close_codes() {
        assert_eq!(suggestion("E106"), Some("E0106"));
        assert_eq!(suggestion("duplicate-nmae"), Some("E0106"));
        assert_eq!(suggestion("E0199"), Some("E0109"));
        assert_eq!(suggestion("zzzzzzzz"), None);
    }
}
