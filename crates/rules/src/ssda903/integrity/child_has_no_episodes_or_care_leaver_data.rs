use std::collections::HashSet;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row whose child has no row in Episodes and none in OC3. (A child in the return is
    /// either looked after during the year, with episodes, or a care leaver, with OC3 data.)
    ///
    /// ## Why it matters
    /// The DfE portal cannot validate a child further until its episodes are loaded; here it
    /// usually means the Episodes file is incomplete or a child was left in Header by mistake.
    ///
    /// ## Example
    /// Header children 101, 102, 103 and 106, episodes for 101 and 103, no OC3: 102 and 106 are
    /// reported. A missing Episodes or OC3 table counts as empty.
    ///
    /// ## Reference behaviour
    /// As the reference's join does, a Header row with a blank `CHILD` counts as matched by an
    /// Episodes or OC3 row with a blank `CHILD`.
    pub(crate) CHILD_HAS_NO_EPISODES_OR_CARE_LEAVER_DATA,
    code: "EPI",
    tables: ["Header"],
    fields: ["CHILD"],
    years: Y2022_23..,
    message: "WARNING: Episodes need to be loaded for this child before further validation is possible [NOTE: This refers to the DfE portal - here, all checks that can be performed with only the available data will be.]",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    let episodes = ctx.episodes();
    // Children with OC3 data; `None` stands for a blank CHILD.
    let oc3: HashSet<Option<&str>> =
        ctx.cur.tables.oc3.rows.iter().map(|r| r.child.value().map(|c| c.as_str())).collect();
    let blank_episode = ctx.cur.tables.episodes.rows.iter().any(|e| e.child.is_blank());
    for h in header {
        let child = h.child.value().map(|c| c.as_str());
        let has_episodes = child.map_or(blank_episode, |c| episodes.contains(c));
        if !has_episodes && !oc3.contains(&child) {
            out.flag(h);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn child_without_episodes_or_oc3_is_reported() {
        // The reference's cases (rule_EPI.test_validate), plus an OC3 child.
        let cur = ret(&[
            ("Header", "CHILD,SEX\n101,M\n102,M\n103,M\n106,M\n107,F\n"),
            ("Episodes", "CHILD,DECOM\n101,01/04/2024\n101,01/05/2024\n103,01/04/2024\n"),
            ("OC3", "CHILD,DOB\n107,01/01/2006\n"),
        ]);
        let found =
            run(&CHILD_HAS_NO_EPISODES_OR_CARE_LEAVER_DATA, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:1", "Header:3"]);
    }

    #[test]
    fn missing_tables_count_as_empty() {
        let cur = ret(&[("Header", "CHILD,SEX\n101,M\n")]);
        let found =
            run(&CHILD_HAS_NO_EPISODES_OR_CARE_LEAVER_DATA, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:0"]);
    }
}
