//! The README's iQiyi block, as it is printed there (the suite checks the two
//! are the same and runs it against the sandbox).
use vodkit::iqiyi::{Client, Config, DeleteFiles, FullStatus, UploadOptions, UrlList, VideoState};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let env = |name: &str| std::env::var(name).map_err(|_| format!("set {name}"));
    let config = Config::new(
        env("VODKIT_IQIYI_CLIENT_ID")?,
        env("VODKIT_IQIYI_CLIENT_SECRET")?,
    )
    .base_url(env("VODKIT_IQIYI_BASE_URL")?) // the sandbox; leave it out for iQiyi itself
    .on_tokens(|t| println!("store the new token pair (expires in {} s)", t.expires_in));
    let client = Client::new(config)?;
    let options = UploadOptions {
        description: Some("a talk".into()),
        ..Default::default()
    };
    let up = client.upload("talk.mp4", &options)?;
    let status = FullStatus {
        file_id: up.file_id.clone(),
    };
    while client.full_status(&status)?.state == VideoState::Publishing {
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    let urls = client.url_list(&UrlList {
        file_id: up.file_id.clone(),
    })?; // expire in ~15 minutes
    println!("{:?}", urls.url("m3u8", 96)?);
    client.delete(&DeleteFiles {
        delete_type: 1,
        file_ids: Some(up.file_id),
    })?;
    Ok(())
}
