//! The records that hang off the episodes: reviews, missing and away incidents, social worker
//! episodes, OC2 outcomes, OC3 care-leaver follow-ups and deprivation of liberty orders.

use carelens_model::codes::{
    Accommodation, Activity, InTouch, MissingKind, ReasonEpisodeCeased, ReviewParticipation,
    SdqReason, SwReason,
};

use crate::days::{self, Day};
use crate::places::Group;
use crate::random::Rand;
use crate::sim::{Child, Ctx};

/// A missing or away incident.
#[derive(Clone, Copy)]
pub(crate) struct Incident {
    pub(crate) kind: MissingKind,
    pub(crate) start: Day,
    /// `None` while still missing at the end of the window.
    pub(crate) end: Option<Day>,
}

/// A social worker allocation.
#[derive(Clone)]
pub(crate) struct SwEp {
    pub(crate) id: String,
    pub(crate) start: Day,
    pub(crate) end: Option<Day>,
    pub(crate) reason: SwReason,
}

/// OC2 items for a child looked after continuously for 12 months.
#[derive(Clone, Copy, Default)]
pub(crate) struct Oc2 {
    pub(crate) sdq_score: Option<u8>,
    pub(crate) sdq_reason: Option<SdqReason>,
    pub(crate) convicted: Option<bool>,
    pub(crate) health_check: Option<bool>,
    pub(crate) immunisations: bool,
    pub(crate) teeth: bool,
    pub(crate) assessment: bool,
    pub(crate) substance: bool,
    pub(crate) received: Option<bool>,
    pub(crate) offered: Option<bool>,
}

/// OC3 items for a care leaver around a birthday.
#[derive(Clone, Copy)]
pub(crate) struct Oc3 {
    pub(crate) in_touch: InTouch,
    pub(crate) activ: Activity,
    pub(crate) accom: Accommodation,
}

/// Everything per child beyond Header and Episodes.
#[derive(Clone, Default)]
pub(crate) struct Extras {
    pub(crate) reviews: Vec<(Day, ReviewParticipation)>,
    pub(crate) incidents: Vec<Incident>,
    pub(crate) sw: Vec<SwEp>,
    pub(crate) dolo: Vec<(Day, Option<Day>)>,
    /// Per window year (0 previous, 1 current).
    pub(crate) oc2: [Option<Oc2>; 2],
    pub(crate) oc3: [Option<Oc3>; 2],
}

/// Days a child was looked after in `[from, to]`, as inclusive intervals.
fn care_intervals(child: &Child, from: Day, to: Day) -> Vec<(Day, Day)> {
    child
        .periods
        .iter()
        .filter_map(|p| {
            let a = p.start.max(from);
            let b = p.end.map_or(to, |e| (e - 1).min(to));
            (a <= b).then_some((a, b))
        })
        .collect()
}

/// Whether the child was placed in a group at any time in `[from, to]`.
fn placed_in(child: &Child, groups: &[Group], from: Day, to: Day) -> bool {
    child.periods.iter().flat_map(|p| &p.episodes).any(|e| {
        e.decom <= to
            && e.dec.is_none_or(|d| d >= from)
            && Group::of(e.place).is_some_and(|g| groups.contains(&g))
    })
}

/// The Poisson rate at which P(N ≥ 2) is `share`.
fn rate_for_share(share: f64) -> f64 {
    let (mut lo, mut hi) = (0.0f64, 10.0f64);
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        let p = 1.0 - (-mid).exp() * (1.0 + mid);
        if p < share { lo = mid } else { hi = mid }
    }
    (lo + hi) / 2.0
}

/// Draws the extras of every child.
pub(crate) fn draw(ctx: &Ctx, children: &mut [Child], rng: &mut Rand) {
    let horizon = ctx.horizon();
    let window_start = ctx.year_bounds(0).0;
    // Social workers: a pool of registration numbers, a few per child looked after.
    let n_workers = ((ctx.targets[2].cla / 11.0).round() as usize).max(6);
    let mut workers: Vec<String> = Vec::with_capacity(n_workers);
    while workers.len() < n_workers {
        let id = format!("SW{:06}", rng.range(1, 999_999));
        if !workers.contains(&id) {
            workers.push(id);
        }
    }
    // Children who start during the year have less time to change social worker: aim higher.
    let sw_rate = 1.3 * rate_for_share(ctx.targets[2].three_plus_social_workers.clamp(0.02, 0.9));

    for child in children.iter_mut() {
        if child.former_leaver {
            continue;
        }
        let mut reviews = Vec::new();
        let mut sw = Vec::new();
        for period in &child.periods {
            let end = period.end.unwrap_or(horizon);
            // Reviews: within 20 working days, then 3 months, then every 6 months.
            let mut r = period.start + rng.range(8, 19);
            let mut n = 0;
            while r < end && r < horizon {
                if r >= window_start {
                    let age = days::age_at(child.dob, r);
                    let code = if age < 4 {
                        ReviewParticipation::Pn0
                    } else {
                        use ReviewParticipation::*;
                        rng.choose(&[
                            (Pn1, 0.45),
                            (Pn2, 0.05),
                            (Pn3, 0.05),
                            (Pn4, 0.06),
                            (Pn5, 0.1),
                            (Pn6, 0.17),
                            (Pn7, 0.12),
                        ])
                    };
                    reviews.push((r, code));
                }
                r += if n == 0 { rng.range(60, 86) } else { rng.range(150, 176) };
                n += 1;
            }
            // Social workers: allocated when care begins, changed now and then.
            let mut t = period.start;
            let mut current = rng.pick(&workers).cloned().unwrap_or_default();
            let mut reason = SwReason::Fconta;
            loop {
                // Allocations last at least three days (rule SW09, 2025/26).
                let mut next = t + 3 + rng.exp(365.0 / sw_rate.max(0.05)) as i32;
                // No change of social worker in the last days of a collection year (rule SW11b).
                let year_end = days::year_end(days::collection_year_of(next));
                if next > year_end - 6 {
                    next = year_end + 1;
                }
                if next >= end || next >= horizon {
                    // The allocation ends a little after care ends, never within the last five
                    // days of a collection year (rule SW11b).
                    let close = period.end.map(|e| {
                        let d = (e + rng.range(0, 21)).max(t + 3);
                        let year_end = days::year_end(days::collection_year_of(d));
                        match d > year_end - 6 {
                            true if year_end - 6 >= t + 3 => year_end - 6,
                            true => year_end + 1,
                            false => d,
                        }
                    });
                    sw.push(SwEp { id: current.clone(), start: t, end: close, reason });
                    break;
                }
                sw.push(SwEp { id: current.clone(), start: t, end: Some(next), reason });
                let back = sw.len() >= 2 && rng.chance(0.08);
                current = if back {
                    sw[sw.len() - 2].id.clone()
                } else {
                    rng.pick(&workers).cloned().unwrap_or_default()
                };
                reason = {
                    use SwReason::*;
                    rng.choose(&[
                        (Leftrl, 0.3),
                        (Manage, 0.2),
                        (Tsproc, 0.2),
                        (Orgrst, 0.1),
                        (Absenc, 0.08),
                        (Chchan, 0.03),
                        (Pcchan, 0.02),
                        (Others, 0.07),
                    ])
                };
                t = next;
            }
        }
        child.extras.reviews = reviews;
        child.extras.sw =
            sw.into_iter().filter(|s| s.end.is_none_or(|e| e >= window_start)).collect();
    }

    for k in 0..2 {
        missing_year(ctx, children, rng, k);
        for child in children.iter_mut() {
            child.extras.oc2[k] = oc2(ctx, child, rng, k);
            child.extras.oc3[k] = oc3(ctx, child, rng, k);
        }
    }
    if ctx.years[2] >= 2027 {
        for child in children.iter_mut() {
            dolo(ctx, child, rng);
        }
    }
}

/// Missing and away incidents in window year `k`, calibrated to the LA's shares.
fn missing_year(ctx: &Ctx, children: &mut [Child], rng: &mut Rand, k: usize) {
    let (ys, ye) = ctx.year_bounds(k);
    let t = &ctx.targets[k + 1];
    let mut base: Vec<(usize, f64)> = Vec::new();
    for (i, child) in children.iter().enumerate() {
        if child.former_leaver || care_intervals(child, ys, ye).is_empty() {
            continue;
        }
        let age = days::age_at(child.dob, ys);
        let mut p = match age {
            i32::MIN..=9 => 0.004,
            10..=12 => 0.06,
            13..=15 => 0.22,
            _ => 0.24,
        };
        if placed_in(child, &[Group::Homes, Group::Supported], ys, ye) {
            p *= 2.2;
        }
        base.push((i, p));
    }
    let n = base.len() as f64;
    for (kind, share, per_child) in [
        (MissingKind::M, t.missing_share, t.missing_incidents),
        (MissingKind::A, t.away_share, t.away_incidents),
    ] {
        let sum: f64 = base.iter().map(|(_, p)| p).sum();
        let scale = if sum > 0.0 { share * n / sum } else { 0.0 };
        for &(i, p) in &base {
            if !rng.chance((p * scale).min(0.95)) {
                continue;
            }
            let child = &mut children[i];
            let intervals = care_intervals(child, ys, ye);
            let total: i32 = intervals.iter().map(|(a, b)| b - a + 1).sum();
            // 1 + geometric extra incidents, mean `per_child`.
            // Some draws collide with others or with the end of care: aim a little higher.
            let q = 1.0 / (per_child * 1.15).max(1.0);
            let extra = ((1.0 - rng.f64()).ln() / (1.0 - q).max(1e-9).ln()).floor().max(0.0) as i32;
            let count = (1 + extra).min(total / 3).max(1);
            let mut starts: Vec<Day> = (0..count)
                .filter_map(|_| {
                    let mut x = rng.range(0, total - 1);
                    for &(a, b) in &intervals {
                        if x <= b - a {
                            return Some(a + x);
                        }
                        x -= b - a + 1;
                    }
                    None
                })
                .collect();
            starts.sort_unstable();
            starts.dedup();
            for s in starts {
                let Some(&(_, until)) = intervals.iter().find(|(a, b)| *a <= s && s <= *b) else {
                    continue;
                };
                let dur = rng.choose(&[(0, 0.5), (1, 0.3), (2, 0.1), (4, 0.1)]);
                // Still missing at the end of the window, now and then.
                let end = if until >= ctx.horizon() - 1 && s + dur > until {
                    None
                } else {
                    Some((s + dur).min(until))
                };
                let clash =
                    child.extras.incidents.iter().any(|o| {
                        o.start <= end.unwrap_or(Day::MAX) && s <= o.end.unwrap_or(Day::MAX)
                    });
                if !clash {
                    child.extras.incidents.push(Incident { kind, start: s, end });
                }
            }
            child.extras.incidents.sort_by_key(|i| i.start);
        }
    }
}

/// Continuously looked after for 12 months at 31 March of window year `k`, as the reference
/// defines it: in care on 1 April, no new period and no leaving care before 31 March.
pub(crate) fn continuously_looked_after(ctx: &Ctx, child: &Child, k: usize) -> bool {
    let (ys, ye) = ctx.year_bounds(k);
    let in_care_at_start =
        child.periods.iter().any(|p| p.start <= ys && p.end.is_none_or(|e| e > ys));
    let churn = child
        .periods
        .iter()
        .any(|p| (p.start > ys && p.start <= ye) || p.end.is_some_and(|e| e >= ys && e < ye));
    in_care_at_start && !churn
}

fn oc2(ctx: &Ctx, child: &Child, rng: &mut Rand, k: usize) -> Option<Oc2> {
    if child.former_leaver || !continuously_looked_after(ctx, child, k) {
        return None;
    }
    let (ys, ye) = ctx.year_bounds(k);
    let (age_start, age_end) = (days::age_at(child.dob, ys), days::age_at(child.dob, ye));
    let mut o = Oc2 {
        immunisations: rng.chance(0.86),
        teeth: rng.chance(0.78),
        assessment: rng.chance(0.9),
        ..Oc2::default()
    };
    // SDQ: ages 4–16; a reason where there is no score (rules 186–189, 197a/B).
    if age_end >= 4 && age_start < 17 {
        if age_start < 4 {
            o.sdq_reason = Some(SdqReason::Sdq1);
        } else if rng.chance(0.8) {
            let score = (14.0 + 6.5 * rng.normal()).round().clamp(0.0, 40.0) as u8;
            o.sdq_score = Some(score);
        } else {
            use SdqReason::*;
            o.sdq_reason =
                Some(rng.choose(&[(Sdq2, 0.2), (Sdq3, 0.15), (Sdq4, 0.45), (Sdq5, 0.2)]));
        }
    }
    if age_end >= 10 {
        o.convicted = Some(rng.chance(0.03));
        o.substance = rng.chance(0.04);
    }
    if age_end < 5 {
        o.health_check = Some(rng.chance(0.88));
    }
    if o.substance {
        let received = rng.chance(0.6);
        o.received = Some(received);
        // Rule 158: "offered" only when not received.
        o.offered = (!received).then(|| rng.chance(0.5));
    }
    Some(o)
}

/// Whether a care leaver is "relevant": looked after at least 13 weeks after 14, some of it
/// after 16, not adopted, not died, not transferred.
fn eligible_leaver(child: &Child) -> Option<Day> {
    let last = child.periods.last()?;
    let end = last.end?;
    if matches!(
        last.rec,
        Some(
            ReasonEpisodeCeased::E11
                | ReasonEpisodeCeased::E12
                | ReasonEpisodeCeased::E2
                | ReasonEpisodeCeased::E3
        )
    ) {
        return None;
    }
    let (d14, d16) = (days::add_years(child.dob, 14), days::add_years(child.dob, 16));
    let after14: i32 =
        child.periods.iter().map(|p| (p.end.unwrap_or(end) - p.start.max(d14)).max(0)).sum();
    (after14 >= 91 && end > d16).then_some(end)
}

fn oc3(ctx: &Ctx, child: &Child, rng: &mut Rand, k: usize) -> Option<Oc3> {
    let (ys, ye) = ctx.year_bounds(k);
    let t = &ctx.targets[k + 1];
    let left = if child.former_leaver { None } else { Some(eligible_leaver(child)?) };
    // The birthday in this collection year and the age reached on it.
    let age = days::age_at(child.dob, ye);
    let birthday = days::add_years(child.dob, age);
    if !(17..=21).contains(&age) || birthday < ys {
        return None;
    }
    // Rules 1007/1016: only for young people who had left care before the birthday.
    if let Some(left) = left
        && left >= birthday
    {
        return None;
    }
    let (eet, suitable) =
        if age <= 18 { (t.eet_17_18, t.suitable_17_18) } else { (t.eet_19_21, t.suitable_19_21) };
    // A young person recorded as having died stays so (rule 348).
    let died_before = k == 1 && child.extras.oc3[0].is_some_and(|o| o.in_touch == InTouch::Died);
    let in_touch = if died_before {
        InTouch::Died
    } else {
        rng.choose(&[
            (InTouch::Yes, 0.9),
            (InTouch::No, 0.04),
            (InTouch::Refu, 0.025),
            (InTouch::Nreq, 0.025),
            (InTouch::Rhom, 0.008),
            (InTouch::Died, 0.002),
        ])
    };
    if in_touch != InTouch::Yes {
        use Accommodation as A;
        let (activ, accom) = match in_touch {
            InTouch::Died | InTouch::Rhom => (Activity::NotApplicable, A::NotApplicable),
            _ => (Activity::NotApplicable, A::NotApplicable),
        };
        return Some(Oc3 { in_touch, activ, accom });
    }
    let activ = if rng.chance((eet / 0.9).min(1.0)) {
        use Activity::*;
        rng.choose(&[
            (F1, 0.08),
            (P1, 0.02),
            (F2, 0.3),
            (P2, 0.06),
            (F4, 0.07),
            (P4, 0.02),
            (F5, 0.3),
            (P5, 0.15),
        ])
    } else {
        use Activity::*;
        rng.choose(&[(G4, 0.25), (G5, 0.6), (G6, 0.15)])
    };
    let suitable = rng.chance((suitable / 0.9).min(1.0));
    use Accommodation as A;
    let letter: &[(Accommodation, Accommodation, f64)] = if age == 17 {
        &[
            (A::B1, A::B2, 0.2),
            (A::D1, A::D2, 0.35),
            (A::E1, A::E2, 0.12),
            (A::U1, A::U2, 0.1),
            (A::C1, A::C2, 0.1),
            (A::K1, A::K2, 0.05),
            (A::Y1, A::Y2, 0.08),
        ]
    } else if age == 18 {
        &[
            (A::B1, A::B2, 0.18),
            (A::D1, A::D2, 0.27),
            (A::E1, A::E2, 0.1),
            (A::U1, A::U2, 0.15),
            (A::Z1, A::Z2, 0.15),
            (A::K1, A::K2, 0.05),
            (A::Y1, A::Y2, 0.1),
        ]
    } else {
        &[
            (A::U1, A::U2, 0.42),
            (A::B1, A::B2, 0.15),
            (A::D1, A::D2, 0.1),
            (A::Z1, A::Z2, 0.06),
            (A::E1, A::E2, 0.05),
            (A::T1, A::T2, 0.04),
            (A::K1, A::K2, 0.06),
            (A::W1, A::W2, 0.02),
            (A::V1, A::V2, 0.02),
            (A::Y1, A::Y2, 0.08),
        ]
    };
    let weights: Vec<f64> = letter.iter().map(|x| x.2).collect();
    let (good, bad, _) = letter[rng.weighted(&weights).min(letter.len() - 1)];
    let accom = if suitable {
        good
    } else if rng.chance(0.1) {
        *rng.pick(&[A::S2, A::X2]).unwrap_or(&A::S2)
    } else {
        bad
    };
    Some(Oc3 { in_touch, activ, accom })
}

/// Deprivation of liberty orders (2026/27 onwards) for some young people in children's homes.
fn dolo(ctx: &Ctx, child: &mut Child, rng: &mut Rand) {
    let (ys, ye) = ctx.year_bounds(1);
    for period in &child.periods {
        for e in &period.episodes {
            let k2 = e.place == carelens_model::codes::PlacementType::K2;
            let overlaps = e.decom <= ye && e.dec.is_none_or(|d| d > ys + 30);
            if !k2 || !overlaps || days::age_at(child.dob, ys) < 11 || !rng.chance(0.1) {
                continue;
            }
            let from = e.decom.max(ys);
            let until = e.dec.map_or(ye, |d| d - 1);
            if until - from < 20 {
                continue;
            }
            let start = from + rng.range(0, (until - from) / 3);
            let planned = start + rng.range(60, 300);
            let end = if planned < until {
                Some(planned)
            } else if e.dec.is_some() {
                Some(until)
            } else {
                None
            };
            child.extras.dolo.push((start, end));
            return;
        }
    }
}
