use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row whose `ETHNIC` is blank or not one of the DfE's 20 ethnicity codes.
    ///
    /// ## Why it matters
    /// Ethnicity drives the DfE's published breakdowns and disproportionality analysis.
    ///
    /// ## Example
    /// `ETHNIC` = `WBRI` or `wbri` passes (codes are case-insensitive); `White British`, `WB` or
    /// blank is reported.
    pub(crate) ETHNICITY_CODE_IS_NOT_VALID,
    code: "103",
    tables: ["Header"],
    fields: ["ETHNIC"],
    years: Y2022_23..,
    message: "The ethnicity code is either not valid or has not been entered.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    for h in header {
        if h.ethnic.strict().is_none() {
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
    fn blank_and_unknown_codes_are_reported() {
        let cur = ret(&[("Header", "CHILD,ETHNIC\n1,WBRI\n2,wbri\n3,White British\n4,\n5,WB\n")]);
        let found = run(&ETHNICITY_CODE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:2", "Header:3", "Header:4"]);
    }
}
