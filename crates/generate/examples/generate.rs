//! Generates returns and writes them as CSV, printing counts and timings.
//!
//! `cargo run --release -p carelens-generate --example generate -- OUT 2024/25 [SEED] [LA …]`
#![expect(clippy::print_stdout, reason = "a command-line example")]

use std::path::PathBuf;
use std::time::Instant;

use carelens_generate::{GenerateOptions, OutputFormat, calibration_report, generate, write};
use carelens_model::{CollectionYear, LaCode, TableKind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = PathBuf::from(args.first().ok_or("usage: generate OUT YEAR [SEED] [LA…]")?);
    let year: CollectionYear = args.get(1).map_or("2024/25", String::as_str).parse()?;
    let seed: u64 = args.get(2).map_or(Ok(1), |s| s.parse())?;
    let mut las = Vec::new();
    let mut rate = 0.0;
    let mut outlier = None;
    for a in args.iter().skip(3) {
        if let Some(r) = a.strip_prefix("--errors=") {
            rate = r.parse()?;
        } else if let Some(n) = a.strip_prefix("--outlier=") {
            outlier = Some(n.parse()?);
        } else {
            las.push(LaCode::parse(a)?);
        }
    }
    let opts =
        GenerateOptions::new(year).las(las).seed(seed).error_rate(rate).outlier_placements(outlier);
    let t = Instant::now();
    let generated = generate(&opts)?;
    let gen_time = t.elapsed();
    let t = Instant::now();
    let summary = write(&generated, &out, OutputFormat::Csv, |_| {})?;
    let write_time = t.elapsed();
    for (label, pick) in [("previous", 0), ("current", 1)] {
        let mut line = format!("{label}:");
        for &kind in TableKind::ALL {
            let n: usize = generated
                .iter()
                .map(|g| if pick == 0 { &g.previous } else { &g.current })
                .map(|r| r.tables.len(kind))
                .sum();
            line.push_str(&format!(" {}={n}", kind.name()));
        }
        println!("{line}");
    }
    let injected: usize = generated.iter().map(|g| g.injected.len()).sum();
    println!(
        "{} LAs, {} files, {injected} injected; generate {:.2?}, write {:.2?}",
        generated.len(),
        summary.files.len(),
        gen_time,
        write_time
    );
    if let Some(mode) = std::env::var_os("CALIBRATION") {
        let rows = calibration_report(&generated);
        println!("measure\tgenerated\tpublished\tworst LA (generated/published)");
        for row in rows.iter().filter(|r| r.la.is_none()) {
            let worst = rows
                .iter()
                .filter(|r| r.la.is_some() && r.measure == row.measure)
                .filter(|r| r.published.is_some_and(|p| p > 0.0))
                .max_by(|a, b| {
                    let ea = a.relative_error().unwrap_or(0.0).abs();
                    let eb = b.relative_error().unwrap_or(0.0).abs();
                    ea.total_cmp(&eb)
                });
            let worst = worst.map_or(String::new(), |w| {
                format!(
                    "{} {:.3}/{:.3}",
                    w.la.map(|l| l.to_string()).unwrap_or_default(),
                    w.generated,
                    w.published.unwrap_or(0.0)
                )
            });
            println!(
                "{}\t{:.3}\t{}\t{worst}",
                row.measure,
                row.generated,
                row.published.map_or("-".into(), |p| format!("{p:.3}"))
            );
        }
        if mode == "all" {
            for row in rows.iter().filter(|r| r.la.is_some()) {
                println!(
                    "{}\t{}\t{:.3}\t{}",
                    row.la.map(|l| l.to_string()).unwrap_or_default(),
                    row.measure,
                    row.generated,
                    row.published.map_or("-".into(), |p| format!("{p:.3}"))
                );
            }
        }
    }
    Ok(())
}
