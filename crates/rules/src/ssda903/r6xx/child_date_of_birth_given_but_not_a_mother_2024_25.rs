use carelens_model::codes::SexCode;

use super::child_date_of_birth_given_but_not_a_mother::not_a_mother_with_child_dob;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A girl (`SEX` F, the coding from 2024/25) whose Header has `MC_DOB` (date of birth of her
    /// first child) completed while `MOTHER` is 0 or blank.
    ///
    /// ## Why it matters
    /// The two items contradict each other; one of them is wrong in the DfE's record of teenage
    /// motherhood.
    ///
    /// ## Example
    /// `SEX` F, `MOTHER` 0, `MC_DOB` 19/02/2024 is reported; with `MOTHER` 1, or for a girl
    /// still coded `2`, it is not.
    pub(crate) CHILD_DATE_OF_BIRTH_GIVEN_BUT_NOT_A_MOTHER_2024_25,
    code: "612",
    tables: ["Header"],
    fields: ["SEX", "MOTHER", "MC_DOB"],
    years: Y2024_25..,
    message: "Date of birth field has been completed but mother field indicates child is not a mother.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    for h in header.iter().filter(|h| not_a_mother_with_child_dob(h, SexCode::F)) {
        out.flag(h);
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn child_dob_without_motherhood_is_reported() {
        // The reference's own 2024/25 test.
        let cur = ret(&[(
            "Header",
            "SEX,MOTHER,MC_DOB\nF,0,19/02/2016\nF,0,dd/mm/yyyy\nF,,31/31/19\nF,,\nF,1,19/02/2019\n\
             1,0,\n1,1,12/10/2010\n1,,21/3rd/yYyYyY\nF,,21/3rd/yYyYyY\n2,0,19/02/2016\n",
        )]);
        let found = run(
            &CHILD_DATE_OF_BIRTH_GIVEN_BUT_NOT_A_MOTHER_2024_25,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["Header:0", "Header:1", "Header:2", "Header:8"]);
    }
}
