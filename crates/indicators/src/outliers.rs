//! The outlier list: children an LA should look at, for its own eyes only (never published).

use carelens_model::{ChildId, CollectionYear, LaCode};

use crate::record::ChildRecord;

/// When a child is listed.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct OutlierThresholds {
    /// This many placements or more in the year (counted as for `placements_3plus`).
    pub placements: u16,
    /// Placed more than this many miles from home on 31 March.
    pub miles: f64,
    /// This many missing incidents or more in the year.
    pub missing_incidents: u16,
}

impl Default for OutlierThresholds {
    /// 5 placements, 50 miles, 5 missing incidents.
    fn default() -> Self {
        Self { placements: 5, miles: 50.0, missing_incidents: 5 }
    }
}

impl OutlierThresholds {
    /// The defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the placement threshold.
    #[must_use]
    pub fn placements(mut self, n: u16) -> Self {
        self.placements = n;
        self
    }

    /// Sets the distance threshold.
    #[must_use]
    pub fn miles(mut self, miles: f64) -> Self {
        self.miles = miles;
        self
    }

    /// Sets the missing incidents threshold.
    #[must_use]
    pub fn missing_incidents(mut self, n: u16) -> Self {
        self.missing_incidents = n;
        self
    }
}

/// Why a child is listed.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum OutlierReason {
    /// Placements in the year.
    ManyPlacements(u16),
    /// Miles from home on 31 March.
    FarFromHome(f64),
    /// Missing incidents in the year.
    RepeatedlyMissing(u16),
    /// Days under 16 in semi-independent, independent or supported accommodation.
    Under16InBarredSetting(u16),
}

impl std::fmt::Display for OutlierReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::ManyPlacements(n) => write!(f, "{n} placements in the year"),
            Self::FarFromHome(m) => write!(f, "placed {m:.1} miles from home"),
            Self::RepeatedlyMissing(n) => write!(f, "missing {n} times"),
            Self::Under16InBarredSetting(d) => {
                write!(f, "{d} days under 16 in supported or independent accommodation")
            }
        }
    }
}

/// One listed child.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Outlier {
    /// The child.
    pub child: ChildId,
    /// The LA.
    pub la: Option<LaCode>,
    /// The year.
    pub year: CollectionYear,
    /// Why (at least one reason).
    pub reasons: Vec<OutlierReason>,
}

/// The outliers among `children`, most reasons first, then by LA, year and child.
pub(crate) fn outliers<'a>(
    children: impl Iterator<Item = &'a ChildRecord>,
    t: &OutlierThresholds,
) -> Vec<Outlier> {
    let mut out: Vec<Outlier> = children
        .filter_map(|c| {
            let mut reasons = Vec::new();
            if c.looked_after_in_year && c.placements >= t.placements {
                reasons.push(OutlierReason::ManyPlacements(c.placements));
            }
            if let Some(d) = c.at_31_march.and_then(|a| a.distance)
                && d > t.miles
            {
                reasons.push(OutlierReason::FarFromHome(d));
            }
            if c.missing.missing_incidents >= t.missing_incidents {
                reasons.push(OutlierReason::RepeatedlyMissing(c.missing.missing_incidents));
            }
            if c.days_under_16_in_barred_settings > 0 {
                reasons.push(OutlierReason::Under16InBarredSetting(
                    c.days_under_16_in_barred_settings,
                ));
            }
            (!reasons.is_empty()).then(|| Outlier {
                child: c.child.clone(),
                la: c.la,
                year: c.year,
                reasons,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.reasons
            .len()
            .cmp(&a.reasons.len())
            .then(a.la.cmp(&b.la))
            .then(a.year.cmp(&b.year))
            .then(a.child.cmp(&b.child))
    });
    out
}
