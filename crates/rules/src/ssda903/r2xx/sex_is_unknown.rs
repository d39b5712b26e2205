use carelens_model::codes::SexCode;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row whose `SEX` is U (unknown), a code valid from 2024/25.
    ///
    /// ## Why it matters
    /// Unknown sex is allowed but should be rare (for example a baby whose sex could not be
    /// determined at birth); the DfE asks LAs to confirm each case.
    ///
    /// ## Example
    /// `SEX` U or u: reported. M or F: passes.
    pub(crate) SEX_IS_UNKNOWN,
    code: "232",
    tables: ["Header"],
    fields: ["SEX"],
    years: Y2024_25..,
    message: "Sex of the child/young person has been reported as unknown.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    for h in header {
        if h.sex.strict() == Some(SexCode::U) {
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
    fn unknown_sex_is_reported() {
        let cur = ret(&[("Header", "CHILD,SEX\n1,U\n2,M\n3,u\n4,\n5,F\n")]);
        let found = run(&SEX_IS_UNKNOWN, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:0", "Header:2"]);
    }
}
