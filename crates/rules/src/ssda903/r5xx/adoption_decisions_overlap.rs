use super::util::sort_dates_last;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child's PlacedAdoption rows in `DATE_PLACED` order (unreadable dates last, ties in
    /// file order): a decision is reported when the one before it has no readable
    /// `DATE_PLACED_CEASED` (it was never reversed), or when it was made before the previous
    /// decision was reversed.
    ///
    /// ## Why it matters
    /// A new decision to place a child for adoption can only follow the reversal of the
    /// previous one; overlapping decisions double-count children waiting for adoption.
    ///
    /// ## Example
    /// Decided 01/06/2020, reversed 05/06/2020; decided again 04/06/2020: the second is
    /// reported. Decided again 05/06/2020 passes.
    pub(crate) ADOPTION_DECISIONS_OVERLAP,
    code: "579",
    tables: ["PlacedAdoption"],
    fields: ["DATE_PLACED", "DATE_PLACED_CEASED"],
    years: Y2022_23..,
    message: "A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.placed_adoption.if_supplied().is_none() {
        return;
    }
    for (_, mut rows) in ctx.placed_adoption().iter() {
        sort_dates_last(&mut rows, |p| [p.date_placed.strict()]);
        for pair in rows.windows(2) {
            let (prev, cur) = (pair[0], pair[1]);
            let overlaps = match prev.date_placed_ceased.strict() {
                None => true,
                Some(ceased) => cur.date_placed.strict().is_some_and(|d| d < ceased),
            };
            if overlaps {
                out.flag(cur);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case.
    #[test]
    fn overlapping_and_unreversed_decisions_are_reported() {
        let cur = ret(&[(
            "PlacedAdoption",
            "CHILD,DATE_PLACED,DATE_PLACED_CEASED\n\
             111,01/06/2020,05/06/2020\n\
             111,04/06/2020,\n\
             222,03/06/2020,04/06/2020\n\
             222,04/06/2020,\n\
             222,07/06/2020,09/06/2020\n\
             333,02/06/2020,04/06/2020\n\
             333,03/06/2020,09/06/2020\n\
             555,,05/06/2020\n\
             555,,05/06/2020\n",
        )]);
        let found = run(&ADOPTION_DECISIONS_OVERLAP, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["PlacedAdoption:1", "PlacedAdoption:4", "PlacedAdoption:6"]);
    }
}
