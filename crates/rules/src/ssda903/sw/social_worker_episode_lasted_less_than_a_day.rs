use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode whose `SW_DEC` is the same as its `SW_DECOM`: an allocation that
    /// began and ended on the same day.
    ///
    /// ## Why it matters
    /// An allocation of less than a day is almost always a recording correction rather than a real
    /// change of social worker, and it inflates the count of changes.
    ///
    /// ## Example
    /// `SW_DECOM` 01/01/2024 and `SW_DEC` 01/01/2024: reported. `SW_DEC` 02/01/2024, or a blank in
    /// either field: passes.
    ///
    /// ## Reference behaviour
    /// As the reference does, the two cells are compared as text (ignoring case), so `01/01/2024`
    /// and `1/1/2024` do not count as the same day, and two identical unreadable texts do.
    pub(crate) SOCIAL_WORKER_EPISODE_LASTED_LESS_THAN_A_DAY,
    code: "SW09STG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DECOM", "SW_DEC"],
    years: Y2023_24..=Y2024_25,
    message: "Social worker episode appears to have lasted for less than 24 hours.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    for r in sw {
        if r.sw_dec.is_present()
            && r.sw_decom.is_present()
            && r.sw_dec.raw().trim().eq_ignore_ascii_case(r.sw_decom.raw().trim())
        {
            out.flag(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn episode_ending_the_day_it_began_is_reported() {
        // The reference's cases (rule_SW09STG2.test_validate, 2023/24).
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DEC,SW_DECOM\n\
             1,01/01/2000,01/01/2000\n\
             1,01/01/2000,02/01/2000\n\
             2,01/01/1901,01/01/1901\n\
             2,01/01/1901,\n\
             3,,\n",
        )]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_LASTED_LESS_THAN_A_DAY,
            CollectionYear::Y2023_24,
            &cur,
            None,
        );
        assert_eq!(found, ["SWEpisodes:0", "SWEpisodes:2"]);
    }
}
