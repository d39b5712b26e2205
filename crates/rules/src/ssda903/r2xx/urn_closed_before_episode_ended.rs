use super::util::{ProviderIndex, ofsted_urn};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with an Ofsted `URN` (not `XXXXXXX`) that ended (`DEC`) after the date the
    /// setting's registration ended according to the Ofsted lists, or that is still open
    /// although the registration ended before 31 March. An unreadable `DEC` counts as open.
    ///
    /// ## Why it matters
    /// A child cannot stay in a setting after it closed or was deregistered; the placement
    /// should have ended, or the URN is wrong.
    ///
    /// ## Example
    /// URN closed 25/12/2015: an episode ending 25/12/2016 is reported, one ending 25/12/2015
    /// passes. In the 2014/15 return an open episode at a URN closed 01/02/2015 is reported.
    pub(crate) URN_CLOSED_BEFORE_EPISODE_ENDED,
    code: "228",
    tables: ["Episodes", "Provider Info"],
    fields: ["URN", "DEC"],
    years: Y2022_23..,
    needs: [providers],
    message: "Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may give false positives on open episodes at providers who close during the year]",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let index = ProviderIndex::new(ctx);
    for e in episodes {
        let Some(urn) = ofsted_urn(e) else { continue };
        let ended = e.dec.strict().unwrap_or(ctx.end());
        if index.get(urn).iter().any(|r| r.reg_end.is_some_and(|end| ended > end)) {
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
    fn episode_ending_after_closure_is_reported() {
        // The reference's own cases (rule_228.test_validate), collection year 2014/15.
        let cur = ret(&[(
            "Episodes",
            "CHILD,DEC,URN\n1111,,1000001\n1111,01/02/2015,\n1111,,1000003\n2222,01/01/2010,XXXXXXX\n\
             3333,01/01/2010,1000002\n3333,25/12/2015,1000002\n4444,25/12/2016,1000001\n\
             5555,01/01/2010,1000004\n5555,25/12/2015,1000001\n",
        )]);
        let p = providers(vec![
            record("1000001", &[], &[], Some(Date::constant(2015, 12, 25)), None, None),
            record("1000002", &[], &[], Some(Date::constant(2014, 2, 21)), None, None),
            record("1000003", &[], &[], Some(Date::constant(2015, 2, 1)), None, None),
            record("1000004", &[], &[], None, None, None),
        ]);
        let year = CollectionYear::from_end_year(2015).unwrap();
        let c = ctx(year, None, &cur, None, Some(&p));
        let found = run_with(&URN_CLOSED_BEFORE_EPISODE_ENDED, &c);
        assert_eq!(found, ["Episodes:2", "Episodes:5", "Episodes:6"]);
    }
}
