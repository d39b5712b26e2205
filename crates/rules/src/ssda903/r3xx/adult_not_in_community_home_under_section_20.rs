use carelens_model::codes::{LegalStatus, PlacementType};

use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode still open at the end of the year (`DEC` blank) for a child who turned 18
    /// before 31 March, unless the child is accommodated under section 20 (`LS` V2) in a
    /// children's home (`PLACE` K2).
    ///
    /// ## Why it matters
    /// After 18 a young person can only remain looked after under section 20(5) in a community
    /// home; any other open episode means the episode should have ended at 18.
    ///
    /// ## Example
    /// In 2024/25 `DOB` 01/03/2007 and an open C2/U4 episode is reported; an open V2/K2 episode
    /// is not, nor is an episode that ended.
    pub(crate) ADULT_NOT_IN_COMMUNITY_HOME_UNDER_SECTION_20,
    code: "359",
    tables: ["Header", "Episodes"],
    fields: ["DEC", "LS", "PLACE"],
    years: Y2022_23..,
    message: "Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.header.if_supplied().is_none() {
        return;
    }
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let end = ctx.end();
    for e in episodes {
        // The reference looks for a blank DEC, not an unreadable one.
        if !e.dec.is_blank()
            || (e.ls.strict() == Some(LegalStatus::V2)
                && e.place.strict() == Some(PlacementType::K2))
        {
            continue;
        }
        let Some(child) = e.child.value() else { continue };
        let adult = ctx
            .header()
            .get(child.as_str())
            .filter_map(|h| h.dob.strict().and_then(|dob| plus_years(dob, 18)))
            .any(|eighteen| eighteen < end);
        if adult {
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
    fn open_episode_after_18_outside_section_20_community_home_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,LS,PLACE,DEC\n1,C2,U4,\n1,V2,K2,\n1,C2,U4,01/03/2025\n2,C2,U4,\n3,V2,U4,\n\
                 4,C2,K2,\n",
            ),
            ("Header", "CHILD,DOB\n1,01/03/2007\n2,31/03/2007\n3,01/01/2006\n4,01/01/2006\n"),
        ]);
        let found = run(
            &ADULT_NOT_IN_COMMUNITY_HOME_UNDER_SECTION_20,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:0", "Episodes:4", "Episodes:5"]);
    }
}
