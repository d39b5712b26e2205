//! Deterministic synthetic SSDA903 returns, calibrated LA by LA.
//!
//! [`generate`] runs a microsimulation of each local authority's care population over two
//! collection years (the year asked for and the one before it) and writes each year's return
//! as the DfE defines it, so that the two are consistent: an episode open at the end of the
//! previous year appears again with the same `DECOM`, and a child keeps its `CHILD` id, date of
//! birth, ethnicity and UPN. Each LA is calibrated to the DfE's published figures for it
//! (`carelens-public`): children looked after at 31 March, starts, placement and provider mix,
//! placements outside the LA and more than 20 miles away, placement stability, UASC, missing
//! children, care leavers. Postcodes are real ONS postcodes (`carelens-geo`), and children's
//! homes, secure homes, residential schools, supported accommodation and fostering agencies
//! are real Ofsted settings of the right type open that year.
//!
//! A return generated with an error rate of 0 passes the DfE rules as the reference validator
//! implements them, except where the reference is known to be wrong or needs data it cannot
//! have (see `crates/generate/README.md`). With a positive rate, [`GenerateOptions::error_rate`]
//! injects the mistakes real returns contain, after the clean return is built, and records
//! each one ([`Injected`]).
//!
//! The same options and seed give the same returns, cell for cell: each LA draws from its own
//! random stream, seeded from the seed and the LA code, so an LA's data does not depend on
//! which other LAs are generated.
//!
//! This crate does not validate, compute indicators or read returns; it makes test data. It
//! never produces data about real children: every child is invented.
#![deny(missing_docs)]

pub use crate::calibrate::{CalibrationRow, calibration_report};
pub use crate::error::GenerateError;
pub use crate::inject::{Injected, InjectionKind};
pub use crate::options::GenerateOptions;
pub use crate::output::{OutputFormat, WriteProgress, WriteSummary, write};

use carelens_model::{CollectionYear, LaCode, Return903};
use rayon::prelude::*;

mod calibrate;
mod days;
mod emit;
mod error;
mod extras;
mod inject;
mod options;
mod output;
mod places;
mod random;
mod sim;
mod targets;

/// One LA's generated returns.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct GeneratedLa {
    /// The LA.
    pub la: LaCode,
    /// The return for the year asked for.
    pub current: Return903,
    /// The return for the year before it.
    pub previous: Return903,
    /// The mistakes injected into either return (empty when the error rate is 0).
    pub injected: Vec<Injected>,
}

impl GeneratedLa {
    /// The collection year of the current return.
    pub fn year(&self) -> Option<CollectionYear> {
        self.current.year
    }
}

/// Generates the returns of the LAs in `opts` (all 153 when none are named), in parallel.
///
/// The result is in the order of the LAs in the options (DfE code order when all are
/// generated).
///
/// # Errors
/// [`GenerateError`] when the options are out of range (year, error rate) or name an LA that
/// is not one of the 153 or has no published figures.
///
/// # Example
/// ```no_run
/// use carelens_generate::{GenerateOptions, generate};
/// use carelens_model::{CollectionYear, LaCode};
///
/// let opts = GenerateOptions::new(CollectionYear::Y2024_25)
///     .las(vec![LaCode::new(316).unwrap()])
///     .seed(42);
/// let las = generate(&opts).unwrap();
/// assert_eq!(las[0].current.year, Some(CollectionYear::Y2024_25));
/// ```
pub fn generate(opts: &GenerateOptions) -> Result<Vec<GeneratedLa>, GenerateError> {
    let las = opts.resolve()?;
    las.par_iter().map(|&la| generate_la(opts, la)).collect()
}

/// How many trial runs of an LA's histories tune the dynamics before the run that is kept. Each
/// pass corrects what is left of the drift from the published mix (one pass leaves children's
/// homes and the 3+ placements share about 10% off; three land within a few per cent).
const CALIBRATION_PASSES: usize = 4;

fn generate_la(opts: &GenerateOptions, la: LaCode) -> Result<GeneratedLa, GenerateError> {
    let y = opts.year.end_year();
    let years = [y - 2, y - 1, y];
    let targets = years.map(|y| targets::Targets::for_la(la, y));
    let ctx = sim::Ctx {
        la,
        years,
        targets,
        geo: places::Geo::new(la),
        outlier_placements: opts.outlier_placements,
    };
    let rng = random::Rand::new(opts.seed, la.get(), random::Stream::Population, 0);
    // Trial runs from the same random stream measure how far the dynamics drift from the
    // published age and placement mix; the kept run corrects for it.
    // Each trial run is measured against the published figures; the kept run replays the
    // best-measured tuning from the same random stream, so it lands where that trial did (the
    // responses are coupled and noisy, and the last retune can overshoot).
    let mut tuning = sim::Tuning::default();
    let mut best: Option<(f64, sim::Tuning)> = None;
    for pass in 0..CALIBRATION_PASSES {
        let mut world = sim::World::new(&ctx, rng.clone(), tuning.clone());
        world.skeleton();
        world.histories();
        let (next, error) = world.retune(if pass == 0 { 1.0 } else { 0.5 });
        if best.as_ref().is_none_or(|(e, _)| error < *e) {
            best = Some((error, tuning));
        }
        tuning = next;
    }
    let tuning = best.map_or(tuning, |(_, t)| t);
    let mut world = sim::World::new(&ctx, rng, tuning);
    world.skeleton();
    if let Some(n) = ctx.outlier_placements {
        world.outlier(n);
    }
    world.histories();
    let mut children = std::mem::take(&mut world.children);
    extras::draw(&ctx, &mut children, &mut world.rng);
    let mut previous = emit::year_return(&ctx, la, &children, 0);
    let mut current = emit::year_return(&ctx, la, &children, 1);
    let mut injected = Vec::new();
    if opts.error_rate > 0.0 {
        for (k, ret) in [&mut previous, &mut current].into_iter().enumerate() {
            let mut rng = random::Rand::new(opts.seed, la.get(), random::Stream::Inject, k as u64);
            injected.extend(inject::inject(ret, opts.error_rate, &mut rng));
        }
    }
    Ok(GeneratedLa { la, current, previous, injected })
}
