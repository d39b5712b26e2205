//! Counting Ofsted grades.

use carelens_public::Judgement;
use serde::Serialize;

/// How many homes hold each grade (their latest full inspection), and how many have none yet.
///
/// Grade 3 on the older frameworks (`Adequate`, `Satisfactory`) counts as requires
/// improvement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RatingCounts {
    /// Outstanding.
    pub outstanding: u32,
    /// Good.
    pub good: u32,
    /// Requires improvement to be good (and the older grade 3s).
    pub requires_improvement: u32,
    /// Inadequate.
    pub inadequate: u32,
    /// Not yet inspected (no full inspection graded).
    pub not_inspected: u32,
}

impl RatingCounts {
    /// Adds one home with this grade (or none).
    pub fn add(&mut self, grade: Option<Judgement>) {
        match grade.map(Judgement::grade) {
            Some(1) => self.outstanding += 1,
            Some(2) => self.good += 1,
            Some(3) => self.requires_improvement += 1,
            Some(_) => self.inadequate += 1,
            None => self.not_inspected += 1,
        }
    }

    /// Homes with a grade.
    pub const fn inspected(&self) -> u32 {
        self.outstanding + self.good + self.requires_improvement + self.inadequate
    }

    /// All homes, graded or not.
    pub const fn total(&self) -> u32 {
        self.inspected() + self.not_inspected
    }

    /// Homes rated requires improvement or inadequate.
    pub const fn ri_or_inadequate(&self) -> u32 {
        self.requires_improvement + self.inadequate
    }

    /// Percentage of graded homes that are good or outstanding; `None` with none graded.
    pub fn good_or_outstanding_pct(&self) -> Option<f64> {
        pct(self.outstanding + self.good, self.inspected())
    }

    /// Percentage of graded homes that are requires improvement or inadequate.
    pub fn ri_or_inadequate_pct(&self) -> Option<f64> {
        pct(self.ri_or_inadequate(), self.inspected())
    }

    /// Adds another set of counts.
    pub fn merge(&mut self, other: &Self) {
        self.outstanding += other.outstanding;
        self.good += other.good;
        self.requires_improvement += other.requires_improvement;
        self.inadequate += other.inadequate;
        self.not_inspected += other.not_inspected;
    }
}

/// `part` as a percentage of `whole`; `None` when `whole` is 0.
pub(crate) fn pct(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) * 100.0 / f64::from(whole))
}

/// Whether a grade is requires improvement or inadequate (grade 3 or 4).
pub(crate) fn is_ri_or_inadequate(grade: Option<Judgement>) -> bool {
    grade.is_some_and(|g| g.grade() >= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_shares() {
        let mut c = RatingCounts::default();
        for g in [
            Some(Judgement::Outstanding),
            Some(Judgement::Good),
            Some(Judgement::Good),
            Some(Judgement::Adequate),
            None,
        ] {
            c.add(g);
        }
        assert_eq!((c.inspected(), c.total(), c.ri_or_inadequate()), (4, 5, 1));
        // 3 of 4 graded are good or outstanding.
        assert_eq!(c.good_or_outstanding_pct(), Some(75.0));
        assert_eq!(RatingCounts::default().good_or_outstanding_pct(), None);
    }
}
