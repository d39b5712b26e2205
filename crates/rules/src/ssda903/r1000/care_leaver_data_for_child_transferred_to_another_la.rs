use carelens_model::codes::ReasonEpisodeCeased;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r6xx::util::has_care_leaver_data;

declare_rule! {
    /// ## What it checks
    /// An OC3 row with care leaver information (`IN_TOUCH`, `ACTIV` or `ACCOM`) for a child
    /// whose latest episode (by `DECOM`) ended with `REC` E3: care taken over by another local
    /// authority.
    ///
    /// ## Why it matters
    /// After a transfer the other authority is responsible for the young person, and reports
    /// them as a care leaver.
    ///
    /// ## Example
    /// Episodes from 01/06/2024 (`REC` X1) and 07/06/2024 (`REC` E3), and an OC3 row with
    /// `IN_TOUCH` YES: reported. If the E3 episode is not the latest, it is not.
    ///
    /// ## Reference behaviour
    /// As in the reference, the latest episode is the one with the latest readable `DECOM`, the
    /// first in file order among equals. A child none of whose episodes has a readable `DECOM`
    /// is skipped; the reference fails on such a child and reports nothing at all (see
    /// `docs/disagreements.md`).
    pub(crate) CARE_LEAVER_DATA_FOR_CHILD_TRANSFERRED_TO_ANOTHER_LA,
    code: "1011",
    tables: ["Episodes", "OC3"],
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    years: Y2022_23..,
    message: "This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(oc3)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.oc3.if_supplied())
    else {
        return;
    };
    for o in oc3.iter().filter(|o| has_care_leaver_data(o)) {
        let Some(child) = o.child.value().map(|c| c.as_str()) else { continue };
        let mut latest = None;
        for e in ctx.episodes().get(child) {
            if let Some(d) = e.decom.strict()
                && latest.is_none_or(|(l, _)| d > l)
            {
                latest = Some((d, e));
            }
        }
        if latest.is_some_and(|(_, e)| e.rec.strict() == Some(ReasonEpisodeCeased::E3)) {
            out.flag(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn care_leaver_transferred_out_is_reported() {
        // The reference's own test.
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,REC\n111,01/06/2020,E3\n111,05/06/2020,E11\n111,06/06/2020,E3\n\
                 123,08/06/2020,X1\n222,05/06/2020,E3\n333,06/06/2020,X1\n333,07/06/2020,E3\n\
                 444,08/06/2020,E3\n444,09/06/2020,E3\n444,15/06/2020,X1\n555,15/06/2020,E3\n\
                 666,15/06/2020,\n",
            ),
            (
                "OC3",
                "CHILD,IN_TOUCH,ACTIV,ACCOM\n111,Whatever,,Whatever\n222,,,\n333,Whatever,,\n\
                 777,Whatever,,\n555,Whatever,,\n",
            ),
        ]);
        let found = run(
            &CARE_LEAVER_DATA_FOR_CHILD_TRANSFERRED_TO_ANOTHER_LA,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["OC3:0", "OC3:2", "OC3:4"]);
    }
}
