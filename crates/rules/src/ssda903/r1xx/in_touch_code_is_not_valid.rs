use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC3 row whose `IN_TOUCH` is blank or not one of `YES`, `NO`, `DIED`, `REFU`, `NREQ`,
    /// `RHOM`.
    ///
    /// ## Why it matters
    /// Whether the LA is in touch with its care leavers is a published outcome for every care
    /// leaver.
    ///
    /// ## Example
    /// `YES`, `yes` or `REFU` passes; `1`, `REFUSE` and blank are reported.
    pub(crate) IN_TOUCH_CODE_IS_NOT_VALID,
    code: "131",
    tables: ["OC3"],
    fields: ["IN_TOUCH"],
    years: Y2022_23..,
    message: "Data entry for being in touch after leaving care is invalid.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.oc3.if_supplied() else { return };
    for r in rows {
        if r.in_touch.strict_ref().is_none() {
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
    fn blank_and_unknown_codes_are_reported() {
        let cur = ret(&[("OC3", "CHILD,IN_TOUCH\n1,yes\n2,YES\n3,1\n4,REFUSE\n5,REFU\n6,\n")]);
        let found = run(&IN_TOUCH_CODE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC3:2", "OC3:3", "OC3:5"]);
    }
}
