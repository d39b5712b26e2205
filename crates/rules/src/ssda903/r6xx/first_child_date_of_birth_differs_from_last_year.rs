use super::util::same_date_cell;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child whose `MC_DOB` (date of birth of her first child) was recorded in last year's
    /// Header, and whose `MC_DOB` this year is blank or a different date.
    ///
    /// ## Why it matters
    /// The first child's date of birth cannot change; a change means one of the two returns is
    /// wrong.
    ///
    /// ## Example
    /// `MC_DOB` 08/09/2020 this year and 10/09/2020 last year is reported, as is a blank this
    /// year; a blank last year is not compared.
    ///
    /// ## Reference behaviour
    /// The reference compares the two cells as text, so `1/6/2020` and `01/06/2020` differ.
    /// carelens compares dates when both are valid dates (see
    /// `docs/disagreements.md`), and the text otherwise.
    pub(crate) FIRST_CHILD_DATE_OF_BIRTH_DIFFERS_FROM_LAST_YEAR,
    code: "624",
    tables: ["Header", "Header_last"],
    fields: ["MC_DOB"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Date of birth of the first child contradicts the date of birth of the first child previously recorded.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    if ctx.last.and_then(|l| l.tables.header.if_supplied()).is_none() {
        return;
    }
    let last = ctx.header_last();
    for h in header {
        let Some(child) = h.child.value() else { continue };
        let differs = last
            .get(child.as_str())
            .any(|l| l.mc_dob.is_present() && !same_date_cell(&h.mc_dob, &l.mc_dob));
        if differs {
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
    fn changed_first_child_dob_is_reported() {
        // The reference's own test, plus the same date written differently (child 77).
        let cur = ret(&[(
            "Header",
            "CHILD,MC_DOB\n111,01/06/2020\n222,04/06/2020\n333,\n444,08/09/2020\n555,\n\
             66,01/02/2020\n77,1/6/2020\n",
        )]);
        let last = ret(&[(
            "Header",
            "CHILD,MC_DOB\n111,01/06/2020\n222,04/06/2020\n333,01/06/2019\n444,10/09/2020\n555,\n\
             66,\n77,01/06/2020\n",
        )]);
        let found = run(
            &FIRST_CHILD_DATE_OF_BIRTH_DIFFERS_FROM_LAST_YEAR,
            CollectionYear::Y2024_25,
            &cur,
            Some(&last),
        );
        assert_eq!(found, ["Header:2", "Header:3"]);
    }
}
