//! The registry of diagnostic codes: each code's name, one-line summary and
//! full explanation (the Markdown beside this file, `codes/CODE.md`), which
//! `archc explain CODE` prints. A test checks that every code the compiler
//! emits is here, that codes are unique, and that every explanation has a
//! failing and a fixed example.

#[derive(Clone, Copy, Debug)]
pub struct CodeInfo {
    pub code: &'static str,
    /// kebab-case, stable: `duplicate-name`.
    pub name: &'static str,
    pub summary: &'static str,
    /// Markdown: what the diagnostic means, why, an example that fails and the fixed one.
    pub explanation: &'static str,
}

macro_rules! codes {
    ($( $code:literal, $name:literal, $summary:literal; )*) => {
        pub const CODES: &[CodeInfo] = &[
            $( CodeInfo { code: $code, name: $name, summary: $summary, explanation: include_str!(concat!("codes/", $code, ".md")) }, )*
        ];
    };
}

codes! {
    "E0100", "syntax-error", "a line that is not a statement: what was expected, what was found";
    "E0101", "unbalanced-brace", "an unclosed `{` or an unmatched `}`";
    "E0102", "bad-string", "an unterminated string or an unknown escape";
    "E0103", "malformed-literal", "a malformed literal: CIDR, number, unit, port, region code, zone letter or name";
    "E0104", "unknown-kind", "a declaration of a kind that does not exist";
    "E0105", "wrong-place", "a kind or statement declared where it cannot stand";
    "E0106", "duplicate-name", "a name declared twice in one scope";
    "E0107", "unresolved-reference", "a reference to a name that is not declared";
    "E0108", "ambiguous-reference", "a plain name that matches several declarations";
    "E0109", "wrong-kind-reference", "a reference to a declaration of the wrong kind";
    "E0110", "unknown-property", "a property the kind does not have";
    "E0111", "invalid-value", "a property or setting value of the wrong type or out of range";
    "E0112", "duplicate-property", "a property, setting or list entry given twice";
    "E0113", "missing-part", "a declaration without its name, argument, placement or type";
    "E0114", "unexpected-part", "an argument, modifier or `in` that the kind does not take";
    "E0115", "unknown-port", "a port name that is not well known";
    "E0116", "flow-without-port", "a flow to a target that has no natural port, without ports";
    "E0117", "flow-endpoint", "a flow that starts or ends at something that is not a resource";
    "E0118", "module-not-found", "a `use` of a module or file that cannot be found or read";
    "E0119", "import-outside-root", "a `use` of a path outside the project root, absolute, or not relative";
    "E0120", "import-cycle", "files that import each other";
    "E0121", "component-parameters", "a component instance with unknown, missing or repeated parameters";
    "E0122", "component-recursion", "a component that instantiates itself";
    "E0123", "unknown-parameter", "`$name` with no such parameter or loop variable in scope";
    "E0124", "nacl-rule", "a network ACL rule outside a nacl, or with an invalid number";
    "E0125", "placement-other-vpc", "a resource placed in a subnet of another VPC";
    "E0126", "predefined-name", "a declaration of a predefined name such as `internet`";
    "E0201", "cidr-host-bits", "a CIDR block whose host bits are set";
    "E0205", "allocation-exhausted", "no free block left to allocate a subnet";
}

/// The entry for a code (case-insensitive: `e0106` works too).
pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    CODES.iter().find(|c| c.code.eq_ignore_ascii_case(code))
}
