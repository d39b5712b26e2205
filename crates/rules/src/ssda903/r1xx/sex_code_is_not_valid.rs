use carelens_model::codes::SexCode;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row whose `SEX` is blank or not one of the codes in use up to 2023/24: `1`
    /// (male) or `2` (female).
    ///
    /// ## Why it matters
    /// Sex splits every published table; the other rules about mothers (165, 174) depend on it.
    ///
    /// ## Example
    /// `SEX` = `1` or `2` passes; `M`, `3` or blank is reported.
    pub(crate) SEX_CODE_IS_NOT_VALID,
    code: "101",
    tables: ["Header"],
    fields: ["SEX"],
    years: Y2022_23..=Y2023_24,
    message: "Gender code is not valid.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    for h in header {
        if !matches!(h.sex.strict(), Some(SexCode::Male1 | SexCode::Female2)) {
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
    fn only_1_and_2_are_valid() {
        let cur = ret(&[("Header", "CHILD,SEX\n1,1\n2,2\n3,3\n4,\n5,M\n6,1.0\n")]);
        let found = run(&SEX_CODE_IS_NOT_VALID, CollectionYear::Y2023_24, &cur, None);
        assert_eq!(found, ["Header:2", "Header:3", "Header:4", "Header:5"]);
    }
}
