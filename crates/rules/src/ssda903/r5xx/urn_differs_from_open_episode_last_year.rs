use super::first_episode_vs_last_year::report_changes;
use crate::cells::same_text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child whose last episode in last year's return was still open (no `DEC`): the first
    /// episode of this year (earliest `DECOM`) must carry the same Ofsted `URN` as that open
    /// episode.
    ///
    /// ## Why it matters
    /// A different setting is a different placement; a URN that changes across the year
    /// boundary without a new episode hides a move.
    ///
    /// ## Example
    /// Last year's open episode has no `URN` and this year's first episode `SC055123`:
    /// reported. `SC055123` in both passes.
    ///
    /// ## Reference behaviour
    /// A child none of whose episodes (this year or last) has a readable `DECOM` is skipped;
    /// the reference fails on the whole return instead (docs/disagreements.md).
    pub(crate) URN_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR,
    code: "503F",
    tables: ["Episodes", "Episodes_last"],
    fields: ["URN"],
    years: Y2022_23..,
    needs: [last_year],
    message: "The Ofsted URN in the  first episode does not match open episode at end of last year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_changes(ctx, out, |first, open| !same_text(&first.urn, &open.urn));
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case.
    #[test]
    fn first_episode_in_another_setting_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,URN\n\
             111,01/06/2020,,SC055123\n\
             111,05/06/2020,,SC055123\n\
             111,06/06/2020,,SC055123\n\
             123,08/06/2020,,SC055123\n\
             222,05/06/2020,,SC055123\n\
             333,06/06/2020,,SC055123\n\
             333,07/06/2020,,SC055123\n\
             444,07/06/2020,,SC055123\n",
        )]);
        let last = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,URN\n\
             111,01/06/2020,,\n\
             123,08/06/2020,,SC055123\n\
             222,05/06/2020,,XXX\n\
             333,06/06/2020,,\n\
             444,08/06/2020,,XXX\n\
             444,09/06/2020,,SC055123\n\
             444,19/06/2020,,SC055123\n",
        )]);
        let rule = &URN_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR;
        let found = run(rule, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Episodes:0", "Episodes:4", "Episodes:5"]);
    }
}
