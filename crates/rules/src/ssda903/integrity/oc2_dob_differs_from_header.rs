use super::util::flag_dob_differs;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A OC2 row whose `DOB` differs from the `DOB` in Header for the same child. Blank or
    /// unreadable dates on either side are not compared (other rules report them).
    ///
    /// ## Why it matters
    /// The date of birth is repeated on each table for matching; a different date means the row
    /// belongs to another child or one of the two dates is wrong, and every age-based check may
    /// then give the wrong answer.
    ///
    /// ## Example
    /// Header has child 103 born 01/04/2020; a OC2 row for child 103 with `DOB` 04/01/2020 is
    /// reported.
    ///
    /// ## Reference behaviour
    /// As the reference does: the row is reported if it differs from ANY of the child's Header rows
    /// that has a valid date, and a row with a blank `CHILD` is compared with Header's
    /// blank-`CHILD` rows.
    pub(crate) OC2_DOB_DIFFERS_FROM_HEADER,
    code: "INT14",
    tables: ["Header", "OC2"],
    fields: ["DOB"],
    years: Y2022_23..,
    message: "Internal Check: DOB in OC2 is different to DOB in Header.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_dob_differs(ctx, ctx.cur.tables.oc2.if_supplied(), |r| &r.dob, out);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn date_of_birth_different_from_header_is_reported() {
        // The reference's cases (rule_INT14.test_validate, fixtures fake_INT_header and
        // fake_INT_file).
        let cur = ret(&[
            (
                "Header",
                "CHILD,SEX,DOB\n101,M,01/04/2020\n102,F,\n103,M,01/04/2020\n104,F,\n\
                 101,M,01/04/2020\n102,F,\n103,M,01/04/2020\n104,F,\n106,,\n",
            ),
            ("OC2", "CHILD,DOB\n101,01/04/2020\n102,\n103,04/01/2020\n105,01/04/2020\n"),
        ]);
        let found = run(&OC2_DOB_DIFFERS_FROM_HEADER, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC2:2"]);
    }
}
