use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `DEC` (date ceased) is the same day as its `DECOM` (date started).
    ///
    /// ## Why it matters
    /// The DfE does not record episodes of less than a day: a same-day change means one of the
    /// two episodes around it should not exist, and it inflates placement counts.
    ///
    /// ## Example
    /// `DECOM` 01/06/2024 with `DEC` 01/06/2024 is reported; with `DEC` 02/06/2024 or blank it
    /// is not.
    ///
    /// ## Reference behaviour
    /// The reference compares the two cells as text: it reports an episode whose `DECOM` and
    /// `DEC` are both blank, or both the same unreadable text, and misses `01/06/2024` against
    /// `1/6/2024`. carelens compares dates, so only two readable, equal dates are reported.
    /// See `docs/disagreements.md`.
    pub(crate) EPISODE_ENDS_ON_DAY_IT_STARTS,
    code: "355",
    tables: ["Episodes"],
    fields: ["DECOM", "DEC"],
    years: Y2022_23..,
    message: "Episode appears to have lasted for less than 24 hours",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if let (Some(decom), Some(dec)) = (e.decom.strict(), e.dec.strict())
            && decom == dec
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
    fn same_day_episodes_are_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC\n1,01/06/2024,01/06/2024\n2,01/06/2024,02/06/2024\n3,01/06/2024,\n\
             4,,\n5,xx,xx\n6,01/06/2024,1/6/2024\n",
        )]);
        let found = run(&EPISODE_ENDS_ON_DAY_IT_STARTS, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:5"]);
    }
}
