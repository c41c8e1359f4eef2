//! Errors as people read them: `error: …`, the causes under -v, the hints, in colour when asked;
//! the one place an error reaches stderr (the error type itself, `crate::error`, never prints).

use crate::error::{exit, CliError, Kind};

/// Print the error, its causes and hints to stderr, and return the exit code.
pub fn report_error(err: &CliError, color: bool, verbose: bool) -> i32 {
    if err.kind == Kind::BrokenPipe {
        return exit::OK;
    }
    if err.kind == Kind::Denied && err.message.is_empty() {
        return err.exit_code();
    }
    let (red, yellow, reset) = if color {
        ("\x1b[1;31m", "\x1b[1;33m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    let mut out = format!(
        "{red}error:{reset} {}\n",
        crate::error::escape_controls(&err.message)
    );
    // Causes repeat detail (SDK error chains); show them only when asked.
    if verbose {
        for c in &err.causes {
            out.push_str(&format!(
                "  caused by: {}\n",
                crate::error::escape_controls(c)
            ));
        }
    }
    for h in &err.hints {
        out.push_str(&format!(
            "{yellow}hint:{reset} {}\n",
            crate::error::escape_controls(&h.to_string())
        ));
    }
    super::to_stderr(&out);
    err.exit_code()
}
