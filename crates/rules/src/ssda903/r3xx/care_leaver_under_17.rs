use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC3 row with any of `IN_TOUCH`, `ACTIV` or `ACCOM` filled in for a young person whose
    /// 17th birthday is after 31 March at the end of the collection year.
    ///
    /// ## Why it matters
    /// Care leaver information is collected around the 17th to 21st birthdays; a younger
    /// person's record is either premature or has a wrong date of birth.
    ///
    /// ## Example
    /// In 2024/25 `DOB` 01/04/2008 (17 on 01/04/2025) with `IN_TOUCH` YES is reported;
    /// `DOB` 31/03/2008 is not, nor is a row with all three items blank.
    pub(crate) CARE_LEAVER_UNDER_17,
    code: "391",
    tables: ["OC3"],
    fields: ["DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
    years: Y2022_23..,
    message: "Young person was not 17, 18, 19, 20 or 21 during the current collection year. ",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc3) = ctx.cur.tables.oc3.if_supplied() else { return };
    let end = ctx.end();
    for o in oc3 {
        let under_17 = o.dob.strict().and_then(|dob| plus_years(dob, 17)).is_some_and(|b| b > end);
        if under_17 && (o.in_touch.is_present() || o.activ.is_present() || o.accom.is_present()) {
            out.flag(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn care_leaver_data_for_under_17s_is_reported() {
        let cur = ret(&[(
            "OC3",
            "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n1,01/04/2008,YES,F1,B1\n2,31/03/2008,YES,F1,B1\n\
             3,01/04/2008,,,\n4,01/01/2010,,,zz\n5,,YES,F1,B1\n",
        )]);
        let found = run(&CARE_LEAVER_UNDER_17, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC3:0", "OC3:3"]);
    }
}
