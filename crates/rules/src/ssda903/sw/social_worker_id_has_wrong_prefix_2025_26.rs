use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode whose `SW_ID` is blank, does not begin with `SW` or `XX` (case
    /// ignored), or is shorter than four characters (a prefix alone is not an identifier).
    ///
    /// ## Why it matters
    /// The DfE links social worker episodes to the social worker workforce collection through the
    /// registration number; any other identifier cannot be linked.
    ///
    /// ## Example
    /// `SW000` and `XX000` pass; `AA00`, `SW`, `XX1` and a blank `SW_ID` are reported.
    pub(crate) SOCIAL_WORKER_ID_HAS_WRONG_PREFIX,
    code: "SW02STG1",
    tables: ["SWEpisodes"],
    fields: ["SW_ID"],
    years: Y2025_26..,
    message: "Social worker ID does not begin with the characters ‘SW’ or ‘XX’.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    for r in sw {
        // `SwId` holds the identifier trimmed and upper-cased, as the reference reads it.
        let id = r.sw_id.value().map_or("", |id| id.as_str());
        if !(id.starts_with("SW") || id.starts_with("XX")) || id.chars().count() < 4 {
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
    fn wrong_prefix_or_bare_prefix_is_reported() {
        // The reference's cases (rule_SW02STG1.test_validate, 2025/26); `xx000` passes once
        // upper-cased as on every real read.
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_ID\n1,SW000\n2,XX000\n3,aa00\n4,xx000\n5,SW\n6,XX\n7,XX1\n8,\n",
        )]);
        let found = run(&SOCIAL_WORKER_ID_HAS_WRONG_PREFIX, CollectionYear::Y2025_26, &cur, None);
        assert_eq!(
            found,
            ["SWEpisodes:2", "SWEpisodes:4", "SWEpisodes:5", "SWEpisodes:6", "SWEpisodes:7"]
        );
    }
}
