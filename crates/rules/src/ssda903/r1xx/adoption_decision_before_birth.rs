use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A PlacedAdoption row whose `DATE_PLACED` (date of the decision that the child should be
    /// placed for adoption) is before the child's date of birth.
    ///
    /// ## Why it matters
    /// A decision cannot predate the child; one of the two dates is wrong, and adoption
    /// timeliness is measured from them.
    ///
    /// ## Example
    /// `DATE_PLACED` 10/02/2019 for a child born 31/05/2018 passes; for a child born 10/03/2019
    /// it is reported.
    ///
    /// ## Reference behaviour
    /// As in the reference, the date of birth compared is the `DOB` on the PlacedAdoption row
    /// itself (rule INT12 checks it against the Header), and a row with a valid `DATE_PLACED`
    /// but a blank or unreadable `DOB` is reported too. The rule runs only when the Header is
    /// supplied.
    pub(crate) ADOPTION_DECISION_BEFORE_BIRTH,
    code: "184",
    tables: ["Header", "PlacedAdoption"],
    fields: ["DATE_PLACED", "DOB"],
    years: Y2022_23..,
    message: "Date of decision that a child should be placed for adoption is before the child was born.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(placed)) =
        (ctx.cur.tables.header.if_supplied(), ctx.cur.tables.placed_adoption.if_supplied())
    else {
        return;
    };
    for r in placed {
        let Some(date) = r.date_placed.strict() else { continue };
        if r.dob.strict().is_none_or(|dob| date < dob) {
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
    fn decisions_before_birth_are_reported() {
        let cur = ret(&[
            (
                "Header",
                "CHILD,DOB\n111,01/10/2017\n112,31/05/2018\n113,10/03/2019\n114,19/08/2020\n",
            ),
            (
                "PlacedAdoption",
                "CHILD,DOB,DATE_PLACED\n111,01/10/2017,01/10/2017\n112,31/05/2018,10/02/2019\n\
                 113,10/03/2019,10/02/2019\n114,19/08/2020,\n115,,10/02/2019\n",
            ),
        ]);
        let found = run(&ADOPTION_DECISION_BEFORE_BIRTH, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["PlacedAdoption:2", "PlacedAdoption:4"]);
    }

    #[test]
    fn nothing_is_checked_without_a_header() {
        let cur = ret(&[("PlacedAdoption", "CHILD,DOB,DATE_PLACED\n113,10/03/2019,10/02/2019\n")]);
        let found = run(&ADOPTION_DECISION_BEFORE_BIRTH, CollectionYear::Y2024_25, &cur, None);
        assert!(found.is_empty());
    }
}
