use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode whose `SW_ID` is blank or does not begin with `SW` (a Social Work
    /// England registration number) or `XX` (a worker without one, such as an agency worker
    /// awaiting registration). Case is ignored.
    ///
    /// ## Why it matters
    /// The DfE links social worker episodes to the social worker workforce collection through the
    /// registration number; any other identifier cannot be linked.
    ///
    /// ## Example
    /// `SW000`, `XX000` and `sw123` pass; `AA00` and a blank `SW_ID` are reported.
    pub(crate) SOCIAL_WORKER_ID_HAS_WRONG_PREFIX,
    code: "SW02STG1",
    tables: ["SWEpisodes"],
    fields: ["SW_ID"],
    years: Y2023_24..=Y2024_25,
    message: "Social worker ID does not begin with the characters ‘SW’ or ‘XX’.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    for r in sw {
        // `SwId` holds the identifier trimmed and upper-cased, as the reference reads it.
        let id = r.sw_id.value().map_or("", |id| id.as_str());
        if !(id.starts_with("SW") || id.starts_with("XX")) {
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
    fn identifiers_not_starting_sw_or_xx_are_reported() {
        // The reference's cases (rule_SW02STG1.test_validate); its `xx000` fails only because
        // the test skips the upper-casing every real read does.
        let cur =
            ret(&[("SWEpisodes", "CHILD,SW_ID\n1,SW000\n2,XX000\n3,aa00\n4,xx000\n5,\n6,SW\n")]);
        let found = run(&SOCIAL_WORKER_ID_HAS_WRONG_PREFIX, CollectionYear::Y2023_24, &cur, None);
        assert_eq!(found, ["SWEpisodes:2", "SWEpisodes:4"]);
    }
}
