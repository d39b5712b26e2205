use carelens_model::codes::SexCode;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row whose `SEX` is blank or not one of the codes in use from 2024/25: `M`, `F`
    /// or `U` (unknown).
    ///
    /// ## Why it matters
    /// Sex splits every published table; the other rules about mothers (165, 174) depend on it.
    ///
    /// ## Example
    /// `SEX` = `M`, `f` or `U` passes; `1`, `Male`, `X` or blank is reported.
    pub(crate) SEX_CODE_IS_NOT_VALID_2024_25,
    code: "101",
    tables: ["Header"],
    fields: ["SEX"],
    years: Y2024_25..,
    message: "The child or young person’s reported sex is not valid.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    for h in header {
        if !matches!(h.sex.strict(), Some(SexCode::M | SexCode::F | SexCode::U)) {
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
    fn only_m_f_and_u_are_valid() {
        let cur = ret(&[("Header", "CHILD,SEX\n1,M\n2,f\n3,U\n4,1\n5,X\n6,\n7,Male\n")]);
        let found = run(&SEX_CODE_IS_NOT_VALID_2024_25, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:3", "Header:4", "Header:5", "Header:6"]);
    }
}
