use carelens_model::codes::ReasonEpisodeCeased;
use carelens_model::{Ad1, Episode};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child whose episode ended in the collection year with `REC` E11 or E12 (adopted), and
    /// whose AD1 row leaves any adoption item blank: `DATE_INT`, `DATE_MATCH`, `FOSTER_CARE`,
    /// `NB_ADOPTR`, `SEX_ADOPTR` or `LS_ADOPTR`. Both the AD1 row and the adoption episode are
    /// reported. A child with no AD1 row at all is not reported here.
    ///
    /// ## Why it matters
    /// The adoption items feed the DfE's adoption statistics (timeliness from decision to
    /// match, adopter characteristics); an adoption recorded only in Episodes is half a record.
    ///
    /// ## Example
    /// An episode ending 10/01/2025 with `REC` E11, and an AD1 row with `DATE_MATCH` blank: both
    /// rows are reported in 2024/25.
    pub(crate) ADOPTION_DETAILS_MISSING_FOR_ADOPTED_CHILD,
    code: "601",
    tables: ["Episodes", "AD1"],
    fields: ["REC", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
    years: Y2022_23..,
    message: "The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(episodes), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.ad1.if_supplied())
    else {
        return;
    };
    let ad1 = ctx.ad1();
    for e in episodes.iter().filter(|e| adopted_in_year(ctx, e)) {
        let Some(child) = e.child.value() else { continue };
        let mut incomplete = false;
        for a in ad1.get(child.as_str()).filter(|a| has_blank_item(a)) {
            out.flag(a);
            incomplete = true;
        }
        if incomplete {
            out.flag(e);
        }
    }
}

/// An episode that ended in the year with an adoption (E11, E12).
fn adopted_in_year(ctx: &Ctx<'_>, e: &Episode) -> bool {
    e.dec.strict().is_some_and(|d| ctx.start() <= d && d <= ctx.end())
        && e.rec.strict().is_some_and(ReasonEpisodeCeased::is_adoption)
}

fn has_blank_item(a: &Ad1) -> bool {
    a.date_int.is_blank()
        || a.date_match.is_blank()
        || a.foster_care.is_blank()
        || a.nb_adoptr.is_blank()
        || a.sex_adoptr.is_blank()
        || a.ls_adoptr.is_blank()
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    const FULL: &str = "01/05/2024,01/08/2024,0,1,F1,L0";

    #[test]
    fn adopted_child_with_incomplete_ad1_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DEC,REC\n\
                 1,01/01/2025,E11\n\
                 1,01/01/2024,E12\n\
                 2,01/01/2025,E12\n\
                 3,01/01/2025,E4A\n\
                 4,,E11\n",
            ),
            (
                "AD1",
                &format!(
                    "CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n\
                     1,01/05/2024,,0,1,F1,L0\n\
                     2,{FULL}\n\
                     3,,,,,,\n\
                     4,,,,,,\n"
                ),
            ),
        ]);
        let found =
            run(&ADOPTION_DETAILS_MISSING_FOR_ADOPTED_CHILD, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "AD1:0"]);
    }

    #[test]
    fn reference_cases() {
        // The reference's own test: AD1 child 102 lacks items; two adoptions in 2020/21 range
        // (the 2003 and 2019 ones are outside it).
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DEC,REC\n101,01/01/2009,E45\n102,01/01/2021,E11\n102,20/12/2021,E15\n\
                 102,03/07/2020,E12\n102,03/04/2019,E48\n103,26/05/2020,E12\n104,10/01/2002,E11\n\
                 104,11/02/2010,X1\n104,25/01/2002,X1\n105,25/01/2002,E47\n105,,E45\n",
            ),
            (
                "AD1",
                "CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n\
                 101,,,,,,\n102,,XXX,,,,\n103,XXX,XXX,XXX,XXX,XXX,XXX\n104,,,,,,XXX\n\
                 105,XXX,XXX,XXX,XXX,XXX,XXX\n",
            ),
        ]);
        let found =
            run(&ADOPTION_DETAILS_MISSING_FOR_ADOPTED_CHILD, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, Vec::<String>::new());
        let found = run(
            &ADOPTION_DETAILS_MISSING_FOR_ADOPTED_CHILD,
            CollectionYear::from_end_year(2021).unwrap(),
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:1", "Episodes:3", "AD1:1"]);
    }
}
