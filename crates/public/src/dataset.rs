//! All the public data in one owned value: the shipped data, with any releases the user has
//! loaded (`carelens public load`) laid over it.

use crate::closures::{Closure, closures};
use crate::figures::{LaFigures, all_figures};
use crate::homes_la::{ChildrensHomesLa, childrens_homes_by_la};
use crate::ilacs::{IlacsInspection, ilacs_inspections};
use crate::inspections::{Inspection, inspections};
use crate::providers::{ProviderSnapshot, providers};

/// The public data an analysis runs on.
///
/// [`Dataset::shipped`] is what carelens ships; [`Store::dataset`](crate::Store::dataset) adds
/// the releases loaded into a user data directory, each replacing the shipped (or earlier
/// loaded) data for the same year.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Dataset {
    /// Provider lists at 31 March, sorted by year then URN.
    pub providers: Vec<ProviderSnapshot>,
    /// Provider inspections, sorted by URN then date.
    pub inspections: Vec<Inspection>,
    /// ILACS inspections, sorted by LA then start date.
    pub ilacs: Vec<IlacsInspection>,
    /// DfE figures by area and year, England first.
    pub figures: Vec<LaFigures>,
    /// Children in children's homes by LA (FOI 2024-0040813).
    pub childrens_homes_la: Vec<ChildrensHomesLa>,
    /// Recorded closures, sorted by URN.
    pub closures: Vec<Closure>,
    /// What the overlay replaced, one line per loaded release ("providers 2026 from …").
    pub overlays: Vec<String>,
}

impl Dataset {
    /// The data shipped inside carelens.
    pub fn shipped() -> Self {
        Self {
            providers: providers().to_vec(),
            inspections: inspections().to_vec(),
            ilacs: ilacs_inspections().to_vec(),
            figures: all_figures().to_vec(),
            childrens_homes_la: childrens_homes_by_la().to_vec(),
            closures: closures().to_vec(),
            overlays: Vec::new(),
        }
    }

    /// The years with a provider list, ascending.
    pub fn provider_years(&self) -> Vec<i16> {
        let mut years: Vec<i16> = self.providers.iter().map(|p| p.year).collect();
        years.dedup();
        years
    }

    /// The providers listed at 31 March of `year`, sorted by URN.
    pub fn providers_at(&self, year: i16) -> &[ProviderSnapshot] {
        let start = self.providers.partition_point(|p| p.year < year);
        let end = self.providers.partition_point(|p| p.year <= year);
        &self.providers[start..end]
    }

    /// The DfE figures for an area and year.
    pub fn figures_for(&self, area: crate::Area, year: i16) -> Option<&LaFigures> {
        self.figures.iter().find(|f| f.area == area && f.year == year)
    }
}
