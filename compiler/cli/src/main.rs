//! `archc`: the command line of the archc compiler.
//!
//! The commands, their flags and the exit codes are a stable interface
//! (`INTERFACES.md`): 0 success (warnings may have been printed), 1 the input
//! has errors (or `fmt --check` found a file to reformat), 2 a usage error,
//! an unreadable input or an output that could not be written. Clap's own
//! usage errors exit 2 as well.
//!
//! Human diagnostics go to standard error, in colour only when standard error
//! is a terminal and `NO_COLOR` is not set; `--format json|sarif` write one
//! JSON document to standard output.

mod check;
mod entry;
mod explain;
mod fmt;
mod icons;
mod model;
mod output;
mod plan;
mod png;
mod project;
mod render;
mod report;
mod route;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Architecture as code for AWS: check, inspect, format and explain `.arch` files.
#[derive(Debug, Parser)]
#[command(name = "archc", version, propagate_version = true, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check files and report every problem (diagnostics only, no output files).
    ///
    /// Each FILE is compiled on its own, with everything it imports; `-`
    /// reads standard input (shown as `<stdin>`, its imports relative to the
    /// current directory). The exit code is 1 when any of them has an error,
    /// 2 when one cannot be read (reported as E0127 with the others'
    /// diagnostics), 0 otherwise (warnings allowed).
    Check {
        /// The `.arch` files to check, or `-` for standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// How to report the diagnostics: `human` on standard error, or one
        /// JSON (`json`) or SARIF 2.1.0 (`sarif`) document on standard output.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Apply the safe fixes in place, then check again (until none is
        /// left), and report what was fixed and what is left. Files of the
        /// standard library are never edited.
        #[arg(long)]
        fix: bool,
        /// With `--fix`, apply the unsafe fixes too: they make the file valid
        /// but may change what it means (a CIDR block with host bits set
        /// becomes the block that holds its address).
        #[arg(long, requires = "fix")]
        unsafe_fixes: bool,
    },
    /// Print what a design became: every node with its qualified id, kind,
    /// placement and blocks (allocated ones marked), the flows, and what each
    /// component instance expanded to.
    ///
    /// With errors, the diagnostics are reported as by `check` and the exit
    /// code is 1; no model is printed.
    Model {
        /// The `.arch` file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// `human`: an outline on standard output; `json`: the model (or,
        /// with errors, the diagnostics) as one JSON document on standard
        /// output.
        #[arg(long, value_enum, default_value_t = ModelFormat::Human)]
        format: ModelFormat,
    },
    /// Print the network a design becomes: each subnet's route table, the
    /// network ACLs, the security groups, the transit gateways and the
    /// permissions of its integrations (docs/plan.md).
    ///
    /// With errors, the diagnostics are reported as by `check` and the exit
    /// code is 1; no plan is printed.
    Plan {
        /// The `.arch` file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// `human`: the plan as text on standard output; `json`: the plan (or,
        /// with errors, the diagnostics) as one JSON document on standard
        /// output.
        #[arg(long, value_enum, default_value_t = ModelFormat::Human)]
        format: ModelFormat,
    },
    /// Rewrite files in the canonical layout.
    ///
    /// Files are rewritten in place; a file with syntax errors is left as it
    /// is and its errors are reported (exit 1). `archc fmt -` formats standard
    /// input to standard output.
    Fmt {
        /// The `.arch` files to format, or `-` for standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Change nothing; exit 1 if any file would be reformatted.
        #[arg(long)]
        check: bool,
    },
    /// Print the path a flow takes over the network plan, hop by hop both
    /// ways, or the would-be path and every blocker with its reason.
    ///
    /// FROM and TO are qualified ids or plain names of one resource each. The
    /// ports are `--port`, else the flow FROM -> TO's, else TO's natural
    /// port. Exit 0 when the path exists both ways, 1 when it is blocked (or
    /// the file has errors), 2 on bad use.
    Route {
        /// The `.arch` file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Where the connection starts: `web` or `us-east-1.shop.web`.
        #[arg(value_name = "FROM")]
        from: String,
        /// Where it goes.
        #[arg(value_name = "TO")]
        to: String,
        /// The port: `443`, `8000-8100`, `tcp/443`, `udp/53` or a name (`https`).
        #[arg(long, value_name = "P")]
        port: Option<String>,
        /// `human`: the path as text; `json`: one JSON document (INTERFACES.md).
        #[arg(long, value_enum, default_value_t = ModelFormat::Human)]
        format: ModelFormat,
    },
    /// Draw the design: an SVG diagram (default), a PNG of it, or the layout
    /// the SVG is drawn from as JSON (INTERFACES.md).
    ///
    /// With errors, the diagnostics are reported as by `check`, the exit code
    /// is 1 and nothing is written, unless `--draw-refused` is given.
    Render {
        /// The `.arch` file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Where to write: a file, a folder (`NAME.svg` inside it), or `-`
        /// (standard output, the default).
        #[arg(short, long, value_name = "OUT")]
        out: Option<PathBuf>,
        /// What to write; by default the extension of OUT decides (`.png`,
        /// `.json`), else SVG.
        #[arg(long, value_enum)]
        format: Option<RenderFormat>,
        /// The colours; by default the design's `theme` setting.
        #[arg(long, value_enum)]
        theme: Option<ThemeArg>,
        /// A folder of SVG icons to draw instead of archc's own (for example
        /// AWS's Architecture Icons): `KIND.svg`, `ID.svg`, an `icons.json`
        /// map, or the AWS package's file names (docs/diagrams.md).
        #[arg(long, value_name = "DIR")]
        icons: Option<PathBuf>,
        /// Pixels per layout unit of a PNG.
        #[arg(long, default_value_t = 2.0, value_name = "N")]
        scale: f32,
        /// Draw a design the checker refuses (it must still lower): refused
        /// flows are red and dashed, with their codes in the edge's title.
        /// The output is written and the exit code is 1.
        #[arg(long)]
        draw_refused: bool,
    },
    /// Print the documentation of a diagnostic code, e.g. `archc explain E0106`.
    Explain {
        /// The code (`E0106`); its name (`duplicate-name`) works too.
        #[arg(required_unless_present = "list", conflicts_with = "list", value_name = "CODE")]
        code: Option<String>,
        /// List every code with its summary.
        #[arg(long)]
        list: bool,
    },
}

/// The report formats of `archc check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
}

/// The outputs of `archc render`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    Svg,
    Png,
    LayoutJson,
}

/// `--theme` of `archc render`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

/// The formats of `archc model` and `archc plan`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModelFormat {
    Human,
    Json,
}

/// How a command ended; the worst outcome of several files wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: the input has errors, or `fmt --check` would change a file.
    Errors,
    /// Exit 2: usage error, unreadable input, unwritable output.
    Failure,
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> ExitCode {
        ExitCode::from(match o {
            Outcome::Success => 0,
            Outcome::Errors => 1,
            Outcome::Failure => 2,
        })
    }
}

/// The front end makes and frees hundreds of thousands of small values (the
/// syntax tree, the expanded declarations, the model); with the system
/// allocator, malloc and free were about 40% of `archc check`'s
/// instructions. mimalloc serves them from per-size free lists at a
/// fraction of the cost (docs/performance.md). Only the binary chooses its
/// allocator: the core, and the playground's WASM build of it, are
/// unaffected.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // `Cli::parse` exits 2 on a usage error and 0 for `--help`/`--version`.
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Check { files, format, fix, unsafe_fixes } => {
            check::run(&files, format, check::FixOptions { fix, unsafe_fixes })
        }
        Command::Model { file, format } => model::run(&file, format),
        Command::Plan { file, format } => plan::run(&file, format),
        Command::Fmt { files, check } => fmt::run(&files, check),
        Command::Route { file, from, to, port, format } => route::run(&file, &from, &to, port.as_deref(), format),
        Command::Render { file, out, format, theme, icons, scale, draw_refused } => render::run(&render::RenderArgs {
            file: &file,
            out: out.as_deref(),
            format,
            theme,
            icons: icons.as_deref(),
            scale,
            draw_refused,
        }),
        Command::Explain { code, list } => explain::run(code.as_deref(), list),
    };
    outcome.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
