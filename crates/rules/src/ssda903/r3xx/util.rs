//! Helpers shared by the rules 300–399: date arithmetic as the reference does it, code
//! comparisons on the text as sent, and episode ordering.

use std::cmp::Ordering;
use std::collections::HashSet;

use carelens_model::codes::{LegalStatus, PlacementType};
use carelens_model::{Date, Episode, Field, Header, Postcode, Return903, SourceFormat};
use jiff::Span;

use crate::context::Ctx;
use crate::finding::Out;

/// `d` plus whole calendar years. 29 February becomes 28 February in a common year, as with
/// pandas' `DateOffset(years=n)`.
pub(super) fn plus_years(d: Date, years: i16) -> Option<Date> {
    d.checked_add(Span::new().years(years)).ok()
}

/// `d` plus a number of days.
pub(super) fn plus_days(d: Date, days: i32) -> Option<Date> {
    d.checked_add(Span::new().days(days)).ok()
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub(super) fn days_between(from: Date, to: Date) -> i32 {
    from.until(to).map_or(0, |s| s.get_days())
}

/// The date a child born on `dob` reaches `age`.
pub(super) fn birthday(dob: Date, age: i16) -> Option<Date> {
    plus_years(dob, age)
}

/// Whether a cell's text is one of `codes`, compared as the reference compares codes: on the
/// upper-cased text as sent. Used where a rule names codes that are not (or no longer) in the
/// DfE's list, such as placement `A1` or reason `E1`, which carelens reads as invalid.
pub(super) fn text_is<T>(f: &Field<T>, codes: &[&str]) -> bool {
    let t = f.raw().trim();
    !f.is_blank() && codes.iter().any(|c| t.eq_ignore_ascii_case(c))
}

/// Whether two cells hold the same text (case-insensitive), as pandas' `==` on upper-cased
/// strings: a blank cell equals nothing, not even another blank cell.
pub(super) fn same_text<T>(a: &Field<T>, b: &Field<T>) -> bool {
    !a.is_blank() && !b.is_blank() && a.raw().trim().eq_ignore_ascii_case(b.raw().trim())
}

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

/// Orders episodes by `DECOM`, unreadable or missing dates last (pandas' `sort_values`, with
/// `NaT` last). Stable, so equal dates keep file order.
pub(super) fn by_decom(a: &&Episode, b: &&Episode) -> Ordering {
    match (a.decom.strict(), b.decom.strict()) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The first episode by `DECOM` (the reference's `groupby("CHILD")["DECOM"].idxmin()`): the
/// earliest readable `DECOM`, the first in file order among equals; `None` when no episode has
/// a readable `DECOM`.
pub(super) fn first_by_decom<'a>(eps: &[&'a Episode]) -> Option<&'a Episode> {
    let mut best: Option<(&'a Episode, Date)> = None;
    for e in eps {
        if let Some(d) = e.decom.strict()
            && best.is_none_or(|(_, b)| d < b)
        {
            best = Some((e, d));
        }
    }
    best.map(|(e, _)| e)
}

/// The last episode by `DECOM` (`idxmax`): the latest readable `DECOM`, the first in file
/// order among equals; `None` when no episode has a readable `DECOM`.
pub(super) fn last_by_decom<'a>(eps: impl IntoIterator<Item = &'a Episode>) -> Option<&'a Episode> {
    let mut best: Option<(&'a Episode, Date)> = None;
    for e in eps {
        if let Some(d) = e.decom.strict()
            && best.is_none_or(|(_, b)| d > b)
        {
            best = Some((e, d));
        }
    }
    best.map(|(e, _)| e)
}

/// Whether the return carries each child's UASC flag as the reference sees it: a CSV return has
/// the Header `UASC` column only when the UASC table was sent; an XML return always has it.
pub(super) fn has_uasc_flags(ret: &Return903) -> bool {
    ret.tables.uasc.supplied || ret.sources.iter().any(|s| s.format == SourceFormat::Xml)
}

/// Whether a Header row says the child is UASC (`UASC` = `1`).
pub(super) fn header_says_uasc(h: &Header) -> bool {
    h.uasc.raw().trim() == "1"
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
    for (_, mut eps) in ctx.episodes().iter() {
        if !eps.iter().any(|e| e.ls.strict() == Some(status)) {
            continue;
        }
        eps.sort_by(by_decom);
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
    for (_, eps) in ctx.episodes().iter() {
        let mut eps: Vec<&Episode> = eps
            .into_iter()
            .filter(|e| e.ls.strict() == Some(status) && e.decom.strict().is_some())
            .collect();
        if eps.is_empty() {
            continue;
        }
        eps.sort_by(by_decom);
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
            .filter_map(|h| h.dob.strict().and_then(|dob| birthday(dob, age)))
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
                        .filter(|h| header_says_uasc(h))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_day_birthdays_fall_on_28_february() {
        let dob = jiff::civil::date(2008, 2, 29);
        assert_eq!(birthday(dob, 17), Some(jiff::civil::date(2025, 2, 28)));
        assert_eq!(birthday(dob, 16), Some(jiff::civil::date(2024, 2, 29)));
    }

    #[test]
    fn days_between_counts_whole_days() {
        let a = jiff::civil::date(2024, 3, 1);
        assert_eq!(days_between(a, jiff::civil::date(2024, 4, 1)), 31);
        assert_eq!(days_between(jiff::civil::date(2024, 4, 1), a), -31);
    }

    #[test]
    fn text_comparisons_ignore_case_and_blanks() {
        let a = Field::<carelens_model::codes::PlacementType>::parse("a1");
        assert!(text_is(&a, &["A1", "A4"]));
        let blank = Field::<carelens_model::codes::PlacementType>::blank();
        assert!(!same_text(&blank, &blank));
        assert!(same_text(&a, &Field::parse("A1")));
    }
}
