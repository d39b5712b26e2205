use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `DEC` (date ceased) is earlier than its own `DECOM` (date started).
    ///
    /// ## Why it matters
    /// A negative episode length corrupts days-in-care totals and every stability indicator.
    ///
    /// ## Example
    /// `DECOM` 10/05/2024 with `DEC` 01/05/2024 is reported; an open episode is not.
    pub(crate) EPISODE_ENDS_BEFORE_IT_STARTS,
    code: "356",
    tables: ["Episodes"],
    fields: ["DECOM"],
    years: Y2022_23..,
    message: "The date the episode ceased is before the date the same episode started.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if let (Some(decom), Some(dec)) = (e.decom.strict(), e.dec.strict())
            && dec < decom
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
    fn episodes_ending_before_they_start_are_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC\n1,10/05/2024,01/05/2024\n2,10/05/2024,10/05/2024\n3,10/05/2024,\n\
             4,,01/05/2024\n5,10/05/2024,11/05/2024\n",
        )]);
        let found = run(&EPISODE_ENDS_BEFORE_IT_STARTS, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0"]);
    }
}
