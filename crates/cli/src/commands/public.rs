//! `carelens public …`: load newer Ofsted and DfE releases into the user data directory, and
//! list what is loaded.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;
use carelens_oversight::Oversight;
use carelens_public::{Loaded, Store};

use crate::ExitStatus;

/// Arguments of `carelens public`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: Sub,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Load releases (Ofsted provider lists, ILACS outcomes, DfE LA-level CLA files; CSV, XLSX
    /// or ODS, official or cleaned layouts). Loading a year again replaces it.
    Load {
        /// The files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The 31 March year of a provider list whose year is not in its title or file name.
        #[arg(long)]
        year: Option<i16>,
    },
    /// List what the data directory holds over the shipped data.
    List,
}

/// The store in `$CARELENS_DATA_DIR` or the platform data directory.
fn store() -> anyhow::Result<Store> {
    Store::open_default()
        .context("no data directory: set CARELENS_DATA_DIR (no home directory could be found)")
}

/// The oversight index over the shipped data and every loaded release.
pub(crate) fn oversight() -> anyhow::Result<Oversight> {
    let data = match Store::open_default() {
        Some(s) => s
            .dataset()
            .with_context(|| format!("reading loaded releases in {}", s.dir().display()))?,
        None => carelens_public::Dataset::shipped(),
    };
    for line in &data.overlays {
        crate::progress::status(&format!("using {line}"));
    }
    Ok(Oversight::new(data))
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let store = store()?;
    match &args.command {
        Sub::Load { files, year } => {
            for f in files {
                let loaded = store
                    .load_file(f, *year)
                    .with_context(|| format!("loading {}", f.display()))?;
                for l in loaded {
                    match l {
                        Loaded::Providers { sheet, year, rows, replaced } => writeln!(
                            out,
                            "{}: sheet {sheet:?}: Ofsted provider list at 31 March {year}, {rows} providers{}",
                            f.display(),
                            if replaced { " (replaced the earlier load)" } else { "" }
                        )?,
                        Loaded::Ilacs { sheet, rows } => writeln!(
                            out,
                            "{}: sheet {sheet:?}: {rows} ILACS inspections",
                            f.display()
                        )?,
                        Loaded::Dfe { sheet, file, years } => writeln!(
                            out,
                            "{}: sheet {sheet:?}: DfE {file} for {}",
                            f.display(),
                            years.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
                        )?,
                        Loaded::Skipped { sheet } => writeln!(
                            out,
                            "{}: sheet {sheet:?}: skipped (not a known layout)",
                            f.display()
                        )?,
                        _ => {}
                    }
                }
            }
            writeln!(out, "stored in {}", store.dir().display())?;
        }
        Sub::List => {
            writeln!(out, "data directory: {}", store.dir().display())?;
            let contents = store.contents();
            if contents.is_empty() {
                writeln!(
                    out,
                    "nothing loaded: the shipped data is used (Ofsted 2015-2025, DfE 2020-2025)"
                )?;
            }
            for c in contents {
                writeln!(out, "  {c}")?;
            }
        }
    }
    Ok(ExitStatus::Clean)
}
