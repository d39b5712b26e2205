use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A UASC row whose `DUC` (date UASC status ceased) is given but is not a date written
    /// `dd/mm/yyyy`, or is before the start of the collection year (1 April).
    ///
    /// ## Why it matters
    /// A child whose UASC status ended before the year began should not be reported as UASC
    /// this year; a malformed date cannot be placed at all.
    ///
    /// ## Example
    /// In 2024/25, `DUC` 19/02/2025 or blank passes; 01/03/2024 and `31/02/2025` are reported.
    pub(crate) UASC_CEASED_DATE_IS_NOT_VALID,
    code: "104",
    tables: ["UASC"],
    fields: ["DUC"],
    years: Y2022_23..,
    message: "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(uasc) = ctx.cur.tables.uasc.if_supplied() else { return };
    let start = ctx.start();
    for u in uasc {
        let bad = match u.duc.strict() {
            Some(duc) => duc < start,
            None => u.duc.is_present(),
        };
        if bad {
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
    fn malformed_dates_and_dates_before_the_year_are_reported() {
        // The reference's own cases, moved to 2019/20.
        let cur = ret(&[(
            "UASC",
            "CHILD,DUC\n1,01/03/2019\n2,19/02/2020\n3,03/04/2019\n4,01/01/2019\n5,\n\
             6,INNVLAID/DATE/2077\n",
        )]);
        let year = CollectionYear::from_end_year(2020).unwrap();
        let found = run(&UASC_CEASED_DATE_IS_NOT_VALID, year, &cur, None);
        assert_eq!(found, ["UASC:0", "UASC:3", "UASC:5"]);
    }
}
