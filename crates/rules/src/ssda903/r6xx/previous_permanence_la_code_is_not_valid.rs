use carelens_model::codes::LaPerm;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A PrevPerm row whose `LA_PERM` (the authority that arranged the previous permanence
    /// option) is completed but is neither a DfE code of an English local authority (or 999)
    /// nor WAL, SCO, NIR or NUK.
    ///
    /// ## Why it matters
    /// The authority code links the earlier order to the LA that made it.
    ///
    /// ## Example
    /// `204`, `SCO` and a blank pass; `458`, `176` and `E09000025` are reported.
    pub(crate) PREVIOUS_PERMANENCE_LA_CODE_IS_NOT_VALID,
    code: "633",
    tables: ["PrevPerm"],
    fields: ["LA_PERM"],
    years: Y2022_23..,
    message: "Local authority code where previous permanence option was arranged is not a valid value.",
}

/// The DfE LA codes the reference accepts (its rule 633 list, 999 included), sorted.
const LA_CODES: [u16; 153] = [
    201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 301, 302, 303, 304, 305, 306,
    307, 308, 309, 310, 311, 312, 313, 314, 315, 316, 317, 318, 319, 320, 330, 331, 332, 333, 334,
    335, 336, 340, 341, 342, 343, 344, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 370, 371,
    372, 373, 380, 381, 382, 383, 384, 390, 391, 392, 393, 394, 420, 800, 801, 802, 803, 805, 806,
    807, 808, 810, 811, 812, 813, 815, 816, 821, 822, 823, 825, 826, 830, 831, 835, 836, 837, 840,
    841, 845, 846, 850, 851, 852, 855, 856, 857, 860, 861, 865, 866, 867, 868, 869, 870, 871, 872,
    873, 874, 876, 877, 878, 879, 880, 881, 882, 883, 884, 885, 886, 887, 888, 889, 890, 891, 892,
    893, 894, 895, 896, 908, 909, 916, 919, 921, 925, 926, 928, 929, 931, 933, 935, 936, 937, 938,
    999,
];

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(prev_perm) = ctx.cur.tables.prev_perm.if_supplied() else { return };
    for p in prev_perm.iter().filter(|p| p.la_perm.is_present()) {
        let valid = match p.la_perm.strict() {
            Some(LaPerm::La(code)) => LA_CODES.binary_search(&code.get()).is_ok(),
            Some(LaPerm::Wal | LaPerm::Sco | LaPerm::Nir | LaPerm::Nuk) => true,
            None => false,
        };
        if !valid {
            out.flag(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn the_list_is_sorted_and_complete() {
        assert!(LA_CODES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn unknown_codes_are_reported() {
        let cur = ret(&[(
            "PrevPerm",
            "CHILD,LA_PERM\n101,\n102,SCO\n103,204\n6,458\n7,176\n8,212\n9,E09000025\n10,nuk\n",
        )]);
        let found =
            run(&PREVIOUS_PERMANENCE_LA_CODE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["PrevPerm:3", "PrevPerm:4", "PrevPerm:6"]);
    }
}
