//! Writes one collection year's return from the simulated histories, as the DfE defines it:
//! the episodes open at any time in the year, the children they belong to, and the year's
//! reviews, incidents, outcomes and so on, each year in its own codes (spec §3).

use carelens_model::codes::{PlacementType, ReasonEpisodeCeased};
use carelens_model::{CollectionYear, LaCode, Loc, Return903, TableKind};

use crate::days::{self, Day};
use crate::sim::{Child, Ctx, Ep};

/// The placement type as year `end_year` codes it: H5 before K3 existed (to 2023/24), Z1 before
/// Z11–Z14 (to 2024/25).
fn place_code(place: PlacementType, end_year: i16) -> &'static str {
    match place {
        PlacementType::K3 if end_year <= 2024 => "H5",
        PlacementType::Z11 | PlacementType::Z12 | PlacementType::Z13 | PlacementType::Z14
            if end_year <= 2025 =>
        {
            "Z1"
        }
        other => other.code(),
    }
}

fn opt_day(d: Option<Day>) -> String {
    d.map(days::format).unwrap_or_default()
}

struct Builder {
    ret: Return903,
}

impl Builder {
    fn push(&mut self, kind: TableKind, cells: &[&str]) {
        self.ret.tables.push_cells(kind, Loc::default(), |i| cells.get(i).copied());
    }
}

/// Whether an episode is open at some time in `[ys, ye]`.
fn in_year(e: &Ep, ys: Day, ye: Day) -> bool {
    e.decom <= ye && e.dec.is_none_or(|d| d >= ys)
}

/// The return for window year `k` (0 previous, 1 current).
pub(crate) fn year_return(ctx: &Ctx, la: LaCode, children: &[Child], k: usize) -> Return903 {
    let end_year = ctx.years[k + 1];
    let year = CollectionYear::from_end_year(end_year).ok();
    let (ys, ye) = ctx.year_bounds(k);
    let mut b = Builder { ret: Return903::new(year, Some(la)) };
    for &kind in TableKind::ALL {
        if year.is_some_and(|y| kind.exists_in(y)) {
            b.ret.tables.mark_supplied(kind);
        }
    }
    let letters = end_year >= 2025;
    // Rule 209: UN1 only for children under school age on 31 August before the year.
    let school_ref = days::from_ymd(i32::from(end_year) - 2, 8, 31);

    let mut order: Vec<&Child> = children.iter().collect();
    order.sort_by(|a, b| (a.id.len(), &a.id).cmp(&(b.id.len(), &b.id)));
    for child in order {
        let eps: Vec<&Ep> =
            child.periods.iter().flat_map(|p| &p.episodes).filter(|e| in_year(e, ys, ye)).collect();
        let oc3 = child.extras.oc3[k];
        if eps.is_empty() && oc3.is_none() {
            continue;
        }
        let id = child.id.as_str();
        let dob = days::format(child.dob);
        let dob = dob.as_str();
        let sex = match (letters, child.male) {
            (true, true) => "M",
            (true, false) => "F",
            (false, true) => "1",
            (false, false) => "2",
        };
        let upn = if days::add_years(child.dob, 4) > school_ref && child.upn != "UN2" {
            "UN1"
        } else {
            child.upn.as_str()
        };
        let last_dec = eps.iter().map(|e| e.dec.unwrap_or(ye)).max().unwrap_or(ye);
        let (mother, mc_dob) = if child.male || eps.is_empty() {
            ("", String::new())
        } else {
            match child.mc_dob {
                Some(d) if d <= ye.min(last_dec) => ("1", days::format(d)),
                _ => ("0", String::new()),
            }
        };
        b.push(TableKind::Header, &[id, sex, dob, child.ethnic.code(), upn, mother, &mc_dob]);
        for e in &eps {
            let open = e.dec.is_none_or(|d| d > ye);
            let decom = days::format(e.decom);
            let (dec, rec, rpc) = if open {
                (String::new(), "", "")
            } else {
                (
                    opt_day(e.dec),
                    e.rec.map_or("", ReasonEpisodeCeased::code),
                    e.rpc.map_or("", |r| r.code()),
                )
            };
            let period =
                child.periods.iter().find(|p| p.episodes.iter().any(|x| x.decom == e.decom));
            let cin = period.map_or("N1", |p| p.cin.code());
            let home = period.and_then(|p| p.home).map(|p| p.text()).unwrap_or_default();
            let pl = e.pc.map(|p| p.text()).unwrap_or_default();
            b.push(
                TableKind::Episodes,
                &[
                    id,
                    &decom,
                    e.rne.code(),
                    e.ls.code(),
                    cin,
                    place_code(e.place, end_year),
                    e.provider.map_or("", |p| p.code()),
                    &dec,
                    rec,
                    rpc,
                    &home,
                    &pl,
                    e.urn.as_deref().unwrap_or(""),
                ],
            );
        }
        if eps.is_empty() {
            // A care leaver seen only for OC3 this year.
            if let Some(o) = oc3 {
                b.push(
                    TableKind::Oc3,
                    &[id, dob, o.in_touch.code(), o.activ.code(), o.accom.code()],
                );
            }
            continue;
        }
        if child.uasc {
            let duc = days::format(child.eighteen());
            b.push(TableKind::Uasc, &[id, sex, dob, &duc]);
        }
        for (r, code) in &child.extras.reviews {
            if (ys..=ye).contains(r) {
                b.push(TableKind::Reviews, &[id, dob, &days::format(*r), code.code()]);
            }
        }
        for inc in &child.extras.incidents {
            let starts_in = (ys..=ye).contains(&inc.start);
            let open_at_start = inc.start < ys && inc.end.is_none_or(|e| e >= ys);
            if starts_in || open_at_start {
                let end = inc.end.filter(|&e| e <= ye);
                b.push(
                    TableKind::Missing,
                    &[id, dob, inc.kind.code(), &days::format(inc.start), &opt_day(end)],
                );
            }
        }
        if let Some(o) = child.extras.oc2[k] {
            let flag = |x: Option<bool>| match x {
                Some(true) => "1",
                Some(false) => "0",
                None => "",
            };
            let score = o.sdq_score.map(|s| s.to_string()).unwrap_or_default();
            b.push(
                TableKind::Oc2,
                &[
                    id,
                    dob,
                    &score,
                    o.sdq_reason.map_or("", |r| r.code()),
                    flag(o.convicted),
                    flag(o.health_check),
                    flag(Some(o.immunisations)),
                    flag(Some(o.teeth)),
                    flag(Some(o.assessment)),
                    flag(Some(o.substance)),
                    flag(o.received),
                    flag(o.offered),
                ],
            );
        }
        if let Some(o) = oc3 {
            b.push(TableKind::Oc3, &[id, dob, o.in_touch.code(), o.activ.code(), o.accom.code()]);
        }
        // Adoption: AD1 for children adopted this year, PlacedAdoption while a decision stands.
        for period in &child.periods {
            let Some(a) = period.adoption else { continue };
            let adopted = period.end.is_some_and(|e| (ys..=ye).contains(&e))
                && period.rec.is_some_and(ReasonEpisodeCeased::is_adoption);
            if adopted {
                b.push(
                    TableKind::Ad1,
                    &[
                        id,
                        dob,
                        &days::format(a.decision),
                        &days::format(a.matched),
                        // Rule 335: adopted by the foster carers when the last placement was
                        // with them (A3/A5).
                        if period.episodes.last().is_some_and(|e| {
                            matches!(e.place, PlacementType::A3 | PlacementType::A5)
                        }) {
                            "1"
                        } else {
                            "0"
                        },
                        &a.adopters.to_string(),
                        a.adopter_sex.code(),
                        a.adopter_ls.code(),
                    ],
                );
            }
            let current = period.episodes.iter().any(|e| in_year(e, ys, ye));
            if current && a.decision <= ye {
                b.push(TableKind::PlacedAdoption, &[id, dob, &days::format(a.decision), "", ""]);
            }
        }
        if let Some(period) = child.periods.iter().rev().find(|p| (ys..=ye).contains(&p.start)) {
            let pp = &period.prev_perm;
            b.push(
                TableKind::PrevPerm,
                &[
                    id,
                    dob,
                    pp.code,
                    pp.la.as_deref().unwrap_or(""),
                    pp.date.as_deref().unwrap_or(""),
                ],
            );
        }
        if end_year >= 2024 {
            for s in &child.extras.sw {
                if s.start <= ye && s.end.is_none_or(|e| e >= ys) {
                    let end = s.end.filter(|&e| e <= ye);
                    b.push(
                        TableKind::SwEpisodes,
                        &[id, dob, &s.id, &days::format(s.start), &opt_day(end), s.reason.code()],
                    );
                }
            }
        }
        if end_year >= 2027 && k == 1 {
            for (start, end) in &child.extras.dolo {
                b.push(TableKind::DoLo, &[id, dob, &days::format(*start), &opt_day(*end)]);
            }
        }
    }
    b.ret.derive_uasc_flags();
    b.ret
}
