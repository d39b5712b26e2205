//! Rebuilds `crates/geo/data` from the shared reference files:
//!
//! ```text
//! cargo run --release -p carelens-geo --features pack --example pack_reference -- \
//!     /work/shared/data/reference crates/geo/data
//! ```

use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(reference_dir), Some(out_dir), None) = (args.next(), args.next(), args.next()) else {
        return Err("usage: pack_reference REFERENCE_DIR OUT_DIR".into());
    };
    let report = carelens_geo::pack(&reference_dir, &out_dir)?;
    println!(
        "packed {} unit postcodes, {} districts, {} sectors, {} LADs",
        report.units, report.districts, report.sectors, report.lads
    );
    println!(
        "postcodes.lz4: {} bytes ({} before compression)",
        report.packed_bytes, report.raw_bytes
    );
    for (reason, count) in &report.skipped {
        println!("skipped {count}: {reason}");
    }
    Ok(())
}
