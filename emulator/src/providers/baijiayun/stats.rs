//! Usage statistics (API 21, 22, 24, 25, 28-30, 37-39), synthesised.
//!
//! The emulator has no viewers, so plays are made up, deterministically, by
//! one rule that every answer is computed from (so the documented invariants
//! hold: an account's flow over a range is the sum of its daily detail, the
//! daily counts sum to the play records, the rank is the per-video sum):
//!
//! - a video that is transcoded is played [`plays`] times on each day from the
//!   day it was created to yesterday (the provider computes statistics once a
//!   day, so today and the future read 0); days are China time (UTC+8), see
//!   [`super::dates`];
//! - `plays = mix("{video_id}:{yyyy-mm-dd}") % 8`;
//! - every play delivers the whole source file: `flow = plays × source bytes`;
//! - play `i` of a day is described by `mix("{video_id}:{date}:{i}")` (see
//!   [`record`]).
//!
//! Only VOD videos exist here: the live product lines (`product_type` 1-4)
//! have no plays and no flow.

use serde_json::{json, Map, Value};

use super::dates;
use super::request::{page_of, ApiError, Handler, Req};
use super::state::Shared;
use super::store::video::TRANSCODED;
use super::video::with_video;
use crate::common::lock::lock;

#[derive(Debug, Default)]
pub struct State {}

pub const HANDLERS: &[(&str, Handler)] = &[
    ("video_data/getUsedFlow", video_used_flow),
    ("video_account/getUsedFlow", account_used_flow),
    ("video_data/getVideoPlayRecord", video_play_record),
    (
        "video_data/exportVideoReportBatch",
        export_video_report_batch,
    ),
    ("video_data/getVideoPlayCountRank", play_count_rank),
    ("video_data/getVideoDailyPlayCount", video_daily_play_count),
    (
        "video_data/getPartnerDailyPlayCount",
        partner_daily_play_count,
    ),
    ("video_account/getUsedFlowDetail", account_used_flow_detail),
    ("video_data/getUsedFlowDetail", product_used_flow_detail),
    ("video_account/getStorgeAndFlowInfo", storage_and_flow_info),
];

/// The document sets no limit on date ranges; the emulator caps them so an
/// answer stays small.
const MAX_RANGE_DAYS: i64 = 366;
/// API 28 lists the top 100.
const RANK_SIZE: usize = 100;
/// The product line of cloud VOD.
const PRODUCT_VOD: i64 = 5;

// ---------------------------------------------------------------- date parameters

fn day_param(req: &Req, key: &str) -> Result<i64, ApiError> {
    dates::parse_day(req.str(key)?)
        .ok_or_else(|| ApiError::param(format!("{key} must be a yyyy-mm-dd date")))
}

/// `start_date`..=`end_date`, checked: in order and at most [`MAX_RANGE_DAYS`].
fn date_range(req: &Req) -> Result<(i64, i64), ApiError> {
    let (start, end) = (day_param(req, "start_date")?, day_param(req, "end_date")?);
    if start > end {
        return Err(ApiError::param("start_date is after end_date"));
    }
    if end - start >= MAX_RANGE_DAYS {
        return Err(ApiError::param(format!(
            "the range may span at most {MAX_RANGE_DAYS} days"
        )));
    }
    Ok((start, end))
}

/// `start_time`..=`end_time` of API 24/25: one day, in order. Returns the day
/// and the window in seconds into it.
fn time_window(req: &Req) -> Result<(i64, i64, i64), ApiError> {
    let parse = |key: &str| -> Result<(i64, i64), ApiError> {
        let unix = dates::parse_datetime(req.str(key)?)
            .ok_or_else(|| ApiError::param(format!("{key} must be yyyy-mm-dd HH:MM:SS")))?;
        let day = dates::day_of(unix);
        Ok((day, unix - dates::start_of(day)))
    };
    let ((day, from), (end_day, to)) = (parse("start_time")?, parse("end_time")?);
    if day != end_day {
        return Err(ApiError::param(
            "start_time and end_time must be on the same day",
        ));
    }
    if from > to {
        return Err(ApiError::param("start_time is after end_time"));
    }
    Ok((day, from, to))
}

/// Optional `product_type` (0 = all), 1001 outside 0..=5. Whether VOD is asked for.
fn wants_vod(req: &Req) -> Result<bool, ApiError> {
    match req.opt_i64("product_type")?.unwrap_or(0) {
        0 | PRODUCT_VOD => Ok(true),
        1..=4 => Ok(false),
        _ => Err(ApiError::param("product_type must be 0..=5")),
    }
}

// ---------------------------------------------------------------- the rule

/// FNV-1a with a SplitMix64 finish: stable across runs and platforms.
pub(crate) fn mix(key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// What the statistics need of a video.
#[derive(Debug, Clone, Copy)]
struct Played {
    id: i64,
    /// Day of creation: no plays before it.
    first_day: i64,
    /// Source bytes, delivered once per play.
    bytes: i64,
}

/// The videos that can be played (transcoded), by id, and "today".
fn catalog(shared: &Shared) -> (Vec<Played>, i64) {
    let now = shared.clock().now_secs();
    let mut videos = lock(&shared.videos);
    let played = videos
        .values_mut()
        .filter_map(|v| {
            v.tick(now, &shared.config);
            (v.status == TRANSCODED).then(|| Played {
                id: v.id,
                first_day: dates::day_of(v.create_time),
                bytes: v.received as i64,
            })
        })
        .collect();
    (played, dates::day_of(now))
}

/// The [`catalog`] when VOD is asked for; otherwise no videos (only VOD
/// videos exist here).
fn catalog_if(shared: &Shared, vod: bool) -> (Vec<Played>, i64) {
    if vod {
        catalog(shared)
    } else {
        (Vec::new(), 0)
    }
}

/// The one video `video_id` (1001 when it does not exist), in the catalog or not.
fn one_video(shared: &Shared, req: &Req) -> Result<(Option<Played>, i64), ApiError> {
    let id = req.i64("video_id")?;
    with_video(shared, id, |_| Ok(()))?;
    let (all, today) = catalog(shared);
    Ok((all.into_iter().find(|v| v.id == id), today))
}

/// Plays of `v` on `day` (0 before its creation and from today on).
fn plays(v: &Played, day: i64, today: i64) -> i64 {
    if day < v.first_day || day >= today {
        return 0;
    }
    (mix(&format!("{}:{}", v.id, dates::format_day(day))) % 8) as i64
}

fn flow(v: &Played, day: i64, today: i64) -> i64 {
    plays(v, day, today) * v.bytes
}

/// Play `i` of `v` on `day`: (seconds into the day it began, its JSON record).
fn record(v: &Played, day: i64, i: i64) -> (i64, Value) {
    const AREAS: &[&str] = &["", "安徽 亳州", "广东 广州", "北京 北京", "上海 上海"];
    let date = dates::format_day(day);
    let h = mix(&format!("{}:{date}:{i}", v.id));
    let begin = (h % 86_400) as i64;
    let length = ((h >> 17) % 1800) as i64;
    let end = (begin + length + ((h >> 29) % 60) as i64).min(86_399);
    let midnight = dates::start_of(day);
    let at = |secs: i64| dates::format_datetime(midnight + secs);
    let json = json!({
        "guid": format!("{h:016X}{:016X}", mix(&format!("guid:{}:{date}:{i}", v.id))),
        "uuid": format!("uuid-{:016x}", mix(&format!("uuid:{}:{date}:{i}", v.id))),
        "video_id": v.id,
        "user_name": "",
        "user_number": 0,
        "play_begin_time": at(begin),
        "play_end_time": at(end),
        "client_type": (h >> 40) % 6,
        "play_length": length,
        "user_ip": format!("10.{}.{}.{}", (h >> 8) & 255, (h >> 16) & 255, (h >> 24) & 255),
        "area": AREAS[((h >> 48) % AREAS.len() as u64) as usize],
    });
    (begin, json)
}

/// Every play of `videos` on `day` that began within `from..=to` seconds,
/// in order of beginning (then video, then play).
fn records(videos: &[Played], day: i64, today: i64, from: i64, to: i64) -> Vec<Value> {
    let mut all: Vec<(i64, i64, i64, Value)> = videos
        .iter()
        .flat_map(|v| (0..plays(v, day, today)).map(move |i| (v, i)))
        .map(|(v, i)| {
            let (begin, json) = record(v, day, i);
            (begin, v.id, i, json)
        })
        .filter(|(begin, ..)| (from..=to).contains(begin))
        .collect();
    all.sort_by_key(|r| (r.0, r.1, r.2));
    all.into_iter().map(|r| r.3).collect()
}

/// One page of `records` as API 24/25 answer it.
fn record_page(req: &Req, records: Vec<Value>) -> Result<Value, ApiError> {
    let (page, size) = req.page(100, 1000)?;
    let total = records.len();
    let list: Vec<Value> = page_of(records, page, size).collect();
    Ok(json!({ "total": total, "list": list, "page": page, "page_size": size }))
}

/// `{date: f(day)}` for every day of the range.
fn per_day(start: i64, end: i64, f: impl Fn(i64) -> i64) -> Value {
    Value::Object(
        (start..=end)
            .map(|d| (dates::format_day(d), json!(f(d))))
            .collect::<Map<_, _>>(),
    )
}

// ---------------------------------------------------------------- handlers

fn video_used_flow(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let (start, end) = date_range(req)?;
    if !dates::same_month(start, end) {
        return Err(ApiError::param(
            "start_date and end_date must be in the same month",
        ));
    }
    let (video, today) = one_video(shared, req)?;
    let total: i64 = video.map_or(0, |v| (start..=end).map(|d| flow(&v, d, today)).sum());
    Ok(json!({ "flow": total }))
}

fn account_used_flow(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let (start, end) = date_range(req)?;
    let (videos, today) = catalog(shared);
    let total: i64 = videos
        .iter()
        .flat_map(|v| (start..=end).map(move |d| flow(v, d, today)))
        .sum();
    Ok(json!({ "flow": total }))
}

fn video_play_record(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let (day, from, to) = time_window(req)?;
    let (video, today) = one_video(shared, req)?;
    let videos: Vec<Played> = video.into_iter().collect();
    record_page(req, records(&videos, day, today, from, to))
}

fn export_video_report_batch(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let (day, from, to) = time_window(req)?;
    let (videos, today) = catalog_if(shared, wants_vod(req)?);
    record_page(req, records(&videos, day, today, from, to))
}

fn play_count_rank(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let (start, end) = date_range(req)?;
    let (videos, today) = catalog_if(shared, wants_vod(req)?);
    let mut rank: Vec<(i64, i64)> = videos
        .iter()
        .map(|v| (v.id, (start..=end).map(|d| plays(v, d, today)).sum::<i64>()))
        .filter(|(_, count)| *count > 0)
        .collect();
    rank.sort_by_key(|(id, count)| (-count, *id));
    rank.truncate(RANK_SIZE);
    let list: Vec<Value> = rank
        .iter()
        .map(|(id, c)| json!({ "video_id": id, "play_count": c }))
        .collect();
    Ok(json!({ "play_rank": list }))
}

fn video_daily_play_count(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let (start, end) = date_range(req)?;
    let (video, today) = one_video(shared, req)?;
    Ok(json!({ "play_count": per_day(start, end, |d| video.map_or(0, |v| plays(&v, d, today))) }))
}

fn partner_daily_play_count(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let (start, end) = date_range(req)?;
    let (videos, today) = catalog_if(shared, wants_vod(req)?);
    Ok(
        json!({ "play_count": per_day(start, end, |d| videos.iter().map(|v| plays(v, d, today)).sum()) }),
    )
}

fn account_used_flow_detail(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let (start, end) = date_range(req)?;
    let (videos, today) = catalog(shared);
    Ok(json!({ "flow": per_day(start, end, |d| videos.iter().map(|v| flow(v, d, today)).sum()) }))
}

fn product_used_flow_detail(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let product = req.i64("product_type")?;
    if !(1..=5).contains(&product) {
        return Err(ApiError::param("product_type must be 1..=5"));
    }
    let day = day_param(req, "date")?;
    let (page, size) = req.page(100, 1000)?;
    let (videos, today) = catalog_if(shared, product == PRODUCT_VOD);
    // The catalog is in video id order; the document's example sends both as strings.
    let used: Vec<Value> = videos
        .iter()
        .map(|v| (v.id, flow(v, day, today)))
        .filter(|(_, f)| *f > 0)
        .map(|(id, f)| json!({ "video_id": id.to_string(), "flow": f.to_string() }))
        .collect();
    let total = used.len();
    let list: Vec<Value> = page_of(used, page, size).collect();
    Ok(json!({ "total": total, "list": list }))
}

fn storage_and_flow_info(shared: &Shared, _req: &Req) -> Result<Value, ApiError> {
    let storage = video_storage(shared) + super::subtitle::stored_bytes(shared);
    let (videos, today) = catalog(shared);
    // Everything delivered since each video was created.
    let flow_total: i64 = videos
        .iter()
        .flat_map(|v| (v.first_day..today).map(move |d| flow(v, d, today)))
        .sum();
    let zero = json!({ "storage": 0, "flow": 0 });
    // The emulator holds no documents (only VOD), so `doc` is empty.
    let doc_storage = 0;
    Ok(json!({
        "large_class": zero,
        "small_class": zero,
        "double_teacher": zero,
        "business": zero,
        "video": { "storage": storage, "flow": flow_total },
        "weclass": zero,
        "doc": { "storage": doc_storage },
        "total": { "storage": storage + doc_storage, "flow": flow_total },
    }))
}

/// Bytes held for videos: the source (unless deleted) plus every transcoded file.
fn video_storage(shared: &Shared) -> i64 {
    let videos = lock(&shared.videos);
    videos
        .values()
        .map(|v| {
            let kept_source = if v.origin_deleted { 0 } else { v.received };
            let stored = if v.status == TRANSCODED {
                v.total_transcode_size() - v.received + kept_source
            } else {
                v.received
            };
            stored as i64
        })
        .sum()
}
