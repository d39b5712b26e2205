use carelens_model::{Field, Postcode, PostcodePrecision};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `HOME_POST` or `PL_POST` is filled in but is not a unit postcode of the
    /// ONS Postcode Directory (live or terminated): a malformed postcode, a made-up one, or
    /// only a sector or district (`E15 4`, `E15`).
    ///
    /// ## Why it matters
    /// The placement's area and its distance from home are derived from the two postcodes; a
    /// postcode that cannot be found leaves both blank.
    ///
    /// ## Example
    /// `E15 4NJ` (or `e154nj`) passes; `ZZ99 9ZZ`, `E15 4` and `not known` are reported; a
    /// blank postcode is not (rule 392b covers it).
    ///
    /// ## Reference behaviour
    /// The reference looks postcodes up in its own copy of the directory; carelens uses the
    /// November 2025 edition, so postcodes created or retired in between may differ.
    pub(crate) POSTCODE_NOT_FOUND,
    code: "392c",
    tables: ["Episodes"],
    fields: ["HOME_POST", "PL_POST"],
    years: Y2022_23..,
    message: "Postcode(s) provided are invalid.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    // A filled-in postcode that is not a unit postcode of the directory.
    let not_found = |f: &Field<Postcode>| {
        let unit = f.value().filter(|p| p.precision() == PostcodePrecision::Unit);
        f.is_present() && unit.and_then(carelens_geo::locate).is_none()
    };
    for e in episodes {
        if not_found(&e.home_post) || not_found(&e.pl_post) {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn postcodes_not_in_the_directory_are_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,HOME_POST,PL_POST\n1,E15 4NJ,SW1A 2AA\n2,e154nj,\n3,ZZ99 9ZZ,E15 4NJ\n\
             4,E15 4NJ,E15 4\n5,not known,\n6,,\n",
        )]);
        let found = run(&POSTCODE_NOT_FOUND, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:2", "Episodes:3", "Episodes:4"]);
    }
}
