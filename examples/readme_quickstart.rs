//! The README's Rust quick start, as it is printed there (the suite checks
//! the two are the same and runs it against the sandbox).
use std::ops::ControlFlow;
use vodkit::baijiayun::{Client, Config, GetPlayerToken, GetStatus, GetUrl, UploadOptions};
use vodkit::upload::UploadHooks;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The sandbox's settings (`vodkit sandbox` prints them), or your account's;
    // `.private_domain("acme")` instead of `.base_url(…)` for a private domain.
    let env = |name: &str| std::env::var(name).map_err(|_| format!("set {name}"));
    let config = Config::new(
        env("VODKIT_BAIJIAYUN_PARTNER_ID")?,
        env("VODKIT_BAIJIAYUN_PARTNER_KEY")?,
    )
    .base_url(env("VODKIT_BAIJIAYUN_BASE_URL")?);
    let client = Client::new(config)?;

    // Upload: one request streamed from disk, retried and resumed (in ranged parts) on failure.
    let progress = UploadHooks::new().on_progress(|p| {
        println!("{} / {} bytes", p.bytes_done, p.bytes_total);
        ControlFlow::Continue(()) // ControlFlow::Break(()) aborts
    });
    let options = UploadOptions {
        definitions: vec![16, 1, 4],
        ..Default::default()
    };
    let video_id = client
        .upload_with("lecture.mp4", &options, progress)?
        .video_id;

    // Poll the status until transcoding ends (or receive the callback, below).
    loop {
        let status = client.get_status(&GetStatus { video_id })?;
        if status.state().is_final() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }

    // Play URLs per definition, and a player token.
    let urls = client.get_url(&GetUrl {
        video_id,
        ..Default::default()
    })?;
    for (definition, play) in &urls.play_info {
        println!("{definition}: {}", play.url);
    }
    let token = client.get_player_token(&GetPlayerToken {
        video_id,
        expires_in: Some(3600),
    })?;
    println!("player token: {} characters", token.token.len());
    Ok(())
}
