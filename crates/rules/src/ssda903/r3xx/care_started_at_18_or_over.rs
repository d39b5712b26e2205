use carelens_model::codes::ReasonNewEpisode;

use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with `RNE` = S (started to be looked after) whose `DECOM` is on or after the
    /// child's 18th birthday.
    ///
    /// ## Why it matters
    /// A child cannot start to be looked after as an adult; the date of birth or the episode
    /// is wrong.
    ///
    /// ## Example
    /// `DOB` 01/06/2006 and an S episode starting 01/06/2024 is reported; starting 31/05/2024
    /// it is not.
    pub(crate) CARE_STARTED_AT_18_OR_OVER,
    code: "352",
    tables: ["Header", "Episodes"],
    fields: ["DECOM", "RNE"],
    years: Y2022_23..,
    message: "Child who started to be looked after was aged 18 or over.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.header.if_supplied().is_none() {
        return;
    }
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.rne.strict() != Some(ReasonNewEpisode::S) {
            continue;
        }
        let (Some(child), Some(decom)) = (e.child.value(), e.decom.strict()) else { continue };
        let adult = ctx
            .header()
            .get(child.as_str())
            .filter_map(|h| h.dob.strict().and_then(|dob| plus_years(dob, 18)))
            .any(|eighteen| eighteen <= decom);
        if adult {
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
    fn care_starting_on_or_after_the_18th_birthday_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,RNE\n1,01/06/2024,S\n1,31/05/2024,S\n1,02/06/2024,P\n2,01/06/2024,s\n\
                 3,01/06/2024,S\n",
            ),
            ("Header", "CHILD,DOB\n1,01/06/2006\n2,01/01/2000\n3,\n"),
        ]);
        let found = run(&CARE_STARTED_AT_18_OR_OVER, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:3"]);
    }
}
