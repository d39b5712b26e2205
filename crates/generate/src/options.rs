//! What to generate.

use carelens_model::{CollectionYear, LaCode};

use crate::GenerateError;

/// Options for [`generate`](crate::generate): which LAs, which year, the seed, and how many
/// mistakes to inject.
///
/// ```
/// use carelens_generate::GenerateOptions;
/// use carelens_model::{CollectionYear, LaCode};
///
/// let opts = GenerateOptions::new(CollectionYear::Y2024_25)
///     .las(vec![LaCode::new(316).unwrap()])
///     .seed(7)
///     .error_rate(0.01)
///     .outlier_placements(Some(10));
/// assert_eq!(opts.year, CollectionYear::Y2024_25);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GenerateOptions {
    /// The LAs to generate; empty means all 153.
    pub las: Vec<LaCode>,
    /// The current collection year; the year before it is generated too. 2022/23 to 2026/27.
    pub year: CollectionYear,
    /// The seed: the same seed gives the same returns.
    pub seed: u64,
    /// The fraction of rows to put a mistake in (0 = clean returns).
    pub error_rate: f64,
    /// Give one extra child, `CHILD` = `OUTLIER<n>`, exactly `n` placements in the current
    /// year (the one open on 1 April and `n - 1` changes of carer), in every LA generated.
    pub outlier_placements: Option<u32>,
}

impl GenerateOptions {
    /// Clean returns for all LAs in `year`, seed 0.
    pub fn new(year: CollectionYear) -> Self {
        Self { las: Vec::new(), year, seed: 0, error_rate: 0.0, outlier_placements: None }
    }

    /// Sets the LAs (empty = all).
    #[must_use]
    pub fn las(mut self, las: Vec<LaCode>) -> Self {
        self.las = las;
        self
    }

    /// Sets the current collection year.
    #[must_use]
    pub fn year(mut self, year: CollectionYear) -> Self {
        self.year = year;
        self
    }

    /// Sets the seed.
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Sets the fraction of rows to put a mistake in.
    #[must_use]
    pub fn error_rate(mut self, rate: f64) -> Self {
        self.error_rate = rate;
        self
    }

    /// Adds (or removes, with `None`) the outlier child with `n` placements.
    #[must_use]
    pub fn outlier_placements(mut self, n: Option<u32>) -> Self {
        self.outlier_placements = n;
        self
    }

    /// Checks the options and lists the LAs to generate, in order.
    pub(crate) fn resolve(&self) -> Result<Vec<LaCode>, GenerateError> {
        if !CollectionYear::SUPPORTED.contains(&self.year) {
            return Err(GenerateError::UnsupportedYear(self.year));
        }
        if !(0.0..=1.0).contains(&self.error_rate) || self.error_rate.is_nan() {
            return Err(GenerateError::ErrorRate(self.error_rate));
        }
        if self.las.is_empty() {
            return Ok(carelens_geo::las().iter().map(|la| la.code).collect());
        }
        for &la in &self.las {
            if carelens_geo::la(la).is_none() {
                return Err(GenerateError::UnknownLa(la));
            }
        }
        Ok(self.las.clone())
    }
}
