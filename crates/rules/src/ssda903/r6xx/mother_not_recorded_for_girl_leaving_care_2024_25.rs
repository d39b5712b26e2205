use carelens_model::codes::SexCode;

use super::mother_not_recorded_for_girl_leaving_care::check_for;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A girl (`SEX` F, the coding from 2024/25) who ceased to be looked after in the
    /// collection year (an episode with a `DEC` in the year and a `REC` other than X1), not
    /// under a short-break legal status (V3, V4), whose Header `MOTHER` is blank. The Header row
    /// and each such episode are reported.
    ///
    /// ## Why it matters
    /// Motherhood is recorded for every girl leaving care; a blank hides teenage parenthood from
    /// the DfE's statistics on care leavers.
    ///
    /// ## Example
    /// `SEX` F, `MOTHER` blank, an episode ending 10/01/2025 with `REC` E4A: both rows are
    /// reported in 2024/25. A girl still coded `2` is not (rule 101 reports that code).
    pub(crate) MOTHER_NOT_RECORDED_FOR_GIRL_LEAVING_CARE_2024_25,
    code: "607",
    tables: ["Episodes", "Header"],
    fields: ["DEC", "REC", "MOTHER", "LS", "SEX"],
    years: Y2024_25..,
    message: "Child ceased to be looked after in the year, but mother field has not been completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    check_for(ctx, out, SexCode::F);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn girl_coded_f_leaving_care_without_mother_status_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DEC,REC,LS\n1,10/01/2025,E4A,C2\n2,10/01/2025,E4A,C2\n3,10/01/2025,X1,C2\n\
                 4,10/01/2025,E4A,C2\n5,10/01/2025,E4A,V3\n",
            ),
            ("Header", "CHILD,SEX,MOTHER\n1,F,\n2,F,0\n3,F,\n4,2,\n5,F,\n"),
        ]);
        let found = run(
            &MOTHER_NOT_RECORDED_FOR_GIRL_LEAVING_CARE_2024_25,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["Header:0", "Episodes:0"]);
    }
}
