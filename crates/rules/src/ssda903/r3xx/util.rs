//! Helpers shared by the rules 300–399: date arithmetic as the reference does it, code
//! comparisons on the text as sent, and episode ordering.

use std::collections::HashSet;

use carelens_model::codes::{LegalStatus, PlacementType, ReasonNewEpisode, SexCode};
use carelens_model::{Episode, Field, Postcode};

use crate::cells::equal_text;
use crate::cells::{has_uasc_flags, is_uasc};
use crate::context::Ctx;
use crate::dates::{days_between, lenient, plus_days, plus_years};
use crate::finding::Out;
use crate::order::nat_last;
/// Whether two postcode cells hold the same postcode: compared in normal form (case and
/// spaces ignored) when both are postcodes, else as text without spaces. A blank cell equals
/// nothing.
pub(super) fn same_postcode(a: &Field<Postcode>, b: &Field<Postcode>) -> bool {
    if a.is_blank() || b.is_blank() {
        return false;
    }
    match (a.value(), b.value()) {
        (Some(x), Some(y)) => x == y,
        _ => {
            let squash = |t: &str| -> String {
                t.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect()
            };
            squash(a.raw()) == squash(b.raw())
        }
    }
}
/// Rules 361 and 362: flags every episode of a spell under `status` that lasted more than
/// `max_days`. A spell is a run of `status` episodes of one child, consecutive by `DECOM`, each
/// starting on the day the previous one ended; it lasts from its earliest `DECOM` to its
/// latest `DEC`, an open or unreadable `DEC` counting as 31 March.
pub(super) fn flag_long_status_spells(
    ctx: &Ctx<'_>,
    out: &mut Out<'_>,
    status: LegalStatus,
    max_days: i32,
) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    let end = ctx.end();
    let dec = |e: &Episode| e.dec.strict().unwrap_or(end);
    let mut spell: Vec<&Episode> = Vec::new();
    let close = |spell: &mut Vec<&Episode>, out: &mut Out<'_>| {
        let first = spell.iter().filter_map(|e| e.decom.strict()).min();
        let last = spell.iter().map(|e| dec(e)).max();
        if let (Some(first), Some(last)) = (first, last)
            && days_between(first, last) > max_days
        {
            for e in spell.iter() {
                out.flag(*e);
            }
        }
        spell.clear();
    };
    for (_, eps) in ctx.episodes_by_decom().iter() {
        if !eps.iter().any(|e| e.ls.strict() == Some(status)) {
            continue;
        }
        let mut prev: Option<&Episode> = None;
        for e in eps {
            if e.ls.strict() != Some(status) {
                close(&mut spell, out);
            } else {
                let continues = prev.is_some_and(|p| {
                    p.ls.strict() == Some(status) && Some(dec(p)) == e.decom.strict()
                });
                if !continues {
                    close(&mut spell, out);
                }
                spell.push(e);
            }
            prev = Some(e);
        }
        close(&mut spell, out);
    }
}

/// Rules 363 and 364: flags every episode of a period under `status` whose episodes add up to
/// more than `max_days`. Only episodes with a readable `DECOM` count; a blank `DEC` counts as
/// 31 March (an unreadable one gives the episode no length). Within a child, by `DECOM`, an
/// episode starts a new period when it starts after the previous one ended.
pub(super) fn flag_long_status_periods(
    ctx: &Ctx<'_>,
    out: &mut Out<'_>,
    status: LegalStatus,
    max_days: i32,
) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    let end = ctx.end();
    let dec = |e: &Episode| if e.dec.is_blank() { Some(end) } else { e.dec.strict() };
    let mut period: Vec<&Episode> = Vec::new();
    let mut total = 0;
    for (_, eps) in ctx.episodes_by_decom().iter() {
        let eps: Vec<&Episode> = eps
            .into_iter()
            .filter(|e| e.ls.strict() == Some(status) && e.decom.strict().is_some())
            .collect();
        if eps.is_empty() {
            continue;
        }
        for e in eps {
            let Some(decom) = e.decom.strict() else { continue };
            // A new period when this episode starts after the previous one ended; an
            // unreadable end date never starts one (comparisons with NaT are false).
            let new_period = period.last().is_none_or(|p| dec(p).is_some_and(|d| decom > d));
            if new_period {
                if total > max_days {
                    period.iter().for_each(|p| out.flag(*p));
                }
                period.clear();
                total = 0;
            }
            total += dec(e).map_or(0, |d| days_between(decom, d));
            period.push(e);
        }
        if total > max_days {
            period.iter().for_each(|p| out.flag(*p));
        }
        period.clear();
        total = 0;
    }
}

/// Rules 370–374: flags each episode in placement `place` that starts before the child's
/// birthday of `age` (by any of the child's Header rows). Needs the Header table.
pub(super) fn flag_placed_under_age(
    ctx: &Ctx<'_>,
    out: &mut Out<'_>,
    place: PlacementType,
    age: i16,
) {
    if ctx.cur.tables.header.if_supplied().is_none() {
        return;
    }
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.place.strict() != Some(place) {
            continue;
        }
        let (Some(child), Some(decom)) = (e.child.value(), e.decom.strict()) else { continue };
        let too_young = ctx
            .header()
            .get(child.as_str())
            .filter_map(|h| h.dob.strict().and_then(|dob| plus_years(dob, age)))
            .any(|b| decom < b);
        if too_young {
            out.flag(e);
        }
    }
}

/// Rules 375, 376 and 379: flags each episode in placement `place` that ends more than
/// `max_days` after it starts. Open episodes are not measured. Needs the Header table (the
/// reference skips the rule without it).
pub(super) fn flag_placement_over_days(
    ctx: &Ctx<'_>,
    out: &mut Out<'_>,
    place: PlacementType,
    max_days: i32,
) {
    if ctx.cur.tables.header.if_supplied().is_none() {
        return;
    }
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.place.strict() != Some(place) {
            continue;
        }
        let limit = e.decom.strict().and_then(|d| plus_days(d, max_days));
        if let (Some(dec), Some(limit)) = (e.dec.strict(), limit)
            && dec > limit
        {
            out.flag(e);
        }
    }
}

/// Children known to have been UASC this year or last (392a, 392b): Header rows with `UASC`
/// = 1, or, where a year's Header table was not sent, that year's UASC rows with any detail
/// filled in. `None` when neither year carries UASC information at all (no UASC flag column
/// and no UASC table), as the reference then cannot tell.
pub(super) fn formerly_uasc<'a>(ctx: &Ctx<'a>) -> Option<HashSet<&'a str>> {
    let years = std::iter::once(ctx.cur).chain(ctx.last);
    let mut known = false;
    let mut children = HashSet::new();
    for ret in years {
        let t = &ret.tables;
        if t.header.supplied {
            if has_uasc_flags(ret) {
                known = true;
                children.extend(
                    t.header
                        .iter()
                        .filter(|h| is_uasc(h))
                        .filter_map(|h| h.child.value().map(|c| c.as_str())),
                );
            }
        } else if t.uasc.supplied {
            known = true;
            children.extend(
                t.uasc
                    .iter()
                    .filter(|u| u.sex.is_present() || u.dob.is_present() || u.duc.is_present())
                    .filter_map(|u| u.child.value().map(|c| c.as_str())),
            );
        }
    }
    known.then_some(children)
}

/// Rule 383, whose versions differ only in whether the placement address must match too: flags
/// the episode after a temporary placement (T0–T4) that does not return the child to the
/// placement before it (`RNE` P and the same `PLACE`; from 2025/26 also the same `PL_POST`,
/// two blanks counting as the same). A child's episodes are ordered as the reference orders
/// them: by `DECOM` read leniently (`pd.to_datetime(dayfirst=True)`, so `29/06/24` is a date),
/// unreadable dates last, file order among equals.
pub(super) fn flag_no_return_after_temporary_placement(
    ctx: &Ctx<'_>,
    out: &mut Out<'_>,
    same_address: bool,
) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    let temporary = |e: &Episode| e.place.strict().is_some_and(|p| p.is_temporary());
    for (_, mut eps) in ctx.episodes().iter() {
        if eps.len() < 3 || !eps.iter().any(|e| temporary(e)) {
            continue;
        }
        eps.sort_by(|a, b| nat_last(lenient(&a.decom), lenient(&b.decom)));
        for w in eps.windows(3) {
            let [before, temp, after] = w else { continue };
            if !temporary(temp) {
                continue;
            }
            let address_differs = same_address
                && !((after.pl_post.is_blank() && before.pl_post.is_blank())
                    || same_postcode(&after.pl_post, &before.pl_post));
            if after.rne.strict() != Some(ReasonNewEpisode::P)
                || !equal_text(&after.place, &before.place)
                || address_differs
            {
                out.flag(*after);
            }
        }
    }
}

/// Rule 393, whose versions differ only in the code for female (`2` to 2023/24, `F` from
/// 2024/25): flags each Header row of a girl with a blank `MOTHER` who has an episode other than
/// a short break (V3, V4) this year.
pub(super) fn flag_girl_without_mother_field(ctx: &Ctx<'_>, out: &mut Out<'_>, female: SexCode) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for h in header {
        if h.sex.strict() != Some(female) || h.mother.is_present() {
            continue;
        }
        let Some(child) = h.child.value() else { continue };
        let looked_after = ctx
            .episodes()
            .get(child.as_str())
            .any(|e| !e.ls.strict().is_some_and(LegalStatus::is_short_break));
        if looked_after {
            out.flag(h);
        }
    }
}
