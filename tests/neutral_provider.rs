//! Proof that the call layer is provider-neutral: a fake provider defined only
//! here — its own envelope, an auth that renews once, one catalog operation —
//! goes through the same call loop (auth → transport → envelope → retry →
//! renew once) and the same neutral client as Baijiayun, against a server on
//! loopback.

mod common;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::fake_server::{self, FakeServer, Reply};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use vodkit::api::{
    ApiRequest, Auth, Caller, CallerParts, Envelope, Method, NoAuth, OpSpec, Service, Session,
    Target, Validate,
};
use vodkit::http::{HttpConfig, Response, RetryPolicy};
use vodkit::params::Params;
use vodkit::upload::{Source, UploadHooks};
use vodkit::{Client, Error, ErrorKind, Result};

/// Echo a message back (the fake provider's one operation).
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
struct Echo {
    /// What to echo; must not be empty.
    message: String,
}

impl Validate for Echo {
    fn validate(&self) -> Result<()> {
        if self.message.is_empty() {
            return Err(Error::invalid_input("message is empty"));
        }
        Ok(())
    }
}

/// The echoed message.
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
struct Echoed {
    /// The message, as the server saw it.
    echo: String,
    /// The token the request carried.
    token: String,
}

vodkit::operations! {
    static CATALOG, provider "fake", host "api", methods fake_methods;
    Echo => Echoed { name "echo", function echo, POST, path "v1/echo" };
}

/// `{"status": "OK", "data": …}`; `{"status": "EXPIRED"}` means the token expired.
struct FakeEnvelope;

impl Envelope for FakeEnvelope {
    fn parse(&self, _operation: &str, response: Response) -> Result<Value> {
        if response.status >= 500 {
            return Err(Error::new(ErrorKind::Server, "HTTP 5xx").with_http_status(response.status));
        }
        let body: Value = serde_json::from_slice(&response.body)
            .map_err(|_| Error::new(ErrorKind::Server, "not JSON"))?;
        match body["status"].as_str() {
            Some("OK") => Ok(body["data"].clone()),
            Some("EXPIRED") => {
                Err(Error::new(ErrorKind::Auth, "token expired").with_provider_code("EXPIRED"))
            }
            other => Err(Error::new(ErrorKind::Provider, format!("status {other:?}"))),
        }
    }
}

/// A bearer token in a header, renewed by logging in.
struct TokenAuth {
    token: Mutex<String>,
    renewals: Arc<AtomicU32>,
}

impl Auth for TokenAuth {
    fn apply(
        &self,
        _session: &dyn Session,
        _operation: &str,
        request: &mut ApiRequest,
    ) -> Result<()> {
        let token = self.token.lock().unwrap().clone();
        request.headers.set("X-Token", token);
        Ok(())
    }

    fn is_expired(&self, err: &Error) -> bool {
        err.provider_code() == Some("EXPIRED")
    }

    fn renew(&self, session: &dyn Session) -> Result<()> {
        self.renewals.fetch_add(1, Ordering::SeqCst);
        let login = Target {
            name: "login",
            method: Method::Post,
            host: "api",
            path: "v1/login",
        };
        let mut params = Params::new();
        params.set("user", "demo");
        let data = session.call_with(&NoAuth, &login, params, None)?;
        *self.token.lock().unwrap() = data["token"].as_str().unwrap_or_default().to_owned();
        Ok(())
    }
}

struct FakeService {
    caller: Caller,
}

impl Service for FakeService {
    fn caller(&self) -> &Caller {
        &self.caller
    }

    fn catalog(&self) -> &'static [OpSpec] {
        CATALOG
    }

    fn upload(&self, _: Source, _: &Value, _: UploadHooks<'_>) -> Result<Value> {
        Err(Error::invalid_input("the fake provider takes no uploads"))
    }

    fn resume_upload(&self, _: &Value, _: Source, _: &Value, _: UploadHooks<'_>) -> Result<Value> {
        Err(Error::invalid_input("the fake provider takes no uploads"))
    }
}

/// The fake provider's server: `/v1/login` hands out `token-N`; `/v1/echo`
/// answers EXPIRED unless the token is the newest one, and 503 for the
/// message "flaky" the first `flaky` times.
struct Server {
    url: String,
    logins: Arc<AtomicU32>,
    echoes: Arc<AtomicU32>,
    _http: FakeServer,
}

fn server(flaky: u32, always_expired: bool) -> Server {
    let logins = Arc::new(AtomicU32::new(0));
    let echoes = Arc::new(AtomicU32::new(0));
    let (l, e) = (logins.clone(), echoes.clone());
    let flaky_left = AtomicU32::new(flaky);
    let http = fake_server::serve(move |request| {
        let form: BTreeMap<String, String> =
            form_urlencoded::parse(&request.body).into_owned().collect();
        let token = request.header("X-Token").unwrap_or_default().to_owned();
        let (status, answer) = match request.url.as_str() {
            "/fake/v1/login" => {
                let n = l.fetch_add(1, Ordering::SeqCst) + 1;
                (
                    200,
                    json!({"status": "OK", "data": {"token": format!("token-{n}")}}),
                )
            }
            "/fake/v1/echo" => {
                e.fetch_add(1, Ordering::SeqCst);
                let newest = format!("token-{}", l.load(Ordering::SeqCst));
                if form.get("message").map(String::as_str) == Some("flaky")
                    && flaky_left
                        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                        .is_ok()
                {
                    (503, json!({}))
                } else if always_expired || token != newest {
                    (200, json!({"status": "EXPIRED"}))
                } else {
                    (
                        200,
                        json!({"status": "OK", "data": {"echo": form["message"], "token": token}}),
                    )
                }
            }
            _ => (404, json!({"status": "NOT_FOUND"})),
        };
        Reply::status(status, answer.to_string())
    });
    Server {
        url: http.url.clone(),
        _http: http,
        logins,
        echoes,
    }
}

/// A client of the fake provider, and its auth's renewal count.
fn client(server: &Server) -> (Client, Arc<AtomicU32>) {
    let renewals = Arc::new(AtomicU32::new(0));
    let caller = Caller::new(CallerParts {
        provider: "fake",
        hosts: BTreeMap::from([("api".to_owned(), format!("{}/fake/", server.url))]),
        path_overrides: BTreeMap::new(),
        http: HttpConfig::default(),
        retry: RetryPolicy {
            max_retries: 3,
            initial_backoff: Duration::from_millis(5),
            max_backoff: Duration::from_millis(20),
            multiplier: 2.0,
        },
        auth: Box::new(TokenAuth {
            token: Mutex::new("stale".to_owned()),
            renewals: renewals.clone(),
        }),
        envelope: Box::new(FakeEnvelope),
    })
    .unwrap();
    (
        Client::from_service(Arc::new(FakeService { caller })),
        renewals,
    )
}

#[test]
fn an_expired_token_is_renewed_once_and_the_call_goes_through() {
    let server = server(0, false);
    let (client, renewals) = client(&server);
    let answer = client.call("echo", &json!({"message": "你好"})).unwrap();
    assert_eq!(answer, json!({"echo": "你好", "token": "token-1"}));
    assert_eq!(renewals.load(Ordering::SeqCst), 1);
    assert_eq!(server.logins.load(Ordering::SeqCst), 1);
    assert_eq!(
        server.echoes.load(Ordering::SeqCst),
        2,
        "the expired try and the renewed one"
    );

    // The renewed token is kept: the next call needs no renewal.
    client.call("echo", &json!({"message": "again"})).unwrap();
    assert_eq!(renewals.load(Ordering::SeqCst), 1);
}

#[test]
fn renewal_happens_at_most_once_per_call() {
    let server = server(0, true);
    let (client, renewals) = client(&server);
    let err = client.call("echo", &json!({"message": "x"})).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Auth);
    assert_eq!(err.provider_code(), Some("EXPIRED"));
    assert_eq!(renewals.load(Ordering::SeqCst), 1);
    assert_eq!(server.echoes.load(Ordering::SeqCst), 2);
}

#[test]
fn retryable_failures_are_retried_by_the_same_loop() {
    let server = server(2, false);
    let (client, _) = client(&server);
    let answer = client.call("echo", &json!({"message": "flaky"})).unwrap();
    assert_eq!(answer["echo"], "flaky");
    // Expired once (renewed), then two 503s retried, then OK.
    assert_eq!(server.echoes.load(Ordering::SeqCst), 4);
}

#[test]
fn the_catalog_types_and_validates_json_calls() {
    let server = server(0, false);
    let (client, _) = client(&server);
    let ops = client.operations();
    assert_eq!(ops.len(), 1);
    let op = &ops[0];
    assert_eq!(
        (op.provider.as_str(), op.name.as_str(), op.path.as_str()),
        ("fake", "echo", "v1/echo")
    );
    assert_eq!(
        op.doc,
        "Echo a message back (the fake provider's one operation)."
    );
    assert_eq!(op.params.len(), 1);
    assert_eq!(
        (op.params[0].name.as_str(), op.params[0].ty.as_str()),
        ("message", "string")
    );
    assert!(op.params[0].required);
    assert_eq!(op.answer["properties"]["echo"]["type"], "string");

    // Checked through the typed model before anything is sent.
    for (params, needle) in [
        (json!({"message": ""}), "message is empty"),
        (json!({"message": 7}), "invalid type"),
        (json!({"mesage": "typo"}), "unknown parameter \"mesage\""),
        (json!({}), "missing field `message`"),
    ] {
        let err = client.call("echo", &params).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{params}");
        assert!(err.message().contains(needle), "{err}");
    }
    let err = client.call("nope", &json!({})).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.message().contains("operations: echo"), "{err}");
    assert_eq!(server.echoes.load(Ordering::SeqCst), 0);
}
