use carelens_model::codes::PlacementType;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child with more than two episodes in placement T3 (temporary accommodation while the
    /// usual foster carers are on holiday) in the return. Every T3 episode of the child is
    /// reported.
    ///
    /// ## Why it matters
    /// Only two such holiday placements are allowed in a year; more suggest the usual
    /// placement is no longer the child's real placement.
    ///
    /// ## Example
    /// Three T3 episodes for one child are all reported; two are not.
    ///
    /// ## Known false positives
    /// The whole return is counted as one 12-month period: T3 episodes sent from before the
    /// collection year count too.
    pub(crate) MORE_THAN_TWO_FOSTER_CARER_HOLIDAY_PLACEMENTS,
    code: "377",
    tables: ["Episodes"],
    fields: ["PLACE"],
    years: Y2022_23..,
    message: "Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for (_, eps) in ctx.episodes().iter() {
        let t3 = || eps.iter().filter(|e| e.place.strict() == Some(PlacementType::T3));
        if t3().count() > 2 {
            t3().for_each(|e| out.flag(*e));
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn third_holiday_placement_reports_them_all() {
        // The reference's own cases.
        let cur = ret(&[(
            "Episodes",
            "CHILD,RNE,DECOM,PLACE\n111,P,01/06/2020,T3\n111,P,05/06/2020,P3\n111,T,06/06/2020,T3\n\
             111,B,08/06/2020,T3\n222,B,05/06/2020,T3\n333,B,06/06/2020,T3\n333,U,10/06/2020,T3\n\
             444,B,07/06/2020,T3\n444,B,08/06/2020,oo\n444,T,09/06/2020,T3\n444,B,15/06/2020,T3\n\
             6666,P,11/06/2020,oo\n6666,P,12/06/2020,T3\n6666,P,13/06/2020,T3\n\
             6666,P,14/06/2020,T3\n",
        )]);
        let found = run(
            &MORE_THAN_TWO_FOSTER_CARER_HOLIDAY_PLACEMENTS,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(
            found,
            [
                "Episodes:0",
                "Episodes:2",
                "Episodes:3",
                "Episodes:7",
                "Episodes:9",
                "Episodes:10",
                "Episodes:12",
                "Episodes:13",
                "Episodes:14"
            ]
        );
    }
}
