use carelens_model::codes::ReasonEpisodeCeased;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child adopted this year (an episode ending with `REC` E11 or E12) whose AD1
    /// `DATE_MATCH` (date matched with the adopters) is after that episode's `DECOM`. The AD1
    /// row and the episode are both reported.
    ///
    /// ## Why it matters
    /// A child is placed for adoption only once matched with the adopters; the dates feed the
    /// adoption timeliness measures (the A1/A2 scorecard).
    ///
    /// ## Example
    /// `DATE_MATCH` 02/06/2020 and an E11 episode starting 01/06/2020: both are reported. A
    /// match on the day the episode starts is not.
    pub(crate) ADOPTION_PLACEMENT_BEFORE_MATCHING,
    code: "331",
    tables: ["AD1", "Episodes"],
    fields: ["DATE_MATCH", "DECOM", "REC"],
    years: Y2022_23..,
    message: "Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(ad1) = ctx.cur.tables.ad1.if_supplied() else { return };
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for a in ad1 {
        let (Some(child), Some(matched)) = (a.child.value(), a.date_match.strict()) else {
            continue;
        };
        for e in ctx.episodes().get(child.as_str()) {
            let adopted = e.rec.strict().is_some_and(ReasonEpisodeCeased::is_adoption);
            if adopted && e.decom.strict().is_some_and(|decom| matched > decom) {
                out.flag(a);
                out.flag(e);
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
    fn match_after_the_adoption_placement_is_reported() {
        // The reference's own cases.
        let cur = ret(&[
            (
                "AD1",
                "CHILD,DATE_MATCH\n111,01/01/2020\n222,02/06/2020\n333,11/11/2020\n444,\n\
                 555,01/02/2020\n66,04/06/2020\n",
            ),
            (
                "Episodes",
                "CHILD,DECOM,REC\n111,01/01/2020,E12\n222,01/06/2020,E11\n333,12/12/2020,E12\n\
                 444,01/02/2020,E11\n555,01/01/2020,xX\n555,01/02/2020,E11\n555,05/06/2020,E12\n\
                 66,01/01/2020,Xx\n66,01/02/2020,oO\n66,05/06/2020,E11\n66,06/07/2020,Oo\n",
            ),
        ]);
        let found = run(&ADOPTION_PLACEMENT_BEFORE_MATCHING, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:1", "AD1:1"]);
    }
}
