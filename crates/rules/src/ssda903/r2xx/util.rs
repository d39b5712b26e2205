//! Helpers shared by the rules in `r2xx` and `r4xx`: comparing cells as the reference compares
//! them (upper-cased text, blanks equal to each other), ordering a child's episodes as the
//! reference sorts them, date offsets, and the Ofsted provider lookup with every record of a URN.

use std::borrow::Cow;
use std::collections::HashMap;

use carelens_model::codes::PlacementType;
use carelens_model::{Date, Episode, LaCode, PlacementArea};

use crate::cells::text;
use crate::context::Ctx;
use crate::finding::Out;
use crate::providers::ProviderRecord;
/// Whether the placement type is one of `codes`. Codes are read strictly, as the reference's
/// `isin` on upper-cased text reads them: a blank or unrecognised `PLACE` is in no list.
pub(in crate::ssda903) fn place_in(e: &Episode, codes: &[PlacementType]) -> bool {
    e.place.strict().is_some_and(|p| codes.contains(&p))
}

/// The temporary placement types T0–T4.
pub(in crate::ssda903) const TEMPORARY: &[PlacementType] = {
    use PlacementType::*;
    &[T0, T1, T2, T3, T4]
};

/// The episode's URN when one is given and it is not `XXXXXXX`: the episodes the URN rules
/// look up in the Ofsted lists.
pub(in crate::ssda903) fn ofsted_urn(e: &Episode) -> Option<&str> {
    text(&e.urn).filter(|u| !u.eq_ignore_ascii_case("XXXXXXX"))
}
/// A child's first episode this year and last episode last year, as rules 452 and 453 pick
/// them (`groupby("CHILD")["DECOM"].idxmin()` / `idxmax()`): the earliest (latest) readable
/// `DECOM`, the first in file order among equals. A child with no readable `DECOM` has none
/// (the reference fails outright on such a child).
pub(in crate::ssda903) fn first_and_last_year_last<'a>(
    ctx: &Ctx<'a>,
) -> Vec<(&'a Episode, &'a Episode)> {
    let pick = |eps: &[&'a Episode], latest: bool| -> Option<&'a Episode> {
        let mut best: Option<(Date, &'a Episode)> = None;
        for e in eps {
            let Some(d) = e.decom.strict() else { continue };
            let better = best.is_none_or(|(b, _)| if latest { d > b } else { d < b });
            if better {
                best = Some((d, e));
            }
        }
        best.map(|(_, e)| e)
    };
    let last = ctx.episodes_last();
    let mut out = Vec::new();
    for (child, eps) in ctx.episodes().iter() {
        if !last.contains(child) {
            continue;
        }
        let last_eps: Vec<&'a Episode> = last.get(child).collect();
        if let (Some(first), Some(previous)) = (pick(&eps, false), pick(&last_eps, true)) {
            out.push((first, previous));
        }
    }
    out
}

/// Whether the derived `PL_LA` is an English authority: the reference treats any other value,
/// and a missing one (`"nan"` starts with N), as out of England in 218 (to 2024/25) and 230.
pub(in crate::ssda903) fn placed_in_england_la(e: &Episode) -> bool {
    matches!(e.geo.and_then(|g| g.pl_la), Some(PlacementArea::La(_)))
}

/// Whether the derived `PL_LA` is another UK nation or outside the UK (`NIR`, `SCO`, `WAL`,
/// `NUK`; carelens derives no `CON`).
pub(in crate::ssda903) fn placed_outside_england(e: &Episode) -> bool {
    matches!(
        e.geo.and_then(|g| g.pl_la),
        Some(
            PlacementArea::Wales
                | PlacementArea::Scotland
                | PlacementArea::NorthernIreland
                | PlacementArea::OutsideUk
        )
    )
}
/// Every record of the Ofsted lists by URN. The reference left-merges Episodes with the whole
/// provider table, so a URN listed twice (a home in both the children's homes and the social
/// care providers lists) gives two partner rows, and an episode is reported when either fails.
pub(in crate::ssda903) struct ProviderIndex<'a> {
    by_urn: HashMap<&'a str, Vec<&'a ProviderRecord>>,
}

impl<'a> ProviderIndex<'a> {
    /// Indexes the context's provider lists (empty when none were given).
    pub(in crate::ssda903) fn new(ctx: &Ctx<'a>) -> Self {
        let mut by_urn: HashMap<&'a str, Vec<&'a ProviderRecord>> = HashMap::new();
        for r in ctx.providers.map_or(&[][..], |p| p.records()) {
            by_urn.entry(r.urn.as_str()).or_default().push(r);
        }
        Self { by_urn }
    }

    /// The records of a URN as written in an episode (compared upper-cased); empty when the
    /// URN is not listed.
    pub(in crate::ssda903) fn get(&self, urn: &str) -> &[&'a ProviderRecord] {
        let key: Cow<'_, str> = if urn.bytes().any(|b| b.is_ascii_lowercase()) {
            Cow::Owned(urn.to_ascii_uppercase())
        } else {
            Cow::Borrowed(urn)
        };
        self.by_urn.get(key.as_ref()).map_or(&[], Vec::as_slice)
    }
}

/// The LA code inferred from a provider's postcode, whether the list gives it as a DfE code
/// (`316`) or as the ONS code the reference uses (`E09000025`).
pub(in crate::ssda903) fn record_la(r: &ProviderRecord) -> Option<LaCode> {
    let code = r.la_code_inferred.as_deref()?.trim();
    LaCode::parse(code).ok().or_else(|| carelens_geo::la_by_gss(code).map(|l| l.code))
}

/// The LA named in the Ofsted list for a provider, when the name is a known authority.
pub(in crate::ssda903) fn record_named_la(r: &ProviderRecord) -> Option<LaCode> {
    r.la_name.as_deref().and_then(carelens_geo::la_by_name).map(|l| l.code)
}

/// Rule 221, whose versions differ only in the placement types checked: an episode with an
/// Ofsted URN, not a short break, in one of `places`, with a placement postcode that differs
/// (spaces removed, case ignored) from the postcode of any Ofsted record of the URN (or the URN
/// is not listed, or the record has no postcode).
pub(in crate::ssda903) fn urn_postcode_mismatch(
    ctx: &Ctx<'_>,
    out: &mut Out<'_>,
    places: &[PlacementType],
) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let index = ProviderIndex::new(ctx);
    for e in episodes {
        let Some(urn) = ofsted_urn(e) else { continue };
        let short_break =
            e.ls.strict().is_some_and(carelens_model::codes::LegalStatus::is_short_break);
        let Some(pl_post) = text(&e.pl_post) else { continue };
        if short_break || !place_in(e, places) {
            continue;
        }
        let records = index.get(urn);
        let differs = records.is_empty()
            || records
                .iter()
                .any(|r| r.postcode.as_deref().is_none_or(|p| !same_postcode(pl_post, p)));
        if differs {
            out.flag(e);
        }
    }
}

/// Whether a postcode as sent equals a provider postcode (upper case, no spaces) once its
/// spaces are removed, as the reference compares `PL_POST.str.replace(" ", "")`.
fn same_postcode(sent: &str, provider: &str) -> bool {
    let mut a = sent.bytes().filter(|b| *b != b' ');
    let mut b = provider.bytes();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(&y) => {}
            _ => return false,
        }
    }
}

/// Rule 229, whose versions differ only in the placement types left out: an episode with an
/// Ofsted URN (and a placement type not in `skip`) whose provider is the LA's own (PR1) while
/// an Ofsted record of the URN lies in another LA (or the URN is not listed), or another LA's
/// (PR2) while a record lies in the validating LA.
pub(in crate::ssda903) fn provider_la_mismatch(
    ctx: &Ctx<'_>,
    out: &mut Out<'_>,
    skip: &[PlacementType],
) {
    use carelens_model::codes::PlacementProvider;
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let Some(la) = ctx.la else { return };
    let index = ProviderIndex::new(ctx);
    for e in episodes {
        let Some(urn) = ofsted_urn(e) else { continue };
        if place_in(e, skip) {
            continue;
        }
        let records = index.get(urn);
        let mismatch = match e.place_provider.strict() {
            Some(PlacementProvider::Pr1) => {
                records.is_empty() || records.iter().any(|r| record_la(r) != Some(la))
            }
            Some(PlacementProvider::Pr2) => records.iter().any(|r| record_la(r) == Some(la)),
            _ => false,
        };
        if mismatch {
            out.flag(e);
        }
    }
}

/// Rule 226 in every year (the 2025/26 version changed only its message): flags a temporary
/// placement (T0–T4) that gives a `REASON_PLACE_CHANGE`, or that follows (by `DECOM`) an
/// episode that gives one.
pub(in crate::ssda903) fn flag_reason_around_temporary_placement(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    // The episode's own reason (rows without a CHILD included).
    for e in episodes {
        if place_in(e, TEMPORARY) && e.reason_place_change.is_present() {
            out.flag(e);
        }
    }
    // The previous episode's reason.
    for (_, eps) in ctx.episodes_by_decom().iter() {
        for pair in eps.windows(2) {
            if let [prev, e] = pair
                && place_in(e, TEMPORARY)
                && prev.reason_place_change.is_present()
            {
                out.flag(*e);
            }
        }
    }
}

#[cfg(test)]
pub(in crate::ssda903) mod test_support {
    use carelens_model::Date;

    use crate::providers::{ProviderRecord, Providers};

    /// A provider record for tests: URN, placement codes, provider codes, registration end,
    /// postcode (no spaces), inferred LA code.
    pub(in crate::ssda903) fn record(
        urn: &str,
        place: &[&str],
        provider: &[&str],
        reg_end: Option<Date>,
        postcode: Option<&str>,
        la: Option<&str>,
    ) -> ProviderRecord {
        ProviderRecord {
            urn: urn.to_owned(),
            la_name: None,
            place_codes: place.iter().map(|s| (*s).to_owned()).collect(),
            provider_codes: provider.iter().map(|s| (*s).to_owned()).collect(),
            reg_end,
            postcode: postcode.map(str::to_owned),
            la_code_inferred: la.map(str::to_owned),
        }
    }

    /// Provider lists from records.
    pub(in crate::ssda903) fn providers(records: Vec<ProviderRecord>) -> Providers {
        Providers::new(records)
    }
}
