use carelens_model::Header;
use carelens_model::codes::SexCode;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A girl (`SEX` 2) whose Header has `MC_DOB` (date of birth of her first child) completed
    /// while `MOTHER` is 0 or blank.
    ///
    /// ## Why it matters
    /// The two items contradict each other; one of them is wrong in the DfE's record of teenage
    /// motherhood.
    ///
    /// ## Example
    /// `SEX` 2, `MOTHER` 0, `MC_DOB` 19/02/2022 is reported; with `MOTHER` 1 it is not. Any text
    /// in `MC_DOB`, even an unreadable date, counts as completed.
    pub(crate) CHILD_DATE_OF_BIRTH_GIVEN_BUT_NOT_A_MOTHER,
    code: "612",
    tables: ["Header"],
    fields: ["SEX", "MOTHER", "MC_DOB"],
    years: Y2022_23..=Y2023_24,
    message: "Date of birth field has been completed but mother field indicates child is not a mother.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    for h in header.iter().filter(|h| not_a_mother_with_child_dob(h, SexCode::Female2)) {
        out.flag(h);
    }
}

/// `MOTHER` 0 or blank, `SEX` the year's "female" code, and `MC_DOB` completed.
pub(super) fn not_a_mother_with_child_dob(h: &Header, female: SexCode) -> bool {
    (h.mother.is_blank() || h.mother.strict() == Some(false))
        && h.sex.strict() == Some(female)
        && h.mc_dob.is_present()
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn child_dob_without_motherhood_is_reported() {
        // The reference's own test.
        let cur = ret(&[(
            "Header",
            "SEX,MOTHER,MC_DOB\n2,0,19/02/2016\n2,0,dd/mm/yyyy\n2,,31/31/19\n2,,\n2,1,19/02/2019\n\
             1,0,\n1,1,12/10/2010\n1,,21/3rd/yYyYyY\n2,,21/3rd/yYyYyY\n",
        )]);
        let found =
            run(&CHILD_DATE_OF_BIRTH_GIVEN_BUT_NOT_A_MOTHER, CollectionYear::Y2023_24, &cur, None);
        assert_eq!(found, ["Header:0", "Header:1", "Header:2", "Header:8"]);
    }
}
