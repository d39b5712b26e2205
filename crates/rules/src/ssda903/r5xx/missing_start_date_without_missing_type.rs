use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Missing row with `MIS_START` filled but `MISSING` (whether the child was missing or
    /// away without authorisation) blank.
    ///
    /// ## Why it matters
    /// Missing and away periods are published separately; a period of unknown type cannot be
    /// counted in either.
    ///
    /// ## Example
    /// `MIS_START` 07/02/2020 with no `MISSING`: reported. With `MISSING` A it passes.
    pub(crate) MISSING_START_DATE_WITHOUT_MISSING_TYPE,
    code: "565",
    tables: ["Missing"],
    fields: ["MISSING", "MIS_START"],
    years: Y2022_23..,
    message: "The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(missing) = ctx.cur.tables.missing.if_supplied() else { return };
    for m in missing {
        if m.mis_start.is_present() && m.missing.is_blank() {
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
    fn start_date_without_type_is_reported() {
        let cur = ret(&[(
            "Missing",
            "MISSING,MIS_START\nM,\n,07/02/2020\nA,03/02/2020\n,\nM,\nA,13/02/2020\n",
        )]);
        let found =
            run(&MISSING_START_DATE_WITHOUT_MISSING_TYPE, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Missing:1"]);
    }
}
