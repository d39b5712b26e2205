use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `DEC` (date the episode ceased) is given but is not a date written
    /// `dd/mm/yyyy`.
    ///
    /// ## Why it matters
    /// An unreadable end date leaves the episode looking open, which distorts who was looked after
    /// at 31 March.
    ///
    /// ## Example
    /// `01/01/2021` or blank (still open) passes; `38/04/2019` and `01/01/19` are reported.
    pub(crate) EPISODE_END_DATE_IS_NOT_VALID,
    code: "147",
    tables: ["Episodes"],
    fields: ["DEC"],
    years: Y2022_23..,
    message: "Date episode ceased is not a valid date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.episodes.if_supplied() else { return };
    for r in rows {
        if r.dec.is_present() && r.dec.strict().is_none() {
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
    fn malformed_dates_are_reported_and_blanks_are_not() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DEC\n1,01/01/2021\n2,19/02/2010\n3,38/04/2019\n4,01/01/19\n5,\n\
             6,2010-02-19\n",
        )]);
        let found = run(&EPISODE_END_DATE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:2", "Episodes:3", "Episodes:5"]);
    }
}
