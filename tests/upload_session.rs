//! A third uploading provider, defined only here, writes no lifecycle code:
//! it answers the upload session's questions (create or locate the object,
//! the part sink, complete, the remote digest) for a tiny loopback object
//! store, and the session uploads, resumes from a checkpoint and verifies.

mod common;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use common::fake_server::{self, FakeServer, Reply, Request};
use md5::{Digest, Md5};
use serde_json::{json, Value};
use vodkit::http::RetryPolicy;
use vodkit::upload::checkpoint::Record;
use vodkit::upload::{
    AckedRange, Committed, EngineOptions, Located, NotLocated, Part, PartAck, PartBody, PartSink,
    RemoteUpload, Session, Source, Start, UploadHooks,
};
use vodkit::{Error, ErrorKind, Result};

fn md5_hex(bytes: &[u8]) -> String {
    Md5::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The store's objects: bytes by offset, and what happened to them.
#[derive(Default)]
struct Store {
    objects: BTreeMap<String, Object>,
    /// Once this many parts are stored, every part request fails with
    /// HTTP 500 before storing anything.
    fail_after_parts: Option<u32>,
    stored_parts: u32,
    /// Flip a byte of every part stored from now on (its answer tells the truth).
    damage_stored: bool,
}

#[derive(Default, Clone)]
struct Object {
    bytes: Vec<u8>,
    /// How many times the part at each offset arrived.
    parts: BTreeMap<u64, u32>,
    completed: bool,
}

/// `POST /create` → `{"id"}`; `POST /part?id&offset` (body: the bytes) →
/// `{"len", "md5"}`; `POST /complete?id`; `GET /md5?id` → `{"md5"}`.
fn store_server(store: Arc<Mutex<Store>>) -> FakeServer {
    fake_server::serve(move |request: Request| {
        let mut store = store.lock().unwrap();
        let q = request.query();
        let id = q.get("id").cloned().unwrap_or_default();
        match request.path() {
            "/create" => {
                let id = format!("obj-{}", store.objects.len() + 1);
                store.objects.insert(id.clone(), Object::default());
                Reply::ok(json!({ "id": id }).to_string())
            }
            "/part" => {
                if store
                    .fail_after_parts
                    .is_some_and(|n| store.stored_parts >= n)
                {
                    return Reply::status(500, "{}");
                }
                store.stored_parts += 1;
                let damage = store.damage_stored;
                let Some(object) = store.objects.get_mut(&id) else {
                    return Reply::status(404, "{}");
                };
                let offset: usize = q["offset"].parse().unwrap();
                let mut body = request.body.clone();
                let answer = json!({ "len": body.len(), "md5": md5_hex(&body) });
                if damage && !body.is_empty() {
                    body[0] ^= 0xff;
                }
                if object.bytes.len() < offset + body.len() {
                    object.bytes.resize(offset + body.len(), 0);
                }
                object.bytes[offset..offset + body.len()].copy_from_slice(&body);
                *object.parts.entry(offset as u64).or_default() += 1;
                Reply::ok(answer.to_string())
            }
            "/complete" => {
                store.objects.get_mut(&id).unwrap().completed = true;
                Reply::ok("{}")
            }
            "/md5" => {
                let object = &store.objects[&id];
                Reply::ok(json!({ "md5": md5_hex(&object.bytes) }).to_string())
            }
            _ => Reply::status(404, "{}"),
        }
    })
}

/// The whole provider: nothing in it is lifecycle.
struct FakeProvider {
    url: String,
    http: reqwest::blocking::Client,
    part_size: u64,
}

#[derive(Debug)]
struct FakeObject {
    id: String,
}

impl FakeProvider {
    fn answer(&self, response: reqwest::Result<reqwest::blocking::Response>) -> Result<Value> {
        let response = response.map_err(|e| Error::new(ErrorKind::Network, e.to_string()))?;
        let status = response.status().as_u16();
        if status >= 500 {
            return Err(Error::new(ErrorKind::Server, format!("HTTP {status}")));
        }
        if status != 200 {
            return Err(Error::new(ErrorKind::Provider, format!("HTTP {status}")));
        }
        let text = response
            .text()
            .map_err(|e| Error::new(ErrorKind::Network, e.to_string()))?;
        serde_json::from_str(&text).map_err(|e| Error::new(ErrorKind::Server, e.to_string()))
    }

    fn session<'a>(&'a self, dir: &'a std::path::Path) -> Session<'a, Self> {
        Session {
            remote: self,
            checkpoint_dir: Some(dir),
            verify_md5: true,
        }
    }
}

impl RemoteUpload for FakeProvider {
    type Object = FakeObject;

    fn provider(&self) -> &'static str {
        "fake"
    }

    fn create(&self, _source: &Source) -> Result<FakeObject> {
        let answer = self.answer(self.http.post(format!("{}/create", self.url)).send())?;
        Ok(FakeObject {
            id: answer["id"].as_str().unwrap().to_owned(),
        })
    }

    fn locate(
        &self,
        handle: &Value,
        checkpoint: Option<&Record>,
        _source: &Source,
    ) -> std::result::Result<Located<FakeObject>, NotLocated> {
        let id = handle["id"]
            .as_str()
            .ok_or_else(|| Error::invalid_input("no id"))?;
        let ranges: Vec<AckedRange> = checkpoint.map(|r| r.ranges.clone()).unwrap_or_default();
        Ok(Located {
            object: FakeObject { id: id.to_owned() },
            held: Committed::Ranges(ranges.iter().map(|r| r.offset..r.end()).collect()),
            ranges,
        })
    }

    fn handle(&self, object: &FakeObject, _acked: &[AckedRange]) -> Value {
        json!({ "provider": "fake", "id": object.id })
    }

    fn engine(&self, _source: &Source, _held: &Committed) -> Result<EngineOptions> {
        Ok(EngineOptions {
            part_size: self.part_size,
            concurrency: 1,
            retry: RetryPolicy::none(),
            hash_parts: true,
            integrity_retries: None,
        })
    }

    fn sink<'a>(
        &'a self,
        object: &'a FakeObject,
        _source: &Source,
        _held: &Committed,
    ) -> Result<Box<dyn PartSink + 'a>> {
        Ok(Box::new(FakeSink {
            provider: self,
            id: &object.id,
        }))
    }

    fn complete(&self, object: &FakeObject) -> Result<()> {
        let url = format!("{}/complete?id={}", self.url, object.id);
        self.answer(self.http.post(url).send()).map(|_| ())
    }

    fn remote_md5(&self, object: &FakeObject) -> Result<Option<String>> {
        let url = format!("{}/md5?id={}", self.url, object.id);
        let answer = self.answer(self.http.get(url).send())?;
        Ok(answer["md5"].as_str().map(str::to_owned))
    }

    fn describe(&self, err: Error, object: &FakeObject) -> Error {
        err.with_detail(format!("id={}", object.id))
    }
}

struct FakeSink<'a> {
    provider: &'a FakeProvider,
    id: &'a str,
}

impl PartSink for FakeSink<'_> {
    fn send_part(&self, part: &Part, body: PartBody, _total: u64) -> Result<PartAck> {
        let url = format!(
            "{}/part?id={}&offset={}",
            self.provider.url, self.id, part.offset
        );
        let body = reqwest::blocking::Body::sized(body, part.len);
        let answer = self
            .provider
            .answer(self.provider.http.post(url).body(body).send())?;
        Ok(PartAck {
            accepted_len: answer["len"].as_u64(),
            md5: answer["md5"].as_str().map(str::to_owned),
            held: None,
        })
    }

    fn committed(&self) -> Result<Committed> {
        Err(Error::internal("unordered: never asked"))
    }

    fn ordered(&self) -> bool {
        false
    }

    fn reports_md5(&self) -> bool {
        true
    }
}

const PART: u64 = 64 * 1024;

fn provider(server: &FakeServer) -> FakeProvider {
    FakeProvider {
        url: server.url.clone(),
        http: common::http_client(),
        part_size: PART,
    }
}

#[test]
fn a_provider_that_writes_no_lifecycle_uploads_resumes_and_verifies() {
    let store = Arc::new(Mutex::new(Store::default()));
    let server = store_server(store.clone());
    let fake = provider(&server);
    let files = tempfile::tempdir().unwrap();
    let checkpoints = tempfile::tempdir().unwrap();
    let path = common::random_file(files.path(), "movie.bin", 6 * PART + 5);
    let source = Source::open(&path).unwrap();
    let local = std::fs::read(&path).unwrap();

    // Parts fail once two arrived (no retries, one in flight): the session
    // keeps what was acknowledged in the checkpoint and hands back a
    // resume handle.
    store.lock().unwrap().fail_after_parts = Some(2);
    let err = fake
        .session(checkpoints.path())
        .run(&source, Start::Fresh, &mut UploadHooks::new())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server, "{err}");
    assert_eq!(err.resume().unwrap()["id"], "obj-1", "{err}");
    let held_before: Vec<u64> = store.lock().unwrap().objects["obj-1"]
        .parts
        .keys()
        .copied()
        .collect();
    assert_eq!(held_before, [0, PART], "two parts arrived");
    assert_eq!(
        vodkit::upload::checkpoint::list(checkpoints.path())
            .unwrap()
            .len(),
        1,
        "the checkpoint records the upload"
    );

    // The same file again, healed: the session finds the checkpoint,
    // locates the object, sends only what is missing, completes, and
    // checks the store's MD5 against the file's.
    store.lock().unwrap().fail_after_parts = None;
    let done = fake
        .session(checkpoints.path())
        .run(&source, Start::Fresh, &mut UploadHooks::new())
        .unwrap();
    assert_eq!(done.object.id, "obj-1", "no second object");
    assert_eq!(done.file_md5.as_deref(), Some(md5_hex(&local).as_str()));
    let store_now = store.lock().unwrap();
    let object = &store_now.objects["obj-1"];
    assert_eq!(store_now.objects.len(), 1);
    assert!(object.completed);
    assert_eq!(object.bytes, local);
    for offset in &held_before {
        assert_eq!(object.parts[offset], 1, "part {offset} was not sent again");
    }
    drop(store_now);
    assert!(
        vodkit::upload::checkpoint::list(checkpoints.path())
            .unwrap()
            .is_empty(),
        "a finished upload leaves no checkpoint"
    );
}

#[test]
fn the_session_checks_the_remote_digest() {
    let store = Arc::new(Mutex::new(Store {
        damage_stored: true,
        ..Store::default()
    }));
    let server = store_server(store.clone());
    let fake = provider(&server);
    let files = tempfile::tempdir().unwrap();
    let checkpoints = tempfile::tempdir().unwrap();
    let path = common::random_file(files.path(), "damaged.bin", 3 * PART);
    let source = Source::open(&path).unwrap();
    let err = fake
        .session(checkpoints.path())
        .run(&source, Start::Fresh, &mut UploadHooks::new())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity, "{err}");
    assert!(err.message().contains("MD5"), "{err}");
    assert!(store.lock().unwrap().objects["obj-1"].completed);
}
