use super::util::sort_dates_last;
use carelens_model::codes::ReasonEpisodeCeased;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child's episodes in `DECOM` order: when an episode ends with `REC` X1 on the day the
    /// next one starts (`DEC` = next `DECOM`), care continues, and the next episode must keep
    /// the same `CIN` (category of need). An episode whose `CIN` differs from its
    /// predecessor's is reported; two blank `CIN`s also count as different, as in the
    /// reference.
    ///
    /// ## Why it matters
    /// The category of need is recorded when the period of care starts and does not change
    /// within it; a change mid-period misstates why the child is looked after.
    ///
    /// ## Example
    /// 01/06/2020–04/06/2020 `CIN` N1 `REC` X1, then 04/06/2020 `CIN` N2: the second is
    /// reported. With `CIN` N1 it passes; after `REC` E4A it is a new period and passes.
    pub(crate) CATEGORY_OF_NEED_CHANGES_WITHIN_PERIOD_OF_CARE,
    code: "504",
    tables: ["Episodes"],
    fields: ["CIN"],
    years: Y2022_23..,
    message: "The category of need code differs from that reported at start of current period of being looked after",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for (_, mut eps) in ctx.episodes().iter() {
        sort_dates_last(&mut eps, |e| [e.decom.strict()]);
        for pair in eps.windows(2) {
            let (prev, cur) = (pair[0], pair[1]);
            let continues = prev.rec.strict() == Some(ReasonEpisodeCeased::X1)
                && prev.dec.strict().is_some()
                && prev.dec.strict() == cur.decom.strict();
            // pandas `!=`: a blank CIN differs from everything, another blank included.
            let same_cin = cur.cin.is_present()
                && prev.cin.is_present()
                && cur.cin.raw().trim().eq_ignore_ascii_case(prev.cin.raw().trim());
            if continues && !same_cin {
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
    fn category_of_need_changing_across_x1_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,REC,CIN\n\
             111,01/06/2020,04/06/2020,X1,N1\n\
             111,04/06/2020,06/06/2020,X1,N2\n\
             111,06/06/2020,,X1,N3\n\
             111,08/06/2020,09/06/2020,X1,N2\n\
             222,10/06/2020,11/06/2020,X1,N3\n\
             333,04/06/2020,07/06/2020,X1,N4\n\
             333,07/06/2020,,X1,N1\n\
             444,08/06/2020,09/06/2020,X1,N2\n\
             444,08/06/2020,10/06/2020,X1,N3\n\
             444,10/06/2020,,X1,N4\n",
        )]);
        let rule = &CATEGORY_OF_NEED_CHANGES_WITHIN_PERIOD_OF_CARE;
        let found = run(rule, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Episodes:1", "Episodes:2", "Episodes:6", "Episodes:9"]);
    }

    #[test]
    fn new_period_and_unchanged_category_pass_but_two_blanks_do_not() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,REC,CIN\n\
             1,01/06/2020,04/06/2020,E4A,N1\n\
             1,04/06/2020,,,N2\n\
             2,01/06/2020,04/06/2020,X1,N1\n\
             2,04/06/2020,,,n1\n\
             3,01/06/2020,04/06/2020,X1,\n\
             3,04/06/2020,,,\n",
        )]);
        let rule = &CATEGORY_OF_NEED_CHANGES_WITHIN_PERIOD_OF_CARE;
        assert_eq!(run(rule, CollectionYear::Y2024_25, &cur, None), ["Episodes:5"]);
    }
}
