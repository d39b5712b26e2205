use carelens_model::codes::SexCode;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row with `SEX` = `M` (the coding from 2024/25) and an `MC_DOB` (date of birth of
    /// the mother's child).
    ///
    /// ## Why it matters
    /// `MC_DOB` records the child of a looked-after mother; for a boy it is a keying error in
    /// either field.
    ///
    /// ## Example
    /// `SEX` M with `MC_DOB` 19/02/2024 is reported; `SEX` F or U with the same date, or `SEX` M
    /// with `MC_DOB` blank, is not.
    pub(crate) MALE_CHILD_HAS_MOTHERS_CHILD_DATE_OF_BIRTH_2024_25,
    code: "174",
    tables: ["Header"],
    fields: ["SEX", "MC_DOB"],
    years: Y2024_25..,
    message: "Mother's child date of birth is recorded but sex shows that the child is a male.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    for h in header {
        if h.sex.strict() == Some(SexCode::M) && h.mc_dob.is_present() {
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
            "CHILD,SEX,MC_DOB\n1,M,\n2,M,19/02/2010\n3,F,19/02/2010\n4,U,19/02/2010\n\
             5,1,19/02/2010\n",
        )]);
        let found = run(
            &MALE_CHILD_HAS_MOTHERS_CHILD_DATE_OF_BIRTH_2024_25,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["Header:1"]);
    }
}
