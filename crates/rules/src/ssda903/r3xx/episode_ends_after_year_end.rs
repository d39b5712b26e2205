use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `DEC` (date ceased) is after 31 March at the end of the collection
    /// year.
    ///
    /// ## Why it matters
    /// The return describes care up to 31 March; a later end date is either a typing error or
    /// a forecast, and an episode still open at 31 March must have `DEC` blank.
    ///
    /// ## Example
    /// In 2024/25 `DEC` 01/04/2025 is reported; 31/03/2025 or blank is not.
    pub(crate) EPISODE_ENDS_AFTER_YEAR_END,
    code: "385",
    tables: ["Episodes"],
    fields: ["DEC"],
    years: Y2022_23..,
    message: "Date episode ceased must be on or before the end of the current collection year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let end = ctx.end();
    for e in episodes {
        if e.dec.strict().is_some_and(|d| d > end) {
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
    fn episodes_ending_after_the_year_are_reported() {
        let cur = ret(&[("Episodes", "CHILD,DEC\n1,01/04/2025\n2,31/03/2025\n3,\n4,xx\n")]);
        let found = run(&EPISODE_ENDS_AFTER_YEAR_END, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0"]);
    }
}
