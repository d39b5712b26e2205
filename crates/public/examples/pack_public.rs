//! Rebuilds `crates/public/data` from the cleaned public files.
//!
//! ```text
//! cargo run -p carelens-public --features pack --example pack_public [SOURCE_DIR [OUT_DIR]]
//! ```
//!
//! `SOURCE_DIR` defaults to `shared/data/public` beside the workspace, `OUT_DIR` to
//! `crates/public/data`. `data/README.md` (sources and attribution) is written by hand.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut args = std::env::args_os().skip(1);
    let source =
        args.next().map_or_else(|| crate_dir.join("../../../shared/data/public"), PathBuf::from);
    let out = args.next().map_or_else(|| crate_dir.join("data"), PathBuf::from);
    match carelens_public::pack::pack(&source, &out) {
        Ok(files) => {
            for f in files {
                eprintln!("wrote {} ({} bytes)", out.join(f.name).display(), f.bytes);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let mut message = format!("pack_public: {e}");
            let mut cause = std::error::Error::source(&e);
            while let Some(c) = cause {
                message.push_str(&format!(": {c}"));
                cause = c.source();
            }
            eprintln!("{message} (reading {})", source.display());
            ExitCode::from(2)
        }
    }
}
