use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A UASC row whose `DUC` (date UASC status ceased) is after the child's 18th birthday,
    /// taken from the UASC row's own `DOB`.
    ///
    /// ## Why it matters
    /// UASC status ends at 18 at the latest; a later date means the date of birth or the
    /// ceased date is wrong, and the child is counted as UASC for too long.
    ///
    /// ## Example
    /// `DOB` 01/06/2000 with `DUC` 01/06/2018 passes; `DUC` 05/06/2019 is reported.
    pub(crate) UASC_CEASED_AFTER_EIGHTEENTH_BIRTHDAY,
    code: "304",
    tables: ["UASC"],
    fields: ["DUC"],
    years: Y2022_23..,
    message: "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(uasc) = ctx.cur.tables.uasc.if_supplied() else { return };
    for u in uasc {
        let (Some(duc), Some(dob)) = (u.duc.strict(), u.dob.strict()) else { continue };
        if plus_years(dob, 18).is_some_and(|eighteen| duc > eighteen) {
            out.flag(u);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn ceased_dates_after_the_18th_birthday_are_reported() {
        // The reference's own cases, plus the birthday itself.
        let cur = ret(&[(
            "UASC",
            "CHILD,DOB,DUC\n1,01/06/2000,05/06/2019\n2,02/06/2000,\n3,03/06/2000,01/06/2015\n\
             4,04/06/2000,02/06/2020\n5,,05/06/2020\n6,01/06/2000,01/06/2018\n",
        )]);
        let found =
            run(&UASC_CEASED_AFTER_EIGHTEENTH_BIRTHDAY, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["UASC:0", "UASC:3"]);
    }
}
