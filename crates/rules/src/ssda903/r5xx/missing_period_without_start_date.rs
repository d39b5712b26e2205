use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Missing row with `MISSING` M or A (missing, or away without authorisation) but
    /// `MIS_START` blank.
    ///
    /// ## Why it matters
    /// A missing or away period without a start date cannot be counted in the year or
    /// matched to a placement.
    ///
    /// ## Example
    /// `MISSING` M with no `MIS_START`: reported. With a start date it passes.
    pub(crate) MISSING_PERIOD_WITHOUT_START_DATE,
    code: "564",
    tables: ["Missing"],
    fields: ["MISSING", "MIS_START"],
    years: Y2022_23..,
    message: "Child was missing or away from placement without authorisation and the date started is blank.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(missing) = ctx.cur.tables.missing.if_supplied() else { return };
    for m in missing {
        if m.missing.strict().is_some() && m.mis_start.is_blank() {
            out.flag(m);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case.
    #[test]
    fn missing_period_without_start_is_reported() {
        let cur = ret(&[(
            "Missing",
            "MISSING,MIS_START\nM,\nA,07/02/2020\nA,03/02/2020\n,\nm,\nA,13/02/2020\n",
        )]);
        let found = run(&MISSING_PERIOD_WITHOUT_START_DATE, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Missing:0", "Missing:4"]);
    }
}
