use carelens_model::codes::ReasonEpisodeCeased;

use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode ending because the child transferred to residential care funded by adult
    /// social care (`REC` E7) before the child's 16th birthday.
    ///
    /// ## Why it matters
    /// Adult social care does not take over the care of children under 16; the reason or the
    /// dates are wrong.
    ///
    /// ## Example
    /// `DOB` 01/06/2008 and an E7 episode ending 31/05/2024 is reported; ending 01/06/2024 it
    /// is not.
    ///
    /// ## Reference behaviour
    /// The reference also reports an E7 episode with no readable `DEC`, or whose child has no
    /// readable `DOB`, as if the child were under 16. carelens reports only a child known to
    /// be under 16 when the episode ended. See `docs/disagreements.md`.
    pub(crate) TRANSFERRED_TO_ADULT_CARE_UNDER_16,
    code: "389",
    tables: ["Episodes", "Header"],
    fields: ["REC"],
    years: Y2022_23..,
    message: "Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.header.if_supplied().is_none() {
        return;
    }
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.rec.strict() != Some(ReasonEpisodeCeased::E7) {
            continue;
        }
        let (Some(child), Some(dec)) = (e.child.value(), e.dec.strict()) else { continue };
        let too_young = ctx
            .header()
            .get(child.as_str())
            .filter_map(|h| h.dob.strict().and_then(|dob| plus_years(dob, 16)))
            .any(|sixteen| dec < sixteen);
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
    fn transfer_to_adult_care_under_16_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DEC,REC\n1,31/05/2024,E7\n1,01/06/2024,E7\n2,01/06/2024,E7\n\
                 3,01/06/2024,E4A\n4,01/06/2024,E7\n5,,E7\n",
            ),
            ("Header", "CHILD,DOB\n1,01/06/2008\n2,01/01/2015\n3,01/01/2015\n4,\n5,01/01/2015\n"),
        ]);
        let found = run(&TRANSFERRED_TO_ADULT_CARE_UNDER_16, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:2"]);
    }
}
