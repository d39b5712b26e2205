use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC3 row where some but not all of `IN_TOUCH`, `ACTIV` and `ACCOM` are given.
    ///
    /// ## Why it matters
    /// Care leaver outcomes are published together; a record with only some items cannot be
    /// counted in all three measures.
    ///
    /// ## Example
    /// `YES`, `F1`, `U1` passes, as does a row with all three blank; `YES` with blank `ACTIV`
    /// and `ACCOM` is reported.
    pub(crate) CARE_LEAVER_DATA_PARTLY_COMPLETED,
    code: "153",
    tables: ["OC3"],
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    years: Y2022_23..,
    message: "All data items relating to a child's activity or accommodation after leaving care must be coded or left blank.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc3) = ctx.cur.tables.oc3.if_supplied() else { return };
    for r in oc3 {
        let given = [r.in_touch.is_present(), r.activ.is_present(), r.accom.is_present()];
        let n = given.iter().filter(|g| **g).count();
        if n != 0 && n != given.len() {
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
    fn partly_completed_rows_are_reported() {
        let cur = ret(&[(
            "OC3",
            "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,XXX,XXX,XXX\n2,,,\n3,XXX,,\n4,,XXX,\n5,,,XXX\n\
             6,XXX,XXX,\n",
        )]);
        let found = run(&CARE_LEAVER_DATA_PARTLY_COMPLETED, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC3:2", "OC3:3", "OC3:4", "OC3:5"]);
    }
}
