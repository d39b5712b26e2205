//! Linking an LA's 903 placements to the Ofsted register by URN.

use std::collections::{BTreeMap, BTreeSet};

use carelens_model::codes::ReasonPlaceChange;
use carelens_model::{ChildId, LaCode, Return903, Urn, care_histories};
use carelens_public::{Judgement, ProvisionType, Sector};
use jiff::civil::Date;
use serde::Serialize;

use crate::Oversight;
use crate::owners::OwnerKey;
use crate::ratings::is_ri_or_inadequate;
use crate::ser::{display, display_opt};

/// The `REASON_PLACE_CHANGE` codes counted as an unplanned ending: allegation (`ALLEG`),
/// standards of care concern (`STAND`), approval removed (`APPRR`), carer requests because of
/// the child's behaviour (`CREQB`) or otherwise (`CREQO`), child requests (`CHILD`), and
/// responsible or area authority requests (`LAREQ`) — `ReasonPlaceChange::is_unplanned`.
///
/// Not counted: `CARPL` (change to or implementation of the care plan), `CLOSE` (resignation
/// or closure of the provision, which the spec calls planned), `PLACE` (a change of status
/// only, same carer), `CUSTOD` (custody) and `OTHER`.
pub const UNPLANNED_CODES: [&str; 7] =
    ["ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ"];

/// Placement and missing outcomes for one home (or other registered setting).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct HomeOutcome {
    /// The setting.
    #[serde(serialize_with = "display")]
    pub urn: Urn,
    /// Its provision type in the register.
    pub provision_type: ProvisionType,
    /// Its sector.
    pub sector: Sector,
    /// Owner (display name).
    pub owner: Option<String>,
    /// Owner key.
    pub owner_key: Option<OwnerKey>,
    /// LA the setting is in.
    #[serde(serialize_with = "display_opt")]
    pub la: Option<LaCode>,
    /// Its latest grade.
    pub rating_now: Option<Judgement>,
    /// Placements that started there.
    pub placements: u32,
    /// Distinct children.
    pub children: u32,
    /// Placements that began while the setting's latest grade was requires improvement or
    /// inadequate.
    pub placements_while_ri_or_inadequate: u32,
    /// Placements begun before the setting's first graded inspection.
    pub placements_before_first_grade: u32,
    /// Placements that ended (with a `DEC`).
    pub ended: u32,
    /// Of those, ended for an unplanned reason ([`UNPLANNED_CODES`]).
    pub ended_unplanned: u32,
    /// Missing or away incidents that began during a placement there.
    pub missing_incidents: u32,
    /// Children with at least one such incident.
    pub children_missing: u32,
}

/// The same outcomes for an owner (or a group without a named owner).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct OwnerOutcome {
    /// Owner key (`None` for settings with no owner named).
    pub owner_key: Option<OwnerKey>,
    /// Display name.
    pub owner: String,
    /// Settings used.
    pub homes: u32,
    /// Placements.
    pub placements: u32,
    /// Distinct children.
    pub children: u32,
    /// Placements begun while the setting was rated requires improvement or inadequate.
    pub placements_while_ri_or_inadequate: u32,
    /// Placements ended.
    pub ended: u32,
    /// Unplanned endings.
    pub ended_unplanned: u32,
    /// Missing or away incidents during placements.
    pub missing_incidents: u32,
}

/// A URN in the returns that the register does not know.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct UnknownUrn {
    /// The URN as given.
    #[serde(serialize_with = "display")]
    pub urn: Urn,
    /// Placements naming it.
    pub placements: u32,
    /// Distinct children.
    pub children: u32,
    /// The placement types used with it (`K2`, `U4`…).
    pub place_codes: Vec<String>,
    /// Earliest placement start.
    #[serde(serialize_with = "display")]
    pub first_start: Date,
}

/// The 903 join's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct JoinReport {
    /// The LAs whose returns were joined.
    pub las: Vec<String>,
    /// Placements in the returns (short breaks excluded, as in DfE statistics).
    pub placements: u32,
    /// Placements with a URN.
    pub with_urn: u32,
    /// Placements whose URN is `XXXXXXX` (not Ofsted-registered).
    pub not_ofsted: u32,
    /// Placements linked to a register entry.
    pub linked: u32,
    /// Children placed, at any time, in a setting then rated requires improvement or
    /// inadequate.
    pub children_in_ri_or_inadequate: u32,
    /// Placements begun in such settings.
    pub placements_in_ri_or_inadequate: u32,
    /// Outcomes per setting, most placements first.
    pub per_home: Vec<HomeOutcome>,
    /// Outcomes per owner, most placements first.
    pub per_owner: Vec<OwnerOutcome>,
    /// URNs the register does not know (listed, never dropped).
    pub unknown_urns: Vec<UnknownUrn>,
    /// The codes counted as unplanned endings.
    pub unplanned_codes: Vec<&'static str>,
}

struct Linked<'a> {
    urn: &'a Urn,
    child: &'a ChildId,
    start: Date,
    end: Option<Date>,
    unplanned: Option<bool>,
    ri_at_start: bool,
    before_grade: bool,
}

impl Oversight {
    /// Links every placement in `returns` to the register by URN, as of its start date.
    ///
    /// A placement is the spell of episodes with one carer (`history.rs`); its URN is the one
    /// on its first episode, and its ending is `REASON_PLACE_CHANGE` on its last. A missing
    /// incident counts against the placement in which `MIS_START` falls (start inclusive, end
    /// exclusive; an open placement runs to the end of the data). When several returns hold
    /// the same child (two years of one LA), the latest return's episodes are used.
    pub fn join_903(&self, returns: &[&Return903]) -> JoinReport {
        let mut las = BTreeSet::new();
        let mut linked: Vec<Linked<'_>> = Vec::new();
        let mut unknown: BTreeMap<&Urn, UnknownAcc<'_>> = BTreeMap::new();
        let (mut placements, mut with_urn, mut not_ofsted) = (0u32, 0u32, 0u32);
        // Missing incidents per child, from every return.
        let mut missing: BTreeMap<&ChildId, BTreeSet<Date>> = BTreeMap::new();
        let mut seen_children: BTreeSet<(Option<LaCode>, &ChildId)> = BTreeSet::new();
        let mut ordered: Vec<&&Return903> = returns.iter().collect();
        ordered.sort_by_key(|r| std::cmp::Reverse(r.year));
        for ret in ordered {
            if let Some(la) = ret.la {
                las.insert(la.to_string());
            }
            for m in &ret.tables.missing {
                if let (Some(child), Some(start)) = (m.child.value(), m.mis_start.get()) {
                    missing.entry(child).or_default().insert(start);
                }
            }
            let mut this_return = BTreeSet::new();
            for history in care_histories(&ret.tables.episodes.rows, true) {
                if seen_children.contains(&(ret.la, history.child)) {
                    continue; // a later return already gave this child's history
                }
                this_return.insert((ret.la, history.child));
                for p in &history.placements {
                    placements += 1;
                    let Some(first) = history.episodes.get(p.episodes.start) else { continue };
                    let Some(urn) = first.urn.value() else { continue };
                    with_urn += 1;
                    if *urn == Urn::NotOfsted {
                        not_ofsted += 1;
                        continue;
                    }
                    if !self.by_urn.contains_key(urn) {
                        let e = unknown.entry(urn).or_insert((
                            0,
                            BTreeSet::new(),
                            BTreeSet::new(),
                            p.start,
                        ));
                        e.0 += 1;
                        e.1.insert(history.child);
                        e.2.extend(p.place.map(|c| c.code().to_owned()));
                        e.3 = e.3.min(p.start);
                        continue;
                    }
                    let rating = self.rating_at(urn, p.start);
                    linked.push(Linked {
                        urn,
                        child: history.child,
                        start: p.start,
                        end: p.end,
                        unplanned: p
                            .end
                            .map(|_| p.end_reason.is_some_and(ReasonPlaceChange::is_unplanned)),
                        ri_at_start: is_ri_or_inadequate(rating.map(|r| r.0)),
                        before_grade: rating.is_none(),
                    });
                }
            }
            seen_children.extend(this_return);
        }
        let mut per_home: BTreeMap<&Urn, HomeAcc<'_>> = BTreeMap::new();
        for l in &linked {
            let acc = per_home.entry(l.urn).or_default();
            acc.placements += 1;
            acc.children.insert(l.child);
            acc.ri += u32::from(l.ri_at_start);
            acc.before_grade += u32::from(l.before_grade);
            if let Some(unplanned) = l.unplanned {
                acc.ended += 1;
                acc.unplanned += u32::from(unplanned);
            }
            if let Some(starts) = missing.get(l.child) {
                let n = starts
                    .iter()
                    .filter(|d| **d >= l.start && l.end.is_none_or(|e| **d < e))
                    .count() as u32;
                acc.missing += n;
                if n > 0 {
                    acc.children_missing.insert(l.child);
                }
            }
        }
        let children_ri: BTreeSet<&ChildId> =
            linked.iter().filter(|l| l.ri_at_start).map(|l| l.child).collect();
        let mut home_rows: Vec<HomeOutcome> = per_home
            .iter()
            .filter_map(|(urn, acc)| {
                let home = self.home(urn)?;
                Some(HomeOutcome {
                    urn: (*urn).clone(),
                    provision_type: home.provision_type,
                    sector: home.sector,
                    owner: home.owner.clone(),
                    owner_key: home.owner_key.clone(),
                    la: home.la,
                    rating_now: home.rating,
                    placements: acc.placements,
                    children: acc.children.len() as u32,
                    placements_while_ri_or_inadequate: acc.ri,
                    placements_before_first_grade: acc.before_grade,
                    ended: acc.ended,
                    ended_unplanned: acc.unplanned,
                    missing_incidents: acc.missing,
                    children_missing: acc.children_missing.len() as u32,
                })
            })
            .collect();
        home_rows.sort_by(|a, b| b.placements.cmp(&a.placements).then_with(|| a.urn.cmp(&b.urn)));
        let mut owners: BTreeMap<Option<OwnerKey>, (OwnerOutcome, BTreeSet<&ChildId>)> =
            BTreeMap::new();
        for h in &home_rows {
            let acc = &per_home[&h.urn];
            let e = owners.entry(h.owner_key.clone()).or_insert_with(|| {
                (
                    OwnerOutcome {
                        owner_key: h.owner_key.clone(),
                        owner: h.owner.clone().unwrap_or_else(|| "(no owner named)".to_owned()),
                        homes: 0,
                        placements: 0,
                        children: 0,
                        placements_while_ri_or_inadequate: 0,
                        ended: 0,
                        ended_unplanned: 0,
                        missing_incidents: 0,
                    },
                    BTreeSet::new(),
                )
            });
            e.0.homes += 1;
            e.0.placements += h.placements;
            e.0.placements_while_ri_or_inadequate += h.placements_while_ri_or_inadequate;
            e.0.ended += h.ended;
            e.0.ended_unplanned += h.ended_unplanned;
            e.0.missing_incidents += h.missing_incidents;
            e.1.extend(acc.children.iter().copied());
        }
        let mut per_owner: Vec<OwnerOutcome> = owners
            .into_values()
            .map(|(mut o, children)| {
                o.children = children.len() as u32;
                o
            })
            .collect();
        per_owner
            .sort_by(|a, b| b.placements.cmp(&a.placements).then_with(|| a.owner.cmp(&b.owner)));
        let unknown_urns = unknown
            .into_iter()
            .map(|(urn, (n, children, codes, first))| UnknownUrn {
                urn: urn.clone(),
                placements: n,
                children: children.len() as u32,
                place_codes: codes.into_iter().collect(),
                first_start: first,
            })
            .collect();
        JoinReport {
            las: las.into_iter().collect(),
            placements,
            with_urn,
            not_ofsted,
            linked: linked.len() as u32,
            children_in_ri_or_inadequate: children_ri.len() as u32,
            placements_in_ri_or_inadequate: linked.iter().filter(|l| l.ri_at_start).count() as u32,
            per_home: home_rows,
            per_owner,
            unknown_urns,
            unplanned_codes: UNPLANNED_CODES.to_vec(),
        }
    }
}

/// Placements, children, placement codes and first start of an unknown URN.
type UnknownAcc<'a> = (u32, BTreeSet<&'a ChildId>, BTreeSet<String>, Date);

#[derive(Default)]
struct HomeAcc<'a> {
    placements: u32,
    children: BTreeSet<&'a ChildId>,
    ri: u32,
    before_grade: u32,
    ended: u32,
    unplanned: u32,
    missing: u32,
    children_missing: BTreeSet<&'a ChildId>,
}
