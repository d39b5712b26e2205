use carelens_model::codes::{LegalStatus, SexCode};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// For a child with an episode that is not a short break (legal status other than V3/V4),
    /// the Header's `MOTHER` (1 if the child is a mother) when:
    /// * it is given but is not `0` or `1`; or
    /// * it is given for a male child; or
    /// * it is blank for a female child looked after during the year (an episode, not a short
    ///   break, open at some point between 1 April and 31 March); or
    /// * it is given for a female child not looked after during the year who has care leaver
    ///   data (`IN_TOUCH`, `ACTIV` or `ACCOM` in OC3).
    ///
    /// The Header row and the child's OC3 rows are reported.
    ///
    /// ## Why it matters
    /// The DfE counts looked-after girls who are mothers; the item must be answered for every
    /// girl looked after in the year and for no one else.
    ///
    /// ## Example
    /// In 2024/25, a girl (`SEX` F) in care since May with `MOTHER` blank is reported; with `0`
    /// she passes. A boy (`SEX` M) with `MOTHER` 1 is reported.
    ///
    /// ## Reference behaviour
    /// The reference tests the sex codes `1` (male) and `2` (female) in every year, so from
    /// 2024/25, when sex is coded M/F/U, only the "not 0 or 1" test can fire for a correctly
    /// coded child. carelens reads sex in either coding in every year (`1` or `M` male, `2` or
    /// `F` female), so it agrees with the reference on the old codes and also checks the new
    /// ones (`docs/disagreements.md`).
    pub(crate) MOTHER_STATUS_IS_NOT_VALID,
    code: "165",
    tables: ["Header", "Episodes", "OC3"],
    fields: ["MOTHER", "SEX", "ACTIV", "ACCOM", "IN_TOUCH", "DECOM"],
    years: Y2022_23..,
    message: "Data entry for mother status is invalid.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let t = &ctx.cur.tables;
    let (Some(_), Some(_), Some(_)) =
        (t.header.if_supplied(), t.episodes.if_supplied(), t.oc3.if_supplied())
    else {
        return;
    };
    let oc3 = ctx.oc3();
    let (start, end) = (ctx.start(), ctx.end());
    for (child, eps) in ctx.episodes().iter() {
        let mut counted =
            eps.iter().filter(|e| !e.ls.strict().is_some_and(LegalStatus::is_short_break));
        let Some(first) = counted.next() else { continue };
        // In care during the year: an open episode counts as ending on 31 March.
        let during = |e: &carelens_model::Episode| {
            e.decom.strict().is_some_and(|d| d <= end) && e.dec.strict().unwrap_or(end) >= start
        };
        let in_year = during(first) || counted.any(|e| during(e));
        for h in ctx.header().get(child) {
            let has_mother = h.mother.is_present();
            let sex = h.sex.strict();
            let is_female = sex.is_some_and(SexCode::is_female);
            let always = (has_mother
                && (h.mother.strict().is_none() || sex.is_some_and(SexCode::is_male)))
                || (!has_mother && is_female && in_year);
            let with_oc3 = has_mother && is_female && !in_year;
            let mut header_flagged = false;
            for o in oc3.get(child) {
                let has_oc3 =
                    o.activ.is_present() || o.accom.is_present() || o.in_touch.is_present();
                if always || (with_oc3 && has_oc3) {
                    out.flag(o);
                    header_flagged = true;
                }
            }
            if always || header_flagged {
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
    fn the_references_cases() {
        let cur = ret(&[
            (
                "OC3",
                "CHILD,IN_TOUCH,ACTIV,ACCOM\n101,,,\n102,,,\n103,,,\n104,,,\n105,,,\n106,,,\n\
                 107,,,\n108,YES,XXX,\n109,,,XXX\n110,,,\n111,,,\n",
            ),
            (
                "Episodes",
                "CHILD,DECOM,DEC,LS\n101,01/01/2020,01/05/2020,C2\n102,11/01/2020,11/05/2020,C2\n\
                 103,30/03/2020,30/05/2020,C2\n103,30/03/2020,30/05/2020,C2\n\
                 104,01/01/2020,01/05/2020,C2\n105,11/05/2020,11/08/2020,C2\n\
                 105,01/01/2020,01/05/2020,C2\n106,22/01/2020,22/05/2020,C2\n\
                 107,11/01/2020,11/05/2020,C2\n108,22/01/2020,22/05/2020,C2\n\
                 109,25/03/2020,25/03/2020,C2\n110,01/01/2020,01/05/2020,V3\n\
                 110,01/11/2021,01/11/2021,C2\n111,01/11/2020,01/11/2020,V3\n",
            ),
            (
                "Header",
                "CHILD,SEX,MOTHER\n101,1,\n102,2,0\n103,2,0\n104,2,1\n105,2,\n106,2,2\n\
                 107,1,1\n108,2,\n109,2,\n110,2,1\n111,2,\n",
            ),
        ]);
        let year = CollectionYear::from_end_year(2021).unwrap();
        let found = run(&MOTHER_STATUS_IS_NOT_VALID, year, &cur, None);
        assert_eq!(
            found,
            ["Header:4", "Header:5", "Header:6", "Header:7", "OC3:4", "OC3:5", "OC3:6", "OC3:7"]
        );
    }

    #[test]
    fn sex_is_read_in_either_coding() {
        let cur = ret(&[
            ("OC3", "CHILD,IN_TOUCH\n9,YES\n4,YES\n"),
            (
                "Episodes",
                "CHILD,DECOM,DEC,LS\n1,01/05/2024,,C2\n2,01/05/2024,,C2\n3,01/05/2024,,C2\n\
                 4,01/05/2020,01/06/2020,C2\n5,01/05/2024,,C2\n",
            ),
            ("Header", "CHILD,SEX,MOTHER\n1,F,\n2,M,1\n3,2,\n4,F,1\n5,F,0\n"),
        ]);
        let found = run(&MOTHER_STATUS_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:0", "Header:1", "Header:2", "Header:3", "OC3:1"]);
    }
}
