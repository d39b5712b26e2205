use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `RNE` (reason for new episode) is given but is not `S`, `L`, `P`, `T`, `B`
    /// or `U`.
    ///
    /// ## Why it matters
    /// RNE says whether a period of care or a placement begins; every move and stability measure
    /// relies on it.
    ///
    /// ## Example
    /// `S`, `p` or blank passes; `X` and `SS` are reported.
    pub(crate) REASON_NEW_EPISODE_CODE_IS_NOT_VALID,
    code: "143",
    tables: ["Episodes"],
    fields: ["RNE"],
    years: Y2022_23..,
    message: "The reason for new episode code is not a valid code.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.episodes.if_supplied() else { return };
    for r in rows {
        if r.rne.is_present() && r.rne.strict_ref().is_none() {
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
    fn only_the_six_codes_are_valid() {
        let cur = ret(&[("Episodes", "CHILD,RNE\n1,S\n2,p\n3,X\n4,\n5,SS\n")]);
        let found =
            run(&REASON_NEW_EPISODE_CODE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:2", "Episodes:4"]);
    }
}
