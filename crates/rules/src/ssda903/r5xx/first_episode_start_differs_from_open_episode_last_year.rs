use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::order::first_by_decom;

declare_rule! {
    /// ## What it checks
    /// A child with an episode in last year's return that has no `DEC` (still open): the
    /// `DECOM` of the child's first episode this year (earliest `DECOM`) must equal that open
    /// episode's `DECOM`, because it is the same episode continuing. Every open episode last
    /// year is compared, not only the latest.
    ///
    /// ## Why it matters
    /// Episodes open at 31 March carry over unchanged; a different start date breaks the link
    /// between the two returns and every duration measured across it.
    ///
    /// ## Example
    /// Last year: an open episode from 05/06/2020. This year's first episode starts
    /// 01/06/2020: reported. Starting 05/06/2020 it passes. An open episode last year whose
    /// `DECOM` cannot be read never matches.
    ///
    /// ## Reference behaviour
    /// A child none of whose episodes this year has a readable `DECOM` is skipped; the
    /// reference fails on the whole return instead (docs/disagreements.md). A `DEC` last
    /// year that is filled but unreadable counts as an ended episode, as in the reference.
    pub(crate) FIRST_EPISODE_START_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR,
    code: "502",
    tables: ["Episodes", "Episodes_last"],
    fields: ["DECOM"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Last year's record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year’s record.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(last) = ctx.last else { return };
    if ctx.cur.tables.episodes.if_supplied().is_none()
        || last.tables.episodes.if_supplied().is_none()
    {
        return;
    }
    for (child, prev_eps) in ctx.episodes_last().iter() {
        let mut open = prev_eps.iter().filter(|e| e.dec.is_blank()).peekable();
        if open.peek().is_none() {
            continue;
        }
        let Some(first) = first_by_decom(ctx.episodes().get(child)) else { continue };
        if open.any(|e| e.decom.strict() != first.decom.strict()) {
            out.flag(first);
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
    fn first_episode_starting_on_another_date_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM\n\
             111,01/06/2020\n\
             111,05/06/2020\n\
             111,06/06/2020\n\
             123,08/06/2020\n\
             222,05/06/2020\n\
             333,06/06/2020\n\
             333,07/06/2020\n\
             444,08/06/2020\n\
             444,09/06/2020\n\
             444,15/06/2020\n\
             555,15/06/2020\n",
        )]);
        let last = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC\n\
             111,05/06/2020,\n\
             123,08/06/2020,\n\
             222,09/06/2020,\n\
             333,06/06/2020,05/06/2020\n\
             333,07/06/2020,05/06/2020\n\
             444,08/06/2020,05/06/2020\n\
             444,09/06/2020,05/06/2020\n\
             444,19/06/2020,\n",
        )]);
        let rule = &FIRST_EPISODE_START_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR;
        let found = run(rule, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Episodes:0", "Episodes:4", "Episodes:7"]);
    }

    #[test]
    fn unreadable_open_start_last_year_never_matches() {
        let cur = ret(&[("Episodes", "CHILD,DECOM\n1,01/05/2024\n2,bad\n")]);
        let last = ret(&[("Episodes", "CHILD,DECOM,DEC\n1,bad,\n2,01/05/2023,\n")]);
        let rule = &FIRST_EPISODE_START_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR;
        assert_eq!(run(rule, CollectionYear::Y2024_25, &cur, Some(&last)), ["Episodes:0"]);
    }
}
