//! Usage statistics: flow, play records, play counts, storage
//! (API 21, 22, 24, 25, 28, 29, 30, 37, 38, 39).
//!
//! Dates are `yyyy-mm-dd` strings and times `yyyy-mm-dd HH:MM:SS` strings, as
//! on the wire. The client rejects malformed dates and the range rules the
//! document states (start after end; API 21 across months; API 24/25 across
//! days) before sending anything. The provider computes flow once a day, so
//! today's figures are not final.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use super::check_page;
use crate::error::{Error, Result};
use crate::lenient;

/// The most records one page of API 24/25 may ask for.
pub const MAX_PLAY_RECORD_PAGE_SIZE: i64 = 1000;

/// Returns the traffic (bytes) one video used between two dates of the
/// same month (counted once a day, so today's figure is not final).
/// API 21 `video_data/getUsedFlow` (path inferred from the section text).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetVideoUsedFlow {
    /// The video.
    pub video_id: i64,
    /// First day, `yyyy-mm-dd` (inclusive).
    pub start_date: String,
    /// Last day, `yyyy-mm-dd` (inclusive; not before `start_date`, same month).
    pub end_date: String,
}

impl crate::api::Validate for GetVideoUsedFlow {
    fn validate(&self) -> Result<()> {
        let (start, end) = date_range(&self.start_date, &self.end_date)?;
        if (start.0, start.1) != (end.0, end.1) {
            return Err(Error::invalid_input(
                "start_date and end_date must be in the same month",
            ));
        }
        Ok(())
    }
}

/// Returns the traffic (bytes) the whole account used between two dates
/// (counted once a day). API 22 `video_account/getUsedFlow` (path inferred
/// from the section text).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetAccountUsedFlow {
    /// First day, `yyyy-mm-dd` (inclusive).
    pub start_date: String,
    /// Last day, `yyyy-mm-dd` (inclusive; not before `start_date`).
    pub end_date: String,
}

impl crate::api::Validate for GetAccountUsedFlow {
    fn validate(&self) -> Result<()> {
        date_range(&self.start_date, &self.end_date).map(drop)
    }
}

/// Flow in bytes (API 21, 22).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UsedFlow {
    /// Bytes.
    #[serde(default, deserialize_with = "lenient::int")]
    pub flow: i64,
}

/// Returns one page of the play records of a video within one day: one
/// record per play. API 24 `video_data/getVideoPlayRecord` (path inferred
/// from the section text).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetVideoPlayRecord {
    /// The video.
    pub video_id: i64,
    /// Start of the window, `yyyy-mm-dd HH:MM:SS`.
    pub start_time: String,
    /// End of the window, `yyyy-mm-dd HH:MM:SS`: the same day as
    /// `start_time`, not before it.
    pub end_time: String,
    /// Page number, from 1 (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
    /// Records per page, 1 to 1000 (default 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
}

impl crate::api::Validate for GetVideoPlayRecord {
    fn validate(&self) -> Result<()> {
        time_window(&self.start_time, &self.end_time)?;
        check_page(self.page, self.page_size, MAX_PLAY_RECORD_PAGE_SIZE)
    }
}

/// Returns one page of the play records of every video of the account (VOD
/// and replays) within one day: one record per play.
/// API 25 `video_data/exportVideoReportBatch` (path inferred from the section text).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ExportVideoReportBatch {
    /// Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise
    /// live, 5 VOD (default 0: all).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_type: Option<i64>,
    /// Start of the window, `yyyy-mm-dd HH:MM:SS`.
    pub start_time: String,
    /// End of the window, `yyyy-mm-dd HH:MM:SS`: the same day as
    /// `start_time`, not before it.
    pub end_time: String,
    /// Page number, from 1 (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
    /// Records per page, 1 to 1000 (default 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
}

impl crate::api::Validate for ExportVideoReportBatch {
    fn validate(&self) -> Result<()> {
        time_window(&self.start_time, &self.end_time)?;
        check_page(self.page, self.page_size, MAX_PLAY_RECORD_PAGE_SIZE)
    }
}

/// One play of one video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlayRecord {
    /// Unique per play, 32 characters.
    #[serde(default, deserialize_with = "lenient::string")]
    pub guid: String,
    /// The viewer's device, chosen by the client.
    #[serde(default, deserialize_with = "lenient::string")]
    pub uuid: String,
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    /// The classroom of a replay (API 25 only, replays only).
    #[serde(default, deserialize_with = "lenient::opt_int")]
    pub room_id: Option<i64>,
    /// The viewer's name, as your site gave it to the player.
    #[serde(default, deserialize_with = "lenient::string")]
    pub user_name: String,
    /// The viewer's number, as your site gave it to the player.
    #[serde(default, deserialize_with = "lenient::int")]
    pub user_number: i64,
    /// `yyyy-mm-dd HH:MM:SS`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub play_begin_time: String,
    /// `yyyy-mm-dd HH:MM:SS`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub play_end_time: String,
    /// Seconds actually watched.
    #[serde(default, deserialize_with = "lenient::int")]
    pub play_length: i64,
    /// 1 iPhone, 2 iPad, 3 Android, 4 mobile web, 5 PC web, 0 unknown.
    #[serde(default, deserialize_with = "lenient::int")]
    pub client_type: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub user_ip: String,
    /// `province city`, may be empty.
    #[serde(default, deserialize_with = "lenient::string")]
    pub area: String,
}

/// One page of play records (API 24, 25).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlayRecords {
    /// Records in all pages.
    #[serde(default, deserialize_with = "lenient::int")]
    pub total: i64,
    #[serde(default, deserialize_with = "lenient::list")]
    pub list: Vec<PlayRecord>,
    #[serde(default, deserialize_with = "lenient::int")]
    pub page: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub page_size: i64,
}

/// Returns the 100 most played videos between two dates, with their play
/// counts. API 28 `video_data/getVideoPlayCountRank`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetVideoPlayCountRank {
    /// Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise
    /// live, 5 VOD (default 0: all).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_type: Option<i64>,
    /// First day, `yyyy-mm-dd` (inclusive).
    pub start_date: String,
    /// Last day, `yyyy-mm-dd` (inclusive; not before `start_date`).
    pub end_date: String,
}

impl crate::api::Validate for GetVideoPlayCountRank {
    fn validate(&self) -> Result<()> {
        date_range(&self.start_date, &self.end_date).map(drop)
    }
}

/// A video and how often it was played.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlayRankEntry {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub play_count: i64,
}

/// Most played first.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlayCountRank {
    #[serde(default, deserialize_with = "lenient::list")]
    pub play_rank: Vec<PlayRankEntry>,
}

/// Returns how often one video was played on each day between two dates.
/// API 29 `video_data/getVideoDailyPlayCount`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetVideoDailyPlayCount {
    /// The video.
    pub video_id: i64,
    /// First day, `yyyy-mm-dd` (inclusive).
    pub start_date: String,
    /// Last day, `yyyy-mm-dd` (inclusive; not before `start_date`).
    pub end_date: String,
}

impl crate::api::Validate for GetVideoDailyPlayCount {
    fn validate(&self) -> Result<()> {
        date_range(&self.start_date, &self.end_date).map(drop)
    }
}

/// Returns how often the account's videos were played on each day between
/// two dates. API 30 `video_data/getPartnerDailyPlayCount`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetPartnerDailyPlayCount {
    /// Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise
    /// live, 5 VOD (default 0: all).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_type: Option<i64>,
    /// First day, `yyyy-mm-dd` (inclusive).
    pub start_date: String,
    /// Last day, `yyyy-mm-dd` (inclusive; not before `start_date`).
    pub end_date: String,
}

impl crate::api::Validate for GetPartnerDailyPlayCount {
    fn validate(&self) -> Result<()> {
        date_range(&self.start_date, &self.end_date).map(drop)
    }
}

/// Plays per `yyyy-mm-dd` (API 29, 30).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DailyPlayCount {
    /// Plays by day (`yyyy-mm-dd`).
    #[serde(default, deserialize_with = "int_map")]
    pub play_count: BTreeMap<String, i64>,
}

/// Returns the traffic (bytes) the account used on each day between two
/// dates (counted once a day). API 37 `video_account/getUsedFlowDetail`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetAccountUsedFlowDetail {
    /// First day, `yyyy-mm-dd` (inclusive).
    pub start_date: String,
    /// Last day, `yyyy-mm-dd` (inclusive; not before `start_date`).
    pub end_date: String,
}

impl crate::api::Validate for GetAccountUsedFlowDetail {
    fn validate(&self) -> Result<()> {
        date_range(&self.start_date, &self.end_date).map(drop)
    }
}

/// Bytes per `yyyy-mm-dd` (API 37).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UsedFlowDetail {
    /// Bytes by day (`yyyy-mm-dd`).
    #[serde(default, deserialize_with = "int_map")]
    pub flow: BTreeMap<String, i64>,
}

/// Returns one page of the traffic (bytes) each video of one product line
/// used on one day. API 38 `video_data/getUsedFlowDetail`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetProductUsedFlowDetail {
    /// Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise
    /// live, 5 VOD.
    pub product_type: i64,
    /// The day, `yyyy-mm-dd`.
    pub date: String,
    /// Page number, from 1 (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
    /// Videos per page, from 1 (default 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
}

impl crate::api::Validate for GetProductUsedFlowDetail {
    fn validate(&self) -> Result<()> {
        parse_date(&self.date)?;
        if !(1..=5).contains(&self.product_type) {
            return Err(Error::invalid_input("product_type must be 1..=5"));
        }
        if self.page.is_some_and(|p| p < 1) || self.page_size.is_some_and(|s| s < 1) {
            return Err(Error::invalid_input("page and page_size must be >= 1"));
        }
        Ok(())
    }
}

/// The provider sends both fields as strings.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoFlow {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    /// Bytes.
    #[serde(default, deserialize_with = "lenient::int")]
    pub flow: i64,
}

/// One page of traffic per video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoFlowPage {
    /// Videos in all pages.
    #[serde(default, deserialize_with = "lenient::int")]
    pub total: i64,
    #[serde(default, deserialize_with = "lenient::list")]
    pub list: Vec<VideoFlow>,
}

/// Returns the storage and traffic (bytes) of each product line of the
/// account, and in total (traffic is counted once a day).
/// API 39 `video_account/getStorgeAndFlowInfo` (sic: the real path).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetStorageAndFlowInfo {}

/// Bytes stored and bytes delivered by one product line.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct ProductUsage {
    #[serde(default, deserialize_with = "lenient::int")]
    pub storage: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub flow: i64,
}

/// Storage and flow per product line, and in total.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StorageAndFlow {
    /// Big classes (live).
    #[serde(default, deserialize_with = "usage")]
    pub large_class: ProductUsage,
    /// Small classes.
    #[serde(default, deserialize_with = "usage")]
    pub small_class: ProductUsage,
    /// Dual-teacher classes.
    #[serde(default, deserialize_with = "usage")]
    pub double_teacher: ProductUsage,
    /// Enterprise live.
    #[serde(default, deserialize_with = "usage")]
    pub business: ProductUsage,
    /// Cloud VOD.
    #[serde(default, deserialize_with = "usage")]
    pub video: ProductUsage,
    #[serde(default, deserialize_with = "usage")]
    pub weclass: ProductUsage,
    /// Documents: storage only (`flow` stays 0).
    #[serde(default, deserialize_with = "usage")]
    pub doc: ProductUsage,
    #[serde(default, deserialize_with = "usage")]
    pub total: ProductUsage,
}

/// A calendar date: (year, month, day).
type Ymd = (i64, i64, i64);

/// Checks both dates and their order.
fn date_range(start: &str, end: &str) -> Result<(Ymd, Ymd)> {
    let (s, e) = (parse_date(start)?, parse_date(end)?);
    if s > e {
        return Err(Error::invalid_input(format!(
            "start_date {start} is after end_date {end}"
        )));
    }
    Ok((s, e))
}

/// `yyyy-mm-dd`, a real calendar date.
fn parse_date(text: &str) -> Result<Ymd> {
    let bad = || Error::invalid_input(format!("{text:?} is not a yyyy-mm-dd date"));
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| -> Result<i64> {
        let part = &text[r];
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        part.parse().map_err(|_| bad())
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return Err(bad());
    }
    Ok((y, m, d))
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `yyyy-mm-dd HH:MM:SS`: the date, and seconds into the day.
fn parse_time(text: &str) -> Result<(Ymd, i64)> {
    let bad = || Error::invalid_input(format!("{text:?} is not a yyyy-mm-dd HH:MM:SS time"));
    let (date, clock) = text.split_once(' ').ok_or_else(bad)?;
    let date = parse_date(date).map_err(|_| bad())?;
    let parts: Vec<&str> = clock.split(':').collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.len() != 2 || !p.bytes().all(|c| c.is_ascii_digit()))
    {
        return Err(bad());
    }
    let n: Vec<i64> = parts.iter().map(|p| p.parse().unwrap_or(99)).collect();
    if n[0] > 23 || n[1] > 59 || n[2] > 59 {
        return Err(bad());
    }
    Ok((date, n[0] * 3600 + n[1] * 60 + n[2]))
}

/// API 24/25: both times valid, in order, and on the same day.
fn time_window(start: &str, end: &str) -> Result<()> {
    let (s, e) = (parse_time(start)?, parse_time(end)?);
    if s.0 != e.0 {
        return Err(Error::invalid_input(
            "start_time and end_time must be on the same day",
        ));
    }
    if s.1 > e.1 {
        return Err(Error::invalid_input(format!(
            "start_time {start} is after end_time {end}"
        )));
    }
    Ok(())
}

/// A `{date: number}` map whose numbers may be strings. The provider is PHP:
/// an empty map arrives as `[]`, and a missing one as `null`.
fn int_map<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<BTreeMap<String, i64>, D::Error> {
    #[derive(Deserialize)]
    struct Int(#[serde(deserialize_with = "lenient::int")] i64);

    #[derive(Deserialize)]
    #[serde(untagged)]
    #[allow(dead_code)] // `List` is only matched, never read.
    enum Shape {
        Map(BTreeMap<String, Int>),
        List(Vec<serde::de::IgnoredAny>),
    }
    Ok(match Option::<Shape>::deserialize(d)? {
        Some(Shape::Map(m)) => m.into_iter().map(|(k, v)| (k, v.0)).collect(),
        Some(Shape::List(_)) | None => BTreeMap::new(),
    })
}

/// A product's usage, where `null` or `[]` (PHP's empty map) mean zeros.
fn usage<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<ProductUsage, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    #[allow(dead_code)] // `List` is only matched, never read.
    enum Shape {
        Usage(ProductUsage),
        List(Vec<serde::de::IgnoredAny>),
    }
    Ok(match Option::<Shape>::deserialize(d)? {
        Some(Shape::Usage(u)) => u,
        Some(Shape::List(_)) | None => ProductUsage::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_examples_parse() {
        let r: PlayRecords = serde_json::from_str(
            r#"{"total":2,"list":[{"guid":"00128569A70D778BAFB5216E5C7F4957","video_id":130446,
            "play_begin_time":"2017-09-08 10:00:07","client_type":4,"play_length":45,
            "area":"安徽 亳州","room_id":17061987494184},{"video_id":"135947","room_id":null}],
            "page":1,"page_size":"100"}"#,
        )
        .unwrap();
        assert_eq!((r.total, r.page, r.page_size), (2, 1, 100));
        assert_eq!(r.list[0].room_id, Some(17061987494184));
        assert_eq!((r.list[0].client_type, r.list[0].play_length), (4, 45));
        assert_eq!((r.list[1].video_id, r.list[1].room_id), (135947, None));

        let f: VideoFlowPage =
            serde_json::from_str(r#"{"total":5,"list":[{"video_id":"489126","flow":"6667752"}]}"#)
                .unwrap();
        assert_eq!(
            (f.total, f.list[0].video_id, f.list[0].flow),
            (5, 489126, 6667752)
        );

        let c: DailyPlayCount =
            serde_json::from_str(r#"{"play_count":{"2016-12-06":2,"2016-12-07":"0"}}"#).unwrap();
        assert_eq!(c.play_count["2016-12-06"], 2);
        assert_eq!(c.play_count["2016-12-07"], 0);
        let empty: UsedFlowDetail = serde_json::from_str(r#"{"flow":[]}"#).unwrap();
        assert!(empty.flow.is_empty());

        let s: StorageAndFlow = serde_json::from_str(
            r#"{"video":{"storage":"10","flow":3},"doc":{"storage":69698},"weclass":[],
            "total":{"storage":69708,"flow":3}}"#,
        )
        .unwrap();
        assert_eq!(
            s.video,
            ProductUsage {
                storage: 10,
                flow: 3
            }
        );
        assert_eq!(
            s.doc,
            ProductUsage {
                storage: 69698,
                flow: 0
            }
        );
        assert_eq!(s.weclass, ProductUsage::default());
        assert_eq!(s.total.storage, 69708);
    }

    #[test]
    fn dates_are_checked() {
        assert_eq!(parse_date("2024-02-29").unwrap(), (2024, 2, 29));
        for bad in [
            "2023-02-29",
            "2017-8-01",
            "2017-13-01",
            "2017-08-00",
            "17-08-01x",
            "2017/08/01",
            "",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
        assert!(date_range("2017-08-03", "2017-08-01").is_err());
        assert!(time_window("2017-09-08 00:30:00", "2017-09-08 23:59:59").is_ok());
        assert!(time_window("2017-09-08 00:30:00", "2017-09-09 00:00:00").is_err());
        assert!(time_window("2017-09-08 10:00:00", "2017-09-08 09:00:00").is_err());
        assert!(time_window("2017-09-08 24:00:00", "2017-09-08 23:00:00").is_err());
        assert!(time_window("2017-09-08T00:00:00", "2017-09-08 23:00:00").is_err());
    }
}
