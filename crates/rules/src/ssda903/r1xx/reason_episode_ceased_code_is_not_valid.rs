use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `REC` (reason episode ceased) is given but is not one of the 22 DfE codes
    /// (`X1`, `E11`, `E12`, `E2`, `E3`, `E4A`, `E4B`, `E13`, `E41`, `E45`–`E48`, `E5`–`E9`,
    /// `E14`–`E17`).
    ///
    /// ## Why it matters
    /// REC says whether the child left care and how; every outcome statistic is built from it.
    ///
    /// ## Example
    /// `E4A`, `e4b`, `X1` or blank passes; `X` and `E43` (retired in 2018/19) are reported.
    pub(crate) REASON_EPISODE_CEASED_CODE_IS_NOT_VALID,
    code: "149",
    tables: ["Episodes"],
    fields: ["REC"],
    years: Y2022_23..,
    message: "Reason episode ceased code is not valid. ",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.episodes.if_supplied() else { return };
    for r in rows {
        if r.rec.is_present() && r.rec.strict_ref().is_none() {
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
    fn only_current_codes_are_valid() {
        let cur = ret(&[("Episodes", "CHILD,REC\n1,E4A\n2,e4b\n3,X\n4,\n5,E43\n6,X1\n")]);
        let found =
            run(&REASON_EPISODE_CEASED_CODE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:2", "Episodes:4"]);
    }
}
