use carelens_model::codes::ReasonPlaceChange;

use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `REASON_PLACE_CHANGE` is CUSTOD (admitted to custody) for a child who
    /// was under 10 when the episode started (`DECOM` before the 10th birthday, by the Header
    /// `DOB`). Reports the episode and the child's Header row.
    ///
    /// ## Why it matters
    /// The age of criminal responsibility in England is 10, so a younger child cannot leave a
    /// placement for custody.
    ///
    /// ## Example
    /// `DOB` 01/01/2000, episode starting 01/01/2009 with CUSTOD: reported. Starting
    /// 01/01/2010 (the 10th birthday): passes.
    ///
    /// ## Known false positives
    /// As in the reference, the age is taken when the episode ending in custody started (the
    /// DfE's condition takes it at the start of the next episode), so a child who turned 10
    /// during that episode is reported.
    ///
    /// ## Reference behaviour
    /// Unlike most rules, the reference reads `DOB` and `DECOM` leniently here (any form a
    /// date parser recognises, day first), so carelens reads them as it reads them for
    /// display: a `yyyy-mm-dd` or `dd/mm/yy` date counts.
    pub(crate) CUSTODY_PLACEMENT_CHANGE_UNDER_10,
    code: "234",
    tables: ["Episodes", "Header"],
    fields: ["REASON_PLACE_CHANGE", "DOB"],
    years: Y2025_26..,
    message: "A child aged under 10 can not change placement due to being admitted to custody",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(episodes), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.header.if_supplied())
    else {
        return;
    };
    let header = ctx.header();
    for e in episodes {
        if e.reason_place_change.strict() != Some(ReasonPlaceChange::Custod) {
            continue;
        }
        let (Some(child), Some(decom)) = (e.child.value(), e.decom.get()) else { continue };
        for h in header.get(child.as_str()) {
            let tenth = h.dob.get().and_then(|d| plus_years(d, 10));
            if tenth.is_some_and(|t| t > decom) {
                out.flag(e);
                out.flag(h);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn custody_before_age_10_is_reported() {
        // The reference's own cases (rule_234.test_validate).
        let cur = ret(&[
            ("Header", "CHILD,DOB\n1,01/01/2000\n2,01/01/2000\n3,01/01/2000\n4,01/01/2000\n"),
            (
                "Episodes",
                "CHILD,DECOM,REASON_PLACE_CHANGE\n1,01/01/2009,CUSTOD\n2,01/01/2009,SILLY\n\
                 3,01/01/2010,CUSTOD\n4,02/01/2010,CUSTOD\n",
            ),
        ]);
        let found = run(&CUSTODY_PLACEMENT_CHANGE_UNDER_10, CollectionYear::Y2025_26, &cur, None);
        assert_eq!(found, ["Header:0", "Episodes:0"]);
    }

    #[test]
    fn dates_in_other_forms_are_read_as_the_reference_reads_them() {
        let cur = ret(&[
            ("Header", "CHILD,DOB\n1,01/01/2000\n"),
            ("Episodes", "CHILD,DECOM,REASON_PLACE_CHANGE\n1,2009-01-01,CUSTOD\n"),
        ]);
        let found = run(&CUSTODY_PLACEMENT_CHANGE_UNDER_10, CollectionYear::Y2025_26, &cur, None);
        assert_eq!(found, ["Header:0", "Episodes:0"]);
    }
}
