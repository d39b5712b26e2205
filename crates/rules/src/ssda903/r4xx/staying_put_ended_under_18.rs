use carelens_model::codes::ReasonEpisodeCeased;

use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode that ended because the young person stayed with their carers at 18 or over
    /// (`REC` E17, "staying put") before their 18th birthday (by the Header `DOB`).
    ///
    /// ## Why it matters
    /// Staying put arrangements begin at 18; a younger child who stays with the carers is
    /// still looked after, or left care for another reason.
    ///
    /// ## Example
    /// `DOB` 23/09/2002 and an episode ending 17/06/2020 with E17: reported. `DOB` 16/03/2005
    /// and an episode ending 16/03/2023 (the 18th birthday) with E17: passes.
    pub(crate) STAYING_PUT_ENDED_UNDER_18,
    code: "460",
    tables: ["Header", "Episodes"],
    fields: ["DEC", "REC"],
    years: Y2022_23..,
    message: "Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(episodes)) =
        (ctx.cur.tables.header.if_supplied(), ctx.cur.tables.episodes.if_supplied())
    else {
        return;
    };
    let header = ctx.header();
    for e in episodes {
        if e.rec.strict() != Some(ReasonEpisodeCeased::E17) {
            continue;
        }
        let (Some(child), Some(dec)) = (e.child.value(), e.dec.strict()) else { continue };
        let under_18 = header
            .get(child.as_str())
            .any(|h| h.dob.strict().and_then(|d| plus_years(d, 18)).is_some_and(|d18| d18 > dec));
        if under_18 {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn staying_put_before_18_is_reported() {
        // The reference's own cases (rule_460.test_validate).
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,REC,DEC\n101,E17,16/03/2023\n102,E17,17/06/2020\n101,X1,20/03/2020\n102,,\n\
                 103,E17,23/08/2020\n104,E17,23/08/2020\n",
            ),
            ("Header", "CHILD,DOB\n101,16/03/2005\n102,23/09/2002\n103,31/12/2000\n104,\n"),
        ]);
        let found = run(&STAYING_PUT_ENDED_UNDER_18, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Episodes:1"]);
    }
}
