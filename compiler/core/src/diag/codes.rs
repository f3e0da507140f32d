//! The registry of the front end's diagnostic codes: each code's constant,
//! name, severity, one-line summary and full explanation (the Markdown beside
//! this file, `codes/CODE.md`), which `archc explain CODE` prints. The parser's
//! codes (E0100–E0103) are declared in `archc_syntax::diag::codes`; the
//! checker's rules declare theirs in `crate::check` (their constants are in
//! `check::codes`, their explanations are the rules' doc comments). [`all`]
//! lists every one.

pub use archc_syntax::diag::codes::{BAD_STRING, MALFORMED_LITERAL, SYNTAX_ERROR, UNBALANCED_BRACE};
use archc_syntax::diag::Code;

/// The codes lowering reports.
mod front_end {
    archc_syntax::declare_codes! {
    UNKNOWN_KIND = "E0104", "unknown-kind", Error, "a declaration of a kind that does not exist", include_str!("codes/E0104.md");
    WRONG_PLACE = "E0105", "wrong-place", Error, "a kind or statement declared where it cannot stand", include_str!("codes/E0105.md");
    DUPLICATE_NAME = "E0106", "duplicate-name", Error, "a name declared twice in one scope", include_str!("codes/E0106.md");
    UNRESOLVED_REFERENCE = "E0107", "unresolved-reference", Error, "a reference to a name that is not declared", include_str!("codes/E0107.md");
    AMBIGUOUS_REFERENCE = "E0108", "ambiguous-reference", Error, "a plain name that matches several declarations", include_str!("codes/E0108.md");
    WRONG_KIND_REFERENCE = "E0109", "wrong-kind-reference", Error, "a reference to a declaration of the wrong kind", include_str!("codes/E0109.md");
    UNKNOWN_PROPERTY = "E0110", "unknown-property", Error, "a property the kind does not have", include_str!("codes/E0110.md");
    INVALID_VALUE = "E0111", "invalid-value", Error, "a property or setting value of the wrong type or out of range", include_str!("codes/E0111.md");
    DUPLICATE_PROPERTY = "E0112", "duplicate-property", Error, "a property, setting, list entry or import given twice", include_str!("codes/E0112.md");
    MISSING_PART = "E0113", "missing-part", Error, "a declaration without its name, argument, placement or type", include_str!("codes/E0113.md");
    UNEXPECTED_PART = "E0114", "unexpected-part", Error, "an argument, modifier or `in` that the kind does not take", include_str!("codes/E0114.md");
    UNKNOWN_PORT = "E0115", "unknown-port", Error, "a port name that is not well known", include_str!("codes/E0115.md");
    FLOW_WITHOUT_PORT = "E0116", "flow-without-port", Error, "a flow to a target that has no natural port, without ports", include_str!("codes/E0116.md");
    FLOW_ENDPOINT = "E0117", "flow-endpoint", Error, "a flow that starts or ends at something that is not a resource", include_str!("codes/E0117.md");
    MODULE_NOT_FOUND = "E0118", "module-not-found", Error, "a `use` of a module or file that cannot be found", include_str!("codes/E0118.md");
    IMPORT_OUTSIDE_ROOT = "E0119", "import-outside-root", Error, "a `use` of a path outside the project root, absolute, or not relative", include_str!("codes/E0119.md");
    IMPORT_CYCLE = "E0120", "import-cycle", Error, "files that import each other", include_str!("codes/E0120.md");
    COMPONENT_PARAMETERS = "E0121", "component-parameters", Error, "a component instance with unknown, missing or repeated parameters", include_str!("codes/E0121.md");
    COMPONENT_RECURSION = "E0122", "component-recursion", Error, "a component that instantiates itself", include_str!("codes/E0122.md");
    UNKNOWN_PARAMETER = "E0123", "unknown-parameter", Error, "`$name` with no such parameter or loop variable in scope", include_str!("codes/E0123.md");
    NACL_RULE = "E0124", "nacl-rule", Error, "a network ACL rule outside a nacl, or with an invalid number", include_str!("codes/E0124.md");
    PLACEMENT_OTHER_VPC = "E0125", "placement-other-vpc", Error, "a resource placed in a subnet of another VPC", include_str!("codes/E0125.md");
    PREDEFINED_NAME = "E0126", "predefined-name", Error, "a name that is predefined (`internet`) or a keyword (`in`)", include_str!("codes/E0126.md");
    UNREADABLE_INPUT = "E0127", "unreadable-input", Error, "an input file that cannot be read: missing, not UTF-8 text, not a regular file, or too large", include_str!("codes/E0127.md");
    EXPANSION_LIMIT = "E0128", "expansion-limit", Error, "a design that expands past archc's limits: too many statements, or instances or imports nested too deep", include_str!("codes/E0128.md");
    ALLOCATION_EXHAUSTED = "E0205", "allocation-exhausted", Error, "no free block left to allocate a subnet", include_str!("codes/E0205.md");
    }
}

pub use front_end::*;

/// Every registered code, in code order: the parser's, the front end's and
/// the checker's rules (whose families interleave: E0201 is a rule, E0205
/// the allocator's).
pub fn all() -> impl Iterator<Item = &'static Code> {
    let mut codes: Vec<&'static Code> =
        archc_syntax::diag::codes::ALL.iter().chain(front_end::ALL).chain(crate::check::codes::ALL).copied().collect();
    codes.sort_unstable();
    codes.into_iter()
}

/// The entry for a code (case-insensitive: `e0106` works too).
pub fn lookup(code: &str) -> Option<&'static Code> {
    all().find(|c| c.as_str().eq_ignore_ascii_case(code))
}

/// A code as a user types it: any case (`e0106`), without its letter
/// (`0106`), or by name (`duplicate-name`).
pub fn find(wanted: &str) -> Option<&'static Code> {
    let wanted = wanted.trim();
    lookup(wanted)
        .or_else(|| wanted.chars().all(|c| c.is_ascii_digit()).then(|| lookup(&format!("E{wanted}"))).flatten())
        .or_else(|| all().find(|c| c.name().eq_ignore_ascii_case(wanted)))
}

/// The closest code or name to a mistyped one, for "did you mean".
pub fn closest(wanted: &str) -> Option<&'static Code> {
    use crate::diag::suggest::did_you_mean;
    let upper = wanted.trim().to_ascii_uppercase();
    let by_code = did_you_mean(&upper, all().map(Code::as_str)).and_then(lookup).or_else(|| {
        // `E106` for `E0106`: the same digits with a zero left out.
        let digits: String = upper.chars().filter(char::is_ascii_digit).collect();
        let wanted_digits = digits.trim_start_matches('0');
        (!digits.is_empty()).then(|| all().find(|c| c.as_str()[1..].trim_start_matches('0') == wanted_digits)).flatten()
    });
    by_code.or_else(|| {
        let lower = wanted.trim().to_ascii_lowercase();
        did_you_mean(&lower, all().map(Code::name)).and_then(|name| all().find(|c| c.name() == name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_codes_in_any_form() {
        assert_eq!(find("E0106").map(Code::as_str), Some("E0106"));
        assert_eq!(find("e0106").map(Code::as_str), Some("E0106"));
        assert_eq!(find("0106").map(Code::as_str), Some("E0106"));
        assert_eq!(find("duplicate-name").map(Code::as_str), Some("E0106"));
        assert!(find("E9999").is_none());
    }

    #[test]
    fn suggests_close_codes() {
        assert_eq!(closest("E106").map(Code::as_str), Some("E0106"));
        assert_eq!(closest("duplicate-nmae").map(Code::as_str), Some("E0106"));
        assert_eq!(closest("E0199").map(Code::as_str), Some("E0109"));
        assert_eq!(closest("zzzzzzzz"), None);
    }

    #[test]
    fn codes_are_unique_and_in_order() {
        let codes: Vec<&str> = all().map(Code::as_str).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted, "codes must be unique and listed in order");
        let mut names: Vec<&str> = all().map(Code::name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), codes.len(), "names must be unique");
    }
}
