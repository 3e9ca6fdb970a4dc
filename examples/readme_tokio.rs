//! The README's "From async code (tokio)" block, as it is printed there (the
//! suite checks the two are the same and runs it against the sandbox).
use vodkit::baijiayun::{Client, Config, UploadOptions};
use vodkit::upload::{UploadControl, UploadHooks};
use vodkit::ErrorKind;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let env = |name: &str| std::env::var(name).map_err(|_| format!("set {name}"));
    let config = Config::new(
        env("VODKIT_BAIJIAYUN_PARTNER_ID")?,
        env("VODKIT_BAIJIAYUN_PARTNER_KEY")?,
    )
    .base_url(env("VODKIT_BAIJIAYUN_BASE_URL")?);
    // Made anywhere, even in an async task; only its calls go through spawn_blocking.
    let client = Client::new(config)?;
    tokio::runtime::Runtime::new()?.block_on(publish(client))
}

async fn publish(client: Client) -> Result<(), Box<dyn std::error::Error>> {
    let control = UploadControl::new();
    let (c, ctl) = (client.clone(), control.clone());
    let upload = tokio::task::spawn_blocking(move || {
        let hooks = UploadHooks::new().control(ctl);
        c.upload_with("lecture.mp4", &UploadOptions::default(), hooks)
    });
    // … elsewhere, on shutdown: control.cancel();
    match upload.await? {
        Ok(up) => println!("video {}", up.video_id),
        Err(e) if e.kind() == ErrorKind::Cancelled => println!("later: resume {:?}", e.resume()),
        Err(e) => return Err(e.into()),
    }
    Ok(())
}
