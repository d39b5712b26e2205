use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with a `DEC` (date ceased) but no `REC` (reason ceased), or a `REC` but no
    /// `DEC`.
    ///
    /// ## Why it matters
    /// An episode is either open (both blank) or closed (both given); half-closed episodes make
    /// it impossible to tell whether the child left care.
    ///
    /// ## Example
    /// `DEC` 04/06/2024 with `REC` X1 passes, as does an open episode; `DEC` without `REC` and
    /// `REC` without `DEC` are reported.
    pub(crate) EPISODE_END_DATE_AND_REASON_DISAGREE,
    code: "148",
    tables: ["Episodes"],
    fields: ["DEC", "REC"],
    years: Y2022_23..,
    message: "Date episode ceased and reason episode ceased must both be coded, or both left blank.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.dec.is_blank() != e.rec.is_blank() {
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
    fn the_references_cases() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,REC\n111,01/06/2020,04/06/2020,\n111,05/06/2020,06/06/2020,X1\n\
             111,06/06/2020,,X1\n111,08/06/2020,05/06/2020,X1\n222,05/06/2020,06/06/2020,\n\
             333,06/06/2020,07/06/2020,E11\n333,07/06/2020,,\n444,08/06/2020,09/06/2020,X1\n\
             444,09/06/2020,10/06/2020,E11\n444,15/06/2020,,\n",
        )]);
        let found =
            run(&EPISODE_END_DATE_AND_REASON_DISAGREE, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:2", "Episodes:4"]);
    }
}
