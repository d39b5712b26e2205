use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `CIN` (category of need) is given but is not one of `N1`–`N8`.
    ///
    /// ## Why it matters
    /// Category of need is the main reason the child is looked after, published for every cohort.
    ///
    /// ## Example
    /// `N1`, `n8` or blank passes; `N9` and `1` are reported.
    pub(crate) CATEGORY_OF_NEED_CODE_IS_NOT_VALID,
    code: "145",
    tables: ["Episodes"],
    fields: ["CIN"],
    years: Y2022_23..,
    message: "Category of need code is not a valid code.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.episodes.if_supplied() else { return };
    for r in rows {
        if r.cin.is_present() && r.cin.strict_ref().is_none() {
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
    fn only_n1_to_n8_are_valid() {
        let cur = ret(&[("Episodes", "CHILD,CIN\n1,N1\n2,n8\n3,N9\n4,\n5,1\n")]);
        let found = run(&CATEGORY_OF_NEED_CODE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:2", "Episodes:4"]);
    }
}
