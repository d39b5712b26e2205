use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::order::first_by_decom;

declare_rule! {
    /// ## What it checks
    /// A child whose first episode (earliest `DECOM`) starts before the `DOB` in the Header.
    /// Both the episode and the Header row are reported.
    ///
    /// ## Why it matters
    /// Care cannot start before birth: either the date of birth or the episode start is wrong,
    /// and every age computed from them is too.
    ///
    /// ## Example
    /// `DOB` 16/03/2021 and a first episode starting 20/03/2020: both rows are reported. An
    /// episode starting on the day of birth is not.
    ///
    /// ## Reference behaviour
    /// The reference fails (reports nothing for the whole return) when any child has no
    /// episode with a readable `DECOM`; carelens skips that child. See
    /// `docs/disagreements.md`.
    pub(crate) FIRST_EPISODE_STARTS_BEFORE_BIRTH,
    code: "302",
    tables: ["Header", "Episodes"],
    fields: ["DECOM", "DOB"],
    years: Y2022_23..,
    message: "First episode starts before child was born.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.header.if_supplied().is_none()
        || ctx.cur.tables.episodes.if_supplied().is_none()
    {
        return;
    }
    for (child, eps) in ctx.episodes().iter() {
        let Some(first) = first_by_decom(eps.iter().copied()) else { continue };
        let Some(decom) = first.decom.strict() else { continue };
        for h in ctx.header().get(child) {
            if h.dob.strict().is_some_and(|dob| dob > decom) {
                out.flag(first);
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
    fn first_episode_before_birth_is_reported_with_the_header_row() {
        // The reference's own cases.
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,RNE,DECOM\n101,S,16/03/2021\n102,S,17/06/2020\n101,X1,20/03/2020\n\
                 102,,\n103,S,23/08/2020\n104,X,01/02/1988\n104,X,03/04/1994\n",
            ),
            (
                "Header",
                "CHILD,DOB\n101,16/03/2021\n102,23/09/2019\n103,31/12/2020\n104,01/01/1995\n",
            ),
        ]);
        let found = run(&FIRST_EPISODE_STARTS_BEFORE_BIRTH, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(
            found,
            ["Header:0", "Header:2", "Header:3", "Episodes:2", "Episodes:4", "Episodes:5"]
        );
    }

    #[test]
    fn child_without_a_readable_start_is_skipped() {
        let cur = ret(&[
            ("Episodes", "CHILD,DECOM\n1,xx\n2,01/01/2009\n"),
            ("Header", "CHILD,DOB\n1,01/01/2010\n2,01/01/2010\n"),
        ]);
        let found = run(&FIRST_EPISODE_STARTS_BEFORE_BIRTH, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:1", "Episodes:1"]);
    }
}
