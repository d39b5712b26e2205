use carelens_model::codes::ReasonEpisodeCeased;

use super::util::child_of;
use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child whose missing period ended on their 18th birthday (Missing `DOB` plus 18 years
    /// equals `MIS_END`), and who has an episode ending that same day (`DEC` = `MIS_END`): the
    /// child ceased to be looked after while missing, so that episode's `REC` must be E8
    /// ("period of being looked after ceased for any other reason"). Each such episode with
    /// another or a blank `REC` is reported.
    ///
    /// ## Why it matters
    /// A young person who turns 18 while missing leaves care without a planned transition;
    /// the DfE counts these through REC E8.
    ///
    /// ## Example
    /// Born 01/06/2002, missing until 01/06/2020, episode ending 01/06/2020 with `REC` E7:
    /// reported. With `REC` E8 it passes.
    pub(crate) LEFT_CARE_WHILE_MISSING_WITHOUT_REASON_E8,
    code: "580",
    tables: ["Episodes", "Missing"],
    fields: ["REC"],
    years: Y2022_23..,
    message: "Child is missing when cease being looked after but reason episode ceased not ‘E8’.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(missing)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.missing.if_supplied())
    else {
        return;
    };
    for m in missing {
        let (Some(child), Some(end), Some(dob)) = (child_of(m), m.mis_end.strict(), m.dob.strict())
        else {
            continue;
        };
        if plus_years(dob, 18) != Some(end) {
            continue;
        }
        for e in ctx.episodes().get(child) {
            if e.dec.strict() == Some(end) && e.rec.strict() != Some(ReasonEpisodeCeased::E8) {
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

    /// The reference's own test case.
    #[test]
    fn leaving_care_while_missing_at_18_without_e8_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DEC,REC\n111,01/06/2020,E7\n123,08/06/2020,E7\n222,05/06/2020,E8\n333,06/06/2020,E5\n444,07/06/2020,E8\n555,19/06/2020,E4\n777,19/06/2020,E4\n",
            ),
            (
                "Missing",
                "CHILD,MISSING,MIS_END,DOB\n\
                 111,M,01/06/2020,01/06/2002\n\
                 123,M,08/06/2020,08/06/2002\n\
                 222,M,05/06/2020,05/06/2002\n\
                 333,M,06/06/2020,06/06/2002\n\
                 444,M,08/06/2020,08/06/2002\n\
                 444,M,09/06/2020,09/06/2002\n\
                 555,M,19/06/2020,19/06/2002\n\
                 777,A,19/06/2020,19/06/2002\n",
            ),
        ]);
        let rule = &LEFT_CARE_WHILE_MISSING_WITHOUT_REASON_E8;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, None),
            ["Episodes:0", "Episodes:1", "Episodes:3", "Episodes:5", "Episodes:6"]
        );
    }
}
