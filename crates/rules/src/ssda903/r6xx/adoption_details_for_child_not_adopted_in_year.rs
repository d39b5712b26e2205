use std::collections::HashSet;

use carelens_model::codes::ReasonEpisodeCeased;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row with at least one adoption item completed (`DATE_INT`, `DATE_MATCH`,
    /// `FOSTER_CARE`, `NB_ADOPTR`, `SEX_ADOPTR`, `LS_ADOPTR`) for a child with no episode that
    /// ended in the collection year with `REC` E11 or E12 (adopted).
    ///
    /// ## Why it matters
    /// AD1 describes adoptions from care in the year; adoption details for a child the episodes
    /// do not show as adopted are either misplaced or the episodes are wrong.
    ///
    /// ## Example
    /// An AD1 row with `DATE_INT` 01/05/2024 for a child whose last episode ended with `REC`
    /// E4A is reported; the same row for a child adopted (E11) on 10/01/2025 is not.
    pub(crate) ADOPTION_DETAILS_FOR_CHILD_NOT_ADOPTED_IN_YEAR,
    code: "602",
    tables: ["Episodes", "AD1"],
    fields: ["CHILD"],
    years: Y2022_23..,
    message: "The episode data submitted for this child does not show that he/she was adopted during the year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(episodes), Some(ad1)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.ad1.if_supplied())
    else {
        return;
    };
    // Children adopted in the year; a blank CHILD is the key "" (pandas merges blank keys).
    let adopted: HashSet<&str> = episodes
        .iter()
        .filter(|e| {
            e.dec.strict().is_some_and(|d| ctx.start() <= d && d <= ctx.end())
                && e.rec.strict().is_some_and(ReasonEpisodeCeased::is_adoption)
        })
        .map(|e| e.child.value().map_or("", |c| c.as_str()))
        .collect();
    for a in ad1 {
        let any_item = a.date_int.is_present()
            || a.date_match.is_present()
            || a.foster_care.is_present()
            || a.nb_adoptr.is_present()
            || a.sex_adoptr.is_present()
            || a.ls_adoptr.is_present();
        if any_item && !adopted.contains(a.child.value().map_or("", |c| c.as_str())) {
            out.flag(a);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn adoption_details_without_an_adoption_in_the_year_are_reported() {
        // The reference's own test (2020/21).
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DEC,REC\n111,08/06/2020,E11\n222,09/07/2020,oo\n333,09/08/2020,T4\n\
                 444,25/03/2021,E11\n555,22/03/2020,oo\n666,25/04/2021,\n888,,E11\n",
            ),
            (
                "AD1",
                "CHILD,DATE_INT\n111,\n123,xx\n222,\n333,\n345,xx\n444,oo\n555,\n666,xx\n777,xx\n",
            ),
        ]);
        let year = CollectionYear::from_end_year(2021).unwrap();
        let found = run(&ADOPTION_DETAILS_FOR_CHILD_NOT_ADOPTED_IN_YEAR, year, &cur, None);
        assert_eq!(found, ["AD1:1", "AD1:4", "AD1:7", "AD1:8"]);
    }

    #[test]
    fn adopted_child_passes() {
        let cur = ret(&[
            ("Episodes", "CHILD,DEC,REC\n1,10/01/2025,E12\n"),
            ("AD1", "CHILD,DATE_INT,LS_ADOPTR\n1,01/05/2024,L0\n"),
        ]);
        let found = run(
            &ADOPTION_DETAILS_FOR_CHILD_NOT_ADOPTED_IN_YEAR,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert!(found.is_empty());
    }
}
