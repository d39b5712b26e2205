//! Progress bars on stderr; indicatif hides them when stderr is not a terminal, so pipes and
//! CI logs stay clean.

use indicatif::{ProgressBar, ProgressStyle};

/// A bar counting `total` items of `what`.
pub(crate) fn bar(total: u64, what: &str) -> ProgressBar {
    let pb = ProgressBar::new(total);
    let style = ProgressStyle::with_template(&format!(
        "{{spinner}} {what} {{bar:30}} {{pos}}/{{len}} ({{elapsed}})"
    ))
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    pb.set_style(style);
    pb
}

/// Writes a status line to stderr unless quiet.
pub(crate) fn status(message: &str) {
    use std::io::IsTerminal;
    if std::io::stderr().is_terminal() {
        eprintln!("{message}");
    }
}
