//! The README's "Copying between providers" block, as it is printed there (the
//! suite checks the two are the same and runs it against the sandbox).
use serde_json::json;
use vodkit::upload::UploadHooks;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let env = |name: &str| std::env::var(name).map_err(|_| format!("set {name}"));
    let bjy = vodkit::Client::new(
        "baijiayun",
        &json!({
            "partner_id": env("VODKIT_BAIJIAYUN_PARTNER_ID")?,
            "partner_key": env("VODKIT_BAIJIAYUN_PARTNER_KEY")?,
            "base_url": env("VODKIT_BAIJIAYUN_BASE_URL")?,
        }),
    )?;
    let iqiyi = vodkit::Client::new(
        "iqiyi",
        &json!({
            "client_id": env("VODKIT_IQIYI_CLIENT_ID")?,
            "client_secret": env("VODKIT_IQIYI_CLIENT_SECRET")?,
            "base_url": env("VODKIT_IQIYI_BASE_URL")?,
        }),
    )?;
    // A video to move; a copy reads its play URL, which exists once it is transcoded.
    let id = bjy.upload("lecture.mp4", &json!({}), UploadHooks::new())?["video_id"].clone();
    while bjy.call("video/getStatus", &json!({ "video_id": id }))?["status"] != 100 {
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    let options = json!({ "checkpoint_dir": "vodkit-checkpoints" }); // resumable when run again
    let copied = vodkit::copy(&bjy, &id.to_string(), &iqiyi, &options, UploadHooks::new())?;
    println!(
        "{} → {} ({} bytes, MD5 {:?})",
        copied.source_id, copied.target_id, copied.bytes, copied.md5
    );
    Ok(())
}
