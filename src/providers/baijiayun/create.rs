//! getUploadUrl for an upload: the new video's id checked, and a lost answer
//! leaves no orphan.
//!
//! getUploadUrl creates the video before it answers. When that answer is
//! lost (the connection drops, or a 5xx after the work was done), a plain
//! retry would create a second video and leave the first on the server,
//! empty, for ever. So every attempt that may have been carried out is
//! followed by a look for the video it made — the same name, created since
//! just before the first attempt, still uploading and holding nothing — and
//! each one found is deleted (the log says which) before the next attempt.

use std::time::{SystemTime, UNIX_EPOCH};

use super::client::Client;
use super::models::manage::GetVideoList;
use super::models::video::{Delete, GetUploadUrl, UploadUrl};
use crate::api::{decode, Operation};
use crate::error::{Error, ErrorKind, Result};
use crate::http::{RetryPolicy, Transport};
use crate::params::Params;

/// How far before the first attempt the creation window opens: the
/// provider's clock may run behind ours.
const CLOCK_SLACK_SECS: i64 = 300;

/// Status of a video still waiting for its bytes.
const UPLOADING: i64 = 10;

/// The provider's times are China Standard Time (UTC+8, no daylight saving).
const CHINA_OFFSET_SECS: i64 = 8 * 3600;

impl Client {
    /// Creates the upload's video (getUploadUrl with the client's retries),
    /// removing any video a lost answer left behind, and checks the answer.
    pub(crate) fn create_video(&self, request: &GetUploadUrl) -> Result<UploadUrl> {
        let window_opens = unix_now() - CLOCK_SLACK_SECS;
        let created = Transport::with_retries(self.caller().retry(), |_| {
            self.call_once(request).inspect_err(|e| {
                if may_have_been_done(e) {
                    self.remove_orphans(&request.file_name, window_opens);
                }
            })
        })?;
        checked(created)
    }

    /// Deletes the videos a getUploadUrl whose answer was lost may have
    /// made: named `file_name`, created since `window_opens`, uploading,
    /// holding nothing. A failure to look is logged, not raised: the upload
    /// goes on either way.
    fn remove_orphans(&self, file_name: &str, window_opens: i64) {
        let list = GetVideoList {
            page: Some(1),
            page_size: Some(100),
            create_time: Some(china_datetime(window_opens)),
            name: Some(file_name.to_owned()),
        };
        let found = match self.call_once(&list) {
            Ok(found) => found,
            Err(e) => {
                log::warn!(
                    "baijiayun: getUploadUrl's answer may be lost and the video it made could \
                     not be looked for ({e}); it may stay on the server, empty"
                );
                return;
            }
        };
        let orphans = found
            .list
            .iter()
            .filter(|v| v.name == file_name && v.status == UPLOADING && v.total_size == 0);
        for orphan in orphans {
            let video_id = orphan.video_id;
            match self.call_once(&Delete { video_id }) {
                Ok(_) => log::warn!(
                    "baijiayun: getUploadUrl's answer was lost; deleted video {video_id}, which \
                     that call created, before asking again"
                ),
                Err(e) => log::warn!(
                    "baijiayun: getUploadUrl's answer was lost; video {video_id}, which that \
                     call created, could not be deleted ({e}) and stays on the server, empty"
                ),
            }
        }
    }

    /// One request of `O`, without the policy's retries.
    pub(super) fn call_once<O: Operation>(&self, request: &O) -> Result<O::Answer> {
        let caller = self.caller();
        let spec = O::SPEC;
        crate::api::Validate::validate(request)?;
        let params = Params::from_serialize(request)?;
        let data = caller.call_with_policy(
            caller.auth(),
            &spec.target(),
            params,
            None,
            &RetryPolicy::none(),
        )?;
        decode(&spec, data)
    }
}

/// Whether a failed request may still have been carried out: its answer
/// was lost on the way (network) or the server failed after the work.
fn may_have_been_done(err: &Error) -> bool {
    matches!(err.kind(), ErrorKind::Network | ErrorKind::Server)
}

/// getUploadUrl's answer, with a video id every later call can use.
fn checked(created: UploadUrl) -> Result<UploadUrl> {
    if created.video_id <= 0 {
        return Err(Error::new(
            ErrorKind::Provider,
            format!(
                "getUploadUrl returned video_id {}, which is no video id (it must be positive)",
                created.video_id
            ),
        ));
    }
    Ok(created)
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// `YYYY-mm-dd HH:MM:SS` in China time, the form getVideoList's
/// `create_time` takes.
fn china_datetime(unix_secs: i64) -> String {
    let local = unix_secs + CHINA_OFFSET_SECS;
    let (days, secs) = (local.div_euclid(86_400), local.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard
/// Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn china_time_is_utc_plus_eight() {
        assert_eq!(china_datetime(0), "1970-01-01 08:00:00");
        // 2017-08-01 09:20:08 UTC, the provider's signing example's end_time.
        assert_eq!(china_datetime(1_501_579_208), "2017-08-01 17:20:08");
        assert_eq!(china_datetime(951_825_600), "2000-02-29 20:00:00");
    }

    #[test]
    fn a_video_id_must_be_positive() {
        for bad in [0, -1, i64::MIN] {
            let err = checked(UploadUrl {
                video_id: bad,
                upload_url: "https://u".into(),
            })
            .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Provider);
            assert!(err.message().contains("video_id"), "{err}");
        }
    }
}
