use carelens_model::codes::SexCode;

use super::util::flag_girl_without_mother_field;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row for a girl (`SEX` F) with `MOTHER` blank, when the child has at least one
    /// episode that is not a short break (`LS` other than V3 and V4).
    ///
    /// ## Why it matters
    /// Whether a looked-after girl is a mother is collected for every girl looked after other
    /// than on short breaks; a blank leaves her out of the published count of looked-after
    /// mothers.
    ///
    /// ## Example
    /// `SEX` F with `MOTHER` blank and a C2 episode is reported; with `MOTHER` 0, or with
    /// only V3 episodes, it is not.
    pub(crate) GIRL_LOOKED_AFTER_WITHOUT_MOTHER_FIELD_2024_25,
    code: "393",
    tables: ["Header", "Episodes"],
    fields: ["MOTHER"],
    years: Y2024_25..,
    message: "Child is looked after but mother field is not completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_girl_without_mother_field(ctx, out, SexCode::F);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn girls_without_the_mother_field_are_reported() {
        let cur = ret(&[
            ("Header", "CHILD,SEX,MOTHER\n1,F,\n2,F,0\n3,F,\n4,M,\n5,F,\n"),
            ("Episodes", "CHILD,LS\n1,C2\n2,C2\n3,V3\n3,V4\n4,C2\n5,V3\n5,\n"),
        ]);
        let found = run(
            &GIRL_LOOKED_AFTER_WITHOUT_MOTHER_FIELD_2024_25,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["Header:0", "Header:4"]);
    }
}
