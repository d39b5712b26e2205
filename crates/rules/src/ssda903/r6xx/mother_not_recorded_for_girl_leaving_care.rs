use carelens_model::codes::{LegalStatus, ReasonEpisodeCeased, SexCode};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A girl (`SEX` 2) who ceased to be looked after in the collection year (an episode with a
    /// `DEC` in the year and a `REC` other than X1), not under a short-break legal status (V3,
    /// V4), whose Header `MOTHER` is blank. The Header row and each such episode are reported.
    ///
    /// ## Why it matters
    /// Motherhood is recorded for every girl leaving care; a blank hides teenage parenthood from
    /// the DfE's statistics on care leavers.
    ///
    /// ## Example
    /// `SEX` 2, `MOTHER` blank, an episode ending 10/01/2023 with `REC` E4A: both rows are
    /// reported in 2022/23; with `REC` X1 (care continues) nothing is.
    pub(crate) MOTHER_NOT_RECORDED_FOR_GIRL_LEAVING_CARE,
    code: "607",
    tables: ["Episodes", "Header"],
    fields: ["DEC", "REC", "MOTHER", "LS", "SEX"],
    years: Y2022_23..=Y2023_24,
    message: "Child ceased to be looked after in the year, but mother field has not been completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    check_for(ctx, out, SexCode::Female2);
}

/// The check for one year's coding of "female" (2 to 2023/24, F from 2024/25).
pub(super) fn check_for(ctx: &Ctx<'_>, out: &mut Out<'_>, female: SexCode) {
    let (Some(episodes), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.header.if_supplied())
    else {
        return;
    };
    for e in episodes {
        // CEASED_TO_BE_LOOKED_AFTER: a DEC and a REC other than X1 (an invalid REC counts, as
        // the reference compares the text with "X1").
        let ceased = e.rec.is_present() && e.rec.strict() != Some(ReasonEpisodeCeased::X1);
        let in_year = e.dec.strict().is_some_and(|d| ctx.start() <= d && d <= ctx.end());
        let short_break = e.ls.strict().is_some_and(LegalStatus::is_short_break);
        if !ceased || !in_year || short_break {
            continue;
        }
        let Some(child) = e.child.value() else { continue };
        let mut missing = false;
        for h in ctx.header().get(child.as_str()) {
            if h.sex.strict() == Some(female) && h.mother.is_blank() {
                out.flag(h);
                missing = true;
            }
        }
        if missing {
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
    fn girl_leaving_care_without_mother_status_is_reported() {
        // The reference's own test (2020/21).
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DEC,REC,LS\n101,01/01/2021,,L1\n102,01/01/2001,A3,V4\n103,20/12/2001,E15,V3\n\
                 104,03/01/2020,E46,L4\n105,03/04/2020,E48,L1\n105,01/07/2020,X2,XO\n\
                 105,10/01/2021,E11,L4\n108,11/02/2021,E48,L1\n109,25/01/2002,X1,XO\n\
                 110,25/01/2021,E47,\n111,,E45,L4\n112,25/08/2020,E46,XO\n",
            ),
            (
                "Header",
                "CHILD,SEX,MOTHER\n101,2,\n102,2,0\n103,2,\n104,2,\n105,2,\n108,1,\n109,2,0\n\
                 110,2,\n111,2,0\n112,2,1\n",
            ),
        ]);
        let year = CollectionYear::from_end_year(2021).unwrap();
        let found = run(&MOTHER_NOT_RECORDED_FOR_GIRL_LEAVING_CARE, year, &cur, None);
        assert_eq!(
            found,
            ["Header:4", "Header:7", "Episodes:4", "Episodes:5", "Episodes:6", "Episodes:9"]
        );
    }

    #[test]
    fn letter_coding_is_not_this_version() {
        let cur = ret(&[
            ("Episodes", "CHILD,DEC,REC,LS\n1,01/01/2023,E4A,C2\n"),
            ("Header", "CHILD,SEX,MOTHER\n1,F,\n"),
        ]);
        let found =
            run(&MOTHER_NOT_RECORDED_FOR_GIRL_LEAVING_CARE, CollectionYear::Y2022_23, &cur, None);
        assert!(found.is_empty());
    }
}
