use carelens_model::codes::ReasonEpisodeCeased;

use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode ending because the child moved into independent living (`REC` E5 or E6)
    /// before the child's 14th birthday.
    ///
    /// ## Why it matters
    /// A child under 14 cannot leave care to live independently; the reason or the dates are
    /// wrong, and the care leaver cohorts built on them too.
    ///
    /// ## Example
    /// `DOB` 01/06/2010 and an E5 episode ending 31/05/2024 is reported; ending 01/06/2024 it
    /// is not.
    ///
    /// ## Reference behaviour
    /// The reference also reports an E5/E6 episode when the child has no readable `DOB` (no
    /// Header row, or an unreadable date), as if the child were under 14. carelens reports only
    /// a child known to be under 14; missing dates of birth are rule 102's business. See
    /// `docs/disagreements.md`.
    pub(crate) LEFT_CARE_FOR_INDEPENDENT_LIVING_UNDER_14,
    code: "387",
    tables: ["Header", "Episodes"],
    fields: ["REC"],
    years: Y2022_23..,
    message: "Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.header.if_supplied().is_none() {
        return;
    }
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if !matches!(e.rec.strict(), Some(ReasonEpisodeCeased::E5 | ReasonEpisodeCeased::E6)) {
            continue;
        }
        let (Some(child), Some(dec)) = (e.child.value(), e.dec.strict()) else { continue };
        let too_young = ctx
            .header()
            .get(child.as_str())
            .filter_map(|h| h.dob.strict().and_then(|dob| plus_years(dob, 14)))
            .any(|fourteen| dec < fourteen);
        if too_young {
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
    fn independent_living_under_14_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DEC,REC\n1,31/05/2024,E5\n1,01/06/2024,E6\n2,01/06/2024,E6\n\
                 3,01/06/2024,E4A\n4,01/06/2024,E5\n5,,E5\n",
            ),
            ("Header", "CHILD,DOB\n1,01/06/2010\n2,01/01/2015\n3,01/01/2015\n4,\n5,01/01/2015\n"),
        ]);
        let found =
            run(&LEFT_CARE_FOR_INDEPENDENT_LIVING_UNDER_14, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:2"]);
    }
}
