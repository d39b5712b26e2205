//! Every dashboard page in headless Chromium (Debian's `chromium` and `chromium-driver`),
//! driven over WebDriver: the server runs on an ephemeral loopback port over the test store,
//! a user signs in through the form, each page is loaded, its key content checked, and a
//! full-page screenshot is kept in `target/screenshots/` as a test artefact.
//!
//! Without Chromium or chromedriver the test prints `SKIPPED` and passes (CI installs both).

mod common;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use carelens_server::AppState;
use common::{PASSWORD, fixtures};
use fantoccini::{Client, ClientBuilder, Locator};

const CHROMIUM: &[&str] =
    &["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const DRIVER: &[&str] = &["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"];

fn first_existing(list: &[&str]) -> Option<String> {
    list.iter().find(|p| std::path::Path::new(p).exists()).map(|p| (*p).to_owned())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn screenshot_dir() -> PathBuf {
    // target/tmp → target/screenshots
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits for the page script to finish drawing (it sets `data-ready` on `<body>`).
async fn ready(c: &Client, what: &str) {
    for _ in 0..200 {
        let done = c.execute("return document.body.dataset.ready === '1'", vec![]).await.unwrap();
        if done.as_bool() == Some(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what}: the page did not finish drawing in 10 s");
}

/// Loads `path`, waits, checks there is no error box, saves a full-page screenshot and
/// returns the page's text.
async fn visit(c: &Client, base: &str, path: &str, shot: &str) -> String {
    c.goto(&format!("{base}{path}")).await.unwrap();
    ready(c, path).await;
    let text = c.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
    assert!(
        c.find_all(Locator::Css("main .error")).await.unwrap().is_empty(),
        "{path} shows an error: {text}"
    );
    // Every request the page made went to this server.
    let foreign = c
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin))",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(foreign, serde_json::json!([]), "{path} requested another host");
    save(c, shot).await;
    text
}

async fn save(c: &Client, name: &str) {
    let h = c.execute("return document.documentElement.scrollHeight", vec![]).await.unwrap();
    let h = h.as_u64().unwrap_or(900).clamp(700, 5000) as u32;
    c.set_window_size(1400, h + 90).await.unwrap();
    tokio::time::sleep(Duration::from_millis(150)).await;
    let png = c.screenshot().await.unwrap();
    std::fs::write(screenshot_dir().join(format!("{name}.png")), png).unwrap();
    c.set_window_size(1400, 1000).await.unwrap();
}

async fn sign_in(c: &Client, base: &str, user: &str) {
    c.goto(&format!("{base}/login")).await.unwrap();
    c.find(Locator::Id("username")).await.unwrap().send_keys(user).await.unwrap();
    c.find(Locator::Id("password")).await.unwrap().send_keys(PASSWORD).await.unwrap();
    c.find(Locator::Css("button[type=submit]")).await.unwrap().click().await.unwrap();
    ready(c, "after sign-in").await;
}

async fn count(c: &Client, css: &str) -> usize {
    c.find_all(Locator::Css(css)).await.unwrap().len()
}

#[test]
fn every_page_renders_in_headless_chromium() {
    let (Some(chromium), Some(driver)) = (first_existing(CHROMIUM), first_existing(DRIVER)) else {
        println!(
            "SKIPPED: headless browser test: chromium and chromedriver are not installed (apt-get install chromium chromium-driver)"
        );
        return;
    };
    let fx = &fixtures()[0];
    let port = free_port();
    let _driver = Driver(
        Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let rt =
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    rt.block_on(async {
        let bound = carelens_server::bind("127.0.0.1:0", AppState::new(fx.store.clone())).await.unwrap();
        let base = format!("http://{}", bound.local_addr().unwrap());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(bound.run(async {
            let _ = stopped.await;
        }));

        let profile = tempfile::tempdir().unwrap();
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1400,1000",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
            }),
        );
        let mut client = None;
        for _ in 0..50 {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector).capabilities(caps.clone()).connect(&format!("http://127.0.0.1:{port}")).await {
                Ok(c) => {
                    client = Some(c);
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        }
        let c = client.expect("chromedriver did not start");

        // Signed out, a page goes to the login form.
        c.goto(&format!("{base}/lottery")).await.unwrap();
        let url = c.current_url().await.unwrap();
        assert!(url.path() == "/login", "{url}");
        save(&c, "login").await;

        // An LA user: every page, child pages included.
        sign_in(&c, &base, "newham").await;
        let t = visit(&c, &base, "/", "england").await;
        assert!(t.contains("England") && t.contains("Children looked after per 10,000"), "{t}");
        assert!(count(&c, "figure.fig svg.chart").await >= 2, "trend and regions charts");
        assert!(t.contains("North East") && t.contains("Returns loaded for 3 LAs"), "{t}");

        let t = visit(&c, &base, "/la", "la-list").await;
        assert!(t.contains("Newham") && t.contains("Knowsley"));
        assert_eq!(count(&c, "table.data tbody tr").await, 153);

        let t = visit(&c, &base, "/la/316", "la-newham").await;
        assert!(t.contains("Newham") && t.contains("Similar authorities") && t.contains("Data quality"));
        assert!(count(&c, "figure.fig svg.chart").await >= 10);

        let t = visit(&c, &base, "/lottery", "lottery").await;
        assert!(t.contains("League table"));
        assert!(count(&c, "svg.map path.la").await >= 153, "every LA on the map");
        assert_eq!(count(&c, "table.data tbody tr").await, 153);
        let t = visit(&c, &base, "/lottery?indicator=ofsted.ilacs", "lottery-ilacs").await;
        assert!(t.contains("Outstanding") || t.contains("Good"));

        let t = visit(&c, &base, "/validation/316", "validation-newham").await;
        assert!(t.contains("Rules failed") && t.contains("Children with findings"), "{t}");
        // Drill down from the first child with findings.
        let link = c.find(Locator::Css("#children table.data tbody tr td a")).await.unwrap();
        link.click().await.unwrap();
        ready(&c, "child rows").await;
        let t = c.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
        assert!(t.contains("Findings") && t.contains("Episodes") || t.contains("Header"), "{t}");
        assert!(count(&c, "td.bad").await >= 1, "failing cells are highlighted");
        save(&c, "child-rows").await;

        let t = visit(&c, &base, "/children", "children").await;
        assert!(t.contains("Children in the return"));
        let t = visit(&c, &base, &format!("/children/{}", fx.newham_child), "child-timeline").await;
        assert!(t.contains("Timeline") && t.contains("Placements") && t.contains("Social workers"), "{t}");
        assert!(count(&c, "svg.timeline rect.seg").await >= 2, "periods and placements drawn");

        let t = visit(&c, &base, "/homes?q=Lancashire", "homes-search").await;
        assert!(t.contains("Homes matching") && t.contains("Sector and owner size"), "{t}");
        // An owner from the largest owners table, and one of its homes.
        let owner = c.find(Locator::Css("figure[data-figure='largest-owners'] tbody a")).await.unwrap();
        owner.click().await.unwrap();
        ready(&c, "owner").await;
        let t = c.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
        assert!(t.contains("Market share") && t.contains("Places over time"), "{t}");
        save(&c, "owner").await;
        let home = c.find(Locator::Css("figure[data-figure='homes'] tbody a")).await.unwrap();
        home.click().await.unwrap();
        ready(&c, "home").await;
        let t = c.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
        assert!(t.contains("URN") && t.contains("At 31 March each year"), "{t}");
        save(&c, "home").await;

        // A regional user: aggregates only; no Children link, and the child page is refused.
        c.find(Locator::Css(".who button")).await.unwrap().click().await.unwrap();
        sign_in(&c, &base, "london").await;
        assert_eq!(count(&c, "nav a[href='/children']").await, 0);
        let t = visit(&c, &base, "/validation/202", "validation-camden-regional").await;
        assert!(t.contains("Child-level drill-down is for the authority's own users"), "{t}");
        c.goto(&format!("{base}/children/{}", fx.newham_child)).await.unwrap();
        let body = c.find(Locator::Css("body")).await.unwrap().text().await.unwrap();
        assert!(body.contains("Not allowed"), "{body}");
        assert!(!body.contains(&fx.newham_child), "{body}");

        c.close().await.unwrap();
        let _ = stop.send(());
        server.await.unwrap().unwrap();
    });
    println!("screenshots in {}", screenshot_dir().display());
}
