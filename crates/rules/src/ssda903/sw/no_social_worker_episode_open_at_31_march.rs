use std::cmp::Reverse;

use super::util::{SwIndex, lenient, looked_after_at_31_march};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// For a child looked after at 31 March (an episode with no `DEC` and a legal status other than
    /// V3 or V4), the latest social worker episode (by `SW_DECOM`) must be open: it is reported
    /// when it has an `SW_DEC`.
    ///
    /// ## Why it matters
    /// Every child looked after at the end of the year should have an allocated social worker; a
    /// closed latest episode means the child had none on 31 March, or the current allocation is
    /// missing.
    ///
    /// ## Example
    /// A child still in care whose episodes started 01/01/2025 (ended 20/01/2025) and 21/01/2025
    /// (no `SW_DEC`): passes. If the second also has an `SW_DEC`, it is reported.
    ///
    /// ## Reference behaviour
    /// The reference checks every child in SWEpisodes, including children who left care before 31
    /// March, for whom a closed latest episode is expected; carelens checks the cohort looked after
    /// at 31 March (docs/disagreements/sw_integrity.md). Otherwise it follows the reference:
    /// `SW_DECOM` is read leniently (`pd.to_datetime(dayfirst=True)`), unreadable dates sort last,
    /// and any text in `SW_DEC` counts as an end date. When several episodes share the latest
    /// `SW_DECOM`, the reference's choice is arbitrary (an unstable quicksort of the whole table);
    /// carelens takes an open one if there is one, so a child with an open episode starting the
    /// same day as a closed one is not reported.
    pub(crate) NO_SOCIAL_WORKER_EPISODE_OPEN_AT_31_MARCH,
    code: "SW17STG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DEC", "SW_DECOM"],
    years: Y2025_26..,
    message: "There is no social worker episode open at 31 March",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    let episodes = ctx.episodes();
    for (child, rows) in SwIndex::new(sw).groups() {
        let Some(child) = child else { continue };
        if !looked_after_at_31_march(episodes.get(child)) {
            continue;
        }
        // The first row once sorted by SW_DECOM descending, unreadable dates last; among rows
        // sharing the latest start an open one, then the first in the file.
        let latest = rows.iter().enumerate().min_by_key(|(i, r)| {
            let d = lenient(&r.sw_decom);
            (d.is_none(), Reverse(d), r.sw_dec.is_present(), *i)
        });
        if let Some((_, r)) = latest
            && r.sw_dec.is_present()
        {
            out.flag(*r);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn closed_latest_episode_is_reported() {
        // The reference's cases (rule_SW17STG2.test_validate), both children still in care.
        let cur = ret(&[
            ("Episodes", "CHILD,DECOM,DEC,LS\nchild1,01/01/2020,,C2\nchild2,01/01/2020,,C2\n"),
            (
                "SWEpisodes",
                "CHILD,SW_DECOM,SW_DEC\n\
                 child1,01/01/2001,\n\
                 child2,01/01/2000,01/01/2001\n\
                 child2,02/01/2000,01/01/2001\n\
                 child1,01/01/2000,01/01/2001\n",
            ),
        ]);
        let found =
            run(&NO_SOCIAL_WORKER_EPISODE_OPEN_AT_31_MARCH, CollectionYear::Y2025_26, &cur, None);
        assert_eq!(found, ["SWEpisodes:2"]);
    }

    #[test]
    fn child_who_left_care_is_not_checked() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC,REC,LS\n1,01/01/2025,01/02/2025,E11,C2\n2,01/01/2025,,,V4\n",
            ),
            (
                "SWEpisodes",
                "CHILD,SW_DECOM,SW_DEC\n1,01/01/2025,01/02/2025\n2,01/01/2025,02/01/2025\n",
            ),
        ]);
        let found =
            run(&NO_SOCIAL_WORKER_EPISODE_OPEN_AT_31_MARCH, CollectionYear::Y2025_26, &cur, None);
        assert!(found.is_empty());
    }
}
