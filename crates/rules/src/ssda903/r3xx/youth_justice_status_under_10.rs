use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with a youth justice legal status (J1 remand, J2 PACE, J3 youth
    /// rehabilitation order) that starts on or before the child's 10th birthday. The episode
    /// and the Header row are both reported.
    ///
    /// ## Why it matters
    /// The age of criminal responsibility is 10: these statuses cannot apply to a younger
    /// child, so the legal status or the date of birth is wrong.
    ///
    /// ## Example
    /// `DOB` 01/06/2014 and a J1 episode starting 01/06/2024 (the 10th birthday) is reported;
    /// starting 02/06/2024 it is not.
    pub(crate) YOUTH_JUSTICE_STATUS_UNDER_10,
    code: "358",
    tables: ["Header", "Episodes"],
    fields: ["DECOM", "DOB", "LS"],
    years: Y2022_23..,
    message: "Child with this legal status should not be under 10.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.header.if_supplied().is_none() {
        return;
    }
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if !matches!(e.ls.strict(), Some(LegalStatus::J1 | LegalStatus::J2 | LegalStatus::J3)) {
            continue;
        }
        let (Some(child), Some(decom)) = (e.child.value(), e.decom.strict()) else { continue };
        for h in ctx.header().get(child.as_str()) {
            if h.dob.strict().and_then(|dob| plus_years(dob, 10)).is_some_and(|ten| ten >= decom) {
                out.flag(e);
                out.flag(h);
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
    fn youth_justice_status_at_10_or_younger_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,LS\n1,01/06/2024,J1\n1,02/06/2024,J2\n2,01/06/2024,J3\n3,01/06/2024,C2\n\
                 4,01/06/2024,J1\n",
            ),
            ("Header", "CHILD,DOB\n1,01/06/2014\n2,01/06/2018\n3,01/06/2018\n4,\n"),
        ]);
        let found = run(&YOUTH_JUSTICE_STATUS_UNDER_10, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:0", "Header:1", "Episodes:0", "Episodes:2"]);
    }
}
