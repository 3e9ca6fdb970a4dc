//! Statistics (API 21, 22, 24, 25, 28, 29, 30, 37, 38, 39) against the
//! emulator. The emulator synthesises plays by a fixed rule (see
//! emulator/src/baijiayun/stats.rs); the rule is re-derived here so every
//! value is checked exactly, along with the invariants that tie the answers
//! together.

mod common;

use std::collections::BTreeMap;

use serde_json::json;
use vodkit::baijiayun::models::*;
use vodkit::baijiayun::{
    Client, ExportVideoReportBatch, GetProductUsedFlowDetail, GetUploadUrl, GetVideoPlayRecord,
    PlayRecord, ProductUsage,
};
use vodkit::ErrorKind;
use vodkit_emulator::Emulator;

// ------------------------------------------------------------- the rule, again

fn mix(key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

fn date(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// China-time day of a unix time.
fn day_of(secs: i64) -> i64 {
    (secs + 8 * 3600).div_euclid(86_400)
}

/// A transcoded video as the rule sees it.
#[derive(Clone, Copy, Debug)]
struct V {
    id: i64,
    first_day: i64,
    bytes: i64,
}

fn plays(v: V, day: i64, today: i64) -> i64 {
    if day < v.first_day || day >= today {
        return 0;
    }
    (mix(&format!("{}:{}", v.id, date(day))) % 8) as i64
}

fn flow(v: V, day: i64, today: i64) -> i64 {
    plays(v, day, today) * v.bytes
}

/// Play `i` of `v` on `day`: (begin seconds, the expected record).
fn record(v: V, day: i64, i: i64) -> (i64, PlayRecord) {
    const AREAS: &[&str] = &["", "安徽 亳州", "广东 广州", "北京 北京", "上海 上海"];
    let d = date(day);
    let h = mix(&format!("{}:{d}:{i}", v.id));
    let begin = (h % 86_400) as i64;
    let length = ((h >> 17) % 1800) as i64;
    let end = (begin + length + ((h >> 29) % 60) as i64).min(86_399);
    let at = |s: i64| format!("{d} {:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
    let rec = PlayRecord {
        guid: format!("{h:016X}{:016X}", mix(&format!("guid:{}:{d}:{i}", v.id))),
        uuid: format!("uuid-{:016x}", mix(&format!("uuid:{}:{d}:{i}", v.id))),
        video_id: v.id,
        room_id: None,
        user_name: String::new(),
        user_number: 0,
        play_begin_time: at(begin),
        play_end_time: at(end),
        play_length: length,
        client_type: ((h >> 40) % 6) as i64,
        user_ip: format!(
            "10.{}.{}.{}",
            (h >> 8) & 255,
            (h >> 16) & 255,
            (h >> 24) & 255
        ),
        area: AREAS[((h >> 48) % AREAS.len() as u64) as usize].to_owned(),
    };
    (begin, rec)
}

/// Every play of `videos` on `day` beginning within `from..=to`, in the emulator's order.
fn records(videos: &[V], day: i64, today: i64, from: i64, to: i64) -> Vec<PlayRecord> {
    let mut all = Vec::new();
    for v in videos {
        for i in 0..plays(*v, day, today) {
            let (begin, rec) = record(*v, day, i);
            if (from..=to).contains(&begin) {
                all.push((begin, v.id, i, rec));
            }
        }
    }
    all.sort_by_key(|r| (r.0, r.1, r.2));
    all.into_iter().map(|r| r.3).collect()
}

fn assert_record(actual: &PlayRecord, expected: &PlayRecord) {
    assert_eq!(actual.guid, expected.guid);
    assert_eq!(actual.guid.len(), 32);
    assert_eq!(actual.uuid, expected.uuid);
    assert_eq!(actual.video_id, expected.video_id);
    assert_eq!(actual.room_id, None);
    assert_eq!(actual.user_name, expected.user_name);
    assert_eq!(actual.user_number, expected.user_number);
    assert_eq!(actual.play_begin_time, expected.play_begin_time);
    assert_eq!(actual.play_end_time, expected.play_end_time);
    assert_eq!(actual.play_length, expected.play_length);
    assert_eq!(actual.client_type, expected.client_type);
    assert_eq!(actual.user_ip, expected.user_ip);
    assert_eq!(actual.area, expected.area);
}

// ------------------------------------------------------------- fixture

struct Fixture {
    emu: Emulator,
    client: Client,
    /// Two transcoded videos.
    videos: Vec<V>,
    /// A video that never finished uploading (never played).
    idle: i64,
    today: i64,
    _dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Self {
        let emu = common::emulator();
        let client = common::client(&emu);
        let dir = tempfile::tempdir().unwrap();
        let mut videos = Vec::new();
        for name in ["a.mp4", "b.mp4"] {
            let id = common::transcoded_video(&emu, &client, dir.path(), name);
            let info = client.get_info(&GetInfo { video_id: id }).unwrap();
            videos.push(V {
                id,
                first_day: day_of(info.create_time.parse().unwrap()),
                bytes: info.total_size,
            });
        }
        let idle = client
            .get_upload_url(&GetUploadUrl {
                file_name: "idle.mp4".into(),
                definition: "16".into(),
                ..Default::default()
            })
            .unwrap()
            .video_id;
        // Forty days on, to China-time noon: a day boundary cannot pass mid-test.
        let clock = emu.baijiayun().clock();
        let now = clock.now_secs();
        let target = (day_of(now) + 40) * 86_400 + 12 * 3600 - 8 * 3600;
        clock.advance_ms((target - now) * 1000);
        let today = day_of(clock.now_secs());
        Fixture {
            emu,
            client,
            videos,
            idle,
            today,
            _dir: dir,
        }
    }

    fn first_day(&self) -> i64 {
        self.videos.iter().map(|v| v.first_day).min().unwrap()
    }

    /// A past day on which every video was played.
    fn busy_day(&self) -> i64 {
        (self.first_day()..self.today)
            .rev()
            .find(|d| self.videos.iter().all(|v| plays(*v, *d, self.today) > 0))
            .expect("some day with plays of every video")
    }

    fn requests(&self) -> u64 {
        self.emu.baijiayun().total_requests()
    }
}

// ------------------------------------------------------------- flow

#[test]
fn flow_per_video_per_day_and_in_total_follows_the_rule() {
    let fx = Fixture::new();
    let (c, today) = (&fx.client, fx.today);
    let [a, b] = [fx.videos[0], fx.videos[1]];
    let (start, end) = (fx.first_day() - 3, today + 2);

    // API 37: every date present; before creation, today and later read 0.
    let detail = c
        .get_account_used_flow_detail(&GetAccountUsedFlowDetail {
            start_date: date(start),
            end_date: date(end),
        })
        .unwrap();
    let expected: BTreeMap<String, i64> = (start..=end)
        .map(|d| (date(d), flow(a, d, today) + flow(b, d, today)))
        .collect();
    assert_eq!(detail.flow, expected);
    assert_eq!(detail.flow[&date(start)], 0);
    assert_eq!(detail.flow[&date(today)], 0);
    assert!(detail.flow.values().any(|f| *f > 0));

    // API 22 over the range = the sum of API 37's days.
    let total = c
        .get_account_used_flow(&GetAccountUsedFlow {
            start_date: date(start),
            end_date: date(end),
        })
        .unwrap();
    assert_eq!(total.flow, detail.flow.values().sum::<i64>());

    // API 21 within the month of yesterday, per video; they add up to API 22 there.
    let (_, m, d) = civil_from_days(today - 1);
    let month_start = today - d;
    let month_end = (month_start..)
        .take_while(|d| civil_from_days(*d).1 == m)
        .last()
        .unwrap();
    assert!(month_start > fx.first_day());
    let mut sum = 0;
    for v in [a, b] {
        let used = c
            .get_video_used_flow(&GetVideoUsedFlow {
                video_id: v.id,
                start_date: date(month_start),
                end_date: date(month_end),
            })
            .unwrap();
        let expected: i64 = (month_start..=month_end).map(|d| flow(v, d, today)).sum();
        assert_eq!(used.flow, expected);
        sum += used.flow;
    }
    let account = c
        .get_account_used_flow(&GetAccountUsedFlow {
            start_date: date(month_start),
            end_date: date(month_end),
        })
        .unwrap();
    assert_eq!(account.flow, sum);
    // A video that was never transcoded used nothing.
    let idle = c
        .get_video_used_flow(&GetVideoUsedFlow {
            video_id: fx.idle,
            start_date: date(month_start),
            end_date: date(month_end),
        })
        .unwrap();
    assert_eq!(idle.flow, 0);

    // API 38: per video on one day, strings read as numbers, ordered by video id.
    let day = fx.busy_day();
    let page = c
        .get_product_used_flow_detail(&GetProductUsedFlowDetail {
            product_type: 5,
            date: date(day),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.total, 2);
    let got: Vec<(i64, i64)> = page.list.iter().map(|f| (f.video_id, f.flow)).collect();
    assert_eq!(
        got,
        vec![(a.id, flow(a, day, today)), (b.id, flow(b, day, today))]
    );
    assert_eq!(
        got.iter().map(|g| g.1).sum::<i64>(),
        detail.flow[&date(day)]
    );
    // Paged: the second video alone on page 2 of size 1.
    let second = c
        .get_product_used_flow_detail(&GetProductUsedFlowDetail {
            product_type: 5,
            date: date(day),
            page: Some(2),
            page_size: Some(1),
        })
        .unwrap();
    assert_eq!(second.total, 2);
    assert_eq!(second.list.len(), 1);
    assert_eq!(
        (second.list[0].video_id, second.list[0].flow),
        (b.id, flow(b, day, today))
    );
    // No live classes here.
    let live = c
        .get_product_used_flow_detail(&GetProductUsedFlowDetail {
            product_type: 1,
            date: date(day),
            ..Default::default()
        })
        .unwrap();
    assert_eq!((live.total, live.list.len()), (0, 0));
    // The wire really carries strings, as in the document's example.
    let raw = c
        .call_raw_json(
            "video_data/getUsedFlowDetail",
            &json!({"product_type": 5, "date": date(day)}),
        )
        .unwrap();
    assert_eq!(raw["list"][0]["video_id"], json!(a.id.to_string()));
    assert_eq!(
        raw["list"][0]["flow"],
        json!(flow(a, day, today).to_string())
    );
}

#[test]
fn storage_and_flow_totals() {
    let fx = Fixture::new();
    let (c, today) = (&fx.client, fx.today);
    let info = c
        .get_storage_and_flow_info(&GetStorageAndFlowInfo {})
        .unwrap();
    let storage: i64 = fx
        .videos
        .iter()
        .map(|v| {
            c.get_info(&GetInfo { video_id: v.id })
                .unwrap()
                .total_transcode_size
        })
        .sum();
    let flow_all: i64 = fx
        .videos
        .iter()
        .map(|v| {
            (v.first_day..today)
                .map(|d| flow(*v, d, today))
                .sum::<i64>()
        })
        .sum();
    assert!(storage > 0 && flow_all > 0);
    assert_eq!(
        info.video,
        ProductUsage {
            storage,
            flow: flow_all
        }
    );
    assert_eq!(
        info.total,
        ProductUsage {
            storage,
            flow: flow_all
        }
    );
    assert_eq!(info.doc, ProductUsage::default());
    for other in [
        info.large_class,
        info.small_class,
        info.double_teacher,
        info.business,
        info.weclass,
    ] {
        assert_eq!(other, ProductUsage::default());
    }
    // Total flow since the start = API 22 from the first day to yesterday.
    let used = c
        .get_account_used_flow(&GetAccountUsedFlow {
            start_date: date(fx.first_day()),
            end_date: date(today - 1),
        })
        .unwrap();
    assert_eq!(used.flow, info.total.flow);
    // `doc` carries storage only, as in the document.
    let raw = c
        .call_raw_json("video_account/getStorgeAndFlowInfo", &json!({}))
        .unwrap();
    assert_eq!(raw["doc"], json!({"storage": 0}));

    // Subtitle files count as VOD storage.
    let dir = tempfile::tempdir().unwrap();
    let vtt = dir.path().join("zh.vtt");
    std::fs::write(&vtt, "WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n").unwrap();
    c.upload_subtitle(
        &UploadSubtitle {
            video_id: fx.videos[0].id,
            name: "zh".into(),
        },
        &vtt,
    )
    .unwrap();
    let after = c
        .get_storage_and_flow_info(&GetStorageAndFlowInfo {})
        .unwrap();
    let grown = storage + std::fs::metadata(&vtt).unwrap().len() as i64;
    assert_eq!(
        after.video,
        ProductUsage {
            storage: grown,
            flow: flow_all
        }
    );
    assert_eq!(
        after.total,
        ProductUsage {
            storage: grown,
            flow: flow_all
        }
    );
}

// ------------------------------------------------------------- plays

#[test]
fn daily_counts_rank_and_records_agree() {
    let fx = Fixture::new();
    let (c, today) = (&fx.client, fx.today);
    let [a, b] = [fx.videos[0], fx.videos[1]];
    let (start, end) = (fx.first_day() - 2, today + 1);

    // API 29: every date present, per the rule.
    let daily_a = c
        .get_video_daily_play_count(&GetVideoDailyPlayCount {
            video_id: a.id,
            start_date: date(start),
            end_date: date(end),
        })
        .unwrap();
    let expected: BTreeMap<String, i64> = (start..=end)
        .map(|d| (date(d), plays(a, d, today)))
        .collect();
    assert_eq!(daily_a.play_count, expected);
    let daily_b = c
        .get_video_daily_play_count(&GetVideoDailyPlayCount {
            video_id: b.id,
            start_date: date(start),
            end_date: date(end),
        })
        .unwrap();
    let idle = c
        .get_video_daily_play_count(&GetVideoDailyPlayCount {
            video_id: fx.idle,
            start_date: date(start),
            end_date: date(end),
        })
        .unwrap();
    assert_eq!(idle.play_count.len() as i64, end - start + 1);
    assert!(idle.play_count.values().all(|n| *n == 0));

    // API 30: the account's days are the sum of its videos' days.
    let partner = c
        .get_partner_daily_play_count(&GetPartnerDailyPlayCount {
            start_date: date(start),
            end_date: date(end),
            product_type: None,
        })
        .unwrap();
    let summed: BTreeMap<String, i64> = daily_a
        .play_count
        .iter()
        .map(|(d, n)| (d.clone(), n + daily_b.play_count[d]))
        .collect();
    assert_eq!(partner.play_count, summed);
    let vod = c
        .get_partner_daily_play_count(&GetPartnerDailyPlayCount {
            start_date: date(start),
            end_date: date(end),
            product_type: Some(5),
        })
        .unwrap();
    assert_eq!(vod.play_count, summed);
    let live = c
        .get_partner_daily_play_count(&GetPartnerDailyPlayCount {
            start_date: date(start),
            end_date: date(end),
            product_type: Some(2),
        })
        .unwrap();
    assert_eq!(live.play_count.len() as i64, end - start + 1);
    assert!(live.play_count.values().all(|n| *n == 0));

    // API 28: totals per video, most played first.
    let rank = c
        .get_video_play_count_rank(&GetVideoPlayCountRank {
            start_date: date(start),
            end_date: date(end),
            product_type: None,
        })
        .unwrap();
    let total = |v: V| (start..=end).map(|d| plays(v, d, today)).sum::<i64>();
    let mut expected = vec![(a.id, total(a)), (b.id, total(b))];
    expected.sort_by_key(|(id, n)| (-n, *id));
    let got: Vec<(i64, i64)> = rank
        .play_rank
        .iter()
        .map(|r| (r.video_id, r.play_count))
        .collect();
    assert_eq!(got, expected);
    assert!(got.windows(2).all(|w| w[0].1 >= w[1].1));
    assert_eq!(
        got[0].1,
        daily_a
            .play_count
            .values()
            .sum::<i64>()
            .max(daily_b.play_count.values().sum())
    );
    let live = c
        .get_video_play_count_rank(&GetVideoPlayCountRank {
            start_date: date(start),
            end_date: date(end),
            product_type: Some(1),
        })
        .unwrap();
    assert!(live.play_rank.is_empty());

    // API 24: one record per play; a whole day's total equals API 29's count.
    let day = fx.busy_day();
    let whole_day = |v: V| GetVideoPlayRecord {
        video_id: v.id,
        start_time: format!("{} 00:00:00", date(day)),
        end_time: format!("{} 23:59:59", date(day)),
        page: None,
        page_size: Some(1000),
    };
    let recs = c.get_video_play_record(&whole_day(a)).unwrap();
    assert_eq!(recs.total, daily_a.play_count[&date(day)]);
    assert_eq!((recs.page, recs.page_size), (1, 1000));
    let expected = records(&[a], day, today, 0, 86_399);
    assert_eq!(recs.list.len(), expected.len());
    for (got, want) in recs.list.iter().zip(&expected) {
        assert_record(got, want);
    }
    // A window within the day keeps the plays that began in it.
    let window = c
        .get_video_play_record(&GetVideoPlayRecord {
            start_time: format!("{} 06:00:00", date(day)),
            end_time: format!("{} 17:59:59", date(day)),
            page: None,
            page_size: None,
            ..whole_day(b)
        })
        .unwrap();
    let expected = records(&[b], day, today, 6 * 3600, 18 * 3600 - 1);
    assert_eq!(
        (window.total as usize, window.page, window.page_size),
        (expected.len(), 1, 100)
    );
    for (got, want) in window.list.iter().zip(&expected) {
        assert_record(got, want);
    }

    // API 25: every video's plays, by time; pages slice the same list.
    let all = c
        .export_video_report_batch(&ExportVideoReportBatch {
            start_time: format!("{} 00:00:00", date(day)),
            end_time: format!("{} 23:59:59", date(day)),
            page_size: Some(1000),
            ..Default::default()
        })
        .unwrap();
    let expected = records(&[a, b], day, today, 0, 86_399);
    assert_eq!(
        all.total,
        daily_a.play_count[&date(day)] + daily_b.play_count[&date(day)]
    );
    assert_eq!(all.list.len(), expected.len());
    for (got, want) in all.list.iter().zip(&expected) {
        assert_record(got, want);
    }
    let page2 = c
        .export_video_report_batch(&ExportVideoReportBatch {
            product_type: Some(5),
            start_time: format!("{} 00:00:00", date(day)),
            end_time: format!("{} 23:59:59", date(day)),
            page: Some(2),
            page_size: Some(2),
        })
        .unwrap();
    assert_eq!(
        (page2.total, page2.page, page2.page_size),
        (all.total, 2, 2)
    );
    let want: Vec<&PlayRecord> = expected.iter().skip(2).take(2).collect();
    assert_eq!(page2.list.len(), want.len());
    for (got, want) in page2.list.iter().zip(want) {
        assert_record(got, want);
    }
    let live = c
        .export_video_report_batch(&ExportVideoReportBatch {
            product_type: Some(1),
            start_time: format!("{} 00:00:00", date(day)),
            end_time: format!("{} 23:59:59", date(day)),
            ..Default::default()
        })
        .unwrap();
    assert_eq!((live.total, live.list.len()), (0, 0));
}

// ------------------------------------------------------------- errors

fn assert_1001(result: vodkit::Result<serde_json::Value>, what: &str) {
    let err = result.expect_err(what);
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{what}: {err}");
    assert_eq!(err.provider_code(), Some("1001"), "{what}: {err}");
}

#[test]
fn the_emulator_rejects_bad_dates_and_parameters_with_1001() {
    let fx = Fixture::new();
    let c = &fx.client;
    let v = fx.videos[0].id;
    let cases = [
        (
            "video_data/getUsedFlow",
            json!({"video_id": v, "start_date": "2017-08-31", "end_date": "2017-09-01"}),
            "across months",
        ),
        (
            "video_data/getUsedFlow",
            json!({"start_date": "2017-08-01", "end_date": "2017-08-03"}),
            "no video_id",
        ),
        (
            "video_data/getUsedFlow",
            json!({"video_id": 999_999, "start_date": "2017-08-01", "end_date": "2017-08-03"}),
            "no such video",
        ),
        (
            "video_account/getUsedFlow",
            json!({"start_date": "2017-8-1", "end_date": "2017-08-03"}),
            "bad date format",
        ),
        (
            "video_account/getUsedFlow",
            json!({"start_date": "2017-02-30", "end_date": "2017-03-03"}),
            "no such date",
        ),
        (
            "video_account/getUsedFlow",
            json!({"start_date": "2017-08-01"}),
            "no end_date",
        ),
        (
            "video_account/getUsedFlowDetail",
            json!({"start_date": "2017-08-03", "end_date": "2017-08-01"}),
            "reversed range",
        ),
        (
            "video_account/getUsedFlowDetail",
            json!({"start_date": "2017-01-01", "end_date": "2019-01-01"}),
            "range too long",
        ),
        (
            "video_data/getVideoDailyPlayCount",
            json!({"video_id": 999_999, "start_date": "2017-08-01", "end_date": "2017-08-03"}),
            "no such video",
        ),
        (
            "video_data/getPartnerDailyPlayCount",
            json!({"product_type": 7, "start_date": "2017-08-01", "end_date": "2017-08-03"}),
            "bad product_type",
        ),
        (
            "video_data/getVideoPlayCountRank",
            json!({"start_date": "2017-08-01", "end_date": "20170803"}),
            "bad end_date",
        ),
        (
            "video_data/getVideoPlayRecord",
            json!({"video_id": v, "start_time": "2017-09-08 00:30:00", "end_time": "2017-09-09 00:10:00"}),
            "across days",
        ),
        (
            "video_data/getVideoPlayRecord",
            json!({"video_id": v, "start_time": "2017-09-08 10:00:00", "end_time": "2017-09-08 09:00:00"}),
            "reversed times",
        ),
        (
            "video_data/getVideoPlayRecord",
            json!({"video_id": v, "start_time": "2017-09-08", "end_time": "2017-09-08 09:00:00"}),
            "time without clock",
        ),
        (
            "video_data/getVideoPlayRecord",
            json!({"video_id": v, "start_time": "2017-09-08 00:00:00", "end_time": "2017-09-08 09:00:00", "page_size": 1001}),
            "page_size over 1000",
        ),
        (
            "video_data/exportVideoReportBatch",
            json!({"start_time": "2017-09-08 00:00:00", "end_time": "2017-09-08 09:00:00", "page": 0}),
            "page 0",
        ),
        (
            "video_data/exportVideoReportBatch",
            json!({"product_type": 9, "start_time": "2017-09-08 00:00:00", "end_time": "2017-09-08 09:00:00"}),
            "bad product_type",
        ),
        (
            "video_data/getUsedFlowDetail",
            json!({"date": "2017-08-01"}),
            "no product_type",
        ),
        (
            "video_data/getUsedFlowDetail",
            json!({"product_type": 6, "date": "2017-08-01"}),
            "product_type 6",
        ),
        (
            "video_data/getUsedFlowDetail",
            json!({"product_type": 5, "date": "2017-08-32"}),
            "bad date",
        ),
    ];
    for (op, params, what) in cases {
        assert_1001(c.call_raw_json(op, &params), &format!("{op}: {what}"));
    }
}

#[test]
fn the_client_rejects_certainly_invalid_input_before_sending() {
    let fx = Fixture::new();
    let c = &fx.client;
    let v = fx.videos[0].id;
    let before = fx.requests();
    let window = |start: &str, end: &str| GetVideoPlayRecord {
        video_id: v,
        start_time: start.into(),
        end_time: end.into(),
        ..Default::default()
    };
    let errors = [
        c.get_video_used_flow(&GetVideoUsedFlow {
            video_id: v,
            start_date: "2017-08-31".into(),
            end_date: "2017-09-01".into(),
        })
        .map(drop),
        c.get_video_used_flow(&GetVideoUsedFlow {
            video_id: v,
            start_date: "2017-08-01".into(),
            end_date: "2017-8-3".into(),
        })
        .map(drop),
        c.get_account_used_flow(&GetAccountUsedFlow {
            start_date: "2017-08-03".into(),
            end_date: "2017-08-01".into(),
        })
        .map(drop),
        c.get_account_used_flow_detail(&GetAccountUsedFlowDetail {
            start_date: "2017-02-29".into(),
            end_date: "2017-03-01".into(),
        })
        .map(drop),
        c.get_video_daily_play_count(&GetVideoDailyPlayCount {
            video_id: v,
            start_date: "".into(),
            end_date: "2017-08-01".into(),
        })
        .map(drop),
        c.get_partner_daily_play_count(&GetPartnerDailyPlayCount {
            start_date: "2017-08-01".into(),
            end_date: "2017/08/02".into(),
            product_type: None,
        })
        .map(drop),
        c.get_video_play_count_rank(&GetVideoPlayCountRank {
            start_date: "2017-08-02".into(),
            end_date: "2017-08-01".into(),
            product_type: None,
        })
        .map(drop),
        c.get_video_play_record(&window("2017-09-08 00:30:00", "2017-09-09 00:00:00"))
            .map(drop),
        c.get_video_play_record(&window("2017-09-08 10:00:00", "2017-09-08 09:00:00"))
            .map(drop),
        c.get_video_play_record(&window("2017-09-08 24:00:00", "2017-09-08 23:00:00"))
            .map(drop),
        c.get_video_play_record(&GetVideoPlayRecord {
            page_size: Some(1001),
            ..window("2017-09-08 00:00:00", "2017-09-08 01:00:00")
        })
        .map(drop),
        c.export_video_report_batch(&ExportVideoReportBatch {
            start_time: "2017-09-08 00:00:00".into(),
            end_time: "2017-09-08 01:00:00".into(),
            page: Some(0),
            ..Default::default()
        })
        .map(drop),
        c.get_product_used_flow_detail(&GetProductUsedFlowDetail {
            product_type: 5,
            date: "2017-08".into(),
            ..Default::default()
        })
        .map(drop),
        c.get_product_used_flow_detail(&GetProductUsedFlowDetail {
            product_type: 0,
            date: "2017-08-01".into(),
            ..Default::default()
        })
        .map(drop),
    ];
    for (i, result) in errors.into_iter().enumerate() {
        let err = result.expect_err(&format!("case {i}"));
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "case {i}: {err}");
        assert_eq!(err.provider_code(), None, "case {i}: {err}");
    }
    assert_eq!(fx.requests(), before, "nothing was sent");
}
