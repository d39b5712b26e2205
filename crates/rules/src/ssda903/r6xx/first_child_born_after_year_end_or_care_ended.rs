use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child whose `MC_DOB` (date of birth of her first child) is after the end of the
    /// collection year, or after the `DEC` of her latest ended episode (the episode with the
    /// latest `DEC`). The Header row and that episode are reported.
    ///
    /// ## Why it matters
    /// The return records motherhood up to the end of the year or of care; a later date is
    /// either a keying error or outside what the return may contain.
    ///
    /// ## Example
    /// Episodes ending 03/10/2024 and 11/11/2024 with `MC_DOB` 19/12/2024: the Header row and
    /// the episode ending 11/11/2024 are reported.
    ///
    /// ## Reference behaviour
    /// As in the reference, a child none of whose episodes has a (valid) `DEC` is not checked at
    /// all, even against the end of the year.
    pub(crate) FIRST_CHILD_BORN_AFTER_YEAR_END_OR_CARE_ENDED,
    code: "625",
    tables: ["Episodes", "Header"],
    fields: ["MC_DOB", "DEC"],
    years: Y2022_23..,
    message: "Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none()
        || ctx.cur.tables.header.if_supplied().is_none()
    {
        return;
    }
    for (child, eps) in ctx.episodes().iter() {
        // The latest ended episode: the greatest DEC, the first in file order among equals.
        let mut latest = None;
        for e in eps {
            if let Some(dec) = e.dec.strict()
                && latest.is_none_or(|(d, _)| dec > d)
            {
                latest = Some((dec, e));
            }
        }
        let Some((dec, e)) = latest else { continue };
        let mut late = false;
        for h in ctx.header().get(child) {
            if h.mc_dob.strict().is_some_and(|m| m > ctx.end() || m > dec) {
                out.flag(h);
                late = true;
            }
        }
        if late {
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
    fn first_child_born_too_late_is_reported() {
        // The reference's own test (2020/21).
        let cur = ret(&[
            ("Header", "CHILD,MC_DOB\n101,01/11/2021\n102,19/12/2016\n103,\n"),
            (
                "Episodes",
                "CHILD,DEC\n101,02/12/2021\n101,11/11/2012\n102,03/10/2014\n102,11/11/2015\n\
                 103,01/01/2020\n103,11/11/2020\n103,01/02/2020\n",
            ),
        ]);
        let year = CollectionYear::from_end_year(2021).unwrap();
        let found = run(&FIRST_CHILD_BORN_AFTER_YEAR_END_OR_CARE_ENDED, year, &cur, None);
        assert_eq!(found, ["Header:0", "Header:1", "Episodes:0", "Episodes:3"]);
    }

    #[test]
    fn child_without_ended_episodes_is_not_checked() {
        let cur = ret(&[
            ("Header", "CHILD,MC_DOB\n1,01/11/2030\n2,01/01/2025\n"),
            ("Episodes", "CHILD,DEC\n1,\n2,01/02/2025\n"),
        ]);
        let found = run(
            &FIRST_CHILD_BORN_AFTER_YEAR_END_OR_CARE_ENDED,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert!(found.is_empty());
    }
}
