use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `DECOM` (date started) is after 31 March at the end of the collection
    /// year. (The DfE message speaks of the date ceased; the rule checks the start.)
    ///
    /// ## Why it matters
    /// The return covers the year to 31 March; a later episode belongs to next year's return
    /// or has a wrong date.
    ///
    /// ## Example
    /// In 2024/25 `DECOM` 01/04/2025 is reported; 31/03/2025 is not.
    pub(crate) EPISODE_STARTS_AFTER_YEAR_END,
    code: "354",
    tables: ["Episodes"],
    fields: ["DECOM"],
    years: Y2022_23..,
    message: "Date episode ceased must be on or before the end of the current collection year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let end = ctx.end();
    for e in episodes {
        if e.decom.strict().is_some_and(|d| d > end) {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn episodes_starting_after_the_year_are_reported() {
        let cur =
            ret(&[("Episodes", "CHILD,DECOM\n1,01/04/2025\n2,31/03/2025\n3,\n4,01/04/2026\n")]);
        let found = run(&EPISODE_STARTS_AFTER_YEAR_END, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:3"]);
    }
}
