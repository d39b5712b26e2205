use carelens_model::codes::SexCode;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row with `SEX` = `1` (male, the coding up to 2023/24) and an `MC_DOB` (date of
    /// birth of the mother's child).
    ///
    /// ## Why it matters
    /// `MC_DOB` records the child of a looked-after mother; for a boy it is a keying error in
    /// either field.
    ///
    /// ## Example
    /// `SEX` 1 with `MC_DOB` 19/02/2023 is reported; `SEX` 2 with the same date, or `SEX` 1 with
    /// `MC_DOB` blank, is not.
    pub(crate) MALE_CHILD_HAS_MOTHERS_CHILD_DATE_OF_BIRTH,
    code: "174",
    tables: ["Header"],
    fields: ["SEX", "MC_DOB"],
    years: Y2022_23..=Y2023_24,
    message: "Mother's child date of birth is recorded but gender shows that the child is a male.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    for h in header {
        if h.sex.strict() == Some(SexCode::Male1) && h.mc_dob.is_present() {
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
    fn boys_with_a_childs_date_of_birth_are_reported() {
        let cur = ret(&[(
            "Header",
            "CHILD,SEX,MC_DOB\n1,1,\n2,1,19/02/2010\n3,2,\n4,2,19/02/2010\n5,M,19/02/2010\n",
        )]);
        let found =
            run(&MALE_CHILD_HAS_MOTHERS_CHILD_DATE_OF_BIRTH, CollectionYear::Y2023_24, &cur, None);
        assert_eq!(found, ["Header:1"]);
    }
}
