use super::util::flag_duplicated_children;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A `CHILD` on more than one row of PrevPerm, which holds one row per child. Every row of that
    /// child is reported, the first included.
    ///
    /// ## Why it matters
    /// A second row for the same child double-counts it and leaves the DfE to guess which row is
    /// right; it usually comes from a duplicated export or a reused identifier.
    ///
    /// ## Example
    /// Two PrevPerm rows for child 101: both are reported. Rows with a blank `CHILD` are not (the
    /// reference's `groupby` leaves them out).
    pub(crate) PREV_PERM_CHILD_DUPLICATED,
    code: "INT35",
    tables: ["PrevPerm"],
    fields: ["CHILD"],
    years: Y2022_23..,
    message: "Internal Check: Child should only exist once in PrevPerm.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_duplicated_children(ctx.cur.tables.prev_perm.if_supplied(), out);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn every_row_of_a_duplicated_child_is_reported() {
        // The reference's cases (rule_INT35.test_validate, fixture fake_INT_header), plus two
        // blank children.
        let cur = ret(&[(
            "PrevPerm",
            "CHILD,DOB\n101,01/04/2020\n102,\n103,01/04/2020\n104,\n101,01/04/2020\n102,\n\
             103,01/04/2020\n104,\n106,\n,01/01/2020\n,01/01/2020\n",
        )]);
        let found = run(&PREV_PERM_CHILD_DUPLICATED, CollectionYear::Y2024_25, &cur, None);
        let expected: Vec<String> = (0..8).map(|i| format!("PrevPerm:{i}")).collect();
        assert_eq!(found, expected);
    }
}
