use carelens_model::codes::ReasonNewEpisode;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::order::last_by_decom;

declare_rule! {
    /// ## What it checks
    /// An adopted child whose AD1 `DATE_INT` (decision that the child should be placed for
    /// adoption) is before the start of the latest period of care: the `DECOM` of the child's
    /// latest episode with `RNE` = S. The episode and the AD1 row are both reported.
    ///
    /// ## Why it matters
    /// The decision is taken while the child is looked after; a decision dated before care
    /// began points to a wrong date or a missing period of care.
    ///
    /// ## Example
    /// Care started (RNE S) on 01/01/2020 and `DATE_INT` 26/05/2019: both rows are reported.
    /// `DATE_INT` 26/05/2021 passes.
    ///
    /// ## Reference behaviour
    /// The reference fails (reports nothing for the whole return) when a child's `RNE` = S
    /// episodes all have an unreadable `DECOM`; carelens skips that child. See
    /// `docs/disagreements.md`.
    pub(crate) ADOPTION_DECISION_BEFORE_CARE_STARTED,
    code: "334",
    tables: ["Episodes", "AD1"],
    fields: ["DATE_INT", "DECOM", "RNE"],
    years: Y2022_23..,
    message: "Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption. ",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(ad1) = ctx.cur.tables.ad1.if_supplied() else { return };
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for a in ad1 {
        let (Some(child), Some(decided)) = (a.child.value(), a.date_int.strict()) else {
            continue;
        };
        let starts = ctx
            .episodes()
            .get(child.as_str())
            .filter(|e| e.rne.strict() == Some(ReasonNewEpisode::S));
        let Some(latest) = last_by_decom(starts) else { continue };
        if latest.decom.strict().is_some_and(|decom| decided < decom) {
            out.flag(latest);
            out.flag(a);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn decision_before_the_latest_care_start_is_reported() {
        // The reference's own cases.
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,RNE\n101,01/03/1980,S\n102,01/03/1980,o\n102,01/03/1980,S\n\
                 103,01/02/1970,o\n103,01/03/1979,S\n103,01/01/1980,S\n104,01/03/1979,o\n\
                 104,01/01/1981,o\n105,01/03/1979,o\n105,01/01/2020,S\n105,26/05/2021,o\n",
            ),
            (
                "AD1",
                "CHILD,DATE_INT\n101,26/05/1978\n102,\n103,26/05/1981\n104,01/02/1960\n\
                 105,26/05/2019\n",
            ),
        ]);
        let found =
            run(&ADOPTION_DECISION_BEFORE_CARE_STARTED, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:9", "AD1:0", "AD1:4"]);
    }
}
