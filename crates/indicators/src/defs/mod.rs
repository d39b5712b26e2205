//! The declarations, one file per topic. Each indicator's definition text is the contract: the
//! numerator and denominator functions beside it compute exactly what it says, and
//! `tests/independent.rs` recomputes the headline ones from the written words alone.
//!
//! Shared conventions (spec `indicators.md` §0) are in [`crate::record`]: V3/V4 episodes left
//! out, "looked after on a day", ages on 31 March, history from earlier returns.

use carelens_model::codes::PlacementType;

use crate::catalogue::Item;
use crate::record::ChildRecord;

mod cla;
mod health;
mod leavers;
mod location;
mod missing;
mod providers;
mod settings;
mod stability;
mod starts;

/// Every declaration, in catalogue order.
pub(crate) fn items() -> Vec<Item> {
    let mut out = Vec::new();
    out.extend(cla::items());
    out.extend(starts::items());
    out.extend(stability::items());
    out.extend(location::items());
    out.extend(settings::items());
    out.extend(providers::items());
    out.extend(missing::items());
    out.extend(health::items());
    out.extend(leavers::items());
    out
}

/// 1 for true.
pub(super) fn one(b: bool) -> u32 {
    u32::from(b)
}

/// Looked after on 31 March.
pub(super) fn cla(c: &ChildRecord) -> bool {
    c.at_31_march.is_some()
}

/// `PLACE` on 31 March.
pub(super) fn place(c: &ChildRecord) -> Option<PlacementType> {
    c.at_31_march.and_then(|a| a.place)
}

/// K1 or K2: secure children's homes and children's homes.
pub(super) fn is_childrens_home(p: PlacementType) -> bool {
    matches!(p, PlacementType::K1 | PlacementType::K2)
}

/// H5, P2 or K3: semi-independent and independent living, registered supported accommodation.
pub(super) fn is_supported(p: PlacementType) -> bool {
    matches!(p, PlacementType::H5 | PlacementType::P2 | PlacementType::K3)
}
