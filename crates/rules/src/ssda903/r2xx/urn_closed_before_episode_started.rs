use super::util::{ProviderIndex, ofsted_urn};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with an Ofsted `URN` (not `XXXXXXX`) that started (`DECOM`) on or after the
    /// date the setting's registration ended according to the Ofsted lists.
    ///
    /// ## Why it matters
    /// A child cannot be placed in a setting that had already closed or been deregistered; the
    /// URN is probably that of a predecessor setting or mistyped.
    ///
    /// ## Example
    /// URN closed 25/12/2015: an episode starting 25/12/2015 or later is reported; one starting
    /// 01/01/2010 passes. A URN with no end date, or not listed: passes.
    pub(crate) URN_CLOSED_BEFORE_EPISODE_STARTED,
    code: "227",
    tables: ["Episodes", "Provider Info"],
    fields: ["URN", "DECOM"],
    years: Y2022_23..,
    needs: [providers],
    message: "Ofsted Unique reference number (URN) is not valid for the episode start date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let index = ProviderIndex::new(ctx);
    for e in episodes {
        let (Some(urn), Some(decom)) = (ofsted_urn(e), e.decom.strict()) else { continue };
        if index.get(urn).iter().any(|r| r.reg_end.is_some_and(|end| decom >= end)) {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::{CollectionYear, Date};

    use super::*;
    use crate::ssda903::r2xx::util::test_support::{providers, record};
    use crate::testing::{ctx, ret, run_with};

    #[test]
    fn episode_starting_after_closure_is_reported() {
        // The reference's own cases (rule_227.test_validate).
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,URN\n1111,01/01/2014,1000001\n1111,01/02/2015,\n1111,01/01/2016,1000003\n\
             2222,01/01/2010,XXXXXXX\n3333,01/01/2010,1000002\n3333,25/12/2015,1000002\n\
             4444,25/12/2016,1000001\n5555,01/01/2010,1000004\n5555,25/12/2015,1000001\n",
        )]);
        let p = providers(vec![
            record("1000001", &[], &[], Some(Date::constant(2015, 12, 25)), None, None),
            record("1000002", &[], &[], Some(Date::constant(2014, 2, 21)), None, None),
            record("1000003", &[], &[], Some(Date::constant(2017, 12, 25)), None, None),
            record("1000003", &[], &[], None, None, None),
        ]);
        let c = ctx(CollectionYear::Y2024_25, None, &cur, None, Some(&p));
        let found = run_with(&URN_CLOSED_BEFORE_EPISODE_STARTED, &c);
        assert_eq!(found, ["Episodes:5", "Episodes:6", "Episodes:8"]);
    }
}
