//! Times the first (lazy) decode of the embedded postcode file:
//!
//! ```text
//! cargo run --release -p carelens-geo --example load_time
//! ```

use std::time::Instant;

use carelens_geo::{las, locate, postcode_count, postcodes_in};
use carelens_model::Postcode;

fn main() {
    let start = Instant::now();
    let count = postcode_count();
    let load = start.elapsed();
    println!("first load: {:.1} ms, {count} unit postcodes", load.as_secs_f64() * 1000.0);

    let start = Instant::now();
    let by_la: usize = las().iter().map(|la| postcodes_in(la.code).len()).sum();
    let index = start.elapsed();
    println!(
        "postcodes_in index: {:.1} ms, {by_la} English postcodes",
        index.as_secs_f64() * 1000.0
    );

    let queries: Vec<Postcode> = ["E15 4NJ", "SW1A 2AA", "M1 1AE", "E15 4", "CF10", "ZZ99 9ZZ"]
        .iter()
        .filter_map(|p| Postcode::parse(p).ok())
        .collect();
    let rounds = 100_000;
    let start = Instant::now();
    let mut found = 0usize;
    for _ in 0..rounds {
        found += queries.iter().filter(|q| locate(q).is_some()).count();
    }
    let per = start.elapsed().as_secs_f64() * 1e9 / (rounds * queries.len()) as f64;
    println!("locate: {per:.0} ns per lookup ({found} found)");
}
