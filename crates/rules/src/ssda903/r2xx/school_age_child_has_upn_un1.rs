use carelens_model::Date;
use carelens_model::Upn;

use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child whose `UPN` is UN1 ("child not yet of school age") although they were 4 or older
    /// on 31 August of the calendar year before the collection year starts (31/08/2023 for
    /// 2024/25).
    ///
    /// ## Why it matters
    /// A child of school age should have a unique pupil number; without it their education
    /// outcomes cannot be linked.
    ///
    /// ## Example
    /// 2025/26 return: `DOB` 03/10/2015 with UN1 is reported (4 on 31/08/2024); `DOB`
    /// 11/11/2020 with UN1 passes.
    pub(crate) SCHOOL_AGE_CHILD_HAS_UPN_UN1,
    code: "209",
    tables: ["Header"],
    fields: ["UPN", "DOB"],
    years: Y2022_23..,
    message: "Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    let Ok(reference_date) = Date::new(ctx.start().year() - 1, 8, 31) else { return };
    for h in header {
        if h.upn.strict_ref() != Some(&Upn::Unknown(1)) {
            continue;
        }
        let fourth = h.dob.strict().and_then(|d| plus_years(d, 4));
        if fourth.is_some_and(|d| d <= reference_date) {
            out.flag(h);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn un1_for_a_school_age_child_is_reported() {
        // The reference's own cases (rule_209.test_validate).
        let cur = ret(&[(
            "Header",
            "CHILD,UPN,DOB\n101,,01/01/2020\n102,H801200001001,11/11/2020\n103,UN1,03/10/2015\n\
             104,UN2,11/11/2020\n105,,01/01/2020\n106,UN1,11/11/2020\n107,,01/02/2020\n",
        )]);
        let found = run(&SCHOOL_AGE_CHILD_HAS_UPN_UN1, CollectionYear::Y2025_26, &cur, None);
        assert_eq!(found, ["Header:2"]);
    }
}
