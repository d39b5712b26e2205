use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child in both this year's and last year's Header whose `DOB` differs between the two
    /// years. A date that is blank or not a valid `dd/mm/yyyy` date counts as missing, and two
    /// missing dates agree.
    ///
    /// ## Why it matters
    /// Date of birth drives every age-based rule and statistic; it should only change to correct
    /// an error, and then the earlier years need correcting too.
    ///
    /// ## Example
    /// Last year 22/09/2016, this year 23/09/2016: reported. Both years 31/02/2018 (not a date):
    /// not reported here (rule 102 reports it).
    pub(crate) DOB_CONFLICTS_WITH_LAST_YEAR,
    code: "203",
    tables: ["Header", "Header_last"],
    fields: ["DOB"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Date of birth disagrees with the date of birth already recorded for this child.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    if ctx.last.and_then(|l| l.tables.header.if_supplied()).is_none() {
        return;
    }
    let last = ctx.header_last();
    for h in header {
        let Some(child) = h.child.value() else { continue };
        let dob = h.dob.strict();
        if last.get(child.as_str()).any(|l| l.dob.strict() != dob) {
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
    fn changed_dates_of_birth_are_reported() {
        // The reference's own cases (rule_203.test_validate).
        let cur = ret(&[(
            "Header",
            "CHILD,DOB\n101,16/03/2020\n102,23/09/2016\n103,31/12/19\n104,31/02/2018\n105,\n\
             106,10/08/2014\n108,\n109,20/01/2017\n110,31/06/2020\n",
        )]);
        let last = ret(&[(
            "Header",
            "CHILD,DOB\n101,16/03/2020\n102,22/09/2016\n103,31/12/2019\n104,31/02/2018\n105,\n\
             107,11/11/2021\n108,04/06/2017\n109,\n110,30/06/2020\n",
        )]);
        let found = run(&DOB_CONFLICTS_WITH_LAST_YEAR, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Header:1", "Header:2", "Header:6", "Header:7", "Header:8"]);
    }
}
