use carelens_model::{Date, Upn};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child whose `UPN` is UN4 ("UPN not yet obtained: child recently looked after") with an
    /// episode starting on or after 24 March of the collection year's end (24/03/2025 for
    /// 2024/25). Reports the episodes and the Header row.
    ///
    /// ## Why it matters
    /// UN4 is only for children who started to be looked after in the last week of the year;
    /// for anyone else the LA has had time to obtain the UPN.
    ///
    /// ## Example
    /// 2019/20 return, UN4 and an episode starting 30/03/2020: the episode and the Header row
    /// are reported. UN4 with episodes starting 01/01/2020 only: passes.
    ///
    /// ## Reference behaviour
    /// As the reference, which reports the episodes that start in the last week, the opposite
    /// of what the message says (the DfE's own condition reads the same way).
    pub(crate) CHILD_LOOKED_AFTER_OVER_A_WEEK_HAS_UPN_UN4,
    code: "210",
    tables: ["Header", "Episodes"],
    fields: ["UPN", "DECOM"],
    years: Y2022_23..,
    message: "Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(episodes)) =
        (ctx.cur.tables.header.if_supplied(), ctx.cur.tables.episodes.if_supplied())
    else {
        return;
    };
    let Ok(reference_date) = Date::new(ctx.end().year(), 3, 24) else { return };
    let header = ctx.header();
    for e in episodes {
        let Some(child) = e.child.value().map(|c| c.as_str()) else { continue };
        if e.decom.strict().is_none_or(|d| d < reference_date) {
            continue;
        }
        let mut un4 = false;
        for h in header.get(child).filter(|h| h.upn.strict_ref() == Some(&Upn::Unknown(4))) {
            out.flag(h);
            un4 = true;
        }
        if un4 {
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
    fn un4_with_a_late_episode_is_reported() {
        // The reference's own cases (rule_210.test_validate), collection year 2019/20.
        let cur = ret(&[
            ("Header", "CHILD,UPN\n111,UN4\n123,\n333,UN3\n444,UN4\n667,UN4\n"),
            (
                "Episodes",
                "CHILD,DECOM\n111,01/01/2020\n111,11/01/2020\n111,30/03/2020\n123,01/01/2020\n\
                 123,11/01/2020\n333,01/01/2020\n333,22/01/2020\n333,11/01/2020\n444,22/01/2020\n\
                 444,25/03/2020\n444,01/01/2020\n667,01/01/2020\n",
            ),
        ]);
        let year = CollectionYear::from_end_year(2020).unwrap();
        let found = run(&CHILD_LOOKED_AFTER_OVER_A_WEEK_HAS_UPN_UN4, year, &cur, None);
        assert_eq!(found, ["Header:0", "Header:3", "Episodes:2", "Episodes:9"]);
    }
}
