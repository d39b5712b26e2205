use super::util::looked_after_12_months;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// For a child looked after continuously for 12 months at 31 March (the OC2 cohort, as the
    /// reference computes it): an AD1 row with any adoption item (`DATE_INT`, `DATE_MATCH`,
    /// `FOSTER_CARE`, `NB_ADOPTR`, `SEX_ADOPTR`, `LS_ADOPTR`) given, and an OC3 row with any
    /// care leaver item (`IN_TOUCH`, `ACTIV`, `ACCOM`) given.
    ///
    /// ## Why it matters
    /// A child still in care at 31 March after a full year cannot have been adopted or have
    /// left care in the year; one of the returns is wrong.
    ///
    /// ## Example
    /// A child in care all year with an OC3 row whose items are all blank passes; the same
    /// child with `IN_TOUCH` YES is reported, as is an AD1 row with a `DATE_INT`.
    pub(crate) ADOPTION_OR_CARE_LEAVER_DATA_FOR_OC2_CHILD,
    code: "187",
    tables: ["OC3", "AD1", "Episodes"],
    fields: [
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
        "IN_TOUCH",
        "ACTIV",
        "ACCOM",
    ],
    years: Y2022_23..,
    message: "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let t = &ctx.cur.tables;
    let (Some(oc3), Some(ad1), Some(_)) =
        (t.oc3.if_supplied(), t.ad1.if_supplied(), t.episodes.if_supplied())
    else {
        return;
    };
    for r in oc3 {
        let any = r.in_touch.is_present() || r.activ.is_present() || r.accom.is_present();
        if any && looked_after_12_months(ctx, &r.child) {
            out.flag(r);
        }
    }
    for r in ad1 {
        let any = r.date_int.is_present()
            || r.date_match.is_present()
            || r.foster_care.is_present()
            || r.nb_adoptr.is_present()
            || r.sex_adoptr.is_present()
            || r.ls_adoptr.is_present();
        if any && looked_after_12_months(ctx, &r.child) {
            out.flag(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn the_references_cases_moved_to_2024_25() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC,LS,REC,RNE\n\
                 1,01/03/2024,31/03/2025,o,X1,o\n\
                 2,01/03/2024,30/03/2025,o,X1,o\n\
                 3333,01/03/2024,01/01/2025,V3,X1,o\n\
                 4,01/02/2014,,o,!!,o\n\
                 5,01/03/2023,01/01/2025,o,X1,o\n\
                 5,01/01/2025,,o,,o\n\
                 6666,01/03/2023,01/01/2025,o,!!,o\n\
                 6666,01/01/2025,,o,,o\n\
                 7777,01/03/2023,01/01/2025,o,X1,o\n\
                 7777,01/01/2025,01/07/2025,o,o,S\n\
                 8888,01/01/2025,31/03/2043,o,o,S\n\
                 9,05/04/2024,,o,xx,S\n\
                 10,,05/04/2024,o,xx,S\n\
                 11,,05/04/2024,V3,,S\n",
            ),
            (
                "OC3",
                "CHILD,IN_TOUCH\n9999999999,OK\n1,!!!\n2,\n3333,OK\n99999999,\n8888,\n5,\n\
                 9,xx\n10,xx\n11,xx\n",
            ),
            (
                "AD1",
                "CHILD,DATE_INT\n1,\n2,\n3333,OK\n7777,OK\n99999999,\n8888,\n5,!!!\n9,xx\n\
                 10,xx\n11,xx\n",
            ),
        ]);
        let found =
            run(&ADOPTION_OR_CARE_LEAVER_DATA_FOR_OC2_CHILD, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC3:1", "AD1:6"]);
    }
}
