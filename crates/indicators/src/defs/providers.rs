//! Who provides the placement (spec `indicators.md` (d)).

use carelens_model::codes::PlacementProvider as Pr;

use super::cla;
use crate::catalogue::{Breakdown, Category, Item, Published, Topic, share};

pub(super) fn items() -> Vec<Item> {
    vec![Item::Breakdown(Breakdown {
        id: "cla_provider",
        title: "Children looked after at 31 March by placement provider",
        topic: Topic::Providers,
        total: "cla_at_31_march",
        cohort_text: "Children looked after at 31 March.",
        sources: &["Episodes.PLACE_PROVIDER"],
        needs: None,
        cohort: cla,
        classify: |c| match c.at_31_march.and_then(|a| a.provider) {
            Some(Pr::Pr1) => 0,
            Some(Pr::Pr2) => 1,
            Some(Pr::Pr3) => 2,
            Some(Pr::Pr4) => 3,
            Some(Pr::Pr5) => 4,
            Some(Pr::Pr0) => 5,
            None => 6,
        },
        categories: PROVIDER,
    })]
}

const PROVIDER: &[Category] = &[
    Category {
        id: "cla_provider_own_la",
        title: "Placed in the LA's own provision",
        definition: "PLACE_PROVIDER on 31 March is PR1.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.place_provider.own_la, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_provider_other_la",
        title: "Placed in another LA's provision",
        definition: "PLACE_PROVIDER on 31 March is PR2.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.place_provider.other_la, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_provider_other_public",
        title: "Placed in other public provision (e.g. NHS)",
        definition: "PLACE_PROVIDER on 31 March is PR3.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.place_provider.other_public, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_provider_private",
        title: "Placed in private provision",
        definition: "PLACE_PROVIDER on 31 March is PR4.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.place_provider.private, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_provider_voluntary",
        title: "Placed in voluntary or third sector provision",
        definition: "PLACE_PROVIDER on 31 March is PR5.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.place_provider.voluntary, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_provider_parents",
        title: "Placed with parents or others with parental responsibility",
        definition: "PLACE_PROVIDER on 31 March is PR0.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.place_provider.parents, f.cla_at_31_march),
            note: "",
        },
    },
    Category {
        id: "cla_provider_not_reported",
        title: "Provider not reported",
        definition: "PLACE_PROVIDER on 31 March is blank (as for temporary and other placements) or not valid.",
        headline: false,
        published: Published::Dfe {
            get: |f| share(f.place_provider.not_reported, f.cla_at_31_march),
            note: "",
        },
    },
];
