//! Loading many returns at once: every LA-year of every LA given, validated and measured in
//! parallel while one thread writes, then the aggregates refreshed. The `carelens load`
//! command and the `cargo dev bench-store` benchmark both run this.

use carelens_model::{CollectionYear, Returns};

use crate::error::{Result, StoreError};
use crate::store::Store;

/// What [`Store::load_returns`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadSummary {
    /// LA-years stored.
    pub la_years: usize,
    /// Of which replaced an earlier load.
    pub replaced: usize,
    /// Rows stored.
    pub rows: u64,
    /// Findings stored.
    pub findings: u64,
    /// The collection years loaded, in order.
    pub years: Vec<CollectionYear>,
}

/// Every LA-year in `sets` (as `carelens-ingest` groups them: per LA, the latest year as
/// `current` and earlier years in `previous`), each with the years before it.
fn la_years(sets: Vec<Returns>) -> Vec<Returns> {
    let mut jobs = Vec::new();
    for set in sets {
        let chain: Vec<_> =
            std::iter::once(set.current).chain(set.previous).filter(has_data).collect();
        for (i, ret) in chain.iter().enumerate() {
            let previous = chain.get(i + 1..).unwrap_or_default().to_vec();
            jobs.push(Returns { current: ret.clone(), previous });
        }
    }
    jobs
}

fn has_data(ret: &carelens_model::Return903) -> bool {
    !ret.sources.is_empty() || carelens_model::TableKind::ALL.iter().any(|k| ret.tables.len(*k) > 0)
}

impl Store {
    /// Loads every LA-year in `sets` and refreshes the region and England aggregates of the
    /// years loaded. Each LA-year is stored in its own transaction; the first failure stops
    /// the load and leaves that LA-year as it was (LA-years already stored stay stored).
    /// `progress(done, total)` is called after each LA-year.
    ///
    /// Validation and indicators run in parallel (rayon) a few LA-years ahead of the writer;
    /// the writes go one at a time, as the store has one writer.
    ///
    /// # Errors
    /// [`StoreError::MissingKey`] when a return has no LA or no year (before anything is
    /// written), or a database error.
    pub fn load_returns(
        &self,
        sets: Vec<Returns>,
        loaded_at: jiff::Timestamp,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<LoadSummary> {
        let mut jobs = la_years(sets);
        for job in &jobs {
            if job.current.la.is_none() {
                return Err(StoreError::MissingKey("LA"));
            }
            if job.current.year.is_none() {
                return Err(StoreError::MissingKey("collection year"));
            }
        }
        let total = jobs.len();
        let mut summary = LoadSummary::default();
        let jobs = &mut jobs;
        std::thread::scope(|scope| -> Result<()> {
            // A small queue: validation runs ahead of the writer by a few LA-years at most.
            let (tx, rx) = std::sync::mpsc::sync_channel::<crate::LoadData<'_>>(4);
            scope.spawn(move || {
                use rayon::prelude::*;
                // Stops early (the send fails) once the writer has given up.
                let _ = jobs.par_iter_mut().try_for_each_with(tx, |tx, returns| {
                    let (Some(la), Some(year)) = (returns.current.la, returns.current.year) else {
                        return Ok(());
                    };
                    tx.send(crate::prepare(returns, la, year, loaded_at))
                });
            });
            for data in rx {
                let report = self.load(&data)?;
                summary.la_years += 1;
                summary.replaced += usize::from(report.replaced);
                summary.rows += report.rows;
                summary.findings += report.findings;
                if !summary.years.contains(&data.year) {
                    summary.years.push(data.year);
                }
                progress(summary.la_years, total);
            }
            Ok(())
        })?;
        summary.years.sort_unstable();
        self.refresh_aggregates(&summary.years)?;
        Ok(summary)
    }
}
