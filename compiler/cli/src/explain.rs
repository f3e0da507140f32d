//! `archc explain CODE` and `archc explain --list`.

use archc_core::diag::codes;

use crate::output;
use crate::Outcome;

pub fn run(code: Option<&str>, list: bool) -> Outcome {
    if list {
        let width = codes::all().map(|c| c.name().len()).max().unwrap_or(0);
        let text: String =
            codes::all().map(|c| format!("{}  {:<width$}  {}\n", c.as_str(), c.name(), c.summary())).collect();
        return output::stdout(&text);
    }
    let Some(code) = code else {
        // clap requires CODE unless --list; this is only a safeguard.
        output::error("name a code to explain, e.g. `archc explain E0106`, or use `--list`");
        return Outcome::Failure;
    };
    let wanted = code.trim();
    match codes::find(wanted) {
        Some(info) => {
            let mut text = info.explanation().to_string();
            if !text.ends_with('\n') {
                text.push('\n');
            }
            output::stdout(&text)
        }
        None => {
            output::error(&format!("there is no diagnostic code `{wanted}`"));
            match codes::closest(wanted) {
                Some(s) => output::stderr(&format!(
                    "help: did you mean `{}`? (`archc explain --list` lists every code)\n",
                    s.as_str()
                )),
                None => output::stderr("help: `archc explain --list` lists every code\n"),
            }
            Outcome::Failure
        }
    }
}
