//! The HTTP boundary, request by request (no socket: `router(state).oneshot(req)`), on every
//! backend: who may read what, login and sessions, the route table and its description.

mod common;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use carelens_server::{AppState, router};
use common::{Fixture, PASSWORD, fixtures};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// How a request authenticates.
#[derive(Clone, Copy)]
enum As<'a> {
    Nobody,
    Token(&'a str),
    Cookie(&'a str),
}

struct Res {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Res {
    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

async fn send(state: &AppState, req: Request<Body>) -> Res {
    let res = router(state.clone()).oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Res { status, headers, body }
}

async fn get(state: &AppState, path: &str, who: As<'_>) -> Res {
    let mut req = Request::get(path);
    match who {
        As::Nobody => {}
        As::Token(t) => req = req.header(header::AUTHORIZATION, format!("Bearer {t}")),
        As::Cookie(c) => req = req.header(header::COOKIE, format!("carelens_session={c}")),
    }
    send(state, req.body(Body::empty()).unwrap()).await
}

/// Runs `test` on every backend, each with its own runtime (the fixture is built outside it).
fn each<F, Fut>(test: F)
where
    F: Fn(&'static Fixture, AppState) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for fx in fixtures() {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let state = AppState::new(fx.store.clone());
        rt.block_on(test(fx, state));
    }
}

/// The described routes with sample values for their path parameters.
fn described(doc: &serde_json::Value, fx: &Fixture) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            let concrete = path
                .replace("{la}", "316")
                .replace("{child}", &fx.newham_child)
                .replace("{urn}", "1183605")
                .replace("{owner}", "lonsdale%20care%20ltd")
                .replace("{file}", "app.css");
            out.push((method.clone(), concrete, op["x-access"].as_str().unwrap().to_owned()));
        }
    }
    out
}

#[test]
fn every_described_route_answers_and_nothing_else_does() {
    each(|fx, state| async move {
        let doc = get(&state, "/api/openapi.json", As::Nobody).await.json();
        assert_eq!(doc["openapi"], "3.1.0");
        let routes = described(&doc, fx);
        assert!(routes.len() >= 30, "{} routes described", routes.len());
        for (method, path, access) in &routes {
            let who =
                if access == "child-level" { fx.token("newham") } else { fx.token("england") };
            let req = Request::builder()
                .method(method.to_uppercase().as_str())
                .uri(path.as_str())
                .header(header::AUTHORIZATION, format!("Bearer {who}"))
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from("username=x&password=y"))
                .unwrap();
            let res = send(&state, req).await;
            assert!(
                !res.headers.contains_key("x-carelens-no-route"),
                "{} {method} {path}: described but not routed",
                fx.backend
            );
            assert!(res.status.as_u16() < 500, "{} {method} {path}: {}", fx.backend, res.status);
        }
        let res = get(&state, "/api/not-a-route", As::Token(fx.token("england"))).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        assert!(res.headers.contains_key("x-carelens-no-route"));
    });
}

#[test]
fn without_credentials_data_routes_say_401_and_pages_go_to_login() {
    each(|fx, state| async move {
        let doc = get(&state, "/api/openapi.json", As::Nobody).await.json();
        for (method, path, access) in described(&doc, fx) {
            if method != "get" || access == "public" {
                continue;
            }
            let res = get(&state, &path, As::Nobody).await;
            if path.starts_with("/api/") {
                assert_eq!(res.status, StatusCode::UNAUTHORIZED, "{} {path}", fx.backend);
                assert!(res.headers.contains_key(header::WWW_AUTHENTICATE));
            } else {
                assert_eq!(res.status, StatusCode::SEE_OTHER, "{} {path}", fx.backend);
                let to = res.headers[header::LOCATION].to_str().unwrap();
                assert!(to.starts_with("/login?next="), "{path} → {to}");
            }
        }
        // A wrong token is refused.
        let res = get(&state, "/api/me", As::Token("cl_0000")).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    });
}

#[test]
fn an_la_user_reads_its_own_childrens_records() {
    each(|fx, state| async move {
        let newham = As::Token(fx.token("newham"));
        let list = get(&state, "/api/children?with_findings=1", newham).await;
        assert_eq!(list.status, StatusCode::OK, "{}", fx.backend);
        let list = list.json();
        assert_eq!(list["la"]["code"], "316");
        let children = list["children"].as_array().unwrap();
        assert!(!children.is_empty(), "1% injected errors leave some children with findings");
        assert!(children.iter().all(|c| c["findings"].as_u64().unwrap() > 0));

        let path = format!("/api/children/{}/timeline", fx.newham_child);
        let t = get(&state, &path, newham).await;
        assert_eq!(t.status, StatusCode::OK, "{} {path}", fx.backend);
        let t = t.json();
        assert_eq!(t["child"], fx.newham_child.as_str());
        assert!(!t["placements"].as_array().unwrap().is_empty());
        assert_eq!(t["as_at"], "2025-03-31");

        // The drill-down to a child with findings marks the failing cells.
        let failing = children[0]["id"].as_str().unwrap();
        let rows = get(&state, &format!("/api/children/{failing}/rows"), newham).await.json();
        assert!(!rows["findings"].as_array().unwrap().is_empty());
        let marked = rows["tables"].as_array().unwrap().iter().any(|t| {
            t["rows"].as_array().unwrap().iter().any(|r| !r["rules"].as_array().unwrap().is_empty())
        });
        assert!(marked, "some row names the rule that flagged it");
    });
}

#[test]
fn guessing_another_las_child_id_finds_nothing() {
    each(|fx, state| async move {
        let newham = As::Token(fx.token("newham"));
        let camden = As::Token(fx.token("camden"));
        for what in ["timeline", "rows"] {
            // The Camden child exists, and Camden's own user can read it…
            let path = format!("/api/children/{}/{what}", fx.camden_child);
            assert_eq!(
                get(&state, &path, camden).await.status,
                StatusCode::OK,
                "{} {path}",
                fx.backend
            );
            // …but to Newham's user it answers exactly as an id that exists nowhere.
            let guessed = get(&state, &path, newham).await;
            let nowhere = get(&state, &format!("/api/children/NO-SUCH-CHILD/{what}"), newham).await;
            assert_eq!(guessed.status, StatusCode::NOT_FOUND, "{} {path}", fx.backend);
            assert_eq!(guessed.body, nowhere.body, "the answer must not tell the two apart");
            assert!(!guessed.text().contains(&fx.camden_child));
            // With a year given, too.
            let path = format!("/api/children/{}/{what}?year=2024", fx.camden_child);
            assert_eq!(get(&state, &path, newham).await.status, StatusCode::NOT_FOUND);
        }
        // The list never includes another LA's children.
        let list =
            get(&state, &format!("/api/children?search={}", fx.camden_child), newham).await.json();
        for c in list["children"].as_array().unwrap() {
            assert_ne!(c["id"], fx.camden_child.as_str());
        }
    });
}

#[test]
fn regional_and_national_users_have_no_child_routes() {
    each(|fx, state| async move {
        for user in ["london", "england"] {
            let who = As::Token(fx.token(user));
            for path in [
                "/api/children".to_owned(),
                "/api/children?with_findings=1".to_owned(),
                format!("/api/children/{}/timeline", fx.newham_child),
                format!("/api/children/{}/rows", fx.newham_child),
                format!("/api/children/{}/timeline?year=2024", fx.camden_child),
            ] {
                let res = get(&state, &path, who).await;
                assert_eq!(res.status, StatusCode::FORBIDDEN, "{} {user} {path}", fx.backend);
                assert!(!res.text().contains(&fx.newham_child));
            }
            // The child pages are refused too, not just their data.
            for page in ["/children".to_owned(), format!("/children/{}", fx.newham_child)] {
                let res = get(&state, &page, who).await;
                assert_eq!(res.status, StatusCode::FORBIDDEN, "{user} {page}");
            }
            // And the validation report says there is no drill-down.
            let v = get(&state, "/api/la/316/validation", who).await.json();
            assert_eq!(v["child_level"], false, "{user}");
        }
    });
}

#[test]
fn aggregates_follow_the_role() {
    each(|fx, state| async move {
        let (newham, london, england) = (
            As::Token(fx.token("newham")),
            As::Token(fx.token("london")),
            As::Token(fx.token("england")),
        );
        // Validation reports: own LA for an LA user, the region for a regional user.
        assert_eq!(get(&state, "/api/la/316/validation", newham).await.status, StatusCode::OK);
        assert_eq!(
            get(&state, "/api/la/202/validation", newham).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(get(&state, "/api/la/202/validation", london).await.status, StatusCode::OK);
        assert_eq!(
            get(&state, "/api/la/340/validation", london).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(get(&state, "/api/la/340/validation", england).await.status, StatusCode::OK);

        // The LA page shows published figures to all, computed ones only where allowed.
        let camden_for_newham = get(&state, "/api/la/202", newham).await.json();
        assert_eq!(camden_for_newham["computed_visible"], false);
        assert!(
            camden_for_newham["indicators"]
                .as_array()
                .unwrap()
                .iter()
                .all(|m| m["source"] != "returns")
        );
        let own = get(&state, "/api/la/316", newham).await.json();
        assert!(
            own["indicators"].as_array().unwrap().iter().any(|m| m["source"] == "returns"),
            "{}",
            fx.backend
        );

        // The overview lists what each may see: answers are cached per view, never shared.
        let codes = |v: serde_json::Value| -> Vec<String> {
            v["las"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l["code"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(codes(get(&state, "/api/validation", newham).await.json()), ["316"]);
        let mut l = codes(get(&state, "/api/validation", london).await.json());
        l.sort();
        assert_eq!(l, ["202", "316"]);
        assert_eq!(codes(get(&state, "/api/validation", england).await.json()).len(), 3);

        // A computed measure on the lottery: only visible LAs have values.
        let meta = get(&state, "/api/meta", england).await.json();
        let computed = meta["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["source"] == "returns")
            .expect("a computed measure")["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let with_values = |v: serde_json::Value| -> usize {
            v["rows"].as_array().unwrap().iter().filter(|r| !r["value"].is_null()).count()
        };
        let path = format!("/api/lottery?indicator={computed}");
        assert_eq!(with_values(get(&state, &path, newham).await.json()), 1);
        assert_eq!(with_values(get(&state, &path, london).await.json()), 2);
        assert_eq!(with_values(get(&state, &path, england).await.json()), 3);
    });
}

#[test]
fn login_sets_a_session_and_logout_ends_it() {
    each(|fx, state| async move {
        let form = |user: &str, pw: &str| {
            Request::post("/login")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(format!(
                    "username={user}&password={}&next=%2Fla%2F316",
                    pw.replace(' ', "+")
                )))
                .unwrap()
        };
        let wrong = send(&state, form("newham", "not the password")).await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED, "{}", fx.backend);
        assert!(!wrong.headers.contains_key(header::SET_COOKIE));
        let unknown = send(&state, form("nobody", PASSWORD)).await;
        assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
        assert_eq!(wrong.body, unknown.body, "a wrong password and an unknown user look the same");

        let ok = send(&state, form("newham", PASSWORD)).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        assert_eq!(ok.headers[header::LOCATION], "/la/316");
        let cookie = ok.headers[header::SET_COOKIE].to_str().unwrap().to_owned();
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
        let token =
            cookie.split(';').next().unwrap().trim_start_matches("carelens_session=").to_owned();

        let me = get(&state, "/api/me", As::Cookie(&token)).await.json();
        assert_eq!(me["name"], "newham");
        assert_eq!(me["role"], "la");
        assert_eq!(get(&state, "/", As::Cookie(&token)).await.status, StatusCode::OK);

        let out = send(
            &state,
            Request::post("/logout")
                .header(header::COOKIE, format!("carelens_session={token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(out.status, StatusCode::SEE_OTHER);
        assert_eq!(
            get(&state, "/api/me", As::Cookie(&token)).await.status,
            StatusCode::UNAUTHORIZED
        );

        // `next` never leaves this server.
        let req = Request::post("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!(
                "username=newham&password={}&next=%2F%2Fevil.example",
                PASSWORD.replace(' ', "+")
            )))
            .unwrap();
        assert_eq!(send(&state, req).await.headers[header::LOCATION], "/");
    });
}

#[test]
fn pages_are_shells_with_strict_headers_and_the_lottery_downloads_as_csv() {
    each(|fx, state| async move {
        let england = As::Token(fx.token("england"));
        let page = get(&state, "/lottery", england).await;
        assert_eq!(page.status, StatusCode::OK);
        let csp = page.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("default-src 'self'") && csp.contains("connect-src 'self'"));
        let html = page.text();
        for attr in ["src=\"http", "href=\"http", "src=\"//", "href=\"//"] {
            assert!(!html.contains(attr), "no external reference ({attr})");
        }
        assert!(html.contains("/assets/pages.js?v="));

        let csv = get(
            &state,
            "/api/lottery?indicator=dfe.placements_3plus&year=2025&format=csv",
            england,
        )
        .await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/csv"));
        let text = csv.text();
        assert_eq!(text.lines().count(), 1 + 153, "a header and the 153 LAs");
        assert!(
            text.starts_with("la_code,la_name,region,year,3 or more placements in the year,rank")
        );

        assert_eq!(get(&state, "/api/la/999", england).await.status, StatusCode::NOT_FOUND);
        assert_eq!(get(&state, "/api/la/abc", england).await.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            get(&state, "/api/lottery?indicator=nonsense", england).await.status,
            StatusCode::BAD_REQUEST
        );
    });
}
