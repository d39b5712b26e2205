use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::dates::plus_days;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode of short-break care (`LS` V3) that ends more than 17 days after it starts. An
    /// open episode counts to 31 March.
    ///
    /// ## Why it matters
    /// Each short break in a series agreed under V3 lasts at most 17 days; a longer one is not
    /// a short break and the child should have another legal status.
    ///
    /// ## Example
    /// V3 from 01/06/2024 to 19/06/2024 (18 days) is reported; to 18/06/2024 it is not.
    pub(crate) RESPITE_PLACEMENT_OVER_17_DAYS,
    code: "365",
    tables: ["Episodes"],
    fields: ["LS", "DECOM", "DEC"],
    years: Y2022_23..,
    message: "Any individual short- term respite placement must not exceed 17 days.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let end = ctx.end();
    for e in episodes {
        if e.ls.strict() != Some(LegalStatus::V3) {
            continue;
        }
        // A blank DEC counts as 31 March; an unreadable one cannot be measured.
        let dec = if e.dec.is_blank() { Some(end) } else { e.dec.strict() };
        let limit = e.decom.strict().and_then(|d| plus_days(d, 17));
        if let (Some(dec), Some(limit)) = (dec, limit)
            && dec > limit
        {
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
    fn short_breaks_over_17_days_are_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,LS\n1,01/06/2024,19/06/2024,V3\n2,01/06/2024,18/06/2024,V3\n\
             3,01/03/2025,,V3\n4,01/06/2024,19/06/2024,V4\n5,01/06/2024,xx,V3\n\
             6,01/01/2025,,V3\n",
        )]);
        let found = run(&RESPITE_PLACEMENT_OVER_17_DAYS, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:2", "Episodes:5"]);
    }
}
