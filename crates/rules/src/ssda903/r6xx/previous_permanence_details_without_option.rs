use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A PrevPerm row with `LA_PERM` or `DATE_PERM` completed but `PREV_PERM` (the previous
    /// permanence option) blank.
    ///
    /// ## Why it matters
    /// An order date or authority without the option it belongs to cannot be interpreted.
    ///
    /// ## Example
    /// `LA_PERM` 352 with `PREV_PERM` blank is reported; with `PREV_PERM` P1 or Z1 it is not.
    ///
    /// ## Reference behaviour
    /// The DfE message speaks of `PREV_PERM` Z1, but the reference (and its own test, which
    /// passes Z1 with `LA_PERM` 352) reports a blank `PREV_PERM`; carelens does the same.
    pub(crate) PREVIOUS_PERMANENCE_DETAILS_WITHOUT_OPTION,
    code: "635",
    tables: ["PrevPerm"],
    fields: ["LA_PERM", "DATE_PERM", "PREV_PERM"],
    years: Y2022_23..,
    message: "There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(prev_perm) = ctx.cur.tables.prev_perm.if_supplied() else { return };
    for p in prev_perm {
        if (p.la_perm.is_present() || p.date_perm.is_present()) && p.prev_perm.is_blank() {
            out.flag(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn details_without_option_are_reported() {
        // The reference's own test.
        let cur = ret(&[(
            "PrevPerm",
            "CHILD,PREV_PERM,LA_PERM,DATE_PERM\n2,Z1,,\n4,,352,\n5,,,01/05/2000\n6,Z1,352,\n7,,,\n\
             8,P1,352,05/05/2020\n",
        )]);
        let found =
            run(&PREVIOUS_PERMANENCE_DETAILS_WITHOUT_OPTION, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["PrevPerm:1", "PrevPerm:2"]);
    }
}
