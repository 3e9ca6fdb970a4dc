//! The README's "One client for every provider" block, as it is printed there
//! (the suite checks the two are the same and runs it against the sandbox).
use serde_json::json;
use vodkit::upload::UploadHooks;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let env = |name: &str| std::env::var(name).map_err(|_| format!("set {name}"));
    let config = json!({
        "partner_id": env("VODKIT_BAIJIAYUN_PARTNER_ID")?,
        "partner_key": env("VODKIT_BAIJIAYUN_PARTNER_KEY")?,
        "base_url": env("VODKIT_BAIJIAYUN_BASE_URL")?, // or "private_domain": "acme"
        "request_timeout_ms": 30000,       // the HTTP keys are the same for every provider
        "retry": { "max_retries": 4 },
    });
    let client = vodkit::Client::new("baijiayun", &config)?;
    let (path, options) = ("lecture.mp4", json!({ "definitions": [16, 1] }));
    let uploaded = match client.upload(path, &options, UploadHooks::new()) {
        Ok(done) => done, // {"video_id": N, "bytes": …, "resumed_from": 0}
        Err(err) => match err.resume() {
            Some(handle) => client.resume_upload(handle, path, &json!(null), UploadHooks::new())?,
            None => return Err(err.into()),
        },
    };
    let id = &uploaded["video_id"];
    let status = client.call("video/getStatus", &json!({ "video_id": id }))?;
    println!("{uploaded} {status}");
    for op in client.operations() {
        println!("{} ({}): {}", op.name, op.function, op.doc);
    }
    Ok(())
}
