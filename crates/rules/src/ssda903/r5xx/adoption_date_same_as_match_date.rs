use carelens_model::codes::ReasonEpisodeCeased;

use super::util::child_of;
use crate::cells::equal_text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode ending in adoption (`REC` E11 or E12) whose `DEC` is the same as the
    /// `DATE_MATCH` (date matched with the adopters) of the child's AD1 row. Dates are
    /// compared as written, as the reference compares them.
    ///
    /// ## Why it matters
    /// Matching comes before the adoption order; the same date for both usually means one of
    /// them was copied from the other, which distorts adoption timeliness.
    ///
    /// ## Example
    /// `DEC` 01/01/2020 with `REC` E11 and `DATE_MATCH` 01/01/2020: reported. `DATE_MATCH`
    /// 02/01/2020 passes (other rules check the order).
    pub(crate) ADOPTION_DATE_SAME_AS_MATCH_DATE,
    code: "582",
    tables: ["Episodes", "AD1"],
    fields: ["DEC", "DATE_MATCH"],
    years: Y2022_23..,
    message: "Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(eps), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.ad1.if_supplied())
    else {
        return;
    };
    let ad1 = ctx.ad1();
    for e in eps {
        if !matches!(e.rec.strict(), Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)) {
            continue;
        }
        let Some(child) = child_of(e) else { continue };
        if ad1.get(child).any(|a| equal_text(&e.dec, &a.date_match)) {
            out.flag(e);
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
    fn adoption_on_the_match_date_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,REC,DEC\n0,x,01/01/2020\nA,E11,01/01/2020\nB,E12,01/01/2020\nC,E11,01/01/2020\nD,E12,01/01/2020\nE,E11,01/01/2020\nF,E12,01/01/2020\nG,E11,01/01/2020\nH,E11,01/01/2020\nI,A3,01/01/2020\n",
            ),
            (
                "AD1",
                "CHILD,DATE_MATCH\nA,\nB,02/01/2020\nC,02/01/2020\nD,02/01/2020\nE,02/01/2020\nF,02/01/2020\nG,02/01/2020\nH,01/01/2020\n",
            ),
        ]);
        let rule = &ADOPTION_DATE_SAME_AS_MATCH_DATE;
        assert_eq!(run(rule, CollectionYear::Y2022_23, &cur, None), ["Episodes:8"]);
    }
}
