use std::collections::HashSet;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row with any adoption item (`DATE_INT`, `DATE_MATCH`, `FOSTER_CARE`,
    /// `NB_ADOPTR`, `SEX_ADOPTR`, `LS_ADOPTR`) given, for a child who also has an OC3 row with
    /// any care leaver item (`IN_TOUCH`, `ACTIV`, `ACCOM`) given.
    ///
    /// ## Why it matters
    /// A child adopted from care is not a care leaver; recording both counts the child twice
    /// with contradictory outcomes.
    ///
    /// ## Example
    /// An AD1 row for a child whose OC3 items are all blank passes; the same AD1 row for a
    /// child with OC3 `IN_TOUCH` YES is reported.
    pub(crate) ADOPTION_DATA_FOR_CARE_LEAVER,
    code: "134",
    tables: ["OC3", "AD1"],
    fields: [
        "IN_TOUCH",
        "ACTIV",
        "ACCOM",
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
    ],
    years: Y2022_23..,
    message: "Data on adoption should not be entered for the OC3 cohort.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(oc3), Some(ad1)) =
        (ctx.cur.tables.oc3.if_supplied(), ctx.cur.tables.ad1.if_supplied())
    else {
        return;
    };
    let care_leavers: HashSet<&str> = oc3
        .iter()
        .filter(|r| r.in_touch.is_present() || r.activ.is_present() || r.accom.is_present())
        .filter_map(|r| r.child.value())
        .map(|c| c.as_str())
        .collect();
    for r in ad1 {
        let adoption = r.date_int.is_present()
            || r.date_match.is_present()
            || r.foster_care.is_present()
            || r.nb_adoptr.is_present()
            || r.sex_adoptr.is_present()
            || r.ls_adoptr.is_present();
        if adoption && r.child.value().is_some_and(|c| care_leavers.contains(c.as_str())) {
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
    fn the_references_cases() {
        let cur = ret(&[
            ("OC3", "CHILD,IN_TOUCH,ACTIV,ACCOM\nA,,,\nB,XXX,,\nC,,XXX,\nD,,,XXX\nE,,,\n"),
            (
                "AD1",
                "CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n\
                 A,,,,,,\nB,,XXX,,,,\nC,XXX,XXX,XXX,XXX,XXX,XXX\nD,,,,,,XXX\n\
                 E,XXX,XXX,XXX,XXX,XXX,XXX\nF,XXX,,,,,\n",
            ),
        ]);
        let found = run(&ADOPTION_DATA_FOR_CARE_LEAVER, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["AD1:1", "AD1:2", "AD1:3"]);
    }
}
