//! The README's 趣视频 console block, as it is printed there (the suite checks
//! the two are the same and runs it against the sandbox).
use vodkit::quvideo::{Client, Config, CreateAudit, DeleteVideoById, GetVideos, SignOut};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let env = |name: &str| std::env::var(name).map_err(|_| format!("set {name}"));
    let config = Config::new(
        env("VODKIT_QUVIDEO_USER_NAME")?,
        env("VODKIT_QUVIDEO_PASSWORD")?,
    )
    .base_url(env("VODKIT_QUVIDEO_BASE_URL")?); // your AppServer's address
    let console = Client::new(config)?;
    let pending = GetVideos {
        censor_status: Some("onCensor".into()),
        page_size: 20,
        ..Default::default()
    };
    for video in &console.get_videos(&pending)?.video_list {
        println!("{} {} {}", video.video_id, video.title, video.creation_time); // pageIndex starts at 1
    }
    console.create_audit(&CreateAudit::block("vid001", "spam"))?;
    console.delete_video_by_id(&DeleteVideoById {
        video_id: "vid002".into(),
        user_id: None,
    })?;
    console.sign_out(&SignOut {})?;
    Ok(())
}
