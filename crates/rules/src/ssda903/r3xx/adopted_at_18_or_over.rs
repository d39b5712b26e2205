use carelens_model::codes::ReasonEpisodeCeased;

use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode ending in adoption (`REC` E11 or E12) on or after the child's 18th birthday.
    ///
    /// ## Why it matters
    /// An adoption order cannot be made for an adult; the date of birth, the end date or the
    /// reason is wrong.
    ///
    /// ## Example
    /// `DOB` 01/06/2006 and an E11 episode ending 01/06/2024 is reported; ending 31/05/2024 it
    /// is not.
    pub(crate) ADOPTED_AT_18_OR_OVER,
    code: "386",
    tables: ["Header", "Episodes"],
    fields: ["REC"],
    years: Y2022_23..,
    message: "Reason episode ceased is adopted but child has reached age 18.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.header.if_supplied().is_none() {
        return;
    }
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if !e.rec.strict().is_some_and(ReasonEpisodeCeased::is_adoption) {
            continue;
        }
        let (Some(child), Some(dec)) = (e.child.value(), e.dec.strict()) else { continue };
        let adult = ctx
            .header()
            .get(child.as_str())
            .filter_map(|h| h.dob.strict().and_then(|dob| plus_years(dob, 18)))
            .any(|eighteen| dec >= eighteen);
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
    fn adoption_at_18_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DEC,REC\n1,01/06/2024,E11\n1,31/05/2024,E12\n2,01/06/2024,E12\n\
                 3,01/06/2024,E4A\n4,01/06/2024,E11\n",
            ),
            ("Header", "CHILD,DOB\n1,01/06/2006\n2,01/01/2000\n3,01/01/2000\n4,\n"),
        ]);
        let found = run(&ADOPTED_AT_18_OR_OVER, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:2"]);
    }
}
