//! The route table: every route the server answers, declared once with its documentation. The
//! router and the OpenAPI description (`/api/openapi.json`) are both generated from this table,
//! so a route cannot exist undescribed; a test checks that every described route answers.

use axum::Router;
use axum::routing::{get, post};

use crate::handlers::{children, england, homes, la, lottery, meta, validation};
use crate::state::AppState;
use crate::{assets, auth, openapi, pages};

/// Who may call a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Access {
    /// Anyone (the login form, assets, health, this description).
    Public,
    /// Any signed-in user; answers are filtered to what the role may see.
    SignedIn,
    /// LA users only, and only their own LA's children.
    ChildLevel,
}

/// A query parameter.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Param {
    pub(crate) name: &'static str,
    pub(crate) description: &'static str,
    pub(crate) schema: &'static str,
}

/// One route's documentation.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Doc {
    pub(crate) tag: &'static str,
    pub(crate) summary: &'static str,
    pub(crate) description: &'static str,
    pub(crate) access: Access,
    pub(crate) query: &'static [Param],
    /// Response media type: `application/json`, `text/html`, …
    pub(crate) produces: &'static str,
    /// A path parameter's meaning, by name.
    pub(crate) path_params: &'static [(&'static str, &'static str)],
}

/// A declared route.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Route {
    pub(crate) method: &'static str,
    pub(crate) path: &'static str,
    pub(crate) doc: Doc,
}

const fn p(name: &'static str, description: &'static str, schema: &'static str) -> Param {
    Param { name, description, schema }
}

const LA: (&str, &str) = ("la", "DfE 3-digit code of the local authority, e.g. `316`");
const CHILD: (&str, &str) = ("child", "the child's id (`CHILD`) in the user's own LA's return");
const YEAR: Param = p(
    "year",
    "collection year, as its end year (`2025`) or `2024/25`; default the latest loaded",
    "string",
);

const fn json(
    tag: &'static str,
    summary: &'static str,
    description: &'static str,
    access: Access,
) -> Doc {
    Doc {
        tag,
        summary,
        description,
        access,
        query: &[],
        produces: "application/json",
        path_params: &[],
    }
}

const fn page(summary: &'static str, access: Access) -> Doc {
    Doc {
        tag: "pages",
        summary,
        description: "A dashboard page (HTML). Without a session it redirects to `/login`.",
        access,
        query: &[],
        produces: "text/html",
        path_params: &[],
    }
}

macro_rules! routes {
    ($( $method:ident $path:literal => $handler:expr, $doc:expr; )*) => {
        /// Every route, in the order of the OpenAPI description.
        pub(crate) const ROUTES: &[Route] = &[ $( Route { method: stringify!($method), path: $path, doc: $doc } ),* ];

        /// The routes, ready for state.
        pub(crate) fn routes() -> Router<AppState> {
            Router::new() $( .route($path, $method($handler)) )*
        }
    };
}

routes! {
    get "/api/openapi.json" => openapi::openapi, json("meta", "This description", "The OpenAPI 3.1 description of every route, generated from the route table.", Access::Public);
    get "/api/health" => meta::health, json("meta", "Health", "The server is up and the store answers: `{status, store, schema_version}`. No data.", Access::Public);
    get "/api/me" => auth::me, json("meta", "The signed-in user", "Name, role (`la`, `regional`, `national`), LA and region, and whether child-level routes are open to the user.", Access::SignedIn);
    get "/api/meta" => meta::meta, json("meta", "What the dashboard needs first", "The 153 LAs, the regions, every measure (published DfE figures, ILACS, indicators computed from loaded returns) with its unit and direction, and the years with figures.", Access::SignedIn);
    get "/api/england" => england::england, json("aggregates", "England", "Headline figures with last year's and the computed value from loaded returns, each measure's trend over the years, and the regions.", Access::SignedIn);
    get "/api/la/{la}" => la::la, Doc { path_params: &[LA], ..json("aggregates", "One local authority", "Each measure over the years for the LA, England, its region and its 10 most similar LAs; the LA's latest ILACS judgement; and its data quality from validation. Computed indicators and data quality only where the user's role may see the LA's figures.", Access::SignedIn) };
    get "/api/lottery" => lottery::lottery, Doc { query: &[p("indicator", "a measure id from `/api/meta` (default `dfe.cla_rate`)", "string"), p("year", "year ending 31 March, e.g. `2025`; default the latest with figures", "string"), p("format", "`csv` for a CSV download", "string")], ..json("aggregates", "Postcode lottery", "Every LA's value of one measure in one year, ranked (1 is best where better is defined, else highest), with England's value and each LA's latest ILACS grade: the league table and the map.", Access::SignedIn) };
    get "/api/map" => lottery::map, json("aggregates", "Map of England's LAs", "Outlines of the 153 LAs as SVG path data, traced from the shipped postcode grid coordinates, with a London inset.", Access::SignedIn);
    get "/api/validation" => validation::index, json("validation", "Validation overview", "The latest loaded return of every LA the user may see, with children, findings and children affected.", Access::SignedIn);
    get "/api/la/{la}/validation" => validation::la, Doc { path_params: &[LA], ..json("validation", "An LA's validation report", "Per loaded year: rules run, findings, rules failed (with the DfE message, tables, findings and children affected). `child_level` says whether the user may drill down to children. 403 for an LA the user may not see.", Access::SignedIn) };
    get "/api/children" => children::list, Doc { query: &[YEAR, p("search", "only child ids containing this text", "string"), p("with_findings", "`1`: only children with findings, with the rules they failed", "string"), p("offset", "skip this many", "integer"), p("limit", "at most this many (default and maximum 20000)", "integer")], ..json("children", "The user's LA's children", "Children in the LA's return, with rows, episodes and findings. LA users only (403 otherwise).", Access::ChildLevel) };
    get "/api/children/{child}/rows" => children::rows, Doc { query: &[YEAR], path_params: &[CHILD], ..json("children", "A child's rows and findings", "Every row of the child in each table with each cell's text and status and the rules that failed it, and every finding. LA users of the child's LA only: 403 for other roles, 404 for an id not in the user's LA.", Access::ChildLevel) };
    get "/api/children/{child}/timeline" => children::timeline, Doc { query: &[YEAR], path_params: &[CHILD], ..json("children", "A child's timeline", "Periods of care, placements (type, provider, postcode, distance, in or out of the LA), legal statuses, missing episodes, reviews and social workers, built from every loaded year. LA users of the child's LA only.", Access::ChildLevel) };
    get "/api/homes/search" => homes::search, Doc { query: &[p("q", "an owner's name, a URN, a local authority or a type of home", "string")], ..json("homes", "Search homes and owners", "Children's homes in Ofsted's latest register matching the text, and matching owners with their homes and places.", Access::SignedIn) };
    get "/api/homes/{urn}" => homes::home, Doc { path_params: &[("urn", "the home's Ofsted URN")], ..json("homes", "One children's home", "The home at 31 March of each year it was registered: owner, places, status, latest grade.", Access::SignedIn) };
    get "/api/owners/{owner}" => homes::owner, Doc { path_params: &[("owner", "the owner's id from a search (its name, lower case)")], ..json("homes", "One owner", "An owner's homes, places and homes over time, grades, national share of places and share of places in each LA.", Access::SignedIn) };
    get "/api/sector" => homes::sector, json("homes", "The children's homes sector", "Homes and places by sector over time, owners grouped by size with their share of places and share good or better, and the largest owners.", Access::SignedIn);
    get "/login" => auth::login_page, Doc { query: &[p("next", "the page to go to after signing in", "string")], ..page("Sign-in form", Access::Public) };
    post "/login" => auth::login, Doc { description: "Form fields `username`, `password`, `next`. On success: a session cookie (HttpOnly, SameSite=Strict) and a redirect to `next`; otherwise 401 with the form again.", produces: "text/html", ..page("Sign in", Access::Public) };
    post "/logout" => auth::logout, Doc { description: "Ends the session and clears its cookie; redirects to `/login`.", ..page("Sign out", Access::Public) };
    get "/assets/{file}" => assets::asset, Doc { tag: "pages", summary: "Dashboard assets", description: "The dashboard's CSS, JavaScript and icon, embedded in the binary.", access: Access::Public, query: &[], produces: "*/*", path_params: &[("file", "file name")] };
    get "/" => pages::page, page("England", Access::SignedIn);
    get "/la" => pages::page, page("Local authorities", Access::SignedIn);
    get "/la/{la}" => pages::page, Doc { path_params: &[LA], ..page("One local authority", Access::SignedIn) };
    get "/lottery" => pages::page, page("Postcode lottery: map and league table", Access::SignedIn);
    get "/validation" => pages::page, page("Validation overview", Access::SignedIn);
    get "/validation/{la}" => pages::page, Doc { path_params: &[LA], ..page("An LA's validation report", Access::SignedIn) };
    get "/children" => pages::page, page("Children (LA users only)", Access::ChildLevel);
    get "/children/{child}" => pages::page, Doc { path_params: &[CHILD], ..page("A child's timeline (LA users only)", Access::ChildLevel) };
    get "/children/{child}/rows" => pages::page, Doc { path_params: &[CHILD], ..page("A child's rows with failing cells (LA users only)", Access::ChildLevel) };
    get "/homes" => pages::page, Doc { query: &[p("q", "search text", "string")], ..page("Homes and owners", Access::SignedIn) };
    get "/homes/owner/{owner}" => pages::page, Doc { path_params: &[("owner", "owner id")], ..page("One owner", Access::SignedIn) };
    get "/homes/home/{urn}" => pages::page, Doc { path_params: &[("urn", "Ofsted URN")], ..page("One children's home", Access::SignedIn) };
}
